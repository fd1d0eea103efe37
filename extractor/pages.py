"""Per page: words with boxes to lines in reading order, and the text-layer test.

One layout routine serves the text layer and OCR alike. Words are gathered
into rows; a row is split where a gap is far wider than a word space (two
signature columns, a date on the right of a letterhead); consecutive rows
split at the same places form a column region, read column by column, so
"PIHAK KESATU / PIHAK KEDUA" blocks do not interleave into nonsense.
Label/value rows ("Nama      : Drs. X") are never split: the rules need them whole.

Whether a text layer is usable is measured, not assumed: scanners and old
OCR runs leave layers that are empty, a few stray characters, or garbage.
The measure is the share of letter tokens that are known Indonesian (or
common English) words.
"""

from __future__ import annotations

import gzip
import json
import re
import runpy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from itertools import pairwise
from pathlib import Path
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from models import Box, Line, Word

GAP_FACTOR = 2.5
"""A horizontal gap wider than this many line heights separates two blocks."""
REGION_BREAK = 8.0
"""A vertical gap of this many line heights ends a column region."""

MIN_TEXT_CHARS = 40
"""Fewer characters than this on a page is no usable text layer (page numbers, stray marks)."""
MIN_WORD_SHARE = 0.45
"""Below this share of known words a born-digital text layer is garbage."""
MIN_WORD_SHARE_OVER_SCAN = 0.75
"""A hidden text layer over a scan (an earlier OCR run) must read this well, else we re-OCR."""

_LIST_MARKER = re.compile(r"^\(?[0-9a-zA-Z]{1,3}[.)]$")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)


# ---------------------------------------------------------------- layout


@dataclass
class _Row:
    words: list[Word] = field(default_factory=list)
    center: float = 0.0
    height: float = 0.0

    @property
    def top(self) -> float:
        return min(w.box.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.box.bottom for w in self.words)


def _height(words: Sequence[Word]) -> float:
    return max(1e-3, median(w.box.bottom - w.box.top for w in words))


def _rows(units: Iterable[Sequence[Word]]) -> list[_Row]:
    """Cluster units (a word, or a line fragment from OCR) into rows by vertical position."""
    items = []
    for unit in units:
        words = [w for w in unit if w.text.strip()]
        if not words:
            continue
        top = min(w.box.top for w in words)
        bottom = max(w.box.bottom for w in words)
        items.append(((top + bottom) / 2, _height(words), words))
    items.sort(key=lambda item: item[0])
    rows: list[_Row] = []
    for center, height, words in items:
        row = rows[-1] if rows else None
        if row is not None and abs(center - row.center) < 0.5 * min(height, row.height):
            n = len(row.words)
            row.words.extend(words)
            row.center = (row.center * n + center * len(words)) / (n + len(words))
            row.height = max(row.height, height)
        else:
            rows.append(_Row(words=list(words), center=center, height=height))
    return rows


def _segments(row: _Row) -> list[list[Word]]:
    words = sorted(row.words, key=lambda w: w.box.x0)
    height = _height(words)
    segments: list[list[Word]] = [[words[0]]]
    for word in words[1:]:
        left = segments[-1]
        gap = word.box.x0 - max(w.box.x1 for w in left)
        splits = gap > GAP_FACTOR * height
        if splits:
            left_text = left[-1].text
            is_label = left_text.endswith(":") or word.text.startswith(":")
            is_marker = len(left) == 1 and bool(_LIST_MARKER.match(left_text))
            splits = not (is_label or is_marker)
        if splits:
            segments.append([word])
        else:
            left.append(word)
    return segments


def _line(words: list[Word]) -> Line:
    box = words[0].box
    for w in words[1:]:
        box = box.union(w.box)
    return Line(text=" ".join(w.text for w in words), box=box, words=words)


def _extent(words: list[Word]) -> tuple[float, float]:
    return min(w.box.x0 for w in words), max(w.box.x1 for w in words)


def layout_lines(units: Iterable[Sequence[Word]]) -> list[Line]:
    """Lines in reading order from words; ``units`` are words or OCR line fragments."""
    out: list[Line] = []
    region: list[list[list[Word]]] = []  # per column: segments
    bounds: list[float] = []
    last_bottom = 0.0

    def flush() -> None:
        for column in region:
            out.extend(_line(seg) for seg in column)
        region.clear()
        bounds.clear()

    def column_of(seg: list[Word]) -> int | None:
        x0, x1 = _extent(seg)
        for b in bounds:
            if x0 < b < x1:
                return None
        return sum(1 for b in bounds if b <= x0)

    for row in _rows(units):
        segments = _segments(row)
        if region and row.top - last_bottom > REGION_BREAK * row.height:
            flush()
        if region:
            columns = [column_of(seg) for seg in segments]
            if all(c is not None for c in columns):
                for seg, col in zip(segments, columns, strict=True):
                    region[col or 0].append(seg)
                last_bottom = row.bottom
                continue
            flush()
        if len(segments) >= 2:
            extents = [_extent(seg) for seg in segments]
            bounds.extend((a[1] + b[0]) / 2 for a, b in pairwise(extents))
            region.extend([seg] for seg in segments)
            last_bottom = row.bottom
        else:
            out.append(_line(segments[0]))
    flush()
    return out


# ---------------------------------------------------------------- text layer


def text_layer_words(page: pdfium.PdfPage) -> list[Word]:
    """Words of a PDF page's text layer, boxes in points from the top-left.

    pdfium's text page, not pdfplumber: on the generated agreements pdfplumber
    (pdfminer, pure Python) took 0.40 s a page against 0.04 s here, on a busy
    machine, far from the 20 pages a second a backfill needs. Loose (font)
    boxes, so that every word on a line has the same height.
    """
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        raw = textpage.raw
        page_height = page.get_height()
        words: list[Word] = []
        chars: list[str] = []
        box = [0.0, 0.0, 0.0, 0.0]  # x0, bottom, x1, top in PDF space

        def flush() -> None:
            if chars:
                text = "".join(chars)
                words.append(
                    Word(
                        text=text,
                        box=Box(
                            x0=round(box[0], 2),
                            top=round(page_height - box[3], 2),
                            x1=round(box[2], 2),
                            bottom=round(page_height - box[1], 2),
                        ),
                    )
                )
                chars.clear()

        for i in range(count):
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            ch = chr(code) if 0 < code < 0x110000 else ""
            if not ch or ch.isspace() or code in (0xFFFE, 0xFFFF):
                flush()
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            if chars:
                size = box[3] - box[1]
                same_line = abs(bottom - box[1]) < 0.4 * size
                near = -0.3 * size < left - box[2] < 0.25 * size
                if not (same_line and near):
                    flush()
            if not chars:
                box[:] = [left, bottom, right, top]
            else:
                box[:] = [
                    min(box[0], left),
                    min(box[1], bottom),
                    max(box[2], right),
                    max(box[3], top),
                ]
            chars.append(ch)
        flush()
        return words
    finally:
        textpage.close()


def text_layer_lines(page: pdfium.PdfPage) -> list[Line]:
    return layout_lines([w] for w in text_layer_words(page))


def pdfplumber_words(data: bytes, index: int) -> list[Word]:
    """The same words as ``text_layer_words``, read by pdfplumber (the reference
    reader, selected with ``KERJASAMA_TEXT_LAYER_ENGINE=pdfplumber``)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[index]
        return [
            Word(
                text=w["text"],
                box=Box(
                    x0=round(float(w["x0"]), 2),
                    top=round(float(w["top"]), 2),
                    x1=round(float(w["x1"]), 2),
                    bottom=round(float(w["bottom"]), 2),
                ),
            )
            for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)
        ]


def pdfplumber_lines(data: bytes, index: int) -> list[Line]:
    return layout_lines([w] for w in pdfplumber_words(data, index))


_EXTRA_WORDS = """
pasal ayat nomor nota kesepahaman kesepakatan perjanjian kerja sama kerjasama pihak
kesatu pertama kedua ketiga para disebut selanjutnya ditandatangani bertempat tanggal
bulan tahun hari senin selasa rabu kamis jumat sabtu minggu januari februari maret april
mei juni juli agustus september oktober november desember provinsi kabupaten kota
pemerintah daerah dinas kepala bupati walikota gubernur sekretaris badan kantor jalan
universitas sekolah negeri menengah kejuruan fakultas rektor dekan direktur ketua
republik indonesia kementerian dalam negeri tentang antara dengan lingkup ruang maksud
tujuan jangka waktu pembiayaan penyelesaian perselisihan penutup lampiran adendum
memorandum understanding agreement between the and of to in for on by with this that
be is are as at or an party parties shall will any which from date
pt cv tbk persero yayasan koperasi materai meterai rp rupiah nip npwp
"""


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Known words: spaCy's Indonesian lemma table and stop words, plus agreement vocabulary."""
    words = set(_EXTRA_WORDS.split())
    lookups = find_spec("spacy_lookups_data")
    if lookups and lookups.origin:
        path = Path(lookups.origin).parent / "data" / "id_lemma_lookup.json.gz"
        if path.exists():
            table = json.loads(gzip.decompress(path.read_bytes()))
            words.update(k.lower() for k in table)
            words.update(str(v).lower() for v in table.values())
    spacy_spec = find_spec("spacy")
    if spacy_spec and spacy_spec.origin:
        stop = Path(spacy_spec.origin).parent / "lang" / "id" / "stop_words.py"
        if stop.exists():
            words.update(runpy.run_path(str(stop)).get("STOP_WORDS", set()))
    return frozenset(words)


_PREFIXES = (
    *("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe", "ber"),
    *("di", "ke", "se", "ter", "per"),
)
_SUFFIXES = ("nya", "kan", "an", "i", "lah", "kah")


def _known(token: str, words: frozenset[str]) -> bool:
    if token in words:
        return True
    stems = {token}
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            stems.add(token[: -len(suffix)])
    for stem in list(stems):
        for prefix in _PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
                stems.add(stem[len(prefix) :])
    return any(s in words for s in stems)


def word_share(text: str) -> float:
    """Share of letter tokens (3+ letters) that are known words; 0.0 when there are none."""
    tokens = [t.lower() for t in _TOKEN.findall(text) if len(t) >= 3]
    if not tokens:
        return 0.0
    words = lexicon()
    return sum(1 for t in tokens if _known(t, words)) / len(tokens)


def text_layer_usable(text: str, *, over_scan: bool) -> tuple[bool, float]:
    """Whether a page's text layer can be trusted, and the measured word share."""
    letters = sum(1 for c in text if c.isalnum())
    if letters < MIN_TEXT_CHARS:
        return False, 0.0
    share = word_share(text)
    return share >= (MIN_WORD_SHARE_OVER_SCAN if over_scan else MIN_WORD_SHARE), share
