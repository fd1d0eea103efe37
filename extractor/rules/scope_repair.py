"""Repairs of a parsed scope list that OCR damaged: lost markers, skewed columns, specks.

OCR drops list markers but keeps the item ends ("; dan"), splits a skewed list
into two columns whose lines interleave, cuts words at the column edge and reads
stamp or signature noise as letters. These repairs act on parsed items only
when the damage is visible, so a clean list passes through unchanged.
"""

from __future__ import annotations

import re

from extractor.rules.scope_markers import ListItem

_ITEM_END = re.compile(r"[;:]\s*(?:dan|atau)\s*$|[;:]\s*$", re.IGNORECASE)


def split_lost_markers(item: ListItem) -> list[ListItem]:
    """OCR may drop list markers ("2.", "c.") but keep the item ends ("; dan", ";" read as
    ":"): a line closing that way, followed by a capitalised line, ends an item."""
    if item.subs or len(item.lines) < 2:
        return [item]
    parts: list[ListItem] = [ListItem(item.kind, item.key, [], item.start, item.end, [])]
    for i, line in enumerate(item.lines):
        parts[-1].lines.append(line)
        nxt = item.lines[i + 1] if i + 1 < len(item.lines) else ""
        closes = _ITEM_END.search(line)
        if nxt and closes and (nxt[:1].isupper() or re.search(r"(dan|atau)\s*$", line, re.I)):
            parts.append(ListItem(item.kind, item.key, [], item.start, item.end, []))
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


def cut_short(item: str) -> bool:
    """An item ending in a lowercase stub ("penyediaan sar"): cut by OCR, not by the author."""
    m = re.search(r"\b([a-z]{1,3})$", item)
    return m is not None and m.group(1) not in _FUNCTION_WORDS


def speck(line: str) -> bool:
    """Stamp or signature noise read as letters: "| pel ' OA Se"."""
    toks = line.split()
    return "|" in line or (len(toks) >= 3 and sum(len(t) <= 2 for t in toks) / len(toks) > 0.5)


def reorder_split_columns(items: list[ListItem]) -> None:
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
        conts = [ln for ln in items[i].lines[1:] if not speck(ln)]
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
