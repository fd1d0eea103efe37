"""Scope items from the body of the scope article: a list, party sentences, or one sentence.

Items are lettered or numbered, wrapped over lines and closed by "; dan" or "."
(OCR turns ";" into ","). The list markers, the closing conjunctions and the
introduction ("Ruang lingkup ... meliputi:") are not part of an item. When the
article has no list, sentences with a party as subject ("PIHAK KESATU
menyediakan ...") are the items; else its content after the introduction is the
one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.rules.articles import Article, TextLine, join_wrapped
from extractor.rules.scope_markers import ListItem, list_marker, marker, symbol_bullets
from extractor.rules.scope_repair import reorder_split_columns, split_lost_markers

_INTRO = re.compile(
    r"^.*?\b(?:meliputi|mencakup|terdiri\s+(?:dari|atas)|antara\s+lain|adalah|yaitu|sebagai\s+berikut)"
    r"\b\s*[:;,]?\s*",
    re.IGNORECASE,
)
_LEADIN = re.compile(r"^\W*(?:ruang\s+)?lingkup\b|^\W*obje[kc]\b", re.IGNORECASE)
_TAIL = re.compile(r"(?:\s*[;:,.]\s*(?:dan|atau)|\s+(?:dan|atau))?\s*[;:,.|]*\s*$", re.IGNORECASE)


_SPECK = re.compile(r"(?<=[.;:,])\s+[a-z]$")
"""A lone small letter after the item's closing mark ('... budaya. j'): a stamp's or the
paper's speck at the line's end, read as a letter."""


def clean_item(text: str) -> str:
    """The item without its surrounding quotes, closing punctuation and "dan"/"atau"."""
    text = re.sub(r"\s+", " ", text).strip(" \"'")
    text = _TAIL.sub("", _SPECK.sub("", text))
    return text.strip(" \"'")


@dataclass(frozen=True)
class ParsedScope:
    """Items, the lines they came from, and how they were written: list | sentences |
    sentence (one statement without a list)."""

    items: list[str]
    lines: list[TextLine]
    kind: str


def parse_scope(body: list[TextLine]) -> ParsedScope:
    """The items of an article body (see ``ParsedScope``)."""
    items: list[ListItem] = []
    intro: list[TextLine] = []
    top: str | None = None
    plain = [marker(line.text) for line in body]
    bullets = symbol_bullets([line.text for line in body])
    for i, line in enumerate(body):
        nxt = next((m.key for m in plain[i + 1 :] if m is not None), None)
        mk = list_marker(line.text, items, top, nxt, bullets)
        if mk is not None:
            rest = line.text[mk.length :]
            if top is None:
                top = mk.kind
            if mk.kind == top or (mk.kind == "num" and top == "paren-num") or not items:
                items.append(ListItem(mk.kind, mk.key, [rest], line.start, line.end, []))
                continue
            items[-1].subs.append(rest)
            items[-1].end = line.end
            continue
        if items:
            if items[-1].subs:
                items[-1].subs[-1] += " " + line.text
            else:
                items[-1].lines.append(line.text)
            items[-1].end = line.end
        else:
            intro.append(line)
    # Ayat "(1) Ruang lingkup ... meliputi: a. ... b. ..." : the lettered list is the scope.
    if items and top == "paren-num" and any(it.subs for it in items):
        holder = next(it for it in items if it.subs)
        subs = [clean_item(s) for s in holder.subs]
        return ParsedScope([s for s in subs if s], body, "list")
    reorder_split_columns(items)
    items = [part for it in items for part in split_lost_markers(it)]
    out: list[str] = []
    for it in items:
        text = join_wrapped(it.lines)
        if it.subs:
            head = clean_item(text)
            subs = [clean_item(join_wrapped([s])) for s in it.subs]
            text = head.rstrip(":") + ": " + ", ".join(s for s in subs if s)
        if len(items) == 1 and _LEADIN.match(text):
            text = _INTRO.sub("", text, count=1)
        text = clean_item(text)
        if text:
            out.append(text)
    if out:
        return ParsedScope(out, body, "list")
    whole = join_wrapped([ln.text for ln in intro])
    sentences = party_sentences(whole)
    if sentences:
        return ParsedScope(sentences, intro, "sentences")
    unmarked = semicolon_items(whole)
    by_line = line_items([ln.text for ln in intro])
    if len(by_line) > len(unmarked):
        return ParsedScope(by_line, intro, "unmarked")
    if unmarked:
        return ParsedScope(unmarked, intro, "unmarked")
    whole = _INTRO.sub("", whole, count=1)
    whole = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", whole, maxsplit=1)[0]
    whole = clean_item(whole)
    return ParsedScope([whole] if whole else [], intro, "sentence")


_LIST_INTRO = re.compile(
    r"^(?P<intro>.{0,300}?\b(?:meliputi|mencakup|terdiri\s+(?:dari|atas)|antara\s+lain|yaitu"
    r"|sebagai\s+berikut|adalah)\b[^:;]{0,40}?:)\s*",
    re.IGNORECASE,
)
_ITEM_SEPARATOR = re.compile(r"\s*;\s*(?:(?:dan|atau|serta)\b\s*)?", re.IGNORECASE)
MIN_UNMARKED_ITEMS = 2


def semicolon_items(text: str) -> list[str]:
    """Items without markers: "... meliputi: x; y; dan z." as one paragraph or as one
    paragraph per item. The introduction must end in ':' and the items are separated by
    ';' (the separator Indonesian drafting uses between list items), so an ordinary
    sentence with commas is not split."""
    m = _LIST_INTRO.match(text)
    if not m:
        return []
    rest = text[m.end() :]
    rest = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", rest, maxsplit=1)[0]
    parts = [clean_item(p) for p in _ITEM_SEPARATOR.split(rest)]
    parts = [p for p in parts if p]
    return parts if len(parts) >= MIN_UNMARKED_ITEMS else []


_LINE_CLOSE = re.compile(r"[;,:]\s*(?:(?:dan|atau|serta)\s*)?$", re.IGNORECASE)
_LINE_CONJ = re.compile(r"\b(?:dan|atau|serta)\s*$", re.IGNORECASE)
MIN_LINE_ITEMS = 3


def line_items(lines: list[str]) -> list[str]:
    """Items whose markers OCR lost and whose ';' it read as ',' or ':': after an
    introduction ending in ':', a line closing with ';', ',' or ':' (or '; dan') ends an
    item when the next line starts a new one (a capital) or the line ends in 'dan'; a line
    starting in lower case continues the item before it. At least three items, so a
    wrapped sentence is not taken for a list."""
    start = next(
        (k + 1 for k, ln in enumerate(lines) if ln.rstrip().endswith(":") and _INTRO.match(ln)),
        None,
    )
    if start is None or start >= len(lines):
        return []
    items: list[list[str]] = [[]]
    body = lines[start:]
    for k, line in enumerate(body):
        items[-1].append(line)
        nxt = body[k + 1].strip() if k + 1 < len(body) else ""
        if nxt and _LINE_CLOSE.search(line) and (nxt[:1].isupper() or _LINE_CONJ.search(line)):
            items.append([])
    out = [clean_item(join_wrapped(it)) for it in items if it]
    out = [o for o in out if o]
    return out if len(out) >= MIN_LINE_ITEMS else []


_PARTY_SUBJECT = (
    r"(?:P[I1l]HAK\s+(?:KE\w+|PERTAMA|[IV]{1,3})|PARA\s+PIHAK|Para\s+Pihak"
    r"|Pihak\s+(?:Ke\w+|Pertama)|Kedua\s+belah\s+pihak|Masing-masing\s+pihak)\b"
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.;:])\s+(?=" + _PARTY_SUBJECT + r"\s+[a-z])")
_PARTY_LED = re.compile(r"^" + _PARTY_SUBJECT + r"\s+[a-z]")
MIN_PARTY_SENTENCES = 2
"""Sentence items need company: one 'PARA PIHAK ...' sentence is a remark, not a list."""


def party_sentences(text: str) -> list[str]:
    """Scope written as sentences with a party as subject, without list markers.

    Agreements between a government and a third party often write the Ruang Lingkup as
    "PIHAK KESATU menyediakan ... . PIHAK KEDUA melaksanakan ... . PARA PIHAK ...": each
    sentence is an item. An introduction ending in ':' ("... PARA PIHAK sepakat:") is
    not one; a sentence that does not start with a party continues the item before it.
    """
    parts = [p.strip() for p in _SENTENCE_SPLIT.split(text) if p.strip()]
    led = [p for p in parts if _PARTY_LED.match(p)]
    if len(led) < MIN_PARTY_SENTENCES:
        return []
    items: list[str] = []
    for part in parts:
        if _PARTY_LED.match(part):
            items.append(part)
        elif items:
            items[-1] += " " + part
        elif not part.rstrip().endswith(":"):
            lead = clean_item(_INTRO.sub("", part, count=1))
            if lead and lead != clean_item(part):
                items.append(lead)  # "Objek kerja sama ini adalah X." before the sentences
    return [c for c in (clean_item(i) for i in items) if c]


def scope_from_article(article: Article) -> ParsedScope:
    return parse_scope(article.body)
