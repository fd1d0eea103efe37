"""Other printings of the agreement's number: agree, settled, disagree or alone.

Real wording: a heading with its 'Nomor' lines, a running header that prints
the number again, the opening sentence, a PKS reciting its NK's number (which
is another agreement's number, never a printing of this one).
"""

from __future__ import annotations

from extractor.fields import extract_fields
from extractor.rules.heading import find_heading
from extractor.rules.number_crosscheck import check_numbers, crosscheck, printings
from extractor.rules.numbers import find_numbers
from extractor.text import DocText
from models import Document, Line, Page

HEADING = """PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN SUKABUMI
DAN
PEMERINTAH KABUPATEN BADUNG
NOMOR : {first}
NOMOR : {second}
TENTANG
PENGEMBANGAN PARIWISATA DAERAH
Pada hari ini Kamis tanggal dua puluh lima bulan April tahun dua ribu sembilan belas,
bertempat di Sukabumi, yang bertanda tangan di bawah ini:
1. Drs. H. MARWAN HAMAMI, Bupati Sukabumi, selanjutnya disebut PIHAK KESATU;
2. I NYOMAN GIRI PRASTA, S.Sos., Bupati Badung, selanjutnya disebut PIHAK KEDUA.
Sebagai tindak lanjut Kesepakatan Bersama antara Pemerintah Kabupaten Sukabumi dan
Pemerintah Kabupaten Badung Nomor {cited} tanggal 4 Maret 2019 tentang Kerja Sama antar
Daerah, PARA PIHAK sepakat mengikatkan diri dalam Perjanjian Kerja Sama ini.
"""

RUNNING = "Perjanjian Kerja Sama Nomor {number} - halaman {page}"
OPENING = (
    "Perjanjian Kerja Sama Nomor {number} ini dibuat dalam rangkap dua, masing-masing "
    "bermeterai cukup."
)


def _text(first: str, second: str, cited: str, *more: str) -> DocText:
    body = HEADING.format(first=first, second=second, cited=cited)
    return DocText.from_string(body + "\n".join(more))


def _numbers(text: DocText, month: int = 4, year: int = 2019) -> tuple[list[str], float, str]:
    heading = find_heading(text)
    found = find_numbers(text, heading, month, year, None, nk_cited=True)
    rules = " | ".join(ev.rule or "" for ev in found.evidence)
    return found.value, found.confidence, rules


def test_printed_again_in_header_and_closing_agrees_and_raises_confidence() -> None:
    alone = _text("556/7-PKS/IV/2019", "134.4/3004/PKS/TKKSD-Bdg/2019", "500/4-KB/III/2019")
    again = _text(
        "556/7-PKS/IV/2019",
        "134.4/3004/PKS/TKKSD-Bdg/2019",
        "500/4-KB/III/2019",
        RUNNING.format(number="556/7-PKS/IV/2019", page=2),
        OPENING.format(number="556/7-PKS/IV/2019"),
    )
    value, before, _ = _numbers(alone)
    again_value, after, rules = _numbers(again)
    assert value == again_value == ["556/7-PKS/IV/2019", "134.4/3004/PKS/TKKSD-Bdg/2019"]
    # only one number is printed again: the field is as sure as its least-checked number
    assert after == before
    both = _text(
        "556/7-PKS/IV/2019",
        "134.4/3004/PKS/TKKSD-Bdg/2019",
        "500/4-KB/III/2019",
        OPENING.format(number="556/7-PKS/IV/2019 dan Nomor 134.4/3004/PKS/TKKSD-Bdg/2019"),
    )
    _, raised, rules = _numbers(both)
    assert raised > before and "crosscheck: agree" in rules


def test_the_nk_number_a_pks_cites_is_not_a_printing_of_its_own() -> None:
    # the NK's number differs from the PKS's in three characters: close, but cited
    text = _text("119/12-PKS/IV/2019", "134.4/3004/PKS/TKKSD-Bdg/2019", "119/12-KB/IV/2019")
    heading = find_heading(text)
    found = find_numbers(text, heading, 4, 2019, None, nk_cited=True)
    assert found.value[0] == "119/12-PKS/IV/2019"
    assert not any("crosscheck" in (ev.rule or "") for ev in found.evidence)
    skip = {i for i, ref in enumerate(text.lines) if "NOMOR :" in text.text[ref.start : ref.end]}
    cited = [p for p in printings(text, skip, None, nk_cited=True) if "119/12-KB" in p.text]
    assert cited and all(p.cited for p in cited)


def test_look_alike_prefix_is_settled_by_the_majority_of_printings() -> None:
    text = _text(
        "8/422/527/SMKN6/2019",
        "134.4/3004/PKS/TKKSD-Bdg/2019",
        "500/4-KB/III/2019",
        RUNNING.format(number="B/422/527/SMKN6/2019", page=2),
        RUNNING.format(number="B/422/527/SMKN6/2019", page=3),
    )
    value, _, rules = _numbers(text)
    assert value[0] == "B/422/527/SMKN6/2019"
    assert "crosscheck: '8/422/527/SMKN6/2019' -> 'B/422/527/SMKN6/2019'" in rules
    assert "2 of 3 printings" in rules


def test_roman_month_is_settled_by_the_grammar_when_the_date_does_not_decide() -> None:
    # signed in March: the month slot 'XI1' cannot be repaired by the date; the other
    # printing reads 'XI', the only reading the grammar accepts
    text = _text(
        "045/UN48/KS/XI1/2019",
        "134.4/3004/PKS/TKKSD-Bdg/2019",
        "500/4-KB/III/2019",
        OPENING.format(number="045/UN48/KS/XI/2019"),
    )
    value, _, rules = _numbers(text, month=3)
    assert value[0] == "045/UN48/KS/XI/2019"
    assert "the only reading the number grammar accepts" in rules


def test_a_printing_that_differs_lowers_confidence_and_changes_nothing() -> None:
    clean = _text("119/123/KDN/2019", "134.4/3004/PKS/TKKSD-Bdg/2019", "500/4-KB/III/2019")
    differs = _text(
        "119/123/KDN/2019",
        "134.4/3004/PKS/TKKSD-Bdg/2019",
        "500/4-KB/III/2019",
        OPENING.format(number="119/128/KDN/2019"),
    )
    value, before, _ = _numbers(clean)
    same, after, rules = _numbers(differs)
    assert same == value
    assert after <= before - 0.2
    assert "crosscheck: printed differently elsewhere, readings disagree" in rules


def test_look_alikes_with_no_majority_stay_a_doubt() -> None:
    text = _text(
        "8/422/527/SMKN6/2019",
        "134.4/3004/PKS/TKKSD-Bdg/2019",
        "500/4-KB/III/2019",
        OPENING.format(number="B/422/527/SMKN6/2019"),
    )
    value, conf, rules = _numbers(text)
    assert value[0] == "8/422/527/SMKN6/2019"  # kept as read
    assert "look-alike printings disagree" in rules and conf <= 0.65


def test_verdicts_are_typed_and_alone_changes_nothing() -> None:
    result = crosscheck("119/123/KDN/2019", [], [])
    assert result.verdict == "alone" and result.delta == 0.0
    text = DocText.from_string("NOMOR : 119/123/KDN/2019")
    read_here = [text.evidence(0, len(text.text), "'Nomor' line")]
    assert check_numbers(text, ["119/123/KDN/2019"], read_here)[0].verdict == "alone"
    assert read_here[0].rule == "'Nomor' line"  # nothing written for a number alone
    # without the line it was read from, the same line is another printing: agree
    assert check_numbers(text, ["119/123/KDN/2019"], [])[0].verdict == "agree"


def _page(number: int, lines: list[str]) -> Page:
    return Page(
        number=number,
        width=595,
        height=842,
        method="text",
        lines=[Line(text=t) for t in lines],
    )


def test_numbers_under_tentang_after_logo_debris_and_second_copy() -> None:
    """The heading block stops at a logo read as a word; the 'Nomor' lines under TENTANG
    are still its numbers, and the second signed copy bound after it agrees."""
    first = [
        "NOTA KESEPAHAMAN",
        "ANTARA",
        "UNIVERSITAS PENDIDIKAN GANESHA",
        "DAN",
        "&",
        "Nata",
        "BADAN RUMAH SAKIT UMUM DAERAH KABUPATEN TABANAN",
        "TENTANG",
        "PENDIDIKAN, PENELITIAN, DAN PENGABDIAN MASYARAKAT",
        "Nomor Pihak Pertama :2125/UN48/KS/2021",
        "Nomor Pihak Kedua :445/ 23/UHK/BRSUD/2021",
        "Pada hari ini, Senin tanggal sembilan belas bulan April tahun dua ribu dua puluh",
        "satu, di adakan Nota Kesepahaman, oleh dan antara:",
    ]
    copy = [line.replace("445/ 23/UHK/BRSUD/2021", "445/23/UHK/BRSUD/2O21") for line in first]
    document = Document(
        file="nk.pdf",
        sha256="0" * 64,
        mime="application/pdf",
        size=1,
        pages=[_page(1, first), _page(2, copy)],
    )
    extraction = extract_fields(document)
    assert extraction.numbers == ["2125/UN48/KS/2021", "445/23/UHK/BRSUD/2021"]
    rules = [ev.rule or "" for ev in extraction.evidence["numbers"]]
    assert "crosscheck: agree ('2125/UN48/KS/2021' p.2)" in rules[0]
    # the copy's '0' read as 'O': a look-alike, the only reading the grammar accepts wins
    assert "crosscheck: kept (the only reading the number grammar accepts" in rules[1]
