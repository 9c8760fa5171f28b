"""Run by a Python that has LibreOffice's UNO bridge (Debian: python3-uno), never imported by
clerk: it starts one headless LibreOffice listening on a private pipe, then converts .docx to
PDF as it is asked, one JSON line in ({"src", "dst"}) and one out ({"ok"} or {"error"}), until
its input ends; then LibreOffice is closed.

Arguments: soffice, the profile folder, the pipe's name, the seconds to wait for LibreOffice,
and "remove" for a profile to remove once LibreOffice has closed ("keep" otherwise; a kept
profile LibreOffice could not start with is removed, to be made afresh next time). An open file
it is handed (the profile's lock) stays open until LibreOffice has closed.
The first line out is {"ready": true}, or {"error": ...} when it cannot start (no UNO bridge:
{"error": "no-uno"}).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from typing import Any


def say(**what: object) -> None:
    sys.stdout.write(json.dumps(what) + "\n")
    sys.stdout.flush()


def start(soffice: str, profile: str, pipe: str) -> subprocess.Popen[bytes]:
    cmd = [
        soffice,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nolockcheck",
        "--nodefault",
        "--nologo",
        f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
    ]
    env = {**os.environ, "HOME": profile}
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def connect(office: subprocess.Popen[bytes], pipe: str, wait: float) -> Any:
    import uno  # type: ignore[import-not-found]  # LibreOffice's bridge, in the system's Python only

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + wait
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # NoConnectException until LibreOffice listens
            if office.poll() is not None:
                raise RuntimeError(f"LibreOffice stopped as it started (exit {office.returncode})") from None
            if time.monotonic() > deadline:
                raise RuntimeError(f"LibreOffice did not start within {wait:.0f} seconds") from None
            time.sleep(0.02)


def props(**values: object) -> tuple[Any, ...]:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    return tuple(PropertyValue(Name=k, Value=v) for k, v in values.items())


def convert(desktop: Any, src: str, dst: str) -> None:
    import uno

    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, props(Hidden=True, ReadOnly=True))
    if doc is None:
        raise RuntimeError("LibreOffice could not open it")
    try:
        doc.storeToURL(uno.systemPathToFileUrl(dst), props(FilterName="writer_pdf_Export"))
    finally:
        doc.close(True)


def main() -> None:
    soffice, profile, pipe, wait, remove = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5] == "remove"
    try:
        serve(soffice, profile, pipe, wait)
    finally:
        if remove:
            shutil.rmtree(profile, ignore_errors=True)


def serve(soffice: str, profile: str, pipe: str, wait: float) -> None:
    if importlib.util.find_spec("uno") is None:
        say(error="no-uno")
        return
    office = start(soffice, profile, pipe)
    try:
        desktop = connect(office, pipe, wait)
    except Exception as exc:
        office.kill()
        office.wait()
        if office.returncode not in (None, -9):  # it stopped by itself as it started: perhaps its profile
            shutil.rmtree(profile, ignore_errors=True)
        say(error=str(exc))
        return
    say(ready=True)
    try:
        for line in sys.stdin:
            job = json.loads(line)
            try:
                convert(desktop, job["src"], job["dst"])
                say(ok=True)
            except Exception as exc:
                say(error=getattr(exc, "Message", "") or str(exc) or type(exc).__name__)
    finally:
        with contextlib.suppress(Exception):  # the connection drops as LibreOffice ends
            desktop.terminate()
        try:
            office.wait(timeout=10)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
