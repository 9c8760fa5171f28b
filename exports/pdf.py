"""Word to PDF with LibreOffice, headless, with a private profile (so a running LibreOffice or a
damaged user profile cannot get in the way) and a time limit; every output is checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from clerk.config import ENV_SOFFICE as ENV_SOFFICE  # a path to soffice, or "none"
from clerk.errors import ClerkError
from clerk.files import write_whole


class PdfUnavailable(ClerkError):
    """LibreOffice is not installed."""


class ConversionFailed(ClerkError):
    pass


def find_soffice() -> str | None:
    override = os.environ.get(ENV_SOFFICE)
    if override:
        return None if override.lower() == "none" else override
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(sources: Sequence[Path], outdir: Path, *, timeout: float = 300) -> list[Path]:
    """Convert every .docx in one LibreOffice run; returns the PDFs, in the same order."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(
            "LibreOffice is not installed, so clerk cannot make PDFs; install it (Debian: apt install "
            "libreoffice-writer-nogui) or export .docx and save as PDF from Word."
        )
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    sources = [Path(s).resolve() for s in sources]
    with tempfile.TemporaryDirectory(prefix="clerk-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, sources),
        ]
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env={**os.environ, "HOME": profile})
        except subprocess.TimeoutExpired:
            raise ConversionFailed(
                f"LibreOffice took longer than {timeout:.0f} seconds to make the PDF; try again, or export .docx."
            ) from None
        except OSError as exc:
            raise PdfUnavailable(f"LibreOffice could not be started ({exc.strerror}); check it is installed.") from None
    outputs = [outdir / (s.stem + ".pdf") for s in sources]
    missing = [s.name for s, o in zip(sources, outputs, strict=False) if not o.is_file() or o.stat().st_size == 0]
    if missing:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise ConversionFailed(
            f"LibreOffice did not convert {', '.join(missing)}"
            + (f" ({detail[-1]})" if detail else "")
            + "; open it in Word to check it."
        )
    return outputs


def docx_to_pdf(source: Path, out: Path, *, timeout: float = 300) -> Path:
    """One document to one PDF at ``out``, written whole or not at all."""
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="clerk-pdf-") as tmp:
        [pdf] = to_pdf([source], Path(tmp), timeout=timeout)
        write_whole(out, lambda tmp_out: shutil.copyfile(pdf, tmp_out))
    return out
