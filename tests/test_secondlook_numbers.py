"""The second look at numbers on scans: the crop cut to its line, the choice by the grammar.

Real Tesseract over a crop drawn here (a typed number on a rule under the
heading's double line, the next 'Nomor' line below it); the choice rule over
readings as Tesseract gives them.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from extractor.ocr.engine import LineReading, get_engine
from extractor.rules.number_grammar import ROMAN_MONTHS, check, repairs, roman_readings
from extractor.secondlook import NUMBER_CHARS, decide_number, line_only, stroke_stutter, variants
from models import Document, Settings

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
EMPTY = Document(file="x", sha256="0" * 64, mime="application/pdf", size=0, pages=[])


def _crop_with_rules() -> np.ndarray:
    """What a padded crop of a number line holds on a Pemda heading: the double rule
    above, the rule the number is written on, the top of the next line below."""
    img = Image.new("L", (1100, 160), 255)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 4, 1100, 10), fill=0)
    draw.rectangle((0, 14, 1100, 16), fill=0)
    font = ImageFont.truetype(FONT, 44)
    draw.text((20, 45), "Nomor : 367.1/8-PKS/IV/2019", font=font, fill=0)
    draw.rectangle((260, 112, 1000, 114), fill=0)
    draw.text((20, 132), "Nomor : 134.4/PKS.18/Bag.pem/2019", font=font, fill=0)
    return np.array(img)


def test_the_crop_loses_its_rules_and_the_next_line() -> None:
    part = _crop_with_rules()
    cleaned = line_only(part)
    assert cleaned.shape[0] < part.shape[0] * 0.8  # cut to the band of the line
    assert (cleaned[:, 300:900] < 128).mean() < 0.2  # no rule left across it
    settings = Settings()
    engine = get_engine(settings.ocr_engine, settings.ocr_languages, settings.tessdata_dir)
    read = [engine.line(Image.fromarray(v), 400, NUMBER_CHARS).text for v in variants(cleaned)]
    assert any("367.1/8-PKS/IV/2019" in r.replace(" ", "") for r in read)


def test_a_crop_whose_middle_is_a_gap_is_kept_whole() -> None:
    part = np.full((100, 400), 255, dtype=np.uint8)
    part[5:20, 50:300] = 0  # ink far from the middle only
    assert line_only(part).shape == part.shape


def _readings(*texts: str, conf: float = 0.9) -> list[LineReading]:
    return [LineReading(text=t, conf=conf) for t in texts]


def test_readings_that_repair_to_the_number_confirm_it() -> None:
    d = decide_number(
        "119/10-Kesber/II/2020",
        _readings(": 119/10-Kesber/I1/2020", ": 119/10-Kesber/11/2020", ": 119/10-Kesber/I1/2020"),
        EMPTY,
        1,
        2,
        2020,
        0.6,
    )
    assert d.number == "119/10-Kesber/II/2020" and d.confidence >= 0.85
    assert "confirmed (with the repairs)" in d.rule


def test_a_reread_that_only_adds_a_stroke_is_an_ambiguity_not_a_change() -> None:
    assert stroke_stutter("422/264/SMKNIPACET/2023", "422/264/SMKN1IPACET/2023")
    assert not stroke_stutter("422/264/SMKN6/2023", "422/264/SMKN61/2024")
    first = "422/264/SMKNIPACET/CADISDIKWIL.VI/V/2023"
    again = "NOMOR : 422/264/SMKN1IPACET/CADISDIKWIL.VI/V/2023"
    d = decide_number(first, _readings(again, again, again), EMPTY, 1, 5, 2023, 0.6)
    assert d.number == first and d.confidence < 0.6 and "look-alike" in d.rule


def test_a_pen_reading_no_two_variants_agree_on_is_unread() -> None:
    d = decide_number(
        "475.1/Pj.U3.I-Hukham/2018",
        _readings(
            "NOMOR : U7S. ) Pj 43.1 - Hukham /2018",
            "NOMOR : U7S. 1 / P) 43.1 - Hukham /2018",
            "NOMOR : U7S. 1 Pp.k3.I - Hukham (2018",
            conf=0.58,
        ),
        EMPTY,
        1,
        6,
        2018,
        0.6,
        suspect=True,
    )
    assert d.unread and d.confidence <= 0.3 and "no two readings agree" in d.rule


def test_typed_re_reads_that_agree_are_never_unread() -> None:
    line = "NOMOR : 198/HRD/DSA/XI/2021"
    d = decide_number(
        "198/HRD/DSA/XI/2021", _readings(line, line, line), EMPTY, 1, 11, 2021, 0.6, True
    )
    assert not d.unread and d.confidence >= 0.85


@given(st.integers(1, 12), st.sampled_from(("lower", "bracket")))
def test_a_pen_month_in_lower_case_or_with_a_bracket_repairs_to_the_signing_month(
    month: int, damage: str
) -> None:
    roman = ROMAN_MONTHS[month - 1]
    written = roman.lower() if damage == "lower" else roman.replace("I", "(", 1)
    assert roman in roman_readings(written) or "I" not in roman
    number = f"480/13-KB/{written}/2019"
    if written != roman and roman in roman_readings(written):
        assert not check(number, 2019).valid
        fixed = [r for r in repairs(number, month, 2019) if r.backed]
        assert fixed and fixed[0].number == f"480/13-KB/{roman}/2019"


def test_a_typed_fill_ocr_damaged_is_recovered_when_two_re_reads_agree() -> None:
    from extractor.secondlook import recover_unread

    got = recover_unread(
        _readings(
            "NOMOR : 005/358/Ekbang/llI/2024",
            "NOMOR : 005/358/Ekbang:ll1/2024",
            "NOMOR : 005/358/Ekbang/ll1/2024",
            conf=0.57,
        ),
        3,
        2024,
    )
    assert got is not None and got.number == "005/358/Ekbang/III/2024"


def test_a_pen_fill_read_differently_each_time_is_not_recovered() -> None:
    from extractor.secondlook import recover_unread

    pen = _readings("NOMOR: 480115 - Ke/1x/ 2019", "NOMOR: 480115 Ke/1x/ 2019", "", conf=0.35)
    assert recover_unread(pen, 9, 2019) is None
    other_year = _readings("Nomor : 119/45/KDN/2009", "Nomor : 119/45/KDN/2009")
    assert recover_unread(other_year, 9, 2019) is None  # not the signing year: stays unread


def test_a_reread_that_drops_a_dot_changes_nothing() -> None:
    again = ": 075/ 2151/HUK/2025"
    d = decide_number("075/2.151/HUK/2025", _readings(again, again, again), EMPTY, 1, 5, 2025, 0.6)
    assert d.number == "075/2.151/HUK/2025" and d.confidence < 0.6


def test_a_reread_that_loses_a_prefix_changes_nothing() -> None:
    again = "Nomor - .: No.471/HM/DIR/2018"
    d = decide_number("No.471/HM/DIR/2018", _readings(again, again), EMPTY, 1, 8, 2018, 0.6)
    assert d.number == "No.471/HM/DIR/2018" and "only part of" in d.rule
