"""The signature block: who signed under which role, read from the page's end.

Agreements close with two (or three) columns: the role ("PIHAK KESATU,"), the
jabatan, a signature over a meterai and stamp, the printed name with titles, and
a NIP. OCR reads the columns into one line ("JULIANTO, SE., MH  DEDEN SURYANA,
M.Pd") or one after the other, with stamp noise in between, and a 'Mengetahui'
block (a dean, a Kepala Dinas) follows whose official is not a party. The block
is therefore only a second source: it names the signatory when the parties clause
lost the name, and it is where a fuller form of a name ("dr." or "M.Kes") may be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractor.rules.block_marks import is_rank_line
from extractor.rules.ordinals import read_ordinal
from extractor.text import DocText

MENGETAHUI_CUTOFF = 80.0
"""ratio for "Mengetahui" as OCR reads it ("Mangetahui", "Mengetahui,")."""

PIHAK_CUTOFF = 75.0
"""ratio for the word PIHAK ("PHAK", "PIHNK", "PlHAK" pass; "PARA" does not)."""

DEGREE = re.compile(
    r"^(?:(?:[A-Z][A-Za-z]{0,3}\.\s?){1,4}[A-Za-z]{0,5}\.?|Ph\.?\s?D\.?|MM|SH|SE|MH|MT|MBA|MSi|MPd"
    r"|MAP|SSTP|SPd|SKom|MKom|ST|SIP|MSc|MA|Lc)$"
)
_NOT_DEGREE = {"jl.", "no.", "kec.", "kel.", "kab.", "prov.", "rt.", "rw.", "pt.", "cv.", "jln."}
_SIGN_STOP = re.compile(r"\b(NIP|NIK|NRP|NPP)\b|\d{4,}", re.IGNORECASE)
_JOB_WORDS = re.compile(
    r"\b(kepala|direktur|rektor|bupati|wali ?kota|gubernur|ketua|dekan|manager|manajer|menteri"
    r"|koordinator|presiden|president|director|pimpinan|pemimpin|sekretaris|pejabat|general"
    r"|branch|senior|vice|assistant|deputy|dinas|sekolah|universitas|pt\.?|smk|negeri|provinsi"
    r"|kabupaten|kota|pihak|materai|meterai|rupiah|mengetahui|program|fakultas|area|rencana|kerja"
    r"|lampiran|kegiatan|jadwal|tabel|nomor|tanggal|tempat|yayasan|institut|politeknik|akademi"
    r"|koperasi|badan|kantor|balai|perseroan|persero|tbk|cv)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SignedName:
    order: int  # role ordinal (1 = PERTAMA/KESATU), 0 when unknown
    name: str
    start: int
    end: int


def is_degree(token: str) -> bool:
    t = token.strip(",;")
    if not t or t.lower() in _NOT_DEGREE:
        return False
    return bool(DEGREE.match(t)) and (
        ("." in t and len(t) <= 9) or t.isupper() or t in {"MSi", "MPd"}
    )


def role_ordinal(word: str) -> int | None:
    """1.. for an OCR-read one-word ordinal ("KESATOS", "PERTAMAdan"), else None."""
    found = read_ordinal([word])
    return found.value if found else None


def is_pihak(word: str) -> bool:
    w = re.sub(r"[^A-Za-z]", "", word).upper()
    return 4 <= len(w) <= 6 and fuzz.ratio(w, "PIHAK") >= PIHAK_CUTOFF


def roles_in_line(line: str) -> list[int]:
    """Role ordinals mentioned in a line, in reading order."""
    words = re.findall(r"[A-Za-z|]+", line)
    out: list[int] = []
    for i, w in enumerate(words[:-1]):
        if is_pihak(w):
            found = read_ordinal(words, i + 1)
            if found is not None:
                out.append(found.value)
    return out


def _is_role_heading(line: str) -> bool:
    """A line that is (mostly) role words: "PIHAK KESATU,   PIHAK KEDUA"."""
    words = re.findall(r"[A-Za-z|]+", line)
    rest, i, roles = 0, 0, 0
    while i < len(words):
        found = read_ordinal(words, i + 1) if is_pihak(words[i]) else None
        if found is not None:
            roles += 1
            i += 1 + found.consumed
            continue
        if len(words[i]) >= 5 and words[i].islower():
            return False  # "PIHAK KEDUA berkewajiban:": a sentence of an article, not a label
        rest += len(re.sub(r"[^A-Za-z]", "", words[i]))
        i += 1
    return roles > 0 and rest <= 14 and len(line) <= 70 + 20 * max(0, roles - 2)


def looks_like_name(line: str) -> bool:
    s = line.strip(" |'\"-_.,:;!*»«“”")
    if len(s) < 4 or _SIGN_STOP.search(s) or _JOB_WORDS.search(s) or is_rank_line(s):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 4:
        return False
    words = s.split()
    has_degree = any(is_degree(w) for w in words)
    upper = sum(c.isupper() for c in letters) / len(letters)
    capital = sum(w[:1].isupper() for w in words if w[:1].isalpha()) / max(1, len(words))
    return (
        has_degree or (upper >= 0.85 and len(words) >= 2) or (capital >= 0.99 and len(words) >= 2)
    )


def signature_names(text: DocText) -> list[SignedName]:
    """Names printed in the last signature block, with the role of their column when known."""
    lines = text.text.split("\n")
    offsets = []
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    floor = int(len(lines) * 0.5)
    heading_at = None
    for i in range(len(lines) - 1, floor - 1, -1):
        if _is_role_heading(lines[i]):
            heading_at = i
            # stacked headings ("PIHAK KEDUA" / "PIHAK KESATU"): use the first of them
            while heading_at - 1 >= floor and _is_role_heading(lines[heading_at - 1]):
                heading_at -= 1
            break
    if heading_at is None:
        return []
    roles: list[int] = []
    j = heading_at
    while j < len(lines) and _is_role_heading(lines[j]):
        roles.extend(roles_in_line(lines[j]))
        j += 1
    out: list[SignedName] = []
    for k in range(j, min(len(lines), j + 16)):
        line = lines[k]
        if any(
            fuzz.ratio(w.lower().strip(",:"), "mengetahui") >= MENGETAHUI_CUTOFF
            for w in line.split()[:2]
        ):
            break
        if _is_role_heading(line):
            break
        if not looks_like_name(line):
            continue
        order = roles[len(out)] if len(roles) == 1 and not out else 0
        out.append(
            SignedName(order, line.strip(" |'\"-_,:;!*»«“”"), offsets[k], offsets[k] + len(line))
        )
    if len(roles) == 1 and out:
        # one column: the printed name is the last name-like line (the jabatan comes first)
        last = out[-1]
        out = [SignedName(roles[0], last.name, last.start, last.end)]
    return out
