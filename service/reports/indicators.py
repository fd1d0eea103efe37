"""Success indicators of one agreement: the outputs it promised and what was
achieved, so that criterion 6 (quality of outputs and breadth of outcomes)
has something to stand on.

Until someone saves them, the promised outputs are proposed from the scope
(one per Ruang Lingkup item, ``source = "scope"``). Every save is a new
version (migration ``0500_monev_bodies``); earlier versions stay, so an edit
never loses what was recorded before.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from models.errors import NotFoundError, ValidationFailedError

if TYPE_CHECKING:
    from service.registry import Registry

TEXT_MAX = 2000
MAX_ITEMS = 50


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid")

    output: str = Field(..., min_length=1, max_length=TEXT_MAX, description="promised output")
    target: str | None = Field(None, max_length=TEXT_MAX, description="measure or target")
    achieved: str | None = Field(None, max_length=TEXT_MAX, description="what was achieved")
    source: Literal["scope", "reviewer"] = "reviewer"


class IndicatorSet(BaseModel):
    agreement_id: int
    version: int = Field(..., description="0 = proposed from the scope, never saved")
    user: str | None = None
    at: dt.datetime | None = None
    items: list[Indicator]


class IndicatorInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[Indicator] = Field(..., max_length=MAX_ITEMS)


class IndicatorStore:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def current(self, agreement_id: int) -> IndicatorSet:
        with self.registry.read() as conn:
            scope = conn.execute(
                "SELECT json_extract(current, '$.scope.value') FROM agreements WHERE id = ?",
                [agreement_id],
            ).fetchone()
            if scope is None:
                raise NotFoundError(f"Tidak ada perjanjian {agreement_id}.")
            rows = conn.execute(
                "SELECT version, output, target, achieved, source, user, at FROM indicators "
                "WHERE agreement_id = ? AND version = "
                "(SELECT MAX(version) FROM indicators WHERE agreement_id = ?) ORDER BY position",
                [agreement_id, agreement_id],
            ).fetchall()
            saved = conn.execute(
                "SELECT MAX(version) FROM indicators WHERE agreement_id = ?", [agreement_id]
            ).fetchone()[0]
        if saved is None:
            items = json.loads(scope[0]) if scope[0] else []
            return IndicatorSet(
                agreement_id=agreement_id,
                version=0,
                items=[Indicator(output=str(i)[:TEXT_MAX], source="scope") for i in items if i],
            )
        return IndicatorSet(
            agreement_id=agreement_id,
            version=int(saved),
            user=rows[0][5] if rows else None,
            at=dt.datetime.fromisoformat(rows[0][6]) if rows else None,
            items=[Indicator(output=r[1], target=r[2], achieved=r[3], source=r[4]) for r in rows],
        )

    def save(
        self, agreement_id: int, body: IndicatorInput, *, user: str, now: dt.datetime | None = None
    ) -> IndicatorSet:
        if not body.items:
            raise ValidationFailedError("Isi paling sedikit satu indikator keberhasilan.")
        at = (now or dt.datetime.now(dt.UTC)).isoformat()
        with self.registry.write() as conn:
            if not conn.execute("SELECT 1 FROM agreements WHERE id = ?", [agreement_id]).fetchone():
                raise NotFoundError(f"Tidak ada perjanjian {agreement_id}.")
            version = (
                1
                + (
                    conn.execute(
                        "SELECT COALESCE(MAX(version), 0) FROM indicators WHERE agreement_id = ?",
                        [agreement_id],
                    ).fetchone()[0]
                )
            )
            conn.executemany(
                "INSERT INTO indicators (agreement_id, version, position, output, target, "
                "achieved, source, user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (agreement_id, version, n, i.output, i.target, i.achieved, i.source, user, at)
                    for n, i in enumerate(body.items)
                ],
            )
        return self.current(agreement_id)

    def versions(self, agreement_id: int) -> int:
        with self.registry.read() as conn:
            row = conn.execute(
                "SELECT COUNT(DISTINCT version) FROM indicators WHERE agreement_id = ?",
                [agreement_id],
            ).fetchone()
        return int(row[0])
