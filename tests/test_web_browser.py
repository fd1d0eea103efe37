"""The workbench in a real browser (Debian's chromium, driven by Playwright).

One server and one browser for the module; documents are small digital PDFs
made here (OCR is not the point). Screenshots of every main page go to
``tests/output/screens/`` for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_api_support import (
    add_key,
    add_user,
    agreement_pdf,
    client,
    make_settings,
    running_server,
    scanned_pdf,
    wait_job,
)

from models import Settings

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
SCREENS = Path(__file__).parent / "output" / "screens"


def two_page_pdf(extra: str = "") -> bytes:
    """The sample agreement over two pages: heading and numbers on 1, the rest on 2."""
    return agreement_pdf(extra, split_at=9)


class Site:
    def __init__(self, base: str, settings: Settings, browser: Any) -> None:
        self.base, self.settings, self.browser = base, settings, browser
        self.passwords = {
            name: add_user(settings, name, role)
            for name, role in (("budi", "staff"), ("rina", "reviewer"), ("tono", "reviewer"))
        }
        self.viewer = add_user(settings, "wati", "viewer")
        self.staff_key = add_key(settings, "staff")

    def ensure_filed(self) -> int:
        """The sample agreement in the registry (each test may run first on its worker)."""
        with client(self.base, self.staff_key) as http:
            sent = http.post(
                "/api/v1/uploads", files={"files": ("nk-sidoarjo.pdf", two_page_pdf())}
            ).json()
            job = wait_job(http, sent["items"][0]["job"]["id"])
        assert job["status"] == "done", job
        return int(job["agreement_id"])

    def page(self, name: str, width: int = 1366, height: int = 768) -> Any:
        context = self.browser.new_context(
            base_url=self.base, viewport={"width": width, "height": height}, locale="id-ID"
        )
        page = context.new_page()
        page.goto("/review/login")
        page.fill("#login-name", name)
        page.fill("#login-password", self.passwords.get(name) or self.viewer)
        page.click("button[type=submit]:has-text('Masuk')")
        page.wait_for_load_state()
        return page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    settings = make_settings(tmp_path_factory.mktemp("web"), embedded_worker=True)
    SCREENS.mkdir(parents=True, exist_ok=True)
    with (
        running_server(settings) as base,
        playwright.sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield Site(base, settings, browser)
        finally:
            browser.close()


def on_page(page: Any, number: int) -> None:
    """Wait for the viewer to show page ``number`` (a locator wait: the pages' CSP forbids
    the eval a polled ``wait_for_function`` needs)."""
    playwright.expect(page.locator("#page-no")).to_have_text(str(number))


def shot(page: Any, name: str) -> None:
    page.evaluate("window.scrollTo(0, 0)")  # the sticky page viewer sits at the top
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)


def test_staff_upload_a_scan_and_see_it_read(site: Site) -> None:
    page = site.page("budi")
    assert page.url.endswith("/review/upload")
    page.set_input_files(
        "#upload-files",
        {"name": "pindaian.pdf", "mimeType": "application/pdf", "buffer": scanned_pdf(1, 150)},
    )
    page.click("button:has-text('Unggah')")
    assert "diterima" in page.inner_text(".results")
    # The job list refreshes itself until the scan is read (OCR) and filed.
    row = page.locator("#jobs tbody tr", has_text="pindaian.pdf").first
    row.locator("text=selesai").wait_for(timeout=120_000)
    assert re.search(r"#\d+", row.inner_text())
    shot(page, "upload")
    row.locator("a[href^='/review/agreements/']").first.click()
    page.wait_for_selector("#page-img")
    assert "Nota Kesepahaman" in page.inner_text("#f-doc_type")  # what OCR read
    assert "SIDOARJO" in page.inner_text("#f-parties").upper()
    # Out of the queue again, so the other flows open the two-page sample.
    scanned = int(page.url.rsplit("/", 1)[-1].split("?")[0])
    with client(site.base, add_key(site.settings, "reviewer")) as http:
        version = http.get(f"/api/v1/agreements/{scanned}").json()["version"]
        marked = http.post(
            f"/api/v1/agreements/{scanned}/reviewed", headers={"If-Match": f'"{version}"'}
        )
        assert marked.status_code == 200, marked.text
    page.context.close()


def test_reviewer_corrects_through_the_forms(site: Site) -> None:
    site.ensure_filed()
    page = site.page("rina")
    assert page.url.endswith("/review")
    shot(page, "queue")
    # The queue is lowest confidence first; the reviewer opens the first row.
    shown = page.eval_on_selector_all(
        "table.list tbody tr td:last-child", "cs => cs.map(c => c.textContent.trim())"
    )
    confidences = [float(c.replace(",", ".")) for c in shown if c != "—"]
    assert confidences == sorted(confidences)
    page.locator("table.list tbody tr a[href^='/review/agreements/']").nth(1).click()
    page.wait_for_selector("#page-img")
    agreement_url = page.url
    stale = site.page("tono")
    stale.goto(agreement_url)

    # Clicking a field shows the page its evidence is on, with its boxes in its colour.
    page.click("#f-signing_date .field-head .field-label")
    on_page(page, 2)
    box = page.locator(".box.active[data-field='signing_date']").first
    box.wait_for()
    colour = page.eval_on_selector(
        "#f-signing_date", "e => getComputedStyle(e).getPropertyValue('--c').trim()"
    )
    assert box.evaluate("e => e.style.getPropertyValue('--c').trim()") == colour
    assert "%" in (box.get_attribute("style") or "")
    page.click("#f-title a.hlm")
    on_page(page, 1)
    shot(page, "workbench")

    # The region picker: a province first, then its kabupaten/kota; institution
    # suggestions hold the registry's names and the region list's.
    assert page.input_value("#p0-prov") == "35" and page.input_value("#p0-region") == "35.15"
    page.select_option("#p0-prov", "32")
    assert "Kabupaten Sukabumi" in page.inner_text("#p0-region")
    assert "Kabupaten Sidoarjo" not in page.inner_text("#p0-region")
    page.select_option("#p0-prov", "35")
    page.select_option("#p0-region", "35.15")
    suggestions = page.eval_on_selector_all("#dl-institutions option", "os => os.map(o => o.value)")
    assert "Pemerintah Kabupaten Sukabumi" in suggestions
    assert "PEMERINTAH KOTA SURABAYA" in suggestions

    # A party and a date through the forms, plus a mistake: the other edits stay.
    page.fill("#p1-sign", "Dr. Tri Rismaharini, M.T.")
    page.fill("#in-signing_date", "2019-03-28")
    page.select_option("select[name=duration_unit]", "")
    page.fill("#reason", "dibaca dari salinan bertanda tangan")
    page.click("#save")
    assert "Pilih satuan" in page.inner_text("#f-duration .error")
    assert page.input_value("#p1-sign") == "Dr. Tri Rismaharini, M.T."
    assert page.input_value("#in-signing_date") == "2019-03-28"
    assert page.input_value("#reason") == "dibaca dari salinan bertanda tangan"
    shot(page, "workbench-error")
    page.select_option("select[name=duration_unit]", "tahun")
    page.click("#save")
    page.wait_for_selector(".history li")
    history = page.inner_text(".history")
    assert "Pihak Kedua: penandatangan" in history and "Dr. Tri Rismaharini, M.T." in history
    assert "Tanggal penandatanganan: 27 Maret 2019 → 28 Maret 2019" in history
    assert "WIB" in history and "rina" in history
    # The start date read as "from signing" follows the corrected signing date.
    assert page.input_value("#in-start_date") in ("", "2019-03-28")
    shot(page, "workbench-saved")

    # The second reviewer still has the old version: told so, with the edit kept.
    stale.fill("#in-signing_place", "Surabaya")
    stale.fill("#reason", "tempat menurut kop")
    stale.click("#save")
    assert "Orang lain mengubah" in stale.inner_text(".flash.error")
    assert stale.input_value("#in-signing_place") == "Surabaya"
    stale.context.close()
    page.context.close()


def test_duplicate_confirmed_on_the_compare_page(site: Site) -> None:
    site.ensure_filed()
    with client(site.base, site.staff_key) as http:
        sent = http.post(
            "/api/v1/uploads",
            files={"files": ("salinan.pdf", two_page_pdf("Salinan untuk arsip"))},
        ).json()
        job = wait_job(http, sent["items"][0]["job"]["id"])
    assert job["outcome"] == "duplicate_candidate", job
    copy, original = job["agreement_id"], job["duplicate_of"]
    page = site.page("rina")
    page.goto(f"/review/agreements/{copy}")
    page.click("a:has-text('Bandingkan')")
    page.wait_for_selector("table.diff")
    assert page.locator(".compare img.first-page").count() == 2
    assert page.evaluate(UNCOVERED) == []
    shot(page, "compare")
    page.set_viewport_size({"width": 400, "height": 800})
    assert page.evaluate(UNCOVERED) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 401
    shot(page, "compare-400")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.click("#confirm-duplicate")
    page.wait_for_url(re.compile(rf"/review/agreements/{original}$"))
    assert "Dikonfirmasi sebagai duplikat" in page.inner_text(".history")
    page.goto(f"/review/agreements/{copy}")
    assert page.url.endswith(f"/review/agreements/{original}?dari={copy}")
    assert "sudah digabung" in page.inner_text(".flash")
    page.context.close()


def test_viewer_sees_no_edit_controls(site: Site) -> None:
    site.ensure_filed()
    page = site.page("wati")
    page.locator("table.list tbody tr a[href^='/review/agreements/']").first.click()
    page.wait_for_selector("#page-img")
    for selector in ("#save", "#reason", "#mark-reviewed", "button[data-add]", "#f-title input"):
        assert page.locator(selector).count() == 0, selector
    shot(page, "viewer")
    page.context.close()


UNCOVERED = """() => {
  const bad = [];
  const controls = document.querySelectorAll(
    'main button, main a[href], main input:not([type=hidden]), main select, main textarea,'
    + ' header button, header a');
  for (const el of controls) {
    if (el.closest('template, datalist, details:not([open])')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    el.scrollIntoView({block: 'center', inline: 'center'});
    const r = el.getClientRects()[0];  // a link wrapped over lines: its first line
    if (!r || r.width === 0 || r.height === 0) continue;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!(hit === el || el.contains(hit) || (hit && hit.control === el))) {
      const what = (el.id || el.name || el.textContent || el.tagName).trim().slice(0, 40);
      bad.push(what + ' under ' + (hit ? hit.tagName + '.' + hit.className : 'nothing'));
    }
    if (r.right > document.documentElement.clientWidth + 1) {
      bad.push((el.id || el.tagName) + ' off the right edge');
    }
  }
  return bad;
}"""


@pytest.mark.parametrize("width,height", [(1366, 768), (400, 800)])
def test_every_control_is_clickable(site: Site, width: int, height: int) -> None:
    site.ensure_filed()
    page = site.page("rina", width, height)
    for path, name in (("/review?view=all", "list"), ("/review/upload", "upload")):
        page.goto(path)
        assert page.evaluate(UNCOVERED) == [], path
        shot(page, f"{name}-{width}")
    page.goto("/review?view=all")
    page.locator("table.list tbody tr a[href^='/review/agreements/']").first.click()
    page.wait_for_selector("#page-img")
    assert page.evaluate(UNCOVERED) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    shot(page, f"workbench-{width}")
    page.context.close()


def test_login_page_in_indonesian(site: Site) -> None:
    context = site.browser.new_context(base_url=site.base, viewport={"width": 400, "height": 800})
    page = context.new_page()
    page.goto("/review/login")
    assert page.inner_text("h1") == "Masuk"
    shot(page, "login")
    assert httpx.get(f"{site.base}/review/login").status_code == 200
    context.close()


def test_keyboard_shortcuts(site: Site) -> None:
    site.ensure_filed()
    with client(site.base, site.staff_key) as http:  # a second agreement to move on to
        sent = http.post(
            "/api/v1/uploads", files={"files": ("pintasan.pdf", two_page_pdf("Pintasan"))}
        ).json()
        wait_job(http, sent["items"][0]["job"]["id"])
    page = site.page("rina")
    page.locator("table.list tbody tr a[href^='/review/agreements/']").nth(1).click()
    page.wait_for_selector("#page-img")
    start = page.url
    page.locator("h1").click()  # nothing focused: letters are shortcuts
    page.keyboard.press("j")  # next field: the first
    page.wait_for_selector("#f-doc_type.selected")
    assert page.evaluate("document.activeElement.closest('.field').id") == "f-doc_type"
    page.keyboard.press("Alt+ArrowDown")  # inside an input: Alt+arrows move
    page.wait_for_selector("#f-title.selected")
    assert page.evaluate("document.activeElement.id") == "in-title"
    page.keyboard.press("Alt+ArrowUp")
    page.wait_for_selector("#f-doc_type.selected")
    page.keyboard.press("Escape")
    page.keyboard.press("n")  # next page
    on_page(page, 2)
    page.keyboard.press("p")
    on_page(page, 1)
    page.keyboard.press("k")  # previous field stays at the first
    page.wait_for_selector("#f-doc_type.selected")
    # Ctrl+S saves the form
    page.fill("#in-signing_place", "Sidoarjo, Jawa Timur")
    page.fill("#reason", "tempat lengkap")
    page.keyboard.press("Control+s")
    page.wait_for_selector(".history li:has-text('Sidoarjo, Jawa Timur')")
    assert page.url.split("?")[0] == start
    # Alt+→ opens the next agreement in the queue
    following = page.get_attribute("#next-agreement", "href")
    assert following
    page.keyboard.press("Alt+ArrowRight")
    page.wait_for_url(re.compile(re.escape(following) + "$"))
    page.context.close()


def test_learned_alias_shown_with_its_evidence_and_search_follows(site: Site) -> None:
    """A reviewer's fix of a jabatan is applied to the next filing, shown as learned with
    its own confidence; search finds the corrected number, not the one read before."""
    with client(site.base, site.staff_key) as http:
        sent = http.post(
            "/api/v1/uploads", files={"files": ("belajar-1.pdf", two_page_pdf("Belajar 1"))}
        ).json()
        first = int(wait_job(http, sent["items"][0]["job"]["id"])["agreement_id"])
    reviewer = add_key(site.settings, "reviewer")
    with client(site.base, reviewer) as http:
        view = http.get(f"/api/v1/agreements/{first}").json()
        parties = view["fields"]["parties"]["value"]
        parties[0]["title"] = "Bupati Sidoarjo periode 2016-2021"
        saved = http.patch(
            f"/api/v1/agreements/{first}",
            headers={"If-Match": f'"{view["version"]}"'},
            json={
                "changes": {
                    "parties": parties,
                    "numbers": ["119/123/404.1.1.3/2019", "77/BLJ/2019"],
                },
                "reason": "jabatan dan nomor dari salinan",
            },
        )
        assert saved.status_code == 200, saved.text
        correction = next(
            c["id"]
            for c in http.get(f"/api/v1/agreements/{first}/history").json()
            if c["field"] == "parties"
        )
    with client(site.base, site.staff_key) as http:
        sent = http.post(
            "/api/v1/uploads", files={"files": ("belajar-2.pdf", two_page_pdf("Belajar 2"))}
        ).json()
        second = int(wait_job(http, sent["items"][0]["job"]["id"])["agreement_id"])
    page = site.page("rina")
    page.goto(f"/review/agreements/{second}")
    assert page.input_value("#p0-title") == "Bupati Sidoarjo periode 2016-2021"
    learned = page.locator("#f-parties .evidence.learned").first
    assert f"dipelajari dari koreksi #{correction} (keyakinan 0,90)" in learned.inner_text()
    beside = page.locator("#p0-title + .learned-tag")  # and beside the value it put there
    assert f"dipelajari dari koreksi #{correction}" in beside.inner_text()
    shot(page, "workbench-learned")

    # The search box: the corrected number finds the agreement, the one read before does not.
    page.goto("/review?view=all")
    page.fill("#q", "77/BLJ/2019")
    page.press("#q", "Enter")
    page.wait_for_selector("p.count")
    rows = page.locator(f"table.list a[href='/review/agreements/{first}']")
    assert rows.count() > 0
    page.fill("#q", "415.4/77/436.1.2/2019")
    page.press("#q", "Enter")
    page.wait_for_selector("p.count")
    assert page.locator(f"table.list a[href='/review/agreements/{first}']").count() == 0
    assert page.locator(f"table.list a[href='/review/agreements/{second}']").count() > 0
    shot(page, "search")
    page.fill("#q", "Kab. Sidoar")
    page.press("#q", "Enter")
    page.wait_for_selector("p.count")
    assert page.locator(f"table.list a[href='/review/agreements/{first}']").count() > 0
    page.context.close()
