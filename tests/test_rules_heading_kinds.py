"""Amendment openers, bilingual and English-only headings: type, title and parent."""

from __future__ import annotations

from extractor.rules.doctype import find_doc_type
from extractor.rules.heading import find_heading, type_of_line
from extractor.rules.heading_kinds import amendment_opener, opener_only, reads_english
from extractor.rules.parent import HEADING_ONLY, find_parent
from extractor.rules.title import find_title
from extractor.text import DocText

OPENING = (
    "Pada hari ini Senin tanggal satu bulan Juli tahun dua ribu dua puluh empat, yang "
    "bertanda tangan di bawah ini:"
)
PARTIES = "ANTARA\nPEMERINTAH KABUPATEN LEMBAH HIJAU\nDAN\nPT SARANA AIR MAKMUR\n"


def _read(heading: str) -> tuple[str, str | None, str | None, float]:
    text = DocText.from_string(heading + "\n" + OPENING)
    found = find_heading(text)
    doc_type = find_doc_type(text, found)
    title = find_title(text, found)
    parent = find_parent(text, doc_type.value, found, title.value)
    return doc_type.value, title.value, parent.value, parent.confidence


def test_amendment_openers_before_the_amended_agreement() -> None:
    for opener in ("PERUBAHAN PERTAMA ATAS", "ADENDUM KEDUA\nATAS", "AMANDEMEN I\nATAS"):
        kind, title, parent, conf = _read(
            f"{opener}\nPERJANJIAN KERJA SAMA\n{PARTIES}TENTANG\nPENGELOLAAN AIR MINUM"
        )
        assert kind == "ADENDUM", opener
        assert title is not None and title.startswith(opener.replace("\n", " ")), opener
        assert title.endswith("PT SARANA AIR MAKMUR TENTANG PENGELOLAAN AIR MINUM")
        assert parent == (
            "PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN LEMBAH HIJAU DAN PT SARANA AIR "
            "MAKMUR TENTANG PENGELOLAAN AIR MINUM"
        )
        assert conf >= 0.8


def test_adendum_without_atas_names_its_parent_less_surely() -> None:
    kind, _, parent, conf = _read(
        f"ADENDUM\nPERJANJIAN KERJA SAMA\n{PARTIES}TENTANG\nPENGELOLAAN AIR MINUM"
    )
    assert kind == "ADENDUM"
    assert parent is not None and parent.startswith("PERJANJIAN KERJA SAMA ANTARA")
    assert conf == HEADING_ONLY


def test_english_amendment_and_english_only_headings() -> None:
    kind, title, parent, _ = _read(
        "FIRST AMENDMENT TO\nCOOPERATION AGREEMENT\nBETWEEN\nUNIVERSITAS TEKNIK RAYA\nAND\n"
        "NATIONAL UNIVERSITY OF SINGAPURA\nON\nSTUDENT EXCHANGE"
    )
    assert kind == "ADENDUM"
    assert title == (
        "FIRST AMENDMENT TO COOPERATION AGREEMENT BETWEEN UNIVERSITAS TEKNIK RAYA AND "
        "NATIONAL UNIVERSITY OF SINGAPURA ON STUDENT EXCHANGE"
    )
    assert parent is not None and parent.startswith("COOPERATION AGREEMENT BETWEEN")
    kind, title, _, _ = _read(
        "JOINT AGREEMENT\nBETWEEN\nUNIVERSITAS TEKNIK RAYA\nAND\nKYOTO INSTITUTE OF DESIGN\n"
        "ON\nACADEMIC COOPERATION"
    )
    assert kind == "NK"
    assert title is not None and title.endswith("KYOTO INSTITUTE OF DESIGN ON ACADEMIC COOPERATION")
    kind, _, _, _ = _read(
        f"AMENDED AND RESTATED\nMEMORANDUM OF UNDERSTANDING\n{PARTIES}TENTANG\nAIR MINUM"
    )
    assert kind == "ADENDUM"


def test_bilingual_heading_keeps_the_indonesian_lines_and_untranslated_party_names() -> None:
    kind, title, _, _ = _read(
        "PERJANJIAN KERJA SAMA\nCOOPERATION AGREEMENT\nANTARA\nBETWEEN\nUNIVERSITAS TEKNIK RAYA\n"
        "DAN\nAND\nTHE UNIVERSITY OF NORTH HAMPTON\nTENTANG\nON\nPERTUKARAN MAHASISWA\n"
        "STUDENT EXCHANGE"
    )
    assert kind == "PKS"
    assert title == (
        "PERJANJIAN KERJA SAMA ANTARA UNIVERSITAS TEKNIK RAYA DAN THE UNIVERSITY OF NORTH "
        "HAMPTON TENTANG PERTUKARAN MAHASISWA"
    )


def test_opener_shapes() -> None:
    assert amendment_opener("PERUBAHAN KEDUA ATAS NOTA KESEPAHAMAN") == "PERUBAHAN KEDUA ATAS"
    assert amendment_opener("ADDENDUM (II)") == "ADDENDUM (II)"
    assert amendment_opener("SECOND AMENDMENT TO") == "SECOND AMENDMENT TO"
    assert amendment_opener("PERUBAHAN IKLIM") is None  # a topic, not an amendment
    assert opener_only("ADENDUM PERTAMA") and opener_only("ATAS")
    assert not opener_only("PERJANJIAN KERJA SAMA")
    assert type_of_line("PERUBAHAN PERTAMA ATAS") == ("ADENDUM", "PERUBAHAN PERTAMA ATAS")
    assert reads_english("STUDENT EXCHANGE", bilingual=True)
    assert not reads_english("PERTUKARAN MAHASISWA", bilingual=True)
