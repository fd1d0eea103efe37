"""The yearly report's annex, the list of agreements, drawn as a grid of plain
text lines.

A reportlab ``Table`` draws every cell on its own and re-measures what is
left each time it splits across a page; for 6,000-odd agreements over 300
pages that was most of the report's time. Here each cell's lines are wrapped
once (by character count of the 7-point font), a row's height follows from
its line count, and a page's rows are drawn with one text object and one
batch of grid lines. The block splits between rows, repeating its header.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.platypus.flowables import Flowable

HEADER_FILL = colors.HexColor("#dfe7f0")
PAD = 2.0


@dataclass(frozen=True)
class GridStyle:
    font: str
    bold: str
    size: float = 7.0
    leading: float = 8.4


def wrap_text(text: str, width: int, lines: int = 3) -> list[str]:
    """Greedy word wrap to ``width`` characters, at most ``lines`` lines (the
    last one cut with an ellipsis); long words are broken."""
    out: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:
            if line:
                out.append(line)
                line = ""
            out.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            out.append(line)
            line = word
    if line or not out:
        out.append(line)
    if len(out) > lines:
        out = [*out[: lines - 1], out[lines - 1][: width - 1] + "…"]
    return out


class TextGrid(Flowable):
    """Rows of cells, each cell a list of text lines; the first row is the header."""

    def __init__(
        self,
        header: Sequence[Sequence[str]],
        rows: list[list[list[str]]],
        widths: list[float],
        style: GridStyle,
        heights: list[float] | None = None,
    ) -> None:
        super().__init__()
        self.header = [list(c) for c in header]
        self.rows = rows
        self.widths = widths
        self.style = style
        self._header_height = self._height(self.header)
        self._heights = heights if heights is not None else [self._height(r) for r in rows]

    def _height(self, cells: Sequence[Sequence[str]]) -> float:
        return max(len(c) for c in cells) * self.style.leading + 2 * PAD

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self._header_height + sum(self._heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self._header_height
        taken = 0
        for height in self._heights:
            if room < height:
                break
            room -= height
            taken += 1
        if taken == 0:
            return []
        return [
            TextGrid(
                self.header, self.rows[:taken], self.widths, self.style, self._heights[:taken]
            ),
            TextGrid(
                self.header, self.rows[taken:], self.widths, self.style, self._heights[taken:]
            ),
        ]

    def draw(self) -> None:
        canvas: Any = self.canv
        style = self.style
        width = sum(self.widths)
        top = self._header_height + sum(self._heights)
        canvas.saveState()
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, top - self._header_height, width, self._header_height, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        edges = [0.0]
        for w in self.widths:
            edges.append(edges[-1] + w)
        text = canvas.beginText()
        y = top
        lines: list[tuple[float, float, float, float]] = [(0, y, width, y)]
        for n, (cells, height) in enumerate(
            [(self.header, self._header_height), *zip(self.rows, self._heights, strict=True)]
        ):
            text.setFont(style.bold if n == 0 else style.font, style.size, style.leading)
            for x, cell in zip(edges, cells, strict=False):
                text.setTextOrigin(x + PAD, y - PAD - style.size)
                for line in cell:
                    text.textLine(line)
            y -= height
            lines.append((0, y, width, y))
        lines.extend((x, top, x, y) for x in edges)
        canvas.drawText(text)
        canvas.setStrokeColor(colors.grey)
        canvas.setLineWidth(0.4)
        canvas.lines(lines)
        canvas.restoreState()
