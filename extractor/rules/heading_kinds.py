"""Amendment openers and the languages of a heading block.

An amendment names itself before the agreement it amends: "PERUBAHAN PERTAMA
ATAS / PERJANJIAN KERJA SAMA ...", "ADENDUM KEDUA / ATAS / NOTA KESEPAHAMAN
...", "AMANDEMEN I", "FIRST AMENDMENT TO / COOPERATION AGREEMENT ...",
"AMENDED AND RESTATED ...". The amended agreement's type line follows the
opener and must not end the block (it is the parent, not another heading).

Bilingual headings print each Indonesian line with its English translation
under it ("ANTARA / BETWEEN", "TENTANG / ON", the topic and its translation);
the title keeps the Indonesian lines. Party names are not translated, so a
line where a party is due (after "ANTARA"/"DAN"/"DENGAN") is kept even when it
reads as English ("THE UNIVERSITY OF ..."). A heading that is English only
keeps its English lines: they are the title.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

_ORDINAL = (
    r"(?:PERTAMA|KEDUA|KETIGA|KEEMPAT|KELIMA|KE-?\s?\w+|KE\s?[IVX]+|[IVX]{1,4}|\d{1,2}"
    r"|\(\s?[IVX\d]{1,4}\s?\))"
)
_OPENER = re.compile(
    r"^(?P<opener>(?:ADENDUM|ADDENDUM|ADENDUMM|AMANDEMEN|AMENDEMEN)(?:\s+" + _ORDINAL + r")?"
    r"(?:\s+(?:ATAS|TERHADAP))?"
    r"|PERUBAHAN(?:\s+" + _ORDINAL + r")?\s+(?:ATAS|TERHADAP)"
    r"|(?:FIRST|SECOND|THIRD|FOURTH|FIFTH|\d(?:ST|ND|RD|TH))\s+AMENDMENT(?:\s+TO)?"
    r"|AMENDMENT(?:\s+(?:NO\.?\s?\d+|[IVX]{1,4}))?(?:\s+TO)?"
    r"|AMENDED(?:\s+AND\s+RESTATED)?)(?![A-Za-z0-9])"
)
_OPENER_ONLY = re.compile(
    r"^(?:ATAS|TERHADAP|TO|OF|" + _ORDINAL + r"|AMENDMENT\s+TO|AND\s+RESTATED)$"
)


def amendment_opener(line: str) -> str | None:
    """The amendment words that open a heading line ('PERUBAHAN PERTAMA ATAS'), or None."""
    m = _OPENER.match(line.strip().upper())
    return re.sub(r"\s+", " ", m.group("opener")) if m else None


def opener_only(line: str) -> bool:
    """The line holds nothing but amendment words: the amended agreement comes next."""
    upper = re.sub(r"\s+", " ", line.strip(" .,:").upper())
    if not upper:
        return False
    m = _OPENER.match(upper)
    if m is not None:
        upper = upper[m.end() :].strip()
        if not upper:
            return True
    return bool(_OPENER_ONLY.match(upper))


_WORDS = re.compile(r"[A-Za-z]+")
ENGLISH_WORDS = frozenset(
    {
        "THE", "OF", "AND", "BETWEEN", "REGARDING", "ON", "WITH", "FOR", "COOPERATION",
        "AGREEMENT", "CONCERNING", "BASED", "IN", "TO", "INDUSTRY", "DEVELOPMENT",
        "VOCATIONAL", "SCHOOL", "HIGH", "GUIDANCE", "MATCH", "LINK", "COMPETENCY", "NUMBER",
        "MEMORANDUM", "UNDERSTANDING", "JOINT", "AMENDMENT", "AMENDED", "RESTATED", "FIRST",
        "SECOND", "STUDENT", "STUDENTS", "EXCHANGE", "RESEARCH", "EDUCATION", "HIGHER",
        "TRAINING", "ACADEMIC", "UNIVERSITY", "GOVERNMENT", "PROVINCE", "REGENCY", "CITY",
        "SISTER", "HEALTH", "SERVICES", "SERVICE", "PUBLIC", "COMMUNITY", "REGIONAL",
        "LEARNING", "TEACHING", "PROGRAMS", "PROGRAMME", "FIELD", "FIELDS",
        "ENHANCEMENT", "CAPACITY", "BUILDING", "WASTE", "WATER", "TOURISM", "TRADE", "HUMAN",
        "RESOURCES", "RESOURCE", "FACULTY", "DEPARTMENT", "AN", "AS", "BY",
    }
)  # fmt: skip
INDONESIAN_WORDS = frozenset(
    {
        "DAN", "DENGAN", "ANTARA", "TENTANG", "YANG", "DI", "PADA", "KE", "KERJA", "SAMA",
        "PERJANJIAN", "SEKOLAH", "PEMERINTAH", "KABUPATEN", "KOTA", "PROVINSI", "NEGERI",
        "PENGEMBANGAN", "PEMBINAAN", "BERBASIS", "MENENGAH", "KEJURUAN", "DARI", "UNTUK",
        "ATAS", "DALAM", "BIDANG", "SERTA", "TINGGI", "DAERAH", "PENDIDIKAN", "MAHASISWA",
        "PERTUKARAN", "PENELITIAN", "KESEHATAN", "PELAYANAN", "MASYARAKAT", "NOTA",
        "KESEPAHAMAN", "KESEPAKATAN", "BERSAMA", "PERUBAHAN", "UNIVERSITAS",
    }
)  # fmt: skip
_ENGLISH_SUFFIX = re.compile(r"(?:TIONS?|MENTS?|SHIPS?|ITY|NESS)$")
_INDONESIAN_AFFIX = re.compile(r"^(?:PE[MNR]?G?|KE|BER|MEN[GY]?|DI)\w{3,}(?:AN|KAN|NYA)$")
ENGLISH_CONNECTORS = frozenset({"BETWEEN", "AND", "WITH", "ON", "REGARDING", "CONCERNING", "TO"})


def _marks(line: str) -> tuple[int, int, int]:
    """Words of the line: total, English-marked, Indonesian-marked."""
    words = [w.upper() for w in _WORDS.findall(line)]
    english = sum(1 for w in words if w in ENGLISH_WORDS or _ENGLISH_SUFFIX.search(w))
    indonesian = sum(
        1 for w in words if w in INDONESIAN_WORDS or _INDONESIAN_AFFIX.match(w) is not None
    )
    return len(words), english, indonesian


def reads_english(line: str, bilingual: bool) -> bool:
    """An English line: no Indonesian word, and English words make a third of it (any
    English word at all once the heading has shown itself bilingual)."""
    if line.strip().startswith("("):
        return False
    total, english, indonesian = _marks(line)
    if not total or indonesian or not english:
        return False
    return bilingual or english >= total / 3


def is_english_connector(line: str) -> bool:
    """'BETWEEN', 'AND', 'ON', 'REGARDING' alone on a line: a translation line, always."""
    words = [w.upper() for w in _WORDS.findall(line)]
    return len(words) == 1 and words[0] in ENGLISH_CONNECTORS


ENGLISH_TYPES = frozenset(
    {"AMENDMENT", "AMENDED", "JOINT AGREEMENT", "MEMORANDUM OF UNDERSTANDING",
     "MEMORANDUM OF AGREEMENT", "COOPERATION AGREEMENT"}
)  # fmt: skip


def english_type(keyword: str) -> bool:
    """The type line is printed in English (its keyword, or an English amendment opener)."""
    return keyword in ENGLISH_TYPES or bool(re.search(r"\bAMEND(?:MENT|ED)\b", keyword))


AMENDING = (
    "ADENDUM",
    "ADDENDUM",
    "AMANDEMEN",
    "AMENDEMEN",
    "AMENDMENT",
    "PERUBAHAN ATAS",
    "PERUBAHAN PERTAMA",
    "PERUBAHAN KEDUA",
    "PERUBAHAN KETIGA",
)
"""Words in the first title lines that make any agreement an addendum (not 'PERUBAHAN'
alone: 'TENTANG PENANGANAN PERUBAHAN IKLIM' is a topic)."""


def amends(first_lines: list[str], cutoff: float) -> bool:
    """An amendment keyword in the first lines of a heading block."""
    for line in first_lines:
        upper = line.upper()
        for keyword in AMENDING:
            if fuzz.partial_ratio(keyword, upper) >= cutoff and len(upper) >= len(keyword):
                return True
    return False
