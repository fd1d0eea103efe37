"""The signature block as a layout: columns and cells of role, jabatan, name and NIP.

Agreements close with one cell per signing party, laid out in columns (two
side by side, a third centred below, or a grid of many rows for an agreement
of a province with all its kabupaten): the role label ("PIHAK KESATU,"), the
jabatan on one or two lines (or the institution, with the jabatan under the
name), a blank where the signature, stamp and meterai go, the printed name and
a NIP. A 'Mengetahui' cell (a dean, a Kepala Dinas) witnesses and is not a
party. The page's line boxes give the geometry: lines are grouped into
columns by their centres, a column into cells at each role label (or, without
labels, at the signature gap before each new jabatan), and each cell into its
parts. Stamp and signature debris shows as short lines inside the blank; they
are dropped here and name debris is cut by ``names.py``.

Only pages read with boxes take part; a text without boxes (rules tested on
plain strings) has no layout, and ``signatures.signature_names`` reads it.
"""

from __future__ import annotations

import re
from itertools import pairwise
from statistics import median

from extractor.rules.block_marks import is_mark_line, is_rank_line, strip_marks
from extractor.rules.names import clean_signatory, is_office_marker
from extractor.rules.sigcell import SigLine, SignatureCell
from extractor.rules.signatures import is_degree, looks_like_name
from extractor.rules.sigregroup import grid_rows, is_mengetahui, move_heads, role_label
from extractor.rules.sigsplit import Piece, cut_block, split_row_line
from extractor.text import DocText
from models import Box

COLUMN_GAP = 0.09
"""Line centres further apart than this share of the page width are different columns."""
PROSE_WIDTH = 0.62
"""A line wider than this share of the page is running text, not a signature cell."""
SIGNATURE_GAP = 2.2
"""A vertical gap of this many line heights inside a column is the signature blank."""
_NIP = re.compile(r"^\W*(?:NIP|NIK|NRP|NPP|NIDN)(?:\b|(?=\d))|^\W*\d{6,}", re.IGNORECASE)
NIP_LINE = _NIP
"""A NIP (or NIK, NRP, ...) line of a cell: what closes it under the name."""
_CLOSING = re.compile(
    r"\b(?:demikian|ditandatangani|bermeterai|bermaterai|rangkap|kekuatan\s+hukum)\b", re.I
)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _block_lines(text: DocText) -> list[SigLine]:
    """Lines of the last signature block: after the closing sentence ("Demikian ...
    ditandatangani ... rangkap ...") or from the first role label of the pages of labels
    that end with the last one, to the end of the document (an annex on a later page ends
    it)."""
    if not any(r.box is not None for r in text.lines):
        return []
    floor = len(text.lines) // 2
    anchor = None
    for k in range(len(text.lines) - 1, floor - 1, -1):
        ref = text.lines[k]
        if _CLOSING.search(text.text[ref.start : ref.end]):
            anchor = k + 1
            break
    if anchor is None:
        labelled = [
            k
            for k in range(floor, len(text.lines))
            if role_label(text.text[text.lines[k].start : text.lines[k].end])
        ]
        if not labelled:
            return []
        pages = {text.lines[k].page for k in labelled}
        page = text.lines[labelled[-1]].page
        while page - 1 in pages:  # a grid of many parties runs over pages
            page -= 1
        anchor = next(k for k in labelled if text.lines[k].page == page)
    if anchor >= len(text.lines):
        return []
    page = text.lines[anchor].page
    out: list[Piece] = []
    for ref in text.lines[anchor:]:
        if ref.box is None:
            continue
        line = text.text[ref.start : ref.end]
        if re.match(r"^\W*LAMPIRAN\b", line) and ref.page != page:
            break
        out.extend(split_row_line(line, ref.box, ref.start, ref.words, ref.page))
    cut = cut_block(out, text.page_sizes.get(page, (595.0, 842.0))[0])  # cells side by side
    return [SigLine(p.text, p.page, p.box, p.start, p.end) for p in cut]


def _same_column(a: SigLine, b: SigLine, page_width: float) -> bool:
    """Centred or left-aligned under each other, and not side by side in one row."""
    if a.page == b.page and abs(a.box.top - b.box.top) < 0.6 * min(a.height, b.height):
        return False
    tol = COLUMN_GAP * page_width
    return abs(a.center - b.center) <= tol or abs(a.box.x0 - b.box.x0) <= tol * 0.6


def _columns(lines: list[SigLine], page_width: float) -> list[list[SigLine]]:
    """Lines grouped into columns (union of 'same column' pairs among lines of real words);
    short scraps join the nearest column."""
    cells = [ln for ln in lines if (ln.box.x1 - ln.box.x0) <= PROSE_WIDTH * page_width]
    solid = [ln for ln in cells if _letters(ln.text) >= 4]
    if not solid:
        return []
    parent = list(range(len(solid)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(solid)):
        for j in range(i + 1, len(solid)):
            if _same_column(solid[i], solid[j], page_width):
                parent[find(i)] = find(j)
    groups: dict[int, list[SigLine]] = {}
    for i, ln in enumerate(solid):
        groups.setdefault(find(i), []).append(ln)
    cols = sorted(groups.values(), key=lambda g: median(x.center for x in g))
    mids = [median(x.center for x in g) for g in cols]
    for ln in cells:
        if _letters(ln.text) >= 4:
            continue
        dist, k = min((abs(ln.center - m), k) for k, m in enumerate(mids))
        if dist <= 2 * COLUMN_GAP * page_width:
            cols[k].append(ln)
    return [sorted(c, key=lambda ln: (ln.page, ln.box.top)) for c in cols]


def _split_cells(column: list[SigLine], index: int) -> list[SignatureCell]:
    """A column into cells at labels, 'Mengetahui', and after a name at the next signature gap."""
    cells: list[SignatureCell] = []
    current: list[SigLine] = []
    unit = median(ln.height for ln in column)

    def close() -> None:
        if current:
            cells.append(SignatureCell(0, None, list(current), column=index))
            current.clear()

    for k, ln in enumerate(column):
        starts = role_label(ln.text) is not None or is_mengetahui(ln.text)
        if not starts and current and _has_name_before_gap(current, unit):
            nxt = column[k + 1] if k + 1 < len(column) else None
            gap_after = (
                nxt.box.top - ln.box.bottom if nxt is not None and nxt.page == ln.page else 0.0
            )
            starts = gap_after > SIGNATURE_GAP * unit and not _NIP.match(ln.text)
        if starts:
            close()
        current.append(ln)
    close()
    witnessing = False
    for cell in cells:  # officials listed under one 'Mengetahui' in the same column
        witnessing = is_mengetahui(cell.lines[0].text) or (
            witnessing and role_label(cell.lines[0].text) is None
        )
        cell.witness = witnessing
    return cells


def _has_name_before_gap(lines: list[SigLine], unit: float) -> bool:
    """The cell so far has a signature blank followed by a name, a rank or a NIP (what is
    left of a cell whose name the stamp took): it is complete."""
    for a, b in pairwise(lines):
        if b.page == a.page and b.box.top - a.box.bottom > SIGNATURE_GAP * unit:
            after = lines[lines.index(b) :]
            return any(looks_like_name(x.text) or _ends(x.text) for x in after)
    return False


def _parse(cell: SignatureCell) -> None:
    lines = list(cell.lines)
    if lines and (label := role_label(lines[0].text)) is not None:
        cell.order, cell.label = label
        lines = lines[1:]
    elif lines and is_mengetahui(lines[0].text):
        lines = lines[1:]
    nip_at = next((k for k, ln in enumerate(lines) if _NIP.match(ln.text)), None)
    if nip_at is not None:
        cell.nip = re.sub(r"^\W*(?:NIP|NIK|NRP|NPP|NIDN)\W*", "", lines[nip_at].text).strip()
    unit = median(ln.height for ln in lines) if lines else 1.0
    gap_at = None
    solid = [k for k, ln in enumerate(lines) if _letters(ln.text) >= 4 or _NIP.match(ln.text)]
    for i, k in enumerate(solid[1:], start=1):
        a, b = lines[solid[i - 1]], lines[k]  # scraps in the blank are ink, not lines
        if b.page == a.page and b.box.top - a.box.bottom > SIGNATURE_GAP * unit:
            gap_at = k
            break
    for k in range(2, len(lines)):
        if gap_at is not None and k >= gap_at:
            break
        if is_mark_line(lines[k - 1].text) and _letters(lines[k - 1].text) >= 2:
            gap_at = k  # "ttd" / "Cap" printed where a copy has no signature: the blank
            break
    rank_at = next((k for k in range(gap_at or 0, len(lines)) if is_rank_line(lines[k].text)), None)
    upto = min(k for k in (nip_at, rank_at, len(lines)) if k is not None)
    start = gap_at if gap_at is not None else 0
    names = [
        k
        for k in range(start, upto)
        if _name_line(lines[k].text) and (gap_at is not None or not _continues(lines, k))
    ]
    if not names and gap_at is not None:
        names = [
            k for k in range(0, upto) if _name_line(lines[k].text) and not _continues(lines, k)
        ]
    if not names and gap_at is not None:
        names = [k for k in range(start, upto) if _SINGLE_NAME.match(lines[k].text)]
    last = nip_at is not None or rank_at is not None
    name_at = (names[0] if not last and gap_at is not None else names[-1]) if names else None
    if name_at is not None:
        cell.name = _whole_name(lines, name_at, start, upto)
    head_end = gap_at if gap_at is not None else (name_at if name_at is not None else upto)
    cell.head = [
        ln
        for ln in lines[:head_end]
        if (_letters(ln.text) >= 4 or is_office_marker(ln.text))  # "Plt." / "u.b." alone
        and not is_mark_line(ln.text)
        and not is_rank_line(ln.text)
    ]
    if name_at is not None:
        after = lines[name_at + 1 :]
        cell.tail = [
            ln
            for ln in after
            if not _NIP.match(ln.text)
            and _letters(ln.text) >= 4
            and not _name_line(ln.text)
            and not is_rank_line(ln.text)
            and not is_mark_line(ln.text)
            and not _DEGREES_ONLY.match(ln.text)
        ]


def _continues(lines: list[SigLine], k: int) -> bool:
    """Line ``k`` sits right under a jabatan or institution line: it is that line's second
    half ("RAKYAT DAERAH KOTA" over "JAKARTA TIMUR"), not a name, when no signature blank
    separates them (the name under the blank was lost to the stamp)."""
    if k == 0:
        return False
    a, b = lines[k - 1], lines[k]
    near = a.page == b.page and b.box.top - a.box.bottom <= 0.8 * a.height
    return near and _letters(a.text) >= 4 and not _name_line(a.text)


_DEGREES_ONLY = re.compile(r"^\W*(?:(?:[A-Z][A-Za-z]{0,4}\.){1,3}[A-Za-z]{0,4}\.?|[A-Z]{2,4})\W*$")
"""One degree of a name's tail ("M.Sc.,", "IPU"): a word of a chain wrapped to its own line."""


_SINGLE_NAME = re.compile(r"^\W*(?:[A-Z]{4,}|[A-Z][a-z]{3,})\W*$")
"""A one-word name ("SUTRISNO", common in Java) alone under the signature blank."""
PREFIX_START = re.compile(r"^\W*(?:Prof|Drs|Dra|Dr|DR|dr|drg|Ir|IR|H|Hj|KH|R|Rr|RA|Tgk)\.")


def _name_line(text: str) -> bool:
    """A printed name, once the marks and the debris around it are set aside ("2 I MADE
    BADRA ttd" is a name line; the cleaning itself happens when the name is read)."""
    if is_rank_line(text) or is_mark_line(text):
        return False
    if looks_like_name(text):
        return True
    bare = clean_signatory(strip_marks(text)[0]).value
    return bare is not None and bare != text and looks_like_name(bare)


def _ends(text: str) -> bool:  # a NIP or rank line closes a cell; so does its name
    return bool(_NIP.match(text)) or is_rank_line(text)


def _closes(text: str) -> bool:
    return _ends(text) or _name_line(text)


def _opens(text: str) -> bool:
    return role_label(text) is not None or is_mengetahui(text)


def _degree_line(text: str) -> bool:
    """ "M.Sc., IPU": the end of a long name's degree chain, wrapped to the next line."""
    words = [w for w in text.replace(",", " ").split() if w.strip(".")]
    return bool(words) and all(_DEGREES_ONLY.match(w) and is_degree(w) for w in words)


def _whole_name(lines: list[SigLine], at: int, start: int, upto: int) -> SigLine:
    """A name printed on two lines: a long chain of titles ("Prof. Dr. Ir. H. AHMAD FAUZI,"
    over "M.Sc., IPU"), or a name whose first line ends in a comma. The parts sit right
    under each other, closer than a line's height apart; the span covers both."""
    first = last = at
    unit = lines[at].height

    def near(a: SigLine, b: SigLine) -> bool:
        return a.page == b.page and 0 <= b.box.top - a.box.bottom <= 0.8 * unit

    if at + 1 < len(lines) and near(lines[at], lines[at + 1]):
        follow = lines[at + 1].text
        if _degree_line(follow) or (
            lines[at].text.rstrip().endswith(",") and _name_line(follow) and at + 1 < upto
        ):
            last = at + 1
    if last == at and at - 1 >= start and near(lines[at - 1], lines[at]):
        lead = lines[at - 1].text
        if (
            _name_line(lead)
            and not _degree_line(lead)
            and ("," not in lead.rstrip(" ,") and not PREFIX_START.match(lines[at].text))
        ):
            first = at - 1  # "Prof. Dr. Ir. H. MUHAMMAD" over "RIDWAN KAMIL, M.Sc."
    if first == last:
        return lines[at]
    a, b = lines[first], lines[last]
    box = Box(
        x0=min(a.box.x0, b.box.x0),
        top=a.box.top,
        x1=max(a.box.x1, b.box.x1),
        bottom=b.box.bottom,
    )
    return SigLine(f"{a.text.rstrip()} {b.text.strip()}", a.page, box, a.start, b.end)


def signature_cells(text: DocText) -> list[SignatureCell]:
    """The cells of the last signature block in reading order (rows, then columns)."""
    lines = _block_lines(text)
    if not lines:
        return []
    widths = [r.box.x1 for r in text.lines if r.box is not None and r.page == lines[0].page]
    page_width = max(widths) * 1.08 if widths else 595.0
    cells: list[SignatureCell] = []
    for k, column in enumerate(_columns(lines, page_width)):
        for cell in move_heads(_split_cells(column, k), _closes, _ends, _opens):
            _parse(cell)
            cell.row = cell.lines[0].page * 10000 + cell.lines[0].box.top
            if cell.name is not None or cell.label is not None or cell.head:
                cells.append(cell)
    out: list[SignatureCell] = []
    for row in grid_rows(cells):
        out.extend(sorted(row, key=lambda c: c.lines[0].box.x0))
    return out
