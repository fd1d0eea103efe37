"""A reviewer's correction of a party becomes an alias the next filing applies."""

from __future__ import annotations

from pathlib import Path

from test_api_support import file_records, make_settings, record

from service.registry import Registry


def test_corrected_signatory_is_applied_to_the_next_filing(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    first, second, third = (record(t, ["35.15"]) for t in ("Satu", "Dua", "Tiga"))
    for _data, _doc, extraction in (first, second, third):
        extraction.parties[0].signatory = "DR. SU"
        extraction.parties[0].title = "Bupati Sidoarj0"
    [agreement_id] = file_records(settings, [first])
    registry = Registry.open(settings)
    try:
        parties = registry.get_agreement(agreement_id).fields["parties"].value
        fixed = [{**parties[0], "signatory": "Dr. Sutrisno, M.Si.", "title": "Bupati Sidoarjo"}]
        registry.correct(
            agreement_id, {"parties": fixed}, reason="ttd", user="rina", expected_version=1
        )
        [correction] = registry.history(agreement_id)
    finally:
        registry.close()
    [later] = file_records(settings, [second])
    registry = Registry.open(settings)
    try:
        view = registry.get_agreement(later)
        party = view.fields["parties"].value[0]
        assert party["signatory"] == "Dr. Sutrisno, M.Si."
        assert party["title"] == "Bupati Sidoarjo"
        rules = [ev.rule or "" for ev in view.fields["parties"].evidence]
        assert f"dipelajari dari koreksi #{correction.id} (keyakinan 0,90)" in rules
        assert registry.history(later) == []  # applied at filing, not as a correction
    finally:
        registry.close()
