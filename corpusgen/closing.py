"""The end of an agreement: signature columns and the optional annex."""

from __future__ import annotations

import re

from corpusgen.dates_id import long_date
from corpusgen.dating import sign_lead
from corpusgen.drafting import Draft, weighted
from corpusgen.layout import Center, PageBreak, Para
from corpusgen.parties import PartySpec
from corpusgen.people import make_person
from corpusgen.sigblocks import GridCell, SignatureGrid, cell_habits
from corpusgen.signature_columns import SigColumn, Signatures, column_marks


def signatures(s: Draft) -> None:
    """The closing sentence and the signature columns (meterai, stamps)."""
    if s.fam.sig_layout == "grid":
        grid_signatures(s)
        return
    seed, rng, fam, d = s.seed, s.rng, s.fam, s.d
    parties, roles, b, kw = s.parties, s.roles, s.b, s.kw
    place = s.place
    meterai = "Meterai 10000" if d.year >= 2021 else "Materai 6000"
    if rng.random() < 0.3:
        meterai = "Materai 10000" if d.year >= 2021 else "Meterai 6000"
    cols: list[SigColumn] = []
    upper = rng.random() < 0.7
    for i, p in enumerate(parties):
        sig_head = [f"{roles[i]},"]
        if rng.random() < 0.6 or p.kind in ("swasta", "bumn", "bumd", "universitas", "lainnya"):
            sig_head.append(p.institution.upper() if rng.random() < 0.5 else p.jabatan)
        else:
            sig_head.append(p.jabatan.upper())
        name = p.signatory.styled(upper)
        if p.acting is not None:  # after the draws: the other families keep their documents
            sig_head = [sig_head[0], *p.acting.block_lines]
            name = f"{p.acting.name_prefix} {name}".strip()
        cols.append(
            SigColumn(
                sig_head,
                name,
                p.signatory.nip,
                meterai if i == 0 or rng.random() < 0.3 else None,
                stamp=rng.random() < 0.85,
                seed=seed * 10 + i,
                marks=None
                if fam.held_out
                else column_marks(p.signatory.full, i, p.signatory.nip is not None, _head_of(p)),
            )
        )
    if fam.sig_order == "21" and len(cols) == 2:
        cols = [cols[1], cols[0]]
    lead: list[str] = []
    sig_place_only = False
    if fam.sig_lead:
        where = place or parties[0].city
        if place is None:
            sig_place_only = True
            place = where
        lead = [f"Ditandatangani di {where}", f"pada tanggal {long_date(d)}"]
    elif s.sign_mode not in ("", "opening"):
        place = place or parties[0].city
        lead, note = sign_lead(rng, s.sign_mode, place, d)
        s.notes.append(note)
    b.add(
        Para(
            f"Demikian {kw} ini dibuat dan ditandatangani oleh PARA PIHAK dalam keadaan sehat "
            "jasmani dan rohani serta tanpa paksaan dari pihak mana pun.",
            gap=8,
            keep=True,
        ),
        Signatures(cols, lead=lead, name_upper_underline=True),
    )
    s.upper, s.sig_place_only, s.place = upper, sig_place_only, place


def _head_of(p: PartySpec) -> str | None:
    """ "BUPATI SIDOARJO": whom a Kepala Dinas signs for ("a.n."), None for other signers."""
    heads = {"pemkab": "BUPATI", "pemkot": "WALI KOTA", "pemprov": "GUBERNUR"}
    if p.kind not in heads or p.region is None or not p.jabatan.startswith("Kepala "):
        return None
    place = p.region.short if p.kind != "pemprov" else p.region.name.removeprefix("Provinsi ")
    return f"{heads[p.kind]} {place.upper()}"


def annex(s: Draft) -> None:
    """An optional Lampiran (work plan per scope item) after the signatures."""
    rng, fam, dtype, d, notes, long_doc, b = s.rng, s.fam, s.dtype, s.d, s.notes, s.long_doc, s.b
    printed_numbers, kw, scope = s.printed_numbers, s.kw, s.scope
    if dtype != "ADENDUM" and scope and fam.name != "ringkas" and (long_doc or rng.random() < 0.3):
        # an annex: a work plan per scope item (distractor years, numbered lists)
        b.add(
            PageBreak(),
            Para(f"LAMPIRAN {kw.upper()}", align="left", gap=0),
            Para(f"NOMOR : {printed_numbers[0] if printed_numbers else ''}", align="left", gap=0),
            Center("RENCANA KERJA", bold=True, gap=16),
        )
        for k, item in enumerate(scope, start=1):
            b.add(Para(f"**{item[0].upper() + item[1:]}**", marker=f"{k}.", gap=8))
            activities = rng.sample(
                [
                    "penyusunan rencana aksi dan jadwal pelaksanaan",
                    "rapat koordinasi dan sinkronisasi program",
                    "pelaksanaan kegiatan percontohan",
                    "pendampingan teknis oleh tenaga ahli",
                    "evaluasi capaian dan penyusunan laporan",
                    "penyusunan petunjuk teknis pelaksanaan",
                    "sosialisasi kepada pemangku kepentingan",
                ],
                rng.randint(3, 5),
            )
            for j, a in enumerate(activities):
                yr = d.year + j
                b.add(
                    Para(
                        f"{a[0].upper() + a[1:]}, target Tahun {yr}.",
                        left=20,
                        marker=f"{'abcde'[j]}.",
                        gap=1,
                    )
                )
        notes.append("annex (Lampiran) with a work plan after the signatures")
    if s.sig_place_only:
        notes.append("signing place only in the 'Ditandatangani di' line above the signatures")


_WITNESSES = (
    "Kepala Dinas Pendidikan Provinsi {p}",
    "Sekretaris Daerah Provinsi {p}",
    "Kepala Biro Pemerintahan dan Otonomi Daerah Provinsi {p}",
)
_BREAK = re.compile(r"\s(?=(?:Kabupaten|Kota|Provinsi|PT\.?|Daerah|Universitas)\b)")


def _two_lines(jabatan: str) -> list[str]:
    """A jabatan broken where a printed block breaks it: before the region or the company."""
    parts = _BREAK.split(jabatan, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        return [parts[0].strip(), parts[1].strip()]
    words = jabatan.split()
    half = max(1, len(words) // 2)
    return [" ".join(words[:half]), " ".join(words[half:])] if len(words) > 1 else [jabatan]


def grid_signatures(s: Draft) -> None:
    """Signature cells in a grid: labels or only jabatan, the jabatan on two lines or under the
    name, stamps and meterai over names, and a 'Mengetahui' official who is no party."""
    seed, rng, fam, d, parties, roles, b, kw = (
        s.seed,
        s.rng,
        s.fam,
        s.d,
        s.parties,
        s.roles,
        s.b,
        s.kw,
    )
    upper = rng.random() < 0.7
    place = weighted(rng, fam.jabatan_places)
    meterai = "Meterai 10000" if d.year >= 2021 else "Materai 6000"
    cells: list[GridCell] = []
    for i, p in enumerate(parties):
        label = f"{roles[i]},"
        below: list[str] = []
        if place == "no-label":
            header, below = [f"{p.jabatan.upper()},"], []
        elif place == "two-lines":
            header, below = [label, *(t.upper() for t in _two_lines(p.jabatan))], []
        elif place == "below":
            inst = p.institution
            job = p.jabatan.replace(inst, "").strip(" ,") or p.jabatan
            header, below = [label, inst.upper()], [job.upper()]
        elif place == "stacked":
            lines = [t.upper() for t in _two_lines(p.jabatan)]
            header, below = [*lines[:-1], f"{lines[-1]},"], []
        else:
            header, below = [label, p.jabatan.upper()], []
        habits = cell_habits(
            seed, i, fam.sig_ink, fam.rank_lines, fam.delegation, p.signatory.nip is not None
        )
        head_of = _head_of(p)
        if habits.delegation and head_of:
            at = 1 if header and header[0].startswith("PIHAK") else 0
            header.insert(at, f"a.n. {head_of},")
        over = rng.random() < fam.stamp_over_name
        cells.append(
            GridCell(
                header,
                p.signatory.styled(upper),
                p.signatory.nip,
                below,
                meterai if (i == 0 or rng.random() < 0.3) else None,
                stamp_over_name=over,
                meterai_over_name=over and rng.random() < 0.5,
                seed=seed * 10 + i,
                rank=habits.rank,
                ink=habits.ink,
            )
        )
    witness = None
    if rng.random() < fam.mengetahui:
        region = next((p.region for p in parties if p.region is not None), None)
        province = region.province_name if region is not None else "Jawa Barat"
        official = make_person(rng, civil_servant=True, year=d.year)
        witness = GridCell(
            ["Mengetahui,", rng.choice(_WITNESSES).format(p=province)],
            official.styled(upper),
            official.nip,
            seed=seed * 10 + 99,
        )
        s.notes.append(f"'Mengetahui' official {official.full} signs under the grid: not a party")
    per_row = 3 if len(parties) > 4 else 2
    b.add(
        Para(
            f"Demikian {kw} ini dibuat dan ditandatangani oleh PARA PIHAK dalam rangkap "
            f"{len(parties)} bermeterai cukup dan mempunyai kekuatan hukum yang sama.",
            gap=8,
            keep=True,
        ),
        SignatureGrid(cells, per_row=per_row, witness=witness),
    )
    s.notes.append(f"signature grid ({per_row} a row), jabatan {place}")
    if any(c.stamp_over_name for c in cells):
        s.notes.append("stamps or meterai over printed names")
    if any(c.ink for c in cells):
        s.notes.append("wet ink over printed names or jabatan")
    if any(c.rank for c in cells):
        s.notes.append("pangkat lines between names and NIPs")
    s.upper = upper
