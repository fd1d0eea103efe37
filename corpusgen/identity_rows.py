"""A party's identity block as many offices print it: every labelled row of the signatory.

Beyond 'Nama / NIP / Jabatan / Alamat', civil servants' blocks carry the pangkat
('Pangkat/Gol. : Pembina, IV/a') and an 'Instansi :' row naming the body again, and
the seat may be a prose line ('Berkedudukan di ...') instead of an 'Alamat :' row.
The colon stands in its own column, right after the label, or the row is typeset as
one run; on a scan Tesseract misreads those labels and colons ('AJamat', 'N1P', ';')
and joins rows, which is what the label stops must survive: the jabatan, name and
institution must end where the next row begins. Used by the held-out family that
prints it only, so the rng of every other family is untouched.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from corpusgen.layout import Block, Cells
from corpusgen.parties import PartySpec
from corpusgen.sigblocks import RANKS

COLON_STYLES = ("column", "tight", "run")
"""column: 'Alamat   :  value' (the colon in its own column); tight: 'Alamat :' then the
value at the column; run: 'Alamat : value' typeset as one run."""


@dataclass(frozen=True)
class IdentityHabits:
    """How one document prints its identity rows (drawn once per document)."""

    colon: str
    instansi: float
    rank: float
    seat_prose: float
    no_acts: float
    """share of parties with an Instansi row whose 'atas nama' line is left out"""


def draw_habits(rng: random.Random) -> IdentityHabits:
    return IdentityHabits(
        colon=rng.choice(COLON_STYLES),
        instansi=rng.choice((0.0, 0.7, 1.0)),
        rank=rng.choice((0.0, 0.6)),
        seat_prose=rng.choice((0.0, 0.4)),
        no_acts=rng.choice((0.0, 0.5)),
    )


def identity_rows(
    rng: random.Random, p: PartySpec, habits: IdentityHabits, number: str | None
) -> list[tuple[str, str]]:
    """(label, value) rows of one party; a label '' is a prose line ('Berkedudukan di ...')."""
    who = p.signatory
    rows = [("Nama", who.full)]
    if who.nip:
        rows.append(("NIP", who.nip))
        if rng.random() < habits.rank:
            rows.append(("Pangkat/Gol.", rng.choice(RANKS)))
    rows.append(("Jabatan", p.jabatan))
    if rng.random() < habits.instansi:
        rows.append(("Instansi", p.institution))
    if number:
        rows.append(("Nomor", number))
    if rng.random() < habits.seat_prose:
        rows.append(("", f"Berkedudukan di {p.address}"))
    else:
        rows.append(("Alamat", p.address))
    return rows


def closing_line(
    rng: random.Random, rows: list[tuple[str, str]], habits: IdentityHabits, acts: str, role: str
) -> str:
    """The line under the rows: 'Dalam hal ini bertindak ... atas nama X, selanjutnya
    disebut ...', or, when the Instansi row already names the body, only 'Selanjutnya
    disebut ...' (the institution is then read from that row)."""
    if any(lab == "Instansi" for lab, _ in rows) and rng.random() < habits.no_acts:
        return f"Selanjutnya disebut **{role}**."
    return f"{acts[0].upper()}{acts[1:]}, selanjutnya disebut **{role}**."


def row_blocks(marker: str, rows: list[tuple[str, str]], habits: IdentityHabits) -> list[Block]:
    """The rows laid out in the document's colon style, the list marker on the first."""
    out: list[Block] = []
    for k, (lab, val) in enumerate(rows):
        lead: tuple[float, str, bool] = (0.0, marker if k == 0 else "", False)
        bold = lab == "Nama"
        if not lab:
            cells: list[tuple[float, str, bool]] = [lead, (20, val, False)]
        elif habits.colon == "column":
            cells = [lead, (20, lab, False), (90, ":", False), (100, val, bold)]
        elif habits.colon == "tight":
            cells = [lead, (20, f"{lab} :", False), (100, val, bold)]
        else:
            cells = [lead, (20, f"{lab} : {val}", False)]
        out.append(Cells(cells, gap=6 if k == 0 else 0))
    return out
