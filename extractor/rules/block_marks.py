"""What a signature block prints besides names and jabatan: ranks, marks and blanks.

A signing cell holds more than the role, the jabatan and the printed name.
Civil servants print their rank (*pangkat*) and grade (*golongan*) between the
name and the NIP ("Pembina Utama Muda", "Pembina Tk. I (IV/b)", "Pangkat/
Golongan : Penata Tingkat I, III/d"); officers of the TNI and Polri print
their rank before or under the name ("Kolonel Inf.", "Komisaris Besar
Polisi"). A copy for the files replaces the signature by "ttd" and the stamp
by "Cap" ("ttd./Cap", "(ttd dan cap)", "dto"); the meterai prints its own
words ("METERAI TEMPEL", "10000", "SEPULUH RIBU RUPIAH"); an unsigned copy
leaves a dotted blank "(.............)". A rank read as a name makes the
person a "Pembina Utama Muda"; a mark read into a name or jabatan makes "ttd
BUDI SANTOSO" or "Kepala Dinas ... METERAI TEMPEL". These shapes are fixed by
the civil-service rules and by office habit, so they are matched by pattern.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

_GRADE = r"(?:IV|III|II|I)\s*[/.-]?\s*[a-eA-E]\b"
"""A golongan: "IV/c", "III/d", "IV.b", "II-a"."""
_PNS_RANK = (
    r"(?:Juru|Pengatur|Penata|Pembina)(?:\s+(?:Utama|Muda|Madya))*"
    r"(?:\s+(?:Tingkat|Tk\.?)\s*(?:I|1)\b)?"
)
"""The seventeen civil-service ranks: Juru Muda ... Pembina Utama, "Tingkat I" abbreviated."""
_FORCES_RANK = (
    r"(?:(?:Letnan|Brigadir|Mayor|Kolonel|Laksamana|Marsekal|Kapten|Jenderal|Komisaris|Inspektur"
    r"|Ajun|Ajudan|Sersan|Bripka|Brigjen|Mayjen|Letjen|Kombes|AKBP|AKP|Kompol|Laksma|Marsma"
    r"|Laksda|Marsda)\b[\w .()]*?)"
    r"\b(?:TNI|POLRI|Polri|Polisi|POLISI|Inf|Kav|Arm|Czi|Cpm|Laut|Udara|Purn)\b\.?"
)
RANK_LINE = re.compile(
    rf"^\W*(?:(?:Pangkat|Golongan|Gol\.?)\s*(?:/\s*(?:Golongan|Gol\.?))?\s*[:.]?\s*.*"
    rf"|{_PNS_RANK}\s*[,(]?\s*(?:{_GRADE})?\s*\)?"
    rf"|{_GRADE}"
    rf"|{_FORCES_RANK}[\w .()]*?)\W*$",
    re.IGNORECASE,
)
_RANK_TAIL = re.compile(
    rf"(?P<rank>{_PNS_RANK})?\s*[,(]?\s*(?P<grade>{_GRADE})?\s*\)?", re.IGNORECASE
)
"""A rank with or without its grade; one rank word alone ("Tim Pembina") is no rank."""

MARK_WORDS = re.compile(
    r"^\W*(?:t\.?t\.?d\.?|ttd\.?/?cap|cap|dto\.?|tertanda|paraf|ttd\.?\s*(?:&|dan|/)\s*cap"
    r"|cap\s*(?:&|dan|/)\s*(?:ttd|tanda\s+tangan)|tanda\s+tangan|materai|meterai|tempel"
    r"|rp\.?|\d{1,3}(?:[.,]\d{3})+|\d{4,5}|sepuluh|enam|ribu|rupiah|nama\s+jelas)\W*$",
    re.IGNORECASE,
)
"""One word (or fixed pair) of what a copy, a stamp or a meterai prints in the blank."""
_BLANK = re.compile(r"^[\s(\[]*[._…·\-~=*]{3,}[\s)\]]*$")
"""An unsigned copy's blank: "(.............)", "_____", "~ ~ ~"."""
_MARK_PHRASE = re.compile(
    r"(?:\(\s*)?\b(?:t\.t\.d\.?|ttd\.?|TTD\.?)(?:\s*(?:&|dan|/)\s*(?:cap|CAP|Cap))?(?:\s*\))?"
    r"|\b(?:METERAI|MATERAI|Meterai|Materai|meterai|materai)(?:\s+(?:TEMPEL|Tempel|tempel))?"
    r"(?:\s+(?:Rp\.?\s*)?\d[\d.,]*)?"
    r"|\bTEMPEL\b|\b\d{1,3}\.000\b|\b(?:6000|10000)\b"
)
"""The same marks inside a longer line: "ttd BUDI SANTOSO", "Kepala Dinas METERAI TEMPEL"."""


def is_rank_line(text: str) -> bool:
    """A pangkat/golongan or TNI/Polri rank line: never a name, never the jabatan."""
    s = text.strip()
    if not s or len(s) > 80:
        return False
    return bool(RANK_LINE.match(s)) or _misread_rank(s)


_RANK_HEADS = ("juru", "pengatur", "penata", "pembina")
_RANK_WORDS = ("utama", "muda", "madya", "tingkat")


def _misread_rank(s: str) -> bool:
    """ "Pembirla Utama Madya", "Penala Tingkat I": a civil-service rank with a letter or
    two misread under the stamp. Its head word and every word after it (but a grade) are
    close to the fixed words of the ranks, and a second word is there: one word alone
    ("Penata") could be a name."""
    words = re.findall(r"[A-Za-z]+", re.sub(_GRADE, " ", s))
    if len(words) < 2 or not 4 <= len(words[0]) <= 10:
        return False
    head = max(fuzz.ratio(words[0].lower(), w) for w in _RANK_HEADS)
    rest = all(
        w.upper() in {"I", "TK"} or max(fuzz.ratio(w.lower(), r) for r in _RANK_WORDS) >= 75
        for w in words[1:]
    )
    return head >= 75 and rest


def is_mark_line(text: str) -> bool:
    """A line of marks only (ttd, Cap, meterai words, a dotted blank): nothing to read."""
    s = text.strip()
    if not s:
        return True
    if _BLANK.match(s):
        return True
    words = [w for w in re.split(r"\s+", s) if not re.fullmatch(r"\W*(?:dan|&|/)\W*", w, re.I)]
    return bool(words) and all(
        MARK_WORDS.match(w) or not re.search(r"[A-Za-z0-9]", w) for w in words
    )


def strip_marks(text: str) -> tuple[str, list[str]]:
    """The line without mark words inside it, and what was cut (for the evidence)."""
    cut: list[str] = []

    def drop(m: re.Match[str]) -> str:
        cut.append(m.group(0).strip())
        return " "

    out = _MARK_PHRASE.sub(drop, text)
    out = re.sub(r"\(\s*[._…·\-~=*]{3,}\s*\)|[._…~=*]{4,}", lambda m: drop(m), out)
    out = re.sub(r"\s+", " ", out).strip(" ,;:")
    return out, [c for c in cut if c]


def ends_with_rank(text: str) -> tuple[str, str | None]:
    """ "Kepala Dinas Pendidikan Pembina Utama Muda" -> (jabatan, rank): a rank OCR glued on."""
    words = text.split()
    for k in range(max(1, len(words) - 6), len(words)):
        tail = " ".join(words[k:])
        m = _RANK_TAIL.fullmatch(tail.strip(" ,"))
        if m and (m.group("grade") or len(m.group("rank").split()) >= 2):
            return " ".join(words[:k]).rstrip(" ,"), tail
    return text, None
