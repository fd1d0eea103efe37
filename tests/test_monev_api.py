"""Monev over HTTP: evaluations, expiring agreements, the yearly report, scoping.

The real app under uvicorn, a real SQLite registry filed with records whose
end dates are known (relative to today for the expiring list, fixed in 2024
for the yearly report, so the expected values hold whatever day it runs).
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from test_api_support import (
    add_key,
    client,
    file_records,
    make_settings,
    record,
    running_server,
    web_login,
)
from test_web_review import _csrf

from models import Settings
from service.reports.criteria import CRITERIA

pytestmark = pytest.mark.slow

TODAY = dt.date.today()


def _dated(
    title: str,
    regions: list[str],
    number: str,
    signed: dt.date,
    end: dt.date | None,
) -> Any:
    data, document, extraction = record(title, regions, signing=signed, number=number)
    update: dict[str, Any] = {"end_date": end, "end_date_source": "stated" if end else None}
    return data, document, extraction.model_copy(update=update)


def _registry(settings: Settings) -> list[int]:
    return file_records(
        settings,
        [
            # expiring soon, active through 2024
            _dated(
                "Pengelolaan sampah regional",
                ["35.15"],
                "11/SMP/2019",
                dt.date(2019, 3, 27),
                TODAY + dt.timedelta(days=30),
            ),
            # expiring soon, another province
            _dated(
                "Jalan provinsi",
                ["32.02"],
                "22/JLN/2020",
                dt.date(2020, 1, 10),
                TODAY + dt.timedelta(days=60),
            ),
            # signed in 2024, ends long after the window
            _dated(
                "Penyediaan air minum",
                ["35.78"],
                "33/AIR/2024",
                dt.date(2024, 5, 2),
                TODAY + dt.timedelta(days=400),
            ),
            # expired during 2024
            _dated(
                "Promosi pariwisata",
                ["35.15"],
                "44/PAR/2018",
                dt.date(2018, 1, 1),
                dt.date(2024, 6, 30),
            ),
            # end date unknown
            _dated("Beasiswa pendidikan", ["35"], "55/PDK/2021", dt.date(2021, 2, 2), None),
        ],
    )


def _sheet(score: int = 4, **overrides: Any) -> dict[str, Any]:
    scores: dict[str, Any] = {
        c.code: {"score": score, "note": f"catatan {c.code}"} for c in CRITERIA
    }
    scores.update(overrides)
    return {"fiscal_year": 2024, "scores": scores, "summary": "layak dilanjutkan"}


def test_evaluations_expiring_yearly_and_region_scope(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    sampah, jalan, air, pariwisata, beasiswa = _registry(settings)
    assert len({sampah, jalan, air, pariwisata, beasiswa}) == 5
    keys = {
        "viewer": add_key(settings, "viewer"),
        "reviewer": add_key(settings, "reviewer"),
        "jatim": add_key(settings, "reviewer", region="35"),
    }
    with (
        running_server(settings) as base,
        client(base, keys["viewer"]) as viewer,
        client(base, keys["reviewer"]) as reviewer,
        client(base, keys["jatim"]) as jatim,
    ):
        url = f"/api/v1/monev/agreements/{sampah}/evaluations"

        # --- validation: every criterion, scores 1..5, reviewer role
        missing = _sheet()
        del missing["scores"]["keberlanjutan"]
        response = reviewer.post(url, json=missing)
        assert response.status_code == 422
        assert response.json()["error"] == "invalid_input"
        assert "keberlanjutan" in response.json()["message"]
        unknown = _sheet(kebersihan={"score": 3, "note": ""})
        response = reviewer.post(url, json=unknown)
        assert response.status_code == 422 and "kebersihan" in response.json()["message"]
        response = reviewer.post(url, json=_sheet(prosedur={"score": 6, "note": "x"}))
        assert response.status_code == 422 and "prosedur" in response.json()["message"]
        assert reviewer.post(url, json=_sheet(0)).status_code == 422
        response = viewer.post(url, json=_sheet())
        assert response.status_code == 403 and response.json()["error"] == "forbidden"
        assert (
            reviewer.post("/api/v1/monev/agreements/9999/evaluations", json=_sheet()).status_code
            == 404
        )
        assert reviewer.get(url).json() == []  # nothing invalid was stored

        # --- round trip, and history kept when re-evaluated
        first = reviewer.post(url, json=_sheet(4))
        assert first.status_code == 201, first.text
        body = first.json()
        assert body["agreement_id"] == sampah and body["fiscal_year"] == 2024
        assert body["average"] == 4.0 and body["current"] is True
        assert body["scores"]["relevansi"] == {"score": 4, "note": "catatan relevansi"}
        second = reviewer.post(
            url, json=_sheet(3, tata_kelola={"score": 5, "note": "<b>jelas</b>"})
        ).json()
        assert second["average"] == round((3 * 6 + 5) / 7, 2)
        history = viewer.get(url).json()
        assert [e["id"] for e in history] == [second["id"], body["id"]]
        assert [e["current"] for e in history] == [True, False]
        assert history[1]["scores"]["tata_kelola"]["score"] == 4  # the earlier one unchanged
        assert all(e["evaluator"].endswith(":reviewer") for e in history)
        reviewer.post(f"/api/v1/monev/agreements/{air}/evaluations", json=_sheet(2))
        reviewer.post(
            f"/api/v1/monev/agreements/{jalan}/evaluations", json={**_sheet(5), "fiscal_year": 2023}
        )

        # --- expiring within 90 days: soonest first, scoped keys see their region only
        found = viewer.get("/api/v1/monev/expiring", params={"days": 90}).json()
        assert [i["id"] for i in found["items"]] == [sampah, jalan]
        assert [i["days_left"] for i in found["items"]] == [30, 60]
        assert found["items"][0]["end_date"] == (TODAY + dt.timedelta(days=30)).isoformat()
        assert found["total"] == 2 and found["today"] == TODAY.isoformat()
        assert [i["id"] for i in jatim.get("/api/v1/monev/expiring?days=90").json()["items"]] == [
            sampah
        ]
        wide = viewer.get("/api/v1/monev/expiring", params={"days": 500}).json()
        assert [i["id"] for i in wide["items"]] == [sampah, jalan, air]
        assert viewer.get("/api/v1/monev/expiring", params={"days": -1}).status_code == 422

        # --- yearly report 2024
        report = viewer.get("/api/v1/monev/reports/yearly", params={"year": 2024}).json()
        assert report["deadline"] == "2025-01-10" and report["deadline_working_days"] == 7
        states = {r["id"]: r["state"] for r in report["rows"]}
        assert states == {
            sampah: "active",
            jalan: "active",
            air: "signed",
            pariwisata: "expired",
            beasiswa: "unknown_end",
        }
        assert report["signed_in_year"] == {"PKS": 1}
        assert report["expired_in_year"] == 1 and report["unknown_end_date"] == 1
        assert report["by_province"] == {"32": 1, "35": 4}
        coverage = report["evaluation"]
        assert coverage["agreements"] == 5 and coverage["evaluated"] == 2  # jalan: 2023 only
        assert coverage["coverage"] == 0.4
        by_code = {c["code"]: c for c in coverage["criteria"]}
        assert by_code["prosedur"]["evaluated"] == 2 and by_code["prosedur"]["average"] == 2.5
        assert by_code["tata_kelola"]["average"] == 3.5
        rows = {r["id"]: r for r in report["rows"]}
        assert rows[sampah]["scores"]["tata_kelola"] == 5 and rows[jalan]["scores"] is None

        scoped = jatim.get("/api/v1/monev/reports/yearly", params={"year": 2024}).json()
        assert {r["id"] for r in scoped["rows"]} == {sampah, air, pariwisata, beasiswa}
        assert scoped["region_scope"] == "35" and scoped["by_province"] == {"35": 4}

        response = viewer.get(
            "/api/v1/monev/reports/yearly", params={"year": 2024, "format": "xlsx"}
        )
        assert response.status_code == 200
        book = load_workbook(BytesIO(response.content))
        summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True)}
        assert summary["Batas waktu penyampaian"] == dt.datetime(2025, 1, 10)
        assert summary["Sudah berakhir"] == 1 and summary["Dievaluasi"] == 2
        governance = next(c.label for c in CRITERIA if c.code == "tata_kelola")
        criteria = {r[0]: r for r in book["Evaluasi"].iter_rows(min_row=2, values_only=True)}
        assert criteria[governance][1:] == (2, 0.4, 3.5)
        header, *lines = list(book["Kerja sama"].iter_rows(values_only=True))
        table = {line[0]: dict(zip(header, line, strict=True)) for line in lines}
        assert table[pariwisata]["Keadaan"] == "Sudah berakhir"
        assert table[sampah][governance] == 5 and table[air]["Rata-rata evaluasi"] == 2.0
        assert table[air]["Pernah dievaluasi"] == "ya"
        assert table[pariwisata]["Pernah dievaluasi"] == "belum pernah"

        pdf = jatim.get("/api/v1/monev/reports/yearly", params={"year": 2024, "format": "pdf"})
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        png = jatim.get("/api/v1/monev/reports/yearly/charts/keadaan.png", params={"year": 2024})
        assert png.headers["content-type"] == "image/png"
        other = {"year": 2024, "body": "32.02"}
        assert jatim.get("/api/v1/monev/reports/yearly", params=other).status_code == 404

        # --- bodies, report records, coordination: a province sees its kab/kota only
        view = jatim.get("/api/v1/monev/coordination", params={"year": 2024}).json()
        assert view["body"] == "35" and all(
            line["body"] == "35" or line["body"].startswith("35.") for line in view["lines"]
        )
        lines_by = {line["body"]: line for line in view["lines"]}
        assert lines_by["35.15"]["agreements"] == 2 and lines_by["35.78"]["agreements"] == 1
        assert jatim.get("/api/v1/monev/coordination?year=2024&body=32").status_code == 404
        ministry = viewer.get("/api/v1/monev/coordination", params={"year": 2024}).json()
        assert len(ministry["lines"]) == 38
        codes = {b["code"] for b in jatim.get("/api/v1/monev/bodies").json()}
        assert "35.15" in codes and "32.02" not in codes and "kemendagri" not in codes
        submit = "/api/v1/monev/bodies/35.15/reports/2024/submit"
        assert viewer.post(submit).status_code == 403  # viewers cannot submit
        sent = jatim.post(submit)
        assert sent.status_code == 200, sent.text
        assert sent.json()["deadline_status"] == "late"
        status = jatim.get("/api/v1/monev/reports/status", params={"year": 2024}).json()
        assert {r["body"]: r["status"] for r in status}["35.15"] == "submitted"
        expiry = viewer.get("/api/v1/monev/expiry", params={"days": 90}).json()
        assert [i["id"] for i in expiry["expiring"]] == [sampah, jalan]
        digest = jatim.get("/api/v1/monev/digest", params={"body": "35.15"}).json()
        assert digest["body_name"] == "Kabupaten Sidoarjo" and "Akan berakhir" in digest["text"]

        # --- region scope on evaluations: out of region is 404, not a hint
        out = f"/api/v1/monev/agreements/{jalan}/evaluations"
        assert jatim.get(out).status_code == 404
        assert jatim.post(out, json=_sheet()).status_code == 404
        assert (
            jatim.post(
                f"/api/v1/monev/agreements/{beasiswa}/evaluations", json=_sheet()
            ).status_code
            == 201
        )

        # --- deadline
        deadline = viewer.get("/api/v1/monev/deadline", params={"year": 2026}).json()
        assert deadline["deadline"] == "2027-01-13"
        assert deadline["days_left"] == (dt.date(2027, 1, 13) - TODAY).days
        assert viewer.get("/api/v1/monev/deadline").json()["fiscal_year"] in (
            TODAY.year - 1,
            TODAY.year,
        )


def test_monev_pages_list_expiring_and_save_an_escaped_evaluation(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    hostile = '<script>alert("x")</script> Kerja sama'
    [agreement_id] = file_records(
        settings,
        [
            _dated(
                hostile, ["35.15"], "7/X/2020", dt.date(2020, 1, 1), TODAY + dt.timedelta(days=10)
            )
        ],
    )
    key = add_key(settings, "reviewer")
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as browser:
        assert web_login(browser, key).status_code == 303
        page = browser.get("/review/monev", params={"days": 30, "year": 2024})
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
        assert f'href="/review/agreements/{agreement_id}"' in page.text
        assert "10 Januari 2025" in page.text  # the 2024 report's deadline
        assert "Akan berakhir" in page.text and ">expiring<" not in page.text
        assert "/api/v1/monev/reports/yearly/charts/keadaan.png?year=2024" in page.text
        chart = browser.get("/api/v1/monev/reports/yearly/charts/keadaan.png?year=2024")
        assert chart.content.startswith(b"\x89PNG")

        form_page = browser.get(f"/review/monev/agreements/{agreement_id}", params={"year": 2024})
        assert form_page.status_code == 200 and "<script>alert" not in form_page.text
        form = {"csrf": _csrf(form_page.text), "fiscal_year": "2024", "summary": "<i>baik</i>"}
        for criterion in CRITERIA:
            form[f"s_{criterion.code}"] = "4"
            form[f"n_{criterion.code}"] = "<b>catatan</b>"
        incomplete = {k: v for k, v in form.items() if k != "s_partisipasi"}
        refused = browser.post(
            f"/review/monev/agreements/{agreement_id}/evaluations", data=incomplete
        )
        assert refused.status_code == 422 and "partisipasi" in refused.text
        assert 'label for="s_prosedur"' in form_page.text
        assert "Seluruh tahapan diikuti" in form_page.text  # what a 5 means
        form["good_practice"] = "1"
        form["story"] = "Direplikasi di tiga kabupaten"
        evidence = {"f_kualitas_hasil": ("notulen.pdf", b"%PDF-1.4 notulen", "application/pdf")}
        saved = browser.post(
            f"/review/monev/agreements/{agreement_id}/evaluations", data=form, files=evidence
        )
        assert saved.status_code == 303
        after = browser.get(saved.headers["location"]).text
        assert "Evaluasi 2024 tersimpan." in after and "Praktik baik." in after
        assert "4,00" in after and "&lt;i&gt;baik&lt;/i&gt;" in after and "<b>catatan" not in after
        link = after.split('href="/api/v1/monev/evidence/')[1].split('"')[0]
        assert browser.get(f"/api/v1/monev/evidence/{link}").content == b"%PDF-1.4 notulen"

        indicators = {"csrf": _csrf(after), "count": "1", "o_0": "pengangkutan", "t_0": "20 ton"}
        indicators["c_0"] = "18 ton"
        done = browser.post(f"/review/monev/agreements/{agreement_id}/indicators", data=indicators)
        assert done.status_code == 303
        shown = browser.get(done.headers["location"]).text
        assert "Indikator keberhasilan tersimpan." in shown and 'value="18 ton"' in shown
        api_indicators = browser.get(f"/api/v1/monev/agreements/{agreement_id}/indicators").json()
        assert api_indicators["version"] == 1 and api_indicators["items"][0]["achieved"] == "18 ton"

        coordination = browser.get("/review/monev/koordinasi", params={"year": 2024, "body": "35"})
        assert coordination.status_code == 200 and "Kabupaten Sidoarjo" in coordination.text
        act = {
            "csrf": _csrf(coordination.text),
            "body": "35.15",
            "year": "2024",
            "action": "submit",
        }
        sent = browser.post("/review/monev/laporan", data=act)
        assert sent.status_code == 303 and "saved=1" in sent.headers["location"]
        after_act = browser.get(sent.headers["location"]).text
        assert "Laporan tersimpan." in after_act and "Disampaikan" in after_act
        good = browser.get("/api/v1/monev/evaluations/aggregates", params={"year": 2024}).json()
        assert [g["agreement_id"] for g in good["good_practice"]] == [agreement_id]
        forged = browser.post(
            f"/review/monev/agreements/{agreement_id}/evaluations", data={**form, "csrf": "0" * 64}
        )
        assert forged.status_code == 403
        api = browser.get(f"/api/v1/monev/agreements/{agreement_id}/evaluations").json()
        assert len(api) == 1 and api[0]["scores"]["partisipasi"]["note"] == "<b>catatan</b>"
