"""Field-by-field scoring of an extraction against its ground truth.

One scorer for every set (generated corpus, real-dev labels, the baseline), so
the figures can be compared. Each field of ``models.FIELD_NAMES`` gets a score
in 0..1 per document (``None`` = not scored for that document); a field's
accuracy over a set is the mean of those scores. Null (or empty) against null
counts as correct everywhere: saying "not there" when it is not there is right.

Rules and thresholds (all rapidfuzz scores are 0..100, computed on text that is
NFKC-normalised, casefolded, with every run of non-alphanumeric characters
turned into one space, see ``norm``):

- ``doc_type``: exact. For real-dev labels (``real=True``) ADENDUM counts as
  PKS, because their README files addenda under PKS.
- ``signing_date``: exact ISO date.
- ``start_date``: exact, and only a *stated* date counts: a predicted start
  date whose ``start_date_source`` is not ``"stated"`` is taken as null, since
  labels record explicitly written dates only. Likewise a truth start date
  marked ``"signing_date"`` is taken as null.
- ``end_date``: the same with ``end_date_source``: a computed end date counts
  as null on either side.
- ``duration``: exact ``{value, unit}``.
- ``numbers``: each number is compared exactly after NFKC, removing all
  whitespace and unifying dashes (case is kept: numbers are "as written").
  The lists are compared as multisets, order ignored:
  score = matched / max(len(pred), len(truth)), so a dropped or an invented
  number both cost; partial credit rather than all-or-nothing, so one
  misread digit in one of two numbers shows as 0.5, not 0.
- names (``title``, ``signing_place``, party ``institution``, ``signatory``,
  ``title``): ``fuzz.token_sort_ratio >= NAME_THRESHOLD`` (85). Not
  ``token_set_ratio``: it gives 100 whenever one side's words are a subset
  of the other's, so a truncated "NOTA KESEPAHAMAN" would match every NK
  title, and "Universitas" every university.
- ``scope``: items matched one-to-one, greedily by best
  ``fuzz.token_sort_ratio`` (pairs >= SCOPE_THRESHOLD, 80, taken best
  first); score = F1 of matched items (precision = matched / predicted,
  recall = matched / truth).
- ``purpose``: labels are short quotes or paraphrases of the Maksud dan
  Tujuan, while the extraction may hold both full sentences, so
  ``max(fuzz.partial_ratio, fuzz.token_set_ratio) >= PURPOSE_THRESHOLD`` (70),
  but only when the prediction is at least half the truth's length and at
  most ``max(4 x truth, truth + 400)`` characters (so neither one word nor a
  whole page can match); outside that window ``fuzz.token_sort_ratio``.
- ``parent_agreement``: when both sides hold a number-like token (digits with
  ``/`` separators; casefolded, spaces around ``/`` removed) the numbers
  decide: correct when one is shared. Otherwise the texts must match as for
  purpose with
  PARENT_THRESHOLD (80) (partial matching only for a prediction of at least
  PARENT_MIN_CHARS, 25, normalised characters).
- ``parties``: aligned by role: a truth party is paired with the predicted
  party of the same rank (PERTAMA = KESATU, KEDUA, KETIGA, KEEMPAT); parties
  whose role is unknown or unmatched are paired in role order, then list
  order; a missing party on either side is all-null. Sub-fields ``institution``,
  ``signatory``, ``title`` (names rule) and ``kind``, ``region_code`` (exact)
  are scored only when the truth's parties carry that key (real-dev labels
  have no kind or region code). Each sub-field's score is its mean over the
  aligned positions; ``parties`` is the mean of the sub-field scores, which
  are also reported as ``parties.<sub-field>``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from rapidfuzz import fuzz

from extractor.rules.ordinals import role_rank
from models import FIELD_NAMES, Extraction

NAME_THRESHOLD = 85.0
SCOPE_THRESHOLD = 80.0
PURPOSE_THRESHOLD = 70.0
PARENT_THRESHOLD = 80.0
PARENT_MIN_CHARS = 25

DATE_FIELDS = ("signing_date", "start_date", "end_date")
PARTY_SUBFIELDS = ("institution", "signatory", "title", "kind", "region_code")
_FUZZY_PARTY = {"institution", "signatory", "title"}

_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
_SPACE = re.compile(r"\s+")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_NUMBER_TOKEN = re.compile(r"[^\s/,;()]*\d[^\s/,;()]*(?:/[^\s/,;()]+)+")

Truth = Mapping[str, Any]
DocScores = dict[str, float]


def norm(text: str | None) -> str:
    """Text for fuzzy comparison: NFKC, casefold, punctuation to single spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_ALNUM.sub(" ", text).strip()


def norm_number(number: str) -> str:
    """A number as written, minus whitespace and dash variants (case kept)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", number).translate(_DASHES))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str | list | dict) and len(value) == 0)


def name_match(pred: str | None, truth: str | None) -> float:
    """1.0 when both blank or token_sort_ratio >= NAME_THRESHOLD."""
    p, t = norm(pred), norm(truth)
    if not p and not t:
        return 1.0
    if not p or not t:
        return 0.0
    return 1.0 if fuzz.token_sort_ratio(p, t) >= NAME_THRESHOLD else 0.0


def _quote_ratio(p: str, t: str, *, allow_partial: bool) -> float:
    if allow_partial:
        return max(fuzz.partial_ratio(p, t), fuzz.token_set_ratio(p, t))
    return fuzz.token_sort_ratio(p, t)


def purpose_match(pred: str | None, truth: str | None) -> float:
    p, t = norm(pred), norm(truth)
    if not p and not t:
        return 1.0
    if not p or not t:
        return 0.0
    window = len(t) / 2 <= len(p) <= max(4 * len(t), len(t) + 400)
    return 1.0 if _quote_ratio(p, t, allow_partial=window) >= PURPOSE_THRESHOLD else 0.0


def _number_tokens(text: str) -> set[str]:
    compact = re.sub(r"\s*/\s*", "/", unicodedata.normalize("NFKC", text))
    return {m.group(0).casefold().strip(".:") for m in _NUMBER_TOKEN.finditer(compact)}


def parent_match(pred: str | None, truth: str | None) -> float:
    p, t = norm(pred), norm(truth)
    if not p and not t:
        return 1.0
    if not p or not t or pred is None or truth is None:
        return 0.0
    pred_numbers, truth_numbers = _number_tokens(pred), _number_tokens(truth)
    if pred_numbers and truth_numbers:
        return 1.0 if pred_numbers & truth_numbers else 0.0
    allow = len(p) >= PARENT_MIN_CHARS and len(p) <= max(4 * len(t), len(t) + 400)
    return 1.0 if _quote_ratio(p, t, allow_partial=allow) >= PARENT_THRESHOLD else 0.0


def numbers_score(pred: Iterable[str], truth: Iterable[str]) -> float:
    """Multiset overlap: matched / max(len(pred), len(truth)); both empty = 1."""
    p = Counter(norm_number(x) for x in pred if x and x.strip())
    t = Counter(norm_number(x) for x in truth if x and x.strip())
    size = max(sum(p.values()), sum(t.values()))
    if size == 0:
        return 1.0
    return sum((p & t).values()) / size


def scope_score(pred: Iterable[str], truth: Iterable[str]) -> float:
    """F1 of items matched one-to-one, best pairs first, ratio >= SCOPE_THRESHOLD."""
    p = [norm(x) for x in pred if norm(x)]
    t = [norm(x) for x in truth if norm(x)]
    if not p and not t:
        return 1.0
    if not p or not t:
        return 0.0
    pairs = sorted(
        ((fuzz.token_sort_ratio(a, b), i, j) for i, a in enumerate(p) for j, b in enumerate(t)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_t: set[int] = set()
    for ratio, i, j in pairs:
        if ratio < SCOPE_THRESHOLD:
            break
        if i in used_p or j in used_t:
            continue
        used_p.add(i)
        used_t.add(j)
    matched = len(used_p)
    if matched == 0:
        return 0.0
    precision, recall = matched / len(p), matched / len(t)
    return 2 * precision * recall / (precision + recall)


def _as_date(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)[:10]


def _as_duration(value: object) -> tuple[int, str] | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        return int(value["value"]), str(value["unit"])
    return int(value.value), str(value.unit)  # type: ignore[attr-defined]


def _role_rank(role: object, index: int) -> tuple[int, int]:
    """(rank, index): PERTAMA = KESATU = 1, ... KEDUA PULUH DELAPAN = 28; 99 when unknown."""
    rank = role_rank(str(role or ""))
    return (rank if rank is not None else 99), index


def _aligned(
    pred: list[Mapping[str, Any]], truth: list[Mapping[str, Any]]
) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """Pairs (pred, truth): same role rank first, the rest in role order; {} = missing."""
    p_rank = [_role_rank(party.get("role"), i) for i, party in enumerate(pred)]
    t_rank = [_role_rank(party.get("role"), i) for i, party in enumerate(truth)]
    pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
    free_p = sorted(range(len(pred)), key=lambda i: p_rank[i])
    left_t: list[int] = []
    for j in sorted(range(len(truth)), key=lambda j: t_rank[j]):
        same = [i for i in free_p if p_rank[i][0] == t_rank[j][0] < 99]
        if same:
            free_p.remove(same[0])
            pairs.append((pred[same[0]], truth[j]))
        else:
            left_t.append(j)
    for j in left_t:
        pairs.append((pred[free_p.pop(0)] if free_p else {}, truth[j]))
    pairs.extend((pred[i], {}) for i in free_p)
    return pairs


def parties_scores(
    pred: Iterable[Mapping[str, Any]], truth: Iterable[Mapping[str, Any]]
) -> DocScores:
    """``parties`` plus ``parties.<sub-field>`` for the sub-fields the truth carries."""
    truth_list, pred_list = list(truth), list(pred)
    if not truth_list and not pred_list:
        return {"parties": 1.0}
    keys = [k for k in PARTY_SUBFIELDS if any(k in party for party in truth_list)]
    if not keys:
        keys = ["institution"]
    pairs = _aligned(pred_list, truth_list)
    out: DocScores = {}
    for key in keys:
        total = 0.0
        for p_party, t_party in pairs:
            p, t = p_party.get(key), t_party.get(key)
            if key in _FUZZY_PARTY:
                total += name_match(p, t)
            else:
                total += 1.0 if (_blank(p) and _blank(t)) or p == t else 0.0
        out[f"parties.{key}"] = total / len(pairs)
    out["parties"] = sum(out.values()) / len(keys)
    return out


def _doc_type(value: object, real: bool) -> str:
    text = str(value or "other")
    return "PKS" if real and text == "ADENDUM" else text


def _stated(value: object, source: object, computed: str) -> str | None:
    """A date that counts: null when its source says it was not written."""
    return None if source == computed else _as_date(value)


def score_document(
    pred: Extraction,
    truth: Truth,
    *,
    real: bool = False,
    fields: Iterable[str] | None = None,
) -> DocScores:
    """Per-field scores of one extraction; ``fields`` limits what is scored."""
    wanted = set(FIELD_NAMES if fields is None else fields)
    p = pred.model_dump(mode="json")
    out: DocScores = {}
    if "doc_type" in wanted:
        same = _doc_type(p["doc_type"], real) == _doc_type(truth.get("doc_type"), real)
        out["doc_type"] = 1.0 if same else 0.0
    if "title" in wanted:
        out["title"] = name_match(p["title"], truth.get("title"))
    if "signing_place" in wanted:
        out["signing_place"] = name_match(p["signing_place"], truth.get("signing_place"))
    if "numbers" in wanted:
        out["numbers"] = numbers_score(p["numbers"], truth.get("numbers") or [])
    if "signing_date" in wanted:
        same = _as_date(p["signing_date"]) == _as_date(truth.get("signing_date"))
        out["signing_date"] = 1.0 if same else 0.0
    if "start_date" in wanted:
        pv = p["start_date"] if p.get("start_date_source") == "stated" else None
        tv = _stated(truth.get("start_date"), truth.get("start_date_source"), "signing_date")
        out["start_date"] = 1.0 if _as_date(pv) == tv else 0.0
    if "end_date" in wanted:
        pv = p["end_date"] if p.get("end_date_source") == "stated" else None
        tv = _stated(truth.get("end_date"), truth.get("end_date_source"), "computed")
        out["end_date"] = 1.0 if _as_date(pv) == tv else 0.0
    if "duration" in wanted:
        same = _as_duration(p["duration"]) == _as_duration(truth.get("duration"))
        out["duration"] = 1.0 if same else 0.0
    if "scope" in wanted:
        out["scope"] = scope_score(p["scope"], truth.get("scope") or [])
    if "purpose" in wanted:
        out["purpose"] = purpose_match(p["purpose"], truth.get("purpose"))
    if "parent_agreement" in wanted:
        out["parent_agreement"] = parent_match(p["parent_agreement"], truth.get("parent_agreement"))
    if "parties" in wanted:
        out.update(parties_scores(p["parties"], truth.get("parties") or []))
    return out


def truth_as_extraction(truth: Truth, *, file: str = "truth") -> Extraction:
    """The truth as if an extractor had read it: the scorer's identity check."""
    data = {k: truth[k] for k in Extraction.model_fields if k in truth}
    data.setdefault("start_date_source", "stated" if truth.get("start_date") else None)
    data.setdefault("end_date_source", "stated" if truth.get("end_date") else None)
    parties = [
        {k: v for k, v in party.items() if k in ("role", *PARTY_SUBFIELDS, "region_name")}
        for party in truth.get("parties") or []
    ]
    data.update(
        file=file,
        sha256=str(truth.get("sha256") or "0" * 64),
        pages=int(truth.get("pages") or 0),
        ocr_pages=0,
        parties=parties,
    )
    return Extraction.model_validate(data)


def score_keys(scores: Iterable[DocScores]) -> list[str]:
    """Fields first in contract order, each followed by its sub-fields."""
    seen: set[str] = set()
    for doc in scores:
        seen.update(doc)
    ordered: list[str] = []
    for name in FIELD_NAMES:
        if name in seen:
            ordered.append(name)
        ordered.extend(sorted(k for k in seen if k.startswith(f"{name}.")))
    return ordered


def aggregate(scores: Iterable[DocScores]) -> dict[str, dict[str, float]]:
    """Per key: mean score and how many documents scored it; plus ``mean``."""
    listed = list(scores)
    out: dict[str, dict[str, float]] = {}
    for key in score_keys(listed):
        values = [doc[key] for doc in listed if key in doc]
        out[key] = {"accuracy": sum(values) / len(values), "n": float(len(values))}
    fields = [out[name]["accuracy"] for name in FIELD_NAMES if name in out]
    if fields:
        out["mean"] = {"accuracy": sum(fields) / len(fields), "n": float(len(listed))}
    return out
