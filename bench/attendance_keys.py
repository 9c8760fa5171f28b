"""How many keys recording who was there takes, in a real ``clerk`` running in tmux.

A fresh data folder gets the demo (the 8 July 2014 meeting held, 14 October 2014 next); the
live screen of 14 October is opened in a tmux pane (100×30) and the attendance of a meeting
with 16 members present, 7 officers in attendance (5 already known to clerk) and 2 apologies
is typed as a clerk would, each step waiting for the screen to show it was done:

- F3, Enter: the first row copies who came on 8 July (15 members, 4 officers);
- ``bre`` Tab ``a``, ``hil`` Tab ``a``: Ms A Brett and Mr P M Hill sent apologies;
- ``gatw`` Enter ``m``: Ms C Gatward, known as a guest, is now a member (the same person);
- ``Cllr A Gulvin`` Enter ``m``: a new member, from the meeting's date;
- ``nol`` Enter: Mr S Nolan, a known officer, in attendance with the role on his record;
- ``Mrs A Taylor, Scrutiny Research Officer`` Enter: a new officer, nothing asked;
- ``Mr S Beaumont, Community Safety Analyst`` Enter ``n``: "Same as Dr S Beaumont?" no.

Every key sent counts (a character typed is one key); quitting at the end does not. The
count is printed, then the attendance recorded, read back from the database.

    python bench/attendance_keys.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLS, ROWS = int(os.environ.get("BENCH_COLS", "100")), int(os.environ.get("BENCH_ROWS", "30"))
SESSION = f"clerk-attendance-{os.getpid()}"
# (keys, what the screen shows once they are done); a key name is in <>, the rest is typed.
STEPS: list[tuple[list[str], str]] = [
    (["<F3>"], "Copy 8 July 2014"),
    (["<Enter>"], "15 present"),
    (["bre", "<Tab>", "a"], "Brett apologies"),
    (["hil", "<Tab>", "a"], "Hill apologies"),
    (["gatw", "<Enter>"], "Add Ms C Gatward as"),
    (["m"], "15 present"),
    (["Cllr A Gulvin", "<Enter>"], "Add Cllr A Gulvin as"),
    (["m"], "16 present"),
    (["nol", "<Enter>"], "Nolan: in attendance"),
    (["Mrs A Taylor, Scrutiny Research Officer", "<Enter>"], "Taylor: in attendance"),
    (["Mr S Beaumont, Community Safety Analyst", "<Enter>"], "Same as Dr S Beaumont?"),
    (["n"], "Beaumont: in attendance"),
]
TMUX_KEYS = {"<F3>": "F3", "<Enter>": "Enter", "<Tab>": "Tab"}


def tmux(*args: str) -> str:
    """tmux on a server of its own (another's settings or clients never resize this pane)."""
    return subprocess.run(["tmux", "-L", SESSION, *args], check=True, capture_output=True, text=True).stdout


def screen() -> str:
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(text: str, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in screen():
            return
        time.sleep(0.05)
    raise SystemExit(f"The screen never showed {text!r}:\n{screen()}")


def send(key: str) -> int:
    """Send one step's keys; how many keys that is."""
    if key in TMUX_KEYS:
        tmux("send-keys", "-t", SESSION, TMUX_KEYS[key])
        return 1
    tmux("send-keys", "-t", SESSION, "-l", key)
    return len(key)


def run(folder: Path) -> int:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}  # the pane's own size
    env = {**env, "CLERK_DATA_DIR": str(folder), "CLERK_CONFIG_DIR": str(folder / "config"), "PYTHONPATH": ROOT}
    subprocess.run([sys.executable, "-m", "clerk.cli", "demo"], check=True, env=env, cwd=ROOT, capture_output=True)
    command = " ".join(
        [f"{k}={v!r}" for k, v in env.items() if k.startswith("CLERK_") or k == "PYTHONPATH"]
        + [sys.executable, "-m", "clerk.cli", "live", "2014-10-14"]
    )
    tmux("new-session", "-d", "-s", SESSION, "-x", str(COLS), "-y", str(ROWS), f"env TERM=xterm-256color {command}")
    try:
        wait_for("0 present")
        keys = 0
        for step, shown in STEPS:
            for key in step:
                keys += send(key)
            wait_for(shown)
        tmux("send-keys", "-t", SESSION, "C-q")
        end = time.monotonic() + 20
        while (
            time.monotonic() < end
            and subprocess.run(["tmux", "-L", SESSION, "has-session", "-t", SESSION], capture_output=True).returncode == 0
        ):
            time.sleep(0.1)
        return keys
    finally:
        subprocess.run(["tmux", "-L", SESSION, "kill-server"], capture_output=True)


def recorded(folder: Path) -> dict[str, list[str]]:
    """The attendance stored for 14 October 2014: status → names (with roles)."""
    import datetime as dt

    from sqlmodel import select

    from clerk.models import Attendance, Meeting, Person
    from clerk.services.committees import display_name
    from clerk.storage import Store

    store = Store.open(folder / "clerk.db")
    try:
        with store.read() as s:
            meeting = s.exec(select(Meeting).where(Meeting.date == dt.date(2014, 10, 14))).one()
            out: dict[str, list[str]] = {}
            for a in s.exec(select(Attendance).where(Attendance.meeting_id == meeting.id).order_by(Attendance.position)):
                name = display_name(s.get(Person, a.person_id)) + (f" ({a.role})" if a.role else "")
                out.setdefault(str(a.status.value if hasattr(a.status, "value") else a.status), []).append(name)
            return out
    finally:
        store.close()


def main() -> dict[str, list[str]]:
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is not installed.")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        keys = run(folder)
        got = recorded(folder)
    print(f"Attendance recorded in {keys} keys.")
    for status, names in got.items():
        print(f"{status} ({len(names)}): {'; '.join(names)}")
    return got


if __name__ == "__main__":
    sys.path[0] = ROOT  # the project first
    main()
