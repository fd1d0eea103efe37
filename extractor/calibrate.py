"""The last stage: each field's evidence turned into a confidence that points at errors.

Rules give a confidence from how their own pattern matched; a reviewer needs
the chance that the value is right. This stage describes each field by
general signals that do not depend on one template (``calibration_features``):
the rule's own confidence, how well OCR read the words the value came from,
whether the value fits its grammar (number grammar, a plausible date, the
weekday), whether independent places agree (the same number printed on
another page, the signing year inside the numbers, a stated end date against
the duration), what the second look said, and the shape of the string (OCR
debris, runaway length). A logistic model per field, fitted on generated
training families only (``python -m bench.fit_calibration``), maps them to a
probability; its coefficients are the small data file ``data/calibration.json``
read once at runtime. Without that file the rule confidences stay as they are.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from extractor.rules.number_grammar import check
from models import Document, Evidence, Extraction, Page

MODEL_FILE = "calibration.json"
FLOOR, CEILING = 0.02, 0.98
"""Calibrated confidence never claims certainty either way."""
LOW_WORD = 0.6
"""A word Tesseract is less sure of than this is counted as a weak word."""

FEATURES: tuple[str, ...] = (
    "rule",
    "empty",
    "ocr",
    "word_conf",
    "weak_words",
    "doc_conf",
    "warnings",
    "look_doubt",
    "look_changed",
    "odd_shape",
    "grammar",
    "agree",
    "count",
)
"""The signals every field is described by; a field-specific one is 0 where it does not apply."""


@dataclass(frozen=True)
class FieldModel:
    """One field's fitted logistic model over standardised features."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probability(self, x: tuple[float, ...]) -> float:
        z = self.intercept
        for value, mu, sd, w in zip(x, self.mean, self.scale, self.coef, strict=True):
            z += w * (value - mu) / (sd or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_models() -> dict[str, FieldModel]:
    """The shipped coefficients; an empty map when none are shipped or they do not fit."""
    try:
        raw = resources.files("extractor").joinpath("data", MODEL_FILE).read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError):
        return {}
    if tuple(data.get("features", ())) != FEATURES:
        return {}  # fitted for another feature set: refit (python -m bench.fit_calibration)
    return {
        name: FieldModel(tuple(m["mean"]), tuple(m["scale"]), tuple(m["coef"]), m["intercept"])
        for name, m in data.get("fields", {}).items()
    }


def _logit(p: float) -> float:
    p = min(0.98, max(0.02, p))
    return math.log(p / (1 - p))


def _inside(word_box: Any, box: tuple[float, float, float, float]) -> bool:
    cx = (word_box.x0 + word_box.x1) / 2
    cy = (word_box.top + word_box.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _evidence_words(pages: dict[int, Page], evidence: list[Evidence]) -> list[float]:
    """Word confidences of what the evidence boxes cover (1.0 for a text layer)."""
    confs: list[float] = []
    for ev in evidence:
        page = pages.get(ev.page)
        if page is None or ev.box is None:
            continue
        for line in page.lines:
            if line.box is not None and (line.box.bottom < ev.box[1] or line.box.top > ev.box[3]):
                continue
            confs.extend(w.conf for w in line.words if _inside(w.box, ev.box))
    return confs


def _doc_conf(document: Document) -> float:
    read = [p.ocr_confidence for p in document.pages if p.method == "ocr"]
    known = [c for c in read if c is not None]
    if read and not known:
        return 0.5
    return sum(known) / len(known) if known else 1.0


_ODD = re.compile(r"[^\w\s.,;:()/\-'\"&%]")
_DEBRIS = re.compile(r"\b\w*\d[A-Za-z]{2,}\w*\b|\b[A-Za-z]{2,}\d\w*\b|\|")


def _shape(values: list[str]) -> float:
    """OCR debris in the value's characters: odd symbols, letters and digits fused, '|'."""
    text = " ".join(values)
    if not text:
        return 0.0
    odd = len(_ODD.findall(text)) / max(1, len(text))
    return min(1.0, 10 * odd + 0.5 * len(_DEBRIS.findall(text)))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class _Specific:
    grammar: float = 0.0
    agree: float = 0.0
    count: float = 0.0
    shape: float = 0.0


def _numbers(document: Document, ex: Extraction) -> _Specific:
    year = ex.signing_date.year if ex.signing_date else None
    numbers = ex.numbers
    if not numbers:
        return _Specific()
    pages = [_squeeze(p.text) for p in document.pages]
    valid = sum(1 for n in numbers if check(n, year).valid) / len(numbers)
    elsewhere = sum(1 for n in numbers if sum(t.count(_squeeze(n)) for t in pages) >= 2)
    years = [check(n).year for n in numbers]
    same_year = sum(1 for y in years if y is not None and year is not None and abs(y - year) <= 1)
    parent = _squeeze(ex.parent_agreement or "")
    cited = sum(1 for n in numbers if parent and _squeeze(n) in parent)
    agree = (elsewhere + same_year - 2 * cited) / (2 * len(numbers))
    parties = max(1, len(ex.parties))
    count = math.log1p(len(numbers)) - math.log1p(parties)
    return _Specific(valid, agree, count, _shape(numbers))


def _signing_date(document: Document, ex: Extraction) -> _Specific:
    date = ex.signing_date
    if date is None:
        return _Specific()
    plausible = 1.0 if 1990 <= date.year <= 2035 else 0.0
    rule = " ".join(e.rule or "" for e in ex.evidence.get("signing_date", []))
    weekday = 1.0 if "weekday agrees" in rule else (-1.0 if "weekday disagrees" in rule else 0.0)
    years = [check(n).year for n in ex.numbers]
    in_numbers = 1.0 if date.year in years else (-1.0 if any(years) else 0.0)
    return _Specific(plausible, (weekday + in_numbers) / 2)


def _term(ex: Extraction, which: str) -> _Specific:
    value = ex.end_date if which == "end_date" else ex.start_date
    source = ex.end_date_source if which == "end_date" else ex.start_date_source
    if value is None:
        return _Specific()
    stated = 1.0 if source == "stated" else -1.0
    after = 0.0
    if ex.signing_date is not None:
        gap = (value - ex.signing_date).days
        after = 1.0 if (gap >= 0 if which == "end_date" else abs(gap) <= 400) else -1.0
    return _Specific(stated, after)


def _scope(ex: Extraction) -> _Specific:
    items = ex.scope
    if not items:
        return _Specific()
    footer = re.compile(r"paraf|halaman|\b\d+\s*dari\s*\d+\b|^\W*-\s*\d+\s*-", re.IGNORECASE)
    runaway = sum(1 for i in items if len(i) > 300 or len(i) < 5 or footer.search(i))
    return _Specific(1 - runaway / len(items), 0.0, math.log1p(len(items)), _shape(items))


PARTY_PARTS = ("institution", "signatory", "title")
"""Party sub-fields with a confidence of their own (``parties.signatory``, also ``kind``
and ``region_code``): a reviewer checks a name apart from an institution, and they fail
for different reasons. ``parties`` itself is the product of its parts."""


def _parties(document: Document, ex: Extraction, part: str | None) -> _Specific:
    if not ex.parties:
        return _Specific()
    parts = (part,) if part else PARTY_PARTS
    values = [getattr(p, k) for p in ex.parties for k in parts]
    filled = sum(1 for v in values if v) / len(values)
    shown = [v for v in values if v]
    tail = _squeeze(" ".join(p.text for p in document.pages[-3:])).lower()
    seen = sum(1 for v in shown if _squeeze(v).lower()[:12] in tail)
    agree = seen / len(values)
    count = math.log1p(len(ex.parties)) - math.log1p(2)
    lengths = [len(v) for v in shown]
    runaway = sum(1 for n in lengths if n > 90 or n < 4) / len(values)
    return _Specific(filled - runaway, agree, count, _shape(shown))


def _text_field(value: str | None) -> _Specific:
    if not value:
        return _Specific()
    return _Specific(0.0, 0.0, math.log1p(len(value)) / 6, _shape([value]))


def _specific(document: Document, ex: Extraction, name: str) -> _Specific:
    if name == "numbers":
        return _numbers(document, ex)
    if name == "signing_date":
        return _signing_date(document, ex)
    if name in ("end_date", "start_date"):
        return _term(ex, name)
    if name == "scope":
        return _scope(ex)
    if name == "parties" or name.startswith("parties."):
        return _parties(document, ex, name.partition(".")[2] or None)
    if name == "duration" and ex.duration is not None:
        consistent = 0.0
        if ex.end_date is not None and ex.end_date_source == "stated":
            consistent = -1.0  # a stated end date and a stated length: they may disagree
        return _Specific(1.0, consistent)
    if name in ("title", "purpose", "signing_place", "parent_agreement"):
        value = getattr(ex, name)
        return _text_field(value if isinstance(value, str) else None)
    return _Specific()


def _empty(ex: Extraction, name: str) -> bool:
    if name.startswith("parties."):
        part = name.partition(".")[2]
        return not any(getattr(p, part, None) for p in ex.parties)
    value = getattr(ex, name, None)
    return value is None or value == [] or value == "" or (name == "doc_type" and value == "other")


def calibration_features(document: Document, ex: Extraction, key: str) -> tuple[float, ...]:
    """The signals of one field (or party sub-field), in the order of ``FEATURES``."""
    name = key.partition(".")[0]
    pages = {p.number: p for p in document.pages}
    evidence = ex.evidence.get(name, [])
    words = _evidence_words(pages, evidence)
    doc_conf = _doc_conf(document)
    on_ocr = [pages[e.page].method == "ocr" for e in evidence if e.page in pages]
    ocr_share = document.ocr_pages / max(1, len(document.pages))
    ocr = sum(on_ocr) / len(on_ocr) if on_ocr else ocr_share
    word_conf = sum(words) / len(words) if words else doc_conf
    weak = sum(1 for c in words if c < LOW_WORD) / len(words) if words else 0.0
    prefix = f"{name}: "
    warnings = sum(1 for w in ex.warnings if w.startswith(prefix))
    rules = " ".join(e.rule or "" for e in evidence)
    doubt = any(k in rules for k in ("disagree", "no confidence", "nothing backs", "no reading"))
    changed = "second look: '" in rules and "->" in rules
    spec = _specific(document, ex, key)
    return (
        _logit(ex.confidence.get(name, 0.5)),
        1.0 if _empty(ex, key) else 0.0,
        ocr,
        word_conf,
        weak,
        doc_conf,
        float(min(3, warnings)),
        1.0 if doubt else 0.0,
        1.0 if changed else 0.0,
        spec.shape,
        spec.grammar,
        spec.agree,
        spec.count,
    )


def calibrate(
    document: Document, extraction: Extraction, models: dict[str, FieldModel] | None = None
) -> Extraction:
    """Replace each field's rule confidence by the fitted model's probability of being right.

    Party sub-fields get their own key (``parties.signatory``) beside ``parties``.
    """
    models = load_models() if models is None else models
    if not models:
        return extraction
    calibrated: dict[str, float] = {}
    all_parts = 1.0
    for key, model in models.items():
        if key.partition(".")[0] not in extraction.confidence:
            continue
        p = model.probability(calibration_features(document, extraction, key))
        calibrated[key] = round(min(CEILING, max(FLOOR, p)), 3)
        if key.startswith("parties."):
            all_parts *= p
    if any(k.startswith("parties.") for k in calibrated):
        # the parties are right when every part is: no model of its own, whose base rate
        # would mix sub-fields that one set scores and another does not
        calibrated["parties"] = round(min(CEILING, max(FLOOR, all_parts)), 3)
    extraction.confidence.update(calibrated)
    return extraction
