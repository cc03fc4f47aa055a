"""Staff and vehicle lists as CSV (UTF-8 or GBK/GB18030, as Excel on Chinese Windows saves them) or
as Excel workbooks (.xlsx, first sheet), read into rows keyed by canonical column names.

Header cells may be the documented English names or their Chinese equivalents (``docs/DISTRICT.md``);
``columns`` maps both to one key. Row numbers are what a person sees: the CSV line, the Excel row.
A file that cannot be read as a whole raises ``TableError``; a bad row is a ``RowError`` in place.
"""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from commandcenter.catalog.csv_rows import RowError, csv_header_and_rows
from commandcenter.textfiles import TextEncodingError, read_text

Cells = Mapping[str, str]


class TableError(ValueError):
    """The file cannot be read at all (missing, not CSV/Excel, no header)."""


@dataclass(frozen=True)
class Table:
    header: list[str]  # canonical names where known, else the cell text
    rows: list[tuple[int, Cells | RowError]]
    source: str  # "UTF-8", "GBK", "Excel" … for the summary


def read_table(path: Path, aliases: Mapping[str, str]) -> Table:
    """Rows of ``path``; ``aliases`` maps lower-cased header cells (English or Chinese) to keys."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        header, rows, source = _excel(path)
    elif path.suffix.lower() == ".xls":
        raise TableError(f"{path.name}: 旧版 Excel (.xls) 不支持 old .xls workbooks: save as .xlsx or CSV")
    else:
        header, rows, source = _csv(path)
    key = {name: aliases.get(name, name) for name in header}
    keyed: list[tuple[int, Cells | RowError]] = [
        (number, row if isinstance(row, RowError) else {key.get(k, k): v.strip() for k, v in row.items()})
        for number, row in rows
    ]
    return Table([key[name] for name in header], keyed, source)


def _csv(path: Path) -> tuple[list[str], list[tuple[int, Cells | RowError]], str]:
    try:
        decoded = read_text(path)
    except OSError as error:
        raise TableError(f"{path.name}: 无法读取 cannot be read ({error.strerror or error})") from None
    except TextEncodingError as error:
        raise TableError(f"{path.name}: {error}") from None
    header, rows = csv_header_and_rows(decoded.text)
    if not header:
        raise TableError(f"{path.name}: 没有表头 no header row")
    return header, list(rows), decoded.encoding


def _excel(path: Path) -> tuple[list[str], list[tuple[int, Cells | RowError]], str]:
    from openpyxl import load_workbook  # a heavy import, needed only for workbooks

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise TableError(f"{path.name}: 不是 Excel 工作簿 not an Excel workbook ({error})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header: list[str] = []
        listed: list[tuple[int, Cells | RowError]] = []
        for number, values in enumerate(rows, start=1):
            cells = ["" if value is None else _cell_text(value) for value in values]
            if not any(cells):
                continue
            if not header:
                header = [cell.strip().lower() for cell in cells]
            elif len([c for c in cells[len(header) :] if c]) > 0:
                listed.append((number, RowError(number, f"cells beyond the {len(header)} header columns")))
            else:
                listed.append((number, dict(zip(header, cells, strict=False))))
    finally:
        workbook.close()
    if not header:
        raise TableError(f"{path.name}: 第一个工作表是空的 the first sheet is empty")
    return header, listed, "Excel"


def _cell_text(value: object) -> str:
    """Excel keeps phone numbers and codes typed as numbers as floats: 13800138000.0 → "13800138000"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
