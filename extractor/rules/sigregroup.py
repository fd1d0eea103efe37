"""Lines of a jabatan given back to the cell they head, when a column was cut too late.

Without role labels a column of signature cells is cut where a signature blank
follows a line: the line right above the blank opens the next cell. A jabatan
printed on two lines above the blank ("BUPATI" over "MANOKWARI," or
"KEPALA DINAS PENDIDIKAN" over "KABUPATEN X,") then leaves its first line(s)
at the end of the cell above, read as a job under that cell's name. The
geometry tells them apart: the lines of one jabatan sit a line's height apart
and run into the next cell's first line, while a row of the grid is set off
from the name or NIP that closes the cell above by a larger gap. Such a chain
is moved to the head of the next cell.

What opens a cell (a role label, 'Mengetahui') and how cells form the rows of a grid
live here too, beside the one other place that needs them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from extractor.rules.ordinals import read_ordinal
from extractor.rules.signatures import MENGETAHUI_CUTOFF, is_pihak

if TYPE_CHECKING:
    from extractor.rules.sigcell import SigLine, SignatureCell


def role_label(text: str) -> tuple[int, str] | None:
    """(ordinal, "PIHAK KEDUA") when the line is a role label, possibly with a comma."""
    words = re.findall(r"[A-Za-z|]+", text)
    for i, w in enumerate(words[:2]):
        if i == 1 and len(words[0]) > 2:
            break  # the label opens its line ("As. PIHAK PERTAMA," is stamp debris before it)
        if is_pihak(w):
            found = read_ordinal(words, i + 1)
            if found is not None:
                rest = words[i + 1 + found.consumed :]
                if sum(len(x) for x in rest) <= 3:
                    return found.value, f"PIHAK {found.words}"
    return None


def is_mengetahui(text: str) -> bool:
    return any(
        fuzz.ratio(w.lower().strip(",:."), "mengetahui") >= MENGETAHUI_CUTOFF
        for w in text.split()[:2]
    )


NEAR = 0.8
"""Lines closer than this many line heights apart are parts of one printed item."""


def _gap(a: SigLine, b: SigLine) -> float | None:
    """Vertical distance from ``a`` down to ``b`` on one page, None across pages."""
    return b.box.top - a.box.bottom if a.page == b.page else None


def move_heads(
    cells: list[SignatureCell],
    closes: Callable[[str], bool],
    ends: Callable[[str], bool],
    opens: Callable[[str], bool],
) -> list[SignatureCell]:
    """``cells`` of one column (in order) with each chain of lines that ends a cell after
    its closing line (``closes``: name, rank or NIP) and runs into the next cell's first
    line moved to that next cell. A chain never holds a NIP or rank line (``ends``); a next
    cell opening with a label (``opens``) keeps its lines as they are."""
    for above, below in pairwise(cells):
        if not below.lines or len(above.lines) < 2 or opens(below.lines[0].text):
            continue
        unit = min(ln.height for ln in [*above.lines, below.lines[0]])
        start = len(above.lines)
        nxt = below.lines[0]
        while start - 1 > 0:
            line = above.lines[start - 1]
            gap = _gap(line, nxt)
            if gap is None or not -0.2 * unit <= gap <= NEAR * unit or ends(line.text):
                break
            start -= 1
            nxt = line
        if start == len(above.lines):
            continue
        before = _gap(above.lines[start - 1], above.lines[start])
        if before is not None and (
            before <= NEAR * unit or not closes(above.lines[start - 1].text)
        ):
            continue  # no row break: the lines are the cell's own (a job under its name)
        # (a chain opening a new page is the next row's: a grid row is never split)
        below.lines[:0] = above.lines[start:]
        del above.lines[start:]
    return cells


def grid_rows(cells: list[SignatureCell]) -> list[list[SignatureCell]]:
    """Cells whose first lines sit at about the same height form one row of the grid."""
    rows: list[list[SignatureCell]] = []
    for cell in sorted(cells, key=lambda c: c.row):
        if rows and abs(cell.row - rows[-1][0].row) <= 2.5 * cell.lines[0].height:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    return rows
