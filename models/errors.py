"""The project's typed errors.

Every error a user can cause carries a stable ``code`` (used in API bodies and
CLI output) and a message a records clerk can act on. The API maps ``status``
to HTTP in one place (``service.api.errors``); nothing else decides codes.
"""

from __future__ import annotations


class KerjasamaError(Exception):
    """Base of every error the project raises on purpose."""

    code = "error"
    status = 500

    def __init__(self, message: str, *, detail: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class ExtractionError(KerjasamaError):
    """A file could not be read into a Document."""

    code = "extraction_failed"
    status = 422


class EmptyFileError(ExtractionError):
    code = "empty_file"


class UnsupportedFileTypeError(ExtractionError):
    code = "unsupported_type"
    status = 415


class CorruptFileError(ExtractionError):
    code = "corrupt_file"


class EncryptedPdfError(ExtractionError):
    code = "encrypted_pdf"


class FileTooLargeError(ExtractionError):
    code = "file_too_large"
    status = 413


class TooManyPagesError(ExtractionError):
    code = "too_many_pages"
    status = 413


class ImageTooLargeError(ExtractionError):
    code = "image_too_large"
    status = 413


class OcrTimeoutError(ExtractionError):
    """One page took longer than the per-page limit; the page is marked failed."""

    code = "ocr_timeout"


class NotFoundError(KerjasamaError):
    code = "not_found"
    status = 404


class ConflictError(KerjasamaError):
    """A stale version (If-Match) or a state that forbids the change."""

    code = "conflict"
    status = 409


class PreconditionFailedError(KerjasamaError):
    code = "precondition_failed"
    status = 412


class PreconditionRequiredError(KerjasamaError):
    """A change to a versioned record sent without If-Match."""

    code = "precondition_required"
    status = 428


class ValidationFailedError(KerjasamaError):
    code = "invalid_input"
    status = 422


class AuthError(KerjasamaError):
    code = "unauthorized"
    status = 401


class ForbiddenError(KerjasamaError):
    code = "forbidden"
    status = 403
