"""A small typesetter: content blocks -> positioned lines on pages.

Layout is done here, not by reportlab's Platypus, so that the generator knows
exactly which words land on which page and line: the ground truth's
``page_texts`` are read from these positioned lines, in reading order, and the
PDF renderer only draws them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

A4 = (595.28, 841.89)
F4 = (609.45, 935.43)  # 215 x 330 mm, the "folio" paper of Indonesian offices

_DEJAVU = "/usr/share/fonts/truetype/dejavu"


def _register_fonts() -> set[str]:
    """DejaVu (the Makefile installs fonts-dejavu-core) widens the typefaces; optional."""
    have = {"Times-Roman", "Times-Bold", "Helvetica", "Helvetica-Bold"}
    pairs = {
        "DejaVuSerif": "DejaVuSerif.ttf",
        "DejaVuSerif-Bold": "DejaVuSerif-Bold.ttf",
        "DejaVuSans": "DejaVuSans.ttf",
        "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    }
    for name, fname in pairs.items():
        path = os.path.join(_DEJAVU, fname)
        if os.path.exists(path):
            pdfmetrics.registerFont(TTFont(name, path))
            have.add(name)
    return have


FONTS = _register_fonts()


def font_pair(family: str) -> tuple[str, str]:
    """(regular, bold) for a typeface name, falling back to the base-14 fonts."""
    table = {
        "times": ("Times-Roman", "Times-Bold"),
        "helvetica": ("Helvetica", "Helvetica-Bold"),
        "dejavu-serif": ("DejaVuSerif", "DejaVuSerif-Bold"),
        "dejavu-sans": ("DejaVuSans", "DejaVuSans-Bold"),
    }
    reg, bold = table[family]
    if reg not in FONTS:
        return (
            ("Times-Roman", "Times-Bold") if "serif" in family else ("Helvetica", "Helvetica-Bold")
        )
    return reg, bold


def width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


# ---------------------------------------------------------------- page objects


@dataclass
class Run:
    x: float
    y: float  # baseline, from the page bottom (PDF convention)
    text: str
    font: str
    size: float
    underline: bool = False
    glue: bool = False  # continues the previous run's word (a bold/regular switch mid-word)


@dataclass
class Line:
    """One visual line (or one table row) as a reader reads it."""

    runs: list[Run]

    @property
    def text(self) -> str:
        out = ""
        for r in self.runs:
            if not r.text:
                continue
            out += r.text if (r.glue or not out) else " " + r.text
        return out


@dataclass
class Graphic:
    """A non-text mark: rule, box, signature stroke, stamp, logo, meterai."""

    kind: str
    x: float
    y: float
    w: float
    h: float
    seed: int = 0
    label: str = ""
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass
class Page:
    size: tuple[float, float]
    header: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    footer: list[Line] = field(default_factory=list)
    under: list[Graphic] = field(default_factory=list)  # drawn before text
    over: list[Graphic] = field(default_factory=list)  # drawn after text (stamps, ink)

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in [*self.header, *self.body, *self.footer] if ln.text)


@dataclass
class Style:
    page: tuple[float, float] = A4
    margins: tuple[float, float, float, float] = (85.0, 70.0, 70.0, 80.0)  # l, r, t, b
    typeface: str = "times"
    size: float = 12.0
    leading: float = 1.3
    para_gap: float = 4.0

    @property
    def regular(self) -> str:
        return font_pair(self.typeface)[0]

    @property
    def bold(self) -> str:
        return font_pair(self.typeface)[1]

    @property
    def line_h(self) -> float:
        return self.size * self.leading

    @property
    def text_w(self) -> float:
        return self.page[0] - self.margins[0] - self.margins[1]


Emit = Callable[[float], tuple[list[Line], list[Graphic], list[Graphic]]]


@dataclass
class Row:
    height: float
    emit: Emit
    gap_before: float = 0.0


# ---------------------------------------------------------------- words


@dataclass
class Word:
    text: str
    bold: bool
    pieces: tuple[tuple[str, bool], ...] = ()  # mixed bold/regular inside one word


def words_of(text: str) -> list[Word]:
    """Split text into words; ``**...**`` marks bold spans (they may end mid-word)."""
    out: list[Word] = []
    bold = False
    for token in text.split():
        pieces: list[tuple[str, bool]] = []
        for part in re.split(r"(\*\*)", token):
            if part == "**":
                bold = not bold
            elif part:
                pieces.append((part, bold))
        if not pieces:
            continue
        plain = "".join(p for p, _ in pieces)
        if len({b for _, b in pieces}) == 1:
            out.append(Word(plain, pieces[0][1]))
        else:
            out.append(Word(plain, pieces[0][1], tuple(pieces)))
    return out


def _word_w(w: Word, st: Style, size: float) -> float:
    if w.pieces:
        return sum(width(t, st.bold if b else st.regular, size) for t, b in w.pieces)
    return width(w.text, st.bold if w.bold else st.regular, size)


def wrap(words: Sequence[Word], avail: float, st: Style, size: float) -> list[list[Word]]:
    lines: list[list[Word]] = []
    cur: list[Word] = []
    cur_w = 0.0
    space = width(" ", st.regular, size)
    for w in words:
        ww = _word_w(w, st, size)
        extra = ww if not cur else cur_w + space + ww
        if cur and extra > avail:
            lines.append(cur)
            cur, cur_w = [w], ww
        else:
            cur.append(w)
            cur_w = extra
    if cur:
        lines.append(cur)
    return lines


def place_words(
    ws: list[Word], x: float, y: float, avail: float, st: Style, size: float, align: str
) -> list[Run]:
    widths = [_word_w(w, st, size) for w in ws]
    space = width(" ", st.regular, size)
    natural = sum(widths) + space * (len(ws) - 1)
    gap = space
    if align == "justify" and len(ws) > 1:
        gap = space + (avail - natural) / (len(ws) - 1)
    elif align == "center":
        x += (avail - natural) / 2
    elif align == "right":
        x += avail - natural
    runs = []
    for w, ww in zip(ws, widths, strict=True):
        if w.pieces:
            px = x
            for k, (t, b) in enumerate(w.pieces):
                f = st.bold if b else st.regular
                runs.append(Run(px, y, t, f, size, glue=k > 0))
                px += width(t, f, size)
        else:
            runs.append(Run(x, y, w.text, st.bold if w.bold else st.regular, size))
        x += ww + gap
    return runs


# ---------------------------------------------------------------- blocks


class Block:
    keep_with_next = False
    keep_together = False
    top_anchored = False
    """rows emit from their top line (signature blocks), not from a text baseline"""

    def rows(self, st: Style) -> list[Row]:
        raise NotImplementedError


@dataclass
class Space(Block):
    h: float

    def rows(self, st: Style) -> list[Row]:
        return [Row(self.h, lambda y: ([], [], []))]


@dataclass
class Para(Block):
    """A paragraph, optionally with a hanging marker ("a.", "(1)", "1.")."""

    text: str
    left: float = 0.0
    marker: str | None = None
    marker_w: float = 20.0
    first_indent: float = 0.0
    align: str = "justify"
    gap: float | None = None
    size: float | None = None
    keep: bool = False

    def __post_init__(self) -> None:
        self.keep_with_next = self.keep

    def rows(self, st: Style) -> list[Row]:
        size = self.size or st.size
        x0 = st.margins[0] + self.left + (self.marker_w if self.marker else 0.0)
        avail = st.text_w - self.left - (self.marker_w if self.marker else 0.0)
        ws = words_of(self.text)
        # first line may be indented: wrap it alone
        lines: list[list[Word]] = []
        if self.first_indent:
            first = wrap(ws, avail - self.first_indent, st, size)
            lines.append(first[0])
            rest = ws[len(first[0]) :]
            lines.extend(wrap(rest, avail, st, size) if rest else [])
        else:
            lines = wrap(ws, avail, st, size)
        rows: list[Row] = []
        lh = size * st.leading
        for i, lw in enumerate(lines):
            last = i == len(lines) - 1
            align = "left" if (last and self.align == "justify") else self.align
            ind = self.first_indent if i == 0 else 0.0

            def emit(
                y: float, lw: list[Word] = lw, align: str = align, ind: float = ind, i: int = i
            ) -> tuple[list[Line], list[Graphic], list[Graphic]]:
                runs = place_words(lw, x0 + ind, y, avail - ind, st, size, align)
                if i == 0 and self.marker:
                    runs.insert(0, Run(st.margins[0] + self.left, y, self.marker, st.regular, size))
                return [Line(runs)], [], []

            gap = (self.gap if self.gap is not None else st.para_gap) if i == 0 else 0.0
            rows.append(Row(lh, emit, gap))
        return rows


@dataclass
class Center(Para):
    align: str = "center"
    bold: bool = False

    def rows(self, st: Style) -> list[Row]:
        if self.bold and "**" not in self.text:
            self.text = f"**{self.text}**"
        return super().rows(st)


@dataclass
class Cells(Block):
    """One row of cells at fixed x offsets (e.g. 'Nomor', ':', '119/123/KDN/2019')."""

    cells: list[tuple[float, str, bool]]
    gap: float = 2.0
    centered: bool = False

    def rows(self, st: Style) -> list[Row]:
        size = st.size

        def emit(y: float) -> tuple[list[Line], list[Graphic], list[Graphic]]:
            runs = []
            total = 0.0
            if self.centered:
                last_x, last_t, last_b = self.cells[-1]
                total = last_x + width(last_t, st.bold if last_b else st.regular, size)
            x_base = st.margins[0] + ((st.text_w - total) / 2 if self.centered else 0.0)
            for dx, t, b in self.cells:
                runs.append(Run(x_base + dx, y, t, st.bold if b else st.regular, size))
            return [Line(runs)], [], []

        return [Row(size * st.leading, emit, self.gap)]


@dataclass
class NameTable(Block):
    """A party paragraph laid out as 'name : text' columns, read row by row."""

    marker: str
    name: str
    text: str
    name_w: float = 150.0

    def rows(self, st: Style) -> list[Row]:
        size = st.size
        x_m = st.margins[0]
        x_name = x_m + 18
        x_colon = x_m + self.name_w
        x_text = x_colon + 10
        avail_text = st.text_w - (x_text - x_m)
        name_lines = wrap(words_of(f"**{self.name}**"), self.name_w - 22, st, size)
        text_lines = wrap(words_of(self.text), avail_text, st, size)
        n = max(len(name_lines), len(text_lines))
        rows = []
        for i in range(n):
            nl = name_lines[i] if i < len(name_lines) else []
            tl = text_lines[i] if i < len(text_lines) else []
            align = "left" if i == len(text_lines) - 1 else "justify"

            def emit(
                y: float, nl: list[Word] = nl, tl: list[Word] = tl, i: int = i, align: str = align
            ) -> tuple[list[Line], list[Graphic], list[Graphic]]:
                runs: list[Run] = []
                if i == 0:
                    runs.append(Run(x_m, y, self.marker, st.bold, size))
                runs += place_words(nl, x_name, y, self.name_w - 22, st, size, "left")
                if i == 0:
                    runs.append(Run(x_colon, y, ":", st.regular, size))
                if tl:
                    runs += place_words(tl, x_text, y, avail_text, st, size, align)
                return [Line(runs)], [], []

            rows.append(Row(size * st.leading, emit, st.para_gap if i == 0 else 0.0))
        return rows


@dataclass
class PageBreak(Block):
    def rows(self, st: Style) -> list[Row]:
        return []
