"""Signatories' names and jabatan cleaned of stamp and signature debris (real wording)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.rules.names import clean_jabatan, clean_signatory, core_name
from extractor.rules.parties import _fuller
from extractor.rules.signatures import is_degree


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


def test_a_copys_ttd_and_cap_and_brackets_are_not_part_of_the_name() -> None:
    for raw, name in [
        ("ttd BUDI SANTOSO, S.H.", "BUDI SANTOSO, S.H."),
        ("TTD Dr. Ir. H. AHMAD FAUZI, M.Sc., IPU", "Dr. Ir. H. AHMAD FAUZI, M.Sc., IPU"),
        ("Cap DRS. H. SALEH", "DRS. H. SALEH"),
        ("SUTRISNO, S.Sos ttd", "SUTRISNO, S.Sos"),
        ("Ir. ANDI MAPPANYUKKI, M.T. ~ ~", "Ir. ANDI MAPPANYUKKI, M.T."),
    ]:
        cleaned = clean_signatory(raw)
        assert cleaned.value == name and cleaned.doubtful
        assert all(n.startswith("[name-debris]") for n in cleaned.notes)
    bracketed = clean_signatory("( Drs. H. SALEH, M.Si )")
    assert bracketed.value == "Drs. H. SALEH, M.Si" and not bracketed.doubtful


def test_regional_forms_and_degree_chains_are_names() -> None:
    for name in [
        "I Gusti Ngurah Rai Suryawijaya, S.E., M.M.",
        "Ida Bagus Made Wisnu, S.T.",
        "R.A. Kartika Sari, S.Sos.",
        "Rr. Endang Lestari",
        "drg. Sri Wahyuni, M.Kes., Sp.KG",
        "Prof. Dr. Ir. H. Muhammad Nasution, M.Sc., IPU",
        "Tgk. H. Abdullah Daud",
        "SUTRISNO",
    ]:
        cleaned = clean_signatory(name)
        assert cleaned.value == name and not cleaned.doubtful, name


def test_a_rank_is_not_a_name_and_a_bare_comma_says_the_degrees_were_cut() -> None:
    for rank in ["Pembina Utama Muda", "Pembina Tk. I (IV/b)", "Penata Tingkat I", "IV/c"]:
        cleaned = clean_signatory(rank)
        assert cleaned.value is None and "rank" in cleaned.notes[0]
    cut = clean_signatory("BUDI SANTOSO,")
    assert cut.value == "BUDI SANTOSO" and cut.doubtful and cut.notes[0].startswith("[name-cut]")
    assert clean_signatory("DR. SU").notes[0].startswith("[name-cut]")


def test_marks_and_ranks_glued_to_a_jabatan_are_cut() -> None:
    for raw, job in [
        ("Kepala Dinas Pendidikan METERAI TEMPEL 10000", "Kepala Dinas Pendidikan"),
        ("Kepala Dinas Pendidikan Pembina Utama Muda", "Kepala Dinas Pendidikan"),
        ("KEPALA BADAN KEPEGAWAIAN DAERAH Pembina Tk. I (IV/b)", "KEPALA BADAN KEPEGAWAIAN DAERAH"),
        ("ttd Kepala Dinas Kesehatan", "Kepala Dinas Kesehatan"),
    ]:
        cleaned = clean_jabatan(raw)
        assert cleaned.value == job and cleaned.notes[0].startswith("[jabatan-debris]"), raw
    # a number that belongs to the jabatan stays; a scrap after it goes only in a block
    assert clean_jabatan("Kepala SMK Negeri 1", from_block=True).value == "Kepala SMK Negeri 1"
    assert clean_jabatan("Ketua Tim Pembina").value == "Ketua Tim Pembina"
    assert clean_jabatan("Kepala Dinas Pariwisata 2", from_block=True).value == (
        "Kepala Dinas Pariwisata"
    )
    assert clean_jabatan("Bupati Daerah 12").value == "Bupati Daerah 12"


# --- the name grammar as properties: names built by its rules survive, debris does not


_WORDS = st.sampled_from(
    [
        "Made",
        "Sutrisno",
        "Marwan",
        "Hamami",
        "Nyoman",
        "Susila",
        "Siti",
        "Nurhaliza",
        "Wayan",
        "Baharuddin",
        "Lumban",
        "Gaol",
        "Ni",
        "Luh",
        "Putu",
        "Ahmad",
        "Fahmi",
        "Usman",
    ]
)
_PREFIX = st.sampled_from(["", "Dr.", "Prof. Dr.", "dr.", "Drs.", "Ir.", "H.", "Hj.", "Drs. H."])
_DEGREES = st.lists(
    st.sampled_from(["S.H.", "M.Si.", "M.Pd", "S.Sos", "SE", "MM", "M.Kes", "Ph.D", "S.STP"]),
    max_size=3,
)
_DEBRIS = st.sampled_from(
    ["2", "4", "TT", "N", "ls", "|", "/'", "7 «", "A4", ",", "«", "ttd", "Cap", "TTD", "~ ~"]
)


@st.composite
def _names(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS, min_size=2, max_size=4, unique=True))
    if draw(st.booleans()):
        words = [w.upper() if w not in ("Ni",) else w for w in words]
    name = " ".join([draw(_PREFIX), *words]).strip()
    degrees = draw(_DEGREES)
    return f"{name}, {', '.join(degrees)}" if degrees else name


@settings(max_examples=150, deadline=None)
@given(_names())
def test_a_grammatical_name_is_kept_whole(name: str) -> None:
    cleaned = clean_signatory(name)
    assert cleaned.value == name and not cleaned.doubtful


@settings(max_examples=150, deadline=None)
@given(_names(), _DEBRIS, _DEBRIS, st.booleans(), st.booleans())
def test_debris_around_a_name_is_cut_and_noted(
    name: str, before: str, after: str, lead: bool, trail: bool
) -> None:
    raw = " ".join([before] * lead + [name] + [after] * trail)
    cleaned = clean_signatory(raw)
    assert cleaned.value is not None
    assert core_name(cleaned.value) == core_name(name)
    assert cleaned.doubtful == (lead or trail)


@settings(max_examples=100, deadline=None)
@given(_names(), st.integers(min_value=2, max_value=3))
def test_a_name_cut_by_a_stamp_gives_way_to_the_full_form(name: str, keep: int) -> None:
    words = name.split(",")[0].split()
    core = core_name(name).split()
    assume(not is_degree(core[0][:keep]))  # "MA" cut from "MADE" reads as a degree: no name
    cut = " ".join([*words[: len(words) - len(core)], core[0][:keep]])
    assert _fuller(cut, name) == name
    assert _fuller(name, cut) == name


def test_a_name_whose_start_is_under_the_stamp_is_flagged() -> None:
    for raw in ["manjuntak, S.H.", "bang Wijaya, S.H."]:
        cleaned = clean_signatory(raw)
        assert cleaned.doubtful and cleaned.notes[0].startswith("[name-cut]")
    assert not clean_signatory("dr. Fajar Nugroho, M.Kes.").doubtful


def test_the_clean_reading_of_one_person_wins_over_a_damaged_or_cut_one() -> None:
    # the clause read a digit into the name; the block printed it cleanly
    assert _fuller("BUDI SANTOS0, S.H.", "BUDI SANTOSO, S.H.") == "BUDI SANTOSO, S.H."
    # the block has more titles but the stamp cut the name's start: the clause stays
    assert _fuller("Bambang Wijaya", "bang Wijaya, S.H.") == "Bambang Wijaya"
    assert _fuller("Bambang Wijaya", "Dr. Bambang Wijaya, S.H.") == "Dr. Bambang Wijaya, S.H."
