"""The grammar of agreement numbers: real wording, and properties over generated numbers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractor.rules.number_grammar import ROMAN_MONTHS, check, repairs, same_number

SERIAL = st.integers(min_value=1, max_value=9999).map(str)
CODE = st.sampled_from(["UN48", "KS", "HUK", "DPRD", "Bappeda", "KDN", "PKS.055", "SMKN1PACET"])
YEAR = st.integers(min_value=2008, max_value=2030)
MONTH = st.integers(min_value=1, max_value=12)


@st.composite
def agreement_numbers(draw: st.DrawFn) -> tuple[str, int, int]:
    """A number as secretariats write them: serial / codes / Roman month / year."""
    year, month = draw(YEAR), draw(MONTH)
    prefix = draw(st.sampled_from(["", "B-", "KPS.HCS/"]))
    codes = draw(st.lists(CODE, min_size=1, max_size=3))
    roman = draw(st.booleans())
    parts = [prefix + draw(SERIAL), *codes]
    if roman:
        parts.append(ROMAN_MONTHS[month - 1])
    return "/".join([*parts, str(year)]), month, year


def test_real_numbers_pass_the_grammar() -> None:
    for number, year in [
        ("445/23/UHK/BRSUD/2021", 2021),
        ("KPS.HCS/PKS.055/2021", 2021),
        ("422/264/SMKN1PACET/CADISDIKWIL.VI/V/2023", 2023),
        ("06/MoU/Ekbang&KD/2018", 2018),
        ("119/123/KDN/2019", 2019),
    ]:
        assert check(number, year).valid, number


def test_ocr_damage_is_named() -> None:
    assert not check("045/UN48/KS/XI1/2021", 2021).valid
    assert not check("045/UN48/KS/1IV/2021", 2021).valid
    assert not check("445|23|UHK|2021", 2021).valid
    assert not check("445/23/UHK/2O21", 2021).valid
    assert "year 2012 is not the signing year 2021" in check("445/23/UHK/2012", 2021).problems


def test_roman_month_repaired_only_to_the_signing_month() -> None:
    (fix,) = repairs("045/UN48/KS/XI1/2021", 11, 2021)
    assert fix.number == "045/UN48/KS/XI/2021"
    (fix,) = repairs("045/UN48/KS/XI1/2021", 12, 2021)
    assert fix.number == "045/UN48/KS/XII/2021"
    (fix,) = repairs("045/UN48/KS/VU/2021", 7, 2021)
    assert fix.number == "045/UN48/KS/VII/2021"
    assert repairs("045/UN48/KS/XI1/2021", 3, 2021) == []  # March decides nothing: a doubt


def test_bar_for_slash_and_letter_o_in_the_year() -> None:
    (fix,) = repairs("445|23|UHK|2O21", None, 2021)
    assert fix.number == "445/23/UHK/2021"
    assert "'|' read for '/'" in fix.reason


@given(agreement_numbers())
def test_valid_numbers_are_fixed_points(case: tuple[str, int, int]) -> None:
    number, month, year = case
    assert check(number, year).valid
    assert repairs(number, month, year) == []


@given(agreement_numbers(), st.sampled_from(["1", "l"]))
def test_roman_i_read_as_one_is_recovered(case: tuple[str, int, int], look: str) -> None:
    number, month, year = case
    roman = ROMAN_MONTHS[month - 1]
    slot = f"/{roman}/{year}"
    if slot not in number or "I" not in roman:
        return
    damaged_slot = roman.replace("I", look, 1)
    if damaged_slot.isdigit() and int(damaged_slot) == month:
        return  # '1' in January is an Arabic month, kept as read
    damaged = number.replace(slot, f"/{damaged_slot}/{year}")
    fixed = [r.number for r in repairs(damaged, month, year)]
    assert number in fixed or same_number(damaged, number)


@given(st.text(max_size=40), st.one_of(st.none(), YEAR), st.one_of(st.none(), MONTH))
def test_grammar_never_raises(text: str, year: int | None, month: int | None) -> None:
    check(text, year)
    for fix in repairs(text, month, year):
        assert fix.reason


def test_letter_digit_look_alikes_are_named() -> None:
    from extractor.rules.number_grammar import only_lookalikes

    assert only_lookalikes("B/422/527/SMKN6/2021", "8/422/527/SMKN6/2021")
    assert not only_lookalikes("B/422/527/SMKN6/2021", "B/422/528/SMKN6/2021")


def test_lower_case_roman_month_is_a_problem() -> None:
    assert not check("480/13-KB/x/2019", 2019).valid


ROMAN_DAMAGE = st.sampled_from(["I->1", "I->l", "all-I->1", "V->U", "V->W", "II->U", "+1", "1+"])


def _damage(roman: str, how: str) -> str:
    """One OCR confusion of a Roman month as Tesseract makes them on agreement scans."""
    if how == "I->1":
        return roman.replace("I", "1", 1)
    if how == "I->l":
        return roman.replace("I", "l", 1)
    if how == "all-I->1":
        return roman.replace("I", "1")
    if how == "V->U":
        return roman.replace("V", "U")
    if how == "V->W":
        return roman.replace("V", "W")
    if how == "II->U":
        return roman.replace("II", "U", 1)
    if how == "+1":
        return roman + "1"
    return "1" + roman


@given(agreement_numbers(), ROMAN_DAMAGE)
def test_damaged_roman_month_is_repaired_back_when_the_signing_month_agrees(
    case: tuple[str, int, int], how: str
) -> None:
    from extractor.rules.numbers import repaired

    number, month, year = case
    roman = ROMAN_MONTHS[month - 1]
    slot = f"/{roman}/{year}"
    damaged_slot = _damage(roman, how)
    if slot not in number or damaged_slot == roman:
        return
    damaged = number.replace(slot, f"/{damaged_slot}/{year}")
    fixed, note = repaired(damaged, month, year)
    assert fixed == number, (damaged, note)
    assert note and damaged_slot in note  # the change is said, never silent


@given(agreement_numbers(), ROMAN_DAMAGE, MONTH)
def test_repairs_never_invent_a_month_the_signing_date_does_not_back(
    case: tuple[str, int, int], how: str, other: int
) -> None:
    from extractor.rules.number_grammar import roman_readings
    from extractor.rules.numbers import repaired

    number, month, year = case
    roman = ROMAN_MONTHS[month - 1]
    slot = f"/{roman}/{year}"
    damaged_slot = _damage(roman, how)
    if slot not in number or ROMAN_MONTHS[other - 1] in roman_readings(damaged_slot):
        return
    damaged = number.replace(slot, f"/{damaged_slot}/{year}")
    assert repaired(damaged, other, year) == (damaged, None)


@given(st.text(alphabet="0123456789OolIBDVXUW/|.-KSPN", max_size=30))
def test_without_a_signing_date_only_the_bar_is_read_as_a_slash(text: str) -> None:
    from extractor.rules.numbers import repaired

    fixed, _ = repaired(text, None, None)
    assert fixed in (text, text.replace("|", "/").replace("\\", "/"))


@given(agreement_numbers())
def test_year_glued_to_the_month_is_split_when_it_is_the_signing_year(
    case: tuple[str, int, int],
) -> None:
    from extractor.rules.numbers import repaired

    number, month, year = case
    head, _, tail = number.rpartition("/")
    if not head or not head.rsplit("/", 1)[-1].isalpha():
        return  # a year glued to digits could be a serial: never split
    glued = f"{head}{tail}"
    assert repaired(glued, month, year)[0] == number
    assert repaired(glued, month, year + 5)[0] == glued  # another year backs nothing


@given(agreement_numbers(), st.sampled_from(["B->8", "0->O", "/->|", "I->1"]))
def test_a_damaged_printing_never_replaces_a_well_formed_reading(
    case: tuple[str, int, int], how: str
) -> None:
    from extractor.rules.number_crosscheck import Printing, crosscheck

    number, month, year = case
    old, new = how.split("->")
    printed = number.replace(old, new, 1)
    result = crosscheck(number, [Printing(printed, 2, 40, False)], [], month, year)
    assert result.number == number
    assert result.verdict in ("agree", "settled", "disagree", "alone")


def test_real_ocr_damage_of_agreement_numbers() -> None:
    from extractor.rules.numbers import repaired

    assert repaired("367.1/8-PKS/W/2019", 4, 2019)[0] == "367.1/8-PKS/IV/2019"
    assert repaired("045/UN48/KS/1IV/2021", 4, 2021)[0] == "045/UN48/KS/IV/2021"
    assert repaired("03/PKS-RSSD/1/2021", 1, 2021)[0] == "03/PKS-RSSD/I/2021"
    assert repaired("119/10-Kesber/111/2020", 3, 2020)[0] == "119/10-Kesber/III/2020"
    assert repaired("134.4/PKS.18/Bag.pem72019", 4, 2019)[0] == "134.4/PKS.18/Bag.pem/2019"
    assert repaired("045/UN48/KS/XI2021", 11, 2021)[0] == "045/UN48/KS/XI/2021"
    # look-alikes nothing in the number decides are candidates only
    from extractor.rules.number_grammar import candidates

    assert repaired("2O5/UN48/KS/2021", 1, 2021)[0] == "2O5/UN48/KS/2021"
    assert [c.number for c in candidates("2O5/UN48/KS/2021")] == ["205/UN48/KS/2021"]
    assert [c.number for c in candidates("119l123/KDN/2019")] == ["119/123/KDN/2019"]
    assert [c.number for c in candidates("D-12/UN48/KS/2021")] == ["B-12/UN48/KS/2021"]


@given(agreement_numbers(), st.sampled_from(["I", ""]))
def test_a_month_glued_to_its_unit_code_is_split_back_only_when_its_slash_was_read_as_i(
    case: tuple[str, int, int], slash: str
) -> None:
    """'PKS-PUDA/VI/2024' read 'PKS-PUDAIVI/2024': the 'I' was the '/', and the signing
    month backs the split; with the '/' simply lost ('PUDAVI') a letter of the unit may
    be under it too, so the reading stays as it is, named by the grammar."""
    from extractor.rules.numbers import repaired

    number, month, year = case
    parts = number.split("/")
    roman = ROMAN_MONTHS[month - 1]
    if len(parts) < 4 or parts[-2] != roman or not parts[-3].isalpha():
        return
    unit = parts[-3]
    if unit[-1] in "IVX" or (slash == "" and len(roman) < 2):
        return  # 'HUK' + 'I' needs the unit's own last letter to tell; 'KSV' could be a code
    glued = "/".join([*parts[:-3], f"{unit}{slash}{roman}", parts[-1]])
    assert any("glued to the unit code" in p for p in check(glued, year).problems)
    fixed, _ = repaired(glued, month, year)
    if slash == "I" and ("I" + roman) not in ROMAN_MONTHS:
        assert fixed == number
    else:
        assert fixed == glued


def test_unit_codes_ending_in_letters_of_numerals_are_not_months() -> None:
    for number in ("12/UN48/DIKTI/2021", "5/SETDA/XI/2020", "7/PKS-PPML/XII/2025", "3/KODAM/2019"):
        assert not any("glued" in p for p in check(number, None).problems), number
