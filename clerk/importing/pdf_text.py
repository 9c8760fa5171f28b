"""The text of a PDF of notes or minutes, page by page, without the lines every page repeats.

poppler's ``pdftotext`` is used when it is installed: it keeps a blank line between paragraphs,
so a paragraph broken over lines reads as one and a new paragraph starts where the page starts
one. pypdf (always there) is the fallback: its text runs the paragraphs together; a line it
wrapped is known by the space it ends in or by running to the full width, and joined again. Running heads and footers ("Kent Community
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


def _poppler(pdftotext: str, path: Path, *options: str) -> list[str]:
    done = subprocess.run([pdftotext, *options, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=120, check=True)
    pages = done.stdout.decode("utf-8", errors="replace").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def _hyphens_kept(pages: list[str], raw: list[str]) -> list[str]:
    """pdftotext joins a word broken at a line's end and drops the hyphen ("safety-" "partnership"
    gives "safetypartnership"); in Word's notes such a hyphen is the word's own ("long-term", a
    web address), so it is put back from the -raw text, which keeps it."""
    kept = []
    for page, same in zip(pages, raw, strict=False):
        for first, second in re.findall(r"(\w+)-\n(\w+)", same):
            page = re.sub(rf"(?<!\w){re.escape(first)}{re.escape(second)}", f"{first}-{second}", page, count=1)
        kept.append(page)
    return kept


def pdf_pages(path: Path) -> tuple[list[str], bool]:
    """Each page's text, by pdftotext when it is installed, else by pypdf; and whether a blank
    line parts the paragraphs (pdftotext's text)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        try:
            return _hyphens_kept(_poppler(pdftotext, path), _poppler(pdftotext, path, "-raw")), True
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


def unwrapped(text: str, full: float = 0.85) -> str:
    """pypdf's text (no blank line between paragraphs) with the lines it wrapped joined again: a
    line that ends in a space, or that runs to the width of the text's long lines, goes on in
    the next, unless that starts something of its own. A word broken at its hyphen joins whole."""
    lines = text.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    wide = lengths[int(len(lengths) * 0.95)] if lengths else 0
    out: list[str] = []
    goes_on = False
    for raw in lines:
        line = raw.strip()
        if goes_on and out and line and not _STARTS.match(line) and not _alone(out[-1]):
            out[-1] += line if re.search(r"\w-$", out[-1]) else f" {line}"
        else:
            out.append(line)
        goes_on = bool(line) and (raw.endswith(" ") or len(line) >= full * wide or bool(re.search(r"\w-$", line)))
    return "\n".join(out)


def pdf_text(path: Path) -> str:
    """The PDF's text, running heads and footers dropped; "" when it has none (a scanned image)."""
    pages, parted = pdf_pages(path)
    text = without_running_lines(pages)
    return reflowed(text) if parted else unwrapped(text)


def layout_text(path: Path) -> str:
    """The PDF's lines as pdftotext lays them out (``-layout``: each printed line whole, a
    paragraph's "(1)" beside its text, the minute's number beside its title), running heads and
    footers dropped, not reflowed: the notes' reader joins the lines of a paragraph itself. ""
    when pdftotext is not installed or fails."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return ""
    try:
        return without_running_lines(_poppler(pdftotext, path, "-layout"))
    except (OSError, subprocess.SubprocessError):
        return ""
