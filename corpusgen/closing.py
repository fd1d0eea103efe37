"""The end of an agreement: signature columns and the optional annex."""

from __future__ import annotations

from corpusgen.dates_id import long_date
from corpusgen.drafting import Draft
from corpusgen.layout import (
    Center,
    PageBreak,
    Para,
    SigColumn,
    Signatures,
)


def signatures(s: Draft) -> None:
    """The closing sentence and the signature columns (meterai, stamps)."""
    seed, rng, fam, d, parties, roles, b, kw, place = (
        s.seed,
        s.rng,
        s.fam,
        s.d,
        s.parties,
        s.roles,
        s.b,
        s.kw,
        s.place,
    )
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
        cols.append(
            SigColumn(
                sig_head,
                p.signatory.styled(upper),
                p.signatory.nip,
                meterai if i == 0 or rng.random() < 0.3 else None,
                stamp=rng.random() < 0.85,
                seed=seed * 10 + i,
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
    b.add(
        Para(
            f"Demikian {kw} ini dibuat dan ditandatangani oleh PARA PIHAK dalam keadaan sehat "
            "jasmani dan rohani serta tanpa paksaan dari pihak mana pun.",
            gap=8,
            keep=True,
        ),
        Signatures(cols, lead=lead, name_upper_underline=True),
    )
    s.upper = upper
    s.sig_place_only = sig_place_only
    s.place = place


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
