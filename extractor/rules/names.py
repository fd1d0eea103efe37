"""Indonesian signatories' names and jabatan, cleaned of what stamps and signatures leave.

OCR of a signature block reads the stamp, the signature stroke and the meterai
as short tokens around the printed name: "2 SUTRISNO, S.Sos", "TT Kepala
Dinas", "ls Dr. Ir. X", "SUTRISNO, S.Sos 4". A printed name has a shape: an
optional prefix title (Prof., Dr., dr., Drs., Dra., Ir., H., Hj., KH., R.),
name words of at least two letters (or initials with a dot, "A."), then
academic degrees after commas (S.H., M.Si., Ph.D.). Tokens outside that shape
at either end are debris and are cut, with a note; a name whose core is too
short to be a name ("DR. SU", cut by a stamp) is kept but flagged, never
completed by guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.rules.signatures import is_degree

PREFIX_TITLE = re.compile(r"^(?:Prof|Drs|Dra|Dr|DR|dr|Ir|IR|H|Hj|HJ|KH|R|Rr)\.?,?$")
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'\-]+,?$|^[A-Z]\.,?$|^[A-Z][a-z]+\.,?$")
_PARTICLES = {"I", "Ni", "NI", "Hj", "HJ", "Go", "GO", "Oey", "Lie", "Tan", "Ong", "Ida"}
"""Short name words that are real: Balinese 'I' and 'Ni', Chinese-Indonesian surnames."""


_EDGE = "|/\\'\"«»“”!*#~_"
"""Marks a stamp's ring or a signature stroke leaves on a token's edges."""


def _is_debris(token: str) -> bool:
    """Digits, punctuation, a lowercase scrap ('ls') or one or two capitals ('TT', 'A4')."""
    t = token.strip(_EDGE).rstrip(".,:;")
    if t in _PARTICLES or t == "dr":
        return False
    return bool(re.fullmatch(r"\d{1,3}|[^\w]{1,3}|[a-z]{1,3}|[A-Z]{1,2}\d?|\d[A-Za-z]|", t))


_JOB_START = re.compile(
    r"^(?:Kepala|Direktur|Rektor|Bupati|Wali\s?kota|Walikota|Gubernur|Ketua|Dekan|Manager|Manajer"
    r"|Menteri|Koordinator|Presiden|President|Director|Pimpinan|Pemimpin|Sekretaris|Pejabat"
    r"|General|Branch|Senior|Vice|Wakil|Plt|Plh|Kasubag|Kabid|Camat|Lurah|Kepala)\b",
    re.IGNORECASE,
)
MIN_CORE_LETTERS = 4
"""A name's words without titles hold at least this many letters ("SU" is a cut name)."""


@dataclass
class Cleaned:
    value: str | None
    notes: list[str] = field(default_factory=list)
    doubtful: bool = False


def _is_title(token: str) -> bool:
    return bool(PREFIX_TITLE.match(token)) or is_degree(token)


def _core_letters(tokens: list[str]) -> int:
    core = [t for t in " ".join(tokens).replace(",", " ").split() if not _is_title(t)]
    return sum(len(re.sub(r"[^A-Za-z]", "", t)) for t in core)


def clean_signatory(raw: str | None) -> Cleaned:
    """The printed name with debris before and after it cut; flagged when it is too short."""
    if not raw:
        return Cleaned(raw)
    tokens = raw.split()
    notes: list[str] = []
    start = 0
    while start < len(tokens) - 1:
        tok = tokens[start]
        if _is_title(tok) or (_NAME_WORD.match(tok) and len(tok.strip(",.")) > 2):
            break
        if not _is_debris(tok):
            break
        start += 1
    end = len(tokens)
    while end > start + 1:
        tok = tokens[end - 1]
        if _is_title(tok) or not _is_debris(tok) or tok.endswith("."):
            break
        if _core_letters(tokens[start : end - 1]) < MIN_CORE_LETTERS:
            break  # 'DR. SU': the short word is what is left of the name, not debris
        end -= 1
    kept = tokens[start:end]
    if start:
        notes.append(f"'{' '.join(tokens[:start])}' before the name read as stamp/signature debris")
    if end < len(tokens):
        notes.append(f"'{' '.join(tokens[end:])}' after the name read as stamp/signature debris")
    value = " ".join(kept).strip(" ,;" + _EDGE)
    letters = _core_letters(value.split())
    doubtful = bool(notes) or letters < MIN_CORE_LETTERS
    if letters < MIN_CORE_LETTERS:
        notes.append(f"'{value}' is too short for a name (cut by a stamp or the scan?)")
    return Cleaned(value or None, notes, doubtful)


def clean_jabatan(raw: str | None) -> Cleaned:
    """A jabatan with stray short tokens before its head word cut ("TT Kepala Dinas")."""
    if not raw:
        return Cleaned(raw)
    tokens = raw.split()
    start = 0
    while start < min(3, len(tokens) - 1) and _is_debris(tokens[start]):
        if _JOB_START.match(" ".join(tokens[start + 1 :])):
            start += 1
            break
        start += 1
    if start and _JOB_START.match(" ".join(tokens[start:])):
        cut = " ".join(tokens[:start])
        return Cleaned(" ".join(tokens[start:]), [f"'{cut}' before the jabatan read as debris"])
    return Cleaned(raw)


def core_name(name: str | None) -> str:
    """A name without its titles and punctuation: what two spellings of one person share."""
    if not name:
        return ""
    tokens = [t.strip(",;:" + _EDGE) for t in name.replace(",", " ").split()]
    kept = [t.strip(".") for t in tokens if t and not _is_title(t)]
    return " ".join(t for t in kept if t)
