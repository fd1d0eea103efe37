"""Where a signature cell prints its name and jabatan: the boxes the second look crops.

Each paired cell gives the evidence of its printed name and of its jabatan lines. A
cell whose name the page's OCR lost under a stamp or a signature (no name line, but a
rank or NIP line under the blank) gives a *name slot* instead: the box one line above
that rank or NIP line, as wide as the cell's lines, where every signing cell prints the
name; without either, the height at which the other cells of its grid row print
their names (one baseline for a row). The second look (``secondlook_names``) reads
that slot again; nothing here guesses a name.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.rules.block_marks import is_rank_line
from extractor.rules.sigblock import NIP_LINE, SignatureCell
from extractor.text import DocText
from models import Evidence

SLOT_RISE = 1.25
"""The name's baseline sits about this many of the NIP line's heights above it."""


def cell_evidence(
    text: DocText, cell: SignatureCell, word: str, others: Sequence[SignatureCell] = ()
) -> list[Evidence]:
    """Where the cell's name and jabatan are printed: the second look crops these boxes."""
    out = []
    if cell.name is not None:
        out.append(
            text.evidence(
                cell.name.start, cell.name.end, rule=f"signature block of PIHAK {word}: name"
            )
        )
    job_lines = [*cell.head, *cell.tail]
    if job_lines:
        first, last = min(job_lines, key=lambda ln: ln.start), max(job_lines, key=lambda ln: ln.end)
        if first.page == last.page:
            out.append(
                text.evidence(
                    first.start, last.end, rule=f"signature block of PIHAK {word}: jabatan"
                )
            )
    if cell.name is None:
        slot = name_slot(cell, word) or row_slot(cell, word, others)
        if slot is not None:
            out.append(slot)
    return out


def name_slot(cell: SignatureCell, word: str) -> Evidence | None:
    """The box where the cell's lost name is printed: right above its rank or NIP line."""
    under = next(
        (ln for ln in cell.lines[1:] if NIP_LINE.match(ln.text) or is_rank_line(ln.text)), None
    )
    if under is None:
        return None
    rise = SLOT_RISE * under.height
    same = [ln for ln in [*cell.head, under] if ln.page == under.page]
    x0 = min(ln.box.x0 for ln in same)
    x1 = max(ln.box.x1 for ln in same)
    box = (x0, under.box.top - rise - 0.1 * under.height, x1, under.box.top - 0.1 * under.height)
    return Evidence(
        page=under.page, text="", box=box, rule=f"signature block of PIHAK {word}: name slot"
    )


def row_slot(cell: SignatureCell, word: str, others: Sequence[SignatureCell]) -> Evidence | None:
    """The box at the height of the names of the cell's row, under the cell's jabatan."""
    if not cell.head:
        return None
    top = cell.head[0]
    names = [
        c.name
        for c in others
        if c is not cell
        and c.name is not None
        and c.head
        and c.head[0].page == top.page
        and abs(c.head[0].box.top - top.box.top) <= 0.6 * top.height
        and c.name.page == top.page
    ]
    if not names:
        return None
    line = min(names, key=lambda n: n.box.top)
    widen = 0.15 * (max(ln.box.x1 for ln in cell.head) - min(ln.box.x0 for ln in cell.head))
    x0 = min(ln.box.x0 for ln in cell.head) - widen
    x1 = max(ln.box.x1 for ln in cell.head) + widen
    box = (x0, line.box.top, x1, line.box.top + line.height)
    return Evidence(
        page=top.page, text="", box=box, rule=f"signature block of PIHAK {word}: name slot"
    )
