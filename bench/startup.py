"""Start-up, whole process, side by side in one run: clerk against a bare Textual app.

Each program runs under a pseudo-terminal (100×30) and the clock stops when its output first
shows the marker of its first frame, then the marker of its data being listed:

- clerk: the header ("Meetings"), then the first meeting date of the demo ("2014");
- the floor: a bare Textual app with a header, a footer and a 50-row DataTable, whose first
  frame already holds its rows (its title, then "row 20", the last row in view).

Run: .venv/bin/python bench/startup.py [runs]
"""

from __future__ import annotations

import sys

sys.path[0] = __import__("os").path.dirname(sys.path[0])  # the project first

import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    TITLE = "Bare"
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Date", "Time", "Committee", "Status", "Minutes")
        for i in range(50):
            table.add_row(f"2014-07-{i % 28 + 1:02d}", "10:00", "Committee", "held", f"row {i}")

Bare().run()
"""


def timed_run(argv: list[str], markers: list[bytes], env: dict[str, str], timeout: float = 30.0) -> list[float]:
    """Seconds from launch until each marker has appeared in the program's output."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True)
    os.close(slave)
    seen = b""
    times: list[float] = []
    try:
        while len(times) < len(markers):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{argv}: no {markers[len(times)]!r} after {timeout}s; output ended with {seen[-300:]!r}")
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk
            while len(times) < len(markers) and markers[len(times)] in seen:
                times.append(time.perf_counter() - start)
    finally:
        try:
            os.write(master, b"\x11")  # ctrl+q
            deadline = time.perf_counter() + 5
            while proc.poll() is None and time.perf_counter() < deadline:
                if select.select([master], [], [], 0.1)[0]:
                    try:
                        os.read(master, 65536)
                    except OSError:
                        break
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            os.close(master)
    return times


def main(runs: int = 7) -> None:
    python = sys.executable
    clerk = str(Path(python).with_name("clerk"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        subprocess.run([clerk, "--db", str(db), "demo"], check=True, capture_output=True)
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", "CLERK_DATA_DIR": tmp}
        clerk_times, bare_times = [], []
        for _ in range(runs):  # alternate, so both see the same machine
            bare_times.append(timed_run([python, str(bare)], [b"Bare", b"row 20"], env))
            clerk_times.append(timed_run([clerk, "--db", str(db)], [b"Meetings", b"2014"], env))
    med = lambda xs, i: statistics.median(x[i] for x in xs)  # noqa: E731
    bare_first, bare_listed = med(bare_times, 0), med(bare_times, 1)
    clerk_first, clerk_listed = med(clerk_times, 0), med(clerk_times, 1)
    print(f"start-up, median of {runs} runs (whole process, under a 100x30 pty)")
    print(f"  bare Textual app  first frame {bare_first * 1000:7.0f} ms   50 rows shown {bare_listed * 1000:7.0f} ms")
    print(f"  clerk             first frame {clerk_first * 1000:7.0f} ms   meetings listed {clerk_listed * 1000:5.0f} ms")
    print(f"  ratio clerk/bare  first frame {clerk_first / bare_first:7.2f}x   listed {clerk_listed / bare_listed:13.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
