"""The text of a PDF of notes or minutes, page by page, without the lines every page repeats.

poppler's ``pdftotext`` is used when it is installed: it keeps a blank line between paragraphs,
so a paragraph broken over lines reads as one and a new paragraph starts where the page starts
one. pypdf (always there) is the fallback: its text runs the paragraphs together, which the
parser mends from the punctuation, less surely. Running heads and footers ("Kent Community
Safety Partnership", "Page 5", "8 July 2014 – Notes") are found as the lines that open or close
most pages and are dropped."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

_DIGITS = re.compile(r"\d+")
_BULLET_ALONE = re.compile(r"^[-*•·–o▪■§]$")
# a line that starts something of its own: a numbered paragraph or minute, a point, a bullet, a resolution
_STARTS = re.compile(
    r"^(?:#+\s|\(?\d{1,4}[.)]|\((?:[a-z]|[ivx]+)\)|[a-z][.)]\s|[-*•·–▪■]\s|o\s{2,}|RESOLVED\b|Action\b"
    r"|(?i:Minutes|Decision|Venue|Contact|Additional documents|Present|Apologies|Also present|In attendance)\s*:)"
)
_LABEL = re.compile(r"^[A-Z][\w ]{0,30}:$")  # "Minutes:", "Additional documents:": a line of its own


def pdf_pages(path: Path) -> tuple[list[str], bool]:
    """Each page's text, by pdftotext when it is installed, else by pypdf; and whether a blank
    line parts the paragraphs (pdftotext's text)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        try:
            done = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=120, check=True)
            pages = done.stdout.decode("utf-8", errors="replace").split("\f")
            return (pages[:-1] if pages and not pages[-1].strip() else pages), True
        except (OSError, subprocess.SubprocessError):
            pass  # pypdf reads it instead
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages], False


def _edges(page: str, depth: int) -> list[str]:
    lines = [line.strip() for line in page.split("\n") if line.strip()]
    return lines[:depth] + lines[-depth:]


def without_running_lines(pages: list[str], depth: int = 2) -> str:
    """The pages joined, less the lines (numbers aside) that open or close at least half of them."""
    if len(pages) < 3:
        return "\n\f".join(pages)
    seen = Counter(key for page in pages for key in {_DIGITS.sub("#", line) for line in _edges(page, depth)})
    running = {key for key, n in seen.items() if n >= max(3, len(pages) // 2)}
    out = []
    for page in pages:
        edges = set(_edges(page, depth))
        kept = [line for line in page.split("\n") if not (line.strip() in edges and _DIGITS.sub("#", line.strip()) in running)]
        out.append("\n".join(kept))
    return "\n\f".join(out)


def _alone(line: str) -> bool:
    """Whether a line stands alone whatever follows it: a number, a label."""
    return bool(_DIGITS.fullmatch(line.rstrip(".")) or _LABEL.match(line))


def reflowed(text: str) -> str:
    """pdftotext's text with each paragraph on one line: the lines of a block (between blank
    lines) are joined unless a line starts something of its own; a bullet standing alone joins
    the text after it."""
    out: list[str] = []
    joining = False  # whether the next line may join the last one
    bullet = False
    for raw in text.replace("\f", "\n\n").split("\n"):
        line = raw.strip()
        if not line:
            joining = False
            continue
        if _BULLET_ALONE.match(line):
            bullet = True
            continue
        if bullet:
            out.append(f"· {line}")
            bullet, joining = False, True
        elif joining and out and not _STARTS.match(line) and not _alone(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
            joining = True
    return "\n".join(out)


def pdf_text(path: Path) -> str:
    """The PDF's text, running heads and footers dropped; "" when it has none (a scanned image)."""
    pages, parted = pdf_pages(path)
    text = without_running_lines(pages)
    return reflowed(text) if parted else text
