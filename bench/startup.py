"""Start-up, whole process, side by side in one run: clerk against a bare Textual app.

Each program runs under a pseudo-terminal (100×30) and the clock stops when its output first
shows the marker of its first frame, then the marker of its data being listed:

- clerk: the header ("Meetings"), then the first meeting date of the demo ("2014");
- the floor: a bare Textual app with a header, a footer and a 50-row DataTable, whose first
  frame already holds its rows (its title, then "row 20", the last row in view).

Then each program is left until it is idle (no CPU used for a while: clerk has opened its
database by then) and quit; its peak memory is the kernel's high-water mark of its resident
set (``ru_maxrss`` of the child, from ``os.wait4``).

The two programs alternate, so both see the same machine; every row is printed as a ratio
of the pair of one round (median and min–max over the rounds) beside the absolute medians.

Run: .venv/bin/python bench/startup.py [runs]
"""

from __future__ import annotations

import sys

sys.path[0] = __import__("os").path.dirname(sys.path[0])  # the project first

import contextlib
import os
import select
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
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

IDLE = 0.3  # seconds without a CPU tick: the program has settled
TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    first: float  # seconds to the first frame
    listed: float  # seconds to the data listed
    peak_kib: int  # peak resident set


def cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def wait_idle(pid: int, master: int, timeout: float = 20.0) -> None:
    """Until the program has used no CPU for IDLE seconds (its output drained meanwhile)."""
    deadline = time.perf_counter() + timeout
    last, since = cpu_ticks(pid), time.perf_counter()
    while time.perf_counter() < deadline:
        if select.select([master], [], [], 0.02)[0]:
            os.read(master, 65536)
        now = cpu_ticks(pid)
        if now > last + 1:  # a tick or so is a timer (a cursor blinking)
            last, since = now, time.perf_counter()
        elif time.perf_counter() - since >= IDLE:
            return


def timed_run(argv: list[str], markers: list[bytes], env: dict[str, str], timeout: float = 30.0) -> Run:
    """Seconds from launch until each marker has appeared in the program's output; its peak memory."""
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
    peak = 0
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
        wait_idle(proc.pid, master)
    finally:
        try:
            os.write(master, b"\x11")  # ctrl+q
            deadline = time.perf_counter() + 10
            while time.perf_counter() < deadline:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    proc.returncode = os.waitstatus_to_exitcode(status)
                    peak = usage.ru_maxrss  # KiB on Linux
                    break
                if select.select([master], [], [], 0.05)[0]:
                    with contextlib.suppress(OSError):
                        os.read(master, 65536)
        finally:
            if proc.returncode is None:
                proc.kill()
                proc.wait()
            os.close(master)
    if len(times) < len(markers) or not peak:
        raise RuntimeError(f"{argv}: ended early (markers {len(times)}/{len(markers)}); output ended with {seen[-300:]!r}")
    return Run(times[0], times[1], peak)


def spread(values: list[float], fmt: str) -> str:
    return f"{format(statistics.median(values), fmt)} ({format(min(values), fmt)}–{format(max(values), fmt)})"


def main(runs: int = 7) -> None:
    python = sys.executable
    clerk = str(Path(python).with_name("clerk"))
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        subprocess.run([clerk, "--db", str(db), "demo"], check=True, capture_output=True)
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE_APP)
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", "CLERK_DATA_DIR": tmp}
        pairs: list[tuple[Run, Run]] = []
        for i in range(runs):  # alternate (and swap who goes first), so both see the same machine
            if i % 2:
                c = timed_run([clerk, "--db", str(db)], [b"Meetings", b"2014"], env)
                b = timed_run([python, str(bare)], [b"Bare", b"row 20"], env)
            else:
                b = timed_run([python, str(bare)], [b"Bare", b"row 20"], env)
                c = timed_run([clerk, "--db", str(db)], [b"Meetings", b"2014"], env)
            pairs.append((c, b))
    load = os.getloadavg()
    print(f"start-up, {runs} runs each, alternating (whole process, 100x30 pty; load average {load[0]:.1f} {load[1]:.1f})")
    print("  median (min–max)")
    print(f"  bare Textual app  first frame (50 rows shown)  {spread([b.first * 1000 for _, b in pairs], '.0f')} ms")
    print(f"                    peak memory                  {spread([b.peak_kib / 1024 for _, b in pairs], '.1f')} MiB")
    print(f"  clerk             first frame                  {spread([c.first * 1000 for c, _ in pairs], '.0f')} ms")
    print(f"                    meetings listed              {spread([c.listed * 1000 for c, _ in pairs], '.0f')} ms")
    print(f"                    peak memory                  {spread([c.peak_kib / 1024 for c, _ in pairs], '.1f')} MiB")
    rows = [
        ("launch → first frame, clerk / bare first frame", [c.first / b.first for c, b in pairs], "≤ 1.2×"),
        ("launch → meetings listed, clerk / bare first frame", [c.listed / b.first for c, b in pairs], "≤ 1.6×"),
        ("peak memory, clerk / bare", [c.peak_kib / b.peak_kib for c, b in pairs], "≤ 1.6×"),
    ]
    print("  ratios, each round's pair; median (min–max), goal")
    for label, ratios, goal in rows:
        print(f"  {label:52} {spread(ratios, '.2f')}×   goal {goal}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
