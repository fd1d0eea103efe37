"""The signature block: columns of role, jabatan, signature space, name and
NIP, two to a row, as most agreements print them."""

from __future__ import annotations

from dataclasses import dataclass, field

from corpusgen.layout import (
    Block,
    Emit,
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


@dataclass
class SigColumn:
    header: list[str]  # "PIHAK PERTAMA,", jabatan lines (upper or not)
    name: str
    nip: str | None
    meterai: str | None = None  # "Meterai 10000" when this party seals with a stamp duty
    stamp: bool = True
    seed: int = 0


@dataclass
class Signatures(Block):
    """Signature columns: two per row, a third centered below; read column by column."""

    columns: list[SigColumn]
    lead: list[str] = field(default_factory=list)  # "Ditandatangani di ..." lines, right side
    name_upper_underline: bool = True
    keep_together = True

    def _column_height(self, col: SigColumn, st: Style, colw: float) -> float:
        lines = 0
        for h in col.header:
            lines += len(wrap(words_of(h), colw, st, st.size))
        return (lines + 2) * st.line_h + 70.0

    def rows(self, st: Style) -> list[Row]:
        colw = st.text_w / 2 - 10
        grid: list[list[SigColumn]] = [
            self.columns[i : i + 2] for i in range(0, len(self.columns), 2)
        ]
        rows: list[Row] = []
        if self.lead:
            for t in self.lead:
                rows.append(Row(st.line_h, self._lead_emit(t, st), 0.0))
            rows.append(Row(st.line_h * 0.5, lambda y: ([], [], [])))
        for row_cols in grid:
            h = max(self._column_height(c, st, colw) for c in row_cols)

            def emit(
                y: float, row_cols: list[SigColumn] = row_cols
            ) -> tuple[list[Line], list[Graphic], list[Graphic]]:
                lines: list[Line] = []
                under: list[Graphic] = []
                over: list[Graphic] = []
                xs = [st.margins[0], st.margins[0] + st.text_w / 2 + 10]
                if len(row_cols) == 1:
                    xs = [st.margins[0] + st.text_w / 4 + 5]
                for col, x in zip(row_cols, xs, strict=False):
                    cy = y
                    for htxt in col.header:
                        for lw in wrap(words_of(htxt), colw, st, st.size):
                            lines.append(Line(place_words(lw, x, cy, colw, st, st.size, "center")))
                            cy -= st.line_h
                    box_top = cy
                    if col.meterai:
                        mx = x + colw / 2 - 75
                        under.append(Graphic("meterai", mx, cy - 48, 46, 44, col.seed, col.meterai))
                        lines.append(Line([Run(mx + 3, cy - 28, col.meterai, st.regular, 6.5)]))
                    over.append(
                        Graphic(
                            "signature",
                            x + colw / 2 - 60,
                            cy - 62,
                            120,
                            52,
                            col.seed,
                            color=(0.05, 0.1, 0.45),
                        )
                    )
                    if col.stamp:
                        over.append(
                            Graphic(
                                "stamp",
                                x + colw / 2 - 80,
                                cy - 82,
                                64,
                                64,
                                col.seed + 7,
                                color=(0.35, 0.2, 0.6),
                            )
                        )
                    cy = box_top - 70
                    nm_font = st.bold
                    nw = width(col.name, nm_font, st.size)
                    nx = x + (colw - nw) / 2
                    lines.append(
                        Line(
                            [
                                Run(
                                    nx,
                                    cy,
                                    col.name,
                                    nm_font,
                                    st.size,
                                    underline=self.name_upper_underline,
                                )
                            ]
                        )
                    )
                    cy -= st.line_h
                    if col.nip:
                        t = f"NIP. {col.nip}"
                        lines.append(
                            Line(
                                [
                                    Run(
                                        x + (colw - width(t, st.regular, st.size)) / 2,
                                        cy,
                                        t,
                                        st.regular,
                                        st.size,
                                    )
                                ]
                            )
                        )
                return lines, under, over

            rows.append(Row(h, emit, st.para_gap * 2))
        return rows

    def _lead_emit(self, t: str, st: Style) -> Emit:
        def emit(y: float) -> tuple[list[Line], list[Graphic], list[Graphic]]:
            x = st.margins[0] + st.text_w / 2 + 10
            return [Line([Run(x, y, t, st.regular, st.size)])], [], []

        return emit
