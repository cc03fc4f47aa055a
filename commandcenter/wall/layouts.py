"""Wall layouts as lists of cell rectangles in grid units.

A plain N×M grid and the merged-cell templates operators know from VMS clients (1+5, 1+7, 1+9, 1+12,
2+8) are the same thing here: a grid size plus the cells, each with a span. Cell order is the order
cameras fill them, so the big cell comes first and ``show_around`` puts the main camera there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_GRID = 8  # 8×8 = 64 tiles, the Nx x64 limit; software decode of 64 sub streams ≈ 1.3 cores


@dataclass(frozen=True)
class Cell:
    row: int
    column: int
    row_span: int = 1
    column_span: int = 1


@dataclass(frozen=True)
class Layout:
    name: str
    rows: int
    columns: int
    cells: tuple[Cell, ...]

    def __len__(self) -> int:
        return len(self.cells)


def grid(rows: int, columns: int) -> Layout:
    if not (1 <= rows <= MAX_GRID and 1 <= columns <= MAX_GRID):
        raise ValueError(f"grid {rows}x{columns} is outside 1..{MAX_GRID}")
    cells = tuple(Cell(r, c) for r in range(rows) for c in range(columns))
    return Layout(f"{rows}x{columns}", rows, columns, cells)


def _big_corner(big: int) -> Layout:
    """One big×big cell top-left in a (big+1)-square grid, small cells down the right and along the
    bottom: 2 → 1+5, 3 → 1+7, 4 → 1+9."""
    size = big + 1
    smalls = [Cell(r, big) for r in range(big)] + [Cell(big, c) for c in range(size)]
    return Layout(f"1+{len(smalls)}", size, size, (Cell(0, 0, big, big), *smalls))


def _one_plus_twelve() -> Layout:
    """A 2×2 cell in the centre of a 4×4 grid, twelve around it."""
    around = tuple(Cell(r, c) for r in range(4) for c in range(4) if not (1 <= r <= 2 and 1 <= c <= 2))
    return Layout("1+12", 4, 4, (Cell(1, 1, 2, 2), *around))


def _two_plus_eight() -> Layout:
    """Two 2×2 cells side by side on top of a 4×4 grid, eight small ones below."""
    smalls = tuple(Cell(r, c) for r in (2, 3) for c in range(4))
    return Layout("2+8", 4, 4, (Cell(0, 0, 2, 2), Cell(0, 2, 2, 2), *smalls))


TEMPLATES: dict[str, Layout] = {
    layout.name: layout
    for layout in (_big_corner(2), _big_corner(3), _big_corner(4), _one_plus_twelve(), _two_plus_eight())
}
AROUND_TEMPLATES = ("1+5", "1+7", "1+9", "1+12")  # by growing number of small cells
MENU_NAMES = ("1x1", "2x2", "3x3", "4x4", "5x5", "6x6", "8x8", *TEMPLATES)  # what the toolbar offers

_GRID_NAME = re.compile(r"^(\d+)x(\d+)$")


def layout_by_name(name: str) -> Layout:
    """``"3x4"`` or a template name such as ``"1+7"``; ValueError for anything else."""
    if name in TEMPLATES:
        return TEMPLATES[name]
    match = _GRID_NAME.match(name)
    if match is None:
        raise ValueError(f"unknown wall layout {name!r}")
    return grid(int(match.group(1)), int(match.group(2)))


def layout_for_count(count: int) -> Layout:
    """The smallest near-square grid holding ``count`` tiles (capped at 8×8): 4 → 2×2, 5 → 2×3."""
    count = max(1, min(count, MAX_GRID * MAX_GRID))
    columns = 1
    while columns * columns < count:
        columns += 1
    rows = -(-count // columns)
    return grid(rows, columns)


def layout_around(count: int) -> Layout:
    """A 1+N layout for ``count`` cameras (one big, the rest small): the smallest template whose
    small cells hold them; a single camera gets 1×1, more than 1+12 hold falls back to a grid."""
    if count <= 1:
        return grid(1, 1)
    for name in AROUND_TEMPLATES:
        if len(TEMPLATES[name]) >= count:
            return TEMPLATES[name]
    return layout_for_count(count)
