"""The real app (`clerk --db … live …`) in a subprocess under a pseudo-terminal: keys go in
as a terminal sends them, the screen comes out as text to wait for."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = {
    "f2": "\x1bOQ",
    "f3": "\x1bOR",
    "f8": "\x1b[19~",
    "f10": "\x1b[21~",
    "enter": "\r",
    "tab": "\t",
    "escape": "\x1b",
    "ctrl+q": "\x11",
    "ctrl+s": "\x13",
    "ctrl+t": "\x14",
    "ctrl+o": "\x0f",
    "ctrl+l": "\x0c",
    "f4": "\x1bOS",
}
_ESCAPES = re.compile(
    r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>]|\x1bP[^\x1b]*\x1b\\"
)


class PtyApp:
    def __init__(self, *args: str, cols: int = 100, rows: int = 30) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows), "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "clerk.cli", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self._out = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.sent: list[tuple[float, str]] = []  # (time.monotonic(), character) of every key typed

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self._out += chunk

    def screen_text(self) -> str:
        with self._lock:
            raw = self._out.decode("utf-8", "replace")
        return _ESCAPES.sub("", raw)

    def wait_for(self, text: str, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        start = len(self.screen_text())
        while time.monotonic() < deadline:
            if text in self.screen_text()[max(0, start - 2000) :]:
                return
            if self.proc.poll() is not None:
                raise AssertionError(f"the app stopped (code {self.proc.returncode}):\n{self.screen_text()[-3000:]}")
            time.sleep(0.02)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen_text()[-3000:]}")

    def press(self, *keys: str) -> None:
        for key in keys:
            os.write(self.master, KEYS[key].encode())
            time.sleep(0.05)

    def write(self, text: str) -> None:
        """The bytes in one write, as a paste (without bracketed paste) or a fast burst arrives."""
        os.write(self.master, text.encode())

    def type(self, text: str, delay: float = 0.03) -> None:
        for ch in text:
            os.write(self.master, (KEYS["enter"] if ch == "\n" else ch).encode())
            self.sent.append((time.monotonic(), ch))
            time.sleep(delay)

    def kill(self) -> float:
        """SIGKILL, as a crash or a pulled plug would; returns when it happened."""
        at = time.monotonic()
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=60)
        self.close()
        return at

    def signal(self, number: int) -> tuple[float, int]:
        """Send a signal (SIGHUP as a closed window, SIGTERM as a shutdown, SIGKILL as a crash);
        returns when it was sent and the exit code."""
        at = time.monotonic()
        if number == signal.SIGHUP:
            os.close(self.master)  # the terminal window is gone: nothing more can be drawn or read
            self.master = -1
        os.kill(self.proc.pid, number)
        code = self.proc.wait(timeout=60)
        self.close()
        return at, code

    def quit(self) -> int:
        os.write(self.master, KEYS["ctrl+q"].encode())
        code = self.proc.wait(timeout=60)
        self.close()
        return code

    def close(self) -> None:
        if self.master >= 0:
            with contextlib.suppress(OSError):
                os.close(self.master)
            self.master = -1
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=60)
