"""One LibreOffice kept open for a whole job (the agenda pack converts its reports, then its front
sheet once their pages are known): started once, asked document by document, closed at the end.

It is driven through LibreOffice's UNO bridge by ``office_worker.py``, run by a Python that has
the bridge (Debian: python3-uno; ``CLERK_UNO_PYTHON`` names another, "none" turns this off).
Without it ``convert`` says so and the caller converts with one LibreOffice start per batch.
LibreOffice runs with a private profile: the one handed in when no other build holds it (kept
between builds, so LibreOffice starts faster), a new temporary one otherwise.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO

from .pdf import ConversionFailed

ENV_UNO_PYTHON = "CLERK_UNO_PYTHON"
WORKER = Path(__file__).with_name("office_worker.py")


def uno_python(soffice: str) -> str | None:
    """A Python that may have LibreOffice's bridge: the one named, LibreOffice's own, the system's."""
    named = os.environ.get(ENV_UNO_PYTHON)
    if named:
        return None if named.lower() == "none" else named
    program = Path(os.path.realpath(soffice)).parent
    for candidate in (program / "python", program / "python.exe", Path("/usr/bin/python3")):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def claim_profile(kept: Path | None, *, wait: float = 0.5) -> tuple[Path, IO[str] | None]:
    """The profile folder to give LibreOffice, and the open lock file that holds it: ``kept``
    once its lock is had (the LibreOffice of a build just ended may still be closing: a moment
    is given), else a new temporary folder and None (another build has it, or no lock here)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: a temporary profile each time
        kept = None
    if kept is not None:
        with contextlib.suppress(OSError):
            kept.mkdir(parents=True, exist_ok=True)
            handle = (kept.parent / f"{kept.name}.lock").open("w")
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return kept, handle
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        handle.close()
                        break
                    time.sleep(0.02)
    return Path(tempfile.mkdtemp(prefix="clerk-lo-")), None


class Office:
    """A LibreOffice for one job; ``start`` early (it loads while the caller writes documents),
    ``convert`` waits for it. Use as a context manager: leaving it closes LibreOffice."""

    def __init__(self, soffice: str, profile: Path | None = None, *, timeout: float = 300) -> None:
        self.soffice, self.kept, self.timeout = soffice, profile, timeout
        self.unavailable = False  # no bridge, or LibreOffice would not start: convert in batches
        self._proc: subprocess.Popen[str] | None = None
        self._temporary: Path | None = None  # a profile of this build only, removed when LibreOffice has closed
        self._ready = False
        self.worker_pid: int | None = None  # the worker's process, once started
        self._asked: list[tuple[Path, Path]] = []

    def __enter__(self) -> Office:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def start(self) -> None:
        if self._proc is not None or self.unavailable:
            return
        python = uno_python(self.soffice)
        if python is None or sys.platform == "win32":  # the worker's pipes are read with select
            self.unavailable = True
            return
        profile, lock = claim_profile(self.kept)
        self._temporary = None if lock else profile
        pipe = f"clerk-{os.getpid()}-{secrets.token_hex(4)}"
        args = [python, str(WORKER), self.soffice, str(profile), pipe, str(self.timeout), "keep" if lock else "remove"]
        try:
            self._proc = subprocess.Popen(
                args,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                bufsize=1,
                start_new_session=True,  # its own group: LibreOffice goes with it if it must be stopped
                pass_fds=(lock.fileno(),) if lock else (),  # the worker holds the profile until LibreOffice has closed
            )
            self.worker_pid = self._proc.pid
        except OSError:
            self.unavailable = True
            if self._temporary:
                shutil.rmtree(self._temporary, ignore_errors=True)
        finally:
            if lock:
                lock.close()

    def convert(self, src: Path, dst: Path) -> bool:
        """``src`` (.docx) to ``dst`` (.pdf); False when this LibreOffice is not available (nothing
        was done), ConversionFailed when it could not convert this document."""
        return self.submit(src, dst) and self.collect()

    def submit(self, src: Path, dst: Path) -> bool:
        """Ask for ``src`` converted to ``dst``; ``collect`` waits for it (first asked, first
        collected). False when this LibreOffice is not available."""
        self.start()
        if self._proc is None or self._proc.stdin is None:
            return False
        try:
            self._proc.stdin.write(json.dumps({"src": str(src.resolve()), "dst": str(dst.resolve())}) + "\n")
            self._proc.stdin.flush()
        except OSError:  # the worker has gone: none of what was asked will come
            self.close(stop=True)
            self.unavailable = True
            return False
        self._asked.append((src, dst))
        return True

    def collect(self) -> bool:
        """Wait for the first conversion asked and not collected; False when this LibreOffice
        turned out not to be available (nothing asked was done)."""
        if not self._ensure_ready():
            return False
        src, dst = self._asked.pop(0)
        reply = self._reply(self.timeout)
        if reply is None:
            self.close(stop=True)
            raise ConversionFailed(
                f"LibreOffice took longer than {self.timeout:.0f} seconds to convert {src.name}; try again, or export .docx."
            )
        if "error" in reply or not dst.is_file() or dst.stat().st_size == 0:
            detail = str(reply.get("error") or "no PDF came out")
            raise ConversionFailed(f"LibreOffice did not convert {src.name} ({detail}); open it in Word to check it.")
        return True

    def _ensure_ready(self) -> bool:
        if self._ready:
            return True
        if self._proc is None:
            return False
        reply = self._reply(self.timeout)
        if reply is not None and reply.get("ready"):
            self._ready = True
            return True
        self.close()
        self.unavailable = True
        return False

    def _reply(self, timeout: float) -> dict[str, object] | None:
        assert self._proc is not None
        out: IO[str] | None = self._proc.stdout
        if out is None:
            return None
        ready, _w, _x = select.select([out], [], [], timeout)
        line = out.readline() if ready else ""
        try:
            reply = json.loads(line) if line else None
        except ValueError:
            reply = None
        return reply if isinstance(reply, dict) else None

    def finish(self) -> None:
        """Nothing more to convert: LibreOffice starts closing while the caller goes on."""
        if self._proc is not None and self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()  # the worker closes LibreOffice when its input ends

    def close(self, *, stop: bool = False, wait: bool = False) -> None:
        """Let LibreOffice close: in the background (its worker keeps the profile's lock until it
        has), or ``wait`` for it, or ``stop`` it at once with its worker."""
        self.finish()
        proc, self._proc, self._ready, self._asked = self._proc, None, False, []
        if proc is None:
            return
        if wait and not stop:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=30)
        if stop or (wait and proc.poll() is None):
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            if self._temporary:
                shutil.rmtree(self._temporary, ignore_errors=True)
        elif not wait:
            threading.Thread(target=proc.wait, name="libreoffice-closing", daemon=True).start()
        if proc.stdout is not None:
            proc.stdout.close()
