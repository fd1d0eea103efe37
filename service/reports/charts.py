"""The monev charts as PNG images, drawn with matplotlib.

One drawing function per chart, used by the PDF report, the XLSX and the
monev pages alike (the pages load the same PNG from the API), so a number
never looks different in two places. ``matplotlib.figure.Figure`` is used
directly, without pyplot's global state, so charts can be drawn from several
request threads at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Literal

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from service.indonesian import AGREEMENT_STATE_LABELS, PARTY_KIND_LABELS, format_number, label
from service.reports.criteria import CRITERIA
from service.reports.yearly import YearlyReport

ChartName = Literal["tahun", "jenis_mitra", "bidang", "keadaan", "kriteria"]
CHART_TITLES: dict[str, str] = {
    "tahun": "Kerja sama menurut tahun penandatanganan",
    "jenis_mitra": "Kerja sama menurut jenis mitra",
    "bidang": "Kerja sama menurut bidang",
    "keadaan": "Keadaan kerja sama",
    "kriteria": "Rata-rata nilai evaluasi per kriteria",
}
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
    """A bar per key with its value written on it; "tidak ada data" when empty."""
    figure = Figure(figsize=(6.4, max(2.4, 0.32 * len(counts) + 1.0) if horizontal else 3.0))
    figure.set_layout_engine("constrained")
    axes = figure.add_subplot()
    axes.set_title(title, fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    if not counts:
        axes.text(0.5, 0.5, "tidak ada data", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return _png(figure)
    names = [str(k) for k in counts]
    values = list(counts.values())
    if horizontal:
        bars = axes.barh(names[::-1], values[::-1], color=_COLOUR)
        if xmax:
            axes.set_xlim(0, xmax)
    else:
        bars = axes.bar(names, values, color=_COLOUR)
        axes.tick_params(axis="x", labelrotation=45 if len(names) > 8 else 0, labelsize=8)
    axes.bar_label(bars, labels=[_number(v) for v in (values[::-1] if horizontal else values)])
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
    raise KeyError(name)
