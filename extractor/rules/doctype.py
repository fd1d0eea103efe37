"""Document type from the agreement's own heading, never from mentions in the body.

A PKS cites "Nota Kesepahaman ... Nomor ..." in its recitals and an NK says it
will be carried out by "Perjanjian Kerja Sama", so counting keywords in the
body gets the type wrong; the type line of the heading block decides.
"""

from __future__ import annotations

from extractor.rules.base import Finding
from extractor.rules.heading import Heading, find_heading, line_texts
from extractor.rules.heading_kinds import AMENDING, amendment_opener
from extractor.text import DocText
from models.extraction import DocType


def find_doc_type(text: DocText, heading: Heading | None = None) -> Finding[DocType]:
    heading = heading if heading is not None else find_heading(text)
    if heading is None:
        return Finding("other", 0.3, [], ["no agreement heading found on the first pages"])
    ref = text.lines[heading.type_line]
    line = line_texts(text)[heading.type_line]
    exact = heading.keyword.replace(" ", "") in line.upper().replace(" ", "")
    conf = 0.95 if exact else 0.8
    if heading.score < 3:
        conf -= 0.15  # a bare heading (cover page, no TENTANG/numbers): worth a look
    if heading.keyword in ("PERJANJIAN", "KONTRAK", "SURAT PERJANJIAN", "SURAT PERINTAH KERJA"):
        conf -= 0.1  # contracts are PKS by convention, but the wording is looser
    if heading.keyword in ("JOINT AGREEMENT", "MEMORANDUM OF AGREEMENT", "COOPERATION AGREEMENT"):
        conf -= 0.15  # an English-only heading: its kind is a translation, worth a look
    rule = f"type line of the heading: '{heading.keyword}'" + ("" if exact else " (fuzzy)")
    own = heading.keyword in (*AMENDING, "AMENDED") or amendment_opener(heading.keyword)
    if heading.doc_type == "ADENDUM" and not own:
        rule += "; an amendment keyword follows in the heading"
    evidence = [text.evidence(ref.start, ref.end, rule)]
    return Finding(heading.doc_type, round(max(0.1, conf), 2), evidence)
