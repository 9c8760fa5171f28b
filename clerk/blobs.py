"""The bytes of attached reports and files, kept in the database under their SHA-256 (the Blob
table), so a backup or a colleague sharing the database has them too. Tools that need a path
(LibreOffice, python-docx) get a copy in an on-disk cache, checked against the hash each time."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from .errors import InvalidInput
from .files import files_dir, kept, sha256_of
from .models import Blob
from .storage import Store


def read_source(source: Path | str) -> bytes:
    """A file's bytes, or one plain line saying why not."""
    src = Path(source).expanduser()
    if not src.is_file():
        raise InvalidInput(f"There is no file at {src}.")
    try:
        return src.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {src} ({exc.strerror}).") from None


def keep_in(session: Session, data: bytes) -> str:
    """Store ``data`` once under its hash (inside the caller's transaction); returns the hash."""
    digest = hashlib.sha256(data).hexdigest()
    if session.exec(select(Blob.sha256).where(Blob.sha256 == digest)).first() is None:
        try:
            with session.begin_nested():
                session.add(Blob(sha256=digest, size=len(data), content=data))
        except IntegrityError:
            pass  # the same bytes stored a moment ago from another machine
    return digest


def bytes_in(session: Session, digest: str) -> bytes | None:
    return session.exec(select(Blob.content).where(Blob.sha256 == digest)).first()


def cache_folder(store: Store) -> Path:
    return files_dir(store.target.path)


def file_in(session: Session, folder: Path, digest: str, suffix: str) -> Path | None:
    """A file holding the stored bytes (from the cache when it still matches the hash), or None
    when the database does not hold them."""
    path = kept(folder, digest, suffix)
    try:
        if path.is_file() and sha256_of(path) == digest:
            return path
    except OSError:
        pass
    data = bytes_in(session, digest)
    if data is None:
        return None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput(f"Cannot write a working copy of a stored file to {path.parent} ({exc.strerror}).") from None
    return path


def file_of(store: Store, digest: str, suffix: str) -> Path | None:
    with store.read() as session:
        return file_in(session, cache_folder(store), digest, suffix)
