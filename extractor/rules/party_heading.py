"""The heading block's institutions: "ANTARA X DAN Y" (or "X DENGAN Y"), in print order.

The heading names each party in full, where the parties clause may abbreviate
("SMK", "FT-UNP"); parties.py matches these names to the clause paragraphs by
similarity, never by position (heading order and role order differ in real
agreements).
"""

from __future__ import annotations

import re

_NOT_HEADING = re.compile(
    r"\b(rupiah|nilai|rp\.?\s*\d|jalan|jl\.|telp|telepon|faks|laman|www|e-?mail|tanggal)\b", re.I
)
"""Lines that end a heading: a contract value, a letterhead address, a date line."""
_HEADING_SPLIT = re.compile(
    r"^\s*(?:D ?A ?N|D ?E ?N ?G ?A ?N|AND|&)\s*$", re.IGNORECASE
)  # a heading word OCR split or the typesetter letter-spaced: 'DENG AN', 'D A N'

_TOP_HEAD = re.compile(
    r"^(?:KEMENTERIAN|PEMERINTAH|UNIVERSITAS|INSTITUT|POLITEKNIK|SEKOLAH\s+TINGGI|PT\.?|CV\.?)\s",
    re.IGNORECASE,
)
"""Words that open a party of its own: three parties are often set one per line with only
the last joined by DAN, and a second line opening with one of these cannot continue the
first ('KEMENTERIAN KESEHATAN' / 'PEMERINTAH PROVINSI ...'); a unit above its parent
('FAKULTAS TEKNIK' / 'UNIVERSITAS ...') does not open with one, so it stays joined."""


_COLLECTIVE = re.compile(r"\bKABUPATEN\s*/\s*KOTA\b|\bSE-?\s*(?:PROVINSI|KABUPATEN|KOTA)\b", re.I)
"""A heading name of many ("PEMERINTAH KABUPATEN/KOTA SE-PROVINSI JAWA BARAT"): a province
agreeing with all its kabupaten/kota names them together above, one by one in the clause."""


def heading_institutions(
    text: str, before: int, page_breaks: list[int] | None = None
) -> list[tuple[str, int, int]]:
    """Institutions of the last "ANTARA X DAN Y" heading before ``before``; a collective
    name is none of them (matched by similarity it would take one party's place)."""
    lines: list[tuple[str, int]] = []
    pos = 0
    for raw in text[:before].split("\n"):
        lines.append((raw, pos))
        pos += len(raw) + 1
    antara = [
        i for i, (ln, _) in enumerate(lines) if re.fullmatch(r"\W*(antara|between)\W*", ln, re.I)
    ]
    start_idx: int | None = None
    for i in reversed(antara):
        # an ANTARA line in a title block: a TENTANG or DAN/DENGAN line follows soon
        window = [ln for ln, _ in lines[i + 1 : i + 12]]
        if any(_HEADING_SPLIT.match(w) for w in window):
            start_idx = i + 1
            break
    if start_idx is None:
        for i, (ln, _) in enumerate(lines[:60]):
            if re.fullmatch(r"\s*DENGAN\s*", ln) and i > 0:
                start_idx = i - 1
                while (
                    start_idx > 0
                    and re.search(r"[A-Z]{3}", lines[start_idx - 1][0])
                    and not re.search(
                        r"KESEPAHAMAN|PERJANJIAN|KESEPAKATAN|\)", lines[start_idx - 1][0]
                    )
                ):
                    start_idx -= 1
                break
    if start_idx is None:
        return _inline_heading(lines)
    groups: list[list[tuple[str, int]]] = [[]]
    start_off = lines[start_idx][1] if start_idx < len(lines) else 0
    for ln, off in lines[start_idx : start_idx + 14]:
        s = ln.strip()
        lead = re.search(r"[A-Z]{2,}", s)
        if lead and lead.start() > 0 and not re.match(r"^[A-Z][A-Za-z.]*\s", s):
            s = s[lead.start() :]  # logo noise before the name: '"Tg? PROGRAM STUDI'
        if re.match(r"\W*(tentang|regarding|nomor|pada hari)\b", s, re.I) or _NOT_HEADING.search(s):
            break
        if page_breaks and any(start_off < b <= off for b in page_breaks):
            break  # a heading does not continue on the next page
        if re.fullmatch(r"\W*(between|antara)\W*", s, re.I):
            continue
        if _HEADING_SPLIT.match(s):
            groups.append([])
            continue
        words = [w for w in s.split() if w[:1].isalpha()]
        small = {"dan", "dengan", "di", "ke", "pada", "serta", "atau", "untuk"}
        capital = sum(w[:1].isupper() or w.lower() in small for w in words) / max(1, len(words))
        if capital < 0.7 or ":" in s or len(groups[-1]) >= 4:
            break  # a sentence ("kami yang bertanda tangan ..."), not an institution line
        letters = [c for c in s if c.isalpha()]
        if len(s) < 4 or len(letters) < 0.6 * len(s.replace(" ", "")):
            continue
        if groups[-1] and _TOP_HEAD.match(s) and _TOP_HEAD.match(groups[-1][0][0]):
            groups.append([])
        groups[-1].append((s, off))
    out: list[tuple[str, int, int]] = []
    for g in groups:
        if not g:
            continue
        name = " ".join(s for s, _ in g)
        if _COLLECTIVE.search(name):
            continue
        out.append((re.sub(r"\s+", " ", name).strip(" ,"), g[0][1], g[-1][1] + len(g[-1][0])))
    return out


def _inline_heading(lines: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """A title block set in running lines: "... ANTARA PEMERINTAH KOTA X DAN PT Y TENTANG ..."."""
    for i, (ln, off) in enumerate(lines[:40]):
        if not re.search(r"\bANTARA\b", ln):
            continue
        block = " ".join(x for x, _ in lines[i : i + 6])
        block = re.split(r"\b(?:TENTANG|NOMOR|Nomor)\b", block)[0]
        m = re.search(r"\bANTARA\s+(.+)$", block)
        if not m:
            continue
        body = m.group(1).strip(" ,")
        parts = (
            re.split(r"\s+DENGAN\s+", body)
            if " DENGAN " in body
            else re.split(r"\s+DAN\s+", body, maxsplit=1)
        )
        if len(parts) >= 2:
            return [(p.strip(" ,"), off, off + len(ln)) for p in parts if len(p.strip()) >= 4]
    return []
