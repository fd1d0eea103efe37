"""The one authorisation rule for agreements, their files, pages and links.

An action is allowed only when the principal's region scope covers every
agreement it touches: both sides of a link decision (a confirmed duplicate
merges one into the other), the agreement a file belongs to, and, for a
correction, the agreement as it would be afterwards (a party's region code
moved elsewhere would take the agreement out of the scope). API routes and
the review pages both call these functions, so the rule cannot differ
between them. Out-of-scope answers 404 (not 403) so a scoped key cannot
probe which ids exist elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.errors import ForbiddenError, NotFoundError
from service.auth import Principal, region_contains

if TYPE_CHECKING:
    from service.registry import Registry
    from service.registry.records import AgreementView, FileInfo, Link


def party_regions(parties: Any) -> list[str]:
    """The region codes of a parties value in the extraction contract's shape."""
    codes: list[str] = []
    if isinstance(parties, list):
        for party in parties:
            code = party.get("region_code") if isinstance(party, dict) else None
            if isinstance(code, str) and code:
                codes.append(code)
    return codes


def agreement_regions(view: AgreementView) -> list[str]:
    parties = view.fields.get("parties")
    return party_regions(parties.value if parties is not None else None)


def covers(principal: Principal, codes: Iterable[str]) -> bool:
    """An unscoped key covers everything; a scoped one needs a party in its region."""
    if not principal.region:
        return True
    return any(region_contains(principal.region, code) for code in codes)


def agreement(registry: Registry, principal: Principal, agreement_id: int) -> AgreementView:
    """The agreement, or NotFound when the key's region does not cover it."""
    view = registry.get_agreement(agreement_id)
    if not covers(principal, agreement_regions(view)):
        raise NotFoundError(f"Tidak ada perjanjian {agreement_id}.")
    return view


def link(registry: Registry, principal: Principal, agreement_id: int, link_id: int) -> Link:
    """A link shown under ``agreement_id`` whose both sides the key covers."""
    view = agreement(registry, principal, agreement_id)
    found = next((item for item in view.links if item.id == link_id), None)
    if found is None:
        raise NotFoundError(f"Perjanjian {agreement_id} tidak punya tautan {link_id}.")
    for side in (found.from_agreement, found.to_agreement):
        try:
            agreement(registry, principal, side)
        except NotFoundError:
            raise NotFoundError(
                f"Perjanjian {agreement_id} tidak punya tautan {link_id}."
            ) from None
    return found


def correction(principal: Principal, view: AgreementView, changes: Mapping[str, Any]) -> None:
    """Refuses a correction that would move the agreement out of the key's scope."""
    if "parties" not in changes or not principal.region:
        return
    if not covers(principal, party_regions(changes["parties"])):
        raise ForbiddenError(
            "Koreksi ini memindahkan perjanjian ke luar wilayah kunci Anda "
            f"({principal.region}); minta peninjau pusat mengubahnya.",
            detail={"region": principal.region},
        )


def file(registry: Registry, principal: Principal, sha256: str) -> tuple[FileInfo, Path]:
    """A stored file (and where its bytes are) whose agreement the key covers."""
    filed = registry.find_file(sha256)
    if filed is None:
        raise NotFoundError(f"Tidak ada berkas {sha256}.")
    agreement(registry, principal, filed.agreement_id)
    return registry.get_file(sha256)
