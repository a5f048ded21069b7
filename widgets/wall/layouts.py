"""Wall layouts and views as plain data (no Qt): which cells a wall has, and what each
cell shows. A view is what a workstation saves and restores.

A `Layout` is a grid of `cols` × `rows` with cells that may span several grid squares
("1+5": one large cell of 2×2 and five small ones on a 3×3 grid). The standard grids
are 1, 4, 9, 16, 25 and 36; custom spans come from `Layout.parse` ("4x4:0,0,3,3"), so
a site can define its own. A `CellContent` is one camera, a sequence of cameras cycled
every `dwell` seconds, or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Cell:
    col: int
    row: int
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Layout:
    name: str
    cols: int
    rows: int
    cells: tuple[Cell, ...]

    @classmethod
    def grid(cls, n: int) -> Layout:
        side = int(round(n ** 0.5))
        if side * side != n:
            raise ValueError(f"a square grid needs a square number, not {n}")
        return cls(str(n), side, side,
                   tuple(Cell(c, r) for r in range(side) for c in range(side)))

    @classmethod
    def spans(cls, name: str, cols: int, rows: int, big: list[Cell]) -> Layout:
        """Large cells where given, every other grid square a small cell (row order)."""
        taken: set[tuple[int, int]] = set()
        for b in big:
            if b.col + b.colspan > cols or b.row + b.rowspan > rows:
                raise ValueError(f"cell {b} does not fit a {cols}x{rows} grid")
            squares = {(b.col + i, b.row + j) for i in range(b.colspan) for j in range(b.rowspan)}
            if squares & taken:
                raise ValueError(f"cell {b} overlaps another")
            taken |= squares
        cells = list(big)
        cells += [Cell(c, r) for r in range(rows) for c in range(cols) if (c, r) not in taken]
        cells.sort(key=lambda x: (x.row, x.col))
        return cls(name, cols, rows, tuple(cells))

    @classmethod
    def parse(cls, text: str) -> Layout:
        """"16", or "COLSxROWS:col,row,colspan,rowspan;…" for custom spans."""
        text = text.strip()
        if text in STANDARD:
            return STANDARD[text]
        grid, _, spec = text.partition(":")
        try:
            cols, rows = (int(v) for v in grid.lower().split("x"))
            big = [Cell(*(int(v) for v in part.split(","))) for part in spec.split(";")
                   if part.strip()]
        except (ValueError, TypeError):
            raise ValueError(f"not a layout: {text!r}") from None
        if not (1 <= cols <= 8 and 1 <= rows <= 8):
            raise ValueError(f"not a layout: {text!r}")
        return cls.spans(text, cols, rows, big)

    def rects(self, width: float, height: float) -> list[tuple[float, float, float, float]]:
        """Each cell's (x, y, w, h) in a wall of this size."""
        cw, ch = width / self.cols, height / self.rows
        return [(c.col * cw, c.row * ch, c.colspan * cw, c.rowspan * ch) for c in self.cells]


STANDARD: dict[str, Layout] = {str(n): Layout.grid(n) for n in (1, 4, 9, 16, 25, 36)}
STANDARD["1+5"] = Layout.spans("1+5", 3, 3, [Cell(0, 0, 2, 2)])
STANDARD["1+7"] = Layout.spans("1+7", 4, 4, [Cell(0, 0, 3, 3)])
STANDARD["1+12"] = Layout.spans("1+12", 4, 4, [Cell(1, 1, 2, 2)])
STANDARD["2+8"] = Layout.spans("2+8", 4, 4, [Cell(0, 0, 2, 2), Cell(2, 0, 2, 2)])
LAYOUT_NAMES = ("1", "4", "9", "16", "25", "36", "1+5", "1+7", "1+12", "2+8")


@dataclass(frozen=True)
class CellContent:
    cameras: tuple[str, ...] = ()   # camera codes; more than one = a sequence
    dwell: float = 10.0             # s per camera of a sequence

    @property
    def is_sequence(self) -> bool:
        return len(self.cameras) > 1

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"cameras": list(self.cameras)}
        if self.is_sequence:
            out["dwell"] = self.dwell
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> CellContent:
        if not d:
            return cls()
        cams = tuple(str(c) for c in d.get("cameras", []) if c)
        return cls(cams, max(2.0, float(d.get("dwell", 10.0))))


@dataclass
class WallView:
    """A wall as saved: its layout, what each cell shows, and where the window was."""

    layout: str = "16"
    cells: list[CellContent] = field(default_factory=list)
    screen: str | None = None               # QScreen.name()
    geometry: tuple[int, int, int, int] | None = None   # x, y, w, h (windowed)
    full_screen: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"layout": self.layout, "cells": [c.to_dict() for c in self.cells],
                "screen": self.screen, "geometry": list(self.geometry) if self.geometry else None,
                "full_screen": self.full_screen}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> WallView:
        Layout.parse(str(d.get("layout", "16")))  # raises on a bad layout
        geometry = d.get("geometry")
        return cls(layout=str(d.get("layout", "16")),
                   cells=[CellContent.from_dict(c) for c in d.get("cells", [])],
                   screen=d.get("screen"),
                   geometry=tuple(int(v) for v in geometry) if geometry else None,  # type: ignore[arg-type]
                   full_screen=bool(d.get("full_screen", False)))


__all__ = ["LAYOUT_NAMES", "STANDARD", "Cell", "CellContent", "Layout", "WallView"]
