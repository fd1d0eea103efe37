"""Page furniture: page numbers, paraf boxes, running headers and letterhead footers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.rules.furniture import find_furniture, strip_glued, wording
from extractor.rules.scope import find_scope
from extractor.text import DocText
from models import Box, Document, Line, Page

A4 = (595.0, 842.0)


@pytest.mark.parametrize(
    "line",
    [
        "- 4 -",
        "Halaman 3 dari 7",
        "Hal. 3/7",
        "Page 2 of 9",
        "3 dari 7",
        "12",
        "Paraf",
        "PARAF PIHAK KESATU PIHAK KEDUA",
        "Dipindai dengan CamScanner",
    ],
)
def test_furniture_by_its_wording(line: str) -> None:
    assert wording(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "b. pertukaran data dan informasi pembangunan daerah;",
        "PIHAK KESATU menyediakan tenaga pendamping desa.",
        "Pasal 3",
        "RUANG LINGKUP",
        "Rp 15.000.000 (lima belas juta rupiah)",
    ],
)
def test_agreement_text_is_not_furniture(line: str) -> None:
    assert wording(line) is None


_FOOTERS = st.builds(
    lambda form, i, n: form.format(i=i, n=n),
    st.sampled_from(
        [
            "Halaman {i} dari {n}",
            "{i} dari {n}",
            "- {i} -",
            "PARAF PIHAK KESATU PIHAK KEDUA {i} dari {n}",
            "Paraf Pihak I Pihak II",
            "hal. {i} dari {n}",
            "PIHAK KESATU PIHAK KEDUA {i} dari {n}",
            "| PIHAK I | PIHAK II |",
        ]
    ),
    st.integers(1, 40),
    st.integers(1, 40),
)
_ITEMS = st.sampled_from(
    [
        "peliputan kegiatan pemerintahan daerah; dan",
        "pengembangan sistem informasi kepegawaian yang terintegrasi;",
        "PIHAK KEDUA menyediakan tenaga ahli",
    ]
)


@given(_ITEMS, _FOOTERS)
def test_furniture_glued_to_an_item_is_cut_and_nothing_else(item: str, footer: str) -> None:
    assert strip_glued(f"{item} {footer}") == (item, True)
    assert strip_glued(item) == (item, False)


@given(_ITEMS, st.integers(1, 40), st.integers(1, 40))
def test_a_page_count_read_before_the_next_line_is_cut(item: str, i: int, n: int) -> None:
    assert strip_glued(f"{i} dari {n} c. {item}") == (f"c. {item}", True)
    assert strip_glued(f"{i} dari {n} orang {item}") == (f"{i} dari {n} orang {item}", False)


def test_sentences_naming_the_parties_keep_their_ends() -> None:
    for line in (
        "pertukaran data antara PIHAK KESATU dan PIHAK KEDUA;",
        "laporan disampaikan kepada PARA PIHAK setiap 3 (tiga) bulan",
        "penyelenggaraan ujian bagi 30 dari 45 peserta pelatihan",
    ):
        assert strip_glued(line) == (line, False)


def _line(text: str, top: float, height: float = 12.0, x0: float = 72.0) -> Line:
    return Line(text=text, box=Box(x0=x0, top=top, x1=x0 + 6 * len(text), bottom=top + height))


def _page(number: int, lines: list[Line]) -> Page:
    return Page(number=number, width=A4[0], height=A4[1], method="text", lines=lines)


def _document(pages: list[Page]) -> Document:
    return Document(file="kb.pdf", sha256="0" * 64, mime="application/pdf", size=1, pages=pages)


def _furnished(number: int, total: int, body: list[str]) -> Page:
    """A page as a kabupaten prints it: running title, body, paraf box, page x of y,
    the letterhead's address and telephone at the foot."""
    lines = []
    if number > 1:
        lines.append(_line("Kesepakatan Bersama Pemerintah Kabupaten Garut dan PT Jaya", 24, 8))
    lines += [_line(text, 90 + 16 * k) for k, text in enumerate(body)]
    if number < total:
        lines.append(_line("PARAF", 752, 7, 430))
        lines.append(_line("PIHAK KESATU PIHAK KEDUA", 764, 6, 420))
        lines.append(_line(f"{number} dari {total}", 770, 9, 360))
    lines.append(_line("Jalan Pembangunan No. 181 Garut Telp. (0262) 232512", 812, 7))
    return _page(number, lines)


def test_furniture_from_position_and_repetition_over_pages() -> None:
    doc = _document(
        [
            _furnished(1, 3, ["KESEPAKATAN BERSAMA", "Pada hari ini Senin tanggal dua"]),
            _furnished(2, 3, ["Pasal 2", "OBJEK KERJA SAMA", "PIHAK KESATU menyediakan lahan"]),
            _furnished(3, 3, ["PIHAK KESATU PIHAK KEDUA", "BUPATI GARUT, DIREKTUR,"]),
        ]
    )
    text = DocText.from_document(doc)
    furniture = find_furniture(text)
    lines = text.text.split("\n")
    flagged = {lines[i] for i in furniture.lines}
    assert "Kesepakatan Bersama Pemerintah Kabupaten Garut dan PT Jaya" in flagged
    assert "PARAF" in flagged and "2 dari 3" in flagged
    assert "Jalan Pembangunan No. 181 Garut Telp. (0262) 232512" in flagged
    kept = [ln for i, ln in enumerate(lines) if i not in furniture]
    # the signature heading on the last page and the body stay; the paraf cells go
    assert kept.count("PIHAK KESATU PIHAK KEDUA") == 1
    assert "PIHAK KESATU menyediakan lahan" in kept and "OBJEK KERJA SAMA" in kept


def test_a_body_line_at_the_top_of_a_page_mentioning_e_mail_is_kept() -> None:
    body = ["c. penyediaan layanan e-mail dinas bagi aparatur desa;", "d. pelatihan operator."]
    doc = _document(
        [
            _page(
                1,
                [
                    _line(f"baris {k} dari naskah perjanjian kerja sama", 90 + 16 * k)
                    for k in range(30)
                ],
            ),
            _page(2, [_line(text, 62 + 16 * k) for k, text in enumerate(body)]),
        ]
    )
    text = DocText.from_document(doc)
    furniture = find_furniture(text)
    lines = text.text.split("\n")
    assert not {lines[i] for i in furniture.lines} & set(body)


def test_sentence_items_run_over_a_furnished_page_break() -> None:
    doc = _document(
        [
            _furnished(
                1,
                2,
                [
                    "Pasal 3",
                    "OBJEK KERJA SAMA",
                    "PIHAK KESATU menyediakan lahan seluas 2 (dua) hektare untuk",
                    "pembangunan pasar rakyat.",
                    "PIHAK KEDUA melaksanakan pembangunan los pasar dan fasilitas",
                ],
            ),
            _furnished(
                2,
                2,
                [
                    "penunjangnya sesuai rencana teknis.",
                    "PARA PIHAK bersama-sama melakukan pengelolaan pasar.",
                    "Pasal 4",
                    "JANGKA WAKTU",
                    "Perjanjian ini berlaku selama 5 (lima) tahun.",
                ],
            ),
        ]
    )
    finding = find_scope(DocText.from_document(doc))
    assert finding.value == [
        "PIHAK KESATU menyediakan lahan seluas 2 (dua) hektare untuk pembangunan pasar rakyat",
        "PIHAK KEDUA melaksanakan pembangunan los pasar dan fasilitas penunjangnya sesuai "
        "rencana teknis",
        "PARA PIHAK bersama-sama melakukan pengelolaan pasar",
    ]
    rule = finding.evidence[0].rule or ""
    assert "(sentences)" in rule and "furniture dropped: 5 lines" in rule
