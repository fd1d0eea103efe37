"""The Ruang Lingkup article as agreements print it: under its usual heading or another
one (Objek Kerja Sama, Lingkup Kegiatan, Bentuk Kerja Sama), as a lettered or numbered
list, or as sentences with a party as subject, with or without ayat numbers."""

from __future__ import annotations

import random

from corpusgen.drafting import Draft, list_blocks, scope_items, weighted
from corpusgen.layout import Para

DEFAULT_HEADINGS = ("Ruang Lingkup", "Ruang Lingkup", "Lingkup Kerja Sama")

_INTRO_WORDS = {
    "objek kerja sama": "Objek kerja sama dalam",
    "lingkup kegiatan": "Lingkup kegiatan dalam",
    "bentuk kerja sama": "Bentuk kerja sama dalam",
    "ruang lingkup dan bentuk kegiatan": "Ruang lingkup dan bentuk kegiatan",
    "bidang kerja sama": "Bidang kerja sama dalam",
}
"""The introduction of a scope list repeats its heading ('Objek kerja sama dalam ... ini
meliputi:')."""

_SENTENCE_VERBS = (
    "melaksanakan",
    "menyelenggarakan",
    "memfasilitasi",
    "mendukung",
    "bersama-sama melaksanakan",
    "sepakat untuk melaksanakan",
)


def _scope_sentences(s: Draft, items: list[str], rng: random.Random) -> list[str]:
    """Scope as sentences with a party as subject ('PIHAK KESATU menyediakan ...'), as many
    agreements between a government and a third party write their Ruang Lingkup."""
    subjects = [*s.roles[: len(s.parties)], "PARA PIHAK"]
    out: list[str] = []
    for k, item in enumerate(items):
        subject = subjects[k % len(subjects)] if rng.random() < 0.7 else "PARA PIHAK"
        verb = rng.choice(_SENTENCE_VERBS)
        if subject != "PARA PIHAK" and verb.startswith(("bersama", "sepakat")):
            verb = "melaksanakan"
        body = item[0].lower() + item[1:] if not item[:2].isupper() else item
        out.append(f"{subject} {verb} {body}")
    return out


def write_scope(s: Draft) -> tuple[list[str], str]:
    """Writes the article; returns the scope as the labels give it, and the style used.

    The variants (heading, sentences) draw from a generator of their own, so a family
    without them consumes the document's random stream exactly as before."""
    rng, b, kw, topic, fam, long_doc = s.rng, s.b, s.kw, s.topic, s.fam, s.long_doc
    variant = random.Random(s.seed * 7919 + 17)
    heading = rng.choice(DEFAULT_HEADINGS)
    if fam.scope_headings != DEFAULT_HEADINGS:
        heading = variant.choice(fam.scope_headings)
    b.article(heading)
    scope = scope_items(rng, topic, long_doc)
    intro = rng.choice(
        (
            f"Ruang lingkup {kw} ini meliputi:",
            f"Ruang lingkup kerja sama dalam {kw} ini, meliputi:",
            f"{kw} ini mencakup kegiatan sebagai berikut:",
        )
    )
    style = fam.scope_styles[0][0]
    if len(fam.scope_styles) > 1:
        style = weighted(variant, fam.scope_styles)
    if style == "list":
        if heading.casefold() in _INTRO_WORDS:
            intro = f"{_INTRO_WORDS[heading.casefold()]} {kw} ini meliputi:"
        b.add(Para(intro))
        b.add(*list_blocks(scope, fam.scope_marker, left=0))
    else:
        scope = _scope_sentences(s, scope, variant)
        if style == "ayat-sentences":
            b.ayat([f"{t}." for t in scope])
        else:
            if variant.random() < 0.5:
                b.add(Para(f"Dalam rangka pelaksanaan {kw} ini, PARA PIHAK sepakat:"))
            b.add(*(Para(f"{t}.") for t in scope))
    return scope, style
