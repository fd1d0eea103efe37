"""Purpose: the Maksud and Tujuan of the agreement, as "Maksud: ...; Tujuan: ...".

The article "Maksud dan Tujuan" (or "Tujuan", or "Maksud") states both, usually as
two ayat: "(1) Maksud Nota Kesepahaman ini adalah untuk X. (2) Tujuan ... adalah Y."
or in one sentence ("... diadakan dengan maksud untuk X, dengan tujuan agar Y";
"... dimaksudkan sebagai X dan bertujuan Y"). The boilerplate lead-in (which
document, "adalah untuk") says nothing, so only X and Y are kept, labelled, so a
reader sees which is which. When neither pattern is found the article body is the
purpose, with lower confidence.
"""

from __future__ import annotations

import re

from extractor.rules.articles import articles, find_article, join_wrapped
from extractor.rules.base import Finding
from extractor.text import DocText

PURPOSE_HEADINGS = [
    "MAKSUD DAN TUJUAN",
    "MAKSUD DAN TUJUAN KERJA SAMA",
    "MAKSUD, TUJUAN DAN SASARAN",
    "TUJUAN",
    "MAKSUD",
    "TUJUAN DAN SASARAN",
    "PURPOSE",
]

_AYAT = re.compile(r"(?:^|\n)\s*\(?\s*(?:\d{1,2}|[lI|]|[ivx]{1,3})\s*[.)]\s*(?=\S)")
_MAKSUD = re.compile(
    r"\b(?:maksud\b[^.;:]*?\b(?:adalah|ialah|yaitu|yakni)|dengan\s+maksud|dimaksudkan)"
    r"\s*(?:untuk|sebagai|agar|guna)?\s*:?\s*",
    re.IGNORECASE,
)
_TUJUAN = re.compile(
    r"\b(?:tujuan\b[^.;:]*?\b(?:adalah|ialah|yaitu|yakni)|dengan\s+tujuan|bertujuan)"
    r"\s*(?:untuk|agar|supaya|guna)?\s*:?\s*",
    re.IGNORECASE,
)
_SPLIT_TUJUAN = re.compile(
    r"[,;.]?\s*(?:dan\s+|serta\s+)?(?=\b(?:dengan\s+tujuan|bertujuan)\b)", re.IGNORECASE
)


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])")


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r"^(?:(?:untuk|sebagai|agar|guna)\s+)+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*[.;,]\s*$", "", text)
    return text.strip()


def _dehyphenate(lines: list[str]) -> str:
    """Lines kept apart (ayat markers start lines) but words split by a hyphen joined."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith("-") and not out[-1].endswith(" -"):
            out[-1] = join_wrapped([out[-1], line])
        else:
            out.append(line)
    return "\n".join(out)


def _chunks(body: str) -> list[str]:
    """The ayat of the body ("(1) ...", "1. ..."), or the whole body."""
    starts = [m.end() for m in _AYAT.finditer(body)]
    if not starts:
        return [body]
    bounds = [m.start() for m in _AYAT.finditer(body)] + [len(body)]
    head = body[: bounds[0]].strip()
    parts = [body[starts[i] : bounds[i + 1]] for i in range(len(starts))]
    return ([head] if head else []) + parts


def purpose_from_body(body: str) -> tuple[str | None, bool]:
    """(purpose, whether Maksud/Tujuan sentences were found) from an article body."""
    maksud: str | None = None
    tujuan: str | None = None
    for chunk in _chunks(body):
        flat = re.sub(r"\s+", " ", chunk)
        m = _MAKSUD.search(flat) if maksud is None else None
        t = _TUJUAN.search(flat) if tujuan is None else None
        if m and t and t.start() > m.start():
            segment = _SPLIT_TUJUAN.split(flat[m.end() : t.start()] + " ")[0]
            maksud = _clean(_SENTENCE_END.split(segment)[0])
            tujuan = _clean(flat[t.end() :])
        elif m:
            rest = flat[m.end() :]
            maksud = _clean(_SPLIT_TUJUAN.split(rest)[0])
        elif t:
            tujuan = _clean(flat[t.end() :])
    parts = []
    if maksud:
        parts.append(f"Maksud: {maksud}")
    if tujuan:
        parts.append(f"Tujuan: {tujuan}")
    if parts:
        return "; ".join(parts), True
    whole = _clean(re.sub(r"\s+", " ", body))
    return (whole[:1000] or None), False


def find_purpose(text: DocText) -> Finding[str | None]:
    hit = find_article(text, PURPOSE_HEADINGS)
    if hit is None:
        return Finding(value=None, confidence=0.5, warnings=["no Maksud dan Tujuan article"])
    article, score = hit
    body = _dehyphenate([ln.text for ln in article.body])
    value, found = purpose_from_body(body)
    end = article.end
    if value is not None and "Tujuan:" not in value:
        # "BAB II MAKSUD DAN TUJUAN / Pasal 1 ... dimaksudkan / Pasal 2 ... bertujuan"
        following = [a for a in articles(text) if a.heading_start > article.heading_start]
        if following and not following[0].heading and following[0].body:
            more = body + "\n" + _dehyphenate([ln.text for ln in following[0].body])
            value2, found2 = purpose_from_body(more)
            if found2 and value2 is not None and "Tujuan:" in value2:
                value, found, end = value2, True, following[0].end
    if value is None:
        return Finding(value=None, confidence=0.3, warnings=["empty Maksud dan Tujuan article"])
    confidence = 0.85 if found else 0.6
    if score < 95:
        confidence -= 0.1
    rule = f"article '{article.heading}'" + (" (maksud/tujuan sentences)" if found else " (body)")
    return Finding(
        value=value,
        confidence=round(confidence, 2),
        evidence=[text.evidence(article.heading_start, end, rule=rule)],
    )
