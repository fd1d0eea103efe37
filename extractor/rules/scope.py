"""Scope: the items of the Ruang Lingkup article, one string per item, and how sure.

Agreements list what the cooperation covers under "Ruang Lingkup" (or "Lingkup
Pekerjaan", "Lingkup Kerja Sama", "Objek ..."). This module finds the article and
judges the result; scope_items parses the body, scope_markers reads list markers,
scope_repair undoes OCR damage to the list.
"""

from __future__ import annotations

from dataclasses import replace

from extractor.rules.articles import find_article
from extractor.rules.base import Finding
from extractor.rules.scope_doubts import (
    boundary_doubts,
    drop_stray_furniture,
    scrub_items,
    weak_heading,
)
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
    "MATERI KERJA SAMA",
    "MATERI KERJASAMA",
    "BIDANG BIDANG KERJA SAMA",
    "OBJEK",
    "SCOPE",
    "KEGIATAN",
    "JENIS KEGIATAN",
    "KEGIATAN KERJA SAMA",
    "PROGRAM KERJA SAMA",
]
"""Strongest first: the first article matching the earliest heading is the scope."""
STRONG_HEADINGS = [
    h
    for h in SCOPE_HEADINGS
    if h not in ("OBJEK", "SCOPE", "KEGIATAN")
    and not h.startswith(("JENIS", "KEGIATAN", "PROGRAM"))
]
OPENING_LINES = 25
"""Lines at the start of the text that hold the title (what a running header repeats)."""

BASE_CONFIDENCE = {"list": 0.9, "sentences": 0.8, "unmarked": 0.75, "sentence": 0.7}


def find_scope(text: DocText) -> Finding[list[str]]:
    hit = find_article(text, SCOPE_HEADINGS)
    if hit is None:
        return Finding(
            value=[],
            confidence=0.5,
            warnings=["no Ruang Lingkup article found"],
        )
    article, score = hit
    stray = drop_stray_furniture(article.body)
    parsed = scope_from_article(replace(article, body=stray.body))
    scrubbed = scrub_items(parsed.items)
    items, kind = scrubbed.items, parsed.kind
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
    opening = " ".join(text.text.split("\n")[:OPENING_LINES]).casefold()
    doubts = boundary_doubts(article, items, kind, opening)
    if scrubbed.cut:
        doubts.append(f"furniture cut from inside {scrubbed.cut} item(s)")
    if weak_heading(article, STRONG_HEADINGS):
        doubts.append(f"found only by a weak heading ('{article.heading}')")
    confidence -= 0.15 * len(doubts)
    if any("|" in i or speck(i) or cut_short(i) for i in items):
        confidence -= 0.3  # OCR damage inside the list: a reviewer should look
    rule = f"article '{article.heading}' ({kind}); end: {article.ended}"
    if article.furniture or article.glued:
        rule += f"; furniture dropped: {article.furniture} lines, {article.glued} cut"
    if stray.dropped:  # cleaned away, not a doubt: what is left is judged by the doubts
        rule += f"; stray paraf/letterhead lines dropped: {stray.dropped}"
    if doubts:
        rule += "; boundary uncertain: " + ", ".join(doubts)
    return Finding(
        value=items,
        confidence=round(max(0.1, confidence), 2),
        evidence=[text.evidence(article.heading_start, article.end, rule=rule)],
        warnings=[f"scope boundary uncertain: {d}" for d in doubts],
    )
