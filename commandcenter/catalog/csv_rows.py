"""CSV rows from a spreadsheet export, one per physical line, each with its line number.

A list of cameras (or staff, or vehicles) has no field that holds a line break. Parsing each line on
its own therefore turns the two silent failures of a plain ``csv.reader`` into row errors: a quote
left open no longer swallows the following rows into one field, and a row with more cells than the
header (an unquoted comma in a name shifts every later column) is refused instead of truncated.
Fewer cells than the header is fine: the missing trailing cells are empty.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class RowError:
    line: int  # CSV: the file line (header is line 1); JSON: the item number
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


Row = dict[str, str] | RowError


def _records(text: str) -> Iterator[tuple[int, list[str] | RowError]]:
    """Each non-blank physical line parsed on its own (1-based line numbers)."""
    for number, line in enumerate(_LINE_BREAK.split(text.lstrip("\ufeff")), start=1):
        if not line.strip():
            continue
        try:
            yield number, next(csv.reader([line], strict=True))
        except csv.Error as error:
            problem = "unclosed quote" if line.count('"') % 2 else f"malformed quoting ({error})"
            yield number, RowError(number, f"{problem}: the row was not read")


def csv_header_and_rows(text: str) -> tuple[list[str], Iterator[tuple[int, Row]]]:
    """The header (first non-blank line, names lower-cased) and the rows keyed by it. A header that
    cannot be read is an empty list: the caller says which columns it needs."""
    records = _records(text)
    first = next(records, None)
    cells = first[1] if first is not None else None
    header = [name.strip().lower() for name in cells] if isinstance(cells, list) else []
    return header, _rows(records, header)


def _rows(
    records: Iterator[tuple[int, list[str] | RowError]], header: list[str]
) -> Iterator[tuple[int, Row]]:
    for number, cells in records:
        if isinstance(cells, RowError):
            yield number, cells
        elif len(cells) > len(header):
            yield number, RowError(number, f"{len(cells)} columns, the header has {len(header)}")
        else:
            yield number, dict(zip(header, cells, strict=False))
