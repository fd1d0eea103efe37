"""The signature block: columns of role, jabatan, signature space, name and
NIP, two to a row, as most agreements print them."""

from __future__ import annotations

import random
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
    marks: ColumnMarks | None = None
    """debris a real block carries (a copy's 'ttd', a rank line, a stamp on the name)"""


@dataclass(frozen=True)
class ColumnMarks:
    """What turns a clean column into one as archives hold it, each a habit of real blocks:
    a file copy prints "ttd." (and "Cap") where the signature and the stamp were; civil
    servants print their rank between name and NIP; some offices bracket the name; the
    stamp is pressed over the printed name; the meterai prints "METERAI TEMPEL" and its
    value; a head signing for the regional head prints "a.n. BUPATI X" above the jabatan."""

    copy_marks: tuple[str, ...] = ()
    rank: str | None = None
    brackets: bool = False
    stamp_over_name: bool = False
    meterai_words: bool = False
    delegation: str | None = None


_RANKS = (
    "Pembina Utama Muda",
    "Pembina Utama Madya",
    "Pembina Tk. I",
    "Pembina Utama",
    "Penata Tingkat I",
    "Pembina (IV/a)",
    "Pembina Utama Muda (IV/c)",
)
MARKS_SHARE = 0.4
"""Share of the columns of training families that carry one or more of the marks."""


def column_marks(person: str, index: int, civil_servant: bool, region: str | None) -> ColumnMarks:
    """The marks of one column, from a stream of their own (the document stays as it was),
    drawn for the person: an office signs its NK and the PKS under it the same way."""
    r = random.Random(f"sig-marks|{person}|{index}")
    if r.random() >= MARKS_SHARE:
        return ColumnMarks()
    copy = r.choice((("ttd.",), ("ttd",), ("TTD",), ("ttd.", "Cap"))) if r.random() < 0.3 else ()
    return ColumnMarks(
        copy_marks=copy,
        rank=r.choice(_RANKS) if civil_servant and r.random() < 0.5 else None,
        brackets=r.random() < 0.2,
        stamp_over_name=not copy and r.random() < 0.5,
        meterai_words=r.random() < 0.4,
        delegation=f"a.n. {region}," if region and r.random() < 0.3 else None,
    )


def unrepresented(person: str, index: int) -> bool:
    """An office-only clause that does not even say who represents the office (only
    "Pemerintah Kabupaten X, berkedudukan di ..."): the jabatan too is printed only in the
    signature block. Half of the held-out office-only clauses, from their own stream."""
    return random.Random(f"unrepresented|{person}|{index}").random() < 0.5


OFFICE_ONLY_SHARE = 0.25
"""Share of the parties of training families whose clause names the office, not the person."""


def office_only(
    held_out: bool, sig_layout: str, person: str, index: int, share: float = 0.0
) -> bool:
    """Whether party ``index`` is defined by its office alone ("Pemerintah Kabupaten X,
    ..., dalam hal ini diwakili oleh Bupati X"), so that its name is printed only here,
    under the signature: a common drafting in regional agreements, and the case where the
    block is the only source of the signatory. Its own stream, drawn for the person (an
    office drafts its NK and the PKS under it alike); held-out families only when they
    ask for it (``Family.block_names``, their own stream)."""
    if held_out and share > 0:
        return random.Random(f"office-clause-held|{person}|{index}").random() < share
    if held_out or sig_layout != "columns":
        return False
    return random.Random(f"office-clause|{person}|{index}").random() < OFFICE_ONLY_SHARE


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
        extra = 2 if col.marks and (col.marks.rank or col.marks.delegation) else 0
        return (lines + 3 + extra) * st.line_h + 70.0

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
                    self._column(col, x, y, colw, st, lines, under, over)
                return lines, under, over

            rows.append(Row(h, emit, st.para_gap * 2))
        return rows

    def _column(
        self,
        col: SigColumn,
        x: float,
        y: float,
        colw: float,
        st: Style,
        lines: list[Line],
        under: list[Graphic],
        over: list[Graphic],
    ) -> None:
        marks = col.marks or ColumnMarks()
        cy = y
        header = list(col.header)
        if marks.delegation:
            header.insert(1 if len(header) > 1 else 0, marks.delegation)
        for htxt in header:
            for lw in wrap(words_of(htxt), colw, st, st.size):
                lines.append(Line(place_words(lw, x, cy, colw, st, st.size, "center")))
                cy -= st.line_h
        box_top = cy
        mid = x + colw / 2
        if col.meterai:
            mx = mid - 75
            under.append(Graphic("meterai", mx, cy - 48, 46, 44, col.seed, col.meterai))
            label = ["METERAI", "TEMPEL", col.meterai.split()[-1]] if marks.meterai_words else []
            for k, t in enumerate(label or [col.meterai]):
                lines.append(Line([Run(mx + 3, cy - 22 - 8 * k, t, st.regular, 6.5)]))
        if marks.copy_marks:
            for k, t in enumerate(marks.copy_marks):
                tw = width(t, st.regular, st.size)
                lines.append(
                    Line([Run(mid - tw / 2, cy - 30 - k * st.line_h, t, st.regular, st.size)])
                )
        else:
            over.append(
                Graphic("signature", mid - 60, cy - 62, 120, 52, col.seed, color=(0.05, 0.1, 0.45))
            )
        name_y = box_top - 70
        if col.stamp and not marks.copy_marks:
            stamp_y = name_y - 24 if marks.stamp_over_name else cy - 82
            over.append(
                Graphic("stamp", mid - 80, stamp_y, 64, 64, col.seed + 7, color=(0.35, 0.2, 0.6))
            )
        cy = name_y
        for part in _name_lines(col.name, marks.brackets, colw, st):
            nw = width(part, st.bold, st.size)
            lines.append(
                Line(
                    [
                        Run(
                            mid - nw / 2,
                            cy,
                            part,
                            st.bold,
                            st.size,
                            underline=self.name_upper_underline,
                        )
                    ]
                )
            )
            cy -= st.line_h
        below = ([marks.rank] if marks.rank else []) + ([f"NIP. {col.nip}"] if col.nip else [])
        for t in below:
            lines.append(
                Line([Run(mid - width(t, st.regular, st.size) / 2, cy, t, st.regular, st.size)])
            )
            cy -= st.line_h

    def _lead_emit(self, t: str, st: Style) -> Emit:
        def emit(y: float) -> tuple[list[Line], list[Graphic], list[Graphic]]:
            x = st.margins[0] + st.text_w / 2 + 10
            return [Line([Run(x, y, t, st.regular, st.size)])], [], []

        return emit


def _name_lines(name: str, brackets: bool, colw: float, st: Style) -> list[str]:
    """The printed name, bracketed by some offices, broken before its degrees when a long
    chain of titles does not fit the column ("Prof. Dr. Ir. H. X," over "M.Sc., IPU")."""
    shown = f"( {name} )" if brackets else name
    if width(shown, st.bold, st.size) <= colw or ", " not in name:
        return [shown]
    head, _, tail = name.partition(", ")
    if brackets:
        return [f"( {head},", f"{tail} )"]
    return [f"{head},", tail]
