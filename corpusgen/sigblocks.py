"""Signature grids: many parties in rows of columns, as the real failure classes print them.

An agreement of a province with its kabupaten/kota signs in a grid (three
cells a row over two or three pages), often without a PIHAK label over each
cell, only the jabatan ("BUPATI GARUT,"). Real cells also put the jabatan on
two lines or under the name, press the stamp or the meterai over the printed
name, and close with a 'Mengetahui' official who is no party. Each of those
is a choice of the cell here; the ground truth stays the parties clause's.
"""

from __future__ import annotations

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


@dataclass
class SignatureGrid(Block):
    """Cells ``per_row`` to a row, each row kept whole; a witness cell centred at the end."""

    cells: list[GridCell]
    per_row: int = 3
    witness: GridCell | None = None
    top_anchored = True

    def _lines_of(self, cell: GridCell, st: Style, colw: float) -> int:
        n = sum(len(wrap(words_of(h), colw, st, st.size)) for h in cell.header)
        return n + 1 + (1 if cell.nip else 0) + len(cell.below)

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
                for h in cell.header:
                    for lw in wrap(words_of(h), colw, st, st.size):
                        lines.append(Line(place_words(lw, x, cy, colw, st, st.size, "center")))
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
                cy = name_y - st.line_h
                for t in ([f"NIP. {cell.nip}"] if cell.nip else []) + cell.below:
                    tw = width(t, st.regular, st.size)
                    lines.append(Line([Run(mid - tw / 2, cy, t, st.regular, st.size)]))
                    cy -= st.line_h
            return lines, under, over

        return Row(height, emit, st.para_gap * 2)
