"""The second look at signatories: the name line under the stamp read again.

Real Tesseract over a scanned page made here (the parties clause loses a name,
the signature block prints it); the choice rule over readings as Tesseract
gives them ("DR. SU" cut by a stamp, a line lost under ink, readings that
disagree).
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from extractor.fields import extract_fields
from extractor.ingest import read_document
from extractor.ocr.engine import LineReading
from extractor.secondlook import second_look
from extractor.secondlook_names import decide_jabatan, decide_name, name_fits
from models import Settings

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
CLAUSE = [
    "PERJANJIAN KERJA SAMA",
    "ANTARA",
    "PT. WIRA TEKNOLOGI INDONESIA",
    "DAN",
    "PEMERINTAH KABUPATEN SUKABUMI",
    "Pada hari ini Senin tanggal tujuh bulan Desember tahun dua ribu dua puluh dua,",
    "yang bertanda tangan di bawah ini:",
    "1. BUDI HARTONO : Direktur PT. Wira Teknologi Indonesia, dalam hal ini",
    "bertindak untuk dan atas nama PT. Wira Teknologi Indonesia, selanjutnya",
    "disebut PIHAK KESATU.",
    "2. Bupati Sukabumi, dalam hal ini bertindak untuk dan atas nama",
    "Pemerintah Kabupaten Sukabumi, selanjutnya disebut PIHAK KEDUA.",
    "Demikian Perjanjian Kerja Sama ini dibuat dalam rangkap 2 (dua) bermeterai cukup.",
]


def _scan() -> bytes:
    dpi = 200
    page = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(page)
    font, bold = ImageFont.truetype(FONT, 26), ImageFont.truetype(BOLD, 28)
    y = 160
    for line in CLAUSE:
        draw.text((150, y), line, fill=0, font=font)
        y += 52
    y += 120
    for x, lines in (
        (420, ["PIHAK KESATU,", "Direktur"]),
        (1230, ["PIHAK KEDUA,", "Bupati Sukabumi"]),
    ):
        for k, text in enumerate(lines):
            w = draw.textlength(text, font=font)
            draw.text((x - w / 2, y + 50 * k), text, fill=0, font=font)
    y += 330
    for x, name in ((420, "BUDI HARTONO"), (1230, "Drs. H. MARWAN HAMAMI, M.M.")):
        w = draw.textlength(name, font=bold)
        draw.text((x - w / 2, y), name, fill=0, font=bold)
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=dpi)
    return out.getvalue()


def test_a_name_only_the_block_prints_is_re_read_and_confirmed() -> None:
    document = read_document(_scan(), name="scan.pdf")
    extraction = extract_fields(document)
    second = extraction.parties[1]
    assert second.signatory == "Drs. H. MARWAN HAMAMI, M.M."  # from the signature block
    before = extraction.confidence["parties"]
    assert before < 0.9
    extraction, looks = second_look(document, extraction, Settings())
    names = looks[1]
    assert names.name == "parties" and names.seconds > 0
    rules = [e.rule or "" for e in extraction.evidence["parties"]]
    assert any("PIHAK KEDUA: name; second look read" in r and "confirmed" in r for r in rules)
    assert extraction.parties[1].signatory == "Drs. H. MARWAN HAMAMI, M.M."


def _readings(*texts: str, conf: float = 0.9) -> list[LineReading]:
    return [LineReading(text=t, conf=conf) for t in texts]


def test_a_name_cut_after_its_first_title_is_completed_when_two_readings_agree() -> None:
    d = decide_name("DR. SU", _readings("Dr. SUTRISNO, M.Si", "Dr. SUTRISNO, M.Si", "DR SU"), 0.6)
    assert d.changed and d.value == "Dr. SUTRISNO, M.Si"
    assert "'DR. SU' -> 'Dr. SUTRISNO, M.Si'" in d.rule and "cut" in d.rule


def test_one_reading_alone_does_not_replace_a_name() -> None:
    d = decide_name("DR. SU", _readings("Dr. SUTRISNO, M.Si", "Dr. SUTARNO", "D SU"), 0.6)
    assert not d.changed and d.value == "DR. SU"
    assert d.confidence_cap is not None and d.confidence_cap < 0.6


def test_a_name_line_under_ink_lowers_confidence() -> None:
    d = decide_name("2 SUTRISNO", _readings("~*", "", "i!", conf=0.1), 0.6)
    assert not d.changed and d.confidence_cap is not None and d.confidence_cap < 0.6
    assert "cannot be read" in d.rule


def test_readings_of_the_same_name_confirm_it() -> None:
    d = decide_name("H. MARWAN HAMAMI", _readings("H. MARWAN HAMAMI", "H MARWAN HAMAMI"), 0.75)
    assert not d.changed and d.confidence_cap is None and "confirmed" in d.rule


def test_a_jabatan_must_open_with_a_job_word() -> None:
    d = decide_jabatan("PT. UNITED SINDO", _readings("Direktur Utama", "Direktur Utama"), 0.75)
    assert d.changed and d.value == "Direktur Utama"
    kept = decide_jabatan("Kepala Dinas Pendidikan", _readings("Kepala Dinas"), 0.75)
    assert not kept.changed and kept.value == "Kepala Dinas Pendidikan"


def test_the_name_grammar() -> None:
    assert name_fits("Prof. Dr. I Nyoman Jampel, M.Pd.") and name_fits("NARA DEWA")
    assert not name_fits("DR. SU") and not name_fits("2 SUTRISNO") and not name_fits(None)
