"""Reading clerk's Word files back, as a reader would: the paragraphs' text, in order."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def styled(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def all_text(path: Path) -> str:
    """Every piece of text in the package: body, tables, headers, footers, properties."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))


def header_text(path: Path) -> str:
    doc = Document(str(path))
    return " ".join(p.text for s in doc.sections for p in s.header.paragraphs)


def part(path: Path, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")
