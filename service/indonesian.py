"""How people read dates, times and codes: the Indonesian way, in the deployment's zone.

Every page, report, history line and CLI message formats through here, so a
date never reaches a person as ``2026-12-01T02:32:00.123456+00:00`` and a
status never as ``needs_review``. API payloads keep ISO values and English
codes; only what a person reads is translated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from models import get_settings
from models.calendar_id import MONTHS, WEEKDAYS

_ZONE_NAMES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone() -> ZoneInfo:
    return _zone(get_settings().timezone)


def zone_label() -> str:
    name = get_settings().timezone
    return _ZONE_NAMES.get(name, name)


def _as_date(value: date | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def format_date(value: date | str | None, *, weekday: bool = False, empty: str = "—") -> str:
    """``1 Desember 2026`` (``Selasa, 1 Desember 2026`` with ``weekday``)."""
    day = _as_date(value)
    if day is None:
        return empty
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def local_time(value: datetime | str) -> datetime:
    """A stored timestamp (ISO, UTC when naive) in the deployment's zone."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone())


def format_datetime(value: datetime | str | None, *, empty: str = "—") -> str:
    """``1 Desember 2026 02.32 WIB``: minutes, no seconds, the Indonesian time separator."""
    if value is None or value == "":
        return empty
    moment = local_time(value)
    return f"{format_date(moment.date())} {moment.hour:02d}.{moment.minute:02d} {zone_label()}"


def format_number(value: int | float) -> str:
    """``1.614`` and ``0,83``: dot for thousands, comma for decimals."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".partition(".")
    return f"{whole.replace(',', '.')},{frac}"


STATUS_LABELS = {
    "needs_review": "Perlu ditinjau",
    "reviewed": "Sudah ditinjau",
    "merged": "Digabung",
}
DOC_TYPE_LABELS = {
    "NK": "Nota Kesepahaman",
    "PKS": "Perjanjian Kerja Sama",
    "ADENDUM": "Adendum",
}
LINK_KIND_LABELS = {
    "implements": "melaksanakan",
    "amends": "mengubah",
    "duplicate_candidate": "calon duplikat",
    "duplicate": "duplikat",
}
LINK_STATUS_LABELS = {
    "candidate": "menunggu keputusan",
    "confirmed": "dikonfirmasi",
    "rejected": "ditolak",
}
FIELD_LABELS = {
    "doc_type": "Jenis dokumen",
    "title": "Judul",
    "numbers": "Nomor",
    "parties": "Para pihak",
    "signing_date": "Tanggal penandatanganan",
    "signing_place": "Tempat penandatanganan",
    "duration": "Jangka waktu",
    "start_date": "Tanggal mulai",
    "start_date_source": "Asal tanggal mulai",
    "end_date": "Tanggal berakhir",
    "end_date_source": "Asal tanggal berakhir",
    "scope": "Ruang lingkup",
    "purpose": "Maksud dan tujuan",
    "parent_agreement": "Kesepakatan induk",
}
PARTY_FIELD_LABELS = {
    "institution": "instansi",
    "signatory": "penandatangan",
    "jabatan": "jabatan",
    "kind": "jenis pihak",
    "region_code": "kode wilayah",
    "region_name": "wilayah",
    "role": "kedudukan",
}
ORDINALS = ("Pertama", "Kedua", "Ketiga", "Keempat", "Kelima", "Keenam", "Ketujuh", "Kedelapan")


def party_label(index: int) -> str:
    """``Pihak Kedua`` for index 1 (0-based), ``Pihak ke-12`` past the words."""
    return f"Pihak {ORDINALS[index]}" if index < len(ORDINALS) else f"Pihak ke-{index + 1}"


def label(table: dict[str, str], code: str | None, empty: str = "—") -> str:
    """The Indonesian label of a code; an unknown code is shown as it is rather than hidden."""
    if code is None or code == "":
        return empty
    return table.get(code, code)


AGREEMENT_STATE_LABELS = {
    "signed": "Baru ditandatangani",
    "active": "Berlaku",
    "expiring": "Akan berakhir",
    "expired": "Sudah berakhir",
    "unknown_end": "Tanpa tanggal berakhir",
}
REPORT_STATUS_LABELS = {
    "none": "Belum disusun",
    "draft": "Disusun",
    "submitted": "Disampaikan",
    "accepted": "Diterima",
    "returned": "Dikembalikan",
}
REPORT_ACTION_LABELS = {
    "draft": "menyusun",
    "submit": "menyampaikan",
    "accept": "menerima",
    "return": "mengembalikan",
}
DEADLINE_STATUS_LABELS = {
    "on_time": "Tepat waktu",
    "late": "Terlambat",
    "pending": "Belum disampaikan",
    "overdue": "Belum disampaikan, lewat batas waktu",
}
BODY_LEVEL_LABELS = {
    "kementerian": "Kementerian",
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
}
PARTY_KIND_LABELS = {
    "kementerian": "Kementerian",
    "lembaga": "Lembaga",
    "pemprov": "Pemerintah provinsi",
    "pemkab": "Pemerintah kabupaten",
    "pemkot": "Pemerintah kota",
    "dprd": "DPRD",
    "universitas": "Perguruan tinggi",
    "bumn": "BUMN",
    "bumd": "BUMD",
    "swasta": "Swasta",
    "lainnya": "Lainnya",
}
EXPIRY_LIST_LABELS = {
    "expiring": "Akan berakhir",
    "lapsed": "Sudah berakhir, masih tercatat berlaku",
    "outlived": "NK berakhir lebih dulu dari PKS-nya",
    "orphan_pks": "PKS tanpa NK induk di registri",
    "no_end": "Tanpa tanggal berakhir",
}


def format_days(days: int) -> str:
    """``12 hari lagi``, ``hari ini``, ``terlambat 3 hari``: a deadline as a person reads it."""
    if days > 0:
        return f"{format_number(days)} hari lagi"
    if days == 0:
        return "hari ini"
    return f"terlambat {format_number(-days)} hari"


ROLE_LABELS = {
    "viewer": "pembaca",
    "staff": "staf arsip",
    "reviewer": "peninjau",
    "admin": "admin",
}
SOURCE_LABELS = {
    "stated": "tertulis di dokumen",
    "signing_date": "sejak penandatanganan",
    "computed": "dihitung dari jangka waktu",
}
JOB_STATUS_LABELS = {
    "queued": "menunggu",
    "running": "sedang dibaca",
    "done": "selesai",
    "failed": "gagal",
}
OUTCOME_LABELS = {
    "filed": "tercatat",
    "created": "tercatat sebagai perjanjian baru",
    "exact_duplicate": "berkas yang sama sudah ada",
    "near_duplicate": "calon duplikat",
    "duplicate_candidate": "tercatat, calon duplikat",
    "already_filed": "sudah ada di registri",
    "attached": "ditambahkan ke perjanjian",
}
ERROR_LABELS = {
    "unsupported_type": "Jenis berkas tidak didukung (kirim PDF, JPEG, PNG atau TIFF).",
    "empty_file": "Berkas kosong.",
    "corrupt_file": "Berkas rusak dan tidak dapat dibaca.",
    "encrypted_pdf": "PDF terkunci kata sandi.",
    "file_too_large": "Berkas melebihi batas ukuran.",
    "too_many_pages": "Halamannya terlalu banyak.",
    "image_too_large": "Gambarnya terlalu besar.",
    "ocr_timeout": "Pembacaan halaman melewati batas waktu.",
    "extraction_failed": "Isi berkas tidak dapat dibaca.",
    "invalid_input": "Isian tidak sah.",
    "forbidden": "Anda tidak berhak melakukan ini.",
    "not_found": "Tidak ditemukan.",
    "conflict": "Bertentangan dengan keadaan sekarang.",
    "precondition_failed": "Data sudah diubah orang lain.",
    "unauthorized": "Silakan masuk dulu.",
}
_REASONS = (
    (r"pages ([\d.]+)", "halaman sama {0}"),
    (r"text ([\d.]+)", "teks {0}"),
    (r"numbers ([\d.]+)", "nomor {0}"),
    (r"parties ([\d.]+)", "para pihak {0}"),
    (r"signing date differs: misread on one copy", "tanggal beda: salah baca di satu salinan"),
    (r"signing date same", "tanggal tanda tangan sama"),
    (r"signing date ([\d.]+)", "tanggal tanda tangan {0}"),
    (r"text of part of the agreement", "teks sebagian perjanjian"),
    (r"different type (.+)", "jenis berbeda {0}"),
    (r"different signing date", "tanggal tanda tangan berbeda"),
    (r"different numbers", "nomor berbeda"),
    (r"different parties", "para pihak berbeda"),
)  # fmt: skip


def translate_phrase(
    table: tuple[tuple[str, str], ...], text: str, group: Callable[[str], str] = str
) -> str:
    """A stable English phrase by the first pattern of ``table`` it matches whole, its
    groups passed through ``group``; a phrase no pattern knows is returned as it is."""
    for pattern, words in table:
        match = re.fullmatch(pattern, text.strip())
        if match:
            return words.format(*(group(g or "") for g in match.groups()))
    return text


def link_reason(text: str) -> str:
    """A duplicate/link reason (stored as a stable English phrase) as a reviewer reads it."""
    return translate_phrase(
        _REASONS, text, lambda g: g.replace(".", ",") if re.fullmatch(r"[\d.]+", g) else g
    )


def readable(name: str, value: object) -> str:
    """A contract field's value on one line as a person reads it (the CLI's table)."""
    if value is None or value == "" or value == []:
        return "—"
    if name in ("signing_date", "start_date", "end_date"):
        return format_date(str(value))
    if name == "doc_type":
        return label(DOC_TYPE_LABELS, str(value))
    if name.endswith("_source"):
        return label(SOURCE_LABELS, str(value))
    if isinstance(value, dict) and name == "duration":
        return f"{value.get('value')} {value.get('unit') or ''}".strip()
    if isinstance(value, list) and name == "parties":
        return "; ".join(_party_line(i, p) for i, p in enumerate(value) if isinstance(p, dict))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _party_line(index: int, party: dict[str, object]) -> str:
    kind = PARTY_KIND_LABELS.get(str(party.get("kind")), "") if party.get("kind") else ""
    about = ", ".join(str(x) for x in (kind, party.get("region_name")) if x)
    who = ", ".join(str(x) for x in (party.get("signatory"), party.get("title")) if x)
    line = f"{party_label(index)}: {party.get('institution') or '—'}"
    return line + (f" ({about})" if about else "") + (f" — {who}" if who else "")
