"""The title: the heading block from the type line through "TENTANG ...", one line.

Numbers, "Tanggal :" lines, English translation lines and logo noise are left
out; wrapped lines are joined with single spaces, case kept as printed.
"""

from __future__ import annotations

import re

from extractor.rules.base import Finding
from extractor.rules.heading import Heading, find_heading, line_texts, strip_noise
from extractor.rules.heading_lines import is_cut
from extractor.text import DocText

CUT_CONFIDENCE = 0.3
"""A title that ends on 'DAN'/'ANTARA' or names one party is surely incomplete."""


def find_title(text: DocText, heading: Heading | None = None) -> Finding[str | None]:
    heading = heading if heading is not None else find_heading(text)
    if heading is None:
        return Finding(None, 0.2, [], ["no heading block, so no title"])
    lines = line_texts(text)
    clean = strip_noise if not heading.relaxed else str.strip
    parts = [clean(lines[i]) for i in heading.title_lines]
    title = re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip()
    if not title:
        return Finding(None, 0.2, [], ["heading block is empty"])
    first = text.lines[heading.title_lines[0]]
    last = text.lines[heading.title_lines[-1]]
    conf = 0.9 if heading.has_tentang else 0.65
    if len(heading.title_lines) < 2:
        conf = 0.4
    rule = "heading block from the type line" + (
        " through TENTANG" if heading.has_tentang else " (no TENTANG line found)"
    )
    warnings: list[str] = []
    if is_cut(parts):
        conf = min(conf, CUT_CONFIDENCE)
        rule += "; cut short (ends on a connector or names one party)"
        warnings.append("the title looks cut short: the heading may go on past what was read")
    return Finding(title, conf, [text.evidence(first.start, last.end, rule)], warnings)
