"""Signature grids: many parties in rows of columns, as the real failure classes print them.

An agreement of a province with its kabupaten/kota signs in a grid (three
cells a row over two or three pages), often without a PIHAK label over each
cell, only the jabatan ("BUPATI GARUT,"). Real cells also put the jabatan on
two lines or under the name, press the stamp or the meterai over the printed
name, and close with a 'Mengetahui' official who is no party. Each of those
is a choice of the cell here; the ground truth stays the parties clause's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from corpusgen.layout import (
    Block,
    Graphic,
    Line,
    Row,
    Run,
    Style,
    place_words,
    width,
    words_of,
    wrap,
)

SIGN_BLANK = 62.0
"""Points left for the signature, stamp and meterai between the jabatan and the name."""


@dataclass
class GridCell:
    header: list[str]
    """role label and jabatan (or institution) lines above the signature"""
    name: str
    nip: str | None = None
    below: list[str] = field(default_factory=list)
    """a jabatan printed under the name ("DIRECTOR")"""
    meterai: str | None = None
    stamp_over_name: bool = False
    meterai_over_name: bool = False
    seed: int = 0
    rank: str | None = None
    """the pangkat printed between the name and the NIP ("Pembina Utama Muda")"""
    ink: str = ""
    """wet ink over the text: name-lead (a pen blob just before the name), name-cross (the
    signature's stroke through the name), jabatan-lead (a blob before the jabatan's first
    line), or "" for none"""


@dataclass
class SignatureGrid(Block):
    """Cells ``per_row`` to a row, each row kept whole; a witness cell centred at the end."""

    cells: list[GridCell]
    per_row: int = 3
    witness: GridCell | None = None
    top_anchored = True

    def _lines_of(self, cell: GridCell, st: Style, colw: float) -> int:
        n = sum(len(wrap(words_of(h), colw, st, st.size)) for h in cell.header)
        return n + 1 + (1 if cell.nip else 0) + (1 if cell.rank else 0) + len(cell.below)

    def rows(self, st: Style) -> list[Row]:
        colw = st.text_w / self.per_row - 8
        grid = [self.cells[i : i + self.per_row] for i in range(0, len(self.cells), self.per_row)]
        out: list[Row] = []
        for row_cells in grid:
            xs = [st.margins[0] + k * (colw + 8) for k in range(len(row_cells))]
            out.append(self._row(row_cells, xs, colw, st))
        if self.witness is not None:
            wide = st.text_w / 2
            out.append(self._row([self.witness], [st.margins[0] + wide / 2], wide, st))
        return out

    def _row(self, cells: list[GridCell], xs: list[float], colw: float, st: Style) -> Row:
        height = max(self._lines_of(c, st, colw) for c in cells) * st.line_h + SIGN_BLANK + 10

        def emit(y: float) -> tuple[list[Line], list[Graphic], list[Graphic]]:
            lines: list[Line] = []
            under: list[Graphic] = []
            over: list[Graphic] = []
            for cell, x in zip(cells, xs, strict=True):
                cy = y
                inked = cell.ink != "jabatan-lead"
                for h in cell.header:
                    for lw in wrap(words_of(h), colw, st, st.size):
                        placed = place_words(lw, x, cy, colw, st, st.size, "center")
                        if not inked and placed and not h.startswith(("PIHAK", "a.n.")):
                            over.append(ink_blob(placed[0].x, cy, st.size, cell.seed))
                            inked = True
                        lines.append(Line(placed))
                        cy -= st.line_h
                mid = x + colw / 2
                over.append(
                    Graphic(
                        "signature", mid - 45, cy - 52, 90, 44, cell.seed, color=(0.05, 0.1, 0.45)
                    )
                )
                name_y = cy - SIGN_BLANK
                if cell.meterai:
                    my = name_y - 8 if cell.meterai_over_name else cy - 50
                    under.append(Graphic("meterai", mid - 60, my, 40, 40, cell.seed, cell.meterai))
                    lines.append(Line([Run(mid - 57, my + 20, cell.meterai, st.regular, 6.0)]))
                stamp_y = name_y - 22 if cell.stamp_over_name else cy - 58
                over.append(
                    Graphic(
                        "stamp", mid - 70, stamp_y, 56, 56, cell.seed + 7, color=(0.35, 0.2, 0.6)
                    )
                )
                size = st.size
                while size > 7 and width(cell.name, st.bold, size) > colw + 4:
                    size -= 0.5  # a long name with titles is set smaller to fit its cell
                nw = width(cell.name, st.bold, size)
                lines.append(
                    Line([Run(mid - nw / 2, name_y, cell.name, st.bold, size, underline=True)])
                )
                if cell.ink == "name-lead":
                    over.append(ink_blob(mid - nw / 2, name_y, size, cell.seed))
                elif cell.ink == "name-cross":
                    over.append(
                        Graphic("ink", mid - nw / 2 - 4, name_y - 3, nw * 0.45, size + 4, cell.seed)
                    )
                cy = name_y - st.line_h
                ranks = [cell.rank] if cell.rank else []
                for t in ranks + ([f"NIP. {cell.nip}"] if cell.nip else []) + cell.below:
                    tw = width(t, st.regular, st.size)
                    lines.append(Line([Run(mid - tw / 2, cy, t, st.regular, st.size)]))
                    cy -= st.line_h
            return lines, under, over

        return Row(height, emit, st.para_gap * 2)


def ink_blob(x: float, y: float, size: float, seed: int) -> Graphic:
    """A pen blob or a signature's tail ending just before a line that starts at ``x``:
    OCR reads it as a digit or one or two letters glued before the first word."""
    return Graphic("ink", x - size * 1.1, y - 1.5, size * 0.8, size + 1, seed)


RANKS = (
    "Pembina Utama Muda",
    "Pembina Utama Madya",
    "Pembina Tingkat I",
    "Pembina Utama",
    "Penata Tingkat I",
    "Pembina Utama Muda (IV/c)",
    "Pembina, IV/a",
)
_INKS = ("name-lead", "name-lead", "name-cross", "jabatan-lead")


@dataclass(frozen=True)
class CellHabits:
    """The wet-ink and civil-service habits of one grid cell (see ``Family``)."""

    rank: str | None = None
    ink: str = ""
    delegation: bool = False


def cell_habits(
    seed: int, index: int, ink: float, ranks: float, delegation: float, civil: bool
) -> CellHabits:
    """Drawn from a stream of their own, so the families without these habits keep their
    documents byte for byte."""
    if not (ink or ranks or delegation):
        return CellHabits()
    r = random.Random(f"grid-habits|{seed}|{index}")
    return CellHabits(
        rank=r.choice(RANKS) if civil and r.random() < ranks else None,
        ink=r.choice(_INKS) if r.random() < ink else "",
        delegation=r.random() < delegation,
    )
