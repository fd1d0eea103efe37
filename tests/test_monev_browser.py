"""The monev pages in a real browser (Debian's chromium, driven by Playwright).

The harness is the workbench's (``test_web_browser``: its ``Site``, login,
screenshots and the elementFromPoint check); the registry is filed before
the server starts with agreements of two provinces whose end dates are set
from today, so states hold on any day. Screenshots of every monev page go to
``tests/output/screens/monev-*.png`` for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from test_api_support import add_user, file_records, make_settings, record, running_server
from test_web_browser import CHROMIUM, SCREENS, UNCOVERED, Site, shot

from models import Party, Settings
from service.registry import Registry
from service.reports.criteria import CRITERIA
from service.reports.deadline import due_fiscal_year
from service.reports.evaluations import CriterionScore, EvaluationInput, EvaluationStore

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("monev-browser")]

TODAY = dt.date.today()
YEAR = due_fiscal_year(TODAY)
PLAN = [
    # title, parties (region, kind), signed, days until the end (None: no end date)
    ("Pengelolaan sampah regional", [("35.15", "pemkab")], dt.date(2019, 3, 27), 30),
    ("Penyediaan air minum", [("35.78", "pemkot")], dt.date(2020, 5, 2), 400),
    ("Jalan provinsi Jawa Barat", [("32.01", "pemkab")], dt.date(2020, 1, 10), 60),
    ("Beasiswa mahasiswa", [("35", "pemprov"), ("", "universitas")], dt.date(2021, 2, 1), None),
]


def _filed(settings: Settings) -> dict[str, int]:
    records = []
    for n, (title, parties, signed, days) in enumerate(PLAN):
        data, document, extraction = record(
            title, [], signing=signed, number=f"{n}/MONEV/{signed.year}"
        )
        end = TODAY + dt.timedelta(days=days) if days is not None else None
        party_list = [
            Party(
                role="PIHAK PERTAMA" if i == 0 else "PIHAK KEDUA",
                institution=f"Pemerintah {code}" if code else "Universitas Airlangga",
                kind=kind,  # type: ignore[arg-type]
                region_code=code or None,
            )
            for i, (code, kind) in enumerate(parties)
        ]
        update: dict[str, Any] = {
            "parties": party_list,
            "end_date": end,
            "end_date_source": "stated" if end else None,
        }
        records.append((data, document, extraction.model_copy(update=update)))
    ids = dict(zip((p[0] for p in PLAN), file_records(settings, records), strict=True))
    with Registry.open(settings) as registry:
        scores = {c.code: CriterionScore(score=4, note="terbukti") for c in CRITERIA}
        EvaluationStore(registry).record(
            ids["Penyediaan air minum"],
            EvaluationInput(
                fiscal_year=YEAR,
                scores=scores,
                good_practice=True,
                story="Air bersih untuk 10.000 rumah",
            ),
            evaluator="ani",
        )
    return ids


class MonevSite(Site):
    def __init__(self, base: str, settings: Settings, browser: Any, ids: dict[str, int]) -> None:
        super().__init__(base, settings, browser)
        self.ids = ids
        for name, role, region in (
            ("jatim", "reviewer", "35"),
            ("sidoarjo", "staff", "35.15"),
            ("menteri", "reviewer", None),
        ):
            self.passwords[name] = add_user(settings, name, role, region)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MonevSite]:
    settings = make_settings(tmp_path_factory.mktemp("monev-web"))
    ids = _filed(settings)
    SCREENS.mkdir(parents=True, exist_ok=True)
    with running_server(settings) as base, playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield MonevSite(base, settings, browser, ids)
        finally:
            browser.close()


def _lines(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("tr.line", "rows => rows.map(r => r.dataset.body)"))


def test_province_sees_its_kabkota_and_nothing_else(site: MonevSite) -> None:
    page = site.page("jatim")
    page.goto(f"/review/monev/koordinasi?year={YEAR}")
    lines = _lines(page)
    assert lines[0] == "35" and len(lines) == 39  # Jawa Timur and its 38 kabupaten/kota
    assert all(code == "35" or code.startswith("35.") for code in lines)
    text = page.inner_text("main")
    assert "Kabupaten Sidoarjo" in text and "Jawa Barat" not in text
    shot(page, "monev-koordinasi-provinsi")
    page.goto(f"/review/monev?year={YEAR}")
    assert "Jalan provinsi Jawa Barat" not in page.inner_text("main")
    assert "Penyediaan air minum" in page.inner_text("table.rows")
    for path in (f"/review/monev?year={YEAR}&body=32", "/review/monev/koordinasi?body=32"):
        assert page.goto(path).status == 404, path
    page.context.close()


def test_ministry_sees_every_province(site: MonevSite) -> None:
    page = site.page("menteri")
    page.goto(f"/review/monev/koordinasi?year={YEAR}")
    lines = _lines(page)
    assert len(lines) == 38 and all("." not in code for code in lines)
    jatim = page.locator("tr.line[data-body='35']")
    assert "Jawa Timur" in jatim.inner_text()
    assert jatim.locator("td").nth(2).inner_text() == "3"  # its three agreements of the year
    shot(page, "monev-koordinasi-kementerian")
    page.context.close()


def _act(page: Any, body: str, action: str, note: str = "") -> None:
    row = page.locator(f"tr.line[data-body='{body}']")
    row.locator("input[name=note]").fill(note)
    row.get_by_label("Tindakan").select_option(action)
    row.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    assert page.inner_text(".flash") == "Laporan tersimpan."


def test_kabkota_submits_and_the_province_returns_then_accepts(site: MonevSite) -> None:
    kab = site.page("sidoarjo")
    kab.goto(f"/review/monev?year={YEAR}")
    assert "Kabupaten Sidoarjo" in kab.inner_text("h1")
    kab.get_by_label("Tindakan atas laporan").select_option("submit")
    kab.get_by_role("button", name="Simpan laporan").click()
    kab.wait_for_load_state()
    assert kab.inner_text(".flash") == "Laporan tersimpan."
    assert "Status laporan: Disampaikan" in kab.inner_text("main")

    prov = site.page("jatim")
    prov.goto(f"/review/monev/koordinasi?year={YEAR}")
    _act(prov, "35.15", "return", "Lampiran evaluasi belum ada")
    row = prov.locator("tr.line[data-body='35.15']").inner_text()
    assert "Dikembalikan" in row and "Catatan: Lampiran evaluasi belum ada" in row

    kab.reload()
    text = kab.inner_text("main")
    assert "Dikembalikan" in text and "Catatan pengembalian: Lampiran evaluasi belum ada" in text
    kab.get_by_label("Tindakan atas laporan").select_option("submit")
    kab.get_by_role("button", name="Simpan laporan").click()
    kab.wait_for_load_state()
    resubmitted = kab.inner_text("main")
    assert "Status laporan: Disampaikan" in resubmitted
    assert "Catatan pengembalian" not in resubmitted  # the note belonged to the return
    shot(kab, "monev-laporan-kabkota")

    prov.reload()
    _act(prov, "35.15", "accept")
    assert "Diterima" in prov.locator("tr.line[data-body='35.15']").inner_text()
    kab.context.close()
    prov.context.close()


def test_evaluation_saved_through_labelled_selects(site: MonevSite) -> None:
    agreement = site.ids["Pengelolaan sampah regional"]
    page = site.page("jatim")
    page.goto(f"/review/monev/agreements/{agreement}?year={YEAR}")
    assert "Belum ada evaluasi" in page.inner_text("p.current")
    for n, criterion in enumerate(CRITERIA):
        page.get_by_label(f"Nilai {criterion.label}", exact=True).select_option(str(1 + n % 5))
    page.fill(f"#n_{CRITERIA[0].code}", "Dokumen tahapan lengkap")
    page.get_by_label("Praktik baik").check()
    page.fill("#story", "Sampah jadi energi")
    page.get_by_role("button", name="Simpan evaluasi").click()
    page.wait_for_load_state()
    flash = page.get_by_role("status")
    assert flash.inner_text() == f"Evaluasi {YEAR} tersimpan."
    assert "Praktik baik" in page.inner_text("p.current")
    first = page.locator("table.history tr").nth(1).inner_text()
    assert "jatim" in first and "berlaku" in first
    shot(page, "monev-evaluasi")
    page.goto(f"/review/monev?year={YEAR}")
    assert "Sampah jadi energi" in page.inner_text("table.good-practice")
    page.context.close()


def test_charts_are_displayed(site: MonevSite) -> None:
    page = site.page("jatim")
    page.goto(f"/review/monev?year={YEAR}")
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.chart')]"
        ".every(i => i.complete && i.naturalWidth > 300)"
    )
    assert page.locator("img.chart").count() == 8
    shot(page, "monev-laporan-provinsi")
    page.context.close()


def test_a_count_leads_to_its_agreements(site: MonevSite) -> None:
    page = site.page("jatim")
    page.goto(f"/review/monev?year={YEAR}")
    page.locator("a.count.state-expiring").click()
    page.wait_for_url(re.compile(r"keadaan=expiring"))
    assert "(disaring): 1" in page.inner_text("#daftar")
    listed = page.inner_text("table.rows")
    assert "Pengelolaan sampah regional" in listed and "Penyediaan air minum" not in listed
    page.locator("table.rows a[href^='/review/agreements/']").first.click()
    page.wait_for_url(re.compile(rf"/review/agreements/{site.ids['Pengelolaan sampah regional']}"))

    page.goto(f"/review/monev?year={YEAR}")
    page.locator("table.groups-mitra tr", has_text="Perguruan tinggi").locator(
        "a.count"
    ).first.click()
    assert "Beasiswa mahasiswa" in page.inner_text("table.rows")
    assert page.locator("table.rows tr").count() == 2  # header and the one agreement

    # The expiring count of a kabupaten on the coordination page opens the
    # agreements list with its filters.
    page.goto(f"/review/monev/koordinasi?year={YEAR}")
    page.locator("tr.line[data-body='35.15'] td").nth(3).locator("a").click()
    page.wait_for_url(re.compile(r"/review\?view=all&wilayah=35\.15&berakhir=90"))
    assert "Pengelolaan sampah regional" in page.inner_text("table.list")
    shot(page, "monev-daftar-dari-hitungan")
    page.context.close()


@pytest.mark.parametrize("width,height", [(1366, 768), (400, 800)])
def test_every_monev_control_is_clickable(site: MonevSite, width: int, height: int) -> None:
    agreement = site.ids["Penyediaan air minum"]
    for user, pages in (
        (
            "jatim",
            {
                "laporan": f"/review/monev?year={YEAR}",
                "koordinasi": f"/review/monev/koordinasi?year={YEAR}",
                "evaluasi": f"/review/monev/agreements/{agreement}?year={YEAR}",
            },
        ),
        ("menteri", {"kementerian": f"/review/monev?year={YEAR}"}),
    ):
        page = site.page(user, width, height)
        for name, path in pages.items():
            page.goto(path)
            assert page.evaluate(UNCOVERED) == [], path
            assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, path
            page.evaluate("window.scrollTo(0, 0)")
            shot(page, f"monev-{name}-{width}")
        page.context.close()
