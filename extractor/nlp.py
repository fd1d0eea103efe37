"""spaCy's Indonesian tokenizer and token matchers, built once per process.

No trained Indonesian pipeline exists on PyPI and nothing may be downloaded
at run time, so this is ``spacy.blank("id")``: its tokenizer is what the rules
use, with ``Matcher`` patterns where token sequences fit (term phrases such as
"berlaku selama 24 (dua puluh empat) bulan"). Numbers are matched through a
token extension backed by ``numbers_id``, so OCR-damaged number words count.
Building it takes ~1.7 s, so it happens lazily, on the first rule that needs
it, and only once.
"""

from __future__ import annotations

import threading
from typing import Any

from extractor.rules.numbers_id import is_number_word

_LOCK = threading.RLock()
"""Re-entrant: ``term_matcher`` builds the pipeline under it when no rule has yet."""
_NLP: Any = None
_MATCHERS: dict[str, Any] = {}

UNITS = ["tahun", "bulan", "hari", "thn", "bln"]
ANCHORS = ["waktu", "selama", "untuk", "lamanya", "berlaku", "adalah"]
_NUM: dict[str, Any] = {"_": {"id_num": True}}
_WORDS_IN_PARENS: list[dict[str, Any]] = [
    {"ORTH": "(", "OP": "?"},
    {"_": {"id_num": True}, "OP": "*"},
    {"ORTH": ")", "OP": "?"},
]
TERM_PATTERNS: list[list[dict[str, Any]]] = [
    # "jangka waktu 5 (lima) tahun", "selama 24 (dua puluh empat) bulan"; a label's colon
    # or a speckle read as one may follow the anchor ("selama: 5 (lima) tahun")
    [{"LOWER": {"IN": ANCHORS}}, {"ORTH": {"IN": [":", ";", ",", "."]}, "OP": "?"}, _NUM,
     *_WORDS_IN_PARENS, {"LOWER": {"IN": UNITS}}],
    # "selambat-lambatnya 5 (lima) tahun", "paling lama 3 (tiga) tahun"
    [{"LOWER": {"REGEX": r"^(selambat|paling|lama)"}}, {"LOWER": "lama", "OP": "?"}, _NUM,
     *_WORDS_IN_PARENS, {"LOWER": {"IN": UNITS}}],
]  # fmt: skip


def _is_number(token: Any) -> bool:
    """Digits, or a number word as numbers_id reads it (spaCy's LIKE_NUM misses 'seratus',
    'seribu' and every OCR-damaged word such as 'Lirna')."""
    text = token.text
    return bool(text.isdigit() or (text.isalpha() and is_number_word(text)))


def get_nlp() -> Any:
    """The blank Indonesian pipeline (tokenizer + lexical attributes + ``._.id_num``)."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                import spacy
                from spacy.tokens import Token

                Token.set_extension("id_num", getter=_is_number, force=True)
                _NLP = spacy.blank("id")
    return _NLP


def term_matcher() -> Any:
    """Matcher for term phrases; match spans are then read with numbers_id."""
    if "term" not in _MATCHERS:
        with _LOCK:
            if "term" not in _MATCHERS:
                from spacy.matcher import Matcher

                matcher = Matcher(get_nlp().vocab)
                matcher.add("TERM", TERM_PATTERNS)
                _MATCHERS["term"] = matcher
    return _MATCHERS["term"]


def tokenize(text: str) -> Any:
    """A spaCy Doc of the text (tokenizer only: fast)."""
    return get_nlp().make_doc(text)
