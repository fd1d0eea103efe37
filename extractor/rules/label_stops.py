"""Where a labelled line of a party's identity block begins, as OCR reads the label.

Indonesian agreements introduce each party with labelled rows ("Nama : ...",
"NIP : ...", "Jabatan : ...", "Alamat : ...", "Instansi : ...") or with a seat
in prose ("berkedudukan di ..."). A value ends where the next label begins, but on
scans OCR misreads the label ("AJamat", "Alarnat", "A1amat", "Jabatau", "Narna",
"N1P"), reads its colon as ';' or '.', or loses it, and sometimes joins two rows
into one line, so that an exact stop word never fires and the jabatan swallows the
address: "Kepala SMK Negeri 6 Batam AJamat : Kawasan Industri ...".

A label here is a known label word, compared after folding the usual OCR
confusions (l/1/I/J/|/!, rn/m, u/n, o/a) and allowing one edit for words of five
letters or more, followed by a colon-like mark (':', ';', '.', ','). At the start
of a line the mark may be lost when a value follows on the same line, but then the
folded word must match exactly and be one that never opens a wrapped value. Only
the shape of the row is read: no template, no document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

ROW_LABELS = (
    "nama",
    "nip",
    "nik",
    "nrp",
    "nidn",
    "jabatan",
    "alamat",
    "instansi",
    "kedudukan",
    "pangkat",
    "golongan",
    "npwp",
    "telepon",
    "email",
    "nomor",
)
"""Label words of the identity rows (a colon follows them). 'Nomor' is the party's own
number of the agreement where each party's rows carry one ("Jabatan : Direktur" /
"Nomor : 044/PKS-TP/VIII/2018")."""
_BARE_LABELS = frozenset({"nama", "nip", "nik", "nrp", "nidn", "jabatan", "alamat"})
"""Labels that may stand without their colon at a line start: none opens a wrapped
jabatan or institution line ("Instansi Vertikal", "Pangkat" could)."""
SEAT_WORDS = ("berkedudukan", "beralamat", "berkantor")
"""The seat in prose: the word, then 'di' (or a colon)."""
FUZZY_MIN = 5
"""Words this long may differ from the label by one edit after folding."""

_TOKEN = re.compile(r"[A-Za-z0-9|!]+")
_MARK = re.compile(r"(?:/[A-Za-z]+\.?)?[ \t]*[:;.,][ \t]*(?=\S)")
_COLON = re.compile(r"(?:/[A-Za-z]+\.?)?[ \t]*[:;][ \t]*(?=\S)")
"""After a word that is a label only by one edit, a real colon (or ';'): 'Slamat, M.T.'
in a name is no 'Alamat' row."""
"""The colon as OCR reads it, with the value after it on the same line ('Pangkat/Gol :')."""
_BARE = re.compile(r"[ \t]+(?=[^\s:;.,])")
_SEAT_DI = re.compile(r"[ \t]+d[il1]\b|[ \t]*[:;][ \t]*(?=\S)", re.IGNORECASE)
_FOLD = str.maketrans({"1": "l", "i": "l", "j": "l", "|": "l", "!": "l", "u": "n", "o": "a"})


def fold(word: str) -> str:
    """The word with OCR look-alikes merged: 'AJamat' and 'Alamat' fold alike."""
    return word.lower().replace("rn", "m").translate(_FOLD)


_FOLDED_ROWS = {fold(w): w for w in ROW_LABELS}
_FOLDED_SEATS = {fold(w): w for w in SEAT_WORDS}


@dataclass(frozen=True)
class LabelHit:
    """A label found in a value: where to cut, and what it labels."""

    label: str
    """the label word as written in the rules ('alamat')"""
    start: int
    """where the label begins: the value before it ends here"""
    value_start: int
    """where the labelled value begins (after the colon-like mark)"""
    exact: bool
    """the folded word equals the label (no edit needed)"""


def _match(word: str, table: dict[str, str]) -> tuple[str, bool] | None:
    folded = fold(word)
    if folded in table:
        return table[folded], True
    if len(word) < FUZZY_MIN:
        return None
    for key, label in table.items():
        if len(key) >= FUZZY_MIN and Levenshtein.distance(folded, key, score_cutoff=1) <= 1:
            return label, False
    return None


def _at_line_start(text: str, start: int) -> bool:
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return not re.search(r"[A-Za-z]{2}", line)  # a list marker or a bracket may precede


def find_labels(text: str) -> list[LabelHit]:
    """Every identity-row label and prose seat in ``text``, in order."""
    hits: list[LabelHit] = []
    tokens = list(_TOKEN.finditer(text))
    for k, tok in enumerate(tokens):
        word = tok.group()
        if not re.search(r"[A-Za-z]", word):
            continue
        row = _match(word, _FOLDED_ROWS)
        if row is not None:
            label, exact = row
            if label == "nama" and any(
                fold(t.group()) == "atas" for t in tokens[max(0, k - 4) : k]
            ):
                continue  # 'atas nama' (a wrapped name column may stand between): not a row
            mark = (_MARK if exact else _COLON).match(text, tok.end())
            bare = (  # a row label is capitalised; 'nama Pemerintah ...' continues prose
                exact
                and word[0].isupper()
                and label in _BARE_LABELS
                and _at_line_start(text, tok.start())
            )
            if mark is None and bare:
                mark = _BARE.match(text, tok.end())
            if mark is not None:
                hits.append(LabelHit(label, tok.start(), mark.end(), exact))
            continue
        seat = _match(word, _FOLDED_SEATS)
        if seat is not None:
            di = _SEAT_DI.match(text, tok.end())
            if di is not None:
                hits.append(LabelHit(seat[0], tok.start(), di.end(), seat[1]))
    return hits


def cut_at_label(value: str) -> str:
    """``value`` up to the first label after its first word (the next row it ran into).

    A label opening the value is left to the caller (the value is the row itself); one
    later in the value, on its own line or joined into the line by OCR, ends it.
    """
    lead = re.match(r"\W*", value)
    first = lead.end() if lead else 0
    for hit in find_labels(value):
        if hit.start > first:
            return value[: hit.start].rstrip(" \t\n,;:-")
    return value


_LABEL_LIKE = re.compile(r"[A-Za-z]{3,}[ \t]+[:;][ \t]+[A-Za-z0-9]")


def looks_labelled(value: str) -> bool:
    """The value still holds 'Word : value', the shape of another labelled row."""
    return bool(_LABEL_LIKE.search(value))


_SPELLED = {"nip": "NIP", "nik": "NIK", "nrp": "NRP", "nidn": "NIDN", "npwp": "NPWP"}


def canonical_rows(text: str) -> str:
    """Each identity row that opens a line rewritten as 'Label : value'.

    'AJamat ; Kawasan ...', 'Narna : X', 'Jabatau Kepala ...' become 'Alamat : ...',
    'Nama : X', 'Jabatan : Kepala ...', so the row readers see the rows OCR blurred.
    Only line starts: a label joined into a value is cut there by ``cut_at_label``.
    """
    out: list[str] = []
    last = 0
    for hit in find_labels(text):
        if hit.label in SEAT_WORDS or not _at_line_start(text, hit.start):
            continue
        out.append(text[last : hit.start])
        out.append(_SPELLED.get(hit.label, hit.label.capitalize()) + " : ")
        last = hit.value_start
    out.append(text[last:])
    return "".join(out)


def row_value(text: str, label: str) -> str | None:
    """The value of the first ``label`` row opening a line, up to the next row."""
    hits = find_labels(text)
    for k, hit in enumerate(hits):
        if hit.label == label and _at_line_start(text, hit.start):
            end = hits[k + 1].start if k + 1 < len(hits) else len(text)
            return text[hit.value_start : end]
    return None
