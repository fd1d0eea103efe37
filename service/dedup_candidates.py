"""Candidate queries for near-duplicate search: which agreements to score.

The scoring itself (``service.dedup``) is pure; this module reads the
registry's blocking keys, page text and FTS5 index to pick the few
agreements worth scoring (see ``service.dedup`` for the thresholds and why),
and never compares against every agreement.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from extractor.pages import lexicon
from service.dedup import (
    MAX_CANDIDATES,
    PAGE_CANDIDATES,
    PAGE_DIGITS_SHARED,
    PAGE_FILE_MAX,
    PAGE_MIN,
    PAGE_QUERY_WORDS,
    PAGE_TERM_MAX_DOCS,
    PAGE_TERMS,
    Match,
    Profile,
    compare,
    norm_text,
    page_similarity,
    profile,
)


def _pairs(items: Iterable[str]) -> set[str]:
    ordered = sorted(set(items))
    return {f"{a}|{b}" for i, a in enumerate(ordered) for b in ordered[i + 1 :]}


def blocking_keys(p: Profile) -> set[str]:
    """The keys an agreement is indexed under.

    Numbers block alone (a twin whose date was misread still meets its
    original); parties and regions block per signing year, so the blocks stay
    small as a busy province's agreements pile up over the years; ``?`` stands
    for an unread year. The year-less keys are only looked up by a file whose
    own date was not read (see ``query_keys``): pairs of parties (``q:``, ``s:``
    for region codes), small even for a busy province, and single parties
    (``q1:``) for a file where only one party was read."""
    keys = {f"n:{n}" for n in p.numbers if len(n) >= 5 and sum(c.isdigit() for c in n) >= 2}
    year = p.year if p.year is not None else "?"
    names = [name[:60] for name in p.parties]
    keys.update(f"p:{year}:{name}" for name in names)
    keys.update(f"r:{year}:{code}" for code in p.regions)
    keys.update(f"q:{pair}" for pair in _pairs(names))
    keys.update(f"s:{pair}" for pair in _pairs(p.regions))
    keys.update(f"q1:{name}" for name in names)
    return keys


def query_keys(p: Profile) -> set[str]:
    """The keys a new file looks up: its numbers; its parties in its signing year
    and among agreements whose year was not read; or, with no year of its own
    (a photo of the title page), its pairs of parties in every year."""
    keys = {k for k in blocking_keys(p) if k.startswith("n:")}
    names = [name[:60] for name in p.parties]
    if p.year is not None:
        for name in names:
            keys.update((f"p:{p.year}:{name}", f"p:?:{name}"))
        for code in p.regions:
            keys.update((f"r:{p.year}:{code}", f"r:?:{code}"))
    elif len(names) >= 2 or len(p.regions) >= 2:
        keys.update(f"q:{pair}" for pair in _pairs(names))
        keys.update(f"s:{pair}" for pair in _pairs(p.regions))
    else:
        keys.update(f"q1:{name}" for name in names)
    return keys


def _page_texts(conn: sqlite3.Connection, agreement_ids: Iterable[int]) -> dict[int, list[str]]:
    """Normalised page texts of every file of each agreement (any copy may hold the page)."""
    ids = list(agreement_ids)
    found: dict[int, list[str]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = conn.execute(
        f"""
        SELECT f.agreement_id, p.text FROM files f JOIN pages p ON p.sha256 = f.sha256
        WHERE f.agreement_id IN ({",".join("?" * len(ids))})
        """,
        ids,
    )
    for agreement_id, text in rows:
        found[agreement_id].append(norm_text(text))
    return found


def _page_terms(pages: Iterable[str]) -> list[str]:
    """The words a page may be looked up by: numbers, and words outside the
    Indonesian lexicon (names of people and places, institutions, OCR noise),
    longest first. Template words are in the lexicon, so their long posting
    lists are never read."""
    known = lexicon()
    words = {
        w
        for page in pages
        for w in page.split()
        if (len(w) >= 3 and any(c.isdigit() for c in w)) or (len(w) >= 4 and w not in known)
    }
    return sorted(words, key=lambda w: (-len(w), w))[:PAGE_QUERY_WORDS]


def _digit_words(text: str) -> set[str]:
    return {w for w in text.split() if len(w) >= 2 and any(c.isdigit() for c in w)}


def page_candidates(
    conn: sqlite3.Connection, pages: Iterable[str], *, exclude: int | None = None
) -> list[int]:
    """Agreements whose text holds this page's rarest words (the registry's FTS5
    index), best bm25 first. Rarity is read from the index itself (fts5vocab):
    words found in no agreement are OCR noise, words in more than
    ``PAGE_TERM_MAX_DOCS`` agreements are template; the ``PAGE_TERMS`` rarest
    of the rest are OR-ed, so the lookup reads only short posting lists."""
    words = _page_terms(pages)
    if not words:
        return []
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
        "USING fts5vocab(main, search_fts, 'row')"
    )
    counted = conn.execute(
        f"SELECT term, doc FROM temp.search_vocab WHERE term IN ({','.join('?' * len(words))})",
        words,
    ).fetchall()
    rare = [
        term
        for term, docs in sorted(counted, key=lambda r: (r[1], r[0]))
        if docs <= PAGE_TERM_MAX_DOCS
    ]
    if not rare:
        return []
    query = " OR ".join(f'"{term}"' for term in rare[:PAGE_TERMS])
    rows = conn.execute(
        """
        SELECT a.id FROM search_fts JOIN agreements a ON a.id = search_fts.rowid
        WHERE search_fts MATCH ? AND a.id != ? AND a.status != 'merged'
        ORDER BY search_fts.rank LIMIT ?
        """,
        [query, exclude if exclude is not None else -1, PAGE_CANDIDATES],
    ).fetchall()
    return [r[0] for r in rows]


def find_matches(
    conn: sqlite3.Connection, new: Profile, *, exclude: int | None = None
) -> list[Match]:
    """The agreements ``new`` may duplicate, best first (only blocked candidates are scored).

    A file of at most ``PAGE_FILE_MAX`` pages that matches none of them (a photo
    of an annex or signature page carries no numbers, parties or date to block
    on) is looked up by its page's rare words instead, and compared page to page."""
    keys = sorted(query_keys(new))
    rows: list[tuple[int, str, str]] = []
    if keys:
        marks = ",".join("?" * len(keys))
        rows = [
            (r[0], r[1], r[2])
            for r in conn.execute(
                f"""
                SELECT a.id, a.current, a.fingerprint, COUNT(*) AS shared
                FROM blocking_keys k JOIN agreements a ON a.id = k.agreement_id
                WHERE k.key IN ({marks}) AND a.id != ? AND a.status != 'merged'
                GROUP BY a.id ORDER BY shared DESC, a.id LIMIT ?
                """,
                [*keys, exclude if exclude is not None else -1, MAX_CANDIDATES],
            )
        ]
    matches: list[Match] = []
    olds: dict[int, Profile] = {}
    for agreement_id, current, text_fingerprint in rows:
        values = {k: v.get("value") for k, v in json.loads(current).items()}
        olds[agreement_id] = profile(values, text_fingerprint)
        score, reasons, duplicate = compare(new, olds[agreement_id])
        matches.append(Match(agreement_id, score, reasons, duplicate))
    if new.pages and not any(m.duplicate for m in matches):
        matches = _page_matches(conn, new, matches, olds, exclude)
    matches.sort(key=lambda m: (not m.duplicate, -m.score, m.agreement_id))
    return matches


def _page_matches(
    conn: sqlite3.Connection,
    new: Profile,
    matches: list[Match],
    olds: dict[int, Profile],
    exclude: int | None,
) -> list[Match]:
    """Score the blocked candidates again page to page, with the page-word
    candidates of a short file added."""
    ids = list(olds)[:PAGE_CANDIDATES]  # the blocked ones sharing most keys
    if len(new.pages) <= PAGE_FILE_MAX:
        ids += [i for i in page_candidates(conn, new.pages, exclude=exclude) if i not in olds]
    extra = [i for i in ids if i not in olds]
    if extra:
        marks = ",".join("?" * len(extra))
        rows = conn.execute(
            f"SELECT id, current, fingerprint FROM agreements WHERE id IN ({marks})", extra
        )
        for agreement_id, current, text_fingerprint in rows:
            values = {k: v.get("value") for k, v in json.loads(current).items()}
            olds[agreement_id] = profile(values, text_fingerprint)
    texts = _page_texts(conn, ids)
    rescored = {m.agreement_id: m for m in matches}
    digits = _digit_words(" ".join(new.pages))
    for agreement_id in ids:
        pages = page_similarity(new.pages, texts.get(agreement_id, []))
        if pages is None or pages < PAGE_MIN:
            continue
        held = set().union(*(_digit_words(text) for text in texts[agreement_id]))
        if digits and len(digits & held) < PAGE_DIGITS_SHARED * len(digits):
            continue  # same wording, other numbers and dates: a sibling on one template
        score, reasons, duplicate = compare(new, olds[agreement_id], pages=pages)
        rescored[agreement_id] = Match(agreement_id, score, reasons, duplicate)
    return list(rescored.values())
