"""受理 at the desk: an operator takes a citizen's call (电话) or visit (来访) down in the 新建案件
form, and the report goes through the workstation's one ``CaseIntake`` like every other source —
screened, located, merged into an open duplicate or filed with its dispatch deadline, the office's
case rules applied. Photos are stored first (``photo:<sha256>``), so the case refers to bytes every
workstation can read.

The form's helpers live here too: places and categories by name or pinyin initials, and the
duplicate hint — asked of the same intake with screening's own radius and window, so the case it
names is the case the report will join. The caller's phone goes to ``case_reporters.phone`` only:
the audit row names the case, the source and the category, never the number.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import BASE_DATA_ACTIONS, AuditAction, AuditTrail
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.cases.intake import CaseIntake, IntakeOutcome
from commandcenter.cases.screening import Rejection
from commandcenter.domain.cases import IncomingReport, NearbyCase
from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.photos import check_photo
from commandcenter.domain.reporting import DeskReport, DeskSource, PhoneRefused, clean_phone
from commandcenter.geo.datum import Datum, to_wgs84
from commandcenter.lookup.categories import CategoryIndex
from commandcenter.lookup.places import Place, PlaceIndex
from commandcenter.persistence.accounts.audit_log import latest_seq
from commandcenter.persistence.cases.photo_store import store_photo
from commandcenter.persistence.cases.transitions import read_case
from commandcenter.persistence.store import Store
from commandcenter.services.guard import Guarded

MAX_PHOTOS = 9  # what a WeChat message carries at most; more is a mistake at the desk


class Filing(StrEnum):
    NEW = "new"  # a new case in 受理
    MERGED = "merged"  # one more reporter on an open case of the same kind nearby
    REJECTED = "rejected"  # screening refused it; ``rejections`` say why
    IN_REVIEW = "in_review"  # refused for a reason an operator can fix: kept in 待甄别 (``review_id``)


@dataclass(frozen=True)
class FiledReport:
    filing: Filing
    case_id: int | None = None
    number: str | None = None  # the case's 案件编号, for the operator to read out to the caller
    rejections: tuple[Rejection, ...] = ()
    review_id: int | None = None  # IN_REVIEW: the 待甄别 item the report waits in


class IntakeService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        intake: CurrentIntake,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        """``intake``: the workstation's one intake (``hub.Services`` shares it with alert filing)."""
        super().__init__(store, principal, audit=audit, clock=clock)
        self._intake = intake
        self._places: tuple[int, PlaceIndex] | None = None  # (base-data revision, index)
        self._categories: tuple[CaseIntake, CategoryIndex] | None = None
        self._lock = threading.Lock()  # the category index
        self._places_lock = threading.Lock()  # held while the place index is (re)built

    def find_places(self, text: object) -> list[Place]:
        """Roads, segments, offices and landmarks ``text`` names, best first (worker thread)."""
        self._require(Permission.FILE_REPORT, "places")
        return self._place_index().find(clean_text(text, "search"))

    def categories(self, text: object = "") -> list[CategorySpec]:
        """Active categories by name, code or pinyin initials; all of them for an empty text."""
        self._require(Permission.FILE_REPORT, "categories")
        query = clean_text(text, "search")
        intake = self._intake_now()
        with self._lock:
            if self._categories is None or self._categories[0] is not intake:
                self._categories = (intake, CategoryIndex(intake.categories))
            index = self._categories[1]
        return index.find(query)

    def duplicate_hint(
        self, category_code: object, lon: float, lat: float, datum: str = Datum.WGS84.value
    ) -> list[NearbyCase]:
        """The open cases of this category a report here would join, nearest first (the first is
        the one intake merges into); empty for an unknown category or an unreadable point."""
        self._require(Permission.FILE_REPORT, "cases")
        code = clean_text(category_code, "category", limit=8)
        intake = self._intake_now()
        if code not in intake.categories:
            return []
        try:
            wgs_lon, wgs_lat = to_wgs84(float(lon), float(lat), datum)
        except (TypeError, ValueError):
            return []
        return list(intake.duplicates_near(code, wgs_lon, wgs_lat, self.clock()))

    def file_report(self, report: DeskReport) -> FiledReport:
        """File the report through intake. Raises ``InvalidInput`` or ``PhotoRefused`` (nothing
        stored), ``PermissionDenied`` or ``DatabaseUnavailable``; a report screening refuses comes
        back as ``Filing.REJECTED`` with its reasons."""
        self._require(Permission.FILE_REPORT, "cases")
        incoming = self._incoming(report)
        for photo in report.photos:
            check_photo(photo.content, photo.media_type)  # every photo before the first is stored
        now = self.clock()
        uris = tuple(
            store_photo(self.store, photo.content, photo.media_type, self.principal.username, now)
            for photo in report.photos
        )
        outcome = self._intake_now().receive(_with_photos(incoming, uris), now)
        if outcome.case_id is None:
            filing = Filing.REJECTED if outcome.review_id is None else Filing.IN_REVIEW
            return FiledReport(filing, rejections=outcome.result.rejections, review_id=outcome.review_id)
        return self._filed(outcome, incoming, len(uris))

    def _filed(self, outcome: IntakeOutcome, report: IncomingReport, photos: int) -> FiledReport:
        assert outcome.case_id is not None
        details = {
            "source": report.source,
            "category": report.category_code,
            "merged": outcome.merged,
            "photos": photos,
        }
        self._record(AuditAction.CASE_FILED, f"case:{outcome.case_id}", details)
        number = read_case(self.store, outcome.case_id).number
        return FiledReport(Filing.MERGED if outcome.merged else Filing.NEW, outcome.case_id, number)

    def _incoming(self, report: DeskReport) -> IncomingReport:
        """The report as intake takes it, every field checked (``InvalidInput`` names the field)."""
        try:
            source = DeskSource(report.source)
        except ValueError as error:
            raise InvalidInput("source", "应为电话或来访", "must be 电话 or 来访") from error
        try:
            phone = clean_phone(clean_text(report.reporter_phone, "reporter_phone", limit=30))
        except PhoneRefused as error:
            raise InvalidInput(
                "reporter_phone", "电话号码应为 5–20 位数字", "a phone number is 5–20 digits"
            ) from error
        if len(report.photos) > MAX_PHOTOS:
            raise InvalidInput("photos", f"最多 {MAX_PHOTOS} 张照片", f"at most {MAX_PHOTOS} photos")
        if not isinstance(report.lon, int | float) or not isinstance(report.lat, int | float):
            raise InvalidInput("location", "请选择案件位置", "choose the case's location")
        return IncomingReport(
            category_code=clean_text(report.category_code, "category", limit=8, required=True),
            lon=float(report.lon),
            lat=float(report.lat),
            source=source.value,
            reporter=clean_text(report.reporter, "reporter", limit=40),
            description=clean_text(report.description, "note"),
            address=clean_text(report.address, "address", limit=120),
            datum=clean_text(report.datum, "datum", limit=8, required=True),
            reporter_phone=phone,
        )

    def _intake_now(self) -> CaseIntake:
        intake = self._intake.current()
        assert intake is not None  # only advice waits for a district
        return intake

    def _place_index(self) -> PlaceIndex:
        """Built on the first search, rebuilt after an audited change of the base data."""
        revision = latest_seq(self.store, BASE_DATA_ACTIONS)
        with self._places_lock:
            if self._places is None or self._places[0] != revision:
                self._places = (revision, PlaceIndex.from_store(self.store))
            return self._places[1]


def _with_photos(report: IncomingReport, uris: tuple[str, ...]) -> IncomingReport:
    return dataclasses.replace(report, photos=uris)
