"""Letterheads: the kop of a government body, or two logos without text."""

from __future__ import annotations

from dataclasses import dataclass

from corpusgen.layout import Block, Graphic, Line, Row, Style, Word, place_words, wrap


@dataclass
class Kop(Block):
    """Letterhead: logo, the body's name in capitals, address, a double rule."""

    lines: list[str]
    seed: int = 0
    logos: int = 1

    def rows(self, st: Style) -> list[Row]:
        h = 18 + st.line_h * len(self.lines) + 12

        def emit(y: float) -> tuple[list[Line], list[Graphic], list[Graphic]]:
            lines: list[Line] = []
            under: list[Graphic] = []
            x0, w = st.margins[0], st.text_w
            under.append(Graphic("logo", x0 - 10, y - 50, 60, 60, self.seed))
            if self.logos == 2:
                under.append(Graphic("logo", x0 + w - 50, y - 50, 60, 60, self.seed + 1))
            cy = y
            for i, t in enumerate(self.lines):
                size = st.size + 3 if i == 0 else st.size - 2
                font = st.bold if i == 0 else st.regular
                for lw in wrap([Word(x, i == 0) for x in t.split()], w - 130, st, size):
                    runs = place_words(lw, x0 + 65, cy, w - 130, st, size, "center")
                    for r in runs:
                        r.font = font
                    lines.append(Line(runs))
                    cy -= size * 1.25
            under.append(Graphic("rule", x0 - 10, cy + 2, w + 20, 2.2))
            under.append(Graphic("rule", x0 - 10, cy - 1.5, w + 20, 0.6))
            return lines, under, []

        return [Row(h, emit, 0.0)]


@dataclass
class Logos(Block):
    """Two logos at the top corners without letterhead text."""

    seed: int = 0

    def rows(self, st: Style) -> list[Row]:
        def emit(y: float) -> tuple[list[Line], list[Graphic], list[Graphic]]:
            x0, w = st.margins[0], st.text_w
            return (
                [],
                [
                    Graphic("logo", x0, y - 40, 55, 55, self.seed),
                    Graphic("logo", x0 + w - 55, y - 40, 55, 55, self.seed + 1),
                ],
                [],
            )

        return [Row(50, emit, 0.0)]
