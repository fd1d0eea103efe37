"""Evaluations of agreements against the ministry's seven criteria, per fiscal year.

Stored in the registry's own database (migrations ``0100_evaluations``, and
``0500_monev_bodies`` for the praktik-baik flag and the evidence files) so an
evaluation and the agreement it judges are backed up, and locked, together.
Writes go through the registry's write transaction (its process lock and
``BEGIN IMMEDIATE``), one transaction per evaluation, so a half-recorded score
sheet never exists. Nothing is ever updated: a second evaluation of the same
agreement and year is a new row and becomes the current one, the earlier one
stays as history (the triggers refuse UPDATE and DELETE).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from models.errors import ConflictError, NotFoundError, ValidationFailedError
from service.registry.store import sha256_of
from service.reports.criteria import CRITERIA, CRITERION_CODES, SCORE_MAX, SCORE_MIN

if TYPE_CHECKING:
    from service.registry import Registry

YEAR_MIN, YEAR_MAX = 2000, 2100
NOTE_MAX = 4000


class CriterionScore(BaseModel):
    model_config = ConfigDict(extra="forbid")

    score: int = Field(..., ge=SCORE_MIN, le=SCORE_MAX, description="1 (poor) .. 5 (very good)")
    note: str = Field("", max_length=NOTE_MAX, description="what the score rests on")


class EvaluationInput(BaseModel):
    """One score sheet as a reviewer sends it: every criterion, scored and noted."""

    model_config = ConfigDict(extra="forbid")

    fiscal_year: int = Field(..., ge=YEAR_MIN, le=YEAR_MAX)
    scores: dict[str, CriterionScore] = Field(
        ...,
        description="criterion code -> score and note; all seven codes are required",
        examples=[{c.code: {"score": 4, "note": "…"} for c in CRITERIA}],
    )
    summary: str | None = Field(None, max_length=NOTE_MAX, description="overall conclusion")
    good_practice: bool = Field(False, description="praktik baik: listed for replication")
    story: str | None = Field(
        None, max_length=NOTE_MAX, description="the success story, when flagged as praktik baik"
    )


class EvidenceFile(BaseModel):
    id: int
    criterion: str
    sha256: str
    name: str
    mime: str
    size: int


class Evaluation(BaseModel):
    id: int
    agreement_id: int
    fiscal_year: int
    evaluator: str
    at: dt.datetime
    summary: str | None = None
    scores: dict[str, CriterionScore]
    average: float = Field(..., description="mean of the seven scores")
    current: bool = Field(..., description="the latest evaluation of this agreement and year")
    good_practice: bool = False
    story: str | None = None
    evidence: list[EvidenceFile] = Field(default_factory=list, description="files per criterion")


def check_scores(scores: Mapping[str, CriterionScore]) -> None:
    """All seven criteria, and only them: a partial sheet would skew the averages."""
    missing = sorted(CRITERION_CODES - set(scores))
    unknown = sorted(set(scores) - CRITERION_CODES)
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing criteria: {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown criteria: {', '.join(unknown)}")
        raise ValidationFailedError(
            "An evaluation scores all seven criteria; " + "; ".join(parts) + ".",
            detail={"missing": ", ".join(missing), "unknown": ", ".join(unknown)},
        )
    for code, item in scores.items():
        if not SCORE_MIN <= item.score <= SCORE_MAX:
            raise ValidationFailedError(
                f"{code}: score {item.score} is outside {SCORE_MIN}..{SCORE_MAX}."
            )


class EvaluationStore:
    """Evaluations over an open ``Registry`` (its connections, lock and transactions)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def record(
        self,
        agreement_id: int,
        sheet: EvaluationInput,
        *,
        evaluator: str,
        now: dt.datetime | None = None,
    ) -> Evaluation:
        check_scores(sheet.scores)
        at = (now or dt.datetime.now(dt.UTC)).isoformat()
        with self.registry.write() as conn:
            row = conn.execute(
                "SELECT status, merged_into FROM agreements WHERE id = ?", [agreement_id]
            ).fetchone()
            if row is None:
                raise NotFoundError(f"Perjanjian #{agreement_id} tidak ada.")
            if row[0] == "merged":
                raise ConflictError(
                    f"Agreement {agreement_id} was merged into {row[1]}; evaluate that one.",
                    detail={"merged_into": row[1]},
                )
            cursor = conn.execute(
                "INSERT INTO evaluations (agreement_id, fiscal_year, evaluator, summary, at) "
                "VALUES (?, ?, ?, ?, ?)",
                [agreement_id, sheet.fiscal_year, evaluator, sheet.summary, at],
            )
            evaluation_id = int(cursor.lastrowid or 0)
            conn.executemany(
                "INSERT INTO evaluation_scores (evaluation_id, criterion, score, note) "
                "VALUES (?, ?, ?, ?)",
                [
                    (evaluation_id, c.code, sheet.scores[c.code].score, sheet.scores[c.code].note)
                    for c in CRITERIA
                ],
            )
            if sheet.good_practice or sheet.story:
                conn.execute(
                    "INSERT INTO evaluation_flags (evaluation_id, good_practice, story) "
                    "VALUES (?, ?, ?)",
                    [evaluation_id, int(sheet.good_practice), sheet.story],
                )
        [evaluation] = [
            e for e in self.history(agreement_id, sheet.fiscal_year) if e.id == evaluation_id
        ]
        return evaluation

    def add_evidence(
        self, evaluation_id: int, criterion: str, name: str, mime: str, data: bytes
    ) -> EvidenceFile:
        """Attach a file (a photo, minutes, a report) to one score of an evaluation:
        what the score rests on. The bytes go to the registry's file store."""
        if criterion not in CRITERION_CODES:
            raise ValidationFailedError(f"Kriteria {criterion!r} tidak dikenal.")
        if not data:
            raise ValidationFailedError("Berkas bukti kosong.")
        digest = sha256_of(data)
        path = self.registry.store.put(data, digest)
        with self.registry.write() as conn:
            if not conn.execute(
                "SELECT 1 FROM evaluations WHERE id = ?", [evaluation_id]
            ).fetchone():
                raise NotFoundError(f"Tidak ada evaluasi {evaluation_id}.")
            cursor = conn.execute(
                "INSERT INTO evaluation_evidence "
                "(evaluation_id, criterion, sha256, name, mime, size, path) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [evaluation_id, criterion, digest, name[:200], mime[:100], len(data), path],
            )
        return EvidenceFile(
            id=int(cursor.lastrowid or 0),
            criterion=criterion,
            sha256=digest,
            name=name[:200],
            mime=mime[:100],
            size=len(data),
        )

    def evidence_file(self, evidence_id: int) -> tuple[int, EvidenceFile, bytes]:
        """(agreement id, the file's record, its bytes) for a download."""
        with self.registry.read() as conn:
            row = conn.execute(
                "SELECT v.id, v.criterion, v.sha256, v.name, v.mime, v.size, e.agreement_id "
                "FROM evaluation_evidence v JOIN evaluations e ON e.id = v.evaluation_id "
                "WHERE v.id = ?",
                [evidence_id],
            ).fetchone()
        if row is None:
            raise NotFoundError(f"Tidak ada berkas bukti {evidence_id}.")
        record = EvidenceFile(
            id=row[0], criterion=row[1], sha256=row[2], name=row[3], mime=row[4], size=row[5]
        )
        return int(row[6]), record, self.registry.store.path(record.sha256).read_bytes()

    def agreement_of(self, evaluation_id: int) -> int:
        with self.registry.read() as conn:
            row = conn.execute(
                "SELECT agreement_id FROM evaluations WHERE id = ?", [evaluation_id]
            ).fetchone()
        if row is None:
            raise NotFoundError(f"Tidak ada evaluasi {evaluation_id}.")
        return int(row[0])

    def history(self, agreement_id: int, fiscal_year: int | None = None) -> list[Evaluation]:
        """Every evaluation of the agreement, newest first; ``current`` marks the
        latest of each fiscal year."""
        sql = "SELECT id, agreement_id, fiscal_year, evaluator, summary, at FROM evaluations "
        sql += "WHERE agreement_id = ?"
        params: list[object] = [agreement_id]
        if fiscal_year is not None:
            sql += " AND fiscal_year = ?"
            params.append(fiscal_year)
        with self.registry.read() as conn:
            heads = conn.execute(sql + " ORDER BY id DESC", params).fetchall()
            evaluations = _assemble(conn, heads)
        seen: set[int] = set()
        for evaluation in evaluations:
            evaluation.current = evaluation.fiscal_year not in seen
            seen.add(evaluation.fiscal_year)
        return evaluations

    def evaluated_ever(self) -> set[int]:
        """Agreements with an evaluation in any year."""
        with self.registry.read() as conn:
            return {r[0] for r in conn.execute("SELECT DISTINCT agreement_id FROM evaluations")}

    def current_for_year(
        self, fiscal_year: int, agreement_ids: Iterable[int] | None = None
    ) -> dict[int, Evaluation]:
        """The current evaluation of each agreement evaluated for ``fiscal_year``
        (only those in ``agreement_ids`` when given, e.g. a region's report rows)."""
        wanted = None if agreement_ids is None else set(agreement_ids)
        with self.registry.read() as conn:
            heads = conn.execute(
                "SELECT id, agreement_id, fiscal_year, evaluator, summary, at FROM evaluations e "
                "WHERE fiscal_year = ? AND id = (SELECT MAX(id) FROM evaluations "
                "WHERE agreement_id = e.agreement_id AND fiscal_year = e.fiscal_year) "
                "ORDER BY agreement_id",
                [fiscal_year],
            ).fetchall()
            if wanted is not None:
                heads = [h for h in heads if h[1] in wanted]
            evaluations = _assemble(conn, heads)
        for evaluation in evaluations:
            evaluation.current = True
        return {e.agreement_id: e for e in evaluations}


def _assemble(conn: sqlite3.Connection, heads: list[Any]) -> list[Evaluation]:
    ids = [int(h[0]) for h in heads]
    scores: dict[int, dict[str, CriterionScore]] = defaultdict(dict)
    flags: dict[int, tuple[bool, str | None]] = {}
    evidence: dict[int, list[EvidenceFile]] = defaultdict(list)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for evaluation_id, criterion, score, note in conn.execute(
            "SELECT evaluation_id, criterion, score, note FROM evaluation_scores "
            f"WHERE evaluation_id IN ({marks})",
            chunk,
        ):
            scores[evaluation_id][criterion] = CriterionScore(score=score, note=note)
        for evaluation_id, good, story in conn.execute(
            "SELECT evaluation_id, good_practice, story FROM evaluation_flags "
            f"WHERE evaluation_id IN ({marks})",
            chunk,
        ):
            flags[evaluation_id] = (bool(good), story)
        for row in conn.execute(
            "SELECT id, evaluation_id, criterion, sha256, name, mime, size "
            f"FROM evaluation_evidence WHERE evaluation_id IN ({marks}) ORDER BY id",
            chunk,
        ):
            evidence[row[1]].append(
                EvidenceFile(
                    id=row[0],
                    criterion=row[2],
                    sha256=row[3],
                    name=row[4],
                    mime=row[5],
                    size=row[6],
                )
            )
    out = []
    for evaluation_id, agreement_id, year, evaluator, summary, at in heads:
        sheet = {c.code: scores[evaluation_id][c.code] for c in CRITERIA}
        out.append(
            Evaluation(
                id=evaluation_id,
                agreement_id=agreement_id,
                fiscal_year=year,
                evaluator=evaluator,
                summary=summary,
                at=dt.datetime.fromisoformat(at),
                scores=sheet,
                average=round(sum(s.score for s in sheet.values()) / len(sheet), 2),
                current=False,
                good_practice=flags.get(evaluation_id, (False, None))[0],
                story=flags.get(evaluation_id, (False, None))[1],
                evidence=evidence.get(evaluation_id, []),
            )
        )
    return out
