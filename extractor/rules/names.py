"""Indonesian signatories' names and jabatan, cleaned of what stamps and signatures leave.

OCR of a signature block reads the stamp, the signature stroke and the meterai
as short tokens around the printed name: "2 SUTRISNO, S.Sos", "TT Kepala
Dinas", "ls Dr. Ir. X", "SUTRISNO, S.Sos 4", "ttd BUDI SANTOSO", "Cap
METERAI TEMPEL". A printed name has a shape: optional prefix titles
(Prof., Dr., dr., drg., Drs., Dra., Ir., H., Hj., KH., R., R.A., Tgk.),
name words of at least two letters (or initials with a dot, "A."; the short
words of Balinese and Chinese-Indonesian names, "I", "Ni", "Tan"), then
academic and professional degrees after commas (S.H., M.Si., Ph.D., IPU).
Tokens outside that shape at either end are debris and are cut, with a note;
a name whose core is too short to be a name ("DR. SU", cut by a stamp) or
that stops at a comma with no degree after it ("BUDI SANTOSO,") is kept but
flagged, never completed by guessing. Each note carries a stable tag in
brackets ("[name-debris]", "[name-cut]") that the calibration reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractor.rules.block_marks import ends_with_rank, is_rank_line, strip_marks
from extractor.rules.signatures import is_degree

PREFIX_TITLE = re.compile(
    r"^(?:Prof|Drs|Dra|Dr|DR|dr|drg|drh|Ir|IR|H|Hj|HJ|KH|R|Rr|RA|R\.A|RM|R\.M|Rd|Tgk|Apt|Ns"
    r"|Pdt)\.?,?$"
)
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'\-]+,?$|^[A-Z]\.,?$|^[A-Z][a-z]+\.,?$")
_PARTICLES = {"I", "Ni", "NI", "Hj", "HJ", "Go", "GO", "Oey", "Lie", "Tan", "Ong", "Ida"}
"""Short name words that are real: Balinese 'I' and 'Ni', Chinese-Indonesian surnames."""
_MARK_TOKENS = re.compile(r"^(?:t\.?t\.?d\.?|TTD\.?|Ttd\.?|cap|Cap|CAP|dto\.?|Dto\.?)$")
"""A copy's 'ttd' / 'Cap' / 'dto' where the signature and stamp were: never part of a name."""

_EDGE = "|/\\'\"«»“”!*#~_()[]"
"""Marks a stamp's ring or a signature stroke leaves on a token's edges."""

NAME_DEBRIS = "[name-debris]"
"""Tag: the cleaning cut tokens from the name (stamp, signature, 'ttd', a list marker)."""
NAME_CUT = "[name-cut]"
"""Tag: the name looks cut short (too few letters, or a comma with nothing after it)."""
JABATAN_DEBRIS = "[jabatan-debris]"
"""Tag: the cleaning cut tokens from the jabatan (debris, a rank, meterai words)."""


def _is_debris(token: str) -> bool:
    """Digits, punctuation, a lowercase scrap ('ls') or one or two capitals ('TT', 'A4')."""
    t = token.strip(_EDGE).rstrip(".,:;")
    if _MARK_TOKENS.match(t):
        return True
    if t in _PARTICLES or t == "dr":
        return False
    return bool(re.fullmatch(r"\d{1,6}|[^\w]{1,3}|[a-z]{1,3}|[A-Z]{1,2}\d?|\d[A-Za-z]|", t))


_JOB_START = re.compile(
    r"^(?:Kepala|Direktur|Rektor|Bupati|Wali\s?kota|Walikota|Gubernur|Ketua|Dekan|Manager|Manajer"
    r"|Menteri|Koordinator|Presiden|President|Director|Pimpinan|Pemimpin|Sekretaris|Pejabat"
    r"|General|Branch|Senior|Vice|Wakil|Plt|Plh|Pj|Pjs|Penjabat|Pelaksana|Kasubag|Kabid|Camat"
    r"|Lurah|Deputi|Asisten|Inspektur|Komisaris|Kuasa|a\.\s?n\.?|an\.|u\.\s?b\.?|ub\.)(?=\W|$)",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"^(?:Negeri|NEGERI|N|Nomor|NOMOR|No\.?|NO\.?|Wilayah|WILAYAH|Kelas|KELAS|Tipe|TIPE|Unit|UNIT"
    r"|Seksi|SEKSI|Bidang|BIDANG|Sektor|Rayon|Cabang|Regional|REGIONAL|Divisi|Area|AREA|Puskesmas"
    r"|[A-Z]{2,4}N)$"
)
"""Words a number follows in a jabatan ("Kepala SMK Negeri 1", "Kepala SDN 4"): keep it."""
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


def _unwrap(raw: str) -> str:
    """ "( Drs. H. SALEH, M.Si )": the brackets some offices print around the name."""
    s = raw.strip()
    m = re.fullmatch(r"\(\s*(.+?)\s*\)", s)
    return m.group(1) if m and "(" not in m.group(1) else s


_BALI = re.compile(
    r"\b(I|Ni|NI)(?=(?:Wayan|Made|Nyoman|Ketut|Gede|Putu|Komang|Kadek|Nengah|Gusti|Luh|Dewa"
    r"|Nyoman|Gst|WAYAN|MADE|NYOMAN|KETUT|GEDE|PUTU|KOMANG|KADEK|NENGAH|GUSTI|LUH|DEWA)\b)"
)
"""Balinese 'I' and 'Ni' glued to the birth-order name ("IWAYAN", "INyoman", "NiLuh"):
OCR drops the narrow space after a one-letter word; the two words are always two."""


ACTING_PREFIX = re.compile(
    r"^\W*(?:(?:Pelaksana|PELAKSANA)\s+(?:Tugas|TUGAS|Harian|HARIAN)|Penjabat|PENJABAT"
    r"|(?:Plt|PLT|Plh|PLH|Pjs|PJS|Pj|PJ)\s?\.|(?:Plt|PLT|Plh|PLH|Pjs|PJS)(?=\s))\s*",
)
"""An acting office's prefix (Pelaksana Tugas, Pelaksana Harian, Penjabat, Pejabat
Sementara and their abbreviations): it opens a jabatan ("Pj. BUPATI GARUT"), and where a
block prints it before the name ("Plt. AGUS SANTOSO") it is still the office, never a
word of the name. 'Pj' only with its dot: it is no Indonesian name word either way."""


_DELEGATION = re.compile(r"^(?:a\.\s?n\.?|an\.|u\.\s?b\.?|ub\.)\s+", re.IGNORECASE)
"""'a.n.' (atas nama) and 'u.b.' (untuk beliau): signing for a superior, who is named next."""


def is_office_marker(text: str) -> bool:
    """A line of a signature cell that is only an acting prefix ("Plt.", "Pj.", "PENJABAT")
    or a delegation mark ("a.n.", "u.b."): short, but a line of the jabatan, not a scrap."""
    t = text.strip(" ,;:")
    return bool(ACTING_PREFIX.fullmatch(t) or _DELEGATION.fullmatch(t + " "))


def acting_prefix(text: str) -> tuple[str, str]:
    """ "Plt. AGUS SANTOSO" -> ("Plt.", "AGUS SANTOSO"); ("", text) without a prefix."""
    m = ACTING_PREFIX.match(text)
    if m is None or not text[m.end() :].strip():
        return "", text
    return re.sub(r"\s+", " ", text[: m.end()].strip().replace(" .", ".")), text[m.end() :]


def clean_signatory(raw: str | None) -> Cleaned:
    """The printed name with debris before and after it cut; flagged when it looks cut.
    An acting office's prefix printed before the name ("Plt. AGUS SANTOSO") is cut with a
    note and no doubt: the reading is whole, the prefix belongs to the jabatan."""
    if not raw:
        return Cleaned(raw)
    if is_rank_line(raw):
        return Cleaned(None, [f"{NAME_DEBRIS} '{raw}' is a rank (pangkat/golongan), not a name"])
    prefix, raw = acting_prefix(raw.strip())
    tokens = _BALI.sub(r"\1 ", _unwrap(raw)).split()
    notes: list[str] = []
    if prefix:
        notes.append(f"'{prefix}' before the name is the acting office, not part of the name")
    start = 0
    while start < len(tokens) - 1:
        tok = tokens[start]
        if _is_title(tok) or (
            _NAME_WORD.match(tok) and len(tok.strip(",.")) > 2 and not _MARK_TOKENS.match(tok)
        ):
            break
        if not _is_debris(tok):
            break
        start += 1
    end = len(tokens)
    while end > start + 1:
        tok = tokens[end - 1]
        mark = bool(_MARK_TOKENS.match(tok.strip(_EDGE)))
        if not mark and (_is_title(tok) or not _is_debris(tok) or tok.endswith(".")):
            break
        if not mark and _core_letters(tokens[start : end - 1]) < MIN_CORE_LETTERS:
            break  # 'DR. SU': the short word is what is left of the name, not debris
        end -= 1
    kept = tokens[start:end]
    if start:
        notes.append(
            f"{NAME_DEBRIS} '{' '.join(tokens[:start])}' before the name read as stamp/signature"
            " debris"
        )
    if end < len(tokens) and _cut_fragment(tokens[end - 1], tokens[end]):
        notes.append(
            f"{NAME_CUT} '{tokens[end]}' after '{tokens[end - 1]}' is the start of a word: the"
            " name looks cut short (a stamp or a signature over its end?)"
        )
    elif end < len(tokens):
        notes.append(
            f"{NAME_DEBRIS} '{' '.join(tokens[end:])}' after the name read as stamp/signature"
            " debris"
        )
    value = " ".join(kept).strip(" ;" + _EDGE)
    letters = _core_letters(value.split())
    if letters < MIN_CORE_LETTERS:
        notes.append(f"{NAME_CUT} '{value}' is too short for a name (cut by a stamp or the scan?)")
    elif value.endswith(","):
        notes.append(f"{NAME_CUT} '{value}' ends at a comma: its degrees may be cut off")
    elif _cut_start(value):
        notes.append(f"{NAME_CUT} '{value}' starts in the middle of a word (a stamp over it?)")
    elif _short_words(value):
        notes.append(f"{NAME_CUT} '{value}' has no name word of four letters (ink over it?)")
    elif _comma_inside(value):
        notes.append(f"{NAME_DEBRIS} '{value}' has a comma between its name words (misread)")
    value = re.sub(r",\s*,", ",", value).rstrip(" ,")
    return Cleaned(value or None, notes, len(notes) > (1 if prefix else 0))


def _cut_start(value: str) -> bool:
    """ "manjuntak, S.H.", "bang Wijaya": a printed name opens with a capital (or a lowercase
    title, "dr."); lowercase letters first are the end of a word whose start is under ink.
    So does "NDRA, S.H." or "RTONO": no Indonesian word opens with such a pair of
    consonants, it is the rest of a word whose start is under the ink."""
    first = next((t for t in value.split() if not _is_title(t)), "")
    if re.match(r"[a-z]", first) and first.rstrip(".,") not in _LOWER_WORDS:
        return True
    if first.endswith("."):
        return False  # an abbreviation ("Mhd.", "Moch.", "Kms.") opens with any letters
    word = re.sub(r"[^A-Za-z]", "", first).lower()
    pair = word[:2]
    if pair in ("mb", "nd") and not re.match(r"[aeiou]", word[2:3]):
        return True  # "Ndona" and "Mbaru" open a syllable; "NDRA" is the end of a word
    return (
        len(word) >= 3
        and not re.match(r"[aeiou]", pair)
        and not re.match(r"[aeiouy]", pair[1:])
        and pair not in _ONSETS
    )


_ONSETS = {
    *("ng", "ny", "sy", "kh", "gh", "dh", "th", "sh", "ch", "ph", "tj", "dj", "sj", "nj"),
    *("br", "dr", "gr", "kr", "pr", "tr", "fr", "wr", "sr", "cr", "bl", "kl", "gl", "pl", "fl"),
    *("sl", "cl", "st", "sp", "sk", "sw", "sm", "sn", "kw", "hw", "mb", "nd", "mp", "rh"),
    *("dw", "tw", "gw", "ps", "sc", "wh", "zh", "bh", "jh", "ts", "mh"),
}
"""Consonant pairs a name word may open with: Indonesian ("Ngurah", "Nyoman", "Syamsul", "Dwi"),
old spellings ("Tjahjo", "Djoko"), loans ("Stefanus", "Christina", "Frans"), and the
prenasalised openings of eastern names ("Mbaru", "Ndona")."""


def _short_words(value: str) -> bool:
    """ "Na Na BAN": every word but titles shorter than four letters is ink read as letters;
    real names have one long word at least ("I Wayan"), or are Chinese-Indonesian names
    of short words ("Tan Go Lie")."""
    kept = [
        re.sub(r"[^A-Za-z]", "", t) for t in value.replace(",", " ").split() if not _is_title(t)
    ]
    kept = [k for k in kept if k]
    if any(k in _PARTICLES for k in kept):
        return False  # "Tan Go Lie": Chinese-Indonesian names of short words
    return bool(kept) and max(len(k) for k in kept) < MIN_CORE_LETTERS


def _comma_inside(value: str) -> bool:
    """ "Eko, ANURUNG, M.AP.": a comma is printed only before degrees; one between two name
    words is a misreading of what the ink covers ("Dra, IDA": a title's dot read as a comma,
    is not)."""
    head, _, rest = value.partition(",")
    nxt = rest.split()
    named = [t for t in head.split() if not _is_title(t)]
    return bool(named and nxt) and not _is_title(nxt[0]) and nxt[0][:1].isalpha()


def _cut_fragment(before: str, token: str) -> bool:
    """ "Ir. RATNA LA", "AHMAD SU": two capitals right after a name word (no comma between)
    are the start of the next word cut by the ink, not a stray mark after the name."""
    t = token.strip(_EDGE)
    return (
        bool(re.fullmatch(r"[A-Z]{2}", t))
        and not before.endswith(",")
        and not _is_title(before)
        and bool(_NAME_WORD.match(before))
    )


def ends_in_fragment(name: str) -> bool:
    """The name proper ends in a one- or two-letter fragment: 'DR. SU', 'I Made Su'.

    Degrees follow a comma ("Deden Suryana, M.Pd") or are dotted ("Purwantono M.Pd."),
    so the name proper is the first comma-separated part that holds a word that is no
    title; a short last word there is what a stamp left of the name, unless it is a
    real short name word (Balinese 'I' / 'Ni', a Chinese-Indonesian surname)."""
    for part in name.split(","):
        tokens = [t for t in part.split() if not (t.endswith(".") and _is_title(t))]
        words = [re.sub(r"[^A-Za-z]", "", t) for t in tokens if not _is_title(t)]
        words = [w for w in words if w and w.lower() != "prof"]
        if not words:
            continue
        last = re.sub(r"[^A-Za-z]", "", tokens[-1])
        return len(last) <= 2 and not _is_title(tokens[-1]) and last not in _PARTICLES
    return False


_LOWER_WORDS = {"dr", "drg", "drh", "bin", "binti", "van", "de", "der", "al", "el"}
"""Lowercase words a printed name may open with (titles, Arabic and Dutch particles)."""


def well_formed(name: str | None) -> bool:
    """A name as printed, nothing OCR made of it: no digits, no stray marks, no debris at
    its ends, nothing cut. Used to choose between two readings of the same person."""
    if not name or re.search(r"[^A-Za-z.,'\-() ]", name):
        return False
    cleaned = clean_signatory(name)
    return not cleaned.doubtful and cleaned.value == name.strip(" ,")


def clean_jabatan(raw: str | None, *, from_block: bool = False) -> Cleaned:
    """A jabatan with stray short tokens before its head word cut ("TT Kepala Dinas"), and
    the marks and ranks a stamp or the meterai leaves in it; from a signature block, also a
    scrap after its last word ("Kepala Dinas Pendidikan 2"), which a clause would not hold."""
    if not raw:
        return Cleaned(raw)
    notes: list[str] = []
    text, marks = strip_marks(raw)
    if marks and text:
        notes.append(f"{JABATAN_DEBRIS} '{' '.join(marks)}' in the jabatan read as meterai/ttd")
    else:
        text = raw
    text, rank = ends_with_rank(text)
    if rank:
        notes.append(f"{JABATAN_DEBRIS} rank '{rank}' after the jabatan is not part of it")
    footer = _PAGE_FOOTER.search(text)
    if footer and footer.start() > 0:
        notes.append(f"{JABATAN_DEBRIS} page footer '{footer.group().strip()}' after the jabatan")
        text = text[: footer.start()]
    nip = _LEADING_ID.match(text)
    if nip and _JOB_START.match(re.sub(r"^(?:\S{1,2}\s+){0,2}", "", text[nip.end() :])):
        notes.append(f"{JABATAN_DEBRIS} '{nip.group().strip()}' (a NIP) before the jabatan")
        text = text[nip.end() :]
    glued = re.match(r"^\W*[^\sA-Za-z]{1,3}(?=[A-Za-z])", text)
    if glued and glued.group().strip(" ([") and _JOB_START.match(text[glued.end() :]):
        notes.append(f"{JABATAN_DEBRIS} '{glued.group().strip()}' glued before the jabatan")
        text = text[glued.end() :]  # "(&Bupati": a stamp's edge read against the word
    tokens = text.split()
    start = 0
    while start < min(3, len(tokens) - 1) and _is_debris(tokens[start]):
        if _JOB_START.match(" ".join(tokens[start + 1 :])):
            start += 1
            break
        start += 1
    if start and _JOB_START.match(" ".join(tokens[start:])):
        cut = " ".join(tokens[:start])
        notes.append(f"{JABATAN_DEBRIS} '{cut}' before the jabatan read as debris")
        tokens = tokens[start:]
    end = len(tokens)
    while (
        from_block
        and end > 1
        and re.fullmatch(r"\W*(?:\d{1,3}|[a-z]{1,2}|[^\w]{1,3})\W*", tokens[end - 1])
        and not _COUNTED.match(tokens[end - 2])
    ):
        end -= 1  # "Kepala Dinas Pendidikan 2": a stroke of the signature after the last word
    if end < len(tokens):
        notes.append(
            f"{JABATAN_DEBRIS} '{' '.join(tokens[end:])}' after the jabatan read as debris"
        )
        tokens = tokens[:end]
    value = " ".join(tokens).strip(" ,;:")
    return Cleaned(value or None, notes, bool(notes))


_PAGE_FOOTER = re.compile(
    r"\s+-?\s*(?:(?:Halaman|Hal\.?|Page)\s*\d{1,3}(?:\s*(?:dari|/|of)\s*\d{1,3})?"
    r"|\d{1,3}\s*dari\s*\d{1,3}|-\s*\d{1,3}\s*-)\s*$",
    re.IGNORECASE,
)
"""A page's footer or number read into the jabatan where the clause runs over a page
break ("Bupati Seluma Halaman 2 dari 7", "... - 3 -")."""
_LEADING_ID = re.compile(r"^\W*(?:(?:NIP|NIK|NRP)\.?\s*:?\s*)?\d[\d ]{7,}\d\W*")
"""A NIP read into the jabatan when its row's label was lost ("19641018... 1 Sekretaris")."""


def core_name(name: str | None) -> str:
    """A name without its titles and punctuation: what two spellings of one person share."""
    if not name:
        return ""
    tokens = [t.strip(",;:" + _EDGE) for t in name.replace(",", " ").split()]
    kept = [t.strip(".") for t in tokens if t and not _is_title(t)]
    return " ".join(t for t in kept if t)


def fuller_name(clause: str | None, signed: str | None) -> str | None:
    """The clause form of a name unless the signature block has the same name with more titles."""
    if not signed:
        return clause
    if not clause:
        return signed
    core_c = " ".join(w for w in clause.replace(",", " ").split() if not is_degree(w))
    core_s = " ".join(w for w in signed.replace(",", " ").split() if not is_degree(w))
    cut_c, cut_s = core_name(clause).lower(), core_name(signed).lower()
    if cut_c != cut_s and cut_c and cut_s and (cut_s.startswith(cut_c) or cut_c.startswith(cut_s)):
        # one was cut by a stamp or the scan ("DR. SU"): the longer is the name
        return signed if len(cut_s) > len(cut_c) else clause
    if fuzz.ratio(core_c.lower(), core_s.lower()) < 85:
        return clause
    if well_formed(signed) and not well_formed(clause):
        return signed  # the clause's reading is damaged ("BUDI SANTOS0"), the block's is clean
    deg_c = sum(is_degree(w) for w in clause.replace(",", " ").split())
    deg_s = sum(is_degree(w) for w in signed.replace(",", " ").split())
    if clean_signatory(signed).doubtful:
        return clause  # "bang Wijaya, S.H.": more titles, but the name itself is cut
    return signed if deg_s > deg_c else clause
