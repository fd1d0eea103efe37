"""A signature row of three cells read as one line, cut back into its cells.

Long names with their titles set to fill their cells leave a few points to the
next cell; the text layer and Tesseract then read the row as one line. The
pages are made here (reportlab for the text layer, PIL for a scan read by the
real Tesseract), with the wording of a grid of a province and its kabupaten.
"""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont
from reportlab.pdfgen.canvas import Canvas

from extractor.ingest import read_document
from extractor.rules.names import clean_jabatan, clean_signatory
from extractor.rules.ordinals import ordinal_words
from extractor.rules.parties import find_parties
from extractor.rules.party_clause import ClauseDraft, parse_paragraph
from extractor.rules.sigblock import signature_cells
from extractor.rules.sigpairing import read_cell_name
from extractor.rules.sigsplit import Piece, column_centres, split_at_columns, split_row_line
from extractor.text import DocText
from models import Box, Word

W, H = 595.0, 842.0
NAMES = [
    "Dr. Hj. BUDI FITRI, M.Eng., IPM",
    "Dr. Ir. H. KARTIKA TUASIKAL, M.Kes., Sp.KG",
    "I GUSTI NGURAH NYOMAN PURNOMO, M.Kes.",
]
JOBS = ["GUBERNUR JAMBI", "BUPATI KERINCI", "WALI KOTA SUNGAI PENUH"]
REGIONS = ["Provinsi Jambi", "Kabupaten Kerinci", "Kota Sungai Penuh"]


def _clause() -> list[str]:
    lines = [
        "KESEPAKATAN BERSAMA",
        "TENTANG",
        "PENYEDIAAN AIR MINUM LINTAS DAERAH",
        "Pada hari ini Senin tanggal 6 April 2020 yang bertanda tangan di bawah ini:",
    ]
    for k, (name, job, region) in enumerate(zip(NAMES, JOBS, REGIONS, strict=True), start=1):
        lines += [
            f"{k}. {name} : {job.title()}, dalam hal ini bertindak untuk dan atas nama",
            f"Pemerintah {region}, selanjutnya disebut PIHAK {ordinal_words(k)}.",
        ]
    lines.append("Demikian Kesepakatan Bersama ini dibuat dalam rangkap 3 (tiga) bermeterai cukup.")
    return lines


def _grid_pdf() -> bytes:
    """Three cells 8 points apart; each name set as large as its cell allows."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=(W, H))
    y = 60.0
    for line in _clause():
        c.setFont("Times-Roman", 10)
        c.drawString(70, H - y, line)
        y += 14
    colw = (W - 140) / 3 - 8
    for k, (name, job) in enumerate(zip(NAMES, JOBS, strict=True)):
        mid = 70 + k * (colw + 8) + colw / 2
        c.setFont("Times-Roman", 10.5)
        c.drawCentredString(mid, H - 300, f"PIHAK {ordinal_words(k + 1)},")
        c.drawCentredString(mid, H - 314, f"{job},")
        size = 10.5
        while c.stringWidth(name, "Times-Bold", size) > colw + 4:
            size -= 0.5
        c.setFont("Times-Bold", size)
        c.drawCentredString(mid, H - 390, name)
    c.showPage()
    c.save()
    return out.getvalue()


def test_names_of_a_row_read_as_one_line_are_cut_into_their_cells() -> None:
    text = DocText.from_document(read_document(_grid_pdf(), name="kb.pdf"))
    row = [ln for ln in text.text.split("\n") if "FITRI" in ln and "KARTIKA" in ln]
    assert row, "the text layer reads the row of names as one line (what is tested)"
    cells = [c for c in signature_cells(text) if c.label]
    assert [read_cell_name(c).value for c in cells] == NAMES
    parties = find_parties(text).value
    assert [p.signatory for p in parties] == NAMES


def _scan_of_row() -> bytes:
    dpi = 200
    page = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 24)
    y = 160
    for line in _clause():
        draw.text((150, y), line[:95], fill=0, font=font)
        y += 46
    colw = (page.width - 300) / 3 - 22
    for k, (name, job) in enumerate(zip(NAMES, JOBS, strict=True)):
        mid = 150 + k * (colw + 22) + colw / 2
        for j, label in enumerate((f"PIHAK {ordinal_words(k + 1)},", f"{job},")):
            w = draw.textlength(label, font=font)
            draw.text((mid - w / 2, y + 120 + 44 * j), label, fill=0, font=font)
        size = 28
        bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", size)
        while draw.textlength(name, font=bold) > colw + 8:
            size -= 1
            bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", size)
        w = draw.textlength(name, font=bold)
        draw.text((mid - w / 2, y + 420), name, fill=0, font=bold)
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=dpi)
    return out.getvalue()


def test_a_scanned_row_of_names_is_cut_into_its_cells_by_tesseract_boxes() -> None:
    text = DocText.from_document(read_document(_scan_of_row(), name="kb-scan.pdf"))
    cells = [c for c in signature_cells(text) if c.label]
    names = [read_cell_name(c).value or "" for c in cells]
    assert len(names) == 3
    for got, want in zip(names, ["FITRI", "KARTIKA", "PURNOMO"], strict=True):
        assert want in got.upper()
        assert not any(other in got.upper() for other in {"FITRI", "KARTIKA", "PURNOMO"} - {want})


def _word(text: str, x0: float, x1: float, height: float = 10.0) -> Word:
    return Word(text=text, box=Box(x0=x0, top=100, x1=x1, bottom=100 + height))


def test_a_wide_gap_cuts_a_line_and_a_space_does_not() -> None:
    words = [_word("GUBERNUR", 80, 130), _word("JAMBI,", 133, 165), _word("BUPATI", 230, 270)]
    pieces = split_row_line(
        "GUBERNUR JAMBI, BUPATI", Box(x0=80, top=100, x1=270, bottom=110), 40, words
    )
    assert [p.text for p in pieces] == ["GUBERNUR JAMBI,", "BUPATI"]
    assert [(p.start, p.end) for p in pieces] == [(40, 55), (56, 62)]


def test_the_wide_jabatan_of_a_witness_is_not_cut_between_columns() -> None:
    line = "Kepala Biro Pemerintahan dan Otonomi Daerah Provinsi Jambi"
    xs, words, x = [], [], 150.0
    for token in line.split():
        words.append(_word(token, x, x + 6 * len(token)))
        xs.append(x)
        x += 6 * len(token) + 3
    spans = []
    at = 0
    for w in words:
        spans.append((w, at, at + len(w.text)))
        at += len(w.text) + 1
    piece = Piece(line, Box(x0=150, top=100, x1=x, bottom=110), 0, len(line), 1, tuple(spans))
    assert split_at_columns(piece, [155.0, 305.0, 455.0]) == [piece]


def test_column_centres_come_from_lines_printed_twice_or_more() -> None:
    def narrow(text: str, mid: float) -> Piece:
        return Piece(text, Box(x0=mid - 30, top=0, x1=mid + 30, bottom=10), 0, len(text))

    pieces = [narrow("PIHAK KESATU,", 150), narrow("GUBERNUR", 152), narrow("PIHAK KEDUA", 300)]
    pieces += [narrow("BUPATI KERINCI", 298), narrow("Halaman 5 dari 5", 450)]
    assert column_centres(pieces, 595.0) == [151.0, 299.0]


# --- the name grammar and the clause rows, with what OCR makes of them

BALI = ("Wayan", "Made", "Nyoman", "Ketut", "Gede", "Putu", "Komang", "Kadek")


@given(
    st.sampled_from(BALI),
    st.sampled_from(("Sudarma", "Astawa", "Suardana", "Wirawan")),
    st.booleans(),
)
def test_balinese_i_glued_to_the_next_word_is_two_words(
    first: str, family: str, upper: bool
) -> None:
    name = f"I {first} {family}, S.T."
    if upper:
        name = name.upper().replace("S.T.", "S.T.")
    glued = name.replace("I ", "I", 1)
    assert clean_signatory(glued).value == name
    assert clean_signatory(name).value == name


def test_ida_and_indah_are_names_not_glued_words() -> None:
    assert clean_signatory("Ida Bagus Oka").value == "Ida Bagus Oka"
    assert clean_signatory("INDAH PERMATASARI").value == "INDAH PERMATASARI"


@given(
    st.from_regex(
        r"19[6-9][0-9](0[1-9]|1[0-2])(0[1-9]|[12][0-9])(19[89][0-9]|20[01][0-9])(0[1-9]|1[0-2])[12][0-9]{3}",
        fullmatch=True,
    )
)
def test_a_nip_read_into_the_jabatan_is_cut_with_a_tag(nip: str) -> None:
    cleaned = clean_jabatan(f"{nip} 1: Sekretaris Daerah Kabupaten Konawe")
    assert cleaned.value == "Sekretaris Daerah Kabupaten Konawe"
    assert cleaned.doubtful and "[jabatan-debris]" in cleaned.notes[0]


def test_a_page_footer_after_the_jabatan_is_cut_and_a_school_number_is_kept() -> None:
    assert clean_jabatan("Bupati Seluma Halaman 2 dari 7").value == "Bupati Seluma"
    assert clean_jabatan("Bupati Garut - 3 -").value == "Bupati Garut"
    assert clean_jabatan("Kepala SMK Negeri 1").value == "Kepala SMK Negeri 1"
    assert clean_jabatan("Kepala SMK Negeri 1").notes == []


def test_the_colon_of_the_name_row_read_on_the_next_line() -> None:
    para = (
        "1. Nama\n! H. Haris Harahap, S.H., CA.\nJabatan : Gubernur Sulawesi Tenggara\n"
        "Alamat : Jalan Pahlawan Nomor 153, Sulawesi Tenggara\n"
        "Dalam hal ini bertindak untuk dan atas nama Pemerintah Provinsi Sulawesi Tenggara,"
    )
    draft = ClauseDraft(1, "PERTAMA", para, 0, len(para))
    parse_paragraph(draft)
    assert draft.signatory == "H. Haris Harahap, S.H., CA."
    assert draft.title == "Gubernur Sulawesi Tenggara"
