"""The 'Nomor' lines under the heading, one per party, in the family's layout."""

from __future__ import annotations

from corpusgen.drafting import ORDINALS, Draft
from corpusgen.layout import Cells, Space, width


def number_lines(s: Draft) -> None:
    """One 'Nomor' line per party in the family's layout; some left dotted."""
    rng, fam, parties, roles, notes, b = s.rng, s.fam, s.parties, s.roles, s.notes, s.b
    numbers_all = s.numbers_all
    printed_numbers: list[str] = []
    b.add(Space(8))
    glued_colon = rng.random() < 0.3  # "Nomor: 119/123/KDN/2019"
    st = fam.style
    for i, (p, num) in enumerate(zip(parties, numbers_all, strict=True)):
        if s.clause_numbers and i > 0:
            continue  # printed in the party's block (party_clauses)
        shown = num if num else "." * 34
        if num and rng.random() < 0.08:
            shown = num.replace("/", "/ ", 1)
            notes.append(f"number printed with a space: {shown!r}; truth has none")
        if num:
            printed_numbers.append(num)
        if fam.numbers == "center-nomor" and glued_colon:
            b.add(Cells([(0, f"Nomor: {shown}", False)], centered=True))
        elif fam.numbers == "center-nomor":
            b.add(Cells([(0, "Nomor", False), (50, ":", False), (60, shown, False)], centered=True))
        elif fam.numbers == "upper":
            b.add(Cells([(0, "NOMOR", True), (55, ":", True), (65, shown, True)], centered=True))
        elif fam.numbers == "pihak-label":
            label = (
                f"Nomor Pihak {ORDINALS[i].capitalize()}"
                if "PERTAMA" in roles[0]
                else f"Nomor {roles[i].title()}"
            )
            lw = (
                max(width(f"Nomor Pihak {o.capitalize()}", st.regular, st.size) for o in ORDINALS)
                + 6
            )
            b.add(Cells([(40, label, False), (40 + lw, ":", False), (48 + lw, shown, False)]))
        else:
            label = f"Nomor {roles[i]}"
            b.add(Cells([(0, label, False), (150, ":", False), (160, shown, False)]))
        del p
    if len(printed_numbers) < len(parties) and not s.clause_numbers:
        notes.append("a party's number line is left blank (dotted): no entry in numbers")

    s.printed_numbers = printed_numbers
    if s.clause_numbers:
        notes.append("later parties' numbers are 'Nomor :' rows of their blocks")
