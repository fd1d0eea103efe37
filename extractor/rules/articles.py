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

from extractor.rules.furniture import Furniture, find_furniture, strip_glued, wording
from extractor.text import DocText

PASAL_CUTOFF = 80.0
"""rapidfuzz ratio for the word "Pasal" as OCR reads it (Pasa1, PASAI, Pasai: 80)."""

HEADING_CUTOFF = 82.0
"""ratio between a heading line and a wanted heading ("RUANG LINGKUF" passes)."""

NUMBER_WORDS = (
    "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas"
    "|(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\\s+belas|dua\\s+puluh(?:\\s+\\w+)?"
    "|pertama|kesatu|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan"
    "|kesepuluh|kesebelas"
)
"""Article numbers in words: "Pasal Tiga", "PASAL KETIGA", "Pasal Dua Belas"."""

_PASAL_LINE = re.compile(
    r"^\W{0,2}(?:[A-Za-z]{1,2}\s+)?([A-Za-z1|]{4,7})\s*[.:]?\s*"
    r"([0-9]{1,2}|[IVXLl1|]{1,5}|(?i:" + NUMBER_WORDS + r"))"
    r"\b\s*[.:\-]?\s*(.*)$"
)
_BAB_LINE = re.compile(r"^\s*BAB\s+[IVXL1]{1,5}\b\s*$", re.IGNORECASE)
_HEADING_NUMBER = re.compile(
    r"^\W{0,2}(?:(?:bab|pasal|article)\s+(?:[0-9]{1,2}|[ivxl1|]{1,5}|" + NUMBER_WORDS + r")\b"
    r"|\(?[0-9]{1,2}[.)]|[IVX]{1,5}[.)])\s*[.:\-]?\s*",
    re.IGNORECASE,
)
"""The numbering before a heading on its line: "BAB III RUANG LINGKUP", "3. RUANG LINGKUP",
"III. RUANG LINGKUP", "Pasal 3 - Ruang Lingkup"."""
_BODY_STOP = re.compile(
    r"^\W{0,3}(?:(?:P[I1l|]?HAK\s+\w+\W*){2,3}|mengetahui\W*|demikian\b.*|BAB\s+[IVXL1]{1,5}\b.*"
    r"|(?-i:Ditandatangani|DITANDATANGANI|Dibuat|DIBUAT)\s+(?i:di)\b.{0,60}|in\s+witness\b.*"
    r"|untuk\s+dan\s+atas\s+nama\b.*)$",
    re.IGNORECASE,
)
"""A body ends at a signature heading ("PIHAK KESATU PIHAK KEDUA"), 'Mengetahui', the
closing "Demikian ...", the place line over the signatures ("Ditandatangani di ...") or a
chapter line ("BAB IV")."""

MAX_BODY_LINES = 60
"""An article body longer than this has probably run past its end (a heading OCR lost)."""


@dataclass(frozen=True)
class TextLine:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One article; ``ended`` says what closed its body, for the confidence of what is in it."""

    heading: str
    heading_start: int
    heading_end: int
    body: list[TextLine]
    ended: str = "next article"
    """next article | signature block | closing | chapter | end of text | long body"""
    furniture: int = 0
    """furniture lines (page numbers, paraf boxes, running headers) dropped from the body"""
    glued: int = 0
    """body lines whose end carried furniture that was cut off"""

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


def content_lines(text: DocText) -> tuple[list[TextLine], Furniture]:
    """The text's lines without page furniture (furniture.py), and the furniture found."""
    furniture = find_furniture(text)
    lines = [ln for i, ln in enumerate(split_lines(text)) if i not in furniture]
    return lines, furniture


def is_junk(line: str) -> bool:
    """Scanner footers, page numbers, paraf boxes and stamp specks ("WM") inside a body."""
    return wording(line) is not None


def pasal_number(line: str) -> tuple[str, str] | None:
    """(number, rest of line) when the line is a "Pasal n" article line."""
    m = _PASAL_LINE.match(line.strip())
    if not m:
        return None
    word, number, rest = m.groups()
    rest = rest if re.search(r"\w", rest) else ""  # 'N Pasal 3"': a stamp's speck, a quote
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


def numbered_heading(line: str) -> str | None:
    """The heading of a line that numbers it itself ("3. RUANG LINGKUP", "BAB III OBJEK").

    Only capitals count: "3. Pelatihan guru" is a list item, "3. PELATIHAN" a heading."""
    m = _HEADING_NUMBER.match(line.strip())
    if not m:
        return None
    rest = line.strip()[m.end() :].strip(" -.:")
    letters = [c for c in rest if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) / len(letters) < 0.9:
        return None
    return rest if looks_like_heading(rest) else None


def articles(text: DocText) -> list[Article]:
    """Every article with its heading (may be empty) and body lines, furniture removed."""
    lines, _ = content_lines(text)
    marks: list[tuple[int, int, str, int]] = []  # first heading line, pasal line, heading, body
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
            after = lines[i + 2].text if i + 2 < len(lines) else ""
            if _continues_heading(heading, after):
                heading, body_from = f"{heading} {after.strip(' -.:')}", i + 3
        elif prev_ok:
            heading, first = prev.strip(" -.:"), i - 1
        if first > 0 and _BAB_LINE.match(lines[first - 1].text):
            first -= 1
        marks.append((first, i, heading, body_from))
    text_end = len(lines)
    out: list[Article] = []
    for k, (first, pasal_line, heading, body_from) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else text_end
        h_start = lines[min(first, pasal_line)].start
        h_end = lines[max(body_from - 1, pasal_line)].end
        out.append(
            _article(text, heading, h_start, h_end, lines[body_from:stop], k + 1 < len(marks))
        )
    return out


def _continues_heading(heading: str, line: str) -> bool:
    """A heading wrapped over two lines ("RUANG LINGKUP DAN BENTUK" / "KEGIATAN")."""
    s = line.strip()
    last = heading.split()[-1].casefold() if heading.split() else ""
    return (
        s.isupper()
        and looks_like_heading(s)
        and len(s) <= 30
        and (last in {"dan", "serta", "atau"} or len(heading) + len(s) <= 45)
        and len(s.split()) <= 3
    )


def _article(
    text: DocText, heading: str, h_start: int, h_end: int, lines: list[TextLine], more: bool
) -> Article:
    """The article from its heading and the lines up to the next one (furniture counted)."""
    body, ended, glued = _body(lines)
    if ended == "" and not more:
        ended = "end of text"
    if len(body) > MAX_BODY_LINES:
        ended = "long body"
    span = (h_end, body[-1].end) if body else (h_end, h_end)
    dropped = sum(1 for i, ref in enumerate(text.lines) if span[0] < ref.start < span[1]) - len(
        body
    )
    return Article(heading, h_start, h_end, body, ended or "next article", max(0, dropped), glued)


_ENDS = (
    (
        re.compile(r"^\W{0,3}(?:P[I1l|]?HAK\s+\w+\W*){2,3}$|^\W{0,3}untuk\s+dan", re.I),
        "signature block",
    ),
    (re.compile(r"^\W{0,3}BAB\b", re.I), "chapter"),
    (re.compile(r".*"), "closing"),
)


_ROLES_ONLY = re.compile(r"^\W{0,3}(?:P[I1l|]?HAK\s+\w+\W*){2,3}$", re.IGNORECASE)
_GOES_ON_CASED = re.compile(r"^\s*(?!ttd|dto|cap\b|tertanda)[a-z]{3,}\b")
"""A continuation in lower case; not 'a.n.' / 'ttd' / 'cap' under a signature heading."""


def _paraf_cells_mid_text(line: str, after: list[TextLine]) -> bool:
    """'PIHAK KESATU PIHAK KEDUA' is a signature heading, or the cells of a paraf box the
    furniture finder missed at a page foot (a skewed scan). A signature heading is
    followed by a jabatan or an institution ("BUPATI ...,", "KEPALA DINAS"); the paraf
    cells by the text of the next page: a list item ("c. pelatihan"), a continuation in
    lower case, or the next "Pasal"."""
    if not _ROLES_ONLY.match(line) or not after:
        return False
    nxt = after[0].text.strip()
    if _GOES_ON_CASED.match(nxt):
        return True
    return bool(re.match(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)])\s|^\W{0,2}pasal\b", nxt, re.I))


def _body(lines: list[TextLine]) -> tuple[list[TextLine], str, int]:
    """Body lines up to a stop line, with glued furniture cut; what stopped it; cuts made."""
    out: list[TextLine] = []
    glued = 0
    for k, ln in enumerate(lines):
        s = ln.text.strip()
        if _BODY_STOP.match(s) and not _paraf_cells_mid_text(s, lines[k + 1 : k + 2]):
            return out, next(why for pattern, why in _ENDS if pattern.match(s)), glued
        if _BODY_STOP.match(s):
            continue
        if not s or is_junk(s):
            continue
        kept, cut = strip_glued(ln.text)
        if cut:
            glued += 1
            ln = TextLine(kept, ln.start, ln.start + len(kept))
        out.append(ln)
    return out, "", glued


def heading_score(heading: str, wanted: str) -> float:
    h = _HEADING_NUMBER.sub("", heading.strip(), count=1) or heading
    h = re.sub(r"[^a-z ]+", " ", h.casefold())
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
            score = heading_score(art.heading, w)
            if score >= HEADING_CUTOFF and (best is None or rank < best[2]):
                best = (art, score, rank)
                break
    if best is not None:
        return best[0], best[1]
    return _find_heading_without_pasal(text, wanted)


def _find_heading_without_pasal(text: DocText, wanted: list[str]) -> tuple[Article, float] | None:
    """Agreements without "Pasal" lines: a heading line (bare, or numbered "3. RUANG
    LINGKUP" / "BAB III OBJEK"), its body up to the next heading of the same kind."""
    lines, _ = content_lines(text)
    for i, line in enumerate(lines):
        numbered = numbered_heading(line.text)
        if numbered is None and not looks_like_heading(line.text):
            continue
        score = max(heading_score(numbered or line.text, w) for w in wanted)
        if score < HEADING_CUTOFF:
            continue
        stop = len(lines)
        for k in range(i + 1, len(lines)):
            nxt = lines[k].text
            if pasal_number(nxt) or numbered_heading(nxt) is not None:
                stop = k
                break
            if numbered is None and looks_like_heading(nxt) and nxt.isupper():
                stop = k
                break
        article = _article(
            text, line.text.strip(), line.start, line.end, lines[i + 1 : stop], stop < len(lines)
        )
        return article, score
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
