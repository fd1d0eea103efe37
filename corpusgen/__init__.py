"""Deterministic generator of realistic Indonesian cooperation agreements with ground truth.

``generate_sample`` makes the wording, layout and truth from a seed;
``render_digital_pdf`` draws it with a real text layer; ``render_scan_pdf`` and
``render_image`` turn a PDF into image-only scans, phone photos and page images.
"""

from corpusgen.degrade import render_image, render_scan_pdf
from corpusgen.render import render_digital_pdf
from corpusgen.sample import GENERATOR_VERSION, Sample, generate_sample

__all__ = [
    "GENERATOR_VERSION",
    "Sample",
    "generate_sample",
    "render_digital_pdf",
    "render_image",
    "render_scan_pdf",
]
