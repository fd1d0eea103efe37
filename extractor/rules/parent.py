"""The agreement a PKS carries out or an addendum amends.

Recitals and legal-basis lists name it: "sebagai tindak lanjut Nota
Kesepahaman antara ... Nomor ... tentang ...", "berdasarkan ketentuan Pasal 3
Kesepakatan Bersama antara ...". An addendum names it in its heading
("PERUBAHAN ATAS PERJANJIAN KERJA SAMA ...", "FIRST AMENDMENT TO ..."), or,
without "ATAS", by the agreement named after the opener. Only a reference to another,
named agreement counts ("antara" or "Nomor" follows); "Perjanjian ini" and an
NK's promise of future PKS do not.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from extractor.rules.base import Finding
from extractor.rules.furniture import Furniture, find_furniture
from extractor.rules.heading import Heading, line_texts
from extractor.rules.heading_kinds import amendment_opener
from extractor.rules.parent_numbers import repair_cited
from extractor.text import DocText
from models.extraction import DocType

_REFERENCE = re.compile(
    r"\b(?P<kind>Nota\s+Kesepahaman|Nota\s+Kesepakatan|Kesepakatan\s+Bersama|Memorandum\s+of"
    r"\s+Understanding|MoU|Piagam\s+Kerja\s*sama|Perjanjian\s+Kerja\s*sama|Perjanjian\s+Induk)"
    r"\s+(?=antara\b|nomor\b|no\.|dengan\b|\()",
    re.IGNORECASE,
)
_BASIS = re.compile(
    r"(?:berdasarkan|tindak\s*lanjut|menindaklanjuti|pelaksanaan|melaksanakan|mengacu|merujuk"
    r"|amanat|dasar)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_END = re.compile(
    r"[;:]|\.(?=\s+[A-Z(]|\s*\n\s*(?:\w{1,3}[.)]|\(\w+\)))|\n\s*(?:\d{1,2}|[a-z])[.)]\s"
)
_MARKER = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-z])[.)](?=\s)")
MAX_LENGTH = 420
HEADING_ONLY = 0.5
"""The amended agreement read from an addendum heading without 'ATAS': its own topic may
be the addendum's, so worth a look."""
_AMENDS = re.compile(r"\b(?:ATAS|TERHADAP|AMENDMENT\s+TO|AMENDMENT\s+OF)\s+(.+)$", re.IGNORECASE)


_ABBREVIATION = re.compile(
    r"(?:\b(?:PT|CV|Tbk|No|Nomor|Jl|Kab|Prov|Dr|Ir|dr|Hj|H|St|Kec|Kel|Persero|Bpk|Sdr|UD|Fa)"
    r"|\b[A-Z])$"
)
_FURNITURE = re.compile(
    r"^\W*(?:paraf\b|pihak\s+i+\b|halaman\s+\d|hal\.?\s+\d|dipindai\s+dengan|-?\s*\d{1,3}\s*-?\W*$)"
    r"|\|",
    re.IGNORECASE,
)


def _without_furniture(chunk: str, first_line: int, furniture: Furniture) -> tuple[str, list[int]]:
    """The chunk without page footers/paraf boxes that a page break puts mid-sentence."""
    kept: list[str] = []
    back: list[int] = []
    offset = 0
    for k, line in enumerate(chunk.split("\n")):
        # the page's own furniture (a letterhead footer, the running header) as the
        # articles stage finds it, by position and repetition
        if not _FURNITURE.search(line) and first_line + k not in furniture:
            kept.append(line)
            back.extend(range(offset, offset + len(line) + 1))
        offset += len(line) + 1
    return "\n".join(kept), back


def _unfinished(before: str, after: str) -> bool:
    """A reference names its number or topic before it ends: a dot before either, with one
    of them soon after, ends no sentence."""
    return not _NAMED.search(before) and bool(_NAMED_SOON.match(after))


_NAMED = re.compile(r"\b(?:nomor|no\.|tentang)", re.IGNORECASE)
_NAMED_SOON = re.compile(r"[^.;:]{0,60}\b(?:nomor|tentang)\b", re.IGNORECASE)


def _reference_text(body: str, start: int, furniture: Furniture) -> tuple[str, int]:
    """From the keyword to the end of the clause (after 'tentang ...', a comma ends it)."""
    first_line = body.count("\n", 0, start)
    chunk, back = _without_furniture(body[start : start + MAX_LENGTH], first_line, furniture)
    cut = len(chunk)
    for m in _END.finditer(chunk):
        if m.group().startswith(".") and _ABBREVIATION.search(chunk[: m.start()]):
            continue  # 'PT. Bumi Abadi', 'No. 12'
        if m.group().startswith(".") and _unfinished(chunk[: m.start()], chunk[m.end() :]):
            continue  # 'Kota. Tarakan Nomor ...': a speckle read as a dot mid-reference
        cut = m.start()
        break
    about = re.search(r"\btentang\b", chunk[:cut], re.IGNORECASE)
    if about:
        comma = chunk.find(",", about.end(), cut)
        if comma > 0:
            cut = comma
    text = re.sub(r"\s+", " ", chunk[:cut]).strip(" ,.")
    end = back[cut - 1] + 1 if 0 < cut <= len(back) else cut
    return text, start + end


def find_parent(
    text: DocText, doc_type: DocType, heading: Heading | None, title: str | None
) -> Finding[str | None]:
    if doc_type == "NK":
        return Finding(None, 0.9, [], [])
    if doc_type == "other":
        return Finding(None, 0.6, [], [])
    lines = line_texts(text)
    amended: str | None = None  # the heading's rest after an opener without 'ATAS'
    if doc_type == "ADENDUM" and heading is not None:
        joined = " ".join(lines[i] for i in heading.title_lines)
        first = text.lines[heading.title_lines[0]]
        last = text.lines[heading.title_lines[-1]]
        m = _AMENDS.search(joined)
        if m:
            rule = "addendum heading names the amended agreement"
            return Finding(m.group(1).strip(), 0.8, [text.evidence(first.start, last.end, rule)])
        opener = amendment_opener(joined)
        rest = joined.strip()[len(opener) :].strip(" ,.:") if opener else ""
        amended = rest if len(rest.split()) >= 3 else None
    body = text.text
    skip_until = text.lines[heading.end_line - 1].end if heading and heading.end_line else 0
    found: list[tuple[float, int, str, int]] = []
    furniture = find_furniture(text)
    for m in _REFERENCE.finditer(body, skip_until):
        if m.group("kind").isupper():
            continue  # a heading (the agreement's own, repeated on an annex), not a citation
        ref, end = _reference_text(body, m.start(), furniture)
        if re.match(r"\S+(?:\s+\S+)?\s+antara\s+(?:para|kedua|ke\s*dua)\b", ref, re.I):
            continue  # 'perjanjian kerja sama antara PARA PIHAK': this agreement
        if title and fuzz.token_set_ratio(ref.upper(), title.upper()) >= 95:
            continue  # the agreement naming itself
        if len(ref.split()) < 4:
            continue
        before = body[max(0, m.start() - 120) : m.start()]
        before = _MARKER.sub(" ", before)
        score = 2.0 if _BASIS.search(before) else 1.0
        if re.search(r"\bnomor\b|\bno\.", ref, re.IGNORECASE):
            score += 0.5
        elif score < 2 and not re.match(r"\S+(?:\s+\S+)?\s+antara\s+[A-Z]", ref):
            continue  # no number, no 'berdasarkan', no named parties: a passing mention
        found.append((score, m.start(), ref, end))
    if not found and amended is not None and heading is not None:
        # 'ADENDUM / PERJANJIAN KERJA SAMA ...': the heading goes on with the amended one
        first, last = text.lines[heading.title_lines[0]], text.lines[heading.title_lines[-1]]
        rule = "addendum heading: the agreement named after 'ADENDUM' (no citation found)"
        return Finding(amended, HEADING_ONLY, [text.evidence(first.start, last.end, rule)])
    if not found:
        return Finding(None, 0.7, [], [])  # many PKS cite no umbrella agreement
    best = max(found, key=lambda f: (f[0], -f[1]))
    # recitals often cite two basis documents in one list: keep both
    parts = [best]
    for other in found:
        if other is not best and other[0] >= best[0] and 0 < other[1] - best[3] < 40:
            parts.append(other)
    value, notes = repair_cited("; ".join(p[2] for p in parts))
    conf = 0.8 if best[0] >= 2 else 0.55
    rule = "agreement cited as basis" if best[0] >= 2 else "agreement cited in the text"
    rule = "; ".join([rule, *notes])
    evidence = [text.evidence(p[1], p[3], rule) for p in parts]
    return Finding(value, conf, evidence)
