"""Files on disk: the whole-or-nothing writer, and the folder beside the database where working
copies of stored reports (clerk.blobs) and PDF conversions are cached under their content hash."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from .errors import InvalidInput


def write_whole(out: Path | str, write: Callable[[Path], object], *, elsewhere: str = "choose another place to save") -> Path:
    """Write a file whole or not at all (``write`` fills a temporary file beside it, which then
    replaces ``out``), with a plain message when the path cannot be used."""
    out = Path(out).expanduser()
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder; give a file name such as {out / 'notes.docx'}.")
    if not out.parent.is_dir():
        raise InvalidInput(f"The folder {out.parent} does not exist; create it or {elsewhere}.")
    tmp = out.with_name(f".{out.name}.part")
    try:
        write(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput(f"Cannot write {out} ({exc.strerror}); {elsewhere}.") from None
    return out


def files_dir(db_path: Path | None) -> Path:
    """Beside an SQLite file (``clerk.db`` → ``clerk-files/``); in the data folder otherwise."""
    if db_path is not None and str(db_path) != ":memory:":
        return db_path.with_name(f"{db_path.stem}-files")
    from .config import data_dir

    return data_dir() / "files"


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def kept(folder: Path, digest: str, suffix: str) -> Path:
    return folder / digest[:2] / (digest + suffix.lower())
