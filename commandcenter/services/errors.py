"""The errors a screen may meet when it asks a service, in one place: the UI catches these without
importing the layers that raise them (``ui`` may not import ``commandcenter.persistence``)."""

from __future__ import annotations

from commandcenter.accounts.errors import AccessError, FirstRunOver, InvalidInput, PermissionDenied
from commandcenter.catalog.source import CatalogError as PlatformError  # a camera source's failure
from commandcenter.district_data.read_features import DistrictFileError
from commandcenter.domain.case_requests import RequestRefused
from commandcenter.domain.category_rules import InvalidCategory
from commandcenter.domain.credit import CreditRefused
from commandcenter.domain.district_edits import EditRefused
from commandcenter.domain.duty import DutyRefused
from commandcenter.domain.holiday_import import HolidayImportError
from commandcenter.domain.photos import PhotoNotFound, PhotoRefused
from commandcenter.domain.reviews import ReviewNotFound, ReviewStillRejected, ReviewTaken
from commandcenter.domain.settings import SettingsConflict
from commandcenter.domain.settings_problems import InvalidSettings
from commandcenter.domain.workflow_errors import (
    CaseNotFound,
    ConcurrentChange,
    TransitionRefused,
    UnknownCategory,
)
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.textfiles import TextEncodingError

__all__ = [
    "AccessError",
    "CaseNotFound",
    "ConcurrentChange",
    "CreditRefused",
    "DatabaseUnavailable",
    "DistrictFileError",
    "DutyRefused",
    "EditRefused",
    "FirstRunOver",
    "HolidayImportError",
    "InvalidCategory",
    "InvalidInput",
    "InvalidSettings",
    "PermissionDenied",
    "PhotoNotFound",
    "PhotoRefused",
    "PlatformError",
    "RequestRefused",
    "ReviewNotFound",
    "ReviewStillRejected",
    "ReviewTaken",
    "SettingsConflict",
    "TextEncodingError",
    "TransitionRefused",
    "UnknownCategory",
]
