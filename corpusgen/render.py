"""The digital (born-digital, text-layer) PDF of a sample."""

from __future__ import annotations

from corpusgen.pdf import pages_to_pdf
from corpusgen.sample import Sample


def render_digital_pdf(sample: Sample) -> bytes:
    return pages_to_pdf(sample.pages, title=sample.truth["title"][:120])
