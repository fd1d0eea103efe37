"""A line of a signature row split where cells stand side by side.

In a grid of three cells a row the printed names (and the labels, the jabatan)
of neighbouring cells sit on one baseline, a few points apart. The text layer
(pdfplumber) and Tesseract both read such a row as one line ("I WAYAN
TUASIKAL, S.Kom., M.AP.  Asep Susanti, S.Ag., M.Si."), and one wide line
makes two columns one (its box spans both), so the cells, their names and the
pairing with the parties go wrong together. Two cuts, both from geometry:

- a gap between two words of about the type height or more is the margin
  between two cells (words of one name are a space apart, a quarter to half of
  the type height);
- a long name set to fill its cell leaves only a few points to the next one, so
  a line that spans the centres of two columns (found from the block's narrow
  lines: labels, jabatan, NIP) is cut at its widest word gap between those
  centres, when every piece it leaves reads as a name (the names of a row,
  never the wide jabatan of a 'Mengetahui' official centred under the grid).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from extractor.rules.signatures import looks_like_name
from extractor.text import normalise_line
from models import Box, Word

SPLIT_GAP = 0.9
"""A gap between two words wider than this many word heights separates two cells."""
CENTRE_TOLERANCE = 0.09
"""Narrow lines' centres within this share of the page width are one column."""
NARROW = 0.4
"""Lines narrower than this share of the page width show where the columns are."""

_Span = tuple[Word, int, int]


@dataclass(frozen=True)
class Piece:
    """One cell's part of a row line: its text, box and span in the document text."""

    text: str
    box: Box
    start: int
    end: int
    page: int = 0
    words: tuple[_Span, ...] = ()
    """its words with their spans in the document text"""


def _piece(text: str, start: int, group: Sequence[_Span], page: int) -> Piece:
    a, b = group[0][1] - start, group[-1][2] - start
    box = Box(
        x0=min(w.box.x0 for w, _, _ in group),
        top=min(w.box.top for w, _, _ in group),
        x1=max(w.box.x1 for w, _, _ in group),
        bottom=max(w.box.bottom for w, _, _ in group),
    )
    return Piece(text[a:b], box, start + a, start + b, page, tuple(group))


def split_row_line(
    text: str, box: Box, start: int, words: Sequence[Word], page: int = 0
) -> list[Piece]:
    """``text`` (the normalised line at offset ``start``) cut at the gaps between cells; the
    whole line when it has no such gap or its words cannot be found in it."""
    whole = [Piece(text, box, start, start + len(text), page)]
    if len(words) < 2:
        return whole
    height = median(max(1.0, w.box.bottom - w.box.top) for w in words)
    spans: list[_Span] = []
    cursor = 0
    for w in words:
        token = normalise_line(w.text)
        if not token:
            continue
        at = text.find(token, cursor)
        if at < 0:
            return whole
        spans.append((w, start + at, start + at + len(token)))
        cursor = at + len(token)
    if not spans:
        return whole
    groups: list[list[_Span]] = [spans[:1]]
    for prev, cur in pairwise(spans):
        if cur[0].box.x0 - prev[0].box.x1 > SPLIT_GAP * height:
            groups.append([cur])
        else:
            groups[-1].append(cur)
    return [_piece(text, start, g, page) for g in groups]


def column_centres(pieces: Sequence[Piece], page_width: float) -> list[float]:
    """Centres of the block's columns, from its narrow lines of words (two lines at least)."""
    centres = sorted(
        (p.box.x0 + p.box.x1) / 2
        for p in pieces
        if p.box.x1 - p.box.x0 <= NARROW * page_width and sum(c.isalpha() for c in p.text) >= 4
    )
    groups: list[list[float]] = []
    for c in centres:
        if groups and c - groups[-1][-1] <= CENTRE_TOLERANCE * page_width:
            groups[-1].append(c)
        else:
            groups.append([c])
    return [median(g) for g in groups if len(g) >= 2]


def split_at_columns(piece: Piece, centres: Sequence[float]) -> list[Piece]:
    """A line of names over two or more column centres cut between them (see the module)."""
    spans = piece.words
    if len(spans) < 2:
        return [piece]
    height = median(max(1.0, w.box.bottom - w.box.top) for w, _, _ in spans)
    inside = [c for c in centres if piece.box.x0 + height < c < piece.box.x1 - height]
    if len(inside) < 2:
        return [piece]
    cuts: list[int] = []
    for left, right in pairwise(inside):
        mid = (left + right) / 2
        options = [
            (spans[k + 1][0].box.x0 - spans[k][0].box.x1, -abs(spans[k][0].box.x1 - mid), k)
            for k in range(len(spans) - 1)
            if left < spans[k][0].box.x1 and spans[k + 1][0].box.x0 < right
        ]
        if not options:
            return [piece]
        cuts.append(max(options)[2])
    bounds = [0, *(k + 1 for k in sorted(set(cuts))), len(spans)]
    offset = piece.start
    text = piece.text
    parts = [_piece(text, offset, spans[a:b], piece.page) for a, b in pairwise(bounds) if b > a]
    if all(looks_like_name(p.text) for p in parts):
        return parts
    return [piece]


def cut_block(pieces: Sequence[Piece], page_width: float) -> list[Piece]:
    """Every line of the block cut where it spans the centres of two columns of names."""
    centres = column_centres(pieces, page_width)
    return [part for piece in pieces for part in split_at_columns(piece, centres)]
