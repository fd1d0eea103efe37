"""Indonesian number words: every number 0..1,000,000 round-trips through num2words."""

from __future__ import annotations

import pytest
from num2words import num2words

from extractor.rules.numbers_id import (
    FUZZY_CUTOFF,
    FUZZY_CUTOFF_SHORT,
    canonical_word,
    is_number_word,
    words_to_int,
)

LIMIT = 1_000_000
CHUNKS = 20
SIZE = (LIMIT + 1 + CHUNKS - 1) // CHUNKS


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_round_trip_against_num2words(chunk: int) -> None:
    start, stop = chunk * SIZE, min(LIMIT + 1, (chunk + 1) * SIZE)
    wrong = []
    for n in range(start, stop):
        words = num2words(n, lang="id")
        if words_to_int(words, fuzzy=False) != n:
            wrong.append((n, words))
            if len(wrong) > 5:
                break
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dua Puluh Tujuh", 27),
        ("Sebelas", 11),
        ("dua ribu sembilan belas", 2019),
        ("Dua Ribu Sembilan Befas", 2019),  # l read as f
        ("Duaribu delapan belas", 2018),  # the space lost
        ("duapuluh satu", 21),
        ("Dua Ribu Dua Puluh Satu", 2021),
        ("seratus ribu", 100_000),
        ("satu juta", 1_000_000),
        ("Tujuh Betas", 17),
    ],
)
def test_spelled_numbers_as_agreements_print_them(text: str, value: int) -> None:
    assert words_to_int(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "Dua Ribu Puluh",  # a year with a word missing, seen on a real scan
        "dua tiga",
        "puluh",
        "satu ribu",  # written 'seribu'
        "sebelas puluh",
        "ribu dua",
        "tanggal",
        "",
    ],
)
def test_malformed_phrases_give_none_not_a_guess(text: str) -> None:
    assert words_to_int(text) is None


def test_fuzzy_bounds_are_pinned() -> None:
    assert (FUZZY_CUTOFF, FUZZY_CUTOFF_SHORT) == (80.0, 75.0)
    assert canonical_word("sembilam") == "sembilan"  # one error in 8 letters
    assert canonical_word("ernpat") == "empat"  # 'rn' read for 'm'
    assert canonical_word("Lirna") == "lima"
    assert canonical_word("tempat") == "empat"  # why callers only read delimited phrases
    assert canonical_word("ernpxr") is None  # "rn" and two more errors
    assert canonical_word("satv") == "satu"  # one substitution in 4 letters
    assert canonical_word("dna") is None  # 3 letters: exact only
    assert canonical_word("sembilan", fuzzy=False) == "sembilan"
    assert canonical_word("Befas", fuzzy=False) is None
    assert not is_number_word("bulan")
    assert not is_number_word("tahun")
    assert is_number_word("duapuluh")
