"""Which category (小类) a caller's complaint is, found by name, code or pinyin initials over the
active categories ("zdjy" → 占道经营, "S0502"), best first; an empty text lists them all in code
order, so the box is also a plain chooser. A 大类 name (市容环境) finds its 小类, after the 小类 found
by their own names."""

from __future__ import annotations

from collections.abc import Mapping

from commandcenter.domain.categories import CategorySpec
from commandcenter.lookup.text_match import Searchable, normalized, rank

MAJOR_PENALTY = 10


class CategoryIndex:
    def __init__(self, categories: Mapping[str, CategorySpec]) -> None:
        ordered = sorted(categories.values(), key=lambda spec: spec.code)
        self._entries = [
            (spec, Searchable.of([spec.name], [spec.code]), Searchable.of([spec.major_name]))
            for spec in ordered
        ]

    def find(self, text: str, limit: int = 50) -> list[CategorySpec]:
        query = normalized(text)
        if not query:
            return [entry[0] for entry in self._entries][:limit]
        hits = []
        for index, (spec, own, major) in enumerate(self._entries):
            found = rank(query, own)
            if found is None and (found := rank(query, major)) is not None:
                found += MAJOR_PENALTY  # its 大类 matched: after every 小类 matched by name
            if found is not None:
                hits.append((found, index, spec))
        hits.sort(key=lambda hit: hit[:2])
        return [spec for _, _, spec in hits][:limit]
