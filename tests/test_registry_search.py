"""Search over current values, clerks' abbreviations and word prefixes."""

from __future__ import annotations

from pathlib import Path

from test_api_support import file_misread, file_records, make_settings, record

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


def test_abbreviations_in_the_documents_are_found_spelled_out(tmp_path: Path) -> None:
    from models import Party

    settings = make_settings(tmp_path)
    filed = []
    for title, name in (
        ("Kerja sama jalan", "PEMKAB SUKABUMI"),
        ("Kerja sama air", "Pemkot Bogor"),
    ):
        data, document, extraction = record(title, [])
        parties = [Party(role="PIHAK PERTAMA", institution=name)]
        filed.append((data, document, extraction.model_copy(update={"parties": parties})))
    sukabumi, bogor = file_records(settings, filed)
    registry = Registry.open(settings)
    try:

        def found(q: str) -> list[int]:
            return [a.id for a in registry.list_agreements(AgreementQuery(q=q)).items]

        for q in ("Kabupaten Sukabumi", "Kab. Sukabumi", "Pemkab Sukab"):
            assert found(q) == [sukabumi], q
        assert found("Kota Bogor") == [bogor] and found("Pemerintah Kota Bog") == []
        assert found("Kota Sukabumi") == []
    finally:
        registry.close()


def test_a_replaced_value_stops_finding_the_agreement(tmp_path: Path) -> None:
    """OCR's misread number stays in the page text, but once a reviewer corrects it
    neither the fields nor the page text find the agreement by it."""
    settings = make_settings(tmp_path)
    agreement_id = file_misread(settings)
    registry = Registry.open(settings)
    try:

        def found(q: str, where_in: str = "fields") -> list[int]:
            query = AgreementQuery(q=q, search_in=where_in)  # type: ignore[arg-type]
            return [a.id for a in registry.list_agreements(query).items]

        assert found("415.4/8B/2020") == [agreement_id]
        assert found("bendungan") == [] and found("bendungan", "text") == [agreement_id]
        registry.correct(
            agreement_id,
            {"numbers": ["415.4/88/2020"]},
            reason="nomor dari salinan",
            user="rina",
            expected_version=1,
        )
        assert found("415.4/88/2020") == [agreement_id]
        assert found("415.4/8B/2020") == [] and found("415.4/8B/2020", "text") == []
        # the rest of the page text still answers, apart from the fields
        assert found("bendungan Cikar", "text") == [agreement_id]
        assert found("irigasi", "text") == []  # a field match is not repeated there
    finally:
        registry.close()
