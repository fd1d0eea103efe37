"""The seven evaluation criteria for kerja sama daerah.

Kept as data (code, Indonesian label, English gloss) so the API, the review
pages and the XLSX report all show the same wording, and a score sheet can be
validated against the exact set of codes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    code: str
    label: str
    gloss: str
    levels: tuple[str, str, str] = ("", "", "")
    """What a score of 1, 3 and 5 means, in the words a reviewer scores by."""

    def scale(self) -> dict[int, str]:
        return dict(zip((1, 3, 5), self.levels, strict=True))


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "prosedur",
        "Kesesuaian dengan prosedur baku dan prinsip etika",
        "conformity with standard procedure and ethical principles",
        (
            "Tahapan baku (KSD) tidak diikuti atau tidak terdokumentasi",
            "Sebagian besar tahapan diikuti, beberapa dokumen kurang",
            "Seluruh tahapan diikuti, terdokumentasi, tanpa benturan kepentingan",
        ),
    ),
    Criterion(
        "transparansi",
        "Transparansi dan akuntabilitas proses",
        "transparency and accountability of the process",
        (
            "Proses dan hasil tidak dapat diketahui publik atau DPRD",
            "Informasi pokok tersedia, pertanggungjawaban belum rutin",
            "Proses terbuka, laporan rutin dan dapat dipertanggungjawabkan",
        ),
    ),
    Criterion(
        "partisipasi",
        "Partisipasi pemangku kepentingan dan inklusivitas",
        "stakeholder participation and inclusiveness",
        (
            "Pemangku kepentingan tidak dilibatkan",
            "Dilibatkan pada sebagian tahapan",
            "Dilibatkan sejak perencanaan, termasuk kelompok rentan",
        ),
    ),
    Criterion(
        "relevansi",
        "Relevansi inisiatif terhadap kebutuhan",
        "relevance of the initiative to needs",
        (
            "Tidak menjawab kebutuhan daerah yang nyata",
            "Menjawab sebagian kebutuhan, selaras sebagian dengan RPJMD",
            "Menjawab kebutuhan prioritas dan selaras dengan RPJMD",
        ),
    ),
    Criterion(
        "tata_kelola",
        "Perencanaan tata kelola dan kejelasan tujuan",
        "governance planning and clarity of objectives",
        (
            "Tujuan, pembagian peran dan rencana kerja tidak jelas",
            "Tujuan jelas, rencana kerja dan tim belum lengkap",
            "Tujuan terukur, rencana kerja, anggaran dan tim jelas",
        ),
    ),
    Criterion(
        "kualitas_hasil",
        "Kualitas keluaran dan keluasan hasil",
        "quality of outputs and breadth of outcomes",
        (
            "Keluaran yang dijanjikan tidak tercapai",
            "Sebagian keluaran tercapai, manfaat terbatas",
            "Keluaran tercapai atau terlampaui, manfaat luas",
        ),
    ),
    Criterion(
        "keberlanjutan",
        "Daya tahan dan prospek keberlanjutan",
        "durability and prospects of sustainability",
        (
            "Berhenti bila kerja sama berakhir",
            "Sebagian kegiatan dapat berlanjut dengan dukungan",
            "Dilembagakan dan berlanjut dengan sumber daya sendiri",
        ),
    ),
)

CRITERION_CODES: frozenset[str] = frozenset(c.code for c in CRITERIA)
SCORE_MIN, SCORE_MAX = 1, 5
