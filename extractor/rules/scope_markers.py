"""List markers of scope items as printed and as OCR damages them.

Scope lists are lettered ("a.", "b)"), numbered ("1.", "2)"), numbered in
parentheses ("(1)") or bulleted ("-", "•"). OCR turns "g." into "9.", "1." into
"Il." and a letter into a symbol ("@."); the marker is read through that damage
here, once, so the item parser sees clean (kind, key) pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(
    r"^\s*(?:\((?P<pn>\d{1,2}|[a-zA-Z])\)|(?P<n>\d{1,2})\s?[.)]"
    r"|(?:\d|[^\w\s(\-•*»·]{1,2})?(?P<l>[a-zA-Z]{1,2})\s?[.)]"
    r"|(?P<b>[-•*»·])\s)\s*(?=\S)"
)


@dataclass
class ListItem:
    """One item while the list is parsed: its marker, its wrapped lines, its sub-items."""

    kind: str  # "num" | "letter" | "bullet" | "paren-num"
    key: str
    lines: list[str]
    start: int
    end: int
    subs: list[str]


@dataclass(frozen=True)
class Marker:
    """A list marker at the start of a line: its kind, its key and its length."""

    kind: str
    key: str
    length: int


def marker(line: str) -> Marker | None:
    """The list marker at the start of the line, as printed."""
    m = _MARKER.match(line)
    if not m:
        return None
    if m.group("pn"):
        key = m.group("pn")
        return Marker(("paren-num" if key.isdigit() else "letter"), key.lower(), m.end())
    if m.group("n"):
        return Marker("num", m.group("n"), m.end())
    if m.group("l"):
        key = m.group("l")
        if len(key) == 2 and key[0].lower() != key[1].lower():
            return None  # a word like "Di." is no marker; "Cc." (OCR of "c.") is
        return Marker("letter", key[0].lower(), m.end())  # "C. peningkatan" too: OCR capitalised it
    return Marker("bullet", "-", m.end())


_DEBRIS_MARKER = re.compile(r"^\s*[^\w\s(\-•*»·]{1,2}\s?[.)]\s*(?=[A-Za-z])")
"""A letter marker OCR read as a symbol ('@. Pelatihan ...')."""
_ONE_MARKER = re.compile(r"^\s*[Il|!]{1,2}\s?[.)]\s*(?=\S)")
"""'1.' read as 'Il.', 'l.' or '|.'."""
_ONE_PAREN = re.compile(r"^\s*\(\s?[^\s()]?\s?\)\s*(?=\S)")
"""'(1)' read as '()', '(l)', '(I)', '(J)' or '(|)': any one character in parentheses
opening a list whose next marker is '(2)'."""
SYMBOL_BULLET = re.compile(r"^\s*[\"'#«»©®°■▪●○◦➢➤✓>~*•·‣⁃–—-]{1,2}\s+(?=[\w(])")
"""A bullet as OCR reads it: '•' comes out as '"', '#', '«', '©' or '*'; only taken as a
marker where several lines of the body open so (``symbol_bullets``)."""
_LETTER_LOOKALIKES = {"9": "g", "1": "l", "0": "o", "5": "s"}
"""Digits OCR reads for a list letter ('9.' for 'g.')."""


def _next_letter(key: str) -> str:
    return chr(ord(key) + 1) if len(key) == 1 and "a" <= key < "z" else ""


def symbol_bullets(lines: list[str]) -> bool:
    """Whether the body is a bullet list whose bullets OCR read as assorted symbols: at
    least two lines open with one, and no line carries a letter or number marker."""
    opened = sum(1 for ln in lines if SYMBOL_BULLET.match(ln))
    marked = any((m := marker(ln)) is not None and m.kind != "bullet" for ln in lines)
    return opened >= 2 and not marked


def list_marker(
    line: str,
    items: list[ListItem],
    top: str | None,
    nxt: str | None,
    bullets: bool = False,
) -> Marker | None:
    """The marker of a list line, read through the OCR damage list markers suffer.

    In a lettered list, a digit that looks like the letter due next ('9.' after
    'f.') is that letter, unless it continues the numbered sub-items of the
    current letter; a symbol in the marker's place ('@.') is the next
    letter. In a numbered list, 'Il.' / 'l.' opening the list before '2.' is '1.', and
    '()' / '(l)' before '(2)' is '(1)'. In a bullet list whose bullets OCR scattered
    over symbols (``bullets``), a line opening with such a symbol is an item.
    Only the marker is read this way: item text is kept as read.
    """
    mk = marker(line)
    paren_one = _ONE_PAREN.match(line) if not items and nxt == "2" else None
    if paren_one:
        return Marker("paren-num", "1", paren_one.end())
    expected = _next_letter(items[-1].key) if items and top == "letter" else ""
    if mk is not None:
        continues_subs = items and mk.key == str(len(items[-1].subs) + 1)
        if (
            mk.kind == "num"
            and expected
            and not continues_subs
            and _LETTER_LOOKALIKES.get(mk.key) == expected
        ):
            return Marker("letter", expected, mk.length)
        if mk.kind == "letter" and not items and mk.key in "il" and nxt == "2":
            return Marker("num", "1", mk.length)
        return mk
    if expected:
        debris = _DEBRIS_MARKER.match(line)
        if debris:
            return Marker("letter", expected, debris.end())
    if not items and nxt == "2":
        one = _ONE_MARKER.match(line)
        if one:
            return Marker("num", "1", one.end())
    if bullets and top in (None, "bullet"):
        sym = SYMBOL_BULLET.match(line)
        if sym:
            return Marker("bullet", "-", sym.end())
    return None
