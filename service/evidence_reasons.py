# ruff: noqa: E501  (one pattern and its words per line reads better than wrapped)
"""Evidence reasons as a reviewer reads them, in Bahasa Indonesia.

The extractor writes why it read a value as a short stable English phrase
(``rule``: "'Nomor' line of the heading block; weekday agrees"); that phrase is
part of the extraction contract, compared by the benchmark and kept in the
registry as read. Pages show it through here, part by part (``; `` joins the
parts); a part no pattern knows is shown as written rather than guessed at.
"""

from __future__ import annotations

import re

from service.indonesian import translate_phrase

_FORMS = {"words": "kata", "digits": "angka", "mixed": "campuran", "numeric": "angka"}
_ENDED = {
    "next article": "pasal berikutnya",
    "end of text": "akhir teks",
    "long body": "isi yang terlalu panjang",
    "signature block": "blok tanda tangan",
    "chapter": "bab",
    "closing": "penutup",
}
"""What closed an article's body (``Article.ended``)."""
_TAG = re.compile(r"^\[[a-z-]+\]\s*")
"""A calibration tag ('[name-cut]') before a note: for the model, not for the reviewer."""

_PARTS: tuple[tuple[str, str], ...] = (
    (r"type line of the heading: '(.+)' \(fuzzy\)", "baris jenis di kepala naskah: ‘{0}’ (mirip)"),
    (r"type line of the heading: '(.+)'", "baris jenis di kepala naskah: ‘{0}’"),
    (r"heading block from the type line through TENTANG", "blok kepala dari baris jenis sampai TENTANG"),
    (r"heading block from the type line \(no TENTANG line found\)", "blok kepala dari baris jenis (baris TENTANG tidak ditemukan)"),
    (r"'Nomor' line of the heading block", "baris ‘Nomor’ di blok kepala"),
    (r"parties clause of PIHAK (\w+)", "klausul para pihak, PIHAK {0}"),
    (r"institution from the heading \(no 'atas nama' in the clause\)", "instansi dari kepala naskah (tanpa ‘atas nama’ di klausul)"),
    (r"institution from the jabatan \(no 'atas nama', no heading\)", "instansi dari jabatan (tanpa ‘atas nama’, tanpa kepala naskah)"),
    (r"organ of the regional government from the jabatan", "perangkat daerah dari jabatan"),
    (r"heading spells out the clause's abbreviation", "kepala naskah menguraikan singkatan di klausul"),
    (r"heading only, no 'disebut PIHAK'", "hanya dari kepala naskah, tanpa ‘disebut PIHAK’"),
    (r"signatory from the signature block \(the clause gives none\)", "penandatangan dari blok tanda tangan (klausul tidak menyebutnya)"),
    (r"jabatan from the signature block \(the clause gives none\)", "jabatan dari blok tanda tangan (klausul tidak menyebutnya)"),
    (r"signature block of PIHAK (\w+): name", "blok tanda tangan PIHAK {0}: nama"),
    (r"signature block of PIHAK (\w+): jabatan", "blok tanda tangan PIHAK {0}: jabatan"),
    (r"opening sentence '(.+)', date in (\w+)", "kalimat pembuka ‘{0}’, tanggal dalam {1}"),
    (r"weekday agrees", "nama hari cocok"),
    (r"the year's words are cut by an unread word", "kata-kata tahun terputus oleh kata yang tak terbaca"),
    (r"year words go on past an unread word '(.+)'", "kata-kata tahun berlanjut melewati kata tak terbaca ‘{0}’"),
    (r"the weekday '(.+)' reads the lost year word: (\d+)", "nama hari ‘{0}’ menentukan kata tahun yang hilang: {1}"),
    (r"looks cut: ends on a connective", "tampak terpotong: berakhir pada kata sambung"),
    (r"looks cut: one party only after ANTARA", "tampak terpotong: hanya satu pihak setelah ANTARA"),
    (r"looks cut: a short fragment ends the name", "tampak terpotong: nama berakhir dengan penggalan pendek"),
    (r"runs into page furniture", "tercampur teks kepala/kaki halaman"),
    (r"runs into another labelled row", "tercampur baris berlabel lain (mis. ‘Alamat :’)"),
    (r"an item runs into a paraf box or page count", "ada butir yang tercampur kotak paraf atau nomor halaman"),
    (r"an item ends on a connective", "ada butir yang berakhir pada kata sambung"),
    (r"two items run together", "dua butir tergabung menjadi satu"),
    (r"an item holds a word OCR split in two", "ada butir dengan kata yang terbelah oleh OCR"),
    (r"a number breaks the number grammar", "ada nomor yang menyalahi tata nomor naskah"),
    (r"a school code reads a letter for its number", "kode sekolah dalam nomor terbaca huruf di tempat nomor sekolahnya"),
    (r"a number has a look-alike reading undecided", "ada nomor dengan huruf/angka mirip yang belum dapat dipastikan"),
    (r"a party is missing: the roles skip an ordinal", "ada pihak yang hilang: urutan PIHAK melompat"),
    (r"the institution runs into the heading", "nama instansi tercampur judul naskah"),
    (r"a party has no signatory", "ada pihak tanpa nama penandatangan"),
    (r"a regional government whose region is unknown", "pemerintah daerah yang wilayahnya tidak dikenali"),
    (r"weekday disagrees", "nama hari tidak cocok"),
    (r"dated title block 'Tanggal :'", "blok judul bertanggal ‘Tanggal :’"),
    (r"place and date line above the signatures", "baris tempat dan tanggal di atas tanda tangan"),
    (r"'bertempat di' in the opening", "‘bertempat di’ di pembukaan"),
    (r"'di <place>' right after the signing date", "‘di <tempat>’ tepat setelah tanggal penandatanganan"),
    (r"'ditandatangani \.\.\. di' names the place", "‘ditandatangani … di’ menyebut tempatnya"),
    (r"term phrase \((\d+) context points\)", "frasa jangka waktu ({0} petunjuk konteks)"),
    (r"term runs from the signing date", "berlaku sejak tanggal penandatanganan"),
    (r"computed: start \+ term - 1 day", "dihitung: tanggal mulai + jangka waktu − 1 hari"),
    (r"article '(.+)' \(list\)", "pasal ‘{0}’ (daftar)"),
    (r"article '(.+)' \(sentence\)", "pasal ‘{0}’ (kalimat)"),
    (r"article '(.+)' \(maksud/tujuan sentences\)", "pasal ‘{0}’ (kalimat maksud/tujuan)"),
    (r"article '(.+)' \(body\)", "pasal ‘{0}’ (isi pasal)"),
    (r"empty scope article", "pasal ruang lingkup kosong"),
    (r"addendum heading names the amended agreement", "kepala adendum menyebut perjanjian yang diubah"),
    (r"agreement cited as basis", "perjanjian yang dirujuk sebagai dasar"),
    (r"agreement cited in the text", "perjanjian yang disebut di teks"),
    (r"'(.+)' before the name read as stamp/signature debris", "‘{0}’ sebelum nama dianggap sisa cap/tanda tangan"),
    (r"'(.+)' after the name read as stamp/signature debris", "‘{0}’ setelah nama dianggap sisa cap/tanda tangan"),
    (r"'(.+)' is too short for a name \(cut by a stamp or the scan\?\)", "‘{0}’ terlalu pendek untuk nama (terpotong cap atau pindaian?)"),
    (r"unread number fill: read '(.+)', which holds no number \(handwriting\?\)", "isian nomor tak terbaca: terbaca ‘{0}’, tanpa nomor di dalamnya (tulisan tangan?)"),
    (r"unread number fill: read '(.+)' with word confidence ([\d.]+)", "isian nomor tak terbaca: terbaca ‘{0}’ dengan keyakinan kata {1}"),
    (r"unread number fill: '(.+)', second look read (.+): no two readings agree \(handwriting\?\)", "isian nomor tak terbaca: ‘{0}’, baca ulang membaca {1}: tidak ada dua bacaan yang sama (tulisan tangan?)"),
    (r"unread number fill: '(.+)', (.+)", "isian nomor tak terbaca: ‘{0}’, {1}"),
    (r"unread number fill: (.+)", "isian nomor tak terbaca: {0}"),
    (r"low word confidence ([\d.]+): the second look decides", "keyakinan kata rendah {0}: baca ulang yang memutuskan"),
    (r"end: (.+)", "berakhir pada: {0}"),
    (r"article end not found \((.+)\)", "akhir pasal tidak ditemukan ({0})"),
    (r"start date written in the text", "tanggal mulai tertulis di teks"),
    (r"end date written in the text", "tanggal berakhir tertulis di teks"),
    (r"sign block '(.+) di' above the signatures", "blok ‘{0} di’ di atas tanda tangan"),
    (r"sign block '(.+) di \.\.\. pada tanggal' above the signatures", "blok ‘{0} di … pada tanggal’ di atas tanda tangan"),
    (r"signature block of PIHAK (\w+): name slot", "blok tanda tangan PIHAK {0}: tempat nama"),
    (r"dotted number blank: a dotted blank: no number typed on this copy \(one written by pen is not seen\)", "isian nomor bertitik: tidak ada nomor yang diketik pada salinan ini (nomor tulisan tangan tidak terbaca)"),
    (r"month '(.+)' taken as Roman '(.+)' \(the signing month\)", "bulan ‘{0}’ dibaca Romawi ‘{1}’ (bulan penandatanganan)"),
    (r"crosscheck: agree \((.+)\)", "periksa silang: sama dengan cetakan lain ({0})"),
    (r"crosscheck: printed differently elsewhere, readings disagree \((.+)\)", "periksa silang: tercetak berbeda di tempat lain, bacaan tidak cocok ({0})"),
    (r"crosscheck: look-alike printings disagree \((.+)\)", "periksa silang: cetakan dengan huruf mirip tidak cocok ({0})"),
    (r"crosscheck: kept \((.+)", "periksa silang: bacaan dipertahankan ({0}"),
    (r"crosscheck: '(.+)' -> '(.+)' \((.+)", "periksa silang: ‘{0}’ → ‘{1}’ ({2}"),
    (r"cited number read '(.+)'", "nomor yang dirujuk terbaca ‘{0}’"),
    (r"OCR look-alikes repaired: '(.+)' read as (\d+)", "huruf yang mirip angka diperbaiki: ‘{0}’ dibaca {1}"),
    (r"read '(.+)'", "terbaca ‘{0}’"),
    (r"'\|' read for '/'", "‘/’ terbaca sebagai ‘|’"),
    (r"year '(.+)' read as (\d+)", "tahun ‘{0}’ dibaca {1}"),
    (r"month '(.+)' taken as Roman (\w+), the signing month", "bulan ‘{0}’ dibaca Romawi {1}, bulan penandatanganan"),
    (r"segment '(.+)' read as Roman (\w+)", "segmen ‘{0}’ dibaca Romawi {1}"),
    (r"'(.+)': the signing month (\w+) glued to '(.+)'", "‘{0}’: bulan penandatanganan {1} menempel pada ‘{2}’"),
    (r"'O' read for 0 in a serial", "angka 0 pada nomor urut terbaca sebagai huruf ‘O’"),
    (r"'l' read for '/' between digits", "‘/’ di antara angka terbaca sebagai ‘l’"),
    (r"prefix '(.+)' as 'B'", "awalan ‘{0}’ dibaca ‘B’"),
    (r"'I' read for the school's number 1", "angka 1 nomor sekolah terbaca sebagai ‘I’"),
    (r"second look read (.+): no two readings agree \(handwriting\?\)", "baca ulang membaca {0}: tidak ada dua bacaan yang sama (tulisan tangan?)"),
    (r"second look: the crop reads with no confidence", "baca ulang: potongan terbaca tanpa keyakinan"),
    (r"second look: the line reads with no confidence \(handwriting or a stamp\?\)", "baca ulang: baris terbaca tanpa keyakinan (tulisan tangan atau cap?)"),
    (r"second look read (.+): confirmed", "baca ulang membaca {0}: dikonfirmasi"),
    (r"second look read (.+)", "baca ulang membaca {0}"),
    (r"second look: '(.+)' -> '(.+)' \((.+)\); read (.+)", "baca ulang: ‘{0}’ → ‘{1}’ ({2}); terbaca {3}"),
    (r"no reading fits the number grammar", "tidak ada bacaan yang sesuai tata nomor"),
    (r"readings disagree: (.+)", "bacaan berbeda: {0}"),
    (r"'(.+)' fits the grammar but nothing backs it", "‘{0}’ sesuai tata nomor tetapi tanpa dukungan"),
    (r"'(.+)' or '(.+)': look-alike characters, the grammar allows both", "‘{0}’ atau ‘{1}’: huruf mirip, tata nomor membolehkan keduanya"),
    (r"dipelajari dari koreksi #(\d+) \(keyakinan ([\d,]+)\)", "dipelajari dari koreksi #{0} (keyakinan {1})"),
)  # fmt: skip


def _part(text: str) -> str:
    return translate_phrase(_PARTS, _TAG.sub("", text), lambda g: _FORMS.get(g, _ENDED.get(g, g)))


def evidence_reason(rule: str | None) -> str:
    """``"'Nomor' line of the heading block"`` -> ``"baris ‘Nomor’ di blok kepala"``."""
    if not rule:
        return ""
    return "; ".join(_part(p.strip()) for p in rule.split("; ") if p.strip())
