"""Number lines nobody can vouch for: dotted blanks give no entry, pen fills come out unread.

The judge over fills as Tesseract reads them, property tests over the numbers the
generator writes, and a scanned page made here with a number written by hand
(corpusgen's pen) read by real Tesseract through the whole pipeline.
"""

from __future__ import annotations

import io
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from corpusgen.handwriting import handwriting_image
from corpusgen.numbering import number_for
from extractor.ingest import read_document
from extractor.pipeline import extract_document
from extractor.rules.number_blanks import (
    BLANK_CAP,
    BLANK_MARK,
    LOW,
    SUSPECT_MARK,
    UNREAD_CAP,
    UNREAD_MARK,
    cap_unread,
    judge_fill,
)
from extractor.rules.numbers import find_numbers
from extractor.text import DocText
from models import Evidence, Extraction, Settings

HEAD = "PERJANJIAN KERJA SAMA\nANTARA\nPEMERINTAH KABUPATEN SUKABUMI\nDAN\nPT SINAR JAYA\n"


def test_a_dotted_blank_gives_no_entry() -> None:
    for fill in ("..............", " ……………… ", "_________", ". . . . . . .", ":"):
        assert judge_fill(fill, [], None, 2019).kind == "blank"
    text = DocText.from_string(HEAD + "Nomor : 119/45/KDN/2019\nNomor : ....................\n")
    found = find_numbers(text, signing_year=2019)
    assert found.value == ["119/45/KDN/2019"]
    assert not any(UNREAD_MARK in (e.rule or "") for e in found.evidence)
    # the line stays in the evidence: a records office may have numbered it by pen
    assert [e for e in found.evidence if (e.rule or "").startswith(BLANK_MARK)]
    assert found.confidence <= BLANK_CAP


def test_a_typed_number_is_taken_and_a_laws_number_is_no_fill() -> None:
    assert judge_fill("119/45/KDN/2019", ["119/45/KDN/2019"], None, 2019).kind == "number"
    assert judge_fill("119/45/KDN/2019", ["119/45/KDN/2019"], 0.93, 2019).kind == "number"
    assert judge_fill("12 Tahun 2019", [], 0.9, 2019).kind == "blank"


def test_a_pen_fill_read_as_junk_is_unread() -> None:
    # as Tesseract reads a handwritten '475.1/77-PKS/X/2019': no number in it
    fill = judge_fill("? A9GI /9FspKs 7x / 2019", [], 0.41, 2019)
    assert fill.kind == "unread" and "holds no number" in fill.reason
    # a reading that looks like a number, but breaks the grammar, with words OCR doubts
    fill = judge_fill("100 /Pem/ Pawt /34 (tx / 20", ["100/Pem/Pawt/34(tx/20"], 0.43, 2019)
    assert fill.kind == "unread" and "year" in fill.reason
    fill = judge_fill("480118 - KB/x/ 2019", ["480118-KB/x/2019"], 0.58, 2019)
    assert fill.kind == "unread" and "lower case" in fill.reason


def test_a_typed_number_ocr_doubts_is_kept_for_the_second_look() -> None:
    # one odd character makes Tesseract doubt a whole glued word ('XI1' repaired to XI)
    fill = judge_fill("198/HRD/DSA/XI1/2021", ["198/HRD/DSA/XI/2021"], 0.19, 2021)
    assert fill.kind == "number" and SUSPECT_MARK in fill.reason


def test_an_unread_fill_keeps_its_line_and_caps_the_field() -> None:
    text = DocText.from_string(HEAD + "Nomor : 119/45/KDN/2019\nNomor : ? A9GI /9FspKs 7x / 2019\n")
    found = find_numbers(text, signing_year=2019)
    assert found.value == ["119/45/KDN/2019"]  # plain text: no OCR words, junk has no number
    unread = [e for e in found.evidence if (e.rule or "").startswith(UNREAD_MARK)]
    assert len(unread) == 1 and "9FspKs" in unread[0].text
    assert found.confidence <= UNREAD_CAP


def test_calibration_cannot_raise_an_unread_field() -> None:
    ex = Extraction(file="x", sha256="0" * 64, pages=1, ocr_pages=1, numbers=["119/45/KDN/2019"])
    ex.confidence["numbers"] = 0.93  # what a calibration model may say
    ex.evidence["numbers"] = [
        Evidence(page=1, text="Nomor : 119/45/KDN/2019", rule="'Nomor' line"),
        Evidence(page=1, text="Nomor : Wp/4", box=(1, 2, 3, 4), rule=f"{UNREAD_MARK}: x"),
    ]
    assert cap_unread(ex).confidence["numbers"] == UNREAD_CAP
    ex.evidence["numbers"] = ex.evidence["numbers"][:1]
    ex.confidence["numbers"] = 0.93
    assert cap_unread(ex).confidence["numbers"] == 0.93


_STYLES = st.sampled_from(("government", "campus", "company"))


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**6), _STYLES, st.integers(2005, 2030), st.integers(1, 12))
def test_every_number_a_secretariat_types_is_taken(
    seed: int, style: str, year: int, month: int
) -> None:
    number = number_for(random.Random(seed), style, "DISKOMINFO", year, month)
    for conf in (None, LOW, 0.95):
        assert judge_fill(number, [number], conf, year).kind == "number"


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="0123456789ABCKSPxl/.-|( ", min_size=3, max_size=30),
    st.floats(0.0, LOW - 0.01),
    st.integers(2005, 2030),
)
def test_a_doubted_reading_the_grammar_rejects_is_never_a_value(
    reading: str, conf: float, year: int
) -> None:
    fill = judge_fill(reading, [reading.replace(" ", "")], conf, year)
    if fill.kind == "number":
        assert SUSPECT_MARK in fill.reason  # parses: the second look must still see it


FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
OPENING = (
    "Pada hari ini Senin tanggal dua bulan September tahun",
    "dua ribu sembilan belas, kami yang bertanda tangan",
)


def _scan_with_pen(number: str) -> bytes:
    """A typed heading, one number typed, the other's blank filled in by hand."""
    dpi = 200
    page = Image.new("RGB", (int(8.27 * dpi), int(11.69 * dpi)), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 34)
    y = 220
    for line in HEAD.strip().split("\n"):
        width = draw.textlength(line, font=font)
        draw.text(((page.width - width) / 2, y), line, fill="black", font=font)
        y += 64
    y += 30
    draw.text((420, y), "Nomor : 119/45/KDN/2019", fill="black", font=font)
    y += 64
    draw.text((420, y), "Nomor : ", fill="black", font=font)
    pen = handwriting_image(number, 7)
    page.paste(pen, (420 + int(draw.textlength("Nomor : ", font=font)), y - 24), pen)
    y += 110
    for k, line in enumerate(OPENING):
        draw.text((220, y + 60 * k), line, font=font, fill=0)
    out = io.BytesIO()
    page.convert("L").save(out, format="PDF", resolution=dpi)
    return out.getvalue()


def test_a_number_written_by_pen_on_a_scan_comes_out_unread() -> None:
    document = read_document(_scan_with_pen("480/13-KB/IX/2019"), name="scan.pdf")
    extraction = extract_document(document, Settings())
    assert "119/45/KDN/2019" in extraction.numbers
    assert "480/13-KB/IX/2019" not in extraction.numbers  # Tesseract cannot read a pen
    assert len(extraction.numbers) == 1
    assert extraction.confidence["numbers"] <= UNREAD_CAP
    unread = [e for e in extraction.evidence["numbers"] if UNREAD_MARK in (e.rule or "")]
    assert unread and unread[0].box is not None  # the reviewer is taken to the place


def test_the_pen_family_writes_numbers_by_hand_over_dotted_blanks() -> None:
    from corpusgen.families import EXTRA_FAMILIES, FAMILIES, HELD_OUT_FAMILIES
    from corpusgen.sample import generate_sample

    fam = FAMILIES["yang-ditulis-tangan"]
    assert fam.held_out and not fam.in_rotation and fam.hand_each
    assert "yang-ditulis-tangan" in HELD_OUT_FAMILIES and "yang-ditulis-tangan" in EXTRA_FAMILIES
    by_hand = 0
    for j in range(6):
        sample = generate_sample(900_000 + j, family="yang-ditulis-tangan")
        notes = [n for n in sample.truth["notes"] if "handwritten in the dotted blank" in n]
        by_hand += len(notes)
        for note in notes:  # the truth has the number a person reads from the page
            assert note.split()[1] in sample.truth["numbers"]
    assert by_hand >= 4
