"""Writing the site's files so that only what changed is rewritten: a page is compared with the
file already there; a document (slow to write, and never byte-for-byte the same twice) is
rewritten when the digest of its data differs from the one the last publish recorded. The
record of what was written (``MANIFEST``) also tells which files a later publish no longer
makes, and so removes; no file it did not write is ever touched."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".clerk-site.json"


@dataclass
class SiteResult:
    out: Path
    written: list[str] = field(default_factory=list)  # relative paths, in the order written
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)

    @property
    def files(self) -> int:
        return len(self.written) + self.unchanged


class SiteFolder:
    """The site's folder and what the last publish recorded of it."""

    def __init__(self, out: Path, now: dt.datetime) -> None:
        self.out = out
        self.now = now.astimezone(dt.UTC).replace(microsecond=0)
        self.result = SiteResult(out)
        try:
            old = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
        self.old_files: dict[str, str] = old.get("files", {}) if isinstance(old, dict) else {}
        self.old_stamps: dict[str, list[str]] = old.get("stamps", {}) if isinstance(old, dict) else {}
        self.files: dict[str, str] = {}
        self.stamps: dict[str, list[str]] = {}

    def path(self, rel: str) -> Path:
        target = (self.out / rel).resolve()
        if not target.is_relative_to(self.out.resolve()):
            raise ValueError(f"{rel} is outside the site")
        return target

    def page(self, rel: str, data: bytes | str) -> None:
        """A page, stylesheet or feed: written when its bytes differ from the file's."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        target = self.path(rel)
        self.files[rel] = "page"
        try:
            if target.read_bytes() == raw:
                self.result.unchanged += 1
                return
        except OSError:
            pass
        self._replace(target, lambda tmp: tmp.write_bytes(raw))
        self.result.written.append(rel)

    def document(self, rel: str, digest: str, make: Callable[[Path], object]) -> bool:
        """A document made by ``make(path)`` when ``digest`` is not the one recorded; True when made."""
        target = self.path(rel)
        self.files[rel] = digest
        if self.old_files.get(rel) == digest and target.is_file():
            self.result.unchanged += 1
            return False
        self._replace(target, make)
        self.result.written.append(rel)
        return True

    def stamp(self, key: str, digest: str) -> dt.datetime:
        """When the content ``digest`` of ``key`` (a feed entry, a calendar) first appeared:
        a feed's updated dates move only when its content does."""
        old = self.old_stamps.get(key)
        when = self.now.isoformat()
        if old and len(old) == 2 and old[0] == digest:
            when = old[1]
        self.stamps[key] = [digest, when]
        return dt.datetime.fromisoformat(when)

    def _replace(self, target: Path, make: Callable[[Path], object]) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".clerk-", suffix=target.suffix, dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        try:
            make(tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)

    def finish(self) -> SiteResult:
        """Remove what the last publish wrote and this one did not; record this one."""
        for rel in sorted(set(self.old_files) - set(self.files)):
            try:
                target = self.path(rel)
            except ValueError:
                continue
            if target.is_file():
                target.unlink()
                self.result.removed.append(rel)
                self._prune(target.parent)
        manifest = json.dumps({"files": self.files, "stamps": self.stamps}, indent=1, sort_keys=True) + "\n"
        target = self.out / MANIFEST
        try:
            same = target.read_text(encoding="utf-8") == manifest
        except OSError:
            same = False
        if not same:
            self._replace(target, lambda tmp: tmp.write_text(manifest, encoding="utf-8"))
        return self.result

    def _prune(self, folder: Path) -> None:
        root = self.out.resolve()
        while folder.resolve() != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
