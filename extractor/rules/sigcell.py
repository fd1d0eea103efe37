"""The records of a signature block: one line of it, and one signing cell.

Kept apart from ``sigblock`` (which finds them) so that ``sigregroup``, which
moves lines between cells, reads the same records without importing its caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models import Box


@dataclass(frozen=True)
class SigLine:
    """One line of the block: its text, where it is, and its span in the document text."""

    text: str
    page: int
    box: Box
    start: int
    end: int

    @property
    def center(self) -> float:
        return (self.box.x0 + self.box.x1) / 2

    @property
    def height(self) -> float:
        return max(1.0, self.box.bottom - self.box.top)


@dataclass
class SignatureCell:
    """One signing cell: what its label, jabatan lines, name and NIP say."""

    order: int
    """the role ordinal of its label (1 = PERTAMA/KESATU), 0 when unlabelled"""
    label: str | None
    lines: list[SigLine]
    head: list[SigLine] = field(default_factory=list)
    """lines above the signature blank (jabatan or institution), label excluded"""
    tail: list[SigLine] = field(default_factory=list)
    """lines under the name that are neither NIP nor debris ("DIRECTOR")"""
    name: SigLine | None = None
    nip: str | None = None
    witness: bool = False
    """under 'Mengetahui': an official who is not a party"""
    column: int = 0
    row: float = 0.0
