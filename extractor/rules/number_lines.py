"""'Nomor' lines of the heading that the heading block itself stopped short of.

The heading block (``heading.py``) ends at the first line that does not look
like a heading: a logo read as letters ('Nata'), a stamp, a skewed scan that
interleaves lines. The numbers are still printed before the opening sentence
("Pada hari ini ..."), often under TENTANG or under debris the block stopped
at. Such lines, on the heading's page, between its end and the opening
sentence, are this agreement's numbers too: nothing else is printed there
with a 'Nomor' label and a number after it.
"""

from __future__ import annotations

import re

from extractor.rules.heading import Heading, damaged_nomor_label, is_nomor_line

MAX_GAP = 10
"""Lines after the heading's end searched for a 'Nomor' line (debris, TENTANG, title)."""
_OPENING = re.compile(
    r"^\W{0,3}(?:pada\s+hari|perjanjian\s+ini\s+dibuat|yang\s+bertanda|kami\s+yang|pasal\b"
    r"|\d\s*[.)]\s+\S)",
    re.IGNORECASE,
)


def later_number_lines(lines: list[str], pages: list[int], heading: Heading) -> list[int]:
    """'Nomor' lines holding a number after the heading block, before the opening sentence."""
    if not lines or heading.end_line >= len(lines):
        return []
    page = pages[min(heading.end_line, len(pages) - 1) - (1 if heading.end_line else 0)]
    out = []
    for k in range(heading.end_line, min(len(lines), heading.end_line + MAX_GAP)):
        line = lines[k]
        if pages[k] != page or _OPENING.match(line):
            break
        if k in heading.nomor_lines:
            continue
        labelled = is_nomor_line(line) or damaged_nomor_label(line) is not None
        if labelled and re.search(r"\d\s*[/|]", line):
            out.append(k)
    return out
