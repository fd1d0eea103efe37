"""Figures per group of documents, the rich tables, and the delta against the last run.

Groups: each kind (digital / scan / photo / image / real), each kind split
into tuned and held-out template families, the two splits over all generated
kinds, each source (committed / generated / real) and "all generated"
(committed + generated, never mixed with real: real is the figure that
matters most and is shown on its own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.calibration import calibration, judged_fields
from bench.runner import Outcome
from bench.samples import KINDS
from bench.score import aggregate

GroupFigures = dict[str, Any]


def _speed(outcomes: list[Outcome], workers: int) -> dict[str, float | int | None]:
    pages = sum(o.pages for o in outcomes)
    ocr_pages = sum(o.ocr_pages for o in outcomes)
    ingest = sum(o.ingest_seconds for o in outcomes)
    ocr = sum(o.ocr_seconds for o in outcomes)
    rules = sum(o.rules_seconds for o in outcomes)
    look = sum(float(o.prediction.get("second_look_seconds") or 0.0) for o in outcomes)
    busy = ingest + rules
    return {
        "documents": len(outcomes),
        "pages": pages,
        "ocr_pages": ocr_pages,
        "failed": sum(1 for o in outcomes if o.error),
        "cached": sum(1 for o in outcomes if o.cached),
        "seconds_per_page_one_worker": busy / pages if pages else None,
        "pages_per_second_all_workers": workers * pages / busy if busy else None,
        "ocr_seconds_per_ocr_page": ocr / ocr_pages if ocr_pages and ocr else None,
        "rules_ms_per_page": 1000 * rules / pages if pages else None,
        "ingest_rest_ms_per_page": 1000 * (ingest - ocr) / pages if pages else None,
        "max_worker_rss_mb": max((o.maxrss_mb for o in outcomes), default=0.0),
        "second_look_ms_per_ocr_page": 1000 * look / ocr_pages if ocr_pages else None,
        "second_look_share_of_ocr": look / ocr if ocr else None,
    }


def _group_members() -> list[tuple[str, Callable[[Outcome], bool]]]:
    def kind_is(kind: str) -> Callable[[Outcome], bool]:
        return lambda o: o.sample.kind == kind

    def kind_split(kind: str, split: str) -> Callable[[Outcome], bool]:
        return lambda o: o.sample.kind == kind and o.sample.split == split

    def split_is(split: str) -> Callable[[Outcome], bool]:
        return lambda o: o.sample.split == split

    def source_is(source: str) -> Callable[[Outcome], bool]:
        return lambda o: o.sample.source == source

    groups: list[tuple[str, Callable[[Outcome], bool]]] = [(k, kind_is(k)) for k in KINDS]
    for kind in KINDS[:-1]:
        for split in ("tuned", "held-out"):
            groups.append((f"{kind}·{split}", kind_split(kind, split)))
    groups += [("tuned", split_is("tuned")), ("held-out", split_is("held-out"))]
    groups += [(s, source_is(s)) for s in ("committed", "generated", "real")]
    groups.append(("all generated", lambda o: o.sample.source != "real"))
    return groups


def real_source(outcome: Outcome) -> str | None:
    """The archive a real-dev agreement came from (its label's repository name)."""
    if outcome.sample.source != "real":
        return None
    source = outcome.sample.truth.get("source") or {}
    repo = str(source.get("repository") or "unknown") if isinstance(source, dict) else "unknown"
    return repo.rsplit("/", 1)[-1]


def _real_groups(outcomes: list[Outcome]) -> list[tuple[str, Callable[[Outcome], bool]]]:
    """Each real source, and leave-one-source-out: all real sources but that one.

    A rule written while looking at one archive must not lower the others:
    compare "real·X" before and after, and "real without X" for the rest.
    """
    sources = sorted({s for s in (real_source(o) for o in outcomes) if s})

    def from_source(name: str) -> Callable[[Outcome], bool]:
        return lambda o: real_source(o) == name

    def without(name: str) -> Callable[[Outcome], bool]:
        return lambda o: o.sample.source == "real" and real_source(o) != name

    groups = [(f"real·{name}", from_source(name)) for name in sources]
    if len(sources) > 1:
        groups += [(f"real without {name}", without(name)) for name in sources]
    return groups


def _family_groups(outcomes: list[Outcome]) -> list[tuple[str, Callable[[Outcome], bool]]]:
    """Each held-out generated family on its own: the signature families (many parties in a
    grid, stamps over names, handwritten numbers) are measured apart from the rest."""
    names = sorted({o.sample.family for o in outcomes if o.sample.split == "held-out"})

    def of_family(name: str) -> Callable[[Outcome], bool]:
        return lambda o: o.sample.split == "held-out" and o.sample.family == name

    return [(f"held-out·{name}", of_family(name)) for name in names if name]


def group_figures(outcomes: list[Outcome], workers: int) -> dict[str, GroupFigures]:
    out: dict[str, GroupFigures] = {}
    for name, member in [*_group_members(), *_real_groups(outcomes), *_family_groups(outcomes)]:
        chosen = [o for o in outcomes if member(o)]
        if not chosen:
            continue
        out[name] = {
            "accuracy": aggregate(o.scores for o in chosen),
            "baseline": aggregate(o.baseline_scores for o in chosen),
            "speed": _speed(chosen, workers),
            "calibration": calibration(
                j
                for o in chosen
                for j in judged_fields(o.scores, o.prediction.get("confidence") or {})
            ),
        }
    return out


def _calibration_table(groups: dict[str, GroupFigures]) -> Table:
    table = Table(
        title="Confidence against correctness (fields of every document)",
        title_justify="left",
        caption="AUROC goal >= 0.85; caught = share of wrong fields among the lowest-confidence "
        "20 % (goal >= 0.80). Second look = its seconds per OCR page.",
        caption_justify="left",
    )
    for column in ("group", "fields", "wrong", "AUROC", "caught at 20 %"):
        table.add_column(column, justify="left" if column == "group" else "right")
    for name, figures in groups.items():
        cal = figures.get("calibration") or {}
        if not cal.get("fields"):
            continue
        table.add_row(
            name,
            _fmt(int(cal["fields"])),
            _fmt(int(cal["wrong"])),
            _fmt(cal.get("auroc")),
            _fmt(cal.get("caught_at_20")),
        )
    return table


def _fmt(value: object, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _short(name: str) -> str:
    return name.replace("·tuned", " T").replace("·held-out", " H")


def _accuracy_table(
    title: str,
    groups: dict[str, GroupFigures],
    names: Iterable[str],
    which: str = "accuracy",
    *,
    short: bool = False,
) -> Table | None:
    shown = [n for n in names if n in groups]
    if not shown:
        return None
    caption = "T = tuned template families, H = held out from tuning" if short else None
    table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
    table.add_column("field")
    for name in shown:
        table.add_column(_short(name) if short else name, justify="right")
    keys: list[str] = []
    for name in shown:
        for key in groups[name][which]:
            if key not in keys and key != "mean":
                keys.append(key)
    for key in [*keys, "mean"]:
        label = f"  {key.split('.', 1)[1]}" if "." in key else key
        cells = []
        for name in shown:
            figure = groups[name][which].get(key)
            cells.append(_fmt(figure["accuracy"]) if figure else "–")
        style = "bold" if key == "mean" else ("dim" if "." in key else None)
        table.add_row(label, *cells, style=style)
    count = ["documents", *[str(groups[n]["speed"]["documents"]) for n in shown]]
    table.add_row(*count, style="dim")
    return table


def _speed_table(groups: dict[str, GroupFigures], workers: int) -> Table:
    table = Table(
        title=f"Speed (per file, summed; throughput = {workers} workers / s per page)",
        title_justify="left",
        caption="rules ms/page = extraction apart from OCR (goal < 50); s/OCR page = the pages' "
        "own OCR time (goal <= 0.65 with 2 cores); ingest rest = file time outside it (text "
        "layer, rendering). Digital goal >= 20 pages/s per core. Noisy on a shared machine.",
        caption_justify="left",
    )
    columns = [
        ("docs", "documents", 0),
        ("pages", "pages", 0),
        ("OCR pages", "ocr_pages", 0),
        ("failed", "failed", 0),
        ("cached", "cached", 0),
        ("pages/s", "pages_per_second_all_workers", 2),
        ("s/OCR page", "ocr_seconds_per_ocr_page", 2),
        ("rules ms/page", "rules_ms_per_page", 1),
        ("ingest rest ms/page", "ingest_rest_ms_per_page", 1),
        ("worker RSS MB", "max_worker_rss_mb", 0),
        ("2nd look ms/OCR page", "second_look_ms_per_ocr_page", 0),
        ("2nd look / OCR", "second_look_share_of_ocr", 3),
    ]
    table.add_column("group")
    for label, _, _ in columns:
        table.add_column(label, justify="right")
    for name in (*KINDS, "all generated"):
        if name not in groups:
            continue
        speed = groups[name]["speed"]
        table.add_row(name, *[_fmt(speed[key], digits) for _, key, digits in columns])
    return table


def _flatten(prefix: str, value: object, out: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), inner, out)
    elif isinstance(value, list) and len(value) > 8:
        out.append((prefix, f"[{len(value)} items]"))
    elif isinstance(value, float):
        out.append((prefix, f"{value:.4g}"))
    else:
        out.append((prefix, _fmt(value)))


def sub_table(name: str, figures: dict[str, Any]) -> Table:
    table = Table(title=f"Sub-benchmark: {name}", title_justify="left")
    table.add_column("figure", no_wrap=True)
    table.add_column("value", max_width=90, overflow="ellipsis", no_wrap=True)
    rows: list[tuple[str, str]] = []
    _flatten("", figures, rows)
    for key, value in rows[:80]:
        table.add_row(key, value)
    if len(rows) > 80:
        table.add_row("…", f"{len(rows) - 80} more in results.json")
    return table


HEADLINES = (
    ("real", 0.90, "real-dev mean field accuracy"),
    ("digital·held-out", 0.98, "held-out families, digital"),
    ("scan·held-out", 0.95, "held-out families, scans"),
    ("photo·held-out", 0.95, "held-out families, photos"),
)


def headline(groups: dict[str, GroupFigures]) -> list[str]:
    """The figures the issues set goals for, each with its goal and the baseline."""
    lines: list[str] = []
    for name, goal, label in HEADLINES:
        if name not in groups or "mean" not in groups[name]["accuracy"]:
            continue
        mean = groups[name]["accuracy"]["mean"]["accuracy"]
        base = groups[name]["baseline"].get("mean", {}).get("accuracy")
        colour = "green" if mean >= goal else "red"
        low = [
            key
            for key, value in groups[name]["accuracy"].items()
            if key != "mean" and "." not in key and value["accuracy"] < 0.90
        ]
        lines.append(
            f"{label}: [{colour}]{mean:.3f}[/] (goal >= {goal:.2f}; baseline {_fmt(base)}); "
            f"fields under 0.90: {', '.join(low) if low else 'none'}"
        )
    return lines


def print_fields(console: Console, results: dict[str, Any]) -> None:
    fields = results.get("fields")
    if not fields:
        return
    groups: dict[str, GroupFigures] = fields["groups"]
    workers = int(results["options"]["workers"])
    for table in (
        _accuracy_table("Field accuracy by document kind", groups, KINDS),
        _accuracy_table(
            "Field accuracy, tuned vs held-out template families",
            groups,
            [f"{k}·{s}" for k in KINDS[:-1] for s in ("tuned", "held-out")] + ["tuned", "held-out"],
            short=True,
        ),
        _accuracy_table(
            "Baseline (generic: first date, regex after Nomor, type keyword), same scorer",
            groups,
            [*KINDS, "all generated"],
            which="baseline",
        ),
        _accuracy_table(
            "Held-out generated families, each apart",
            groups,
            [n for n in groups if n.startswith("held-out·")],
            short=True,
        ),
        _accuracy_table(
            "Real-dev per source and leave-one-source-out",
            groups,
            ["real", *[n for n in groups if n.startswith("real·") or n.startswith("real without")]],
        ),
    ):
        if table is not None:
            console.print(table)
    console.print(_calibration_table(groups))
    console.print(_speed_table(groups, workers))
    run = fields.get("run", {})
    console.print(
        f"fresh ingest: {run.get('fresh_files', 0)} files, {run.get('fresh_pages', 0)} pages in "
        f"{_fmt(run.get('ingest_wall_seconds'), 1)} s wall = "
        f"{_fmt(run.get('fresh_pages_per_second_wall'), 2)} pages/s; "
        f"peak RSS: this process {_fmt(run.get('main_rss_mb'), 0)} MB, "
        f"largest worker {_fmt(run.get('max_worker_rss_mb'), 0)} MB; "
        f"rules start-up (first call, not in ms/page) {_fmt(run.get('rules_warmup_seconds'), 1)} s"
    )
    for line in headline(groups):
        console.print(line)
    failures = [d for d in fields["documents"] if d["error"]]
    if failures:
        console.print(f"[yellow]{len(failures)} file(s) with errors, e.g.:[/]")
        for doc in failures[:5]:
            console.print(f"  {doc['file']}: {doc['error'][:200]}")


def _means(results: dict[str, Any]) -> tuple[dict[str, float], dict[str, float]]:
    """Accuracy figures and speed figures worth comparing between runs."""
    accuracy: dict[str, float] = {}
    speed: dict[str, float] = {}
    groups = (results.get("fields") or {}).get("groups") or {}
    for name, figures in groups.items():
        detailed = name in (*KINDS, "tuned", "held-out", "all generated")
        for key, value in figures["accuracy"].items():
            if detailed or key == "mean":
                accuracy[f"{name} {key}"] = float(value["accuracy"])
        if name in KINDS:
            for key, label in (
                ("pages_per_second_all_workers", "pages/s"),
                ("ocr_seconds_per_ocr_page", "s/OCR page"),
                ("rules_ms_per_page", "rules ms/page"),
            ):
                if figures["speed"].get(key) is not None:
                    speed[f"{name} {label}"] = float(figures["speed"][key])
    return accuracy, speed


def print_delta(console: Console, previous: dict[str, Any], current: dict[str, Any]) -> None:
    """Accuracy changes of at least 0.005, speed changes of at least 10 %."""
    acc_before, speed_before = _means(previous)
    acc_after, speed_after = _means(current)
    changed = [
        (key, acc_before[key], acc_after[key], True)
        for key in acc_after
        if key in acc_before and abs(acc_after[key] - acc_before[key]) >= 0.005
    ]
    changed += [
        (key, speed_before[key], speed_after[key], "pages/s" in key)
        for key in speed_after
        if key in speed_before
        and abs(speed_after[key] - speed_before[key]) >= 0.1 * abs(speed_before[key])
    ]
    when = previous.get("timestamp", "?")
    commit = str(previous.get("git", {}).get("commit", "?"))[:10]
    if not changed:
        console.print(f"no change against the previous run ({when}, {commit})")
        return
    table = Table(title=f"Delta against previous run ({when}, {commit})", title_justify="left")
    table.add_column("figure")
    table.add_column("before", justify="right")
    table.add_column("now", justify="right")
    table.add_column("delta", justify="right")
    for key, old, new, higher_is_better in changed[:60]:
        delta = new - old
        colour = "green" if (delta > 0) == higher_is_better else "red"
        table.add_row(key, _fmt(old), _fmt(new), f"[{colour}]{delta:+.3f}[/]")
    if len(changed) > 60:
        table.add_row("…", "", "", f"{len(changed) - 60} more")
    console.print(table)
