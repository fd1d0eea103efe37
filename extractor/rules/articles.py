"""Articles (Pasal) of an agreement: where each starts, its heading, its body.

Agreements put the article heading after the "Pasal n" line ("Pasal 2 / RUANG
LINGKUP") or above it ("MAKSUD DAN TUJUAN / PASAL 1"), sometimes under a "BAB I"
chapter line; OCR reads "Pasal" as "Pasa1" or "PASAI". Scope and purpose (and any
rule that wants one article's text) ask this module for the article whose heading
matches, by fuzzy ratio, and get its body up to the next article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractor.text import DocText

PASAL_CUTOFF = 80.0
"""rapidfuzz ratio for the word "Pasal" as OCR reads it (Pasa1, PASAI, Pasai: 80)."""

HEADING_CUTOFF = 82.0
"""ratio between a heading line and a wanted heading ("RUANG LINGKUF" passes)."""

_PASAL_LINE = re.compile(
    r"^\W{0,2}([A-Za-z1|]{4,7})\s*[.:]?\s*([0-9]{1,2}|[IVXLl1|]{1,5})\b\s*[.:]?\s*(.*)$"
)
_BAB_LINE = re.compile(r"^\s*BAB\s+[IVXL1]{1,5}\b\s*$", re.IGNORECASE)
_JUNK = re.compile(
    r"^(?:dipindai dengan camscanner|.*camscanner\s*$|-?\s*\d{1,3}\s*-?"
    r"|hal(?:aman)?\.?\s*\d+\s*(?:dari|/)\s*\d+"
    r"|\(?paraf\b.*|page\s*\d*|\W{1,4})$",
    re.IGNORECASE,
)
_BODY_STOP = re.compile(
    r"^\W{0,3}(?:(?:P[I1l|]?HAK\s+\w+\W*){2,3}|mengetahui\W*|demikian\b.*|BAB\s+[IVXL1]{1,5}\b.*)$",
    re.IGNORECASE,
)
"""A body ends at a signature heading ("PIHAK KESATU PIHAK KEDUA"), 'Mengetahui',
the closing "Demikian ..." or a chapter line ("BAB IV")."""


@dataclass(frozen=True)
class TextLine:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    heading: str
    heading_start: int
    heading_end: int
    body: list[TextLine]

    @property
    def start(self) -> int:
        return self.body[0].start if self.body else self.heading_end

    @property
    def end(self) -> int:
        return self.body[-1].end if self.body else self.heading_end


def split_lines(text: DocText) -> list[TextLine]:
    out: list[TextLine] = []
    offset = 0
    for raw in text.text.split("\n"):
        out.append(TextLine(raw, offset, offset + len(raw)))
        offset += len(raw) + 1
    return out


def is_junk(line: str) -> bool:
    """Scanner footers, page numbers, paraf boxes and stamp specks ("WM") inside a body."""
    s = line.strip()
    return bool(_JUNK.match(s)) or (len(s) <= 3 and s.isalpha() and s.isupper())


def pasal_number(line: str) -> tuple[str, str] | None:
    """(number, rest of line) when the line is a "Pasal n" article line."""
    m = _PASAL_LINE.match(line.strip())
    if not m:
        return None
    word, number, rest = m.groups()
    if max(fuzz.ratio(word.casefold(), w) for w in ("pasal", "article")) < PASAL_CUTOFF:
        return None
    if len(rest) > 60 or (rest and rest[:1].islower()):
        return None  # "pasal 3 ayat (1) ..." inside a sentence
    return number, rest


def looks_like_heading(line: str) -> bool:
    """A short line without sentence punctuation, mostly capitalised words."""
    s = line.strip()
    if not (3 <= len(s) <= 70) or s[-1:] in ",;.:" or pasal_number(s) is not None:
        return False
    if re.match(r"^\(?\d+[.)]|^[a-z][.)]\s", s):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    words = [w for w in re.split(r"\s+", s) if w[:1].isalpha()]
    capital = sum(w[:1].isupper() for w in words) / max(1, len(words))
    small = {"dan", "atau", "serta", "di", "ke", "dari", "yang", "para", "pihak"}
    capital_or_small = sum(w[:1].isupper() or w.lower() in small for w in words) / max(
        1, len(words)
    )
    return upper >= 0.75 or (capital >= 0.5 and capital_or_small >= 0.99 and len(words) <= 7)


def articles(text: DocText) -> list[Article]:
    """Every article with its heading (may be empty) and body lines, junk removed."""
    lines = split_lines(text)
    marks: list[tuple[int, int, str, int, int]] = []  # first heading line, pasal line, heading
    for i, line in enumerate(lines):
        hit = pasal_number(line.text)
        if hit is None:
            continue
        _, rest = hit
        heading, first, body_from = "", i, i + 1
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        prev = lines[i - 1].text if i > 0 else ""
        prev_ok = looks_like_heading(prev) and prev.isupper()
        if rest and looks_like_heading(rest):
            heading = rest.strip(" -.:")
        elif looks_like_heading(nxt) and (nxt.isupper() or not prev_ok):
            heading, body_from = nxt.strip(" -.:"), i + 2
        elif prev_ok:
            heading, first = prev.strip(" -.:"), i - 1
        if first > 0 and _BAB_LINE.match(lines[first - 1].text):
            first -= 1
        marks.append((first, i, heading, body_from, i))
    out: list[Article] = []
    repeated = furniture(lines)
    for k, (first, _pasal, heading, body_from, pasal_line) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else len(lines)
        body = _body(lines[body_from:stop], repeated)
        h_start = lines[min(first, pasal_line)].start
        h_end = lines[max(body_from - 1, pasal_line)].end
        out.append(Article(heading, h_start, h_end, body))
    return out


_TRAILING_FURNITURE = re.compile(
    r"\s+(?:\(?paraf\b.*|hal(?:aman)?\.?\s*\d+\s*(?:dari|/)\s*\d+.*|\d{1,3}\s*dari\s*\d{1,3}\s*"
    r"|dipindai dengan camscanner.*)$",
    re.IGNORECASE,
)
"""A footer OCR glued to the end of a body line ('... kegiatan lain PARAF PIHAK I 3 dari 7')."""
FURNITURE_REPEATS = 3
"""A line printed this often (digits aside) is running header/footer, not article text."""


def furniture(lines: list[TextLine]) -> set[str]:
    """Running headers and footers: short lines that repeat page after page."""
    counts: dict[str, int] = {}
    for ln in lines:
        key = _furniture_key(ln.text)
        if 8 <= len(key) <= 80:
            counts[key] = counts.get(key, 0) + 1
    return {k for k, n in counts.items() if n >= FURNITURE_REPEATS}


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", line.strip().casefold()))


def _body(lines: list[TextLine], repeated: set[str] | None = None) -> list[TextLine]:
    out: list[TextLine] = []
    for ln in lines:
        if _BODY_STOP.match(ln.text.strip()):
            break
        if not ln.text.strip() or is_junk(ln.text):
            continue
        if repeated and _furniture_key(ln.text) in repeated:
            continue
        cut = _TRAILING_FURNITURE.search(ln.text)
        if cut and cut.start() > 0:
            ln = TextLine(ln.text[: cut.start()], ln.start, ln.start + cut.start())
        out.append(ln)
    return out


def _heading_score(heading: str, wanted: str) -> float:
    h = re.sub(r"[^a-z ]+", " ", heading.casefold())
    h = re.sub(r"\s+", " ", h).strip()
    w = wanted.casefold()
    score = fuzz.ratio(h, w)
    if len(h) > len(w) + 3:  # "RUANG LINGKUP KERJA SAMA" starts with "RUANG LINGKUP"
        score = max(score, fuzz.ratio(h[: len(w)], w) - 2)
    return float(score)


def find_article(text: DocText, wanted: list[str]) -> tuple[Article, float] | None:
    """The first article whose heading matches the earliest possible ``wanted`` heading."""
    arts = articles(text)
    best: tuple[Article, float, int] | None = None
    for art in arts:
        if not art.heading:
            continue
        for rank, w in enumerate(wanted):
            score = _heading_score(art.heading, w)
            if score >= HEADING_CUTOFF and (best is None or rank < best[2]):
                best = (art, score, rank)
                break
    if best is not None:
        return best[0], best[1]
    return _find_heading_without_pasal(text, wanted)


def _find_heading_without_pasal(text: DocText, wanted: list[str]) -> tuple[Article, float] | None:
    """Agreements without "Pasal" lines: a heading line, body up to the next heading."""
    lines = split_lines(text)
    for i, line in enumerate(lines):
        if not looks_like_heading(line.text):
            continue
        score = max(_heading_score(line.text, w) for w in wanted)
        if score < HEADING_CUTOFF:
            continue
        body: list[TextLine] = []
        for nxt in lines[i + 1 :]:
            if pasal_number(nxt.text) or (looks_like_heading(nxt.text) and nxt.text.isupper()):
                break
            body.append(nxt)
        body = _body(body)
        return Article(line.text.strip(), line.start, line.end, body), score
    return None


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines; "masing-/masing" keeps its hyphen, "pen-/gembangan" loses it."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out.endswith("-") and not out.endswith(" -"):
            head = re.search(r"(\w+)-$", out)
            if head and part.lower().startswith(head.group(1).lower()):
                out += part
            else:
                out = out[:-1] + part
        elif out:
            out += " " + part
        else:
            out = part
    return re.sub(r"\s+", " ", out).strip()
