"""Acting and delegated signers: Pj./Penjabat, Plt./Pelaksana Tugas, Plh., Pjs., 'a.n.', 'u.b.'.

Regional agreements are very often signed by an official who holds the office
for a while or signs for a superior: a Penjabat Bupati appointed by the
Minister of Home Affairs between two elections, the vice-regent as Pelaksana
Tugas, the Sekretaris Daerah as Pelaksana Harian, a Pejabat Sementara during
a campaign leave, a Plt. Kepala Dinas while the post is vacant, and a
Sekretaris Daerah or a Kepala Dinas signing "a.n. BUPATI X" (atas nama), with
"u.b." (untuk beliau) for one step further down. The parties clause names the
acting office as the jabatan ("Jabatan : Pj. Bupati Garut", "Plt. Kepala
Dinas Pendidikan Kabupaten Garut, yang diangkat berdasarkan ..."), which is
the label (the jabatan keeps its prefix, as the clause prints it); the
signature block prints the prefix before the jabatan, on a line of its own,
before a short jabatan right over the name, or (now and then) before the
name itself, and the superior of a delegation over the signer's jabatan. The
name is the person's, never with the prefix.

Each party's habit is drawn from a stream of its own (``acting|seed|index``), so
the families without acting signers keep their documents byte for byte.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from corpusgen.drafting import weighted
from corpusgen.parties import PartySpec
from corpusgen.people import make_person

_HEAD_PREFIXES = (
    ("Pj.", 0.25),
    ("Penjabat", 0.2),
    ("Plt.", 0.15),
    ("Pelaksana Tugas", 0.1),
    ("Pjs.", 0.1),
    ("Plh.", 0.1),
    ("Pelaksana Harian", 0.1),
)
"""How a regional head's acting office opens in the clause (Pj. between two elections,
Plt. for a vice-regent standing in, Pjs. during a campaign leave, Plh. for a short absence)."""
_UNIT_PREFIXES = (
    ("Plt.", 0.45),
    ("Pelaksana Tugas", 0.2),
    ("Plh.", 0.25),
    ("Pelaksana Harian", 0.1),
)
_SEKDA_PREFIXES = (("Plh.", 0.5), ("Pj.", 0.2), ("Plt.", 0.3))
_ABBR = {"Penjabat": "Pj.", "Pelaksana Tugas": "Plt.", "Pelaksana Harian": "Plh."}
_UNITS = (
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Komunikasi dan Informatika",
    "Badan Perencanaan Pembangunan Daerah",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Dinas Kependudukan dan Pencatatan Sipil",
)
_ASSISTANTS = (
    "Asisten Pemerintahan dan Kesejahteraan Rakyat",
    "Asisten Perekonomian dan Pembangunan",
    "Asisten Administrasi Umum",
)
_FORMS = (
    ("head", 0.3),
    ("sekda", 0.12),
    ("an-sekda", 0.18),
    ("an-unit", 0.15),
    ("ub-chain", 0.08),
    ("unit", 0.17),
)
_PLACES = (("inline", 0.35), ("own-line", 0.25), ("short", 0.25), ("name", 0.15))
"""Where the block prints the prefix: before the jabatan, on its own line, before a short
jabatan right over the name (the institution above it), or before the printed name."""


@dataclass(frozen=True)
class Acting:
    """How one acting or delegated signer is printed in the signature block."""

    block_lines: tuple[str, ...]
    """the lines over the signature after the role label, as printed"""
    name_prefix: str = ""
    """'Plt.' printed before the name itself (the jabatan above without it)"""
    mandate: str = ""
    """', berdasarkan Surat Kuasa Bupati X Nomor ...' of a delegation, in the clause"""
    note: str = ""
    party: str | None = None
    """the institution of the truth when it is not the clause's: a Kepala Dinas signing for
    the regional government makes the Dinas the party (the label convention)"""


def _head_word(p: PartySpec) -> str:
    if p.kind == "pemprov":
        return "Gubernur"
    if p.jabatan.startswith(("Wali Kota", "Walikota")):
        return p.jabatan.split()[0] if p.jabatan.startswith("Walikota") else "Wali Kota"
    return "Bupati" if p.kind == "pemkab" else "Wali Kota"


def _region_words(p: PartySpec) -> tuple[str, str]:
    """("Kabupaten Garut", "Garut") or ("Provinsi Jawa Barat", "Jawa Barat")."""
    assert p.region is not None
    if p.kind == "pemprov":
        return f"Provinsi {p.region.name}", p.region.name
    return p.region.name, p.region.short


def _break(job: str) -> list[str]:
    """A jabatan on two lines where a printed block breaks it: before the region."""
    if len(job) < 24:
        return [job]  # "Bupati Agam", "Wali Kota Jambi": one line
    parts = re.split(
        r"(?<!Wali)\s(?=(?:Kabupaten|Kota|Provinsi|Sekretariat|Universitas|Institut|PT)\b)",
        job,
        maxsplit=1,
    )
    return [parts[0], parts[1]] if len(parts) == 2 else [job]


def _block(prefix: str, core: str, inst: str, place: str, r: random.Random) -> Acting:
    """The block lines of an acting office ``prefix`` + ``core``."""
    shown = prefix if r.random() < 0.5 or prefix not in _ABBR else _ABBR[prefix]
    shown = shown if shown.endswith(".") else shown.upper()
    lines = [t.upper() for t in _break(core)]
    if place == "inline":
        out = [f"{shown} {lines[0]}", *lines[1:]]
    elif place == "own-line":
        out = [shown, *lines]
    elif place == "short":
        out = [inst.upper(), f"{shown} {lines[0]}"] if len(lines) > 1 else [f"{shown} {lines[0]}"]
    else:
        return Acting((*lines[:-1], f"{lines[-1]},"), name_prefix=_ABBR.get(prefix, prefix))
    return Acting((*out[:-1], f"{out[-1]},"))


def _mandate(r: random.Random, head: str, year: int) -> str:
    num = f"{r.choice(('180', '800', '090'))}/{r.randint(10, 999)}/{r.choice(('Huk', 'Setda'))}"
    return f", berdasarkan Surat Kuasa {head} Nomor {num}/{year}"


def acting_party(p: PartySpec, seed: int, index: int, share: float, year: int) -> PartySpec:
    """``p`` signed by an acting or delegated official with chance ``share`` (regional
    governments, universities and regional companies), drawn from its own stream."""
    r = random.Random(f"acting|{seed}|{index}")
    if r.random() >= share:
        return p
    if p.kind in ("universitas", "bumd", "lembaga"):
        prefix = weighted(r, (("Plt.", 0.5), ("Plh.", 0.25), ("Pjs.", 0.25)))
        place = weighted(r, _PLACES)
        acting = _block(prefix, p.jabatan, p.institution, place, r)
        return replace(p, jabatan=f"{prefix} {p.jabatan}", acting=acting)
    if p.kind not in ("pemkab", "pemkot", "pemprov") or p.region is None:
        return p
    where, short = _region_words(p)
    head = f"{_head_word(p)} {short}"
    form = weighted(r, _FORMS)
    place = weighted(r, _PLACES)
    civil = make_person(r, civil_servant=True, year=year)
    if form == "head":
        prefix = weighted(r, _HEAD_PREFIXES)
        signer = civil if not prefix.startswith(("Plt", "Pelaksana Tugas")) else p.signatory
        acting = _block(prefix, head, p.institution, "inline" if place == "short" else place, r)
        decree = p.appointment
        if prefix in ("Pj.", "Penjabat"):  # appointed by the Minister of Home Affairs
            decree = (
                f"Keputusan Menteri Dalam Negeri Nomor 100.2.1.3-{r.randint(1000, 6999)} Tahun "
                f"{year} tentang Pengangkatan Penjabat {head}"
            )
        return replace(
            p, jabatan=f"{prefix} {head}", signatory=signer, acting=acting, appointment=decree
        )
    if form in ("sekda", "unit"):
        prefixes: tuple[tuple[str, float], ...]
        if form == "sekda":
            core, prefixes = f"Sekretaris Daerah {where}", _SEKDA_PREFIXES
        else:
            core, prefixes = f"Kepala {r.choice(_UNITS)} {where}", _UNIT_PREFIXES
        prefix = weighted(r, prefixes)
        acting = _block(prefix, core, p.institution, place, r)
        if form == "unit":
            acting = replace(acting, party=core.removeprefix("Kepala "))
        return replace(p, jabatan=f"{prefix} {core}", signatory=civil, acting=acting)
    over = f"a.n. {head.upper()},"
    if form == "ub-chain":
        job = r.choice(_ASSISTANTS)
        lines = (over, "SEKRETARIS DAERAH", "u.b.", f"{job.upper()},")
        acting = Acting(lines, mandate=_mandate(r, head, year), note="a.n. ... u.b. chain")
        return replace(
            p,
            jabatan=f"{job} Sekretariat Daerah {where}",
            signatory=civil,
            acting=acting,
            appointment=None,
        )
    if form == "an-sekda":
        prefix = r.choice(("", "", "Plh. "))
        core = f"{prefix}Sekretaris Daerah"
        shown = f"{prefix}SEKRETARIS DAERAH,"
        acting = Acting((over, shown), mandate=_mandate(r, head, year))
        return replace(
            p, jabatan=f"{core} {where}", signatory=civil, acting=acting, appointment=None
        )
    unit = r.choice(_UNITS)
    prefix = r.choice(("", "Plt. ", "Plt. "))
    short_job = f"{prefix}{'KEPALA ' + unit.upper()}"
    acting = Acting(
        (over, f"{short_job},"), mandate=_mandate(r, head, year), party=f"{unit} {where}"
    )
    job = f"{prefix}Kepala {unit} {where}"
    return replace(p, jabatan=job, signatory=civil, acting=acting, appointment=None)
