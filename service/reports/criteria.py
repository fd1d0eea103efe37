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


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "prosedur",
        "Kesesuaian dengan prosedur baku dan prinsip etika",
        "conformity with standard procedure and ethical principles",
    ),
    Criterion(
        "transparansi",
        "Transparansi dan akuntabilitas proses",
        "transparency and accountability of the process",
    ),
    Criterion(
        "partisipasi",
        "Partisipasi pemangku kepentingan dan inklusivitas",
        "stakeholder participation and inclusiveness",
    ),
    Criterion(
        "relevansi",
        "Relevansi inisiatif terhadap kebutuhan",
        "relevance of the initiative to needs",
    ),
    Criterion(
        "tata_kelola",
        "Perencanaan tata kelola dan kejelasan tujuan",
        "governance planning and clarity of objectives",
    ),
    Criterion(
        "kualitas_hasil",
        "Kualitas keluaran dan keluasan hasil",
        "quality of outputs and breadth of outcomes",
    ),
    Criterion(
        "keberlanjutan",
        "Daya tahan dan prospek keberlanjutan",
        "durability and prospects of sustainability",
    ),
)

CRITERION_CODES: frozenset[str] = frozenset(c.code for c in CRITERIA)
SCORE_MIN, SCORE_MAX = 1, 5
