"""Which signature cell belongs to which party, and what its name and jabatan say.

A cell is paired with a party by its role label; a cell whose label the stamp
or the scan destroyed is paired by its printed name (the same person the
parties clause names), and, when neither is there, by reading order if exactly
as many unlabelled cells as unpaired parties remain. 'Mengetahui' cells are
never paired. The jabatan of a cell is its head lines from the first job word
("Kepala Dinas Pendidikan / Provinsi Kepulauan Riau" on two lines), or the job
line under the name followed by the institution above it ("DIRECTOR" under
the name, "PT. WIRA TEKNOLOGI INDONESIA" above): the order a reader would say
them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractor.rules.names import (
    Cleaned,
    acting_prefix,
    clean_jabatan,
    clean_signatory,
    core_name,
    is_office_marker,
)
from extractor.rules.party_clause import JOB_HEADS_START
from extractor.rules.sigblock import SignatureCell

NAME_MATCH = 85.0
"""token_sort_ratio of two names without titles for them to be the same person."""
_JOB_LINE = re.compile(rf"^\W*{JOB_HEADS_START}", re.IGNORECASE)
_DELEGATION = re.compile(r"^\W*(?:a\.\s?n\.?|an\.|u\.\s?b\.?|ub\.)(?:\s|$)", re.IGNORECASE)
_ROLE_ONLY = re.compile(r"^\W*(?:first|second|third)\s+party\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class PartyRef:
    """What the clause knows of a party, to pair a cell with it."""

    order: int
    signatory: str | None


def cell_name(cell: SignatureCell) -> str | None:
    """The printed name of a cell, cleaned of stamp and signature debris."""
    return read_cell_name(cell).value


def read_cell_name(cell: SignatureCell) -> Cleaned:
    """The printed name of a cell with what its cleaning cut (the notes carry tags)."""
    if cell.name is None:
        return Cleaned(None)
    raw = cell.name.text.strip(" |'\"-_:;!*»«“”#~\\/")
    return clean_signatory(raw)


def cell_jabatan(cell: SignatureCell) -> str | None:
    """The jabatan a cell prints, across lines, or None when it prints only an institution."""
    return read_cell_jabatan(cell).value


def read_cell_jabatan(cell: SignatureCell) -> Cleaned:
    """The signer's own jabatan, across lines, from the first line that opens with a job word.

    Signing on behalf of a superior prints the superior first: "a.n. BUPATI GARUT," over
    "SEKRETARIS DAERAH," (and "u.b." for a further delegation); the signer's jabatan is
    what follows the last such marker, so the lines before it are skipped. An acting
    office's prefix printed before the name ("Plt. AGUS SANTOSO" under "KEPALA DINAS
    PENDIDIKAN,") opens the jabatan, as the clause would write it.
    """
    head = [_bare(ln.text) for ln in cell.head if not _ROLE_ONLY.match(ln.text)]
    tail = [_bare(ln.text) for ln in cell.tail if not _ROLE_ONLY.match(ln.text)]
    notes: list[str] = []
    marked = [k for k, t in enumerate(head) if _DELEGATION.match(t)]
    if marked and marked[-1] + 1 < len(head):
        k = marked[-1]
        notes.append(f"jabatan after '{head[k]}' (signing on behalf of a superior)")
        head = head[k + 1 :]
    # a job word may itself be broken over two lines ("WALI" over "KOTA PADANG,")
    first = next((k for k in range(len(head)) if _JOB_LINE.match(" ".join(head[k:]))), None)
    if first is not None:
        value = " ".join(head[first:])
    else:
        job = next((t for t in tail if _JOB_LINE.match(t)), None)
        if job is None:
            return Cleaned(None)
        value = " ".join([job, *head])
    value = re.sub(r"\s+", " ", value).strip(" ,")
    prefix, _ = acting_prefix(cell.name.text.strip(" |'\"-_:;") if cell.name else "")
    if prefix and not acting_prefix(value)[0]:
        # "KEPALA DINAS PENDIDIKAN," over "Plt. AGUS SANTOSO": the office is the acting one
        notes.append(f"'{prefix}' printed before the name opens the jabatan")
        value = f"{prefix} {value}"
    cleaned = clean_jabatan(value, from_block=True)
    return Cleaned(cleaned.value or None, [*notes, *cleaned.notes], cleaned.doubtful)


def _bare(line: str) -> str:
    """A cell line without its closing punctuation; an acting prefix alone keeps its dot
    ("Plt." over "KEPALA DINAS ..."), as the clause writes it."""
    if is_office_marker(line) and acting_prefix(line.strip(" ,;:") + " x")[0]:
        return line.strip(" ,;:")
    return line.strip(" ,.;:")


_UNIT_JOB = re.compile(
    r"^(?:\S+\s+){0,2}?(?:Kepala\s+(?:Dinas|Badan|Kantor|Satuan|Bagian|Biro|Inspektorat)\b"
    r"|Sekretaris\s+Daerah\b|Asisten\b|Inspektur\b)",
    re.IGNORECASE,
)
_REGION = re.compile(r"\b(?:Kabupaten|Kota|Provinsi)\b", re.IGNORECASE)
_GOV_REGION = re.compile(
    r"^Pemerintah(?:an)?\s+(?:Daerah\s+)?((?:Kabupaten|Kota|Provinsi)\s+\S.*)$", re.IGNORECASE
)


def with_region(jabatan: str, institution: str | None) -> tuple[str, str | None]:
    """ "Plt. KEPALA DINAS KESEHATAN" under a clause that names "Pemerintah Kota Bogor":
    a block prints a regional unit's jabatan short (the region is the letterhead's, or the
    'a.n. WALI KOTA BOGOR' line's), where the clause would say "... Kota Bogor". The
    region of the party's government is added, with a note; anything else stays."""
    gov = _GOV_REGION.match(institution or "")
    if gov is None or not _UNIT_JOB.match(jabatan) or _REGION.search(jabatan):
        return jabatan, None
    region = gov.group(1).strip()
    region = region.upper() if jabatan.isupper() or jabatan.split()[-1].isupper() else region
    return f"{jabatan} {region}", f"region '{region}' of the party added to the block's jabatan"


def same_person(a: str | None, b: str | None) -> bool:
    ca, cb = core_name(a), core_name(b)
    return bool(ca and cb) and fuzz.token_sort_ratio(ca.lower(), cb.lower()) >= NAME_MATCH


def pair_cells(cells: list[SignatureCell], parties: list[PartyRef]) -> dict[int, SignatureCell]:
    """Role ordinal -> its signature cell, for the parties a cell could be found for."""
    usable = [c for c in cells if not c.witness and (c.name is not None or c.head or c.tail)]
    out: dict[int, SignatureCell] = {}
    for party in parties:
        labelled = [c for c in usable if c.order == party.order]
        if labelled:
            out[party.order] = max(labelled, key=lambda c: (c.name is not None, len(c.head)))
    free = [c for c in usable if c.order == 0 and c.name is not None]
    for party in parties:
        mine = out.get(party.order)
        if mine is not None and mine.name is not None:
            continue
        match = next((c for c in free if same_person(cell_name(c), party.signatory)), None)
        if match is not None:
            out[party.order] = match
            free.remove(match)
    # a cell that names a different person than the clause is not that party's
    for party in parties:
        mine = out.get(party.order)
        if (
            mine is not None
            and party.signatory
            and cell_name(mine)
            and mine.order != party.order
            and not same_person(cell_name(mine), party.signatory)
        ):
            del out[party.order]
    unpaired = [p for p in parties if p.order not in out and p.signatory is None]
    if unpaired and len(free) == len(unpaired):
        for party, cell in zip(unpaired, free, strict=True):
            out[party.order] = cell
        return out
    # names lost under the stamps: unlabelled cells that still print a jabatan, in reading
    # order, when there are exactly as many as parties without a cell
    taken = {id(c) for c in out.values()}
    headed = [
        c
        for c in usable
        if c.order == 0 and id(c) not in taken and (c.name is not None or cell_jabatan(c))
    ]
    left = [p for p in parties if p.order not in out]
    if left and len(headed) == len(left) and all(p.signatory is None for p in left):
        for party, cell in zip(left, headed, strict=True):
            out[party.order] = cell
    return out
