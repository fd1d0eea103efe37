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

from rapidfuzz import fuzz

from extractor.regions import classify_institution
from extractor.rules.base import Finding
from extractor.rules.names import (
    JABATAN_DEBRIS,
    NAME_CUT,
    NAME_DEBRIS,
    clean_jabatan,
    clean_signatory,
    fuller_name,
)
from extractor.rules.ordinals import role_word
from extractor.rules.party_clause import (
    JOB_HEAD,
    SECTION_START,
    ClauseDraft,
    clean_text,
    parse_paragraph,
    role_definitions,
)
from extractor.rules.party_heading import heading_institutions
from extractor.rules.sig_evidence import cell_evidence
from extractor.rules.sigblock import SignatureCell, signature_cells
from extractor.rules.signatures import SignedName, is_degree, signature_names
from extractor.rules.sigpairing import (
    PartyRef,
    pair_cells,
    read_cell_jabatan,
    read_cell_name,
    with_region,
)
from extractor.text import DocText
from models import Evidence
from models.extraction import Party

NAME_FROM_BLOCK = "[name-from-block]"
JABATAN_FROM_BLOCK = "[jabatan-from-block]"
DEBRIS_CONFIDENCE = 0.7
"""A name or jabatan the cleaning had to cut stamp or signature debris from."""
CUT_CONFIDENCE = 0.5
"""A name that looks cut short ("DR. SU"): the reviewer should see it first."""
BLOCK_ONLY_CONFIDENCE = 0.75
"""A name or jabatan read only from the signature block (stamps, signatures over it)."""
HEADING_MATCH = 70.0
"""partial ratio for a heading institution to be found in a party's paragraph."""
_ORGAN = re.compile(
    r"^(?:(?:Pelaksana\s+Tugas|Plt\.?|Plh\.?)\s+)?Kepala\s+((?:Dinas|Badan|Satuan|Kantor|Sekretariat"
    r"|Inspektorat|Bagian|Biro|Unit)\b.*)$",
    re.IGNORECASE,
)
_GENERIC_GOV = re.compile(r"^pemerintah(?:an)?\s+(?:daerah\s+)?(?:kabupaten|kota|provinsi)\b", re.I)


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
    if m is None or m.start() == 0 or not JOB_HEAD.match(title):
        return None
    return _strip_trailing_province(title[m.start() :].strip())


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


def _choose_institution(d: ClauseDraft, heading: str | None) -> str | None:
    clause = d.institution
    organ = None
    if d.title:
        m = _ORGAN.match(d.title)
        if m:
            organ = _strip_trailing_province(clean_text(m.group(1)))
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
    if JOB_HEAD.match(title):
        return title
    if re.match(r"^(PT|CV)\b", title) or (
        institution and fuzz.ratio(title.lower(), institution.lower()) >= 85
    ):
        return None  # the clause names the company where the jabatan would be
    return title


_fuller = fuller_name


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
            _party(role_word(i + 1), name, None, None) for i, (name, _, _) in enumerate(heads)
        ]
        ev = [text.evidence(a, b, rule="heading only, no 'disebut PIHAK'") for _, a, b in heads]
        return Finding(
            value=guessed,
            confidence=0.3 if guessed else 0.1,
            evidence=ev,
            warnings=["no party definitions ('selanjutnya disebut PIHAK ...') found"],
        )
    drafts: list[ClauseDraft] = []
    section = None
    for m in SECTION_START.finditer(s[: defs[0].start]):
        section = m
    p_start = (
        section.end()
        if section and defs[0].start - section.end() < 3000
        else max(0, defs[0].start - 1200)
    )
    for d in defs:
        drafts.append(ClauseDraft(d.order, d.word, s[p_start : d.start], p_start, d.end))
        p_start = d.end
    for dr in drafts:
        parse_paragraph(dr)

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
    cells = signature_cells(text)
    paired = pair_cells(cells, [PartyRef(d.order, d.signatory) for d in drafts])
    parties: list[Party] = []
    evidence: list[Evidence] = []
    block_evidence: list[Evidence] = []
    confidence = 0.9
    warnings: list[str] = []
    for di, dr in enumerate(drafts):
        heading = assigned.get(di)
        if dr.institution:
            dr.institution = _cut_to_heading(dr.institution, [heading] if heading else [])
        institution = _choose_institution(dr, heading)
        title = _title_ok(dr.title, institution)
        sig = dr.signatory
        cell = paired.get(dr.order)
        sn: SignedName | None = by_order.get(dr.order)
        if cell is not None:
            sig, title, from_block = _from_cell(cell, sig, title, dr, institution)
            if from_block:
                confidence = min(confidence, BLOCK_ONLY_CONFIDENCE)
            block_evidence.extend(cell_evidence(text, cell, dr.word, cells))
        else:
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
        notes = [*dr.notes, *signed_as.notes, *jabatan.notes]
        confidence = min(confidence, _doubt(notes))
        parties.append(_party(dr.word, institution, sig, title))
        rule = "; ".join([f"parties clause of PIHAK {dr.word}", *notes])
        evidence.append(text.evidence(dr.p_start, dr.p_end, rule=rule))
    if len(parties) < 2:
        confidence = min(confidence, 0.4)
        warnings.append("fewer than two parties defined")
    orders = [d.order for d in defs]
    if orders != list(range(1, len(orders) + 1)):
        confidence = min(confidence, 0.5)
        warnings.append(f"role numbers not consecutive: {orders}")
    return Finding(
        value=parties,
        confidence=confidence,
        evidence=[*evidence, *block_evidence],
        warnings=warnings,
    )


def _from_cell(
    cell: SignatureCell,
    sig: str | None,
    title: str | None,
    dr: ClauseDraft,
    institution: str | None = None,
) -> tuple[str | None, str | None, bool]:
    """Signatory and jabatan with what the party's signature cell prints: the fuller name,
    and a name or jabatan the clause lost. ``True`` when a value comes from the cell alone."""
    used = False
    read = read_cell_name(cell)
    printed = read.value
    if sig is None and printed:
        sig, used = printed, True
        dr.notes.append(
            f"{NAME_FROM_BLOCK} signatory from the signature block (the clause gives none)"
        )
    else:
        sig = _fuller(sig, printed)
    if printed and sig == printed:
        dr.notes.extend(read.notes)  # what the cleaning cut from the printed name, tags kept
    if title is None:
        job = read_cell_jabatan(cell)
        if job.value:
            title, region = with_region(job.value, institution)
            used = True
            dr.notes.append(
                f"{JABATAN_FROM_BLOCK} jabatan from the signature block (the clause gives none)"
            )
            dr.notes.extend([*job.notes, *([region] if region else [])])
    return sig, title, used


def _doubt(notes: list[str]) -> float:
    """The confidence the cleaning's tags allow: a cut name less than cut debris."""
    joined = " ".join(notes)
    if NAME_CUT in joined:
        return CUT_CONFIDENCE
    if NAME_DEBRIS in joined or JABATAN_DEBRIS in joined:
        return DEBRIS_CONFIDENCE
    return 1.0


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
