"""Builds a corpus directory: files of every kind, truth per agreement, a manifest.

The plan is fixed by (seed, count): families in rotation, then the relations
the deduplication work needs - NK -> PKS pairs (``parent_id``), addenda of
corpus agreements, a number shared by two different agreements, and several
files (digital twin, rescans, a phone photo, page images) of one agreement.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpusgen.degrade import plan_pages, render_image, render_multipage_tiff, render_scan_pdf
from corpusgen.families import EXTRA_FAMILIES, ROTATION_FAMILIES
from corpusgen.render import render_digital_pdf
from corpusgen.sample import GENERATOR_VERSION, Sample, generate_sample

FILE_KINDS = ("digital", "scan", "photo", "image")


@dataclass
class Planned:
    sample: Sample
    files: list[dict[str, Any]]


def plan_samples(seed: int, count: int, extra_per_family: int = 0) -> list[Sample]:
    """The agreements of the corpus, with their relations, in a fixed order; then
    ``extra_per_family`` agreements of each family outside the rotation (appended, so the
    first ``count`` stay byte for byte what they were)."""
    fams = list(ROTATION_FAMILIES)
    out: list[Sample] = []
    used_parents: set[str] = set()
    for i in range(count):
        s_seed = seed * 1000 + i
        fam = fams[i % len(fams)]
        sample: Sample | None = None
        if i % 10 == 7:  # a PKS carrying out an NK of the corpus
            nks = [s for s in out if s.doc_type == "NK" and s.id not in used_parents]
            if nks:
                parent = nks[-1]
                used_parents.add(parent.id)
                sample = generate_sample(
                    s_seed, family=parent.family, doc_type="PKS", parent=parent
                )
        elif i % 10 == 9:  # an addendum of a corpus agreement
            base = [s for s in out if s.doc_type == "PKS" and s.id not in used_parents]
            if base:
                parent = base[-1]
                used_parents.add(parent.id)
                sample = generate_sample(
                    s_seed, family=parent.family, doc_type="ADENDUM", parent=parent
                )
        elif i % 15 == 12:  # another agreement printing the same party number
            cands = [s for s in out if len(s.truth["numbers"]) == len(s.parties)]
            if cands:
                other = cands[len(cands) // 2]
                sample = generate_sample(
                    s_seed, family=other.family, doc_type="PKS", reuse_from=(other, 1)
                )
        if sample is None:
            dtype = "NK" if i % 10 in (1, 4) else None
            sample = generate_sample(s_seed, family=fam, doc_type=dtype)
        out.append(sample)
    for k, extra in enumerate(EXTRA_FAMILIES):
        for j in range(extra_per_family):
            out.append(generate_sample(seed * 1000 + 500_000 + k * 1000 + j, family=extra))
    return out


def _file_plan(i: int, kinds: Iterable[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """(suffix, kind, options) for document ``i``.

    With every kind requested (the committed set) the kinds are spread so the set
    stays small: a digital PDF for all, a scan for every third agreement, a few
    phone photos and page images. With a subset (``--kinds digital,scan``) every
    agreement gets every requested kind.
    """
    wanted = set(kinds)
    mixed = wanted == set(FILE_KINDS)
    files: list[tuple[str, str, dict[str, Any]]] = []
    if "digital" in wanted:
        files.append(("digital.pdf", "digital", {}))
    if "scan" in wanted and (not mixed or i % 3 == 0):
        profile = "hard" if i % 6 == 3 else "scan"
        files.append((f"{profile}.pdf", "scan", {"profile": profile}))
        if mixed and i == 6:  # a second scan of the same paper, other noise
            files.append(("rescan.pdf", "scan", {"profile": "hard", "dpi": 150}))
    if "photo" in wanted and (not mixed or i % 6 == 1):
        files.append(("photo.pdf", "photo", {"profile": "photo", "dpi": 150}))
    if "image" in wanted:
        pattern = i % 8 if mixed else 0
        if pattern == 0:
            files.append(("jpg", "image", {"fmt": "jpeg", "page": 1, "embed_dpi": True}))
        elif pattern == 3:
            files.append(
                ("png", "image", {"fmt": "png", "page": 1, "embed_dpi": False, "dpi": 100})
            )
        elif pattern == 5:
            files.append(
                ("tiff", "image", {"fmt": "tiff", "page": 1, "embed_dpi": True, "profile": "photo"})
            )
        elif pattern == 7:
            files.append(
                (
                    "jpg",
                    "image",
                    {"fmt": "jpeg", "page": -1, "embed_dpi": False, "profile": "photo"},
                )
            )
        if mixed and i == 9:
            files.append(("all.tiff", "image", {"fmt": "tiff-multi", "dpi": 150}))
    return files


def build_corpus(
    out: Path,
    *,
    seed: int,
    count: int,
    kinds: Iterable[str] = FILE_KINDS,
    dpi: int = 200,
    extra_per_family: int = 0,
) -> dict[str, Any]:
    """Write files, truth and manifest under ``out``; returns the manifest."""
    kinds = [k for k in kinds]
    bad = set(kinds) - set(FILE_KINDS)
    if bad:
        raise ValueError(f"unknown file kinds {sorted(bad)}; expected {FILE_KINDS}")
    (out / "files").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    samples = plan_samples(seed, count, extra_per_family)
    docs: list[dict[str, Any]] = []
    for i, sample in enumerate(samples):
        pdf = render_digital_pdf(sample)
        n_pages = sample.truth["pages"]
        entries: list[dict[str, Any]] = []
        for suffix, kind, opt in _file_plan(i, kinds):
            rel = f"files/{sample.id}.{suffix}"
            fseed = seed * 1000 + i * 7 + len(entries)
            entry: dict[str, Any] = {"path": rel, "kind": kind}
            if kind == "digital":
                data = pdf
            elif kind in ("scan", "photo"):
                prof = opt["profile"]
                fdpi = min(dpi, opt.get("dpi", dpi))
                data = render_scan_pdf(pdf, profile=prof, seed=fseed, dpi=fdpi)
                turned = [k + 1 for k, p in enumerate(plan_pages(n_pages, prof, fseed)) if p.turn90]
                entry.update({"profile": prof, "dpi": fdpi, "turned_pages": turned})
            elif opt["fmt"] == "tiff-multi":
                data = render_multipage_tiff(pdf, dpi=opt["dpi"], profile="scan", seed=fseed)
                entry.update(
                    {
                        "pages": list(range(1, n_pages + 1)),
                        "profile": "scan",
                        "dpi": opt["dpi"],
                        "format": "tiff",
                    }
                )
            else:
                page = opt["page"] if opt["page"] > 0 else n_pages
                prof = opt.get("profile", "scan")
                fdpi = min(dpi, opt.get("dpi", dpi))
                data = render_image(
                    pdf,
                    page=page,
                    fmt=opt["fmt"],
                    dpi=fdpi,
                    embed_dpi=opt["embed_dpi"],
                    profile=prof,
                    seed=fseed,
                )
                entry.update(
                    {
                        "pages": [page],
                        "profile": prof,
                        "dpi": fdpi,
                        "dpi_embedded": opt["embed_dpi"],
                        "format": opt["fmt"],
                    }
                )
                rel = f"files/{sample.id}.p{page}.{suffix}"
                entry["path"] = rel
            (out / rel).write_bytes(data)
            entries.append(entry)
        truth_rel = f"truth/{sample.id}.json"
        (out / truth_rel).write_text(
            json.dumps(sample.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        docs.append(
            {
                "id": sample.id,
                "family": sample.family,
                "held_out": sample.held_out,
                "doc_type": sample.doc_type,
                "truth": truth_rel,
                "parent_id": sample.parent_id,
                "files": entries,
            }
        )
    manifest = {"generator_version": GENERATOR_VERSION, "seed": seed, "documents": docs}
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest
