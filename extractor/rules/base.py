"""The one shape every rule returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from models import Evidence

T = TypeVar("T")


@dataclass
class Finding(Generic[T]):
    """A value a rule found, how sure it is, and where it was read."""

    value: T
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
