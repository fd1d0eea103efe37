"""The articles (Pasal) of an agreement, or of an addendum."""

from __future__ import annotations

import datetime as dt

from corpusgen.dates_id import count_words, long_date
from corpusgen.dating import end_phrase
from corpusgen.drafting import Draft, list_blocks, weighted
from corpusgen.layout import (
    Para,
)
from corpusgen.scope_article import write_scope


def _purpose_article(s: Draft) -> str:
    """Maksud dan Tujuan, as one article or two ayat; returns the purpose as written."""
    rng, b, kw, topic, dtype, amended_kind = s.rng, s.b, s.kw, s.topic, s.dtype, s.amended_kind
    b.article(rng.choice(("Maksud dan Tujuan", "Maksud dan Tujuan")))
    maksud = f"Maksud {kw} ini adalah sebagai {topic.maksud}."
    tujuan = f"Tujuan {kw} ini adalah untuk {topic.tujuan}."
    if dtype == "ADENDUM":
        amended = amended_kind
        maksud = f"Maksud {kw} ini adalah untuk mengubah ketentuan mengenai jangka waktu {amended}."
        tujuan = (
            f"Tujuan {kw} ini adalah agar kerja sama tentang {topic.title.lower()} "
            "dapat terus dilaksanakan."
        )
    if rng.random() < 0.5:
        b.ayat([maksud, tujuan])
        return f"{maksud} {tujuan}"
    one = f"{kw} ini dimaksudkan sebagai {topic.maksud}, dengan tujuan untuk {topic.tujuan}."
    if dtype == "ADENDUM":
        one = f"{maksud} {tujuan}"
    b.ayat([one])
    return one


def _duration_article(s: Draft) -> None:
    """Jangka Waktu: a length, a stated start and end, or both."""
    rng, b, kw, dtype, d = s.rng, s.b, s.kw, s.dtype, s.d
    duration, start, end = s.duration, s.start, s.end
    b.article("Jangka Waktu")
    shape = rng.choices(
        ("years", "months", "until", "years-dates", "days"),
        weights=(5, 2, 2, 2, 1.2 if dtype != "NK" else 0),
    )[0]
    if dtype == "ADENDUM":
        shape = rng.choice(("until", "years-dates", "years"))
    if shape == "years":
        n = rng.choice((1, 2, 3, 5, 5, 5))
        t = (
            f"{kw} ini berlaku untuk jangka waktu {count_words(n)} tahun terhitung sejak "
            f"tanggal ditandatangani oleh PARA PIHAK."
            if rng.random() < 0.5
            else f"{kw} ini berlaku selama {count_words(n)} tahun terhitung sejak tanggal "
            "ditandatangani."
        )
        duration = {"value": n, "unit": "tahun"}
    elif shape == "months":
        n = rng.choice((6, 12, 18, 24, 36))
        t = (
            f"{kw} ini berlaku selama {count_words(n)} bulan sejak tanggal ditandatangani "
            "oleh PARA PIHAK."
        )
        duration = {"value": n, "unit": "bulan"}
    elif shape == "days":
        n = rng.choice((90, 120, 180))
        t = (
            f"Jangka waktu pelaksanaan {kw} ini adalah {count_words(n)} hari kalender sejak "
            "tanggal ditandatangani."
        )
        duration = {"value": n, "unit": "hari"}
    elif shape == "until":
        start = d
        end = dt.date(d.year + rng.randint(1, 4), 12, 31)
        t = (
            f"{kw} ini berlaku sejak tanggal {long_date(start)} sampai dengan tanggal "
            f"{long_date(end)}."
        )
        if s.fam.end_forms:
            until = end_phrase(weighted(rng, s.fam.end_forms), end)
            t = f"{kw} ini berlaku sejak tanggal {long_date(start)} {until}."
    else:
        n = rng.choice((1, 2, 3))
        start = dt.date(d.year, d.month, 1) if rng.random() < 0.5 else d
        end = dt.date(start.year + n, start.month, start.day) - dt.timedelta(days=1)
        t = (
            f"{kw} ini berlaku selama {count_words(n)} tahun, terhitung mulai tanggal "
            f"{long_date(start)} sampai dengan tanggal {long_date(end)}."
        )
        if s.fam.end_forms:
            until = end_phrase(weighted(rng, s.fam.end_forms), end)
            t = (
                f"{kw} ini berlaku selama {count_words(n)} tahun, terhitung mulai tanggal "
                f"{long_date(start)} {until}."
            )
        duration = {"value": n, "unit": "tahun"}
    ext = rng.choice((3, 6))
    b.ayat(
        [
            t,
            f"{kw} ini dapat diperpanjang atas kesepakatan PARA PIHAK dengan pemberitahuan "
            f"tertulis paling lambat {count_words(ext)} bulan sebelum jangka waktu berakhir.",
        ]
    )
    s.duration, s.start, s.end = duration, start, end


def _optional_article(s: Draft, art: str) -> None:
    """One of the family's optional articles, by key (pelaksanaan, pembiayaan, kahar, ...)."""
    rng, b, kw, dtype, roles, parties = s.rng, s.b, s.kw, s.dtype, s.roles, s.parties
    if art == "pelaksanaan":
        if dtype == "NK":
            b.article("Pelaksanaan")
            b.ayat(
                [
                    f"Pelaksanaan {kw} ini akan diatur lebih lanjut dalam Perjanjian "
                    "Kerja Sama "
                    "yang disusun oleh perangkat daerah atau unit kerja terkait "
                    "sesuai dengan "
                    f"tugas dan fungsinya.",
                    "Perjanjian Kerja Sama sebagaimana dimaksud pada ayat (1) "
                    "merupakan bagian "
                    f"yang tidak terpisahkan dari {kw} ini.",
                ]
            )
        else:
            b.article("Hak dan Kewajiban")
            b.add(Para(f"{roles[0]} berkewajiban:"))
            b.add(
                *list_blocks(
                    [
                        "menyediakan data dan informasi yang diperlukan",
                        "menugaskan personel yang kompeten",
                        "melakukan koordinasi pelaksanaan kegiatan",
                    ],
                    "letter",
                    20,
                )
            )
            b.add(Para(f"{roles[1]} berkewajiban:"))
            b.add(
                *list_blocks(
                    [
                        "melaksanakan kegiatan sesuai dengan rencana kerja",
                        "menyampaikan laporan pelaksanaan kegiatan secara berkala",
                    ],
                    "letter",
                    20,
                )
            )
    elif art == "pembiayaan":
        b.article("Pembiayaan")
        src = []
        for q in parties:
            if q.kind in ("pemprov", "pemkab", "pemkot", "dprd"):
                src.append(
                    "Anggaran Pendapatan dan Belanja Daerah "
                    f"{q.region.name if q.region else ''}".strip()
                )
            elif q.kind in ("kementerian", "lembaga", "universitas"):
                src.append(f"Daftar Isian Pelaksanaan Anggaran {q.institution}")
            else:
                src.append(f"anggaran {q.institution}")
        b.ayat(
            [
                f"Biaya yang timbul sebagai akibat pelaksanaan {kw} ini dibebankan kepada "
                f"{' dan '.join(src)} serta sumber lain yang sah dan tidak mengikat sesuai "
                f"dengan ketentuan peraturan perundang-undangan."
            ]
        )
    elif art == "jangka":
        _duration_article(s)
    elif art == "monev":
        b.article("Monitoring dan Evaluasi")
        b.ayat(
            [
                "PARA PIHAK melakukan monitoring dan evaluasi atas pelaksanaan kerja sama "
                "paling sedikit 1 (satu) kali dalam 1 (satu) tahun.",
                "Hasil monitoring dan evaluasi digunakan sebagai bahan pertimbangan untuk "
                "perbaikan dan keberlanjutan kerja sama.",
            ]
        )
    elif art == "kahar":
        b.article("Keadaan Kahar")
        b.ayat(
            [
                "Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK yang "
                "meliputi bencana "
                "alam, wabah penyakit, kebakaran, huru-hara, dan kebijakan pemerintah.",
                "PIHAK yang mengalami keadaan kahar wajib memberitahukan secara "
                "tertulis kepada "
                "PIHAK lainnya paling lambat 14 (empat belas) hari kalender sejak "
                "terjadinya "
                "keadaan kahar.",
            ]
        )
    elif art == "korespondensi":
        b.article("Korespondensi")
        b.add(
            Para(
                "Setiap pemberitahuan dalam rangka pelaksanaan kerja sama ini disampaikan "
                "secara tertulis kepada alamat berikut:"
            )
        )
        for i, q in enumerate(parties):
            b.add(
                Para(
                    f"{roles[i]}: {q.institution}, {q.address}.",
                    marker=f"{'abc'[i]}.",
                    gap=1,
                )
            )
    elif art == "hak" and dtype == "NK":
        b.article("Hak dan Kewajiban")
        duties = [
            "menyediakan data, informasi, dan dokumen yang diperlukan",
            "menugaskan pejabat atau personel sebagai penghubung",
            "memfasilitasi sarana dan prasarana sesuai kemampuan",
            "melakukan koordinasi dan sinkronisasi program",
            "menjaga nama baik PIHAK lainnya",
        ]
        for k, role in enumerate(roles):
            b.add(Para(f"{role} berkewajiban:", marker=f"({k + 1})", marker_w=24))
            b.add(*list_blocks(rng.sample(duties, 3), "letter", 24))
    elif art == "tim":
        b.article("Tim Koordinasi")
        b.ayat(
            [
                f"Untuk kelancaran pelaksanaan {kw} ini, PARA PIHAK membentuk Tim "
                "Koordinasi "
                "yang keanggotaannya terdiri atas wakil dari masing-masing PIHAK.",
                "Tim Koordinasi sebagaimana dimaksud pada ayat (1) ditetapkan dengan "
                "keputusan "
                "bersama paling lambat 30 (tiga puluh) hari kerja sejak ditandatanganinya "
                f"{kw} ini.",
                "Tim Koordinasi bertugas menyusun rencana kerja, melaksanakan "
                "koordinasi, dan "
                "melaporkan hasil pelaksanaan kerja sama kepada pimpinan PARA PIHAK.",
            ]
        )
    elif art == "pelaporan":
        b.article("Pelaporan")
        b.ayat(
            [
                "PARA PIHAK menyampaikan laporan pelaksanaan kerja sama secara berkala "
                "setiap "
                "6 (enam) bulan kepada pimpinan masing-masing.",
                "Laporan akhir disampaikan paling lambat 3 (tiga) bulan setelah "
                "berakhirnya "
                "jangka waktu kerja sama, dengan tembusan kepada Menteri Dalam Negeri "
                "melalui "
                "Gubernur.",
            ]
        )
    elif art == "kerahasiaan":
        b.article("Kerahasiaan")
        b.ayat(
            [
                "PARA PIHAK wajib menjaga kerahasiaan data dan informasi yang "
                "diperoleh dalam "
                "pelaksanaan kerja sama ini.",
                "Data dan informasi sebagaimana dimaksud pada ayat (1) tidak boleh "
                "diberikan "
                "kepada pihak lain tanpa persetujuan tertulis dari PIHAK pemilik data, "
                "kecuali "
                "diwajibkan oleh ketentuan peraturan perundang-undangan.",
            ]
        )
    elif art == "hki":
        b.article("Hak Kekayaan Intelektual")
        b.ayat(
            [
                "Hak kekayaan intelektual yang timbul dari pelaksanaan kerja sama ini "
                "menjadi "
                "milik bersama PARA PIHAK, kecuali diperjanjikan lain.",
                "Pemanfaatan hak kekayaan intelektual sebagaimana dimaksud pada ayat "
                "(1) untuk "
                "tujuan komersial diatur dalam perjanjian tersendiri.",
            ]
        )
    elif art == "perubahan":
        b.article("Perubahan")
        b.ayat(
            [
                f"Hal-hal yang belum diatur atau perubahan dalam {kw} ini akan diatur "
                "kemudian "
                "oleh PARA PIHAK dalam bentuk adendum yang merupakan bagian tidak "
                "terpisahkan "
                f"dari {kw} ini."
            ]
        )


def articles(s: Draft) -> None:
    """The articles: Maksud dan Tujuan, Ruang Lingkup and the family's others, or an addendum's."""
    rng, b, kw = s.rng, s.b, s.kw
    dtype, amended_kind, fam, long_doc = s.dtype, s.amended_kind, s.fam, s.long_doc
    parties = s.parties
    parent_phrase = s.parent_phrase
    scope: list[str] = []
    purpose: str | None = None
    if dtype == "ADENDUM":
        if rng.random() < 0.7:
            purpose = _purpose_article(s)
        b.article("Perubahan")
        target = rng.randint(5, 8)
        b.ayat(
            [
                f"Ketentuan Pasal {target} {parent_phrase} "
                f"diubah sehingga berbunyi sebagaimana tercantum dalam Pasal {b.n + 1} Adendum ini."
            ]
        )
        _duration_article(s)
        b.article("Ketentuan Lain")
        b.ayat(
            [
                f"Ketentuan lain dalam {amended_kind} "
                f"yang tidak diubah dalam {kw} ini dinyatakan tetap berlaku dan mengikat PARA "
                "PIHAK."
            ]
        )
    else:
        purpose = _purpose_article(s)
        scope, style = write_scope(s)
        scope_article = b.n
        if fam.name != "ringkas" and style == "list" and (long_doc or rng.random() < 0.3):
            # a detailed article per scope item makes the long (7-10 page) agreements
            b.article("Rincian Kegiatan")
            ways = [
                "rapat koordinasi",
                "penyusunan rencana kerja tahunan",
                "pendampingan teknis",
                "pertukaran tenaga ahli",
                "pelatihan bersama",
                "kunjungan lapangan",
                "penyusunan laporan berkala",
            ]
            for k, item in enumerate(scope):
                mark = "abcdefghij"[k] if fam.scope_marker == "letter" else str(k + 1)
                where = "huruf" if fam.scope_marker == "letter" else "angka"
                w = rng.sample(ways, 3)
                b.add(
                    Para(
                        f"Kegiatan {item.lower()} sebagaimana dimaksud dalam Pasal "
                        f"{scope_article} {where} {mark} dilaksanakan melalui {w[0]}, {w[1]}, "
                        f"dan {w[2]}, dengan memperhatikan kewenangan masing-masing PIHAK dan "
                        "ketentuan peraturan perundang-undangan.",
                        marker=f"({k + 1})",
                        marker_w=24,
                    )
                )
        order = ["pelaksanaan", "pembiayaan", "jangka"]
        extras = list(fam.extras)
        rng.shuffle(extras)
        order += extras[: len(extras) if long_doc else rng.randint(len(extras) // 3, len(extras))]
        if rng.random() < 0.3:
            order.remove("jangka")
            order.append("jangka")
        for art in order:
            _optional_article(s, art)
    b.article("Penyelesaian Perselisihan")
    court = parties[-1].city
    b.ayat(
        [
            "Apabila terjadi perselisihan dalam pelaksanaan kerja sama ini, PARA PIHAK sepakat "
            "menyelesaikannya secara musyawarah untuk mufakat.",
            "Apabila musyawarah tidak mencapai mufakat, PARA PIHAK sepakat menyelesaikannya "
            "melalui "
            f"Pengadilan Negeri {court}.",
        ]
    )
    b.article("Penutup")
    copies = len(parties)
    b.ayat(
        [
            f"{kw} ini dibuat dalam rangkap {count_words(copies)} asli, masing-masing bermeterai "
            f"cukup dan mempunyai kekuatan hukum yang sama setelah ditandatangani oleh PARA PIHAK."
        ]
    )
    s.scope, s.purpose = scope, purpose
