"""The parties clause: one paragraph per "selanjutnya disebut PIHAK n", read into its parts.

Each paragraph gives a signatory's name with titles, the jabatan and, after
"atas nama", the institution, in one of three shapes: "NAME, TITLES : jabatan
..." columns, "Nama : / Jabatan :" rows, or prose ("diwakili oleh NAME selaku
JABATAN"). OCR reads the columns line by line, so a long name's trailing
degrees land at the start of the next jabatan line (moved back here) and the
colon between the columns may come out as "1", "l", "|" or "- selaku".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractor.rules.label_stops import canonical_rows, cut_at_label, row_value
from extractor.rules.ordinals import read_ordinal
from extractor.rules.signatures import is_degree, is_pihak

DISEBUT_CUTOFF = 80.0
"""ratio for "disebut" ("disebul", "dlsebut" pass; "dibuat" does not)."""
_ROMAN_ROLES = {"I": 1, "II": 2, "III": 3, "IV": 4}
_NAMED = ("disebut", "dinamakan", "dinamai")
"""The verbs of a party definition: "selanjutnya disebut / dinamakan PIHAK PERTAMA"."""

_WORD = re.compile(r"[A-Za-z|]+")
_MARKER = re.compile(
    r"^\s*['\"(|]?\s*(?:\d{1,2}|[IVX]{1,4}|[Il1|]{1,3})\s*[.)]\s*(?=[^\s\d])", re.M
)
"""A list marker at a line's start ("2. Dr. X"); not a number wrapped to a line's start
("44.210.979.7-314.000", an NPWP), whose dot is followed by a digit."""
SECTION_START = re.compile(
    r"(?:di\s*bawah\s*ini|berikut\s+ini|oleh\s+dan\s+antara|antara\s*:)\s*:?", re.IGNORECASE
)
_ATAS_NAMA = re.compile(
    r"\batas\s*(?:\n(?:[ \t]*(?-i:[A-Z][A-Za-z]{0,3}\.(?:[A-Za-z]{1,4}\.)*),?)+\s+)?"
    r"n\s*ama\s*:?\s*",
    re.IGNORECASE,
)
"""'atas nama'; in the 'NAME, DEGREES : jabatan' layout a long name's wrapped degrees may
stand on the lines between its two words ("atas" / "M.AP." / "nama Pemerintah ...")."""
_INST_STOP = re.compile(
    r",?\s*\b(?:yang\s+)?(?:berkedudukan|beralamat|berdasarkan|untuk\s+selanjutnya|selanjutnya"
    r"|dalam\s+hal\s+ini|untuk\s+menerima|oleh\s+karena(?:nya)?|sesuai|diangkat|didirikan|berkantor"
    r"|bertempat|selaku|sebagaimana)\b|;|(?-i:(?<=[a-z]{3}))\.\s+(?=[A-Z][a-z])|\s\(\d",
    re.IGNORECASE,
)
_JOB_STOP = re.compile(
    r",?\s*\b(?:yang\s+)?(?:berkedudukan|beralamat|berdasarkan|selanjutnya|untuk\s+selanjutnya"
    r"|dalam\s+hal\s+ini|diangkat|didirikan|bertindak|berkantor|NIP|sesuai|(?:untuk\s+)?dan\s+atas\s+nama"
    r"|atas\s+nama)\b|;|\n\s*(?:NIP|Alamat)\b",
    re.IGNORECASE,
)
JOB_HEADS = (
    r"Pelaksana\s+Tugas|Pelaksana\s+Harian|Penjabat|Pj\.?|Pjs\.?|Plt\.?|Plh\.?"
    r"|Kepala|Direktur|Direktris|Rektor|Wakil|Bupati|Wali\s*[Kk]ota|Walikota"
    r"|Gubernur|Ketua|Dekan|Presiden|President|Manager|Manajer|Menteri|Sekretaris|Pejabat|Camat"
    r"|Director|Deputy|Branch|General|Koordinator|Komisaris|Pimpinan|Pemimpin|Senior|Assistant|Owner|Pemilik"
    r"|Kasubag|Kabag|Lurah|Kuasa|Selaku|Deputi|Asisten|Inspektur|Panitera|Kasi|Kabid|Kepala"
)
JOB_HEAD = re.compile(rf"\b(?:{JOB_HEADS})\b")
JOB_HEADS_START = rf"(?:{JOB_HEADS})\b"
_COLUMN_COLON = re.compile(
    rf"^\s*(?:[-—:;|!]|[1l](?=\s))?\s*(?:(?:selaku|sebagai)\s+)?(?={JOB_HEADS_START})", re.I
)
"""The colon column between a name and its jabatan as OCR reads it: ':', '-', '1', '|',
'- selaku'."""
_MISREAD_MARKER = re.compile(r"\W*[A-Za-z0-9]{1,2}\W*")


@dataclass
class RoleDef:
    order: int
    word: str
    start: int
    end: int


@dataclass
class ClauseDraft:
    order: int
    word: str
    paragraph: str
    p_start: int
    p_end: int
    institution: str | None = None
    signatory: str | None = None
    title: str | None = None
    notes: list[str] = field(default_factory=list)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text) if m.group().strip("|")]


def role_definitions(text: str) -> list[RoleDef]:
    """First "(selanjutnya) disebut (sebagai) PIHAK n" per role, in role order."""
    toks = _tokens(text)
    found: dict[int, RoleDef] = {}
    for i, (tok, start, _) in enumerate(toks):
        low = tok.lower()
        if len(tok) < 5 or max(fuzz.ratio(low, w) for w in _NAMED) < DISEBUT_CUTOFF:
            continue
        for j in range(i + 1, min(i + 5, len(toks) - 1)):
            word = toks[j][0]
            if word.lower() in {"para", "masing"}:
                break
            if is_pihak(word):
                nxt = toks[j + 1][0]
                ordinal = read_ordinal([t for t, _, _ in toks[j + 1 : j + 4]])
                if ordinal is not None:
                    key, order, last = ordinal.words, ordinal.value, j + ordinal.consumed
                elif nxt in _ROMAN_ROLES:  # "PIHAK I", "PIHAK II"
                    key, order, last = nxt, _ROMAN_ROLES[nxt], j + 1
                else:
                    break
                if order not in found:
                    found[order] = RoleDef(order, key, start, toks[last][2])
                break
    return [found[k] for k in sorted(found)]


def _clean_name(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" '\"|(:;-_—,")
    if name.endswith(".") and not (name.split() and is_degree(name.split()[-1])):
        name = name.rstrip(".")
    name = re.sub(r"\s+,", ",", name)
    name = re.sub(r",?\s*\b(?:NIP|NIK|NRP)\b\.?\s*:?\s*[\d ]{6,}.*$", "", name)
    # "Drs.H.SALEH" -> "Drs. H. SALEH": OCR drops the space after leading titles
    lead = re.match(r"^(?:(?:Prof|Drs|Dra|Dr|dr|Ir|H|Hj|KH)\.\s*)+", name)
    if lead:
        name = re.sub(r"\.\s*", ". ", lead.group()).rstrip() + " " + name[lead.end() :].lstrip()
    name = re.sub(r"^(?:nama|name)\s*[:;]\s*", "", name, flags=re.I)
    # a list marker OCR read as letters ("ls Dr. Ir. X" for "1. Dr. Ir. X")
    name = re.sub(r"^(?!dr\b)[a-z]{1,2}\s+(?=[A-Z])", "", name)
    return name if len(re.sub(r"[^A-Za-z]", "", name)) >= 3 else None


def clean_text(value: str) -> str:
    value = re.sub(r"\s+", " ", value)
    return value.strip(" ,;:|-—'\"")


def _move_degrees(first: str, following: list[str]) -> tuple[str, list[str]]:
    """Titles that OCR put at the start of the next jabatan-column lines go back to the name.
    A name wraps line by line: degrees open the second line only when the first one held
    some too (else they are someone else's, "di hadapan X," over "S.H., M.Kn., Notaris")."""
    out = []
    wrapped = True
    for idx, line in enumerate(following):
        if idx >= 2 or not wrapped:
            out.append(line)
            continue
        toks = line.split()
        moved = []
        # the rest of a wrapped name ("Baharuddin, S.T., M.M. Dairi Nomor ..."): name words
        # up to a comma, then a degree; without a degree after them they stay in the jabatan
        k = 0
        while k < min(2, len(toks)) and re.fullmatch(r"[A-Z][A-Za-z'\-]+,?", toks[k]):
            k += 1
            if toks[k - 1].endswith(","):
                break
        if (
            0 < k < len(toks)
            and toks[k - 1].endswith(",")
            and is_degree(toks[k])
            and re.search(r"\.[A-Za-z]|^[A-Z]{2,4},?$", toks[k])
        ):
            moved, toks = toks[:k], toks[k:]
            first = first.rstrip().rstrip(",") + " " + " ".join(moved).rstrip(",")
            moved = []
        # only unambiguous degrees ("M.Pd.", "S.STP", "MM"); "Jl." or "H." stay where they are
        while toks and is_degree(toks[0]) and re.search(r"\.[A-Za-z]|^[A-Z]{2,4},?$", toks[0]):
            moved.append(toks.pop(0))
        if moved:
            first = (
                first.rstrip() + (" " if first.rstrip().endswith(",") else ", ") + " ".join(moved)
            )
        wrapped = bool(moved) or len(toks) < len(line.split())
        out.append(" ".join(toks))
    return first, out


def _split_name_job(line: str) -> tuple[str, str] | None:
    """ "NAME, TITLES : jabatan ..." -> (name, rest)."""
    m = re.match(r"^(.{3,60}?)\s*(?::|;|\s-\s|\s—\s|\s\.\s|,?\s+selaku\s)\s*(.*)$", line, re.I)
    if m and not re.search(r"\b(nama|nip|jabatan|alamat)\b", m.group(1), re.I):
        return m.group(1), m.group(2)
    m2 = JOB_HEAD.search(line)
    if m2 and m2.start() >= 3:
        return line[: m2.start()], line[m2.start() :]
    return None


def _split_flat(body: str) -> tuple[str, str] | None:
    """ "NAME, TITLES, [NIP n,] JABATAN, yang ..." written as a sentence over lines."""
    flat = re.sub(r"\s+", " ", body[:400])
    m = re.search(rf",\s+(?={JOB_HEADS_START})", flat)
    if m is None or m.start() < 3:
        return None
    return flat[: m.start()], flat[m.end() :]


_BODY_START = re.compile(
    r"^\W*(?:Pemerintah|PT\.?|CV\.?|Perseroan|Perusahaan|Universitas|Institut|Politeknik|Akademi"
    r"|Sekolah|Dinas|Badan|Yayasan|Koperasi|Kementerian|Lembaga|Bank|Rumah\s+Sakit|Dewan|Kantor"
    r"|Balai|Sekretariat|Komisi|Otoritas)\b",
    re.IGNORECASE,
)
_OFFICE_ONLY = re.compile(rf"\bdiwakili\s+(?:oleh\s+)?(?={JOB_HEADS_START})(.+)", re.IGNORECASE)


def _office_only(d: ClauseDraft, body: str) -> bool:
    """ "Pemerintah Kabupaten Garut, berkedudukan di ..., dalam hal ini diwakili oleh Bupati
    Garut, selanjutnya disebut PIHAK KESATU": the clause names the body and the office that
    signs, not the person; the name is printed only under the signature. The jabatan is
    what follows 'diwakili oleh', the institution what opens the paragraph."""
    flat = re.sub(r"\s+", " ", body).strip()
    if not _BODY_START.match(flat):
        return False
    m = _OFFICE_ONLY.search(flat)
    if m is None:
        return _body_alone(d, flat)
    d.title = clean_text(_JOB_STOP.split(cut_at_label(m.group(1)))[0]) or None
    d.signatory = None
    opening = clean_text(_INST_STOP.split(flat)[0])
    if not _ATAS_NAMA.search(body) and opening:
        d.institution = opening
    d.notes.append("the clause names the office that signs, not the person")
    return True


_REPRESENTED = re.compile(
    r"\b(?:diwakili|dalam\s+hal\s+ini|bertindak|selaku|atas\s*nama|Nama\s*:|NIP)\b", re.IGNORECASE
)
_SEAT = re.compile(r"^,?\s*(?:yang\s+)?(?:berkedudukan|beralamat|berkantor|bertempat)\b", re.I)


def _body_alone(d: ClauseDraft, flat: str) -> bool:
    """ "Pemerintah Kabupaten Garut, berkedudukan di Jalan ..., selanjutnya disebut PIHAK
    KETIGA": the clause names the body and its seat, no one who represents it; who signs
    and in which office is printed only in the signature block."""
    parts = _INST_STOP.split(flat, maxsplit=1)
    seat = flat[len(parts[0]) :]
    if _REPRESENTED.search(flat) or not _SEAT.match(seat):
        return False
    opening = clean_text(parts[0])
    if not opening:
        return False
    d.institution, d.signatory, d.title = opening, None, None
    d.notes.append("the clause names the body alone: who signs, and as what, is in the block")
    return True


def parse_paragraph(d: ClauseDraft) -> None:
    para = canonical_rows(d.paragraph)  # 'AJamat ;', 'Narna :' read as the rows they are
    # Nama / Jabatan form
    nm = re.search(  # the colon, too, may be read at the start of the next line ("! H. X")
        r"^\W*(?:\S{1,4}\s+)?(?:[-\u2013\u2014]\s*)?"  # "1. - Nama": a dash read from the scan
        r"Nama(?:\s*[:;]|[ \t]*\n\s*(?:[:;]|[1l|!][:;]?)(?=\s))[ \t]*(.+)$",
        para,
        re.M | re.I,
    )
    if nm:
        d.signatory = _clean_name(cut_at_label(nm.group(1)))
        jb = re.search(
            # the colon may stand in its own column, read at the start of the next line
            r"^\W*Jabatan(?:\s*[:;]|[ \t]*\n\s*(?:[:;]|[1l|!][:;]?)(?=\s))\s*(.+?)"
            r"(?=\n\W*(?:Alamat|NIP|NIK|Dalam hal|Berdasarkan|Selaku|Bertindak)\b|\Z)",
            para,
            re.M | re.I | re.S,
        )
        if jb:
            d.title = clean_text(_JOB_STOP.split(cut_at_label(jb.group(1)))[0])
    else:
        marker = list(_MARKER.finditer(para))
        body = para[marker[-1].end() :] if marker else para
        lines = [ln for ln in body.split("\n") if re.search(r"[A-Za-z]{2}", ln)]
        while len(lines) > 1 and _MISREAD_MARKER.fullmatch(lines[0]):
            lines.pop(0)  # "TE" alone on its line: the list marker "1." as OCR read it
        if lines and not marker and d.order > 0:
            # undotted roman markers: "II BUDI SANTOSO : Bupati ..."
            roman = "I" * d.order if d.order < 4 else "IV"
            lines[0] = re.sub(rf"^\W*{roman}\s+(?=[A-Z]{{2}})", "", lines[0])
        if _office_only(d, "\n".join(lines)):
            lines = []  # no name to split from a jabatan
        split = _split_name_job(lines[0]) if lines else None
        if lines and (split is None or "," in split[0][:-1]) and ":" not in lines[0]:
            split = _split_flat("\n".join(lines)) or split
        if split is None and lines and JOB_HEAD.match(lines[0].strip()):
            split = ("", lines[0])  # the name was lost (OCR put it elsewhere)
        if split is None and len(lines) > 1:
            nxt = _COLUMN_COLON.match(lines[1])
            if nxt:  # the name alone on its line, the jabatan column read as the next line
                split = (lines[0], "\n".join([lines[1][nxt.end() :], *lines[2:]]))
        prose = re.search(
            r"diwakili\s+(?:oleh\s+)?(.{3,80}?)\s*,?\s*(?:yang\s+)?(?:bertindak\s+)?"
            r"(?:dalam\s+(?:jabatannya|kedudukannya)\s+)?(?:selaku|sebagai)\s+(.+)",
            para.replace("\n", " "),
            re.I,
        )
        if not lines:
            pass
        elif prose:
            d.signatory = _clean_name(cut_at_label(prose.group(1)))
            d.title = clean_text(_JOB_STOP.split(cut_at_label(prose.group(2)))[0])
        elif split is not None:
            name, rest = split
            name, others = _move_degrees(name, lines[1:])
            d.signatory = _clean_name(cut_at_label(name))
            job = cut_at_label("\n".join([rest, *others]))
            job = re.sub(r"^\s*selaku\s+", "", job, flags=re.I)
            d.title = clean_text(_JOB_STOP.split(job)[0]) or None
    # Institution: the last "atas nama X" of the paragraph
    hits = list(_ATAS_NAMA.finditer(para))
    if hits:
        after = " ".join(_skip_name_column(para[hits[-1].end() :].split("\n")))
        inst = clean_text(_INST_STOP.split(cut_at_label(after))[0])
        # "atas nama Kepala Badan X": the party is Badan X, not its head
        inst = re.sub(r"^(?:Kepala|Direktur|Pimpinan|Ketua)\s+(?=[A-Z])", "", inst)
        d.institution = inst or None
    elif (row := row_value(para, "instansi")) is not None:
        # no 'atas nama': the 'Instansi :' row of the identity block names the body
        d.institution = clean_text(_INST_STOP.split(row)[0]) or None


def _skip_name_column(lines: list[str]) -> list[str]:
    """Drop lines of degrees alone ('M.Eng., CA.') that open what follows 'atas nama'.

    In the 'NAME, DEGREES : jabatan ...' layout a long name wraps in its own
    column, and OCR reads the wrapped degrees between the jabatan lines, right
    where the institution begins; they belong to the name, never to the institution.
    """
    out = list(lines)
    while out and (
        not out[0].strip()
        or (
            len(out) > 1
            and all(is_degree(tok) for tok in out[0].split())
            and bool(re.search(r"\.[A-Za-z]", out[0]))  # 'M.Eng.', not a bare 'H.' or 'Jl.'
        )
    ):
        out.pop(0)
    return out
