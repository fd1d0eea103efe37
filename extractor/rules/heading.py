"""The agreement's own heading block: where type, title and numbers are read.

An agreement names itself in an upper-case block on its first pages ("NOTA
KESEPAHAMAN / ANTARA / ... / DAN / ... / TENTANG / ..." with one "Nomor" line
per party). The body mentions other agreements too (a PKS cites its Nota
Kesepahaman), so type, title and numbers are read only from this block. Cover
pages repeat the heading without "TENTANG" or numbers; the block that looks
most complete wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from extractor.rules.heading_kinds import (
    amendment_opener,
    amends,
    english_type,
    is_english_connector,
    opener_only,
    reads_english,
)
from extractor.rules.heading_lines import (
    continues_cited_number,
    debris_run,
    is_connector,
    logo_word_before,
)
from extractor.text import DocText
from models.extraction import DocType

TYPE_KEYWORDS: tuple[tuple[str, DocType], ...] = (
    ("ADENDUM", "ADENDUM"),
    ("ADDENDUM", "ADENDUM"),
    ("AMANDEMEN", "ADENDUM"),
    ("PERUBAHAN ATAS", "ADENDUM"),
    ("NOTA KESEPAHAMAN", "NK"),
    ("NOTA KESEPAKATAN", "NK"),
    ("KESEPAKATAN BERSAMA", "NK"),
    ("MEMORANDUM OF UNDERSTANDING", "NK"),
    ("MEMORANDUM SALING PENGERTIAN", "NK"),
    ("PIAGAM KERJA SAMA", "NK"),
    ("PIAGAM KERJASAMA", "NK"),
    ("PERJANJIAN KERJA SAMA", "PKS"),
    ("PERJANJIAN KERJASAMA", "PKS"),
    ("SURAT PERJANJIAN", "PKS"),
    ("PERJANJIAN", "PKS"),
    ("KONTRAK", "PKS"),
    ("SURAT PERINTAH KERJA", "PKS"),
    # English headings, after every Indonesian one: in a bilingual heading they are the
    # translation line, in an English-only agreement they are the type line
    ("AMENDMENT", "ADENDUM"),
    ("AMENDED", "ADENDUM"),
    ("AMENDEMEN", "ADENDUM"),
    ("JOINT AGREEMENT", "NK"),
    ("MEMORANDUM OF AGREEMENT", "PKS"),
    ("COOPERATION AGREEMENT", "PKS"),
)
KEYWORD_CUTOFF = 85.0
"""partial_ratio bound for a type keyword in a heading line: one OCR error in ~8 letters."""
KEYWORD_LEAD = 6
"""Characters of logo/OCR junk allowed before the keyword on the type line."""
MAX_HEADING_PAGES = 4
MAX_BLOCK_LINES = 26

_NOMOR = re.compile(
    r"^\W{0,3}(?:n\s?[o0]\s?(?:m|rn|rr)\s?[o0e]\s?r|no\b\.?)(?:\s*/\s*number)?",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[A-Za-z]+")


def line_texts(text: DocText) -> list[str]:
    return [text.text[ref.start : ref.end] for ref in text.lines]


def is_nomor_line(line: str) -> bool:
    return bool(_NOMOR.match(line))


_DAMAGED_LABEL = re.compile(r"^\W{0,2}(?P<label>[A-Za-z]{0,7})\s*[:;]+\s*(?P<rest>\S.*)$")


def damaged_nomor_label(line: str) -> int | None:
    """Where the number starts on a 'Nomor :' line whose label OCR damaged ('Yomor :',
    ': 415.4/...'), else None.

    Only the label may be damaged: it must still look like 'Nomor' (or be lost
    whole, the colon left) and what follows must look like an agreement number
    (digits and a '/' in its first part). Callers look only inside the heading
    block, after its title, where nothing else is written that way.
    """
    m = _DAMAGED_LABEL.match(line)
    if m is None:
        return None
    label = m.group("label").lower()
    if label and fuzz.ratio("nomor", label) < 60:
        return None
    if not re.match(r"^[\w.\-]*\d[\w.\-]*\s?/", m.group("rest")):
        return None
    return m.start("rest")


def upper_ratio(line: str) -> float:
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isupper()) / len(letters)


def is_heading_like(line: str) -> bool:
    """Upper-case, short, with at least one real upper-case word."""
    if len(line) > 110:
        return False
    has_word = any(len(w) >= 3 and w.isupper() for w in _WORDS.findall(line))
    return has_word and upper_ratio(line) >= 0.7


def is_english(line: str) -> bool:
    """A translation line in a bilingual heading ('COOPERATION AGREEMENT', 'BETWEEN')."""
    return reads_english(line, bilingual=False)


def strip_noise(line: str) -> str:
    """Drops leading logo/stamp debris ('aa ', '“Tg? ', 'el da3 ') and trailing bars."""
    words = line.split()
    while words and not any(c.isupper() or c.isdigit() or c == "(" for c in words[0][:2]):
        words.pop(0)
    while words and len(words[0]) <= 3 and not re.fullmatch(r"[A-Z0-9(][\w.()&,-]*", words[0]):
        words.pop(0)
    return re.sub(r"[\s|,;:_~*»«'\"`]+$", "", " ".join(words))


_CONNECTORS = {"antara", "dan", "dengan", "tentang", "serta"}


def is_title_case_heading(line: str) -> bool:
    """A heading line of a document that does not print its heading in capitals."""
    stripped = line.strip()
    if not stripped or len(stripped) > 90 or stripped[-1] in ".;:,":
        return False
    first = _WORDS.match(stripped)
    if first is None:
        return False
    return first.group().lower() in _CONNECTORS or first.group()[0].isupper()


@lru_cache(maxsize=4096)
def type_of_line(line: str, relaxed: bool = False) -> tuple[DocType, str] | None:
    """The document type a heading line announces, and the keyword that matched.

    The keyword must open the line (after logo debris) and be printed in capitals;
    what follows may be noise ('KESEPAKATAN BERSAMA Pp ikiranRakyat' beside a logo).
    ``relaxed`` (for documents with no capitalised heading at all) accepts any case
    but then the keyword must be nearly the whole line ('Nota Kesepahaman').
    """
    clean = strip_noise(line) if not relaxed else line.strip()
    if len(clean) > 110:
        return None
    if relaxed:
        for keyword, doc_type in TYPE_KEYWORDS:
            if len(clean) <= len(keyword) + 12 and (
                fuzz.ratio(keyword, clean.upper()[: len(keyword)]) >= KEYWORD_CUTOFF
            ):
                return doc_type, keyword
        return None
    upper = clean.upper()
    opener = amendment_opener(upper)
    if opener is not None and upper_ratio(clean[: len(opener)]) >= 0.8:
        return "ADENDUM", opener
    for keyword, doc_type in TYPE_KEYWORDS:
        if len(upper) < len(keyword) - 2:
            continue
        align = fuzz.partial_ratio_alignment(keyword, upper, score_cutoff=KEYWORD_CUTOFF)
        if align is None or align.dest_start > KEYWORD_LEAD:
            continue
        if upper_ratio(clean[align.dest_start : align.dest_end]) < 0.8:
            continue
        if keyword == "PERJANJIAN" and align.dest_end < len(upper.rstrip()) - 40:
            continue  # bare 'PERJANJIAN' only as a short type line
        return doc_type, keyword
    return None


@dataclass
class Heading:
    """One heading block: its type line and what follows it."""

    type_line: int
    doc_type: DocType
    keyword: str
    title_lines: list[int] = field(default_factory=list)
    nomor_lines: list[int] = field(default_factory=list)
    end_line: int = 0
    has_tentang: bool = False
    score: float = 0.0
    relaxed: bool = False  # found in title case (no capitalised heading in the document)


_BARE_NUMBER = re.compile(r"^\s*[\w.&\-]+(?:\s*/\s*[\w.&\-]+)+\s*$")
_OPENING = re.compile(r"^\W{0,3}(pada\s+hari|perjanjian\s+ini\s+dibuat|yang\s+bertanda)", re.I)


def _repeats_heading(lines: list[str], i: int, j: int) -> bool:
    """Line ``j`` starts the heading of line ``i`` over again (cover page, then page 1):
    the type line and the line under it both match ('TENTANG PERUBAHAN ATAS PERJANJIAN
    ...', a title citing another agreement, is no repeat)."""
    if j + 1 >= len(lines) or i + 1 >= len(lines):
        return False
    first = fuzz.ratio(strip_noise(lines[i]).upper(), strip_noise(lines[j]).upper())
    second = fuzz.ratio(strip_noise(lines[i + 1]).upper(), strip_noise(lines[j + 1]).upper())
    return first >= 90 and second >= 90


def _indonesian_type(line: str, relaxed: bool) -> bool:
    found = type_of_line(line, relaxed)
    return found is not None and not english_type(found[1])


_PARTY_DUE = {"ANTARA", "DAN", "DENGAN"}


def _translation(line: str, previous: str, bilingual: bool) -> bool:
    """An English translation line of a bilingual heading (left out of the title).

    Party names are not translated: where a party is due (after ANTARA/DAN/DENGAN)
    only a bare English connector ('BETWEEN', 'AND') is a translation line.
    """
    if is_english_connector(line):
        return True
    if strip_noise(previous).strip().upper() in _PARTY_DUE:
        return False
    return reads_english(line, bilingual)


def _continues(line: str) -> bool:
    """A line that carries a heading block on after debris."""
    return (
        is_nomor_line(line)
        or is_connector(line)
        or is_heading_like(strip_noise(line))
        or damaged_nomor_label(line) is not None
    )


def _block_at(
    lines: list[str],
    i: int,
    doc_type: DocType,
    keyword: str,
    relaxed: bool = False,
    pages: list[int] | None = None,
) -> Heading:
    heading = Heading(
        type_line=i, doc_type=doc_type, keyword=keyword, title_lines=[i], relaxed=relaxed
    )
    j = i + 1
    after_tentang = False
    bilingual = False
    english_only = english_type(keyword) and not (
        i + 1 < len(lines) and _indonesian_type(lines[i + 1], relaxed)
    )
    while j < len(lines) and j - i <= MAX_BLOCK_LINES:
        line = lines[j]
        if is_nomor_line(line) or (after_tentang and damaged_nomor_label(line) is not None):
            heading.nomor_lines.append(j)
            if after_tentang and heading.title_lines[-1] > heading.type_line:
                # numbers after the TENTANG block close it; later lines are the opening
                k = j + 1
                while k < len(lines) and (
                    is_nomor_line(lines[k]) or damaged_nomor_label(lines[k]) is not None
                ):
                    heading.nomor_lines.append(k)
                    k += 1
                j = k
                break
            j += 1
            continue
        if heading.nomor_lines and heading.nomor_lines[-1] == j - 1 and _BARE_NUMBER.match(line):
            j += 1  # the number printed under its 'Nomor :' label
            continue
        if re.match(r"^\s*tanggal\s*[:;]", line, re.I):
            j += 1
            continue
        if _OPENING.match(line):
            break
        amended = not relaxed and all(
            opener_only(strip_noise(lines[k])) for k in heading.title_lines
        )
        found = type_of_line(line, relaxed) if j > i + 1 and not amended else None
        translated = found is not None and not english_only and english_type(found[1])
        if translated and type_of_line(lines[j - 1], relaxed) is not None:
            found = None  # 'PERJANJIAN KERJA SAMA / COOPERATION AGREEMENT': its translation
        if found is not None:
            new_page = pages is not None and pages[j] != pages[j - 1]
            if not after_tentang or new_page or _repeats_heading(lines, i, j):
                break  # another heading; after TENTANG only a new page or a repeat ends it
        stripped = line.strip()
        if english_only and re.fullmatch(r"\W*(?:ON|REGARDING|CONCERNING|ABOUT)\W*", stripped):
            after_tentang = heading.has_tentang = True  # the English heading's 'TENTANG'
            heading.title_lines.append(j)
            j += 1
            continue
        if stripped.startswith("(") and stripped.endswith(")") and j == i + 1:
            heading.title_lines.append(j)
            j += 1
            continue
        fits = is_title_case_heading(line) if relaxed else is_heading_like(strip_noise(line))
        fits = fits or continues_cited_number(lines[heading.title_lines[-1]], stripped)
        if not relaxed:
            previous = strip_noise(lines[heading.title_lines[-1]])
            run = (
                logo_word_before(lines, j, previous, _continues)
                if fits
                else debris_run(lines, j, _continues)
            )
            if run is not None:
                j = run.resume  # logo/stamp debris inside the block: the heading goes on
                continue
        if not fits:
            if len(stripped) <= 12 and not any(len(w) >= 4 for w in _WORDS.findall(stripped)):
                j += 1  # logo and stamp noise
                continue
            break
        if not english_only and _translation(line, lines[heading.title_lines[-1]], bilingual):
            bilingual = True
            j += 1
            continue
        if re.search(r"\bTENTANG\b", line, 0 if not relaxed else re.I):
            after_tentang = True
            heading.has_tentang = True
        heading.title_lines.append(j)
        j += 1
    heading.end_line = j
    # look-ahead for number lines just after the block (before the opening sentence)
    k = j
    while k < len(lines) and k < j + 3 and not _OPENING.match(lines[k]):
        numbered = is_nomor_line(lines[k]) or (
            heading.has_tentang and damaged_nomor_label(lines[k]) is not None
        )
        if numbered and k not in heading.nomor_lines:
            heading.nomor_lines.append(k)
        k += 1
    followed = any(_OPENING.match(x) for x in lines[j : j + 4])
    heading.score = (
        3.0 * heading.has_tentang
        + 2.0 * bool(heading.nomor_lines)
        + 1.0 * followed
        + 0.5 * (len(heading.title_lines) >= 3)
    )
    return heading


def find_heading(text: DocText) -> Heading | None:
    """The most complete heading block on the first pages, earliest on ties.

    Capitalised headings first; only when there is none, a heading in title case
    (its type line must then be the keyword alone, and it must come with TENTANG
    or numbers, so a body sentence never qualifies).
    """
    lines = line_texts(text)
    best = _best_block(text, lines, relaxed=False)
    if best is None:
        best = _best_block(text, lines, relaxed=True)
        if best is not None and best.score < 2:
            best = None
    if best is not None:
        best = _refine_type(lines, best)
    return best


def _best_block(text: DocText, lines: list[str], relaxed: bool) -> Heading | None:
    best: Heading | None = None
    first_page = min(text.page_starts) if text.page_starts else 1
    pages = MAX_HEADING_PAGES if not relaxed else 2
    pages_of = [ref.page for ref in text.lines]
    i = 0
    while i < len(lines):
        if text.lines[i].page >= first_page + pages:
            break
        found = type_of_line(lines[i], relaxed)
        if found is None:
            i += 1
            continue
        heading = _block_at(lines, i, found[0], found[1], relaxed, pages_of)
        if best is None or heading.score > best.score:
            best = heading
        i = max(i + 1, heading.end_line)
    return best


def _refine_type(lines: list[str], heading: Heading) -> Heading:
    """'ADENDUM ... PERJANJIAN' or 'PERUBAHAN ATAS ...' on the next lines makes an addendum."""
    if amends([lines[idx] for idx in heading.title_lines[:4]], KEYWORD_CUTOFF):
        heading.doc_type = "ADENDUM"
    return heading
