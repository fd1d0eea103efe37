"""What ink leaves in a printed name, pangkat and jabatan, judged by the shape of
Indonesian names and offices (real wording, no document of real-dev).

A name opens with a capital and a syllable an Indonesian word can open with, holds one
word of four letters at least (or is a Chinese-Indonesian name of short words), and
puts a comma only before its degrees. A signature's tail or a stamp over the name
breaks one of those: the start of the first word is under the ink ("NDRA, S.H." of
"MAHENDRA"), the end is cut ("AHMAD SU"), the letters are ink ("Na Na BAN"), or two
readings run into each other ("Eko, ANURUNG"). Such a name is kept (never completed by
guessing) and flagged, so the reviewer sees it first.
"""

from __future__ import annotations

from extractor.rules.block_marks import is_rank_line
from extractor.rules.names import (
    NAME_CUT,
    NAME_DEBRIS,
    clean_jabatan,
    clean_signatory,
    ends_in_fragment,
)
from extractor.rules.signatures import _is_role_heading


def test_a_name_whose_first_word_starts_in_the_middle_of_a_word_is_flagged_cut() -> None:
    for raw in ["NDRA, S.H., M.AP., Ak.", "RTONO WIBOWO", "anurung, M.Eng."]:
        cleaned = clean_signatory(raw)
        assert cleaned.doubtful and NAME_CUT in " ".join(cleaned.notes), raw


def test_names_opening_with_real_consonant_pairs_are_not_flagged() -> None:
    for name in [
        "dr. I GUSTI NGURAH MADE SIMANJUNTAK, S.Kom.",
        "NYOMAN SUTARJA",
        "Tjahjo Kumolo",
        "Djoko Santoso, M.Si.",
        "STEFANUS NDONA",
        "Ndona Bere",
        "Christina Aryani, S.E.",
        "Syamsul Bahri",
        "Dwi Daulay, S.Pd., M.H.",
        "Tri Rismaharini",
        "Sri Mulyani Indrawati",
        "Kristiadi Wibowo",
        "Pratikno",
        "Mhd. Yusuf Siregar",
        "Bhima Yudhistira",
        "Prof. Dr. Ir. H. I Made Sudana, M.Si., Ph.D.",
        "Tan Go Lie",
        "Oey Hong Lee",
        "Dra, IDA YUNIATI SURTIKA",  # a title's dot read as a comma is no misreading
    ]:
        cleaned = clean_signatory(name)
        assert not cleaned.doubtful, (name, cleaned.notes)


def test_two_capitals_after_a_name_word_are_a_cut_name_not_debris() -> None:
    for raw, kept in [("Ir. RATNA LA", "Ir. RATNA"), ("AHMAD SU", "AHMAD")]:
        cleaned = clean_signatory(raw)
        assert cleaned.value == kept and NAME_CUT in " ".join(cleaned.notes)
    # after the degrees it stays a stray mark
    cleaned = clean_signatory("Drs. H. SUTRISNO, M.Si. 2")
    assert cleaned.value == "Drs. H. SUTRISNO, M.Si."
    assert NAME_DEBRIS in " ".join(cleaned.notes) and NAME_CUT not in " ".join(cleaned.notes)


def test_ink_read_as_short_words_and_a_comma_inside_a_name_are_flagged() -> None:
    assert NAME_CUT in " ".join(clean_signatory("Na Na BAN").notes)
    assert NAME_DEBRIS in " ".join(clean_signatory("Eko, ANURUNG, M.AP.").notes)
    assert clean_signatory("DR. SU").doubtful


def test_a_pangkat_misread_under_the_stamp_is_still_a_rank() -> None:
    for line in ["Pembirla Utama Madya", "Penala Tingkat I", "Pembina Utama Muda (IV/c)"]:
        assert is_rank_line(line), line
    for name in ["AGUS SANTOSO", "Made Utama", "PUTU MADYA", "Ratna Muda", "Ir. MUDA UTAMA"]:
        assert not is_rank_line(name), name


def test_stamp_edges_glued_before_a_jabatan_are_cut_but_brackets_kept() -> None:
    assert clean_jabatan("(&BupaTI FAK FAK", from_block=True).value == "BupaTI FAK FAK"
    assert clean_jabatan("2Kepala Dinas Pendidikan").value == "Kepala Dinas Pendidikan"
    assert clean_jabatan("TT Kepala Dinas").value == "Kepala Dinas"
    assert clean_jabatan("(Plt.) Kepala Dinas").value == "(Plt.) Kepala Dinas"
    for kept in ["Plt. Kepala Dinas Pendidikan", "Pj. Bupati Garut", "Kepala SMK Negeri 1"]:
        assert clean_jabatan(kept, from_block=True).value == kept


def test_a_sentence_of_an_article_is_no_role_label_of_the_signatures() -> None:
    assert _is_role_heading("PIHAK KESATU,")
    assert _is_role_heading("PIHAK KESATU,                PIHAK KEDUA,")
    assert not _is_role_heading("PIHAK KEDUA berkewajiban:")
    assert not _is_role_heading("PIHAK KESATU menyediakan")


def test_a_name_ending_in_a_two_letter_fragment_is_cut_but_degrees_and_particles_are_not() -> None:
    for cut in ("DR. SU", "AHMAD SU, S.H.", "I Made Su", "Hj. RATNA LA"):
        assert ends_in_fragment(cut), cut
    for whole in (
        "Deden Suryana, M.Pd",
        "Drs. Purwantono M.Pd.",
        "SURTIKA M.M",
        "I Gusti Ayu Ni",
        "Tan Go Lie",
        "Budi S.",
        "Dr. Ir. H. SALEH, M.Si",
    ):
        assert not ends_in_fragment(whole), whole
