"""The extraction contract's shape is what every part relies on."""

from __future__ import annotations

import datetime as dt

from models import FIELD_NAMES, Extraction, Party, Settings


def test_contract_round_trips_through_json() -> None:
    record = Extraction(
        file="a.pdf",
        sha256="0" * 64,
        pages=3,
        ocr_pages=1,
        doc_type="NK",
        numbers=["119/123/KDN/2019"],
        parties=[
            Party(
                role="PIHAK PERTAMA",
                institution="Pemerintah Kabupaten Sidoarjo",
                kind="pemkab",
                region_code="35.15",
            )
        ],
        signing_date=dt.date(2019, 3, 27),
    )
    again = Extraction.model_validate_json(record.model_dump_json())
    assert again == record
    assert again.signing_date == dt.date(2019, 3, 27)
    assert set(FIELD_NAMES) <= set(Extraction.model_fields)


def test_settings_read_prefixed_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KERJASAMA_MAX_PAGES", "7")
    monkeypatch.setenv("KERJASAMA_DATA_DIR", "/tmp/x")
    settings = Settings()
    assert settings.max_pages == 7
    assert str(settings.database) == "/tmp/x/registry.db"
