"""The project's typed errors.

Every error a user can cause carries a stable ``code`` (used in API bodies and
CLI output) and a message a records clerk can act on. The API maps ``status``
to HTTP in one place (``service.api.errors``) and the CLI maps ``exit_code`` to
its exit status in one place (``service.cli_errors``); nothing else decides
codes. Exit codes: 1 a file or job failed, 2 bad input (as for a usage error),
3 not found, 4 conflict with the stored state, 5 not allowed.
"""

from __future__ import annotations


class KerjasamaError(Exception):
    """Base of every error the project raises on purpose."""

    code = "error"
    status = 500
    exit_code = 1

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
    exit_code = 3


class ConflictError(KerjasamaError):
    """A stale version (If-Match) or a state that forbids the change."""

    code = "conflict"
    status = 409
    exit_code = 4


class PreconditionFailedError(KerjasamaError):
    code = "precondition_failed"
    status = 412
    exit_code = 4


class PreconditionRequiredError(KerjasamaError):
    """A change to a versioned record sent without If-Match."""

    code = "precondition_required"
    status = 428
    exit_code = 4


class ValidationFailedError(KerjasamaError):
    code = "invalid_input"
    status = 422
    exit_code = 2


class AuthError(KerjasamaError):
    code = "unauthorized"
    status = 401
    exit_code = 5


class ForbiddenError(KerjasamaError):
    code = "forbidden"
    status = 403
    exit_code = 5


class ExtractorCrashError(ExtractionError):
    """The extractor raised something it did not mean to (a bug): the file is
    recorded as failed and the caller goes on with the next one."""

    code = "extractor_crashed"
    status = 500


class JobError(KerjasamaError):
    """A job ended without a result for a reason of the service, not of the file."""

    code = "job_failed"
    status = 500


class UploadLostError(JobError):
    """The uploaded bytes are no longer in the queue; the file must be uploaded again."""

    code = "upload_lost"
    status = 410


class FilingFailedError(JobError):
    """The file was read but filing it raised (a bug); the registry is unchanged."""

    code = "filing_failed"


class WorkerLostError(JobError):
    """The job's lease lapsed ``job_max_attempts`` times (its worker died, was
    killed or lost the machine each time): the job's final, typed failure. The
    file itself may be fine; uploading it again starts a new job."""

    code = "worker_lost"
    status = 503
    exit_code = 1


class WorkerCrashedError(JobError):
    """The process reading the file died (a native crash or the OOM killer)."""

    code = "worker_crashed"


class UnreadableFileError(ExtractionError):
    """The file could not be opened from disk (permissions, vanished mid-run)."""

    code = "unreadable"


class InternalError(KerjasamaError):
    """Anything unexpected; the details are logged, never shown."""

    code = "internal_error"


ERRORS: tuple[type[KerjasamaError], ...] = (
    KerjasamaError,
    ExtractionError,
    EmptyFileError,
    UnsupportedFileTypeError,
    CorruptFileError,
    EncryptedPdfError,
    FileTooLargeError,
    TooManyPagesError,
    ImageTooLargeError,
    OcrTimeoutError,
    ExtractorCrashError,
    UnreadableFileError,
    NotFoundError,
    ConflictError,
    PreconditionFailedError,
    PreconditionRequiredError,
    ValidationFailedError,
    AuthError,
    ForbiddenError,
    JobError,
    UploadLostError,
    FilingFailedError,
    WorkerLostError,
    WorkerCrashedError,
    InternalError,
)
"""Every error class, for the one place that turns a stored code back into its class."""


def error_for_code(code: str, message: str) -> KerjasamaError:
    """The typed error a stored code names (a job row, a queue result), as raised."""
    for cls in ERRORS:
        if cls.code == code:
            return cls(message)
    return KerjasamaError(message)


class RequestTooLargeError(KerjasamaError):
    """A request body larger than the service accepts, counted as it arrives
    (chunked bodies without Content-Length included). Same stable code as the
    Content-Length refusal clients already know."""

    code = "file_too_large"
    status = 413
    exit_code = 2
