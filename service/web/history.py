"""The audit trail as sentences: what changed, field by field, in Indonesian.

A parties list is compared party by party and key by key, lists by what was
added and removed, dates and durations written as people write them, so a
reviewer reads "Pihak Kedua: penandatangan 'DR. SU' → 'Dr. Sutrisno, M.Si.'"
instead of two JSON blobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from service.indonesian import (
    DOC_TYPE_LABELS,
    FIELD_LABELS,
    LINK_KIND_LABELS,
    PARTY_FIELD_LABELS,
    SOURCE_LABELS,
    STATUS_LABELS,
    format_date,
    format_datetime,
    party_label,
)
from service.registry.records import Correction

_DATES = {"signing_date", "start_date", "end_date"}


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    user: str
    reason: str
    lines: list[str]


def _q(value: Any) -> str:
    return "—" if value in (None, "", []) else f"‘{value}’"


def _duration(value: Any) -> str:
    if isinstance(value, dict) and "value" in value:
        return f"{value['value']} {value.get('unit') or ''}".strip()
    return "—"


def _scalar(name: str, value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if name in _DATES:
        return format_date(str(value))
    if name == "doc_type":
        return DOC_TYPE_LABELS.get(str(value), str(value))
    if name.endswith("_source"):
        return SOURCE_LABELS.get(str(value), str(value))
    if name == "duration":
        return _duration(value)
    return _q(value)


def _parties(old: Any, new: Any) -> list[str]:
    olds = [p for p in old or [] if isinstance(p, dict)]
    news = [p for p in new or [] if isinstance(p, dict)]
    lines: list[str] = []
    for i in range(max(len(olds), len(news))):
        who = party_label(i)
        if i >= len(olds):
            lines.append(f"{who} ditambahkan: {_q(news[i].get('institution'))}")
            continue
        if i >= len(news):
            lines.append(f"{who} dihapus: {_q(olds[i].get('institution'))}")
            continue
        for key in ("institution", "kind", "region_name", "signatory", "title", "role"):
            a, b = olds[i].get(key), news[i].get(key)
            if (a or None) != (b or None):
                label = PARTY_FIELD_LABELS.get(key, "jabatan" if key == "title" else key)
                lines.append(f"{who}: {label} {_q(a)} → {_q(b)}")
    return lines


def _list(name: str, old: Any, new: Any) -> list[str]:
    olds, news = [str(v) for v in old or []], [str(v) for v in new or []]
    label = FIELD_LABELS.get(name, name)
    lines = [f"{label}: ditambahkan {_q(v)}" for v in news if v not in olds]
    lines += [f"{label}: dihapus {_q(v)}" for v in olds if v not in news]
    if not lines and olds != news:
        lines.append(f"{label}: urutan diubah")
    return lines


def _link(new: Any) -> list[str]:
    if not isinstance(new, dict):
        return []
    other = new.get("other")
    kind = LINK_KIND_LABELS.get(str(new.get("kind")), str(new.get("kind")))
    if new.get("status") == "rejected":
        return [f"Tautan {kind} dengan #{other} ditolak"]
    if new.get("kind") == "duplicate_candidate":
        return [f"Dikonfirmasi sebagai duplikat; digabung ke #{new.get('survivor')}"]
    return [f"Tautan {kind} dengan #{other} dikonfirmasi"]


def describe(change: Correction) -> list[str]:
    name, old, new = change.field, change.old_value, change.new_value
    if name == "status":
        if new == "reviewed":
            return ["Ditandai sudah ditinjau"]
        return [f"Status: {STATUS_LABELS.get(str(old), old)} → {STATUS_LABELS.get(str(new), new)}"]
    if name == "link":
        return _link(new)
    if name == "parties":
        return _parties(old, new) or ["Para pihak: tidak ada perubahan isi"]
    if name in ("numbers", "scope"):
        return _list(name, old, new)
    return [f"{FIELD_LABELS.get(name, name)}: {_scalar(name, old)} → {_scalar(name, new)}"]


def history_entries(changes: list[Correction]) -> list[HistoryEntry]:
    """One entry per save (same time, user and reason), newest first."""
    entries: list[HistoryEntry] = []
    for change in changes:
        at = format_datetime(change.at)
        lines = describe(change)
        last = entries[-1] if entries else None
        if last and (last.at, last.user, last.reason) == (at, change.user, change.reason):
            last.lines.extend(lines)
        else:
            entries.append(HistoryEntry(at=at, user=change.user, reason=change.reason, lines=lines))
    return entries[::-1]
