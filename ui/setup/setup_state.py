"""What the wizard's pages have decided so far, shared by them: the one place the summary and the
finished wizard read from. Pages change it only on the Qt thread (a worker's answer arrives there)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from commandcenter.accounts.principal import Principal
from commandcenter.config import MapSettings, Settings
from commandcenter.domain.district import SeedCounts
from commandcenter.setup.database_choice import OpenedDatabase
from commandcenter.setup.seat_config import SeatChoices, WrittenConfig


class DistrictChoice(StrEnum):
    IMPORT = "import"
    DEMO = "demo"
    LATER = "later"


@dataclass
class SetupState:
    settings: Settings  # the seat's settings at start (simulator seed, streams … are kept)
    config_path: Path  # where the wizard writes
    language: str = "zh_CN"
    database_url: str | None = None  # as tested, password included; None: not tested yet
    embedded: bool = True
    opened: OpenedDatabase | None = None
    principal: Principal | None = None  # the first administrator, signed in
    district: DistrictChoice = DistrictChoice.LATER
    district_counts: SeedCounts | None = None  # after a demo load
    imported_rows: int = 0
    media_url_template: str = ""  # saved into the district's settings by the media page
    map: MapSettings = field(default_factory=MapSettings)
    written: WrittenConfig | None = None

    def choices(self) -> SeatChoices:
        url = None if self.embedded and self._default_embedded() else self.database_url
        return SeatChoices(self.language, url, self.map)

    def _default_embedded(self) -> bool:
        from commandcenter.setup.database_choice import default_embedded_path, embedded_url

        return self.database_url == embedded_url(default_embedded_path())

    def take_opened(self, opened: OpenedDatabase, url: str, embedded: bool) -> None:
        """Work on a newly tested database (the page's worker closed the previous one): an
        administrator or a district loaded in another database does not count here."""
        self.opened, self.database_url, self.embedded = opened, url, embedded
        self.principal = None
        self.district, self.district_counts, self.imported_rows = DistrictChoice.LATER, None, 0
        self.media_url_template = ""
