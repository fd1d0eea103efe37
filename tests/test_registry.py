"""The registry on a real SQLite file: filing, reading, search, filters, reviewing."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from test_registry_support import agreement_text, make_document, make_extraction

from models import Duration, NotFoundError, Settings
from models.errors import PreconditionFailedError, ValidationFailedError
from service.registry import AgreementQuery, Registry


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    reg = Registry.open(Settings(data_dir=tmp_path / "data"))
    yield reg  # type: ignore[misc]
    reg.close()


def _file(
    registry: Registry,
    *,
    number: str = "119/123/KDN/2019",
    title: str = "Pengembangan Pariwisata",
    first: str = "Pemerintah Provinsi Jawa Timur",
    second: str = "Pemerintah Kabupaten Sidoarjo",
    codes: tuple[str | None, str | None] = ("35", "35.15"),
    signed: dt.date = dt.date(2019, 3, 27),
    scope: list[str] | None = None,
    doc_type: str = "PKS",
    parent: str | None = None,
    name: str = "a.pdf",
    **extra: object,
) -> int:
    scope = scope or ["pariwisata"]
    pages = agreement_text(
        number=number,
        title=title,
        first=first,
        second=second,
        signed=signed,
        scope=scope,
        parent=parent,
    )
    data, document = make_document(pages, name=name)
    extraction = make_extraction(
        document,
        doc_type=doc_type,
        title=title,
        number=number,
        parties=((first, codes[0]), (second, codes[1])),
        signed=signed,
        scope=scope,
        parent=parent,
        **extra,  # type: ignore[arg-type]
    )
    return registry.file_document(data, name, document, extraction).agreement_id


def test_filing_keeps_original_bytes_pages_and_extraction(registry: Registry) -> None:
    pages = agreement_text(
        number="1/2/2020",
        title="Air Bersih",
        first="Kota Malang",
        second="Kabupaten Malang",
        signed=dt.date(2020, 1, 2),
        scope=["air bersih"],
    )
    data, document = make_document(pages)
    result = registry.file_document(data, "a.pdf", document, make_extraction(document))
    assert result.outcome == "filed"
    info, path = registry.get_file(result.sha256)
    assert path.read_bytes() == data
    assert not path.stat().st_mode & 0o222, "originals are stored read-only"
    assert (info.pages, info.ocr_pages, info.size) == (2, 0, len(data))
    assert "Pasal 2 Ruang Lingkup" in registry.page_text(result.sha256, 2)
    assert registry.pages(result.sha256)[0]["method"] == "text"
    view = registry.get_agreement(result.agreement_id)
    assert view.version == 1 and view.status == "needs_review"
    assert view.fields["numbers"].value == ["119/123/KDN/2019"]
    assert view.fields["title"].evidence[0].page == 1
    assert [f.sha256 for f in view.files] == [result.sha256]
    again = registry.file_document(data, "copy.pdf", document, make_extraction(document))
    assert again.outcome == "exact_duplicate" and again.agreement_id == result.agreement_id
    assert registry.stats()["files"] == 1
    with pytest.raises(NotFoundError):
        registry.get_agreement(999)
    with pytest.raises(NotFoundError):
        registry.page_text(result.sha256, 9)


def test_full_text_search_over_text_title_parties_and_scope(registry: Registry) -> None:
    tourism = _file(registry, title="Pengembangan Pariwisata", scope=["promosi wisata"])
    water = _file(
        registry,
        number="5/6/DPU/2021",
        title="Penyediaan Air Minum",
        first="Kota Malang",
        second="Kabupaten Malang",
        codes=("35.73", "35.07"),
        signed=dt.date(2021, 5, 1),
        scope=["jaringan perpipaan"],
        name="b.pdf",
    )

    def ids(q: str, where_in: str = "fields") -> set[int]:
        query = AgreementQuery(q=q, search_in=where_in)  # type: ignore[arg-type]
        return {item.id for item in registry.list_agreements(query).items}

    assert ids("pariwisata") == {tourism}
    assert ids("perpipaan") == {water}  # scope
    assert ids("Malang") == {water}  # party
    # page text only: searched apart from the current values
    assert ids("bermeterai") == set() and ids("bermeterai", "text") == {tourism, water}
    # user input is words, never FTS syntax: a stray quote is fine, OR is just a word
    assert ids('air "minum') == {water}
    assert ids("pariwisata OR perpipaan") == set()
    assert ids("tidakada") == set()
    assert ids('"') == set() and ids("--") == set()


def test_region_codes_nest(registry: Registry) -> None:
    sidoarjo = _file(registry, codes=("35.15", None))
    malang = _file(
        registry,
        number="5/6/DPU/2021",
        first="Kota Malang",
        second="Universitas Brawijaya",
        codes=("35.73", None),
        name="b.pdf",
    )
    bali = _file(
        registry,
        number="7/8/2021",
        first="Kabupaten Tabanan",
        second="Universitas Udayana",
        codes=("51.02", None),
        name="c.pdf",
    )

    def ids(code: str, scope: str | None = None) -> set[int]:
        page = registry.list_agreements(AgreementQuery(region_code=code), region_scope=scope)
        return {item.id for item in page.items}

    assert ids("35") == {sidoarjo, malang}
    assert ids("35.15") == {sidoarjo}
    assert ids("35.1") == set()
    assert ids("51") == {bali}
    assert {i.id for i in registry.review_queue(region_scope="35").items} == {sidoarjo, malang}
    assert ids("35", scope="51") == set()
    assert registry.list_agreements(AgreementQuery(), region_scope="51.02").total == 1


def test_filters_type_party_year_expiry_status(registry: Registry) -> None:
    today = dt.date.today()
    soon = _file(
        registry,
        signed=today - dt.timedelta(days=365),
        duration=Duration(value=1, unit="tahun"),
    )
    later = _file(
        registry,
        number="9/9/2022",
        first="Kota Surabaya",
        second="PT Bank Jatim",
        codes=("35.78", None),
        signed=dt.date(2022, 2, 1),
        doc_type="NK",
        duration=Duration(value=50, unit="tahun"),
        name="b.pdf",
    )
    view = registry.get_agreement(soon)
    assert view.fields["end_date"].value == (today - dt.timedelta(days=1)).isoformat() or (
        view.fields["end_date"].value is not None
    )

    def ids(**kw: object) -> set[int]:
        return {i.id for i in registry.list_agreements(AgreementQuery(**kw)).items}  # type: ignore[arg-type]

    assert ids(doc_type="NK") == {later}
    assert ids(party="bank jatim") == {later}
    assert ids(year=2022) == {later}
    assert ids(expires_within_days=60 * 365) == {later} | (
        {soon} if view.fields["end_date"].value >= today.isoformat() else set()
    )
    assert ids(expires_within_days=30, year=2022) == set()
    registry.mark_reviewed(later, user="rina")
    assert ids(status="reviewed") == {later}
    assert ids(status="needs_review") == {soon}
    page = registry.list_agreements(AgreementQuery(sort="-signing_date", limit=1))
    assert page.total == 2 and page.items[0].id == soon
    assert [s.id for s in registry.iter_agreements(AgreementQuery())] == [soon, later]


def test_expires_within_uses_computed_end_date(registry: Registry) -> None:
    today = dt.date.today()
    signed = dt.date(today.year - 2, today.month, 1)
    agreement = _file(registry, signed=signed, duration=Duration(value=2, unit="tahun"))
    end = dt.date.fromisoformat(registry.get_agreement(agreement).fields["end_date"].value)
    assert end == dt.date(signed.year + 2, signed.month, 1) - dt.timedelta(days=1)
    within = registry.list_agreements(AgreementQuery(expires_within_days=400)).total
    assert within == (1 if end >= today else 0)


def test_correction_wins_over_newer_extraction(registry: Registry) -> None:
    agreement = _file(registry, title="Pariwisata Salah Baca")
    view = registry.get_agreement(agreement)
    changed = registry.correct(
        agreement,
        {"title": "Pengembangan Pariwisata", "signing_date": "2019-03-28"},
        reason="read from the signed copy",
        user="rina",
        expected_version=view.version,
    )
    assert changed.version == view.version + 1
    assert changed.fields["title"].value == "Pengembangan Pariwisata"
    assert changed.fields["title"].source == "correction"
    assert changed.fields["title"].corrected_by == "rina"
    with pytest.raises(PreconditionFailedError):
        registry.correct(
            agreement, {"title": "x"}, reason="stale", user="budi", expected_version=view.version
        )
    sha = view.files[0].sha256
    newer = make_extraction(
        _document_of(registry, sha),
        title="Hasil Ekstraktor Baru",
        version="0.2.0",
        signed=dt.date(2019, 1, 1),
        scope=["baru"],
    )
    after = registry.reextract(agreement, newer)
    assert after.fields["title"].value == "Pengembangan Pariwisata"
    assert after.fields["signing_date"].value == "2019-03-28"
    assert after.fields["scope"].value == ["baru"]  # uncorrected fields follow the new extractor
    assert [e.extractor_version for e in registry.extractions(agreement)] == ["0.1.0", "0.2.0"]
    history = registry.history(agreement)
    assert [(c.field, c.old_value, c.new_value) for c in history] == [
        ("title", "Pariwisata Salah Baca", "Pengembangan Pariwisata"),
        ("signing_date", "2019-03-27", "2019-03-28"),
    ]
    assert all(c.reason == "read from the signed copy" and c.user == "rina" for c in history)
    assert registry.list_agreements(AgreementQuery(year=2019)).total == 1


def test_corrections_are_validated_and_never_rewritten(registry: Registry, tmp_path: Path) -> None:
    agreement = _file(registry)
    version = registry.get_agreement(agreement).version
    for bad in ({"signing_date": "kemarin"}, {"doc_type": "MOU"}, {"nope": 1}):
        with pytest.raises(ValidationFailedError):
            registry.correct(agreement, bad, reason="x", user="u", expected_version=version)
    with pytest.raises(ValidationFailedError):
        registry.correct(agreement, {"title": "T"}, reason=" ", user="u", expected_version=version)
    view = registry.correct(
        agreement,
        {"duration": {"value": 3, "unit": "tahun"}, "parties": [{"institution": "Kota Batu"}]},
        reason="typo",
        user="u",
        expected_version=version,
    )
    assert view.fields["duration"].value == {"value": 3, "unit": "tahun"}
    assert view.fields["end_date"].value == "2022-03-26"  # computed from the corrected duration
    conn = sqlite3.connect(tmp_path / "data" / "registry.db")
    with pytest.raises(sqlite3.DatabaseError, match="audit trail"):
        conn.execute("UPDATE corrections SET new_value = '1'")
    with pytest.raises(sqlite3.DatabaseError, match="audit trail"):
        conn.execute("DELETE FROM corrections")
    conn.close()


def test_pks_links_to_its_nk_in_either_order(registry: Registry) -> None:
    pks = _file(
        registry,
        number="050/77/PKS/2020",
        doc_type="PKS",
        parent="119/KB/2019",
        signed=dt.date(2020, 2, 2),
    )
    nk = _file(
        registry,
        number="119/KB/2019",
        doc_type="NK",
        title="Kerja Sama Daerah",
        name="nk.pdf",
        scope=["umum"],
    )
    pks2 = _file(
        registry,
        number="050/78/PKS/2020",
        doc_type="PKS",
        parent="119 / KB / 2019",
        title="Jalan",
        scope=["jalan"],
        name="pks2.pdf",
        signed=dt.date(2020, 3, 3),
    )
    addendum = _file(
        registry,
        number="050/99/ADD/2021",
        doc_type="ADENDUM",
        parent="050/77/PKS/2020",
        title="Adendum",
        name="add.pdf",
        signed=dt.date(2021, 1, 5),
        scope=["perubahan"],
    )
    links = {
        (lk.kind, lk.from_agreement, lk.to_agreement, lk.status)
        for lk in registry.get_agreement(nk).links
    }
    assert links == {("implements", pks, nk, "confirmed"), ("implements", pks2, nk, "confirmed")}
    assert [(lk.kind, lk.to_agreement) for lk in registry.get_agreement(addendum).links] == [
        ("amends", pks)
    ]


def test_number_reuse_gives_candidates_not_a_confirmed_link(registry: Registry) -> None:
    nk_a = _file(
        registry,
        number="100/KB/2019",
        doc_type="NK",
        first="Kota Batu",
        second="Universitas Brawijaya",
        codes=("35.79", None),
        scope=["pendidikan"],
    )
    nk_b = _file(
        registry,
        number="100/KB/2019",
        doc_type="NK",
        first="Kota Batu",
        second="PT Jasa Tirta",
        codes=("35.79", None),
        scope=["air"],
        name="b.pdf",
        title="Pengelolaan Sumber Air",
    )
    assert registry.get_agreement(nk_b).links == [], "the same number alone is no duplicate"
    pks = _file(
        registry,
        number="7/PKS/2020",
        parent="100/KB/2019",
        name="p.pdf",
        signed=dt.date(2020, 1, 1),
    )
    links = registry.get_agreement(pks).links
    assert {(lk.to_agreement, lk.status) for lk in links} == {
        (nk_a, "candidate"),
        (nk_b, "candidate"),
    }
    confirmed = registry.resolve_link(links[0].id, confirm=True, user="rina")
    assert confirmed.status == "confirmed"


def test_reviewer_changing_the_parent_moves_the_link(registry: Registry) -> None:
    nk_a = _file(registry, number="1/KB/2019", doc_type="NK", title="A", scope=["a"])
    nk_b = _file(
        registry,
        number="2/KB/2019",
        doc_type="NK",
        title="B",
        scope=["b"],
        name="b.pdf",
        first="Kota Batu",
        codes=("35.79", None),
    )
    pks = _file(
        registry, number="3/PKS/2020", parent="1/KB/2019", name="p.pdf", signed=dt.date(2020, 1, 1)
    )
    view = registry.correct(
        pks, {"parent_agreement": "2/KB/2019"}, reason="misread", user="rina", expected_version=1
    )
    assert {(lk.to_agreement, lk.status) for lk in view.links} == {
        (nk_a, "rejected"),
        (nk_b, "confirmed"),
    }


def test_confirming_a_duplicate_merges_without_deleting(registry: Registry) -> None:
    original = _file(registry)
    pages = agreement_text(
        number="119/123/KDN/2019",
        title="Pengembangan Pariwisata",
        first="Pemerintah Provinsi Jawa Timur",
        second="Pemerintah Kabupaten Sidoarjo",
        signed=dt.date(2019, 3, 27),
        scope=["pariwisata"],
    )
    noisy = [p.replace("Surabaya", "Surabaja").replace("PIHAK", "PlHAK") for p in pages]
    data, document = make_document(noisy, name="scan.pdf", method="ocr")
    result = registry.file_document(data, "scan.pdf", document, make_extraction(document))
    assert result.outcome == "duplicate_candidate" and result.duplicate_of == original
    assert result.score is not None and result.score > 0.9 and result.reasons
    link = registry.pending_duplicates()[0]
    assert (link.from_agreement, link.to_agreement) == (result.agreement_id, original)
    merged = registry.resolve_link(link.id, confirm=True, user="rina")
    assert (merged.kind, merged.status) == ("duplicate", "confirmed")
    view = registry.get_agreement(original)
    assert len(view.files) == 2
    copy = registry.get_agreement(result.agreement_id)
    assert copy.status == "merged" and copy.files == []
    assert len(registry.extractions(result.agreement_id)) == 1
    assert registry.stats()["agreements"] == 1 and registry.stats()["files"] == 2
    in_text = AgreementQuery(q="Surabaja", search_in="text")  # the merged copy's page text
    assert registry.list_agreements(in_text).items[0].id == original
    # a third copy now matches the merged agreement
    third = [p.replace("bermeterai", "bermaterai") for p in pages]
    data3, doc3 = make_document(third, name="photo.jpg", method="ocr")
    again = registry.file_document(data3, "photo.jpg", doc3, make_extraction(doc3))
    assert again.duplicate_of == original
    rejected = registry.resolve_link(registry.pending_duplicates()[0].id, confirm=False, user="r")
    assert rejected.status == "rejected"
    assert registry.get_agreement(again.agreement_id).status == "needs_review"


def test_a_failure_mid_filing_leaves_nothing_behind(registry: Registry, tmp_path: Path) -> None:
    _file(registry, number="1/KB/2019", doc_type="NK", title="A")
    conn = sqlite3.connect(tmp_path / "data" / "registry.db")
    conn.execute(
        "CREATE TRIGGER boom BEFORE INSERT ON links BEGIN SELECT RAISE(ABORT, 'boom'); END"
    )
    conn.commit()
    before = registry.stats()
    with pytest.raises(sqlite3.DatabaseError, match="boom"):
        _file(registry, number="2/PKS/2020", parent="1/KB/2019", name="p.pdf")
    assert registry.stats() == before
    assert conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == before["pages"]
    conn.execute("DROP TRIGGER boom")
    conn.commit()
    conn.close()
    _file(registry, number="2/PKS/2020", parent="1/KB/2019", name="p.pdf")
    assert registry.stats()["files"] == before["files"] + 1


def test_failures_are_remembered_until_filed(registry: Registry) -> None:
    registry.record_failure("ab" * 32, "bad.pdf", "corrupt_file", "not a PDF")
    registry.record_failure("ab" * 32, "bad.pdf", "corrupt_file", "not a PDF")
    failure = registry.failure("ab" * 32)
    assert failure is not None and failure["attempts"] == 2
    assert registry.stats()["failures"] == 1


def test_threads_file_concurrently(registry: Registry) -> None:
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            _file(
                registry,
                number=f"{i}/T/{2000 + i}",
                title=f"Topik {i} khusus",
                first=f"Kota Nomor {i}",
                codes=(None, None),
                name=f"{i}.pdf",
                signed=dt.date(2000 + i, 1, 1),
                scope=[f"lingkup {i}"],
            )
            registry.list_agreements(AgreementQuery(q="khusus"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert registry.stats()["agreements"] == 8
    assert registry.list_agreements(AgreementQuery(q="khusus")).total == 8


def _document_of(registry: Registry, sha: str):  # type: ignore[no-untyped-def]
    from models import Document, Line, Page

    pages = registry.pages(sha)
    return Document(
        file="x.pdf",
        sha256=sha,
        mime="application/pdf",
        size=1,
        pages=[
            Page(
                number=p["number"],
                width=1,
                height=1,
                method=p["method"],
                lines=[Line(text=p["text"])],
            )
            for p in pages
        ],
    )
