"""Reporting bodies, their report records and deadlines, coordination views and
expiry lists, over a real SQLite registry made in the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_registry_support import make_document, make_extraction

from models.errors import ConflictError, ForbiddenError, NotFoundError, ValidationFailedError
from service.registry import Registry
from service.reports.bodies import all_bodies, body_for_party, children, get_body
from service.reports.coordination import coordination
from service.reports.digest import build_digest
from service.reports.expiring import expiry_actions
from service.reports.portfolio import load_rows
from service.reports.submissions import SubmissionStore
from service.reports.yearly import yearly_from_registry

TODAY = dt.date(2026, 12, 1)
JATIM = ("Pemerintah Provinsi Jawa Timur", "35")
SIDOARJO = ("Pemerintah Kabupaten Sidoarjo", "35.15")
SURABAYA = ("Pemerintah Kota Surabaya", "35.78")
BOGOR = ("Pemerintah Kabupaten Bogor", "32.01")


def _file(
    registry: Registry,
    n: int,
    parties: tuple[tuple[str, str | None], ...],
    end: dt.date | None,
    *,
    doc_type: str = "PKS",
    parent: str | None = None,
    signed: dt.date = dt.date(2023, 3, 1),
) -> int:
    data, document = make_document([f"perjanjian {n}"], name=f"{n}.pdf")
    extraction = make_extraction(
        document,
        doc_type=doc_type,
        number=f"{n}/KS/2023",
        title=f"Kerja sama {n}",
        parties=parties,
        signed=signed,
        parent=parent,
        scope=["pengelolaan sampah"],
    ).model_copy(update={"end_date": end})
    return registry.file_document(data, document.file, document, extraction).agreement_id


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    reg = Registry.open_path(tmp_path / "r.db", tmp_path / "files")
    day = dt.timedelta(days=1)
    _file(reg, 1, (JATIM, SIDOARJO), TODAY + 20 * day, doc_type="NK")  # expiring
    _file(reg, 2, (SIDOARJO, SURABAYA), None)  # no end date, orphan PKS
    _file(reg, 3, (JATIM, SURABAYA), TODAY - 10 * day)  # lapsed
    _file(reg, 4, (BOGOR, ("PT Maju", None)), TODAY + 400 * day)  # another province
    _file(reg, 5, (JATIM, SIDOARJO), TODAY + 900 * day, parent="1/KS/2023")  # outlives NK 1
    return reg


def test_every_region_and_the_ministry_is_a_body() -> None:
    bodies = all_bodies()
    levels = [b.level for b in bodies.values()]
    assert levels.count("provinsi") == 38
    assert levels.count("kabupaten") + levels.count("kota") == 514
    assert get_body("35.15").name == "Kabupaten Sidoarjo" and get_body("35.15").parent == "35"
    assert get_body("35").parent == "kemendagri"
    assert {b.code for b in children("35")} >= {"35.15", "35.78"}
    assert body_for_party("pemkab", "35.15.01", None) == "35.15"
    assert body_for_party("kementerian", None, "Kementerian Dalam Negeri") == (
        "kemendagri.pusfasker"
    )
    assert body_for_party("swasta", None, "PT Maju") is None


def test_rows_belong_to_each_government_partys_body(registry: Registry) -> None:
    rows = {r.id: r for r in load_rows(registry)}
    assert rows[2].bodies == ["35.15", "35.78"]
    assert rows[4].bodies == ["32.01"]
    assert rows[5].parents == [1] and rows[1].children == [5]


def test_report_record_flow_and_who_may_do_what(registry: Registry) -> None:
    store = SubmissionStore(registry)
    at = dt.datetime(2027, 1, 5, 3, tzinfo=dt.UTC)
    draft = store.act("35.15", 2026, "draft", user="ani", scope="35.15", now=at, today=TODAY)
    assert draft.status == "draft" and draft.deadline == dt.date(2027, 1, 13)
    assert draft.deadline_status == "pending" and draft.days_left == 43
    with pytest.raises(ForbiddenError):
        store.act("35.78", 2026, "draft", user="ani", scope="35.15")
    with pytest.raises(ConflictError):
        store.act("35.15", 2026, "accept", user="budi", scope="35")
    sent = store.act("35.15", 2026, "submit", user="ani", scope="35.15", now=at, today=TODAY)
    assert (sent.status, sent.submitted_by, sent.deadline_status) == ("submitted", "ani", "on_time")
    assert sent.days_left == 8 and sent.working_days_left == 6
    with pytest.raises(ForbiddenError):  # a kabupaten cannot accept its own report
        store.act("35.15", 2026, "accept", user="ani", scope="35.15")
    with pytest.raises(ValidationFailedError):  # returning needs a note
        store.act("35.15", 2026, "return", user="budi", scope="35")
    back = store.act("35.15", 2026, "return", user="budi", scope="35", note="Lampiran kurang")
    assert back.status == "returned" and back.return_note == "Lampiran kurang"
    assert back.deadline_status == "overdue" or back.deadline_status == "pending"
    late = dt.datetime(2027, 1, 20, 3, tzinfo=dt.UTC)
    again = store.act("35.15", 2026, "submit", user="ani", scope="35.15", now=late)
    assert again.deadline_status == "late" and again.days_left == -7
    done = store.act("35.15", 2026, "accept", user="budi", scope="35")
    assert done.status == "accepted" and [a.action for a in done.history] == [
        "draft",
        "submit",
        "return",
        "submit",
        "accept",
    ]
    with pytest.raises(ForbiddenError):  # only the ministry accepts a province
        store.act("35", 2026, "submit", user="c", scope="35")
        store.act("35", 2026, "accept", user="c", scope="35")
    [missing] = store.reports(2026, [get_body("35.78")], today=dt.date(2027, 2, 1))
    assert missing.status == "none" and missing.deadline_status == "overdue"


def test_province_sees_its_kabupaten_kota_and_nothing_else(registry: Registry) -> None:
    view = coordination(registry, 2026, scope="35", days=30, today=TODAY)
    codes = [line.body for line in view.lines]
    assert codes[0] == "35" and set(codes[1:]) == {b.code for b in children("35")}
    assert not any(c.startswith("32") for c in codes)
    lines = {line.body: line for line in view.lines}
    assert (lines["35.15"].agreements, lines["35.15"].expiring) == (3, 1)
    assert lines["35.15"].no_end_date == 1 and lines["35.78"].agreements == 2
    assert lines["35"].agreements == 3
    assert view.totals == {"agreements": 4, "expiring": 1, "no_end_date": 1, "evaluated": 0}
    assert lines["35.15"].report.deadline_status == "pending"
    for scope, body in (("35", "32"), ("35.15", None), ("35.15", "35"), ("35", "kemendagri")):
        with pytest.raises(NotFoundError):
            coordination(registry, 2026, scope=scope, body=body, today=TODAY)
    report = yearly_from_registry(registry, 2026, region_scope="35", today=TODAY)
    assert report.body == "35" and sorted(r.id for r in report.rows) == [1, 2, 3, 5]
    with pytest.raises(NotFoundError):
        yearly_from_registry(registry, 2026, region_scope="35", body="32.01")


def test_ministry_sees_every_province(registry: Registry) -> None:
    view = coordination(registry, 2026, scope=None, today=TODAY)
    assert len(view.lines) == 38
    lines = {line.body: line for line in view.lines}
    assert lines["35"].agreements == 4 and lines["32"].agreements == 1
    assert lines["35"].reports_below == {"pending": len(children("35"))}


def test_expiry_lists_that_help_act(registry: Registry) -> None:
    actions = expiry_actions(load_rows(registry), 30, TODAY)
    assert [i.id for i in actions.expiring] == [1] and actions.expiring[0].days == 20
    assert [i.id for i in actions.lapsed] == [3] and actions.lapsed[0].days == -10
    assert [i.id for i in actions.no_end] == [2]
    assert [(i.id, i.related) for i in actions.outlived] == [(1, [5])]
    assert [i.id for i in actions.orphan_pks] == [2, 3, 4]
    digest = build_digest(registry, scope=None, body="35.15", days=30, today=TODAY)
    assert digest.actions.counts() == {
        "expiring": 1,
        "lapsed": 0,
        "outlived": 1,
        "orphan_pks": 1,
        "no_end": 1,
    }
    assert "Akan berakhir (30 hari): 1" in digest.text
    assert "Laporan tahunan 2026: Belum disusun" in digest.text
