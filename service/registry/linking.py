"""Links between agreements: a PKS to the NK it implements, an addendum to what it amends.

Functions over the caller's write transaction, so a filing, a correction or a
merge relinks inside the same transaction that changed the numbers.
"""

from __future__ import annotations

import json
import sqlite3

from service.registry.connection import now_iso


def add_link(
    conn: sqlite3.Connection,
    kind: str,
    status: str,
    from_agreement: int,
    to_agreement: int,
    score: float | None,
    reasons: list[str],
) -> None:
    conn.execute(
        """
        INSERT INTO links (kind, status, from_agreement, to_agreement, score, reasons,
            created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (kind, from_agreement, to_agreement) DO UPDATE SET
            status = excluded.status, reasons = excluded.reasons,
            resolved_by = NULL, resolved_at = NULL
        WHERE links.resolved_by = 'system'
        """,
        [
            kind,
            status,
            from_agreement,
            to_agreement,
            score,
            json.dumps(reasons, ensure_ascii=False),
            now_iso(),
        ],
    )


def link_references(conn: sqlite3.Connection, agreement_id: int) -> None:
    """Link a PKS to the NK it implements and an addendum to what it amends,
    in whichever order the two were filed.

    A PKS cites its NK's numbers (one per party); the NK citing the most of
    them wins. Number reuse (another agreement printing one of those numbers)
    loses on count; a tie leaves every tied agreement as a *candidate* for a
    reviewer. Automatic links that stop holding (a better NK arrived, a
    reviewer corrected a number) are rejected by ``system``, never deleted;
    a reviewer's own decision is never undone here."""
    sources = {agreement_id}
    sources.update(
        r[0]
        for r in conn.execute(
            """
            SELECT c.agreement_id FROM citations c JOIN numbers n ON n.norm = c.norm
            WHERE n.agreement_id = ?
            UNION SELECT from_agreement FROM links
            WHERE to_agreement = ? AND kind IN ('implements', 'amends')
            """,
            [agreement_id, agreement_id],
        )
    )
    for source in sorted(sources):
        link_source(conn, source)


def link_source(conn: sqlite3.Connection, source: int) -> None:
    row = conn.execute("SELECT doc_type, status FROM agreements WHERE id = ?", [source]).fetchone()
    desired: dict[tuple[str, int], tuple[str, list[str]]] = {}
    if row is not None and row[1] != "merged" and row[0] in ("PKS", "ADENDUM"):
        hits: dict[str, list[tuple[int, int]]] = {}
        for target, target_type, count in conn.execute(
            """
            SELECT n.agreement_id, a.doc_type, COUNT(DISTINCT n.norm)
            FROM citations c JOIN numbers n ON n.norm = c.norm
            JOIN agreements a ON a.id = n.agreement_id
            WHERE c.agreement_id = ? AND n.agreement_id != ? AND a.status != 'merged'
            GROUP BY n.agreement_id
            """,
            [source, source],
        ):
            kind = reference_kind(row[0], target_type)
            if kind:
                hits.setdefault(kind, []).append((target, count))
        copies = (
            {
                r[0]: r[1]
                for r in conn.execute(
                    "SELECT from_agreement, to_agreement FROM links "
                    "WHERE kind = 'duplicate_candidate' AND status = 'candidate'"
                    f" AND from_agreement IN ({','.join('?' * len(found_ids))})",
                    found_ids,
                )
            }
            if (found_ids := [t for found in hits.values() for t, _c in found])
            else {}
        )
        for kind, found in hits.items():
            # a copy still awaiting review stands behind its original, not beside it
            ids = {t for t, _c in found}
            found = [(t, c) for t, c in found if copies.get(t) not in ids]
            best = max(count for _t, count in found)
            tied = [t for t, count in found if count == best]
            status = "confirmed" if len(tied) == 1 else "candidate"
            reason = (
                f"cites {best} number(s) of it"
                if len(tied) == 1
                else f"cites {best} number(s) shared by {len(tied)} agreements"
            )
            for target in tied:
                desired[(kind, target)] = (status, [reason])
    now = now_iso()
    for link_id, kind, target, status, resolved_by in conn.execute(
        "SELECT id, kind, to_agreement, status, resolved_by FROM links "
        "WHERE from_agreement = ? AND kind IN ('implements', 'amends')",
        [source],
    ).fetchall():
        if resolved_by not in (None, "system"):
            desired.pop((kind, target), None)  # a reviewer decided this one
            continue
        want = desired.pop((kind, target), None)
        if want is None:
            if status != "rejected":
                conn.execute(
                    "UPDATE links SET status = 'rejected', resolved_by = 'system', "
                    "resolved_at = ? WHERE id = ?",
                    [now, link_id],
                )
        elif want[0] != status or resolved_by is not None:
            conn.execute(
                "UPDATE links SET status = ?, reasons = ?, resolved_by = NULL, "
                "resolved_at = NULL WHERE id = ?",
                [want[0], json.dumps(want[1]), link_id],
            )
    for (kind, target), (status, reasons) in desired.items():
        add_link(conn, kind, status, source, target, None, reasons)


def reference_kind(source_type: str | None, target_type: str | None) -> str | None:
    """PKS -> NK is "implements"; an addendum -> anything but itself is "amends"."""
    if source_type == "PKS" and target_type == "NK":
        return "implements"
    if source_type == "ADENDUM" and target_type in ("NK", "PKS", "other", None):
        return "amends"
    return None
