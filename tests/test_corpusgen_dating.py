"""The held-out family of amendment/bilingual headings and date forms: each form is
generated, and the rules read it back (title, type, parent, signing date and place)."""

from __future__ import annotations

import datetime as dt
import random
from functools import lru_cache

from rapidfuzz import fuzz

from corpusgen import generate_sample
from corpusgen.dating import EXTRA_FORMS, SIGN_MODES, extra_opening_date, sign_lead
from corpusgen.drafting import Sample
from corpusgen.heading_forms import AMENDMENT_FORMS, bilingual_lines
from extractor.rules.dates import find_dates
from extractor.rules.doctype import find_doc_type
from extractor.rules.duration import find_term
from extractor.rules.heading import find_heading
from extractor.rules.parent import find_parent
from extractor.rules.place import find_place
from extractor.rules.signing_date import DISAGREE_CAP, locate_signing_date
from extractor.rules.title import find_title
from extractor.text import DocText

FAMILY = "wilayah-tanggal-adendum"


@lru_cache(maxsize=1)
def _samples() -> tuple[Sample, ...]:
    return tuple(generate_sample(9000 + k, family=FAMILY) for k in range(40))


def _has(sample: Sample, note: str) -> bool:
    return any(note in n for n in sample.truth["notes"])


def test_every_form_is_generated() -> None:
    samples = _samples()
    for form in AMENDMENT_FORMS:
        assert any(_has(s, f"amendment heading form '{form}'") for s in samples), form
    assert any(_has(s, "bilingual heading") for s in samples)
    assert any(_has(s, "logo debris between the heading lines") for s in samples)
    forms = {s.truth["date_form"] for s in samples}
    assert len(set(EXTRA_FORMS) & forms) >= 3
    seen = {m for s in samples for m in SIGN_MODES if _has(s, f"no date in the opening: {m}")}
    assert {"sign-block-only", "sign-line-only"} <= seen
    assert any(_has(s, "disagrees with the opening") for s in samples)


def test_the_rules_read_each_generated_form_back() -> None:
    for sample in _samples():
        truth = sample.truth
        text = DocText.from_string("\n".join(truth["page_texts"]))
        heading = find_heading(text)
        doc_type = find_doc_type(text, heading)
        assert doc_type.value == truth["doc_type"], sample.id
        title = find_title(text, heading)
        assert title.value is not None
        assert fuzz.token_sort_ratio(title.value, truth["title"]) >= 85, sample.id
        date, end = locate_signing_date(text)
        assert date.value == dt.date.fromisoformat(truth["signing_date"]), sample.id
        if _has(sample, "disagrees with the opening"):
            assert date.confidence <= DISAGREE_CAP
        place = find_place(text, end)
        assert place.value == truth["signing_place"], sample.id
        term = find_term(text, date.value)
        if truth["end_date"] is not None:  # a stated end, in each generated wording
            assert term.end.value == dt.date.fromisoformat(truth["end_date"]), sample.id
            assert term.end_source == "stated"
        else:  # the truth has no computed end: start + term
            assert term.end_source != "stated", sample.id
        if truth["doc_type"] == "ADENDUM":
            parent = find_parent(text, doc_type.value, heading, title.value)
            assert parent.value, sample.id


def test_each_generated_date_form_is_read_back() -> None:
    d = dt.date(2019, 3, 7)
    for form in EXTRA_FORMS:
        printed = "Pada hari ini " + extra_opening_date(d, form, "Kamis") + ", yang bertanda"
        assert [m.value for m in find_dates(printed)] == [d], printed
    rng = random.Random(3)
    for mode in SIGN_MODES[1:]:
        lead, _ = sign_lead(rng, mode, "Sukabumi", d)
        text = DocText.from_string("NOTA KESEPAHAMAN\nYang bertanda tangan\n" + "\n".join(lead))
        date, end = locate_signing_date(text)
        assert date.value == (d if mode != "sign-line-disagree" else date.value), lead
        assert date.value is not None and find_place(text, end).value == "Sukabumi", lead


def test_bilingual_lines_translate_type_connectors_and_topic_only() -> None:
    lines = ["NOTA KESEPAHAMAN", "ANTARA", "UNIVERSITAS A", "DAN", "PT B", "TENTANG", "RISET"]
    printed = bilingual_lines(random.Random(1), lines)
    assert printed[:4] == ["NOTA KESEPAHAMAN", "MEMORANDUM OF UNDERSTANDING", "ANTARA", "BETWEEN"]
    assert "UNIVERSITAS A" in printed and "PT B" in printed  # names are not translated
    assert [x for x in printed if x in lines] == lines
