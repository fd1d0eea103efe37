"""Search over current values, clerks' abbreviations and word prefixes."""

from __future__ import annotations

from pathlib import Path

from test_api_support import file_records, make_settings, record

from service.registry import Registry
from service.registry.queries import search_terms
from service.registry.records import AgreementQuery


def test_search_terms_spell_out_abbreviations_as_prefixes() -> None:
    assert search_terms("Pemkab Sukabu") == '"kabupaten"* "sukabu"*'
    assert search_terms('Kab. "NOT') == '"kabupaten"* "not"*'


def test_corrected_number_and_abbreviations_are_found(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    [agreement_id] = file_records(settings, [record("Kerja sama irigasi", ["32.02"])])
    registry = Registry.open(settings)
    try:
        registry.correct(
            agreement_id,
            {
                "numbers": ["415.4/88/2020"],
                "parties": [
                    {"institution": "Pemerintah Kabupaten Sukabumi", "region_code": "32.02"}
                ],
            },
            reason="nomor dari salinan",
            user="rina",
            expected_version=1,
        )

        def found(q: str) -> list[int]:
            return [a.id for a in registry.list_agreements(AgreementQuery(q=q)).items]

        assert found("415.4/88") == [agreement_id]
        assert found("Pemkab Sukabumi") == [agreement_id]
        assert found("Kab. Sukab") == [agreement_id]
        assert found("Kota Sukabumi") == []
    finally:
        registry.close()
