"""What both queue backends promise: claims with leases, results, acknowledgements.

Two backends, one contract (``JobQueue``):

- ``sqlite`` (default, ``jobs.leases``): the job rows in ``registry.db`` are the
  queue. A worker claims a row in one statement, renews its lease while it
  reads, and leaves its result beside the row; a lapsed lease is claimed again.
- ``redis`` (``jobs.streams``, ``KERJASAMA_QUEUE_URL``): a Redis stream with a
  consumer group, so the engine's own acknowledgements and visibility timeout
  (``XREADGROUP`` / ``XACK`` / ``XAUTOCLAIM``) hold the lease; workers on other
  machines never open the registry.

Either way the lease lives in exactly one place, a worker only reads (never
files), and the API's collector is the single writer that files results.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from typing import Protocol

from service.consume import ReadResult
from service.jobs.store import Job


@dataclass(frozen=True)
class Claim:
    """A job a worker holds under a lease."""

    job_id: str
    name: str
    sha256: str
    mime: str
    attempt: int
    owner: str
    ref: str
    """The backend's handle on the delivery (the row id, or the stream entry id)."""


@dataclass(frozen=True)
class Finished:
    """A worker's result waiting for the single writer."""

    job_id: str
    result: ReadResult
    attempt: int
    ref: str


class JobQueue(Protocol):
    # -- the API side
    def put_blob(self, job_id: str, data: bytes) -> None:
        """Keep the uploaded bytes for the workers (before the job can be claimed)."""

    def drop_blob(self, job_id: str) -> None: ...

    def blob(self, job_id: str) -> bytes | None: ...

    def enqueue(self, job: Job) -> str | None:
        """Make the job claimable; the delivery's reference when the backend has one."""

    def sync(self, active: list[Job]) -> None:
        """Mirror the backend's leases into the rows; queue again what never got queued."""

    def exhausted(self, active: list[Job]) -> list[Job]:
        """Jobs whose last lease lapsed with no attempt left: the writer fails them."""

    def results(self) -> list[Finished]: ...

    def ack(self, finished: Finished) -> None:
        """The writer has filed (or refused) this result: never deliver it again."""

    def forget(self, job: Job) -> None:
        """The job is over: drop its bytes and whatever the backend still holds."""

    def pending_count(self) -> int: ...

    # -- the worker side
    def claim(self, owner: str, wait: float) -> Claim | None:
        """Take one job under a lease, waiting up to ``wait`` seconds for one."""

    def renew(self, claim: Claim) -> bool:
        """Extend the lease; false once another worker has taken the job over."""

    def complete(self, claim: Claim, result: ReadResult) -> bool:
        """Hand the result to the writer and give the lease back."""


def owner_tag() -> str:
    """Who holds a lease: host, process and a tag (a pid can be reused after a crash)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def exhausted_message(attempts: int) -> str:
    """The Indonesian reason of ``WorkerLostError``, the same from either backend."""
    return (
        f"Pekerjaan dihentikan setelah {attempts} kali percobaan: pekerja berhenti "
        "sebelum selesai membaca berkas ini."
    )
