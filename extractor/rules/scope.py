"""Scope: the items of the Ruang Lingkup article, one string per item, and how sure.

Agreements list what the cooperation covers under "Ruang Lingkup" (or "Lingkup
Pekerjaan", "Lingkup Kerja Sama", "Objek ..."). This module finds the article and
judges the result; scope_items parses the body, scope_markers reads list markers,
scope_repair undoes OCR damage to the list.
"""

from __future__ import annotations

import re

from extractor.rules.articles import Article, find_article
from extractor.rules.base import Finding
from extractor.rules.scope_items import scope_from_article
from extractor.rules.scope_repair import cut_short, speck
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

BASE_CONFIDENCE = {"list": 0.9, "sentences": 0.8, "unmarked": 0.75, "sentence": 0.7}
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
    parsed = scope_from_article(article)
    items, kind = parsed.items, parsed.kind
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
    if any("|" in i or speck(i) or cut_short(i) for i in items):
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
