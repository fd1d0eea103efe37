"""Calibration figures of the bench: AUROC and wrong fields caught at 20 %."""

from __future__ import annotations

from bench.calibration import Judged, auroc, calibration, caught, judged_fields


def _fields(pairs: list[tuple[float, bool]]) -> list[Judged]:
    return [Judged(c, ok) for c, ok in pairs]


def test_confidence_that_orders_errors_first_scores_one() -> None:
    items = _fields([(0.2, False), (0.3, False), *[(0.9, True)] * 8])
    assert auroc(items) == 1.0
    assert caught(items) == 1.0


def test_constant_confidence_is_chance_and_catches_its_share() -> None:
    items = _fields([(0.9, False), (0.9, False), *[(0.9, True)] * 8])
    assert auroc(items) == 0.5
    assert abs((caught(items) or 0) - 0.2) < 1e-9


def test_confidence_upside_down_scores_zero() -> None:
    items = _fields([(0.9, False), (0.1, True), (0.2, True)])
    assert auroc(items) == 0.0 and caught(items) == 0.0


def test_party_sub_fields_take_the_parties_confidence() -> None:
    judged = judged_fields(
        {"numbers": 1.0, "parties.signatory": 0.5, "title": 1.0},
        {"numbers": 0.9, "parties": 0.4},
    )
    assert judged == [Judged(0.9, True), Judged(0.4, False)]
    figures = calibration(judged)
    assert figures["wrong"] == 1.0 and figures["auroc"] == 1.0


def test_a_party_sub_field_with_its_own_confidence_uses_it() -> None:
    judged = judged_fields(
        {"parties.signatory": 0.5, "parties.title": 1.0},
        {"parties": 0.4, "parties.signatory": 0.2, "parties.title": 0.9},
    )
    assert judged == [Judged(0.2, False), Judged(0.9, True)]
