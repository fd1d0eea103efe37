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
_DEBRIS = st.sampled_from(["2", "4", "TT", "N", "ls", "|", "/'", "7 «", "A4", ",", "«"])


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
