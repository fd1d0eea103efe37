"""``python -m corpusgen --out corpus_samples --count 30 --seed 2026``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpusgen.corpus import FILE_KINDS, build_corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpusgen", description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("corpus_samples"))
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument(
        "--kinds",
        default=",".join(FILE_KINDS),
        help="comma-separated subset of digital,scan,photo,image",
    )
    ap.add_argument("--dpi", type=int, default=200, help="resolution of scans and images")
    ap.add_argument(
        "--extra-per-family",
        type=int,
        default=0,
        help="agreements of each family outside the rotation (held-out signature families)",
    )
    args = ap.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    manifest = build_corpus(
        args.out,
        seed=args.seed,
        count=args.count,
        kinds=kinds,
        dpi=args.dpi,
        extra_per_family=args.extra_per_family,
    )
    n_files = sum(len(d["files"]) for d in manifest["documents"])
    print(f"{len(manifest['documents'])} agreements, {n_files} files -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
