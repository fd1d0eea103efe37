"""The Ruang Lingkup article as agreements print it: under its usual heading or another
one (Objek Kerja Sama, Lingkup Kegiatan, Bentuk Kerja Sama), as a lettered or numbered
list, a list marked "(1)", "1)", "-" or "•", paragraphs without markers, a numbered list
with a lettered sub-list, or as sentences with a party as subject (what it provides, or
what it is obliged to do), with or without ayat numbers."""

from __future__ import annotations

import random

from corpusgen.drafting import Draft, list_blocks, scope_items, weighted
from corpusgen.layout import Block, Para

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


_DUTY_VERBS = (
    "berkewajiban",
    "bertugas",
    "bertanggung jawab atas",
    "berkewajiban untuk",
    "mempunyai tugas",
)
_DUTY_TAILS = (
    "sesuai dengan rencana kerja yang disepakati bersama dan ketentuan peraturan "
    "perundang-undangan yang berlaku",
    "dengan mengerahkan sumber daya yang dimiliki serta melaporkan hasilnya secara berkala "
    "kepada PARA PIHAK",
    "berdasarkan kewenangan masing-masing dan dengan memperhatikan ketersediaan anggaran",
)


def _scope_duties(s: Draft, items: list[str], rng: random.Random) -> list[str]:
    """Scope as long obligation sentences ('PIHAK PERTAMA berkewajiban ...'), each party's
    duties in turn: long enough that one runs over a page break."""
    subjects = list(s.roles[: len(s.parties)])
    out: list[str] = []
    for k, item in enumerate(items):
        subject = subjects[k % len(subjects)]
        body = item[0].lower() + item[1:] if not item[:2].isupper() else item
        tail = rng.choice(_DUTY_TAILS) if rng.random() < 0.7 else ""
        out.append(f"{subject} {rng.choice(_DUTY_VERBS)} {body}{', ' + tail if tail else ''}")
    return out


_SUBS = (
    ("perencanaan kegiatan", "pelaksanaan kegiatan", "monitoring dan evaluasi"),
    ("penyusunan kurikulum", "penyediaan tenaga pengajar", "penyelenggaraan sertifikasi"),
    ("pengumpulan data", "pengolahan dan analisis data", "penyajian hasil"),
)


def _marker_blocks(items: list[str], how: str, rng: random.Random) -> tuple[list[Block], list[str]]:
    """The list in one of the marker styles agreements use; returns the blocks and the
    items as the labels give them (a sub-list joins its head as 'head: sub, sub')."""
    if how in ("letter", "number"):
        return list_blocks(items, how, left=0), items
    blocks: list[Block] = []
    truth = list(items)
    nested = rng.randrange(len(items)) if how == "nested" else -1
    for i, it in enumerate(items):
        end = "." if i == len(items) - 1 else ("; dan" if i == len(items) - 2 else ";")
        mark = {
            "paren-num": f"({i + 1})",
            "num-paren": f"{i + 1})",
            "dash": "-",
            "bullet": "•",
            "nested": f"{i + 1}.",
        }.get(how)
        if i == nested:
            subs = rng.choice(_SUBS)
            blocks.append(Para(f"{it}, meliputi:", marker=mark, marker_w=22, gap=1))
            for k, sub in enumerate(subs):
                s_end = ";" if k < len(subs) - 1 else end
                blocks.append(Para(sub + s_end, left=22, marker=f"{'abc'[k]}.", marker_w=18, gap=1))
            truth[i] = f"{it}, meliputi: {', '.join(subs)}"
            continue
        if mark is None:  # "none": one paragraph per item, indented first line
            blocks.append(Para(it + end, first_indent=24, gap=2))
        else:
            blocks.append(Para(it + end, marker=mark, marker_w=22, gap=1))
    return blocks, truth


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
        if fam.scope_markers:
            blocks, scope = _marker_blocks(scope, weighted(variant, fam.scope_markers), variant)
            b.add(*blocks)
        else:
            b.add(*list_blocks(scope, fam.scope_marker, left=0))
    elif style == "duties":
        scope = _scope_duties(s, scope, variant)
        b.add(*(Para(f"{t}.") for t in scope))
    else:
        scope = _scope_sentences(s, scope, variant)
        if style == "ayat-sentences":
            b.ayat([f"{t}." for t in scope])
        else:
            if variant.random() < 0.5:
                b.add(Para(f"Dalam rangka pelaksanaan {kw} ini, PARA PIHAK sepakat:"))
            b.add(*(Para(f"{t}.") for t in scope))
    return scope, style
