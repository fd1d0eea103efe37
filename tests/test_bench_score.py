"""The benchmark's scorer must be right before any figure it prints means anything."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from bench import baseline
from bench.samples import load_manifest, visible_truth
from bench.score import (
    FIELD_NAMES,
    aggregate,
    name_match,
    numbers_score,
    parent_match,
    purpose_match,
    scope_score,
    score_document,
    truth_as_extraction,
)
from models import Document, Extraction, Line, Page

PAGE_1 = """PEMERINTAH KABUPATEN SIDOARJO
NOTA KESEPAHAMAN
ANTARA
PEMERINTAH KABUPATEN SIDOARJO
DAN
UNIVERSITAS AIRLANGGA
TENTANG
PENGEMBANGAN SUMBER DAYA MANUSIA DAN PENELITIAN TERAPAN
Nomor: 415.4/2.107/436.1.2/2019
Nomor: 119/UN3/KS/2019
Pada hari ini Rabu tanggal dua puluh tujuh bulan Maret tahun dua ribu sembilan belas,
bertempat di Sidoarjo, kami yang bertanda tangan di bawah ini:
1. H. Saiful Ilah, S.H., M.Hum. : Bupati Sidoarjo, dalam hal ini bertindak untuk dan atas
nama Pemerintah Kabupaten Sidoarjo, selanjutnya disebut PIHAK PERTAMA.
2. Prof. Dr. Mohammad Nasih, S.E., M.T., Ak. : Rektor Universitas Airlangga, selanjutnya
disebut PIHAK KEDUA."""

PAGE_2 = """Pasal 1 Maksud dan Tujuan
Maksud Nota Kesepahaman ini adalah sebagai landasan kerja sama dalam pengembangan sumber
daya manusia aparatur dan penelitian terapan di Kabupaten Sidoarjo.
Pasal 2 Ruang Lingkup
a. pendidikan dan pelatihan aparatur sipil negara;
b. penelitian dan pengkajian kebijakan daerah;
c. pengabdian kepada masyarakat; dan
d. pertukaran data dan informasi.
Pasal 3 Jangka Waktu
Nota Kesepahaman ini berlaku selama 5 (lima) tahun terhitung sejak tanggal ditandatangani."""

PAGE_3 = """Sidoarjo, 27 Maret 2019
PIHAK KEDUA PIHAK PERTAMA
Prof. Dr. Mohammad Nasih, S.E., M.T., Ak. H. Saiful Ilah, S.H., M.Hum."""


def make_truth() -> dict[str, Any]:
    return {
        "doc_type": "NK",
        "title": "NOTA KESEPAHAMAN ANTARA PEMERINTAH KABUPATEN SIDOARJO DAN UNIVERSITAS "
        "AIRLANGGA TENTANG PENGEMBANGAN SUMBER DAYA MANUSIA DAN PENELITIAN TERAPAN",
        "numbers": ["415.4/2.107/436.1.2/2019", "119/UN3/KS/2019"],
        "parties": [
            {
                "role": "PIHAK PERTAMA",
                "institution": "Pemerintah Kabupaten Sidoarjo",
                "kind": "pemkab",
                "region_code": "35.15",
                "signatory": "H. Saiful Ilah, S.H., M.Hum.",
                "title": "Bupati Sidoarjo",
            },
            {
                "role": "PIHAK KEDUA",
                "institution": "Universitas Airlangga",
                "kind": "universitas",
                "region_code": None,
                "signatory": "Prof. Dr. Mohammad Nasih, S.E., M.T., Ak.",
                "title": "Rektor Universitas Airlangga",
            },
        ],
        "signing_date": "2019-03-27",
        "signing_place": "Sidoarjo",
        "duration": {"value": 5, "unit": "tahun"},
        "start_date": None,
        "end_date": None,
        "scope": [
            "pendidikan dan pelatihan aparatur sipil negara",
            "penelitian dan pengkajian kebijakan daerah",
            "pengabdian kepada masyarakat",
            "pertukaran data dan informasi",
        ],
        "purpose": "Maksud Nota Kesepahaman ini adalah sebagai landasan kerja sama dalam "
        "pengembangan sumber daya manusia aparatur dan penelitian terapan di Kabupaten Sidoarjo.",
        "parent_agreement": None,
        "page_texts": [PAGE_1, PAGE_2, PAGE_3],
    }


def test_truth_against_itself_scores_one_everywhere() -> None:
    truth = make_truth()
    scores = score_document(truth_as_extraction(truth), truth)
    assert set(FIELD_NAMES) <= set(scores)
    assert {"parties.institution", "parties.kind", "parties.region_code"} <= set(scores)
    assert all(value == 1.0 for value in scores.values()), scores


def test_perturbed_copy_scores_lower_on_exactly_the_perturbed_fields() -> None:
    truth = make_truth()
    wrong = copy.deepcopy(truth)
    wrong["signing_date"] = "2019-03-28"
    wrong["numbers"] = wrong["numbers"][:1]
    wrong["parties"][1]["signatory"] = "Prof. Dr. Muhammad Nuh, DEA"
    scores = score_document(truth_as_extraction(wrong), truth)
    lower = {key for key, value in scores.items() if value < 1.0}
    assert lower == {"signing_date", "numbers", "parties", "parties.signatory"}
    assert scores["numbers"] == 0.5
    assert scores["parties.signatory"] == 0.5
    assert scores["parties"] == pytest.approx(1 - 0.5 / 5)


def test_ocr_noise_within_the_thresholds_still_matches() -> None:
    truth = make_truth()
    noisy = copy.deepcopy(truth)
    noisy["title"] = truth["title"].replace("KESEPAHAMAN", "KESEPAHAMAM").replace("I", "1", 2)
    noisy["parties"][0]["signatory"] = "H. Saiful llah, S.H., M.Hum"
    noisy["parties"][1]["institution"] = "Universitas Air1angga"
    noisy["parties"][1]["title"] = "Rektor Universitas Airlangga,"
    noisy["scope"] = [
        "pendidikan dan pelatihan aparatur sipil negara,",
        "penelitian dan pengkajian kebijakan dacrah",
        "pengabdian kepada masyarakat; dan",
        "pertukaran data dan inforrnasi",
    ]
    noisy["purpose"] = truth["purpose"].replace("landasan", "1andasan") + " Tujuan: sinergi."
    scores = score_document(truth_as_extraction(noisy), truth)
    assert all(value == 1.0 for value in scores.values()), scores


def test_names_use_token_sort_so_a_truncated_title_does_not_match() -> None:
    truth = make_truth()["title"]
    assert name_match("NOTA KESEPAHAMAN", truth) == 0.0
    assert name_match("Universitas", "Universitas Airlangga") == 0.0
    assert name_match(None, "") == 1.0
    assert name_match("Sidoarjo", None) == 0.0


def test_numbers_are_a_multiset_with_partial_credit() -> None:
    truth = ["445/23/UN48/2021", "119/123/KDN/2019"]
    assert numbers_score(["119/123/KDN/2019", "445/ 23/UN48/2021"], truth) == 1.0
    assert numbers_score(["119/123/KDN/2019"], truth) == 0.5
    assert numbers_score([*truth, "131.32-5850"], truth) == pytest.approx(2 / 3)
    assert numbers_score(["119/123/KDN/2O19"], ["119/123/KDN/2019"]) == 0.0
    assert numbers_score([], []) == 1.0


def test_scope_is_f1_of_one_to_one_matches() -> None:
    truth = ["pendidikan", "penelitian terapan", "pengabdian kepada masyarakat"]
    assert scope_score(truth[:2], truth) == pytest.approx(0.8)
    assert scope_score([truth[0], truth[0], truth[0]], truth) == pytest.approx(1 / 3)
    assert scope_score([], truth) == 0.0
    assert scope_score([], []) == 1.0


def test_purpose_accepts_a_short_quote_of_a_longer_extraction_but_not_one_word() -> None:
    label = "landasan kerja sama pengembangan sumber daya manusia"
    extracted = make_truth()["purpose"]
    assert purpose_match(extracted, label) == 1.0
    assert purpose_match("sumber", label) == 0.0
    assert purpose_match("pengembangan pariwisata dan promosi budaya daerah", label) == 0.0


def test_parent_agreement_matches_by_number_or_title() -> None:
    truth = "Nota Kesepahaman Nomor 06/MoU/Ekbang&KD/2018 tentang Kerja Sama Antar Daerah"
    assert parent_match("Nomor: 06/MoU/Ekbang&KD/2018", truth) == 1.0
    assert parent_match("Nota Kesepahaman tentang Kerja Sama Antar Daerah", truth) == 1.0
    assert parent_match("Nomor: 07/MoU/Ekbang&KD/2018", truth) == 0.0
    assert parent_match(None, truth) == 0.0


def test_computed_dates_count_as_null() -> None:
    truth = make_truth()
    pred = truth_as_extraction(truth)
    pred.end_date = pred.signing_date
    pred.end_date_source = "computed"
    pred.start_date = pred.signing_date
    pred.start_date_source = "signing_date"
    scores = score_document(pred, truth)
    assert scores["end_date"] == 1.0 and scores["start_date"] == 1.0
    pred.end_date_source = "stated"
    assert score_document(pred, truth)["end_date"] == 0.0


def test_addendum_counts_as_pks_for_real_labels_only() -> None:
    truth = {**make_truth(), "doc_type": "PKS"}
    pred = truth_as_extraction({**truth, "doc_type": "ADENDUM"})
    assert score_document(pred, truth, real=True)["doc_type"] == 1.0
    assert score_document(pred, truth)["doc_type"] == 0.0


def test_parties_align_by_role_and_only_score_the_keys_the_truth_has() -> None:
    truth = make_truth()
    for party in truth["parties"]:
        del party["kind"], party["region_code"]
    pred = truth_as_extraction(truth)
    pred.parties.reverse()
    scores = score_document(pred, truth)
    assert scores["parties"] == 1.0
    assert "parties.kind" not in scores
    pred.parties = pred.parties[:1]
    assert score_document(pred, truth)["parties.institution"] == 0.5


def test_one_page_image_scores_only_what_that_page_shows() -> None:
    truth = make_truth()
    first, fields = visible_truth(truth, [1])
    assert {"doc_type", "title", "numbers", "parties", "signing_place"} <= set(fields)
    assert "signing_date" in fields  # "dua puluh tujuh ... Maret ... dua ribu sembilan belas"
    assert {"scope", "duration", "purpose"}.isdisjoint(fields)
    assert "parent_agreement" in fields and "start_date" in fields  # null truth: always
    assert first["numbers"] == truth["numbers"]

    second, fields = visible_truth(truth, [2])
    assert {"scope", "duration", "purpose"} <= set(fields)
    assert {"title", "signing_date", "doc_type", "numbers"}.isdisjoint(fields)
    assert second["scope"] == truth["scope"]

    last, fields = visible_truth(truth, [3])
    assert "signing_date" in fields  # "27 Maret 2019" above the signatures
    assert [p["institution"] for p in last["parties"]] == [None, None]
    assert [p["signatory"] for p in last["parties"]] == [
        "H. Saiful Ilah, S.H., M.Hum.",
        "Prof. Dr. Mohammad Nasih, S.E., M.T., Ak.",
    ]
    pred = truth_as_extraction(truth)
    scores = score_document(pred, last, fields=fields)
    assert scores["parties.signatory"] == 1.0 and scores["parties.institution"] == 0.0


def _document(pages: list[str]) -> Document:
    return Document(
        file="a.pdf",
        sha256="1" * 64,
        mime="application/pdf",
        size=1,
        pages=[
            Page(
                number=i + 1,
                width=595,
                height=842,
                method="text",
                lines=[Line(text=t) for t in text.splitlines()],
            )
            for i, text in enumerate(pages)
        ],
    )


def test_baseline_reads_what_a_generic_tool_reads() -> None:
    truth = make_truth()
    document = _document([PAGE_1, PAGE_2, PAGE_3])
    guess = baseline.extract(document)
    assert guess.doc_type == "NK"
    assert guess.numbers == truth["numbers"]
    # the spelled-out opening date is invisible to it; it finds the one above the signatures
    assert str(guess.signing_date) == "2019-03-27"
    scores = score_document(guess, truth)
    assert scores["title"] == 0.0 and scores["parent_agreement"] == 1.0
    early = baseline.extract(_document(["Keputusan tanggal 5 September 2018\n" + PAGE_1]))
    assert score_document(early, truth)["signing_date"] == 0.0


def test_aggregate_means_per_field_and_overall() -> None:
    docs = [{"doc_type": 1.0, "numbers": 0.5}, {"doc_type": 0.0}]
    figures = aggregate(docs)
    assert figures["doc_type"] == {"accuracy": 0.5, "n": 2.0}
    assert figures["numbers"] == {"accuracy": 0.5, "n": 1.0}
    assert figures["mean"]["accuracy"] == 0.5


def test_manifest_samples_carry_kind_split_and_page_restriction(tmp_path: Path) -> None:
    truth = make_truth()
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "nk-1.json").write_text(json.dumps(truth))
    manifest = {
        "documents": [
            {
                "id": "nk-1",
                "family": "kabupaten-a",
                "held_out": True,
                "doc_type": "NK",
                "truth": "truth/nk-1.json",
                "parent_id": None,
                "files": [
                    {"path": "nk-1.pdf", "kind": "digital"},
                    {"path": "nk-1-p2.jpg", "kind": "image", "pages": [2]},
                ],
            }
        ]
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    whole, image = load_manifest(tmp_path, "committed")
    assert (whole.kind, whole.split, whole.fields) == ("digital", "held-out", list(FIELD_NAMES))
    assert image.kind == "image" and "scope" in image.fields and "title" not in image.fields
    assert isinstance(truth_as_extraction(image.truth), Extraction)


def test_ingest_reads_a_real_pdf_in_a_worker_and_then_from_the_cache(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from rich.console import Console

    from bench.runner import ingest_all
    from bench.samples import Sample

    pdf = tmp_path / "nk.pdf"
    page = canvas.Canvas(str(pdf), pagesize=A4)
    for i, line in enumerate(PAGE_1.splitlines()):
        page.drawString(60, 780 - 14 * i, line)
    page.save()
    sample = Sample("committed", "nk-1", pdf, "digital", "f", False, make_truth())
    console = Console(file=io.StringIO())
    cache, log = tmp_path / "cache", tmp_path / "ingest.log"
    (first,), _ = ingest_all([sample], workers=1, cache_dir=cache, console=console, log_path=log)
    assert first.error is None and first.document is not None and not first.cached
    assert "Nomor: 119/UN3/KS/2019" in first.document.text
    (again,), _ = ingest_all([sample], workers=1, cache_dir=cache, console=console, log_path=log)
    assert again.cached and again.document == first.document
    assert len(list(cache.glob("*.json"))) == 1
    assert again.rasters is not None  # page images beside it, for the second look
