"""Pinyin initials of camera names: "建设路与大学路交叉口" → "jslydxljck", so "jsl" finds it.

pypinyin needs about 0.7 ms per name when asked phrase by phrase — 40 s for 56,850 cameras — but
names repeat a few thousand distinct characters, so initials are looked up once per character and
kept in a process-wide table; a name then costs a dictionary lookup per character. The price is
losing pypinyin's phrase context for polyphones (重庆路 is "cql", but 重 alone reads zhòng first),
which ``name_initials`` buys back by returning every reading's variant, up to a small cap.
"""

from __future__ import annotations

import itertools
import threading

MAX_VARIANTS = 4
_table: dict[str, tuple[str, ...]] = {}
_lock = threading.Lock()


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _learn(chars: set[str]) -> None:
    """Add ``chars`` (Han characters not yet in the table) with all their initials, primary first.
    pypinyin is imported here, not at module level: its dictionaries take 0.2–0.8 s to load, which
    belongs in the tree's loading worker, not in the application's start-up on the Qt thread."""
    from pypinyin import Style, pinyin

    learnt: dict[str, tuple[str, ...]] = {}
    for char in chars:
        readings = pinyin(char, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
        initials = [reading[:1].lower() for reading in (readings[0] if readings else []) if reading]
        learnt[char] = tuple(dict.fromkeys(initials)) or ("",)
    with _lock:
        _table.update(learnt)


def name_initials(name: str) -> list[str]:
    """The initials string(s) of ``name``: Han characters by their pinyin initial, ASCII letters and
    digits lower-cased, everything else dropped. The first string uses each character's primary
    reading; polyphones add variants (at most ``MAX_VARIANTS`` strings in all)."""
    unknown = {char for char in name if _is_han(char) and char not in _table}
    if unknown:
        _learn(unknown)
    choices: list[tuple[str, ...]] = []
    for char in name:
        if _is_han(char):
            choices.append(_table[char])
        elif char.isascii() and char.isalnum():
            choices.append((char.lower(),))
    variants = ("".join(combination) for combination in itertools.product(*choices))
    return list(itertools.islice(variants, MAX_VARIANTS))


def prepare(names: list[str]) -> None:
    """Learn every character of ``names`` in one go (what an index build calls first)."""
    unknown = {char for name in names for char in name if _is_han(char)} - _table.keys()
    if unknown:
        _learn(unknown)
