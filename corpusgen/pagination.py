"""Blocks onto pages: page breaks, kept-together blocks, and the furniture
(page numbers, paraf boxes, footers) that real agreements carry and that
extraction must learn to ignore."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from corpusgen.layout import Block, Graphic, Line, Page, PageBreak, Run, Space, Style, width
from corpusgen.letterhead import Kop, Logos
from corpusgen.signature_columns import Signatures


@dataclass
class Furniture:
    page_numbers: str | None = "dash-top"
    """dash-top | halaman-bottom | plain-bottom-right | dari-paraf ('3 dari 7' beside the
    paraf box) | None"""
    paraf: int = 0  # number of paraf cells (0 = no paraf box)
    paraf_label: str = "Paraf"
    footer_text: str | None = None
    paraf_cells: str = "roman"
    """cell labels of the paraf box: roman ('Pihak I') | ordinal ('PIHAK KESATU')"""
    running_header: bool = False
    """the title repeated at the top of every page after the first"""
    address_footer: bool = False
    """a letterhead footer (address, telephone, website) at the foot of every page"""


@dataclass(frozen=True)
class RunningText:
    """What a document's own furniture repeats: its short title and the first party's address."""

    title: str = ""
    address: str = ""


def paginate(
    blocks: Sequence[Block], st: Style, furniture: Furniture, running: RunningText | None = None
) -> list[Page]:
    pages: list[Page] = []
    top = st.page[1] - st.margins[2]
    bottom = st.margins[3] + (34 if furniture.paraf else 0)

    page = Page(st.page)
    y = top
    first_on_page = True

    def new_page() -> None:
        nonlocal page, y, first_on_page
        pages.append(page)
        page = Page(st.page)
        y = top
        first_on_page = True

    rows_of = [b.rows(st) for b in blocks]
    for bi, block in enumerate(blocks):
        if isinstance(block, PageBreak):
            if not first_on_page:
                new_page()
            continue
        rows = rows_of[bi]
        if not rows:
            continue
        need = 0.0
        if block.keep_together:
            need = sum(r.height + r.gap_before for r in rows)
        elif block.keep_with_next:
            need = sum(r.height + r.gap_before for r in rows)
            j = bi + 1
            while j < len(blocks) and blocks[j].keep_with_next:
                need += sum(r.height + r.gap_before for r in rows_of[j])
                j += 1
            if j < len(blocks):
                need += sum(r.height + r.gap_before for r in rows_of[j][:2])
        if need and y - need < bottom and not first_on_page:
            new_page()
        for k, row in enumerate(rows):
            gap = 0.0 if first_on_page else row.gap_before
            if y - gap - row.height < bottom and not first_on_page:
                # a paragraph's last line alone on a new page looks wrong; fine for a generator
                new_page()
                gap = 0.0
            y -= gap
            if isinstance(block, Space) and first_on_page:
                continue
            lines, under, over = row.emit(
                y - row.height * 0.8
                if not (isinstance(block, (Signatures, Kop, Logos)) or block.top_anchored)
                else y - st.size
            )
            page.body.extend(lines)
            page.under.extend(under)
            page.over.extend(over)
            y -= row.height
            first_on_page = False
            del k
    pages.append(page)
    _add_furniture(pages, st, furniture)
    _add_running(pages, st, furniture, running or RunningText())
    return pages


def _add_furniture(pages: list[Page], st: Style, f: Furniture) -> None:
    n = len(pages)
    size = st.size - 1
    for i, p in enumerate(pages, start=1):
        w, h = st.page
        if f.page_numbers == "dash-top" and i > 1:
            t = f"- {i} -"
            p.header.append(
                Line([Run((w - width(t, st.regular, size)) / 2, h - 40, t, st.regular, size)])
            )
        elif f.page_numbers == "halaman-bottom":
            t = f"Halaman {i} dari {n}"
            p.footer.append(
                Line([Run((w - width(t, st.regular, size)) / 2, 30, t, st.regular, size)])
            )
        elif f.page_numbers == "plain-bottom-right":
            t = str(i)
            p.footer.append(
                Line([Run(w - st.margins[1] - width(t, st.regular, size), 30, t, st.regular, size)])
            )
        if f.paraf and i < n:
            cw = 42.0 if f.paraf_cells == "roman" else 56.0
            x0 = w - st.margins[1] - cw * f.paraf
            y0 = st.margins[3] - 34
            p.under.append(Graphic("box", x0, y0, cw * f.paraf, 30))
            p.under.append(Graphic("rule", x0, y0 + 18, cw * f.paraf, 0.5))
            for k in range(1, f.paraf):
                p.under.append(Graphic("vrule", x0 + cw * k, y0, 0.5, 18))
            lab = f.paraf_label
            p.footer.append(
                Line(
                    [
                        Run(
                            x0 + (cw * f.paraf - width(lab, st.regular, 7)) / 2,
                            y0 + 21,
                            lab,
                            st.regular,
                            7,
                        )
                    ]
                )
            )
            romans = ["I", "II", "III"]
            ordinals = ["KESATU", "KEDUA", "KETIGA"]
            cells = [
                f"Pihak {romans[k]}" if f.paraf_cells == "roman" else f"PIHAK {ordinals[k]}"
                for k in range(f.paraf)
            ]
            cell_size = 7 if f.paraf_cells == "roman" else 5.5
            p.footer.append(
                Line(
                    [
                        Run(x0 + cw * k + 3, y0 + 11, cells[k], st.regular, cell_size)
                        for k in range(f.paraf)
                    ]
                )
            )
            if f.page_numbers == "dari-paraf":
                t = f"{i} dari {n}"
                p.footer.append(
                    Line([Run(x0 - width(t, st.regular, size) - 12, y0 + 11, t, st.regular, size)])
                )
            # a handwritten initial in some cells
            for k in range(f.paraf):
                p.over.append(
                    Graphic(
                        "initial",
                        x0 + cw * k + 6,
                        y0 + 1,
                        cw - 12,
                        10,
                        i * 31 + k,
                        color=(0.05, 0.1, 0.45),
                    )
                )
        if f.footer_text:
            p.footer.append(Line([Run(st.margins[0], 18, f.footer_text, st.regular, 7)]))


def _add_running(pages: list[Page], st: Style, f: Furniture, running: RunningText) -> None:
    """Running header (the title, from page 2) and letterhead footer (every page)."""
    w, h = st.page
    size = 7.5
    for i, p in enumerate(pages, start=1):
        if f.running_header and running.title and i > 1:
            t = running.title
            x = max(st.margins[0], (w - width(t, st.regular, size)) / 2)
            p.header.append(Line([Run(x, h - 28, t, st.regular, size)]))
        if f.address_footer and running.address:
            t = running.address
            p.footer.append(Line([Run(st.margins[0], 14, t, st.regular, 6.5)]))
