"""Files on disk: the whole-or-nothing writer, and the folder beside the database where working
copies of stored reports (clerk.blobs) and PDF conversions are cached under their content hash."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from .errors import InvalidInput

SQLITE_HEADER = b"SQLite format 3\x00"
DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


def is_database(path: Path) -> bool:
    """An SQLite file, or the -wal, -shm or -journal file that goes with one."""
    for companion in DATABASE_COMPANIONS:
        if path.name.endswith(companion) and is_database(path.with_name(path.name[: -len(companion)])):
            return True
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def output_path(
    out: Path | str | None,
    suffix: str,
    *,
    accept: tuple[str, ...] = (),
    hint: str = "",
    elsewhere: str = "choose another place to save",
    databases: bool = False,
) -> Path:
    """Where to write a ``suffix`` file: a name without an extension gets ``suffix`` (the
    corrected name is what the caller reports); a name with another extension is refused."""
    text = "" if out is None else str(out).strip()
    if not text or text == ".":
        raise InvalidInput(f"No file name was given; give one ending {suffix}.")
    path = Path(text).expanduser()
    if path.exists():
        check_writable(
            path, elsewhere=elsewhere, databases=databases
        )  # a folder, a device, a database: refused as given, not renamed
    if path.suffix == "":
        return path.with_name(path.name + suffix)
    if path.suffix.lower() not in (suffix, *accept):
        wanted = " or ".join((suffix, *accept))
        raise InvalidInput(
            f"{path.name} does not end {wanted}, so clerk did not write it; {hint or f'give a name ending {suffix}'}."
        )
    return path


def check_writable(out: Path, *, elsewhere: str = "choose another place to save", databases: bool = False) -> Path:
    """Refuse what must never be written over: a folder, a device or other non-regular file,
    a database and its -wal, -shm or -journal files (``databases``: another SQLite file may be
    replaced, as a backup replaces an older one; never the companions)."""
    out = Path(out).expanduser()
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder; give a file name such as {out / 'notes.docx'}.")
    if out.exists() and not out.is_file():
        raise InvalidInput(f"{out} is not an ordinary file, so clerk will not write to it; {elsewhere}.")
    if is_database(out) and not (databases and out.is_file() and not out.name.endswith(DATABASE_COMPANIONS)):
        raise InvalidInput(f"{out} is a database, which clerk never writes over; {elsewhere}.")
    if not out.parent.is_dir():
        raise InvalidInput(f"The folder {out.parent} does not exist; create it or {elsewhere}.")
    return out


def write_whole(
    out: Path | str, write: Callable[[Path], object], *, elsewhere: str = "choose another place to save", databases: bool = False
) -> Path:
    """Write a file whole or not at all (``write`` fills a temporary file beside it, which then
    replaces ``out``), with a plain message when the path cannot be used (see check_writable)."""
    out = check_writable(Path(out), elsewhere=elsewhere, databases=databases)
    tmp = out.with_name(f".{out.name}.part")
    try:
        write(tmp)
        check_writable(out, elsewhere=elsewhere, databases=databases)  # still so once written
        os.replace(tmp, out)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InvalidInput(f"Cannot write {out} ({exc.strerror or exc}); {elsewhere}.") from None
        raise
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


def check_template(path: str) -> str:
    """A Word document or template (.docx, .dotx) that exists and is one; its path, tidied."""
    p = Path(str(path).strip()).expanduser()
    if p.suffix.lower() not in (".docx", ".dotx"):
        raise InvalidInput(f"The template {p} is not a Word document or template; give a .docx or .dotx file.")
    if not p.is_file():
        raise InvalidInput(f"There is no template at {p}; check the path.")
    try:
        with zipfile.ZipFile(p) as z:
            if "word/document.xml" not in z.namelist():
                raise zipfile.BadZipFile
    except (zipfile.BadZipFile, OSError):
        raise InvalidInput(
            f"{p} is not a valid Word file (it may be damaged, or a renamed .doc); save it again from Word as .docx or .dotx."
        ) from None
    return str(p)
