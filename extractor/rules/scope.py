"""Scope: the items of the Ruang Lingkup article, one string per item.

Agreements list what the cooperation covers under "Ruang Lingkup" (or "Lingkup
Pekerjaan", "Lingkup Kerja Sama", "Objek ..."), lettered or numbered, items wrapped
over lines and closed by "; dan" or "." (OCR turns ";" into ","). The list markers,
the closing conjunctions and the introduction ("Ruang lingkup ... meliputi:") are
not part of an item. When the article is a single sentence without a list, its
content after the introduction is the one item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.rules.articles import Article, TextLine, find_article, join_wrapped
from extractor.rules.base import Finding
from extractor.text import DocText

SCOPE_HEADINGS = [
    "RUANG LINGKUP",
    "LINGKUP PEKERJAAN",
    "LINGKUP KERJASAMA",
    "LINGKUP KERJA SAMA",
    "RUANG LINGKUP KERJA SAMA",
    "OBJEK KERJA SAMA",
    "OBJEK PERJANJIAN",
    "OBJEK KERJASAMA",
    "BIDANG KERJA SAMA",
    "LINGKUP KEGIATAN",
    "RUANG LINGKUP KEGIATAN",
    "BENTUK KERJA SAMA",
    "BENTUK KERJASAMA",
    "RUANG LINGKUP DAN BENTUK KEGIATAN",
    "BIDANG KERJASAMA",
    "BIDANG KEGIATAN",
    "OBJEK",
    "SCOPE",
    "KEGIATAN",
]

_MARKER = re.compile(
    r"^\s*(?:\((?P<pn>\d{1,2}|[a-zA-Z])\)|(?P<n>\d{1,2})\s?[.)]"
    r"|(?:\d|[^\w\s(\-•*»·]{1,2})?(?P<l>[a-zA-Z]{1,2})\s?[.)]"
    r"|(?P<b>[-•*»·])\s)\s*(?=\S)"
)
_INTRO = re.compile(
    r"^.*?\b(?:meliputi|mencakup|terdiri\s+(?:dari|atas)|antara\s+lain|adalah|yaitu|sebagai\s+berikut)"
    r"\b\s*[:;,]?\s*",
    re.IGNORECASE,
)
_LEADIN = re.compile(r"^\W*(?:ruang\s+)?lingkup\b|^\W*obje[kc]\b", re.IGNORECASE)
_TAIL = re.compile(r"(?:\s*[;:,.]\s*(?:dan|atau)|\s+(?:dan|atau))?\s*[;:,.]*\s*$", re.IGNORECASE)


@dataclass
class _Item:
    kind: str  # "num" | "letter" | "bullet" | "paren-num"
    key: str
    lines: list[str]
    start: int
    end: int
    subs: list[str]


def _marker(line: str) -> tuple[str, str, int] | None:
    """(kind, key, length of the marker) of a list marker at the start of the line."""
    m = _MARKER.match(line)
    if not m:
        return None
    if m.group("pn"):
        key = m.group("pn")
        return ("paren-num" if key.isdigit() else "letter"), key.lower(), m.end()
    if m.group("n"):
        return "num", m.group("n"), m.end()
    if m.group("l"):
        key = m.group("l")
        if len(key) == 2 and key[0].lower() != key[1].lower():
            return None  # a word like "Di." is no marker; "Cc." (OCR of "c.") is
        return "letter", key[0].lower(), m.end()  # "C. peningkatan" too: OCR capitalised it
    return "bullet", "-", m.end()


_DEBRIS_MARKER = re.compile(r"^\s*[^\w\s(\-•*»·]{1,2}\s?[.)]\s*(?=[A-Za-z])")
"""A letter marker OCR read as a symbol ('@. Pelatihan ...')."""
_ONE_MARKER = re.compile(r"^\s*[Il|!]{1,2}\s?[.)]\s*(?=\S)")
"""'1.' read as 'Il.', 'l.' or '|.'."""
_LETTER_LOOKALIKES = {"9": "g", "1": "l", "0": "o", "5": "s"}
"""Digits OCR reads for a list letter ('9.' for 'g.')."""


def _next_letter(key: str) -> str:
    return chr(ord(key) + 1) if len(key) == 1 and "a" <= key < "z" else ""


def _list_marker(
    line: str, items: list[_Item], top: str | None, nxt: str | None
) -> tuple[str, str, int] | None:
    """The marker of a list line, read through the OCR damage list markers suffer.

    In a lettered list, a digit that looks like the letter due next ('9.' after
    'f.') is that letter, unless it continues the numbered sub-items of the
    current letter; a symbol in the marker's place ('@.') is the next
    letter. In a numbered list, 'Il.' / 'l.' opening the list before '2.' is '1.'.
    Only the marker is read this way: item text is kept as read.
    """
    mk = _marker(line)
    expected = _next_letter(items[-1].key) if items and top == "letter" else ""
    if mk is not None:
        kind, key, length = mk
        continues_subs = items and key == str(len(items[-1].subs) + 1)
        if (
            kind == "num"
            and expected
            and not continues_subs
            and _LETTER_LOOKALIKES.get(key) == expected
        ):
            return "letter", expected, length
        if kind == "letter" and not items and key in "il" and nxt == "2":
            return "num", "1", length
        return mk
    if expected:
        debris = _DEBRIS_MARKER.match(line)
        if debris:
            return "letter", expected, debris.end()
    if not items and nxt == "2":
        one = _ONE_MARKER.match(line)
        if one:
            return "num", "1", one.end()
    return None


def clean_item(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" \"'")
    text = _TAIL.sub("", text)
    return text.strip(" \"'")


_ITEM_END = re.compile(r"[;:]\s*(?:dan|atau)\s*$|[;:]\s*$", re.IGNORECASE)


def _split_lost_markers(item: _Item) -> list[_Item]:
    """OCR may drop list markers ("2.", "c.") but keep the item ends ("; dan", ";" read as
    ":"): a line closing that way, followed by a capitalised line, ends an item."""
    if item.subs or len(item.lines) < 2:
        return [item]
    parts: list[_Item] = [_Item(item.kind, item.key, [], item.start, item.end, [])]
    for i, line in enumerate(item.lines):
        parts[-1].lines.append(line)
        nxt = item.lines[i + 1] if i + 1 < len(item.lines) else ""
        closes = _ITEM_END.search(line)
        if nxt and closes and (nxt[:1].isupper() or re.search(r"(dan|atau)\s*$", line, re.I)):
            parts.append(_Item(item.kind, item.key, [], item.start, item.end, []))
    return [p for p in parts if p.lines]


_FUNCTION_WORDS = {
    "dan",
    "di",
    "ke",
    "yang",
    "atau",
    "bagi",
    "oleh",
    "dari",
    "pada",
    "serta",
    "untuk",
}


def _truncated(line: str) -> bool:
    """A line OCR cut mid-word: "pengembangan sar", "kualitas t" (no closing mark)."""
    words = line.strip().split()
    if not words or line.rstrip()[-1:] in ".,;:)":
        return False
    last = words[-1]
    return last.isalpha() and last.islower() and len(last) <= 4 and last not in _FUNCTION_WORDS


def _cut_short(item: str) -> bool:
    """An item ending in a lowercase stub ("penyediaan sar"): cut by OCR, not by the author."""
    m = re.search(r"\b([a-z]{1,3})$", item)
    return m is not None and m.group(1) not in _FUNCTION_WORDS


def _speck(line: str) -> bool:
    """Stamp or signature noise read as letters: "| pel ' OA Se"."""
    toks = line.split()
    return "|" in line or (len(toks) >= 3 and sum(len(t) <= 2 for t in toks) / len(toks) > 0.5)


def _reorder_split_columns(items: list[_Item]) -> None:
    """Undo Tesseract's column split of a skewed list (README: skew interleaves lines).

    Two shapes are seen: each item's cut-off first line ("b) Peningkatan kualitas t")
    comes right after the line that continues it ("enaga pendidik ..."), or all the
    cut-off first lines come after all their continuations. Only items whose first
    line is cut mid-word are touched, so ordinary wrapped lists stay as they are.
    """
    touched: set[int] = set()
    for i in range(len(items)):
        run: list[int] = []
        for k in range(i + 1, len(items)):
            if _truncated(items[k].lines[0]) and not items[k].subs:
                run.append(k)
                if len(items[k].lines) > 1:
                    break
            else:
                break
        if not run or any(len(items[k].lines) > 1 for k in run[:-1]):
            continue
        conts = [ln for ln in items[i].lines[1:] if not _speck(ln)]
        if len(conts) != len(run) + 1 or not all(c[:1].islower() for c in conts):
            continue
        items[i].lines = [items[i].lines[0], conts[0]]
        for k, cont in zip(run, conts[1:], strict=True):
            items[k].lines.insert(1, cont)
        touched.update([i, *run])
    for j in range(1, len(items)):
        prev, cur = items[j - 1], items[j]
        if (
            j not in touched
            and _truncated(cur.lines[0])
            and len(prev.lines) >= 2
            and prev.lines[-1][:1].islower()
            and not prev.subs
        ):
            cur.lines.insert(1, prev.lines.pop())


def _parse(body: list[TextLine]) -> tuple[list[str], list[TextLine], str]:
    """Items, the lines they came from, and how they were written: list | sentences |
    sentence (one statement without a list)."""
    items: list[_Item] = []
    intro: list[TextLine] = []
    top: str | None = None
    plain = [_marker(line.text) for line in body]
    for i, line in enumerate(body):
        nxt = next((m[1] for m in plain[i + 1 :] if m is not None), None)
        mk = _list_marker(line.text, items, top, nxt)
        if mk is not None:
            kind, key, length = mk
            rest = line.text[length:]
            if top is None:
                top = kind
            if kind == top or (kind == "num" and top == "paren-num") or not items:
                items.append(_Item(kind, key, [rest], line.start, line.end, []))
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
        return [s for s in subs if s], body, "list"
    _reorder_split_columns(items)
    items = [part for it in items for part in _split_lost_markers(it)]
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
        return out, body, "list"
    whole = join_wrapped([ln.text for ln in intro])
    sentences = party_sentences(whole)
    if sentences:
        return sentences, intro, "sentences"
    whole = _INTRO.sub("", whole, count=1)
    whole = re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", whole, maxsplit=1)[0]
    whole = clean_item(whole)
    return ([whole] if whole else []), intro, "sentence"


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


def scope_from_article(article: Article) -> tuple[list[str], str]:
    items, _, kind = _parse(article.body)
    return items, kind


BASE_CONFIDENCE = {"list": 0.9, "sentences": 0.8, "sentence": 0.7}
LONG_ITEM = 300
"""Characters: an item longer than this has likely swallowed text after the list."""
MANY_ITEMS = 15
_FURNITURE_LIKE = re.compile(
    r"\bparaf\b|\bhal(?:aman)?\.?\s*\d|\b\d{1,3}\s*(?:dari|dr\.?)\s*\d{1,3}\b"
    r"|\s-\s?\d{1,3}\s?-(?:\s|$)"
    r"|\b(?:telp|telepon|fax|faks|e-?mail)\b|www\.|camscanner",
    re.IGNORECASE,
)
"""Text inside an item that reads like page furniture left over from a page break."""


def boundary_doubts(article: Article, items: list[str], kind: str) -> list[str]:
    """Why the edges of the scope may be wrong, for the confidence and the evidence.

    The article's end was not found (the text ran out, or the body is implausibly long),
    an item still reads like furniture, an item is very long or there are very many of
    them, or sentences were taken as items."""
    doubts: list[str] = []
    if article.ended in ("end of text", "long body"):
        doubts.append(f"article end not found ({article.ended})")
    if any(_FURNITURE_LIKE.search(i) for i in items):
        doubts.append("item contains furniture-like text")
    if any(len(i) > LONG_ITEM for i in items):
        doubts.append("very long item")
    if len(items) > MANY_ITEMS:
        doubts.append("very many items")
    if any(len(i) < 4 for i in items):
        doubts.append("very short item")
    return doubts


def find_scope(text: DocText) -> Finding[list[str]]:
    hit = find_article(text, SCOPE_HEADINGS)
    if hit is None:
        return Finding(
            value=[],
            confidence=0.5,
            warnings=["no Ruang Lingkup article found"],
        )
    article, score = hit
    items, kind = scope_from_article(article)
    if not items:
        return Finding(
            value=[],
            confidence=0.3,
            evidence=[
                text.evidence(article.heading_start, article.end, rule="empty scope article")
            ],
            warnings=["Ruang Lingkup article has no readable items"],
        )
    confidence = BASE_CONFIDENCE[kind]
    if score < 95:
        confidence -= 0.1
    doubts = boundary_doubts(article, items, kind)
    confidence -= 0.15 * len(doubts)
    if any("|" in i or _speck(i) or _cut_short(i) for i in items):
        confidence -= 0.3  # OCR damage inside the list: a reviewer should look
    rule = f"article '{article.heading}' ({kind}); end: {article.ended}"
    if article.furniture or article.glued:
        rule += f"; furniture dropped: {article.furniture} lines, {article.glued} cut"
    if doubts:
        rule += "; boundary uncertain: " + ", ".join(doubts)
    return Finding(
        value=items,
        confidence=round(max(0.1, confidence), 2),
        evidence=[text.evidence(article.heading_start, article.end, rule=rule)],
        warnings=[f"scope boundary uncertain: {d}" for d in doubts],
    )
