"""Which kind of file this is, from its first bytes.

Uploads arrive with names like ``scan.pdf.jpg`` or none at all; the magic
numbers are the only thing that cannot lie about how to open the bytes.
"""

from __future__ import annotations

from models.errors import EmptyFileError, UnsupportedFileTypeError

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
TIFF = "image/tiff"

IMAGE_TYPES = frozenset({JPEG, PNG, TIFF})

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"II*\x00", TIFF),
    (b"MM\x00*", TIFF),
)


def sniff_mime(data: bytes) -> str:
    """Return the MIME type of ``data``; raise a typed error for anything else.

    A PDF header may follow a little junk (some scanners and mail gateways
    prepend bytes), which PDF readers tolerate within the first kilobyte.
    """
    if not data or not data.strip(b"\x00 \t\r\n"):
        raise EmptyFileError("Berkas kosong (0 bita atau hanya bita kosong).")
    if b"%PDF-" in data[:1024]:
        return PDF
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    raise UnsupportedFileTypeError(
        "The file is neither a PDF nor a JPEG, PNG or TIFF image "
        f"(it starts with {data[:8]!r}); upload the agreement as PDF or as a scan image.",
        detail={"head": data[:8].hex()},
    )
