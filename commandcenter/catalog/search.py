"""Camera search that answers while the operator types: name substring, code prefix, pinyin initials.

Scanning 56,850 entries with three string tests each costs tens of milliseconds in Python per
keystroke. Instead the names (and their initials) are joined once into one big string and the
query is found with ``str.find`` — C speed — and the hit's offset is mapped back to its camera by
bisection. Code prefixes use a sorted list and bisection. Results stop at ``limit``: nobody reads
the 3,000th hit of "路"; they type one more character.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from commandcenter.catalog.pinyin_initials import name_initials, prepare
from commandcenter.domain.cameras import CameraEntry

_SEPARATOR = "\x00"  # cannot occur in a query, so no hit spans two names
DEFAULT_LIMIT = 500


class _Haystack:
    """Many strings joined into one, each tagged with the index of the camera it belongs to."""

    def __init__(self, texts: Sequence[tuple[int, str]]) -> None:
        self._starts: list[int] = []
        self._owners: list[int] = []
        position = 0
        for owner, text in texts:
            self._starts.append(position)
            self._owners.append(owner)
            position += len(text) + 1
        self._text = _SEPARATOR.join(text for _owner, text in texts)

    def owners(self, needle: str) -> Iterator[int]:
        """Camera indexes whose text contains ``needle``, in index order, each once per text."""
        start = self._text.find(needle)
        while start >= 0:
            slot = bisect.bisect_right(self._starts, start) - 1
            yield self._owners[slot]
            following = slot + 1
            if following >= len(self._starts):
                return
            start = self._text.find(needle, self._starts[following])


class CameraSearch:
    """An index over a fixed list of cameras; build once per catalog load (≈0.2 s per 56,850)."""

    def __init__(self, cameras: Sequence[CameraEntry]) -> None:
        self.cameras = list(cameras)
        prepare([camera.name for camera in self.cameras])
        self._names = _Haystack([(index, camera.name.lower()) for index, camera in enumerate(self.cameras)])
        initials = [
            (index, variant)
            for index, camera in enumerate(self.cameras)
            for variant in name_initials(camera.name)
        ]
        self._initials = _Haystack(initials)
        codes = [(camera.code.lower(), index) for index, camera in enumerate(self.cameras)]
        codes += [
            (camera.gb_device_id, index) for index, camera in enumerate(self.cameras) if camera.gb_device_id
        ]
        codes.sort()
        self._code_keys = [key for key, _index in codes]
        self._code_owners = [index for _key, index in codes]

    def __len__(self) -> int:
        return len(self.cameras)

    def _code_prefix(self, prefix: str) -> Iterator[int]:
        position = bisect.bisect_left(self._code_keys, prefix)
        while position < len(self._code_keys) and self._code_keys[position].startswith(prefix):
            yield self._code_owners[position]
            position += 1

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[CameraEntry]:
        """Cameras matching ``query``: code/GB-id prefix hits first, then name and initials hits in
        catalog order. An empty query matches nothing (the tree shows everything then)."""
        needle = query.strip().lower()
        if not needle or _SEPARATOR in needle:
            return []
        found: dict[int, None] = {}
        sources = [self._code_prefix(needle)]
        if needle.isascii() and needle.isalnum():
            sources.append(_merged(self._names.owners(needle), self._initials.owners(needle)))
        else:
            sources.append(self._names.owners(needle))
        for source in sources:
            for index in source:
                found.setdefault(index)
                if len(found) >= limit:
                    return [self.cameras[index] for index in found]
        return [self.cameras[index] for index in found]


def _merged(first: Iterator[int], second: Iterator[int]) -> Iterator[int]:
    """Two ascending index streams as one ascending stream (duplicates are dropped by the caller)."""
    left, right = next(first, None), next(second, None)
    while left is not None or right is not None:
        if right is None or (left is not None and left <= right):
            yield left  # type: ignore[misc]
            left = next(first, None)
        else:
            yield right
            right = next(second, None)
