"""Signatories' names and jabatan cleaned of stamp and signature debris (real wording)."""

from __future__ import annotations

from extractor.rules.names import clean_jabatan, clean_signatory


def test_debris_before_and_after_a_name_is_cut_with_a_note() -> None:
    for raw, name in [
        ("2 SUTRISNO, S.Sos", "SUTRISNO, S.Sos"),
        ("ls Dr. Ir. Made Sumarta, M.Si", "Dr. Ir. Made Sumarta, M.Si"),
        ("SUTRISNO, S.Sos 4", "SUTRISNO, S.Sos"),
        ("TT H. Marwan Hamami, MM", "H. Marwan Hamami, MM"),
    ]:
        cleaned = clean_signatory(raw)
        assert cleaned.value == name and cleaned.doubtful and cleaned.notes


def test_indonesian_names_and_titles_are_kept_whole() -> None:
    for name in [
        "Prof. Dr. I Gede Rasben Dantes, S.T., M.T.I.",
        "dr. I Nyoman Susila, M.Kes",
        "Ni Luh Putu Sri Ariyani, S.E.",
        "Drs. H. SALEH, M.Si.",
        "Tan Go Lie",
    ]:
        cleaned = clean_signatory(name)
        assert cleaned.value == name and not cleaned.doubtful


def test_a_name_cut_short_by_a_stamp_is_flagged_not_completed() -> None:
    cleaned = clean_signatory("DR. SU")
    assert cleaned.value == "DR. SU" and cleaned.doubtful


def test_debris_before_a_jabatan() -> None:
    assert clean_jabatan("TT Kepala Dinas Pendidikan").value == "Kepala Dinas Pendidikan"
    assert clean_jabatan("Kepala Sekolah").value == "Kepala Sekolah"
    assert clean_jabatan("Direktur Utama").notes == []
