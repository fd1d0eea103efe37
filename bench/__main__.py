"""``python -m bench``: run the benchmark, print the tables, write results.json.

Every stage is allowed to be missing or to fail (the extractor, the corpus
generator, the sub-benchmarks are built in parallel by others): the error is
recorded in results.json and printed, and the rest still runs, so the table
always says honestly what works today.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import importlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from rich.console import Console

from bench import report
from bench.runner import extract_and_score, ingest_all, ingest_version
from bench.samples import Sample, load_manifest, load_real_dev, pick_quick

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SUBS = ("ocr", "registry", "api", "pipeline", "queue_scaling", "memory", "monev")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="committed corpus only, a few files")
    parser.add_argument("--only", choices=("fields", "real", *SUBS))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-cache", action="store_true", help="re-read every file (OCR again)")
    parser.add_argument("--count", type=int, default=200, help="agreements to generate")
    parser.add_argument("--seed", type=int, default=20260)
    parser.add_argument(
        "--extra-per-family",
        type=int,
        default=3,
        help="generated agreements of each held-out family outside the rotation",
    )
    parser.add_argument("--kinds", default="digital,scan", help="kinds to generate")
    parser.add_argument("--limit", type=int, default=None, help="at most N files per source")
    parser.add_argument(
        "--real-dev", type=Path, default=ROOT.parent / "shared" / "real-dev", help="real-dev folder"
    )
    parser.add_argument(
        "--corpus", type=Path, default=ROOT / "corpus_samples", help="the committed corpus"
    )
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results.json")
    return parser.parse_args(argv)


def _mode(args: argparse.Namespace) -> str:
    """Runs are compared only with runs of the same mode (same documents asked for)."""
    parts = [
        "quick" if args.quick else "full",
        args.only or "all",
        f"n{args.count}-s{args.seed}-{args.kinds.replace(',', '+')}",
        f"limit{args.limit}" if args.limit else "",
        ""
        if args.corpus == ROOT / "corpus_samples"
        else hashlib.sha1(bytes(args.corpus)).hexdigest()[:6],
    ]
    return "-".join(p for p in parts if p)


def _load(path: Path) -> dict[str, Any] | None:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return loaded if isinstance(loaded, dict) else None


def _git() -> dict[str, Any]:
    def run(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30)
        return done.stdout.strip()

    try:
        return {
            "commit": run("rev-parse", "HEAD"),
            "dirty": bool(run("status", "--porcelain", "--untracked-files=no")),
        }
    except (OSError, subprocess.SubprocessError) as exc:
        return {"error": str(exc)}


def _machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "host": platform.node(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    with contextlib.suppress(ValueError, OSError):
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        info["memory_gb"] = round(memory / 2**30, 1)
    try:
        done = subprocess.run(
            ["tesseract", "--version"], capture_output=True, text=True, timeout=30
        )
        info["tesseract"] = (done.stdout or done.stderr).splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        info["tesseract"] = None
    return info


def _generator_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "corpusgen").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def generate_corpus(args: argparse.Namespace, console: Console) -> tuple[Path | None, str | None]:
    """The larger generated set, made again only when count, seed or generator changed."""
    out = OUT / "corpus"
    stamp = out / ".bench-stamp"
    wanted = f"{args.count} {args.extra_per_family} {args.seed} {args.kinds} {_generator_digest()}"
    if (out / "manifest.json").exists() and stamp.exists() and stamp.read_text() == wanted:
        return out, None
    command = [
        sys.executable, "-m", "corpusgen", "--count", str(args.count), "--out", str(out),
        "--kinds", args.kinds, "--seed", str(args.seed),
        "--extra-per-family", str(args.extra_per_family),
    ]  # fmt: skip
    console.print(f"generating corpus: {' '.join(command[1:])}")
    started = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=3 * 3600)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"corpusgen failed: {exc}"
    if done.returncode != 0 or not (out / "manifest.json").exists():
        return None, f"corpusgen exit {done.returncode}: {done.stderr.strip()[-600:]}"
    stamp.write_text(wanted)
    console.print(f"generated in {time.perf_counter() - started:.0f} s")
    return out, None


def collect(args: argparse.Namespace, console: Console) -> tuple[list[Sample], dict[str, Any]]:
    """The samples of this run, and a note per source (used, skipped and why)."""
    notes: dict[str, Any] = {}
    samples: list[Sample] = []
    want_fields = args.only in (None, "fields")
    want_real = args.only == "real" or (args.only is None and not args.quick)

    def limited(items: list[Sample]) -> list[Sample]:
        return items[: args.limit] if args.limit else items

    if want_fields:
        committed = args.corpus
        if (committed / "manifest.json").exists():
            try:
                found = load_manifest(committed, "committed")
                chosen = pick_quick(found) if args.quick else limited(found)
                samples += chosen
                notes["committed"] = f"{len(chosen)} of {len(found)} files"
            except (OSError, ValueError, KeyError) as exc:
                notes["committed"] = f"unreadable manifest: {exc!r}"
        else:
            notes["committed"] = f"skipped: {committed}/manifest.json not there yet"
        if not args.quick:
            corpus, error = generate_corpus(args, console)
            if corpus is None:
                notes["generated"] = f"skipped: {error}"
            else:
                try:
                    found = limited(load_manifest(corpus, "generated"))
                    samples += found
                    notes["generated"] = f"{len(found)} files ({args.count} agreements asked)"
                except (OSError, ValueError, KeyError) as exc:
                    notes["generated"] = f"unreadable manifest: {exc!r}"
    if want_real:
        if (args.real_dev / "labels").is_dir():
            found = limited(load_real_dev(args.real_dev))
            samples += found
            notes["real"] = f"{len(found)} files from {args.real_dev}"
        else:
            notes["real"] = f"skipped: {args.real_dev} not present"
    for samples_note in notes.items():
        console.print(f"[dim]{samples_note[0]}: {samples_note[1]}[/]")
    return [s for s in samples if s.path.exists()], notes


def run_fields(samples: list[Sample], args: argparse.Namespace, console: Console) -> dict[str, Any]:
    cache = None if args.no_cache else OUT / "cache"
    try:
        version = ingest_version()
        log = OUT / "ingest.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("")  # workers append their stderr here, one run at a time
        ingested, wall = ingest_all(
            samples, workers=args.workers, cache_dir=cache, console=console, log_path=log
        )
    except Exception as exc:  # the ingest module itself is missing or broken
        return {"error": f"ingest unavailable: {exc!r}", "documents": [], "groups": {}}
    rules = extract_and_score(samples, ingested, console)
    outcomes = rules.outcomes
    fresh = [o for o in outcomes if not o.cached and o.pages]
    fresh_pages = sum(o.pages for o in fresh)
    return {
        "ingest_version": version,
        "extractor_import_error": rules.import_error,
        "run": {
            "fresh_files": len(fresh),
            "fresh_pages": fresh_pages,
            "ingest_wall_seconds": round(wall, 2),
            "rules_warmup_seconds": rules.warmup_seconds,
            "fresh_pages_per_second_wall": fresh_pages / wall if fresh and wall else None,
            "main_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "max_worker_rss_mb": max((o.maxrss_mb for o in outcomes if not o.cached), default=0),
        },
        "groups": report.group_figures(outcomes, args.workers),
        "documents": [o.as_json(ROOT) for o in outcomes],
    }


def run_sub(name: str, args: argparse.Namespace, corpus_dir: Path) -> dict[str, Any]:
    """One sub-benchmark (bench.ocr / bench.registry / bench.api), failures recorded."""
    try:
        module = importlib.import_module(f"bench.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"bench.{name}":
            return {"skipped": f"bench/{name}.py not present"}
        return {"error": f"import failed: {exc!r}"}
    except Exception as exc:
        return {"error": f"import failed: {exc!r}"}
    out_dir = OUT / name
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        if name == "ocr":
            # every page runs twice (pipeline and plain tesseract): 8 files per kind
            # keep the comparison to minutes; --limit asks for more
            figures = module.run(
                corpus_dir,
                out_dir,
                workers=args.workers,
                limit=3 if args.quick else args.limit or 8,
            )
        elif name == "registry":
            figures = module.run(corpus_dir, out_dir, workers=args.workers)
        elif name == "pipeline":
            figures = module.run(out_dir, workers=args.workers)
        elif name == "memory":
            figures = module.run(out_dir, files=200 if args.quick else 1000)
        elif name == "queue_scaling":
            figures = module.run(out_dir)
        else:
            figures = module.run(out_dir, n_agreements=2000 if args.quick else 20000)
    except Exception as exc:
        return {"error": repr(exc), "traceback": traceback.format_exc(limit=-4)[-1500:]}
    result = dict(figures) if isinstance(figures, dict) else {"result": figures}
    result.setdefault("wall_seconds", round(time.perf_counter() - started, 1))
    return result


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.workers = max(1, args.workers)
    console = Console(width=None if sys.stdout.isatty() else 160)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    history = OUT / f"last-{_mode(args)}.json"
    previous = _load(history) or _load(args.results)
    if previous is not None and previous.get("mode") != _mode(args):
        previous = None
    started = time.perf_counter()
    results: dict[str, Any] = {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git": _git(),
        "machine": _machine(),
        "options": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "mode": _mode(args),
    }
    if args.only in (None, "fields", "real"):
        samples, notes = collect(args, console)
        results["sources"] = notes
        if samples:
            results["fields"] = run_fields(samples, args, console)
            report.print_fields(console, results)
        else:
            console.print("[yellow]no documents to score[/]")
    run_subs = [s for s in SUBS if args.only == s or (args.only is None and not args.quick)]
    if run_subs:
        generated = OUT / "corpus"
        corpus_dir = (
            generated if (generated / "manifest.json").exists() else ROOT / "corpus_samples"
        )
        results["subs"] = {}
        for name in run_subs:
            console.print(f"[dim]sub-benchmark {name} on {corpus_dir}...[/]")
            results["subs"][name] = run_sub(name, args, corpus_dir)
            console.print(report.sub_table(name, results["subs"][name]))
    results["wall_seconds"] = round(time.perf_counter() - started, 1)
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    if previous is not None:
        report.print_delta(console, previous, results)
    else:
        console.print(f"[dim]no earlier run of this mode ({_mode(args)}) to compare with[/]")
    text = json.dumps(results, indent=1, default=str)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(text, encoding="utf-8")
    history.parent.mkdir(parents=True, exist_ok=True)
    history.write_text(text, encoding="utf-8")
    console.print(f"wrote {args.results} ({results['wall_seconds']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
