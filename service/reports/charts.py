"""The monev charts as PNG images, drawn with matplotlib.

One drawing function per chart, used by the PDF report, the XLSX and the
monev pages alike (the pages load the same PNG from the API), so a number
never looks different in two places. ``matplotlib.figure.Figure`` is used
directly, without pyplot's global state, so charts can be drawn from several
request threads at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from io import BytesIO
from typing import Literal

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from service.indonesian import AGREEMENT_STATE_LABELS, PARTY_KIND_LABELS, format_number, label
from service.reports.criteria import CRITERIA
from service.reports.evaluation_groups import Group
from service.reports.yearly import YearlyReport

ChartName = Literal[
    "tahun",
    "jenis_mitra",
    "bidang",
    "keadaan",
    "kriteria",
    "nilai_wilayah",
    "nilai_jenis_mitra",
    "nilai_tahun",
]
CHART_TITLES: dict[str, str] = {
    "tahun": "Kerja sama menurut tahun penandatanganan",
    "jenis_mitra": "Kerja sama menurut jenis mitra",
    "bidang": "Kerja sama menurut bidang",
    "keadaan": "Keadaan kerja sama",
    "kriteria": "Rata-rata nilai evaluasi per kriteria",
    "nilai_wilayah": "Rata-rata nilai evaluasi menurut wilayah",
    "nilai_jenis_mitra": "Rata-rata nilai evaluasi menurut jenis mitra",
    "nilai_tahun": "Rata-rata nilai evaluasi menurut tahun penandatanganan",
}
EVALUATION_CHARTS = ("kriteria", "nilai_wilayah", "nilai_jenis_mitra", "nilai_tahun")
_COLOUR = "#2f5d8a"
_DPI = 110


def _png(figure: Figure) -> bytes:
    buffer = BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(buffer, format="png", dpi=_DPI)
    return buffer.getvalue()


def bar_chart(
    title: str, counts: Mapping[str, int | float], *, horizontal: bool = False, xmax: float = 0
) -> bytes:
    """A bar per key with its value written on it; "tidak ada data" when empty.

    Cached on what it draws: the PDF, the XLSX and the page's images of the
    same report draw each chart once (a chart costs a few hundred ms)."""
    return _bar_png(title, tuple(counts.items()), horizontal, xmax)


_WIDTH = 6.4
_CHAR = 0.058
"""Inches per character of the 8-point tick labels (DejaVu Sans, on average)."""


@lru_cache(maxsize=64)
def _bar_png(
    title: str, items: tuple[tuple[str, int | float], ...], horizontal: bool, xmax: float
) -> bytes:
    """Margins are set from the labels' lengths rather than by matplotlib's
    layout engines, which measure every text and cost more than the drawing."""
    counts = dict(items)
    names = [str(k) for k in counts]
    values = list(counts.values())
    longest = max((len(n) for n in names), default=0) * _CHAR
    height = max(2.4, 0.32 * len(counts) + 1.0) if horizontal else 3.0
    rotate = not horizontal and longest > 0.9 * (_WIDTH - 0.8) / max(1, len(names))
    left = min(3.4, 0.3 + longest) if horizontal else 0.55
    bottom = 0.45 + (longest * 0.71 if rotate else 0.0)
    figure = Figure(figsize=(_WIDTH, height + (longest * 0.71 if rotate else 0.0)))
    size = figure.get_size_inches()
    figure.subplots_adjust(
        left=left / size[0],
        right=1 - 0.5 / size[0],
        bottom=bottom / size[1],
        top=1 - 0.42 / size[1],
    )
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    if not counts:
        axes.text(0.5, 0.5, "tidak ada data", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return _png(figure)
    if horizontal:
        bars = axes.barh(names[::-1], values[::-1], color=_COLOUR)
        if xmax:
            axes.set_xlim(0, xmax)
    else:
        bars = axes.bar(names, values, color=_COLOUR)
        if rotate:
            axes.tick_params(axis="x", labelrotation=45)
            for tick in axes.get_xticklabels():
                tick.set_horizontalalignment("right")
                tick.set_rotation_mode("anchor")
    axes.bar_label(
        bars,
        labels=[_number(v) for v in (values[::-1] if horizontal else values)],
        fontsize=8,
        padding=2,
    )
    # Counts get whole-number ticks (no "0.2 agreements"); every tick reads
    # the Indonesian way (decimal comma).
    value_axis = axes.xaxis if horizontal else axes.yaxis
    value_axis.set_major_locator(MaxNLocator(integer=True))
    value_axis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(round(v))))
    if horizontal:
        axes.margins(x=0.08, y=0.2 / max(1, len(names)))
    else:
        axes.margins(y=0.1)
    axes.tick_params(labelsize=8)
    return _png(figure)


def _number(value: float) -> str:
    return format_number(value if isinstance(value, float) else int(value))


def chart(name: str, report: YearlyReport) -> bytes:
    """The chart ``name`` of a yearly report."""
    title = CHART_TITLES[name]
    if name == "tahun":
        return bar_chart(title, {str(k): v for k, v in report.by_signing_year.items()})
    if name == "jenis_mitra":
        return bar_chart(
            title,
            {label(PARTY_KIND_LABELS, k): v for k, v in report.by_party_kind.items()},
            horizontal=True,
        )
    if name == "bidang":
        return bar_chart(title, report.by_field, horizontal=True)
    if name == "keadaan":
        return bar_chart(
            title,
            {
                AGREEMENT_STATE_LABELS[k]: report.states.get(k, 0)
                for k in AGREEMENT_STATE_LABELS
                if report.states.get(k)
            },
        )
    if name == "kriteria":
        averages = {c.code: c.average for c in report.evaluation.criteria}
        return bar_chart(
            title,
            {c.label: averages[c.code] or 0.0 for c in CRITERIA if averages.get(c.code)},
            horizontal=True,
            xmax=5,
        )
    groups = {
        "nilai_wilayah": report.evaluation_by_region,
        "nilai_jenis_mitra": report.evaluation_by_party_kind,
        "nilai_tahun": report.evaluation_by_signing_year,
    }
    if name == "nilai_wilayah":
        level = "provinsi" if report.body.startswith("kemendagri") else "kabupaten/kota"
        title = f"Rata-rata nilai evaluasi menurut {level}"
    if name in groups:
        return bar_chart(title, _averages(groups[name]), horizontal=True, xmax=5)
    raise KeyError(name)


def _averages(groups: list[Group]) -> dict[str, float]:
    """Evaluated groups only, each named with how many of its agreements were
    evaluated (a mean of one sheet reads differently from a mean of fifty)."""
    return {
        f"{g.label or g.key} ({format_number(g.evaluated)})": g.average
        for g in groups
        if g.average is not None
    }
