"""Training families' signature columns carry the marks real blocks carry; held-out ones not.

The marks (a copy's "ttd", a rank line, bracketed names, meterai words, "a.n.") give the
signature-block rules something to be tuned on outside the held-out families, and they
must never change the truth: the printed name is still the person's, and the extractor
reads the same signatory and jabatan from the digital PDF.
"""

from __future__ import annotations

import io
import re

import pdfplumber

from corpusgen import generate_sample, render_digital_pdf
from corpusgen.families import FAMILIES
from corpusgen.people import regional_form
from corpusgen.signature_columns import ColumnMarks, column_marks
from extractor.ingest import read_document
from extractor.rules.parties import find_parties
from extractor.text import DocText


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in doc.pages))


def test_marks_are_drawn_per_column_and_stay_the_same_for_a_seed() -> None:
    drawn = [column_marks(seed, 0, True, "BUPATI GARUT") for seed in range(200)]
    assert drawn == [column_marks(seed, 0, True, "BUPATI GARUT") for seed in range(200)]
    marked = [m for m in drawn if m != ColumnMarks()]
    assert 0.25 < len(marked) / len(drawn) < 0.55
    assert any(m.copy_marks for m in marked) and any(m.rank for m in marked)
    assert any(m.delegation == "a.n. BUPATI GARUT," for m in marked)
    assert not any(m.rank for m in (column_marks(s, 1, False, None) for s in range(200)))


def test_a_training_document_with_marks_keeps_its_truth() -> None:
    family = "pemda-klasik"
    assert not FAMILIES[family].held_out
    for seed in range(300, 340):
        marks = [column_marks(seed, i, True, "X") for i in range(2)]
        if any(m.copy_marks or m.rank for m in marks):
            break
    sample = generate_sample(seed, family=family)
    pdf = render_digital_pdf(sample)
    text = _text(pdf)
    assert re.search(r"\bttd\b|TTD|Pembina|Penata", text)
    parties = find_parties(DocText.from_document(read_document(pdf, name="x.pdf"))).value
    for party, truth in zip(parties, sample.truth["parties"], strict=True):
        assert party.signatory is not None
        assert party.signatory.casefold() == truth["signatory"].casefold()
        assert party.title == truth["title"]


def test_regional_name_forms() -> None:
    forms = [regional_form("Made Wijaya", "", "S.T.", f"k{k}") for k in range(60)]
    assert any(name.startswith(("I ", "Ni ", "Ida ", "Anak Agung")) for name, _, _ in forms)
    chains = [regional_form("Budi Santoso", "", "", f"c{k}") for k in range(200)]
    assert any(prefix.startswith("Prof. Dr.") and "IPU" in suffix for _, prefix, suffix in chains)
    assert any(name == "Santoso" or name == "Budi" for name, _, _ in chains)
