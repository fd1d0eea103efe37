"""Invented signatories: names, academic titles and NIPs.

The names are assembled from common Indonesian given names and family names so
that no real official is named; titles are placed the way they are printed
(prefixes like "Dr." / "Ir." / "dr." before, degrees like "S.H., M.Si." after).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

_GIVEN = (
    "Agus",
    "Bambang",
    "Budi",
    "Dedi",
    "Dwi",
    "Eko",
    "Fajar",
    "Hendra",
    "Irwan",
    "Joko",
    "Kurniawan",
    "Lukman",
    "Made",
    "Nyoman",
    "Rahmat",
    "Slamet",
    "Teguh",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Andi",
    "Arif",
    "Bayu",
    "Darmawan",
    "Firman",
    "Gunawan",
    "Haris",
    "Imam",
    "Sri",
    "Siti",
    "Dewi",
    "Ratna",
    "Endang",
    "Lestari",
    "Nurul",
    "Rina",
    "Wulan",
    "Yuliana",
    "Indah",
    "Fitri",
    "Ayu",
    "Kartika",
    "Mega",
    "Puspita",
    "Retno",
    "Susanti",
    "Tri",
    "Muhammad",
    "Ahmad",
    "Abdul",
    "Hasan",
    "Ketut",
    "Wayan",
    "Putu",
    "Gede",
    "Asep",
    "Ujang",
)
_FAMILY = (
    "Santoso",
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Setiawan",
    "Prasetyo",
    "Hartono",
    "Siregar",
    "Nasution",
    "Lubis",
    "Harahap",
    "Simanjuntak",
    "Pangaribuan",
    "Sitompul",
    "Wijaya",
    "Kusuma",
    "Permana",
    "Suryadi",
    "Rahman",
    "Hakim",
    "Syahputra",
    "Ramadhan",
    "Mahendra",
    "Pratama",
    "Suharto",
    "Sulistyo",
    "Purnomo",
    "Haryanto",
    "Susilo",
    "Tanjung",
    "Daulay",
    "Manurung",
    "Pasaribu",
    "Rangkuti",
    "Sembiring",
    "Tarigan",
    "Lumban Gaol",
    "Mokodompit",
    "Paputungan",
    "Lasut",
    "Rumondor",
    "Tuasikal",
    "Latuconsina",
    "Arsyad",
    "Baharuddin",
    "Mappanyukki",
    "Daeng",
    "Syamsuddin",
    "Anwar",
    "Effendi",
)
_PREFIX = ("Dr.", "Ir.", "Prof. Dr.", "Drs.", "H.", "Hj.", "dr.", "Dr. Ir.", "Dra.")
_BACHELOR = ("S.H.", "S.E.", "S.Sos.", "S.T.", "S.IP.", "S.Kom.", "S.Ag.", "S.Pd.", "S.STP.")
_MASTER = ("M.Si.", "M.M.", "M.T.", "M.Kes.", "M.Pd.", "M.AP.", "M.Eng.", "M.H.", "M.Sc.")
_AFTER = ("Ph.D.", "Ak.", "CA.")


@dataclass(frozen=True)
class Person:
    name: str  # bare name as typed in the parties clause, e.g. "Bambang Wibowo"
    prefix: str  # "Dr." or ""
    suffix: str  # "S.H., M.Si." or ""
    nip: str | None

    @property
    def full(self) -> str:
        """The printed name with titles: "Dr. Bambang Wibowo, S.H., M.Si."."""
        out = f"{self.prefix} {self.name}".strip()
        if self.suffix:
            out = f"{out}, {self.suffix}"
        return out

    def styled(self, upper: bool) -> str:
        """Signature blocks often print the bare name in capitals, titles as is."""
        name = self.name.upper() if upper else self.name
        out = f"{self.prefix} {name}".strip()
        return f"{out}, {self.suffix}" if self.suffix else out


def make_nip(rng: random.Random, year_hint: int) -> str:
    """18 digits: birth date (8), appointment year-month (6), sex (1), serial (3)."""
    birth = dt.date(rng.randint(1962, 1984), rng.randint(1, 12), rng.randint(1, 28))
    appointed = (birth.year + rng.randint(22, 30), rng.randint(1, 12))
    appointed = (min(appointed[0], year_hint - 3), appointed[1])
    return (
        f"{birth:%Y%m%d}{appointed[0]:04d}{appointed[1]:02d}"
        f"{rng.choice('12')}{rng.randint(1, 19):03d}"
    )


def make_person(
    rng: random.Random, *, civil_servant: bool, year: int, academic: bool = False
) -> Person:
    parts = [rng.choice(_GIVEN)]
    if rng.random() < 0.85:
        parts.append(rng.choice(_FAMILY))
    if rng.random() < 0.2:
        parts.insert(1, rng.choice(_GIVEN))
    name = " ".join(dict.fromkeys(parts))
    if rng.random() < 0.12:
        name = name.upper()
    prefix = ""
    if academic or rng.random() < 0.45:
        prefix = rng.choice(_PREFIX[:3] if academic else _PREFIX)
    picks: list[str] = []
    old_style = prefix.endswith(("Drs.", "Dra.", "Ir."))  # already a first degree
    if not old_style and rng.random() < 0.75:
        picks.append(rng.choice(_BACHELOR))
    if rng.random() < 0.6:
        picks.append(rng.choice(_MASTER))
    if picks and rng.random() < 0.1:
        picks.append(rng.choice(_AFTER))
    suffix = ", ".join(picks)
    nip = make_nip(rng, year) if civil_servant else None
    name, prefix, suffix = regional_form(name, prefix, suffix, f"{name}|{prefix}|{suffix}|{nip}")
    return Person(name=name, prefix=prefix, suffix=suffix, nip=nip)


_BALINESE = {"Made", "Nyoman", "Ketut", "Wayan", "Putu", "Gede"}
_BALI_LEAD = ("I", "I", "I Gusti Ngurah", "Ida Bagus", "Anak Agung")
_BALI_LEAD_F = ("Ni", "Ni Luh", "Ni Made", "Ida Ayu", "Anak Agung Istri")
_JAVANESE_NOBLE = ("R.", "R.A.", "Rr.", "R.M.")
_CHAIN = ("Prof. Dr. Ir. H.", "Prof. Dr. H.", "Dr. Ir. H.", "Prof. Dr. drg.", "Dr. Hj.")
_CHAIN_END = ("M.Sc., IPU", "M.Eng., IPM", "M.T., IPU, ASEAN Eng.", "M.Kes., Sp.KG")


def regional_form(name: str, prefix: str, suffix: str, key: str) -> tuple[str, str, str]:
    """How names print outside the common pattern, decided from the person's own draws (a
    separate stream, so the documents around the person stay as they were): Balinese
    names open with "I" or "Ni Luh" (and caste titles "I Gusti Ngurah", "Ida Bagus"),
    Javanese nobility with "R." or "R.A.", senior officials stack titles ("Prof. Dr. Ir.
    H. ..., M.Sc., IPU"), and one name in twenty is one word ("SUTRISNO")."""
    r = random.Random(key)
    first = name.split()[0].capitalize()
    roll = r.random()
    if first in _BALINESE and roll < 0.6:
        lead = r.choice(
            _BALI_LEAD_F if first in {"Putu", "Made"} and r.random() < 0.3 else _BALI_LEAD
        )
        name = f"{lead.upper() if name.isupper() else lead} {name}"
    elif roll < 0.05 and not prefix:
        prefix = r.choice(_JAVANESE_NOBLE)
    elif roll < 0.1:
        prefix, suffix = r.choice(_CHAIN), r.choice(_CHAIN_END)
    elif roll < 0.15 and " " in name:
        name = name.split()[-1] if r.random() < 0.5 else name.split()[0]
        name = name if len(name) >= 4 else name + "no"
    return name, prefix, suffix
