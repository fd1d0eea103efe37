"""Opening an older registry upgrades it, and what it held keeps working."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database
from test_registry_support import agreement_text, make_document, make_extraction

from service.registry import Registry
from service.registry.derive import current_fields
from service.registry.records import AgreementQuery
from service.registry.schema import MIGRATIONS


def _v1_registry(path: Path) -> tuple[str, list[str]]:
    """A registry as the first release left it: schema 0001 and one filed agreement."""
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="0002_dedup_blocking")
    assert [m.name for m in MIGRATIONS.applied(db)] == ["0001_core"]
    pages = agreement_text(
        number="119/123/KDN/2019",
        title="Pengembangan Pariwisata",
        first="Pemerintah Provinsi Jawa Timur",
        second="Pemerintah Kabupaten Sidoarjo",
        signed=dt.date(2019, 3, 27),
        scope=["pariwisata"],
    )
    data, document = make_document(pages, name="old.pdf")
    extraction = make_extraction(document)
    now = "2024-01-01T00:00:00+00:00"
    with db.atomic():
        db.execute(
            "INSERT INTO agreements (id, created_at, updated_at) VALUES (1, ?, ?)", [now, now]
        )
        db.execute(
            "INSERT INTO files VALUES (?, 1, 'old.pdf', 'application/pdf', ?, 2, 0, 'x', "
            "'upload', 'system', ?)",
            [document.sha256, len(data), now],
        )
        for page in document.pages:
            db.execute(
                "INSERT INTO pages (sha256, number, method, text) VALUES (?, ?, 'text', ?)",
                [document.sha256, page.number, page.text],
            )
        db.execute(
            "INSERT INTO extractions (agreement_id, sha256, extractor_version, data, created_at) "
            "VALUES (1, ?, '0.0.1', ?, ?)",
            [document.sha256, extraction.model_dump_json(), now],
        )
        # what the first release derived for it (current values, numbers)
        fields = current_fields(db.conn, 1)
        current = {name: f.model_dump(mode="json") for name, f in fields.items()}
        db.execute("UPDATE agreements SET current = ? WHERE id = 1", [json.dumps(current)])
        db.execute("INSERT INTO numbers VALUES (1, '119/123/KDN/2019', '119/123/KDN/2019')")
    db.close()
    return document.sha256, pages


def test_opening_a_v1_registry_upgrades_it(tmp_path: Path) -> None:
    path = tmp_path / "registry.db"
    _sha, pages = _v1_registry(path)
    columns = {r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(agreements)")}
    assert "fingerprint" not in columns

    with Registry.open_path(path, tmp_path / "files") as registry:
        assert registry.applied_migrations() == [
            "0001_core",
            "0002_dedup_blocking",
            "0003_list_indexes",
            "0100_evaluations",
            "0500_monev_bodies",
            "0400_learned_aliases",
            "0401_search_replaced",
            "0700_jobs",
        ]
        conn = sqlite3.connect(path)
        keys = {r[0] for r in conn.execute("SELECT key FROM blocking_keys WHERE agreement_id = 1")}
        assert "n:119/123/KDN/2019" in keys
        assert conn.execute("SELECT length(fingerprint) FROM agreements").fetchone()[0] > 100
        # its search rows are rebuilt from its current values
        found = registry.list_agreements(AgreementQuery(q="119/123/KDN"))
        assert [a.id for a in found.items] == [1]
        # the old agreement is found by dedup: a rescan of it is a candidate duplicate
        rescan = [p.replace("Surabaya", "Surabaja") for p in pages]
        data, document = make_document(rescan, name="rescan.pdf", method="ocr")
        result = registry.file_document(data, "rescan.pdf", document, make_extraction(document))
        assert result.outcome == "duplicate_candidate" and result.duplicate_of == 1
        assert registry.get_agreement(1).fields["numbers"].value == ["119/123/KDN/2019"]

    with Registry.open_path(path, tmp_path / "files") as again:  # nothing left to apply
        assert again.applied_migrations() == [
            "0001_core",
            "0002_dedup_blocking",
            "0003_list_indexes",
            "0100_evaluations",
            "0500_monev_bodies",
            "0400_learned_aliases",
            "0401_search_replaced",
            "0700_jobs",
        ]
        assert again.stats()["agreements"] == 2
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
