"""From a file to a typed record: ingest, OCR, text clean-up, field rules.

Pure: a file in, a ``models.Extraction`` out. Nothing here opens the registry.
"""

__version__ = "0.1.0"
