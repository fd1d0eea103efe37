"""Page furniture: what every page carries that is not part of the agreement's text.

Agreements are printed with page numbers ("- 4 -", "Halaman 3 dari 7", "3/7", a bare
"4" in a corner), a paraf box on every page but the last (a small table labelled
"Paraf" with one cell per party, "PIHAK KESATU | PIHAK KEDUA" or "Pihak I | Pihak
II"), a running header that repeats the title or the number, and a letterhead footer
(address, telephone, e-mail, website). OCR reads all of it into the text stream, in
the middle of whatever article crosses the page break, so an item of the Ruang
Lingkup ends "... dan PARAF PIHAK KESATU PIHAK KEDUA 3 dari 7".

A line is furniture when its wording says so (a page number, a paraf label, a
scanner stamp) or when the page says so: it sits in the top or bottom band of the
page and repeats, digits aside, on other pages at the same edge, or it is a contact
line (Telp./Fax/e-mail/www) at the edge. Position comes from the line boxes and the
page size; plain text without boxes falls back to wording and repetition alone.
Nothing here knows any particular document: only how pages are furnished.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractor.text import DocText

EDGE_TOP = 0.09
"""Share of the page height from the top where running headers and '- n -' live."""
EDGE_BOTTOM = 0.88
"""From this share of the page height down: page numbers, paraf boxes, footers."""
REPEAT_RATIO = 88.0
"""rapidfuzz ratio at which two edge lines on different pages are the same furniture."""
REPEAT_PAGES_NO_GEOMETRY = 3
"""Without boxes a line must repeat this often (digits aside) to count as running text."""

_PAGE_NUMBER = re.compile(
    r"^(?:[-–(\[]\s*)?\d{1,3}(?:\s*[-–)\]])?$"
    r"|^(?:hal(?:aman)?|page|hlm)\.?\s*:?\s*\d{1,3}(?:\s*(?:dari|/|of|dr\.?)\s*\d{1,3})?\W*$"
    r"|^\d{1,3}\s*(?:dari|/|of)\s*\d{1,3}$",
    re.IGNORECASE,
)
"""'4', '- 4 -', '(4)', 'Halaman 3 dari 7', 'Hal. 3/7', 'Page 3 of 7', '3 dari 7'."""
_PARAF = re.compile(r"^\W{0,3}paraf\b.{0,60}$", re.IGNORECASE)
"""The paraf box label, alone or with its cells ('PARAF PIHAK I PIHAK II')."""
_CELL = re.compile(
    r"^\W{0,3}(?:p[i1l]?hak\s+(?:[ivxl1|]{1,4}|ke\w{2,10}|pertama|kedua|ketiga)\W{0,3}\s*){1,4}$",
    re.IGNORECASE,
)
"""Paraf cells: 'Pihak I Pihak II', 'PIHAK KESATU PIHAK KEDUA' (also a signature heading,
so a cell label counts only beside a paraf label or as a page's last lines)."""
_SCANNER = re.compile(r"camscanner|dipindai dengan|scanned (?:with|by)", re.IGNORECASE)
_CONTACT = re.compile(
    r"\b(?:telp|telepon|tlp|fax|faks(?:imile)?|e-?mail|surel|website|laman|kode\s*pos)\b"
    r"|www\.|\.go\.id|\.ac\.id|\.co\.id|@\w",
    re.IGNORECASE,
)
"""A letterhead footer line: address with telephone, fax, e-mail or website."""
_ADDRESS = re.compile(r"\b(?:jalan|jl|kantor|gedung|no)\b\.?", re.IGNORECASE)
_PASAL = re.compile(r"^\W{0,2}(?:pasal|bab|article)\b", re.IGNORECASE)

GLUED = re.compile(
    r"\s+(?:[|(\[]?\s*paraf\b.*"
    r"|\|?\s*(?:P[I1l]HAK\s+(?:KE[A-Z]{3,8}|[IV]{1,3})\s*\|?\s*){2,3}(?:\d{1,3}\s*dari\s*\d{1,3})?\W*"
    r"|hal(?:aman)?\.?\s*\d{1,3}\s*(?:dari|/)\s*\d{1,3}\W*"
    r"|\d{1,3}\s*dari\s*\d{1,3}\W*"
    r"|-\s*\d{1,3}\s*-"
    r"|dipindai dengan camscanner.*)$",
    re.IGNORECASE,
)
"""Furniture OCR glued to the end of a text line ('... kegiatan lain PARAF PIHAK I 3 dari 7')."""
LEADING = re.compile(
    r"^\s*(?:hal(?:aman)?\.?\s*)?\d{1,3}\s*dari\s*\d{1,3}\s+"
    r"(?=\(?[a-z0-9]{1,2}[.)]|(?-i:[A-Z]))",
    re.IGNORECASE,
)
"""A page count OCR put before the first line of the next page ('3 dari 7 c. pelatihan')."""


@dataclass(frozen=True)
class Furniture:
    """Which lines of a ``DocText`` are furniture, and why (for the evidence)."""

    lines: frozenset[int] = frozenset()
    reasons: dict[int, str] = field(default_factory=dict)

    def __contains__(self, index: object) -> bool:
        return index in self.lines


def wording(line: str) -> str | None:
    """The kind of furniture a line is by its words alone, or None."""
    s = line.strip()
    if not s:
        return None
    if _PAGE_NUMBER.match(s):
        return "page number"
    if _PARAF.match(s):
        return "paraf box"
    if _SCANNER.search(s) and len(s) <= 60:
        return "scanner stamp"
    if len(s) <= 3 and s.isalpha() and s.isupper():
        return "speck"
    if re.fullmatch(r"\W{1,4}", s):
        return "speck"
    return None


def strip_glued(line: str) -> tuple[str, bool]:
    """The line without furniture glued to its end, and whether any was cut."""
    cut = GLUED.search(line)
    if cut and cut.start() > 0:
        return line[: cut.start()].rstrip(), True
    lead = LEADING.match(line)
    if lead and lead.end() < len(line):
        return line[lead.end() :], True
    return line, False


def _key(line: str) -> str:
    s = re.sub(r"\d+", "#", line.casefold())
    return re.sub(r"[^\w#]+", " ", s).strip()


def find_furniture(text: DocText) -> Furniture:
    """Every furniture line of the text, by wording, page position and repetition."""
    raw = text.text.split("\n")
    reasons: dict[int, str] = {}
    for i, line in enumerate(raw):
        kind = wording(line)
        if kind:
            reasons[i] = kind
    geometric = len(text.lines) == len(raw) and any(r.box is not None for r in text.lines)
    if geometric:
        _by_page(text, raw, reasons)
    else:
        _repeated(raw, reasons)
    _cells(text, raw, reasons, geometric)
    return Furniture(frozenset(reasons), reasons)


def _edge(text: DocText, index: int, heights: dict[int, float]) -> str | None:
    ref = text.lines[index]
    if ref.box is None:
        return None
    h = heights.get(ref.page) or 0.0
    if h <= 0:
        return None
    if ref.box.bottom <= EDGE_TOP * h:
        return "top"
    if ref.box.top >= EDGE_BOTTOM * h:
        return "bottom"
    return None


def _page_heights(text: DocText) -> dict[int, float]:
    """Page heights in points: stated by the document, else the lowest line seen (+ margin)."""
    if text.page_sizes:
        return {p: size[1] for p, size in text.page_sizes.items()}
    lowest = max((r.box.bottom for r in text.lines if r.box is not None), default=0.0)
    return {r.page: lowest * 1.06 for r in text.lines}


def _by_page(text: DocText, raw: list[str], reasons: dict[int, str]) -> None:
    """Edge lines that repeat on other pages at the same edge, and contact lines at an edge."""
    heights = _page_heights(text)
    edges: dict[int, str] = {}
    for i in range(len(raw)):
        where = _edge(text, i, heights)
        if where and not _PASAL.match(raw[i]) and 4 <= len(raw[i].strip()) <= 160:
            edges[i] = where
    keys = {i: _key(raw[i]) for i in edges}
    small = _small_lines(text)
    first_page = min((r.page for r in text.lines), default=1)
    opening = " ".join(_key(raw[i]) for i, r in enumerate(text.lines[:40]) if r.page == first_page)
    page_first: dict[int, int] = {}
    for i, r in enumerate(text.lines):
        page_first.setdefault(r.page, i)
    for i, where in edges.items():
        if i in reasons:
            continue
        cues = {m.group(0).casefold() for m in _CONTACT.finditer(raw[i])}
        if len(cues) >= 2 or (cues and _ADDRESS.search(raw[i])):
            reasons[i] = f"{where} letterhead line"
            continue
        if i in small:
            reasons[i] = f"small type at the {where}"
            continue
        page = text.lines[i].page
        if (
            where == "top"
            and page != first_page
            and page_first.get(page) == i
            and len(keys[i]) >= 20
            and fuzz.partial_ratio(keys[i], opening) >= REPEAT_RATIO
        ):
            reasons[i] = "running title"
            continue
        if len(keys[i]) < 6:
            continue
        for j, other in edges.items():
            if (
                other == where
                and text.lines[j].page != page
                and fuzz.ratio(keys[i], keys[j]) >= REPEAT_RATIO
            ):
                reasons[i] = f"running {'header' if where == 'top' else 'footer'}"
                break


SMALL_TYPE = 0.75
"""A line this much lower than the page's usual line is set in footer-size type."""


def _small_lines(text: DocText) -> set[int]:
    """Lines set clearly smaller than the body of their page (footers, running heads)."""
    by_page: dict[int, list[float]] = {}
    for ref in text.lines:
        if ref.box is not None:
            by_page.setdefault(ref.page, []).append(ref.box.bottom - ref.box.top)
    medians = {p: sorted(h)[len(h) // 2] for p, h in by_page.items() if len(h) >= 5}
    out: set[int] = set()
    for i, ref in enumerate(text.lines):
        median = medians.get(ref.page)
        if ref.box is not None and median and ref.box.bottom - ref.box.top < SMALL_TYPE * median:
            out.add(i)
    return out


def _repeated(raw: list[str], reasons: dict[int, str]) -> None:
    """Without boxes: a short line printed three times or more, digits aside."""
    counts: dict[str, int] = {}
    keys = [_key(line) for line in raw]
    for i, key in enumerate(keys):
        if 8 <= len(key) <= 80 and not _PASAL.match(raw[i]):
            counts[key] = counts.get(key, 0) + 1
    for i, key in enumerate(keys):
        if counts.get(key, 0) >= REPEAT_PAGES_NO_GEOMETRY and i not in reasons:
            reasons[i] = "running text"


def _cells(text: DocText, raw: list[str], reasons: dict[int, str], geometric: bool) -> None:
    """Paraf cell labels: beside a paraf label or over a page number at the foot of a page.

    The same words head a signature block, so with boxes a cell label must also sit in
    the bottom band of a page that is not the last, and without boxes it must touch a
    paraf label or come just before a page number."""
    heights = _page_heights(text) if geometric else {}
    last_page = max((r.page for r in text.lines), default=0)
    for i, line in enumerate(raw):
        if i in reasons or not _CELL.match(line.strip()):
            continue
        around = [reasons.get(k) for k in (i - 2, i - 1, i + 1, i + 2)]
        after = [reasons.get(k) for k in (i + 1, i + 2)]
        beside = "paraf box" in around or "page number" in after
        if geometric:
            bottom = _edge(text, i, heights) == "bottom" and text.lines[i].page != last_page
            if bottom and (beside or _last_on_page(text, reasons, i)):
                reasons[i] = "paraf cells"
        elif beside:
            reasons[i] = "paraf cells"


def _last_on_page(text: DocText, reasons: dict[int, str], index: int) -> bool:
    page = text.lines[index].page
    for k in range(index + 1, len(text.lines)):
        if text.lines[k].page != page:
            return True
        if k not in reasons:
            return False
    return True
