"""The second look: crops of the page image OCR read, re-read, chosen by the number grammar.

Real Tesseract over a scanned page made here; the choice rule over readings as
Tesseract gives them.
"""

from __future__ import annotations

import datetime as dt
import io
import pickle

from PIL import Image, ImageDraw, ImageFont

from extractor.fields import extract_fields
from extractor.ingest import read_document
from extractor.ocr.engine import LineReading
from extractor.secondlook import decide_number, second_look
from models import Document, Settings

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = [
    "NOTA KESEPAHAMAN",
    "ANTARA",
    "PEMERINTAH KABUPATEN SUKABUMI",
    "DAN",
    "UNIVERSITAS PENDIDIKAN GANESHA",
    "Nomor : 445/23/UHK/BRSUD",
    "TENTANG",
    "PENYELENGGARAAN PENDIDIKAN DAN PELATIHAN",
]


def _scan() -> bytes:
    dpi = 200
    page = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 30)
    y = 200
    for line in LINES:
        width = draw.textlength(line, font=font)
        draw.text(((page.width - width) / 2, y), line, fill=0, font=font)
        y += 60
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=dpi)
    return out.getvalue()


def test_page_image_travels_with_the_page_but_is_never_serialised() -> None:
    document = read_document(_scan(), name="scan.pdf")
    page = document.pages[0]
    assert page.method == "ocr" and page.raster is not None
    assert page.raster.width * page.raster.height == len(page.raster.pixels)
    assert "raster" not in page.model_dump()
    assert "raster" not in document.model_dump_json()
    again = pickle.loads(pickle.dumps(document))
    assert isinstance(again, Document) and again.pages[0].raster == page.raster


def test_a_doubtful_number_is_re_read_and_confirmed() -> None:
    document = read_document(_scan(), name="scan.pdf")
    extraction = extract_fields(document)
    assert extraction.numbers == ["445/23/UHK/BRSUD"]
    before = extraction.confidence["numbers"]
    assert before < 0.9  # no year: the rules doubt it
    extraction, looks = second_look(document, extraction, Settings())
    assert extraction.numbers == ["445/23/UHK/BRSUD"]
    look = looks[0]  # numbers; looks[1] is the parties' names
    rule = extraction.evidence["numbers"][0].rule or ""
    assert "second look read 'Nomor : 445/23/UHK/BRSUD'" in rule
    assert look.confirmed == 1 and extraction.confidence["numbers"] > before


def _readings(*texts: str, conf: float = 0.9) -> list[LineReading]:
    return [LineReading(text=t, conf=conf) for t in texts]


EMPTY = Document(file="x", sha256="0" * 64, mime="application/pdf", size=0, pages=[])
NOV = dt.date(2021, 11, 23)


def test_roman_month_read_with_a_digit_is_changed_when_readings_back_it() -> None:
    d = decide_number(
        "421/264/SMKN6/XI1/2021",
        _readings("Nomor : 421/264/SMKN6/XI/2021", "Nomor : 421/264/SMKN6/XI/2021"),
        EMPTY,
        1,
        NOV.month,
        NOV.year,
        0.65,
    )
    assert d.number == "421/264/SMKN6/XI/2021"
    assert "'421/264/SMKN6/XI1/2021' -> '421/264/SMKN6/XI/2021'" in d.rule


def test_readings_that_disagree_lower_confidence_and_change_nothing() -> None:
    d = decide_number(
        "005/66/379.2.4/2019",
        _readings("Nomor : 005/66/479.2.4/2019", "Nomor : 005/66/379.2.4/2019"),
        EMPTY,
        1,
        5,
        2019,
        0.9,
    )
    assert d.number == "005/66/379.2.4/2019" and d.confidence < 0.9
    assert "disagree" in d.rule


def test_handwritten_fill_comes_out_low_not_guessed() -> None:
    d = decide_number(
        "8OO/2l/VU/2022",
        _readings("Nomor : 8Oa/2ll/VU", "Nomor : BOO", conf=0.2),
        EMPTY,
        1,
        8,
        2022,
        0.65,
    )
    assert d.number == "8OO/2l/VU/2022" and d.confidence <= 0.3
    assert "handwriting" in d.rule


def test_re_reads_that_only_swap_look_alikes_change_nothing() -> None:
    d = decide_number(
        "B/422/527/SMKN6/2021",
        _readings("Nomor : 8/422/527/SMKN6/2021", "Nomor : 8/422/527/SMKN6/2021"),
        EMPTY,
        1,
        12,
        2021,
        0.75,
    )
    assert d.number == "B/422/527/SMKN6/2021" and d.confidence < 0.75
    assert "look-alike" in d.rule
