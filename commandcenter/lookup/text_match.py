"""How well a typed text matches a name: one ranking shared by the place and the category search, so
both boxes order their answers alike — the exact name first, then names starting with it, then names
containing it, then the same three by pinyin initials ("dxl" → 大学路).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from commandcenter.catalog.pinyin_initials import name_initials

# Ranks, best first: (texts) exact, prefix, substring; (initials) exact, prefix, substring.
EXACT, PREFIX, CONTAINS, INITIALS_EXACT, INITIALS_PREFIX, INITIALS_CONTAINS = range(6)


@dataclass(frozen=True)
class Searchable:
    """The texts an entry is found by (its name, its code), lower-cased, and its names' initials."""

    texts: tuple[str, ...]
    initials: tuple[str, ...]

    @classmethod
    def of(cls, names: Sequence[str], codes: Sequence[str] = ()) -> Searchable:
        texts = tuple(text.lower() for text in (*names, *codes) if text)
        initials = tuple(dict.fromkeys(variant for name in names if name for variant in name_initials(name)))
        return cls(texts, initials)


def normalized(query: str) -> str:
    return "".join(query.split()).lower()


def rank(query: str, entry: Searchable) -> int | None:
    """The entry's rank for an already ``normalized`` query (lower is better), None for no match."""
    best: int | None = None
    for text in entry.texts:
        found = _position(query, text, EXACT)
        if found == EXACT:
            return EXACT
        best = found if best is None or (found is not None and found < best) else best
    if best is not None or not (query.isascii() and query.isalnum()):
        return best
    for initials in entry.initials:
        found = _position(query, initials, INITIALS_EXACT)
        best = found if best is None or (found is not None and found < best) else best
    return best


def _position(query: str, text: str, base: int) -> int | None:
    if text == query:
        return base
    if text.startswith(query):
        return base + 1
    return base + 2 if query in text else None
