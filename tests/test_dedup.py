"""Near-duplicate detection: the scoring rules, and precision/recall on generated twins.

The agreements are generated (corpusgen) and filed with their true fields; a
twin is the same agreement read again with OCR-like confusions in its text,
numbers and names, and sometimes no date. The bench measures the same on real
scans and photos read by the real extractor (too slow for this test budget).
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from corpusgen import Sample
from models import Document, Extraction, Line, Page, Settings
from service import dedup, dedup_candidates
from service.registry import FileResult, Registry


def _profile(text: str, **values: object) -> dedup.Profile:
    base: dict[str, object] = {
        "doc_type": "PKS",
        "numbers": ["119/123/KDN/2019"],
        "parties": [
            {"institution": "Pemerintah Provinsi Jawa Timur", "region_code": "35"},
            {"institution": "Pemerintah Kabupaten Sidoarjo", "region_code": "35.15"},
        ],
        "signing_date": "2019-03-27",
    }
    base.update(values)
    return dedup.profile(base, dedup.fingerprint(text))


TEXT = (
    "PERJANJIAN KERJA SAMA ANTARA PEMERINTAH PROVINSI JAWA TIMUR DAN PEMERINTAH KABUPATEN "
    "SIDOARJO TENTANG PENGEMBANGAN PARIWISATA NOMOR 119/123/KDN/2019 Pada hari ini Rabu tanggal "
    "dua puluh tujuh bulan Maret tahun dua ribu sembilan belas bertempat di Surabaya kami yang "
    "bertanda tangan di bawah ini Gubernur Jawa Timur selanjutnya disebut PIHAK PERTAMA dan "
    "Bupati Sidoarjo selanjutnya disebut PIHAK KEDUA sepakat mengikatkan diri dalam perjanjian "
    "kerja sama pengembangan destinasi wisata dan promosi bersama."
)


def test_numbers_normalise_over_ocr_confusions() -> None:
    assert dedup.norm_number("119 / 123/KDN/2019") == dedup.norm_number("ll9/123/KDN/2OI9")
    assert dedup.norm_number("050/77/PKS/2020") != dedup.norm_number("050/78/PKS/2020")


def test_ocr_twin_is_a_candidate_with_reasons() -> None:
    noisy = TEXT.replace("l", "1").replace("Surabaya", "Surabaja").replace("rn", "m")
    score, reasons, duplicate = dedup.compare(
        _profile(noisy, numbers=["ll9/123/KDN/2Ol9"]), _profile(TEXT)
    )
    assert duplicate and score > 0.9
    assert reasons[:2] == ["text 0.97", "numbers 1.00"] or reasons[0].startswith("text 0.9")


def test_a_misread_date_on_a_near_identical_copy_still_matches() -> None:
    _s, reasons, duplicate = dedup.compare(
        _profile(TEXT, signing_date="2019-08-21"), _profile(TEXT)
    )
    assert duplicate, reasons


@pytest.mark.parametrize(
    ("change", "why"),
    [
        # number reuse: the province's number on an agreement with another counterpart
        (
            {
                "parties": [
                    {"institution": "Pemerintah Provinsi Jawa Timur", "region_code": "35"},
                    {"institution": "Universitas Airlangga"},
                ]
            },
            "different parties",
        ),
        ({"doc_type": "NK"}, "different type"),
        ({"signing_date": "2021-01-05"}, "different signing date"),
        ({"numbers": ["7/88/PKS/2019"]}, "different numbers"),
    ],
)
def test_the_same_text_frame_is_not_enough(change: dict[str, object], why: str) -> None:
    other = (
        TEXT.replace("PENGEMBANGAN PARIWISATA", "PENINGKATAN PRODUKSI PERTANIAN")
        .replace("Rabu tanggal dua puluh tujuh bulan Maret", "Senin tanggal lima bulan Januari")
        .replace("destinasi wisata dan promosi", "irigasi dan pupuk bersubsidi")
    )
    assert fuzz.ratio(dedup.fingerprint(other), dedup.fingerprint(TEXT)) / 100 > dedup.TEXT_MIN
    _s, reasons, duplicate = dedup.compare(_profile(other, **change), _profile(TEXT))
    assert not duplicate
    assert any(why in r for r in reasons), reasons


def test_blocking_keys_are_numbers_and_parties_per_year() -> None:
    keys = dedup_candidates.blocking_keys(_profile(TEXT))
    assert "n:119/123/KDN/2019" in keys
    assert "r:2019:35.15" in keys
    assert any(k.startswith("p:2019:") and "sidoarjo" in k for k in keys)
    assert not dedup_candidates.blocking_keys(
        _profile("", numbers=[], parties=[], signing_date=None)
    )


_CONFUSIONS = {"l": "1", "i": "l", "O": "0", "e": "c", "a": "o", "S": "5", "n": "m", ",": "."}


def _noisy(text: str, rng: random.Random, rate: float) -> str:
    return "".join(_CONFUSIONS.get(ch, ch) if rng.random() < rate else ch for ch in text)


def _filed(
    registry: Registry, sample: Sample, rng: random.Random | None, rate: float = 0.0
) -> FileResult:
    """File ``sample`` as read: its true fields, or (with ``rng``) a rescan of it
    whose text, numbers and names carry OCR-like confusions and whose date may be lost."""
    truth = sample.truth
    texts = list(truth["page_texts"])
    values = {k: v for k, v in truth.items() if k != "page_texts"}
    name = f"{sample.id}.pdf"
    if rng is not None:
        texts = [_noisy(t, rng, rate) for t in texts]
        values["numbers"] = [_noisy(n, rng, rate) for n in values["numbers"]]
        values["parties"] = [
            {**p, "institution": _noisy(p.get("institution") or "", rng, rate)}
            for p in values["parties"]
        ]
        if rng.random() < 0.25:
            values["signing_date"] = None
        name = f"{sample.id}.scan.pdf"
    data = "\f".join(texts).encode() + name.encode()
    sha = hashlib.sha256(data).hexdigest()
    document = Document(
        file=name, sha256=sha, mime="application/pdf", size=len(data),
        pages=[
            Page(number=i, width=595, height=842, method="ocr" if rng else "text",
                 lines=[Line(text=line) for line in text.splitlines()])
            for i, text in enumerate(texts, 1)
        ],
    )  # fmt: skip
    extraction = Extraction.model_validate(
        {**values, "file": name, "sha256": sha, "pages": len(texts), "ocr_pages": 0}
    )
    return registry.file_document(data, name, document, extraction)


def test_precision_and_recall_on_generated_twins(tmp_path: Path) -> None:
    from corpusgen.corpus import plan_samples

    samples = plan_samples(77, 40)  # NK->PKS pairs, addenda, a reused number: the traps
    rng = random.Random(3)
    doc_of: dict[int, str] = {}
    flagged: list[tuple[str, str | None]] = []
    twins = 0
    with Registry.open(Settings(data_dir=tmp_path / "data")) as registry:
        for i, sample in enumerate(samples):
            result = _filed(registry, sample, None)
            doc_of[result.agreement_id] = sample.id
            if result.outcome == "duplicate_candidate":
                flagged.append((sample.id, doc_of.get(result.duplicate_of or -1)))
            if i % 2 == 0:
                twins += 1
                again = _filed(registry, sample, rng, rate=0.02 if i % 4 else 0.05)
                doc_of[again.agreement_id] = sample.id
                if again.outcome == "duplicate_candidate":
                    flagged.append((sample.id, doc_of.get(again.duplicate_of or -1)))
        true_positive = sum(1 for source, target in flagged if source == target)
        precision = true_positive / len(flagged)
        recall = true_positive / twins
        assert precision >= 0.98 and recall >= 0.98, (flagged, twins)

        kinds = {"PKS": "implements", "ADENDUM": "amends"}
        truth = {(s.id, s.parent_id, kinds[s.doc_type]) for s in samples if s.parent_id}
        with registry.read() as conn:
            links = conn.execute(
                "SELECT from_agreement, to_agreement, kind FROM links "
                "WHERE kind IN ('implements', 'amends') AND status = 'confirmed'"
            ).fetchall()
        found = {(doc_of[a], doc_of[b], kind) for a, b, kind in links}
        assert {t[2] for t in truth} == {"implements", "amends"}
        assert truth <= found, truth - found
        assert found <= truth, found - truth


# ---------------------------------------------------------------- page-level match
# An image of one inner page carries no title block, numbers, parties or date:
# it is found by its page's rare words (FTS5) and matched page to page. Real
# PDFs and page images from corpusgen, read by the real extractor (Tesseract).


def _read(registry: Registry, data: bytes, name: str) -> FileResult:
    from extractor.pipeline import extract_file

    document, extraction = extract_file(data, name=name)
    return registry.file_document(data, name, document, extraction)


def _nk_and_two_pks() -> tuple[Sample, Sample, Sample]:
    """An NK and two PKS carrying it out: the same parties and signatories."""
    from corpusgen import generate_sample

    nk = generate_sample(20, doc_type="NK")
    return (
        nk,
        generate_sample(21, doc_type="PKS", parent=nk),
        generate_sample(22, doc_type="PKS", parent=nk),
    )


@pytest.mark.slow
def test_an_image_of_an_inner_page_is_a_candidate_duplicate_of_its_original(
    tmp_path: Path,
) -> None:
    from corpusgen import render_digital_pdf, render_image

    nk, pks, sibling = _nk_and_two_pks()
    inner = 3  # an article page: no title block, numbers, parties or date
    assert 1 < inner < len(pks.pages)
    with Registry.open(Settings(data_dir=tmp_path / "data")) as registry:
        ids = {
            s.id: _read(registry, render_digital_pdf(s), f"{s.id}.pdf").agreement_id
            for s in (nk, pks, sibling)
        }
        image = render_image(
            render_digital_pdf(pks), page=inner, fmt="jpeg", dpi=200, profile="photo", seed=4
        )
        result = _read(registry, image, f"{pks.id}.p{inner}.jpg")
    assert result.outcome == "duplicate_candidate", result
    assert result.duplicate_of == ids[pks.id]
    kind, value = result.reasons[0].split()
    assert kind == "pages" and float(value) >= dedup.PAGE_MIN, result.reasons


@pytest.mark.slow
def test_an_image_of_a_page_does_not_match_a_sibling_on_the_same_template(
    tmp_path: Path,
) -> None:
    """The NK's signature page reads like its PKS's (same parties, same
    signatories, same closing formula): with the NK itself absent it is a new
    agreement, not a copy of either PKS."""
    from corpusgen import render_digital_pdf, render_image

    nk, pks, sibling = _nk_and_two_pks()
    last = len(nk.pages)
    mine = dedup.norm_text(nk.truth["page_texts"][last - 1])
    theirs = dedup.norm_text(pks.truth["page_texts"][-1])
    assert fuzz.ratio(mine, theirs) > 85  # the trap: nearly the same page
    with Registry.open(Settings(data_dir=tmp_path / "data")) as registry:
        for s in (pks, sibling):
            _read(registry, render_digital_pdf(s), f"{s.id}.pdf")
        image = render_image(render_digital_pdf(nk), page=last, fmt="png", dpi=200, seed=5)
        result = _read(registry, image, f"{nk.id}.p{last}.png")
    assert result.outcome == "filed", result
    assert result.duplicate_of is None


def test_pages_read_in_another_order_align_page_to_page() -> None:
    pages = [dedup.norm_text(TEXT), dedup.norm_text(TEXT.upper().replace("PIHAK", "PARA"))]
    assert dedup.page_similarity(pages[::-1], pages) == 1.0
    assert dedup.page_similarity(["pasal 1"], pages) is None  # too short to identify anything


def test_a_page_match_excuses_a_misread_date_only_with_numbers_and_parties() -> None:
    """A photo read in another order: its opening is not the original's, its
    pages are, and its date was misread."""
    reordered = TEXT[len(TEXT) // 2 :] + " " + TEXT[: len(TEXT) // 2]
    photo = _profile(reordered, signing_date="2019-08-21")
    _s, reasons, duplicate = dedup.compare(photo, _profile(TEXT))
    assert not duplicate, reasons
    _s, reasons, duplicate = dedup.compare(photo, _profile(TEXT), pages=0.96)
    assert reasons[0] == "pages 0.96" and duplicate, reasons
    other = _profile(reordered, signing_date="2019-08-21", numbers=["050/78/PKS/2020"])
    _s, reasons, duplicate = dedup.compare(other, _profile(TEXT), pages=0.96)
    assert not duplicate and "different signing date" in reasons, reasons


def test_two_companies_on_one_schools_template_are_not_duplicates() -> None:
    school = {"institution": "SMK Negeri 2 Surabaya", "region_code": "35.78"}
    office = {"institution": "Dinas Pendidikan Provinsi Jawa Timur", "region_code": "35"}
    template = (
        "PERJANJIAN KERJA SAMA ANTARA SMK NEGERI 2 SURABAYA DAN {company} TENTANG PRAKTIK KERJA "
        "LAPANGAN PESERTA DIDIK Pada hari ini Senin tanggal dua bulan Januari tahun dua ribu dua "
        "puluh tiga bertempat di Surabaya kami yang bertanda tangan di bawah ini Kepala Sekolah "
        "selanjutnya disebut PIHAK PERTAMA dan Direktur {company} selanjutnya disebut PIHAK KEDUA "
        "sepakat menyelenggarakan praktik kerja lapangan bagi peserta didik sesuai kurikulum."
    )
    values: dict[str, object] = {"numbers": [], "signing_date": "2023-01-02"}
    one = _profile(
        template.format(company="PT MAJU JAYA ABADI"),
        parties=[school, office, {"institution": "PT Maju Jaya Abadi"}],
        **values,
    )
    two = _profile(
        template.format(company="CV SINAR TEKNIK"),
        parties=[school, office, {"institution": "CV Sinar Teknik"}],
        **values,
    )
    assert fuzz.ratio(one.fingerprint, two.fingerprint) / 100 > dedup.TEXT_SURE - 0.05
    _s, reasons, duplicate = dedup.compare(one, two)
    assert not duplicate
    assert "different institution among the parties" in reasons
    # the same agreement read again, a company name misread, is still one agreement
    misread = _profile(
        template.format(company="PT MAJU JAYA ABAD1"),
        parties=[school, office, {"institution": "PT Maju Jaya Abad1"}],
        **values,
    )
    _s, reasons, duplicate = dedup.compare(misread, one)
    assert duplicate, reasons
