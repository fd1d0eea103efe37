"""The registry: SQLite (WAL) plus a content-addressed store of the original files.

``from service.registry import Registry``; the records it returns are in
``service.registry.records`` (the contract with the API).
"""

from service.registry.records import (
    AgreementPage,
    AgreementQuery,
    AgreementSummary,
    AgreementView,
    Correction,
    FieldValue,
    FileInfo,
    FileResult,
    Link,
)
from service.registry.registry import Registry

__all__ = [
    "AgreementPage",
    "AgreementQuery",
    "AgreementSummary",
    "AgreementView",
    "Correction",
    "FieldValue",
    "FileInfo",
    "FileResult",
    "Link",
    "Registry",
]
