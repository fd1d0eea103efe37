"""The official yearly report as a printable PDF (reportlab).

Laid out the way a regional government or the ministry sends it: the kop
(letterhead) of the reporting body, the title with the fiscal year, summary
tables, the charts of ``service.reports.charts``, the list of agreements as
an annex, and the signature block. Everything a person reads is Indonesian
and goes through ``service.indonesian``.

The annex (the list of agreements, thousands of rows for the ministry) is a
plain text grid of ``service.reports.pdf_annex`` rather than reportlab
tables, which spent seconds measuring and drawing cell by cell.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.frames import Frame

from service.indonesian import (
    AGREEMENT_STATE_LABELS,
    PARTY_KIND_LABELS,
    format_date,
    format_number,
    label,
    local_time,
)
from service.reports.bodies import all_bodies, get_body
from service.reports.charts import CHART_TITLES, chart
from service.reports.pdf_annex import GridStyle, TextGrid, wrap_text
from service.reports.yearly import YearlyReport, summary_lines

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def _fonts() -> tuple[str, str]:
    """DejaVu (fonts-dejavu-core, in the Makefile) carries every letter a name
    may hold; Helvetica is the fallback where it is missing."""
    regular, bold = _FONT_DIR / "DejaVuSans.ttf", _FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        return "Helvetica", "Helvetica-Bold"
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    return "DejaVuSans", "DejaVuSans-Bold"


def _styles(font: str, bold: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=12)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7, leading=8.5),
        "kop": ParagraphStyle(
            "kop", parent=base, fontName=bold, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "kop2": ParagraphStyle("kop2", parent=base, fontSize=9, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=12, leading=15, alignment=TA_CENTER
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=bold, fontSize=10.5, spaceBefore=8, spaceAfter=4
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


def kop_lines(code: str) -> tuple[str, str]:
    """The letterhead's two lines for a body."""
    body = get_body(code)
    if body.level == "kementerian":
        unit = "" if body.parent is None else body.name
        return "KEMENTERIAN DALAM NEGERI REPUBLIK INDONESIA", unit
    if body.level == "provinsi":
        return f"PEMERINTAH PROVINSI {body.name.upper()}", "SEKRETARIAT DAERAH"
    return f"PEMERINTAH {body.name.upper()}", "SEKRETARIAT DAERAH"


def _signer(code: str) -> tuple[str, str]:
    """Where it is signed and by which office."""
    body = get_body(code)
    if body.level == "kementerian":
        return (
            "Jakarta",
            "Direktur Jenderal Otonomi Daerah"
            if body.parent is None
            else f"Kepala {body.name.split(',')[0]}",
        )
    place = body.name.removeprefix("Kabupaten ").removeprefix("Kota ")
    if body.level == "provinsi":
        return body.name, f"Sekretaris Daerah Provinsi {body.name}"
    return place, f"Sekretaris Daerah {body.name}"


def _table(
    rows: list[list[Any]], widths: list[float], font: str, bold: str, *, size: float = 8.5
) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, size),
                ("FONT", (0, 0), (-1, 0), bold, size),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe7f0")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def _count_rows(title: str, counts: dict[str, int]) -> list[list[Any]]:
    return [[title, "Jumlah"], *([k, format_number(v)] for k, v in counts.items())]


def report_pdf(report: YearlyReport) -> bytes:
    font, bold = _fonts()
    styles = _styles(font, bold)
    buffer = BytesIO()
    portrait_frame = Frame(2 * cm, 2 * cm, A4[0] - 4 * cm, A4[1] - 4 * cm, id="p")
    wide = landscape(A4)
    landscape_frame = Frame(1.5 * cm, 1.5 * cm, wide[0] - 3 * cm, wide[1] - 3 * cm, id="l")
    footer = f"Laporan monev kerja sama {report.fiscal_year} — {report.body_name}"

    def number_pages(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        width = canvas._pagesize[0]
        canvas.drawString(2 * cm, 1.2 * cm, footer)
        canvas.drawRightString(width - 2 * cm, 1.2 * cm, f"Halaman {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Laporan Monev Kerja Sama Daerah {report.fiscal_year}",
        author=report.body_name,
        pageTemplates=[
            PageTemplate("portrait", [portrait_frame], onPage=number_pages, pagesize=A4),
            PageTemplate("landscape", [landscape_frame], onPage=number_pages, pagesize=wide),
        ],
    )
    text_width = A4[0] - 4 * cm
    first, second = kop_lines(report.body)
    story: list[Any] = [Paragraph(first, styles["kop"])]
    if second:
        story.append(Paragraph(second, styles["kop2"]))
    rule = Table([[""]], colWidths=[text_width], rowHeights=[2])
    rule.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.5, colors.black)]))
    story += [
        rule,
        Spacer(1, 0.5 * cm),
        Paragraph("LAPORAN HASIL MONITORING DAN EVALUASI", styles["title"]),
        Paragraph("PELAKSANAAN KERJA SAMA DAERAH", styles["title"]),
        Paragraph(f"TAHUN ANGGARAN {report.fiscal_year}", styles["title"]),
        Spacer(1, 0.3 * cm),
        Paragraph(f"Badan pelapor: {report.body_name} ({report.body})", styles["center"]),
        Paragraph(
            f"Keadaan per {format_date(report.as_of)}; batas waktu penyampaian "
            f"{format_date(report.deadline)} ({report.deadline_working_days} hari kerja "
            f"setelah 31 Desember {report.fiscal_year})",
            styles["center"],
        ),
        Spacer(1, 0.4 * cm),
        Paragraph("A. Ringkasan", styles["h2"]),
    ]
    summary = [["Uraian", "Jumlah"], *([k, format_number(v)] for k, v in summary_lines(report))]
    story.append(_table(summary, [text_width * 0.75, text_width * 0.25], font, bold, size=9))
    story.append(Paragraph("B. Evaluasi per kriteria", styles["h2"]))
    criteria = [["Kriteria", "Dievaluasi", "Rata-rata"]] + [
        [
            Paragraph(c.label, styles["base"]),
            format_number(c.evaluated),
            format_number(c.average) if c.average is not None else "—",
        ]
        for c in report.evaluation.criteria
    ]
    story.append(
        _table(criteria, [text_width * 0.64, text_width * 0.18, text_width * 0.18], font, bold)
    )
    story += _evaluation_groups(report, styles, font, bold, text_width)
    story.append(Paragraph("D. Sebaran", styles["h2"]))
    kinds = {label(PARTY_KIND_LABELS, k): v for k, v in report.by_party_kind.items()}
    half = text_width / 2 - 0.2 * cm
    pair = Table(
        [
            [
                _table(_count_rows("Jenis mitra", kinds), [half * 0.72, half * 0.28], font, bold),
                _table(
                    _count_rows("Bidang", report.by_field), [half * 0.72, half * 0.28], font, bold
                ),
            ]
        ],
        colWidths=[half + 0.2 * cm, half + 0.2 * cm],
    )
    pair.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story.append(pair)
    if report.by_province and len(report.by_province) > 1:
        bodies = all_bodies()
        provinces = {
            f"{bodies[c].name if c in bodies else c} ({c})": v
            for c, v in report.by_province.items()
        }
        story.append(Spacer(1, 0.3 * cm))
        story.append(
            _table(
                _count_rows("Provinsi", provinces),
                [text_width * 0.75, text_width * 0.25],
                font,
                bold,
            )
        )
    story.append(PageBreak())
    story.append(Paragraph("E. Grafik", styles["h2"]))
    for name in CHART_TITLES:
        image = Image(BytesIO(chart(name, report)))
        scale = 0.82 * min(1.0, text_width / image.drawWidth, 22 * cm / image.drawHeight)
        image.drawWidth *= scale
        image.drawHeight *= scale
        story.append(image)
    place, office = _signer(report.body)
    signature = Table(
        [
            [f"{place}, {format_date(local_time(report.generated_at).date())}"],
            [office],
            [Spacer(1, 1.6 * cm)],
            ["(.............................................)"],
            ["NIP. ......................................"],
        ],
        colWidths=[8 * cm],
        hAlign="RIGHT",
    )
    signature.setStyle(
        TableStyle([("FONT", (0, 0), (-1, -1), font, 9.5), ("ALIGN", (0, 0), (-1, -1), "CENTER")])
    )
    story += [Spacer(1, 0.8 * cm), KeepTogether([signature])]
    story += [
        NextPageTemplate("landscape"),
        PageBreak(),
        *_annex(report, styles, GridStyle(font, bold), wide[0] - 3 * cm),
    ]
    doc.build(story)
    return buffer.getvalue()


def _evaluation_groups(
    report: YearlyReport,
    styles: dict[str, ParagraphStyle],
    font: str,
    bold: str,
    width: float,
) -> list[Any]:
    """Section C: evaluation by region, partner kind and signing year, the
    agreements never evaluated, and the praktik baik with their evaluation."""
    level = "provinsi" if report.body.startswith("kemendagri") else "kabupaten/kota"
    story: list[Any] = [
        Paragraph("C. Evaluasi menurut wilayah, jenis mitra dan tahun", styles["h2"])
    ]
    widths = [width * 0.55, width * 0.15, width * 0.15, width * 0.15]
    for title, groups in (
        (level.capitalize(), report.evaluation_by_region),
        ("Jenis mitra", report.evaluation_by_party_kind),
        ("Tahun penandatanganan", report.evaluation_by_signing_year),
    ):
        rows: list[list[Any]] = [[title, "Kerja sama", "Dievaluasi", "Rata-rata"]]
        rows += [
            [
                g.label or g.key,
                format_number(g.agreements),
                format_number(g.evaluated),
                format_number(g.average) if g.average is not None else "—",
            ]
            for g in groups
        ]
        story += [_table(rows, widths, font, bold), Spacer(1, 0.2 * cm)]
    story.append(
        Paragraph(
            f"Belum pernah dievaluasi: {format_number(len(report.never_evaluated))} "
            f"dari {format_number(len(report.rows))} kerja sama.",
            styles["base"],
        )
    )
    story.append(Paragraph("Praktik baik (untuk direplikasi)", styles["h2"]))
    if not report.good_practice:
        story.append(Paragraph("Belum ada kerja sama yang ditandai praktik baik.", styles["base"]))
        return story
    rows = [["No.", "Kerja sama", "Rata-rata", "Cerita sukses"]]
    rows += [
        [
            str(g.agreement_id),
            Paragraph(
                escape(f"{g.title or '(tanpa judul)'} — {'; '.join(g.parties)}"), styles["small"]
            ),
            format_number(g.evaluation.average),
            Paragraph(escape(g.evaluation.story or ""), styles["small"]),
        ]
        for g in report.good_practice[:100]
    ]
    story.append(_table(rows, [width * 0.08, width * 0.42, width * 0.12, width * 0.38], font, bold))
    return story


def _annex(
    report: YearlyReport, styles: dict[str, ParagraphStyle], grid: GridStyle, width: float
) -> list[Any]:
    story: list[Any] = [Paragraph("Lampiran. Daftar kerja sama", styles["h2"])]
    if not report.rows:
        story.append(
            Paragraph("Tidak ada kerja sama yang berlaku dalam tahun ini.", styles["base"])
        )
        return story
    fractions = [0.04, 0.045, 0.26, 0.15, 0.22, 0.095, 0.095, 0.095]
    widths = [width * f for f in fractions]
    header = [
        ["No."],
        ["Jenis"],
        ["Judul"],
        ["Nomor"],
        ["Para pihak"],
        ["Tanggal", "tanda tangan"],
        ["Berakhir"],
        ["Keadaan"],
    ]
    rows = [
        [
            [str(row.id)],
            [row.doc_type or "—"],
            wrap_text(row.title or "(tanpa judul)", 58),
            wrap_text("; ".join(row.numbers) or "—", 34),
            wrap_text("; ".join(row.parties) or "—", 42),
            [format_date(row.signing_date)],
            [format_date(row.end_date)],
            wrap_text(AGREEMENT_STATE_LABELS[row.state], 16),
        ]
        for row in report.rows
    ]
    story.append(TextGrid(header, rows, widths, grid))
    return story
