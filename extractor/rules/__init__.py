"""Field rules: one module per field family, each from ``DocText`` to ``Finding``s.

Rules are written for how Indonesian agreements are worded and how OCR
damages them, never for one sample; every decision records its reason in the
evidence's ``rule`` so reviewers (and the benchmark) can see why.
"""
