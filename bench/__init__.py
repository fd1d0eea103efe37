"""The benchmark behind ``make bench`` (``python -m bench``).

Accuracy per field against ground truth (committed corpus, a larger set
generated on the fly, and the real agreements of ``../shared/real-dev/``),
speed and memory of the extractor, the generic baseline on the same files,
and the sub-benchmarks of the other stages (OCR, registry, API). Figures go
to ``bench/results.json`` so runs can be compared.
"""
