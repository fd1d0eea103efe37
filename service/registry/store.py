"""The original bytes of every filed file, content-addressed by sha256.

The registry never alters an original: a file is written once (to a temporary
name, flushed, then renamed, so a crash never leaves a half-written original
under its final name), made read-only, and found again by its hash. Writing
happens before the database transaction that files it; a crash in between
leaves an unreferenced original that the next filing of the same bytes reuses.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def relative(self, sha256: str) -> str:
        return f"{sha256[:2]}/{sha256}"

    def path(self, sha256: str) -> Path:
        return self.root / self.relative(sha256)

    def put(self, data: bytes, sha256: str | None = None) -> str:
        """Store ``data`` (idempotent); returns its path relative to the store."""
        digest = sha256 or sha256_of(data)
        target = self.path(digest)
        if target.exists() and target.stat().st_size == len(data):
            return self.relative(digest)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return self.relative(digest)
