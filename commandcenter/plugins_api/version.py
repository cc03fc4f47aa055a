"""The plugin API version and the rule deciding whether a plugin written for another version loads.

A plugin names the API version it was written against. Same major: the facade only grew since, so a
plugin needing 1.0 runs on 1.3; a plugin needing 1.4 does not run on 1.3 (it may call what we lack),
and a different major means names were removed or changed. Bump the minor when adding to
``PluginContext``; bump the major only when removing or changing something plugins call.
``ui.plugins`` (the widget side) is versioned with the same number.

1.1: the facade's own record types (``Office``, ``Segment``, ``StaffMember``, ``ScreenedReport`` …,
field-compatible with what 1.0 handed out), ``add_demo_data``, ``ui.plugins.QtTabbedPanel``.
1.2: ``PluginContext.post_indicators`` and ``PostIndicators`` — the district's indicators per person
and period (issue 16), so an office's own scoring uses the district's rules.
"""

from __future__ import annotations

API_VERSION = "1.2"


class VersionError(ValueError):
    """A version string that is not ``MAJOR.MINOR`` (with an optional ``.PATCH``)."""


def parse_version(text: str) -> tuple[int, int]:
    parts = str(text).strip().split(".")
    if not 2 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        raise VersionError(f"API 版本 {text!r} 格式错误 (expected MAJOR.MINOR)")
    return int(parts[0]), int(parts[1])


def is_compatible(required: str, provided: str = API_VERSION) -> bool:
    """True if a plugin needing ``required`` can run on an API of version ``provided``."""
    need_major, need_minor = parse_version(required)
    have_major, have_minor = parse_version(provided)
    return need_major == have_major and need_minor <= have_minor
