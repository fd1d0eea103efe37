"""Field of cooperation (bidang) of an agreement, read from its scope items.

The ministry counts cooperation by field (the urusan of PP 28/2018's annex
practice: pendidikan, kesehatan, pariwisata, ...). The scope (Ruang Lingkup)
says it in the parties' own words, so each item is matched against a short
keyword list per field; an agreement counts once in every field its items
name, and in ``lainnya`` when none matches.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

FIELDS: dict[str, tuple[str, ...]] = {
    "Pendidikan": ("pendidikan", "sekolah", "beasiswa", "pelatihan", "guru", "siswa", "mahasiswa"),
    "Kesehatan": ("kesehatan", "rumah sakit", "rsud", "puskesmas", "gizi", "stunting", "medis"),
    "Pariwisata dan budaya": ("pariwisata", "wisata", "budaya", "kebudayaan", "seni"),
    "Infrastruktur": ("jalan", "jembatan", "infrastruktur", "pembangunan", "irigasi", "drainase"),
    "Lingkungan hidup": ("sampah", "limbah", "lingkungan", "sanitasi", "hutan", "konservasi"),
    "Air minum": ("air minum", "air bersih", "spam", "pdam"),
    "Pertanian dan pangan": ("pertanian", "pangan", "peternakan", "perikanan", "perkebunan"),
    "Perhubungan": ("transportasi", "angkutan", "perhubungan", "pelabuhan", "bandara"),
    "Ekonomi dan UMKM": ("ekonomi", "umkm", "investasi", "perdagangan", "koperasi", "industri"),
    "Pemerintahan dan pelayanan publik": (
        "pemerintahan",
        "pelayanan publik",
        "kependudukan",
        "administrasi",
        "aparatur",
        "data",
    ),
    "Teknologi informasi": ("teknologi", "informasi", "digital", "sistem informasi", "aplikasi"),
    "Sosial": ("sosial", "kemiskinan", "bencana", "pemberdayaan"),
}
OTHER = "Lainnya"
_FIELD_OF = {word: name for name, words in FIELDS.items() for word in words}
_PAIR_START = {word.split()[0] for word in _FIELD_OF if " " in word}
_WORD = re.compile(r"\w+")


def fields_of(scope: Iterable[str]) -> list[str]:
    """Each word, and each pair of words starting with a word some two-word
    keyword starts with, looked up among the keywords (set lookups, not a
    regex per field: 20,000 scopes in a blink)."""
    words = _WORD.findall(" ".join(scope).lower())
    found = {_FIELD_OF[w] for w in words if w in _FIELD_OF}
    for first, second in itertools.pairwise(words):
        if first in _PAIR_START and (pair := f"{first} {second}") in _FIELD_OF:
            found.add(_FIELD_OF[pair])
    return [name for name in FIELDS if name in found] or [OTHER]
