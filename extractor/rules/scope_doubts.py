"""What may be wrong with a scope read from an article: furniture inside items, a weak
heading, an edge not found. Each doubt lowers the confidence and is named in the evidence.

Page furniture (paraf boxes, "Halaman 3 dari 7", "- 4 -", the running title) is taken out
line by line before the items are parsed (furniture.py). On scans the line grouping
fails: OCR merges a footer into a text line, or puts it in the middle of an item when the
page is skewed. Such pieces are cut out of the item here by their wording, which never
belongs to what a cooperation covers; what is left that still reads like furniture, or
repeats the title as a running header does, only lowers the confidence. The article's
heading matters too: "Ruang Lingkup" is the scope; "Kegiatan" or "Objek" alone may be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractor.rules.articles import Article, TextLine, heading_score

LONG_ITEM = 300
"""Characters: an item longer than this has likely swallowed text after the list."""
MANY_ITEMS = 15
WEAK_HEADINGS = (
    "OBJEK",
    "SCOPE",
    "KEGIATAN",
    "JENIS KEGIATAN",
    "KEGIATAN KERJA SAMA",
    "PROGRAM KERJA SAMA",
)
"""Headings that name the scope only in some agreements: found under one of these (and
under no stronger one), the article may be another (a list of activities, an object
clause)."""

_INSIDE = re.compile(
    r"\s*\bparaf\b\W*(?:p[i1l]?hak\s+(?:ke\w{2,10}|pertama|[ivxl1|]{1,4})\W*){0,3}"
    r"(?:\d{1,3}\s*(?:dari|/)\s*\d{1,3}\b)?"
    r"|\s*\b(?:hal(?:aman)?|hlm|page)\.?\s*:?\s*\d{1,3}\s*(?:dari|dr\.?|/|of)\s*\d{1,3}\b"
    r"|\s+-\s?\d{1,3}\s?-(?=\s|$)"
    r"|\s*\b(?:dipindai\s+dengan\s+)?camscanner\b",
    re.IGNORECASE,
)
"""Furniture wording inside an item: a paraf box with its cells, a page count, '- 4 -'."""
_FURNITURE_LIKE = re.compile(
    r"\bparaf\b|\bhal(?:aman)?\.?\s*\d|\b\d{1,3}\s*(?:dari|dr\.?)\s*\d{1,3}\b"
    r"|\s-\s?\d{1,3}\s?-(?:\s|$)"
    r"|\b(?:telp|telepon|fax|faks|e-?mail)\b|www\.|camscanner",
    re.IGNORECASE,
)
"""Text inside an item that reads like page furniture left over from a page break."""
TITLE_RUN = 6
"""Words: an item sharing a run this long with the document's opening repeats its title."""
_SPLIT_WORD = re.compile(r"(?:^|\s)(?!(?:di|ke|ya|of|to|in|on|an|or)\s)[a-z]{1,2}\s+[a-z]{3,}")
"""A word OCR broke in two at a stray space ('pe ngembangan', 'pr oduktif')."""
_UNSPLIT_LIST = re.compile(r":\s*\S.*(?:,.*){2,}")


_ROLE_ONLY = re.compile(
    r"^\W{0,3}(?:p[i1l]?hak\s+(?:ke\w{2,10}|pertama|[ivxl1|]{1,4})\W{0,3}\s*){1,3}$"
    r"|^\W{0,3}paraf\W*$",
    re.IGNORECASE,
)
"""A line of paraf cell labels only ('PIHAK KESATU', 'Pihak II'); never ends in ':' here."""
_CONTACT = re.compile(
    r"\b(?:telp|telepon|tlp|fax|faks(?:imile)?|e-?mail|surel|website|laman|kode\s*pos)\b"
    r"|www\.|\.go\.id|\.ac\.id|\.co\.id",
    re.IGNORECASE,
)


def _letterhead(line: str) -> bool:
    """An address line with two contact cues: the letterhead footer, read mid-page."""
    return len({m.group(0).casefold() for m in _CONTACT.finditer(line)}) >= 2


@dataclass(frozen=True)
class Unfurnished:
    """The scope article's body without stray furniture lines, and how many went."""

    body: list[TextLine]
    dropped: int


def drop_stray_furniture(body: list[TextLine]) -> Unfurnished:
    """Paraf cell labels and letterhead footer lines that the page-level furniture
    finder missed (on a skewed scan they are not at the page edge): inside a scope
    article an address with telephone and website is never part of an item, and a line
    of role labels alone is a paraf box's cells unless it ends a sentence the line
    before left open ("... sesuai kebutuhan" / "PIHAK PERTAMA.")."""
    kept: list[TextLine] = []
    for k, ln in enumerate(body):
        s = ln.text.strip()
        if _letterhead(s):
            continue
        if _ROLE_ONLY.match(s) and s[-1:] not in ".;:,":
            prev = body[k - 1].text.strip() if k else ""
            if not prev or prev[-1:] in ".;:" or _letterhead(prev) or _ROLE_ONLY.match(prev):
                continue
        kept.append(ln)
    return Unfurnished(kept, len(body) - len(kept))


@dataclass(frozen=True)
class ScrubbedItems:
    """The items with furniture cut from inside them, and how many were cut."""

    items: list[str]
    cut: int


def scrub_items(items: list[str]) -> ScrubbedItems:
    """Cut paraf boxes, page counts and scanner stamps out of the items."""
    out: list[str] = []
    cut = 0
    for item in items:
        kept = _INSIDE.sub(" ", item)
        kept = re.sub(r"\s+", " ", kept).strip(" ,;")
        if kept != item.strip():
            cut += 1
        if kept:
            out.append(kept)
    return ScrubbedItems(out, cut)


def weak_heading(article: Article, strong: list[str]) -> bool:
    """The article was found only by a heading that names the scope in some agreements."""
    best_strong = max((heading_score(article.heading, w) for w in strong), default=0.0)
    best_weak = max(heading_score(article.heading, w) for w in WEAK_HEADINGS)
    return best_weak > best_strong


_TITLE_WORDS = re.compile(
    r"\b(?:nota\s+kesepahaman|perjanjian\s+kerja\s*sama|kesepakatan\s+bersama|memorandum"
    r"|antara\s+pemerintah)\b",
    re.IGNORECASE,
)


def _repeats_title(item: str, opening: str) -> bool:
    """A run of the item's words that is in the opening and names the document's kind
    ("Nota Kesepahaman antara Pemerintah ..."): the running title, not the item."""
    words = item.split()
    for k in range(0, max(0, len(words) - TITLE_RUN) + 1):
        run = " ".join(words[k : k + TITLE_RUN + 2])
        if (
            len(run) >= 30
            and _TITLE_WORDS.search(run)
            and fuzz.partial_ratio(run.casefold(), opening) >= 95
        ):
            return True
    return False


def boundary_doubts(article: Article, items: list[str], kind: str, opening: str) -> list[str]:
    """Why the edges of the scope may be wrong, for the confidence and the evidence.

    The article's end was not found (the text ran out, or the body is implausibly long),
    an item still reads like furniture or repeats the title (a running header read into
    it), an item is very long or there are very many of them, or one sentence holds what
    looks like a list OCR did not let us split."""
    doubts: list[str] = []
    if article.ended in ("end of text", "long body"):
        doubts.append(f"article end not found ({article.ended})")
    if any(_FURNITURE_LIKE.search(i) for i in items):
        doubts.append("item contains furniture-like text")
    if opening and len(items) > 1 and any(_repeats_title(i, opening) for i in items):
        doubts.append("item repeats the title (running header?)")
    if any(len(i) > LONG_ITEM for i in items):
        doubts.append("very long item")
    if len(items) > MANY_ITEMS:
        doubts.append("very many items")
    if any(len(i) < 4 for i in items):
        doubts.append("very short item")
    if any(_SPLIT_WORD.search(i) for i in items):
        doubts.append("a word broken by OCR")
    if kind == "sentence" and _UNSPLIT_LIST.search(" ".join(ln.text for ln in article.body)):
        doubts.append("one item where a list seems to stand")
    return doubts
