"""Signing parties: role, institution, signatory (with titles) and jabatan.

Indonesian agreements define each party once, in the parties clause after the
opening sentence:

    1. Dr. NAMA, M.Si : Bupati X, ... dalam hal ini bertindak untuk dan atas nama
       Pemerintah Kabupaten X, ... selanjutnya disebut PIHAK PERTAMA.

or with "Nama : / Jabatan :" lines, or in prose ("PT ..., dalam hal ini diwakili
oleh NAMA selaku JABATAN ..."). The definition "selanjutnya disebut PIHAK n" is the
anchor: one party per first definition of each role, in role order, so
'Mengetahui' officials (never defined as a PIHAK) are never parties. The heading
("ANTARA X DAN Y") names the institutions in full and is matched to the parties by
fuzzy similarity, not by position (heading order and role order differ in real
agreements). Two-column layouts are read by OCR line by line, so a name's trailing
titles ("M.Pd.") land at the start of the next line of the jabatan column; they are
moved back to the name. The signature block (signatures.py) fills a name the
clause lost.

Keywords are matched fuzzily with the bounds in signatures.py (PIHAK, ordinals)
and DISEBUT_CUTOFF here; OCR damage beyond them makes the party missing, with
low confidence, rather than guessed. This is a word-level scan with rapidfuzz and
regular expressions rather than spaCy's Matcher: OCR glues and splits exactly the
tokens that matter ("PERTAMAdan", "PIHAK / | PERTAMA", "atasn ama") and the
tokenizer splits titles ("M.Pd.", "S.H.") inconsistently, so token patterns would
need the same fuzzy tolerance written around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from extractor.regions import classify_institution
from extractor.rules.base import Finding
from extractor.rules.names import clean_jabatan, clean_signatory
from extractor.rules.signatures import (
    SignedName,
    is_degree,
    is_pihak,
    role_key,
    role_ordinal,
    signature_names,
)
from extractor.text import DocText
from models import Evidence
from models.extraction import Party

DISEBUT_CUTOFF = 80.0
"""ratio for "disebut" ("disebul", "dlsebut" pass; "dibuat" does not)."""

HEADING_MATCH = 70.0
"""partial ratio for a heading institution to be found in a party's paragraph."""

ROLE_NAMES = {1: "PERTAMA", 2: "KEDUA", 3: "KETIGA", 4: "KEEMPAT"}
_ROMAN_ROLES = {"I": 1, "II": 2, "III": 3, "IV": 4}
_NAMED = ("disebut", "dinamakan", "dinamai")
"""The verbs of a party definition: "selanjutnya disebut / dinamakan PIHAK PERTAMA"."""

_WORD = re.compile(r"[A-Za-z|]+")
_MARKER = re.compile(r"^\s*['\"(|]?\s*(?:\d{1,2}|[IVX]{1,4}|[Il1|]{1,3})\s*[.)]\s*(?=\S)", re.M)
_SECTION_START = re.compile(
    r"(?:di\s*bawah\s*ini|berikut\s+ini|oleh\s+dan\s+antara|antara\s*:)\s*:?", re.IGNORECASE
)
_ATAS_NAMA = re.compile(r"\batas\s*n\s*ama\s*:?\s*", re.IGNORECASE)
_INST_STOP = re.compile(
    r",?\s*\b(?:yang\s+)?(?:berkedudukan|beralamat|berdasarkan|untuk\s+selanjutnya|selanjutnya"
    r"|dalam\s+hal\s+ini|untuk\s+menerima|oleh\s+karena(?:nya)?|sesuai|diangkat|didirikan|berkantor"
    r"|bertempat|selaku|sebagaimana)\b|;|(?<=[a-z]{3})\.\s+(?=[A-Z][a-z])|\s\(\d",
    re.IGNORECASE,
)
_JOB_STOP = re.compile(
    r",?\s*\b(?:yang\s+)?(?:berkedudukan|beralamat|berdasarkan|selanjutnya|untuk\s+selanjutnya"
    r"|dalam\s+hal\s+ini|diangkat|didirikan|bertindak|berkantor|NIP|sesuai|(?:untuk\s+)?dan\s+atas\s+nama"
    r"|atas\s+nama)\b|;|\n\s*(?:NIP|Alamat)\b",
    re.IGNORECASE,
)
JOB_HEADS = (
    r"Pelaksana\s+Tugas|Plt\.?|Plh\.?|Kepala|Direktur|Direktris|Rektor|Wakil|Bupati|Wali\s*[Kk]ota|Walikota"
    r"|Gubernur|Ketua|Dekan|Presiden|President|Manager|Manajer|Menteri|Sekretaris|Pejabat|Camat"
    r"|Director|Deputy|Branch|General|Koordinator|Komisaris|Pimpinan|Pemimpin|Senior|Assistant|Owner|Pemilik"
    r"|Kasubag|Kabag|Lurah|Kuasa|Selaku|Deputi|Asisten|Inspektur|Panitera|Kasi|Kabid|Kepala"
)
_JOB_HEAD = re.compile(rf"\b(?:{JOB_HEADS})\b")
JOB_HEADS_START = rf"(?:{JOB_HEADS})\b"
_ORGAN = re.compile(
    r"^(?:(?:Pelaksana\s+Tugas|Plt\.?|Plh\.?)\s+)?Kepala\s+((?:Dinas|Badan|Satuan|Kantor|Sekretariat"
    r"|Inspektorat|Bagian|Biro|Unit)\b.*)$",
    re.IGNORECASE,
)
_GENERIC_GOV = re.compile(r"^pemerintah(?:an)?\s+(?:daerah\s+)?(?:kabupaten|kota|provinsi)\b", re.I)
_NOT_HEADING = re.compile(
    r"\b(rupiah|nilai|rp\.?\s*\d|jalan|jl\.|telp|telepon|faks|laman|www|e-?mail|tanggal)\b", re.I
)
"""Lines that end a heading: a contract value, a letterhead address, a date line."""
_HEADING_SPLIT = re.compile(r"^\s*(?:DAN|DENGAN|AND|&)\s*$", re.IGNORECASE)


@dataclass
class _Def:
    order: int
    word: str
    start: int
    end: int


@dataclass
class _Draft:
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


def role_definitions(text: str) -> list[_Def]:
    """First "(selanjutnya) disebut (sebagai) PIHAK n" per role, in role order."""
    toks = _tokens(text)
    found: dict[int, _Def] = {}
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
                key, order = role_key(nxt), role_ordinal(nxt)
                if key is None and nxt in _ROMAN_ROLES:  # "PIHAK I", "PIHAK II"
                    key, order = nxt, _ROMAN_ROLES[nxt]
                if key is not None and order is not None and order not in found:
                    found[order] = _Def(order, key, start, toks[j + 1][2])
                break
    return [found[k] for k in sorted(found)]


def heading_institutions(
    text: str, before: int, page_breaks: list[int] | None = None
) -> list[tuple[str, int, int]]:
    """Institutions of the last "ANTARA X DAN Y" heading before ``before``."""
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
        groups[-1].append((s, off))
    out: list[tuple[str, int, int]] = []
    for g in groups:
        if not g:
            continue
        name = " ".join(s for s, _ in g)
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


def _org_from_title(title: str | None) -> str | None:
    """ "Direktur Utama PT X" -> "PT X": the last resort when neither the clause nor the
    heading names the institution."""
    if not title:
        return None
    m = re.search(
        r"\b(PT\.?\s|CV\.?\s|Universitas|Institut|Politeknik|Sekolah|Rumah Sakit|Dinas|Badan"
        r"|Yayasan|Koperasi|Kementerian|Lembaga|Balai|Pemerintah|Perusahaan|Bank|Dewan|Kantor"
        r"|Akademi)",
        title,
    )
    if m is None or m.start() == 0 or not _JOB_HEAD.match(title):
        return None
    return _strip_trailing_province(title[m.start() :].strip())


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


def _clean_text(value: str) -> str:
    value = re.sub(r"\s+", " ", value)
    return value.strip(" ,;:|-—'\"")


def _move_degrees(first: str, following: list[str]) -> tuple[str, list[str]]:
    """Titles that OCR put at the start of the next jabatan-column lines go back to the name."""
    out = []
    for idx, line in enumerate(following):
        if idx >= 2:
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
        out.append(" ".join(toks))
    return first, out


def _split_name_job(line: str) -> tuple[str, str] | None:
    """ "NAME, TITLES : jabatan ..." -> (name, rest)."""
    m = re.match(r"^(.{3,60}?)\s*(?::|;|\s-\s|\s—\s|\s\.\s|,?\s+selaku\s)\s*(.*)$", line, re.I)
    if m and not re.search(r"\b(nama|nip|jabatan|alamat)\b", m.group(1), re.I):
        return m.group(1), m.group(2)
    m2 = _JOB_HEAD.search(line)
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


def _parse_paragraph(d: _Draft) -> None:
    para = d.paragraph
    # Nama / Jabatan form
    nm = re.search(r"^\W*(?:\S{1,4}\s+)?Nama\s*[:;]\s*(.+)$", para, re.M | re.I)
    if nm:
        d.signatory = _clean_name(nm.group(1))
        jb = re.search(
            # the colon may stand in its own column, read at the start of the next line
            r"^\W*Jabatan(?:\s*[:;]|[ \t]*\n\s*(?:[:;]|[1l|!][:;]?)(?=\s))\s*(.+?)"
            r"(?=\n\W*(?:Alamat|NIP|NIK|Dalam hal|Berdasarkan|Selaku|Bertindak)\b|\Z)",
            para,
            re.M | re.I | re.S,
        )
        if jb:
            d.title = _clean_text(_JOB_STOP.split(jb.group(1))[0])
    else:
        marker = list(_MARKER.finditer(para))
        body = para[marker[-1].end() :] if marker else para
        lines = [ln for ln in body.split("\n") if re.search(r"[A-Za-z]{2}", ln)]
        if lines and not marker and d.order > 0:
            # undotted roman markers: "II BUDI SANTOSO : Bupati ..."
            roman = "I" * d.order if d.order < 4 else "IV"
            lines[0] = re.sub(rf"^\W*{roman}\s+(?=[A-Z]{{2}})", "", lines[0])
        split = _split_name_job(lines[0]) if lines else None
        if lines and (split is None or "," in split[0][:-1]) and ":" not in lines[0]:
            split = _split_flat("\n".join(lines)) or split
        if split is None and lines and _JOB_HEAD.match(lines[0].strip()):
            split = ("", lines[0])  # the name was lost (OCR put it elsewhere)
        if split is None and len(lines) > 1:
            nxt = re.match(
                rf"^\s*[-—:]\s*(?={JOB_HEADS_START})|^\s*(?={JOB_HEADS_START})", lines[1]
            )
            if nxt:  # the name alone on its line, the jabatan column read as the next line
                split = (lines[0], "\n".join([lines[1][nxt.end() :], *lines[2:]]))
        prose = re.search(
            r"diwakili\s+(?:oleh\s+)?(.{3,80}?)\s*,?\s*(?:yang\s+)?(?:bertindak\s+)?"
            r"(?:dalam\s+(?:jabatannya|kedudukannya)\s+)?(?:selaku|sebagai)\s+(.+)",
            para.replace("\n", " "),
            re.I,
        )
        if prose:
            d.signatory = _clean_name(prose.group(1))
            d.title = _clean_text(_JOB_STOP.split(prose.group(2))[0])
        elif split is not None:
            name, rest = split
            name, others = _move_degrees(name, lines[1:])
            d.signatory = _clean_name(name)
            job = "\n".join([rest, *others])
            job = re.sub(r"^\s*selaku\s+", "", job, flags=re.I)
            d.title = _clean_text(_JOB_STOP.split(job)[0]) or None
    # Institution: the last "atas nama X" of the paragraph
    hits = list(_ATAS_NAMA.finditer(para))
    if hits:
        after = " ".join(_skip_name_column(para[hits[-1].end() :].split("\n")))
        inst = _clean_text(_INST_STOP.split(after)[0])
        # "atas nama Kepala Badan X": the party is Badan X, not its head
        inst = re.sub(r"^(?:Kepala|Direktur|Pimpinan|Ketua)\s+(?=[A-Z])", "", inst)
        d.institution = inst or None


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


def _cut_to_heading(inst: str, heading: list[str]) -> str:
    """Cut a clause institution at a comma so that it best matches a heading name."""
    if "," not in inst:
        return inst
    prefixes = [inst[: m.start()] for m in re.finditer(",", inst)] + [inst]
    if heading:
        scored = [(max(fuzz.ratio(p.lower(), h.lower()) for h in heading), p) for p in prefixes]
        best = max(scored, key=lambda x: x[0])
        if best[0] >= 80:
            return best[1]
    return prefixes[0]


def _strip_trailing_province(name: str) -> str:
    return (
        re.sub(r"\s+provinsi\s+[\w ]+$", "", name, flags=re.I)
        if re.search(r"\b(kabupaten|kota)\b", name, re.I)
        else name
    )


def _choose_institution(d: _Draft, heading: str | None) -> str | None:
    clause = d.institution
    organ = None
    if d.title:
        m = _ORGAN.match(d.title)
        if m:
            organ = _strip_trailing_province(_clean_text(m.group(1)))
    if clause and organ and _GENERIC_GOV.match(clause):
        # a Dinas head signing for the Pemda: the party is the organ that signs
        d.notes.append("organ of the regional government from the jabatan")
        return organ
    if heading and not clause:
        if organ and _GENERIC_GOV.match(heading):
            return organ
        d.notes.append("institution from the heading (no 'atas nama' in the clause)")
        return heading
    if heading and clause:
        if organ and _GENERIC_GOV.match(heading) and _GENERIC_GOV.match(clause):
            return organ
        h = _strip_trailing_province(heading)
        if len(h) > 1.25 * len(clause):
            d.notes.append("heading spells out the clause's abbreviation")
            return heading  # the clause abbreviates ("SMK", "FT-UNP"); the heading spells out
        cw, hw = clause.split(), heading.split()
        extra = cw[len(hw) :]
        if (
            0 < len(extra) <= 2
            and fuzz.ratio(" ".join(cw[: len(hw)]).lower(), heading.lower()) >= 92
            and not re.match(r"(provinsi|kabupaten|kota|daerah|\()", extra[0], re.I)
        ):
            return " ".join(cw[: len(hw)])  # "PT X Batam" where the heading names "PT X"
    if clause or organ:
        return clause or organ
    org = _org_from_title(d.title)
    if org:
        d.notes.append("institution from the jabatan (no 'atas nama', no heading)")
    return org


def _title_ok(title: str | None, institution: str | None) -> str | None:
    if not title:
        return None
    if _JOB_HEAD.match(title):
        return title
    if re.match(r"^(PT|CV)\b", title) or (
        institution and fuzz.ratio(title.lower(), institution.lower()) >= 85
    ):
        return None  # the clause names the company where the jabatan would be
    return title


def _fuller(clause: str | None, signed: str | None) -> str | None:
    """The clause form of a name unless the signature block has the same name with more titles."""
    if not signed:
        return clause
    if not clause:
        return signed
    core_c = " ".join(w for w in clause.replace(",", " ").split() if not is_degree(w))
    core_s = " ".join(w for w in signed.replace(",", " ").split() if not is_degree(w))
    if fuzz.ratio(core_c.lower(), core_s.lower()) < 85:
        return clause
    deg_c = sum(is_degree(w) for w in clause.replace(",", " ").split())
    deg_s = sum(is_degree(w) for w in signed.replace(",", " ").split())
    return signed if deg_s > deg_c else clause


_PREFIX_TITLE = re.compile(r"^(?:Prof|Drs|Dra|Dr|dr|Ir|H|Hj|KH)\.$")


def _name_in_lines(name: str, lines: list[str]) -> str | None:
    """The span of a signature line (two names side by side) that holds ``name``, with the
    titles printed around it there."""
    core = [
        w for w in name.replace(",", " ").split() if not is_degree(w) and not _PREFIX_TITLE.match(w)
    ]
    if not core:
        return None
    best: tuple[float, list[str], int, int] | None = None
    for line in lines:
        toks = line.split()
        n = len(core)
        for i in range(0, max(1, len(toks) - n + 1)):
            window = " ".join(t.strip(",") for t in toks[i : i + n])
            score = fuzz.ratio(window.lower(), " ".join(core).lower())
            if best is None or score > best[0]:
                best = (score, toks, i, i + n)
    if best is None or best[0] < 90:
        return None
    _, toks, i, j = best
    while i > 0 and _PREFIX_TITLE.match(toks[i - 1]):
        i -= 1
    while j < len(toks) and is_degree(toks[j]) and not _PREFIX_TITLE.match(toks[j]):
        j += 1
    return " ".join(toks[i:j]).rstrip(",")


def find_parties(text: DocText) -> Finding[list[Party]]:
    s = text.text
    defs = role_definitions(s)
    if not defs:
        heads = heading_institutions(s, min(len(s), 6000))
        guessed = [
            _party(ROLE_NAMES.get(i + 1, str(i + 1)), name, None, None)
            for i, (name, _, _) in enumerate(heads)
        ]
        ev = [text.evidence(a, b, rule="heading only, no 'disebut PIHAK'") for _, a, b in heads]
        return Finding(
            value=guessed,
            confidence=0.3 if guessed else 0.1,
            evidence=ev,
            warnings=["no party definitions ('selanjutnya disebut PIHAK ...') found"],
        )
    drafts: list[_Draft] = []
    section = None
    for m in _SECTION_START.finditer(s[: defs[0].start]):
        section = m
    p_start = (
        section.end()
        if section and defs[0].start - section.end() < 3000
        else max(0, defs[0].start - 1200)
    )
    for d in defs:
        drafts.append(_Draft(d.order, d.word, s[p_start : d.start], p_start, d.end))
        p_start = d.end
    for dr in drafts:
        _parse_paragraph(dr)

    heads = heading_institutions(s, defs[0].start, sorted(text.page_starts.values()))
    # match heading names to paragraphs by content, not position
    assigned: dict[int, str] = {}
    used: set[int] = set()
    pairs = []
    for hi, (name, _, _) in enumerate(heads):
        for di, dr in enumerate(drafts):
            target = (dr.institution or "") + " \n " + dr.paragraph
            score = fuzz.partial_ratio(_strip_trailing_province(name).lower(), target.lower())
            pairs.append((score, hi, di))
    for score, hi, di in sorted(pairs, reverse=True):
        if score < HEADING_MATCH or di in assigned or hi in used:
            continue
        assigned[di] = heads[hi][0]
        used.add(hi)
    if len(heads) == len(drafts):
        for di in range(len(drafts)):
            if di not in assigned:
                free = [hi for hi in range(len(heads)) if hi not in used]
                if free:
                    assigned[di] = heads[free[0]][0]
                    used.add(free[0])

    signed = signature_names(text)
    by_order = {sn.order: sn for sn in signed if sn.order}
    parties: list[Party] = []
    evidence: list[Evidence] = []
    confidence = 0.9
    warnings: list[str] = []
    for di, dr in enumerate(drafts):
        heading = assigned.get(di)
        if dr.institution:
            dr.institution = _cut_to_heading(dr.institution, [heading] if heading else [])
        institution = _choose_institution(dr, heading)
        title = _title_ok(dr.title, institution)
        sig = dr.signatory
        sn: SignedName | None = by_order.get(dr.order)
        if sig is None and sn is None:
            unassigned = [x for x in signed if x.order == 0]
            if len(unassigned) == len(drafts):
                sn = unassigned[di]
        if sn is not None:
            sig = _fuller(sig, sn.name)
        elif sig is not None:
            sig = _fuller(sig, _name_in_lines(sig, [x.name for x in signed]))
        if sig is None:
            confidence = min(confidence, 0.5)
            warnings.append(f"PIHAK {dr.word}: signatory not found")
        if institution is None:
            confidence = min(confidence, 0.4)
            warnings.append(f"PIHAK {dr.word}: institution not found")
        if heading is None and heads:
            confidence = min(confidence, 0.7)
        if (institution and len(institution) > 150) or (title and len(title) > 160):
            confidence = min(confidence, 0.5)
            warnings.append(f"PIHAK {dr.word}: institution or jabatan unusually long")
        if sig and (re.search(r"\d", sig) or len(sig) > 70):
            confidence = min(confidence, 0.5)
            warnings.append(f"PIHAK {dr.word}: signatory looks damaged")
        signed_as, jabatan = clean_signatory(sig), clean_jabatan(title)
        sig, title = signed_as.value, jabatan.value
        if signed_as.doubtful:
            confidence = min(confidence, 0.6)
            warnings.extend(f"PIHAK {dr.word}: {n}" for n in signed_as.notes)
        parties.append(_party(dr.word, institution, sig, title))
        notes = [*dr.notes, *signed_as.notes, *jabatan.notes]
        rule = "; ".join([f"parties clause of PIHAK {dr.word}", *notes])
        evidence.append(text.evidence(dr.p_start, dr.p_end, rule=rule))
    if len(parties) < 2:
        confidence = min(confidence, 0.4)
        warnings.append("fewer than two parties defined")
    orders = [d.order for d in defs]
    if orders != list(range(1, len(orders) + 1)):
        confidence = min(confidence, 0.5)
        warnings.append(f"role numbers not consecutive: {orders}")
    return Finding(value=parties, confidence=confidence, evidence=evidence, warnings=warnings)


def _party(
    role_word: str, institution: str | None, signatory: str | None, title: str | None
) -> Party:
    kind, code, region = (
        classify_institution(institution) if institution else ("lainnya", None, None)
    )
    return Party(
        role=f"PIHAK {role_word}",
        institution=institution,
        kind=kind if institution else None,
        region_code=code,
        region_name=region,
        signatory=signatory,
        title=title,
    )
