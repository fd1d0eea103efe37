"""A party's number printed in its own block of the comparison, not in the heading.

Most agreements print every party's number under the title. Some print only
the first there and give each other party's number as a row of its block in
the comparison, with its name and jabatan:

    2. Nama    : Budi Santoso
       Jabatan : Direktur Utama PT Sinar Jaya
       Nomor   : 012/SJ-DIR/2019
       ... selanjutnya disebut PIHAK KEDUA.

Such a row is this agreement's number for that party: nothing else in a party
block is labelled 'Nomor :' alone at the start of a line. Decrees, deeds and
NPWP are cited inside sentences ('berdasarkan Keputusan ... Nomor 131/...'),
never as a row of their own; a row that continues such a citation on the line
before is left out. Read only when the heading holds fewer numbers than the
document has parties, so a heading that already gives every number wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LINES = 140
"""Lines after the heading searched: the opening and every party's block."""
BLOCK_REACH = 8
"""A row belongs to a party's block when 'disebut PIHAK ...' follows within this many lines."""

_ROW = re.compile(
    r"^\W{0,3}(?:n[o0]m[o0]r|no\.)(?:\s+(?:surat|perjanjian|kerja\s*sama|pks|kontrak))?"
    r"\s*[:;]\s*(?P<fill>\S.*)$",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"disebut\s+(?:sebagai\s+)?[\"'*]*(?P<role>pihak\s+(?:pertama|kesatu|kedua|ketiga|keempat"
    r"|kelima|[ivx]+))",
    re.IGNORECASE,
)
_CITING = re.compile(
    r"(?:keputusan|peraturan|akta|kuasa|\bsk\b|berdasarkan|npwp|tanggal|undang|surat)[^.;]*$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^\W*pasal\b", re.IGNORECASE)


@dataclass(frozen=True)
class BlockRow:
    """A 'Nomor : ...' row of a party's block."""

    line: int
    fill: str
    role: str
    """the role whose block it is ('PIHAK KEDUA'), as written"""


def party_roles(lines: list[str]) -> list[str]:
    """The distinct 'disebut PIHAK ...' roles of the comparison, in order."""
    out: list[str] = []
    for m in _ROLE.finditer(" ".join(lines)):  # 'disebut PIHAK' / 'KEDUA.' across a line end
        role = " ".join(m.group("role").upper().split())
        if role not in out:
            out.append(role)
    return out


def party_block_rows(lines: list[str], start: int) -> list[BlockRow]:
    """Rows labelled 'Nomor :' inside the parties' blocks, from ``start`` (the heading's
    end) to the first article."""
    out: list[BlockRow] = []
    end = min(len(lines), start + MAX_LINES)
    for k in range(start, end):
        if _ARTICLE.match(lines[k]):
            break
        m = _ROW.match(lines[k])
        if m is None or (k > 0 and _CITING.search(lines[k - 1][-80:])):
            continue
        role = _ROLE.search(" ".join(lines[k : min(end, k + BLOCK_REACH)]))
        if role is not None:
            out.append(BlockRow(k, m.group("fill"), " ".join(role.group("role").upper().split())))
    return out
