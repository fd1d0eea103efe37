"""Reviewing: corrections with an audit trail, marking reviewed, link decisions, merges."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError

from models import Extraction, NotFoundError
from models.errors import ConflictError, PreconditionFailedError, ValidationFailedError
from service.indonesian import FIELD_LABELS, LINK_STATUS_LABELS, label
from service.registry import derive
from service.registry.connection import now_iso
from service.registry.file_rows import insert_extraction
from service.registry.learned import learn
from service.registry.linking import link_references
from service.registry.reading import LINK_COLUMNS, RegistryReader, link_row
from service.registry.records import AgreementView, Correction, Link

_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    name: TypeAdapter(cast(Any, Extraction.model_fields[name].annotation))
    for name in derive.CURRENT_FIELDS
}
_RELINK_FIELDS = {"doc_type", "numbers", "parent_agreement", "parties"}


class RegistryReviewer(RegistryReader):
    def reextract(self, agreement_id: int, extraction: Extraction) -> AgreementView:
        """Keep a newer extractor's output beside the old; corrections still win."""
        with self.write() as conn:
            self._require(conn, agreement_id)
            owner = conn.execute(
                "SELECT agreement_id FROM files WHERE sha256 = ?", [extraction.sha256]
            ).fetchone()
            if owner is None or owner[0] != agreement_id:
                raise ValidationFailedError(
                    "Hasil ekstraksi ini bukan dari berkas perjanjian ini.",
                    detail={"sha256": extraction.sha256, "agreement_id": agreement_id},
                )
            now = now_iso()
            insert_extraction(conn, agreement_id, extraction, now)
            derive.refresh(conn, agreement_id)
            link_references(conn, agreement_id)
            self._bump(conn, agreement_id, now)
        return self.get_agreement(agreement_id)

    def correct(
        self,
        agreement_id: int,
        changes: dict[str, Any],
        *,
        reason: str,
        user: str,
        expected_version: int,
    ) -> AgreementView:
        """Apply a reviewer's changes; each changed field leaves an audit row."""
        if not changes:
            raise ValidationFailedError("Tidak ada perubahan yang dikirim.")
        if not reason or not reason.strip():
            raise ValidationFailedError("Koreksi perlu alasan.")
        cleaned = {name: validate_field(name, value) for name, value in changes.items()}
        with self.write() as conn:
            _id, version, *_rest = self._require(conn, agreement_id)
            if version != expected_version:
                raise PreconditionFailedError(
                    f"Perjanjian #{agreement_id} sudah di versi {version}, "
                    f"bukan {expected_version}: orang lain mengubahnya lebih dulu.",
                    detail={"current_version": version},
                )
            current = derive.current_fields(conn, agreement_id)
            now = now_iso()
            changed = [name for name, value in cleaned.items() if current[name].value != value]
            for name in changed:
                cur = conn.execute(
                    "INSERT INTO corrections (agreement_id, field, old_value, new_value, reason, "
                    "user, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        agreement_id,
                        name,
                        json.dumps(current[name].value, ensure_ascii=False),
                        json.dumps(cleaned[name], ensure_ascii=False),
                        reason.strip(),
                        user,
                        now,
                    ],
                )
                if name == "parties":
                    learn(conn, int(cur.lastrowid or 0), current[name].value, cleaned[name], now)
            if changed:
                derive.refresh(conn, agreement_id)
                if _RELINK_FIELDS & set(changed):
                    link_references(conn, agreement_id)
                self._bump(conn, agreement_id, now)
            return self._view(conn, agreement_id)

    def _bump(self, conn: sqlite3.Connection, agreement_id: int, now: str) -> None:
        conn.execute(
            "UPDATE agreements SET version = version + 1, updated_at = ? WHERE id = ?",
            [now, agreement_id],
        )

    def history(self, agreement_id: int) -> list[Correction]:
        with self.read() as conn:
            self._require(conn, agreement_id)
            rows = conn.execute(
                "SELECT id, agreement_id, field, old_value, new_value, reason, user, at "
                "FROM corrections WHERE agreement_id = ? ORDER BY id",
                [agreement_id],
            ).fetchall()
        return [
            Correction(
                id=r[0],
                agreement_id=r[1],
                field=r[2],
                old_value=json.loads(r[3]) if r[3] is not None else None,
                new_value=json.loads(r[4]) if r[4] is not None else None,
                reason=r[5],
                user=r[6],
                at=dt.datetime.fromisoformat(r[7]),
            )
            for r in rows
        ]

    def mark_reviewed(
        self, agreement_id: int, *, user: str, expected_version: int | None = None
    ) -> AgreementView:
        with self.write() as conn:
            _id, version, status, *_rest = self._require(conn, agreement_id)
            if expected_version is not None and version != expected_version:
                raise PreconditionFailedError(
                    f"Perjanjian #{agreement_id} sudah di versi {version}, "
                    f"bukan {expected_version}: orang lain mengubahnya lebih dulu.",
                    detail={"current_version": version},
                )
            if status == "merged":
                raise ConflictError(
                    f"Perjanjian #{agreement_id} sudah digabung ke perjanjian lain."
                )
            now = now_iso()
            if status != "reviewed":
                conn.execute(
                    "INSERT INTO corrections (agreement_id, field, old_value, new_value, reason, "
                    "user, at) VALUES (?, 'status', ?, '\"reviewed\"', 'marked reviewed', ?, ?)",
                    [agreement_id, json.dumps(status), user, now],
                )
                conn.execute(
                    "UPDATE agreements SET status = 'reviewed' WHERE id = ?", [agreement_id]
                )
                self._bump(conn, agreement_id, now)
            return self._view(conn, agreement_id)

    def resolve_link(self, link_id: int, *, confirm: bool, user: str) -> Link:
        """A reviewer's decision on a link. Confirming a duplicate merges: the
        copy's files join the original's agreement and the copy is kept with
        status ``merged`` (its extractions, corrections and links stay)."""
        with self.write() as conn:
            row = conn.execute(
                f"SELECT {LINK_COLUMNS} FROM links WHERE id = ?", [link_id]
            ).fetchone()
            if row is None:
                raise NotFoundError(f"Tautan #{link_id} tidak ditemukan.")
            link = link_row(row)
            if link.status != "candidate" and link.kind == "duplicate":
                raise ConflictError(f"Tautan #{link_id} sudah digabung sebelumnya.")
            now = now_iso()
            if not confirm:
                if link.kind in ("duplicate", "duplicate_candidate") and link.status != "candidate":
                    raise ConflictError(
                        f"Tautan #{link_id} sudah {label(LINK_STATUS_LABELS, link.status)}."
                    )
                conn.execute(
                    "UPDATE links SET status = 'rejected', resolved_by = ?, resolved_at = ? "
                    "WHERE id = ?",
                    [user, now, link_id],
                )
            elif link.kind == "duplicate_candidate":
                if link.status != "candidate":
                    raise ConflictError(
                        f"Tautan #{link_id} sudah {label(LINK_STATUS_LABELS, link.status)}."
                    )
                self._merge(conn, link.from_agreement, link.to_agreement, now)
                conn.execute(
                    "UPDATE links SET kind = 'duplicate', status = 'confirmed', resolved_by = ?, "
                    "resolved_at = ? WHERE id = ?",
                    [user, now, link_id],
                )
            else:
                conn.execute(
                    "UPDATE links SET status = 'confirmed', resolved_by = ?, resolved_at = ? "
                    "WHERE id = ?",
                    [user, now, link_id],
                )
            _audit_decision(conn, link, confirm=confirm, user=user, now=now)
            if link.kind == "duplicate_candidate":  # who is whose copy changed: relink both
                link_references(conn, link.from_agreement)
                link_references(conn, link.to_agreement)
            return link_row(
                conn.execute(f"SELECT {LINK_COLUMNS} FROM links WHERE id = ?", [link_id]).fetchone()
            )

    def _merge(self, conn: sqlite3.Connection, copy: int, original: int, now: str) -> None:
        status = conn.execute("SELECT status FROM agreements WHERE id = ?", [original]).fetchone()
        if status is None or status[0] == "merged":
            raise ConflictError(
                f"Perjanjian #{original} sendiri sudah digabung; selesaikan itu lebih dulu."
            )
        conn.execute("UPDATE files SET agreement_id = ? WHERE agreement_id = ?", [original, copy])
        conn.execute(
            "UPDATE agreements SET status = 'merged', merged_into = ? WHERE id = ?",
            [original, copy],
        )
        for column, other in (
            ("from_agreement", "to_agreement"),
            ("to_agreement", "from_agreement"),
        ):
            conn.execute(
                f"UPDATE OR IGNORE links SET {column} = ? WHERE {column} = ? AND {other} != ? "
                "AND kind IN ('implements', 'amends', 'duplicate_candidate')",
                [original, copy, original],
            )
        derive.refresh(conn, copy)
        derive.refresh(conn, original)
        self._bump(conn, copy, now)
        self._bump(conn, original, now)


def _audit_decision(
    conn: sqlite3.Connection, link: Link, *, confirm: bool, user: str, now: str
) -> None:
    """A link decision in both agreements' history (field ``link``), beside corrections."""
    decision = "confirmed" if confirm else "rejected"
    for this, other in (
        (link.from_agreement, link.to_agreement),
        (link.to_agreement, link.from_agreement),
    ):
        conn.execute(
            "INSERT INTO corrections (agreement_id, field, old_value, new_value, reason, user, at)"
            " VALUES (?, 'link', ?, ?, ?, ?, ?)",
            [
                this,
                json.dumps({"kind": link.kind, "status": link.status}),
                json.dumps(
                    {
                        "link": link.id,
                        "kind": link.kind,
                        "status": decision,
                        "other": other,
                        "survivor": link.to_agreement if confirm else None,
                    }
                ),
                "keputusan tautan",
                user,
                now,
            ],
        )


def validate_field(name: str, value: Any) -> Any:
    """A reviewer's value, checked against the extraction contract's type for that field."""
    adapter = _ADAPTERS.get(name)
    if adapter is None:
        raise ValidationFailedError(
            f"Isian {name!r} tidak dikenal.", detail={"field": name, "fields": list(_ADAPTERS)}
        )
    try:
        return adapter.dump_python(adapter.validate_python(value), mode="json")
    except ValidationError as exc:
        raise ValidationFailedError(
            f"Nilai untuk {FIELD_LABELS.get(name, name)} tidak sah.",
            detail={"field": name, "errors": json.loads(exc.json())},
        ) from exc
