"""Template families: each one a house style of wording, layout and article order.

Families are kept apart so rules can be tuned on some and measured on others:
the ones with ``held_out=True`` (``held_out_families.py``) must never be looked
at while tuning rules.
"""

from __future__ import annotations

from corpusgen.family import Family
from corpusgen.held_out_families import HELD_OUT
from corpusgen.tuned_families import TUNED

__all__ = [
    "EXTRA_FAMILIES",
    "FAMILIES",
    "HELD_OUT_FAMILIES",
    "ROTATION_FAMILIES",
    "TUNING_FAMILIES",
    "Family",
]

FAMILIES: dict[str, Family] = {f.name: f for f in (*TUNED, *HELD_OUT)}
ROTATION_FAMILIES = tuple(sorted(n for n, f in FAMILIES.items() if f.in_rotation))
"""The families of the committed set's rotation (and of a sample drawn without a family)."""
EXTRA_FAMILIES = tuple(sorted(n for n, f in FAMILIES.items() if not f.in_rotation))
TUNING_FAMILIES = tuple(n for n, f in FAMILIES.items() if not f.held_out)
HELD_OUT_FAMILIES = tuple(n for n, f in FAMILIES.items() if f.held_out)
