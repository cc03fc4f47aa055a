"""What the host plugs in behind a ``PluginContext``: the district's reads and the plugin's own tables.

The facade never opens a database: these protocols say what it needs, and the host
(``commandcenter.plugin_host``) supplies objects that read the store and convert the rows into the
facade's types. ``Tables`` is also the documented shape of ``context.tables``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from commandcenter.plugins_api.types import CaseOutcome, Office, PostIndicators, Segment, StaffMember


class Tables(Protocol):
    """The plugin's own tables, named WITHOUT the ``plg_<plugin id>_`` prefix; rows are dicts.

    A table the plugin's migrations did not create, an unknown column or a broken constraint raises
    an error that is the plugin's (it gets disabled); a database that does not answer raises
    ``DatabaseUnavailable``, which the host shows and retries.
    """

    def rows(
        self, name: str, where: Mapping[str, Any] | None = None, order_by: Sequence[str] = ("id",)
    ) -> list[dict[str, Any]]:
        """Every row (``where``: column == value for each item), ordered by ``order_by``."""
        ...

    def count(self, name: str) -> int: ...

    def insert(self, name: str, /, **values: Any) -> int:
        """Insert one row; returns its ``id``."""
        ...

    def insert_many(self, name: str, rows: Sequence[Mapping[str, Any]]) -> None: ...

    def update(self, name: str, row_id: int, /, **values: Any) -> bool:
        """Change one row; False when no row has that id."""
        ...


class DistrictReader(Protocol):
    """The district as the host reads it for a plugin (every call may raise ``DatabaseUnavailable``)."""

    def offices(self) -> list[Office]: ...

    def segments(self) -> list[Segment]: ...

    def staff(self) -> list[StaffMember]: ...

    def case_outcomes(self, office_id: int | None) -> list[CaseOutcome]: ...

    def post_indicators(self, office_id: int, period: str | None) -> list[PostIndicators]: ...
