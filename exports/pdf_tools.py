"""PDF helpers for the agenda pack: LibreOffice conversions cached by content, page counts,
and a small stamp (the pack's page number; "NOT FOR PUBLICATION") on every page."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from .pdf import to_pdf


def content_key(docx: Path) -> str:
    """The hash of what a .docx says: every part but the properties (dates), so the same
    document written twice converts once."""
    h = hashlib.sha256()
    with zipfile.ZipFile(docx) as z:
        for name in sorted(z.namelist()):
            if name != "docProps/core.xml":
                h.update(name.encode() + b"\0" + z.read(name) + b"\0")
    return h.hexdigest()


@dataclass
class Converter:
    """Word to PDF through LibreOffice, remembering each result under its content hash; every
    batch of new documents goes to LibreOffice in one run."""

    cache: Path
    converted: list[str] = field(default_factory=list)  # the names LibreOffice converted, this build
    seconds: float = 0.0  # time spent inside LibreOffice
    calls: int = 0

    def pdfs(self, docs: dict[str, Path]) -> dict[str, Path]:
        """name → .docx in; name → cached PDF out."""
        self.cache.mkdir(parents=True, exist_ok=True)
        keys = {name: content_key(path) for name, path in docs.items()}
        todo = {name: path for name, path in docs.items() if not (self.cache / f"{keys[name]}.pdf").is_file()}
        if todo:
            with tempfile.TemporaryDirectory(prefix="clerk-pack-") as tmp:
                staged = []
                for n, (name, path) in enumerate(todo.items()):
                    target = Path(tmp) / "in" / f"{n:03d}-{keys[name][:16]}.docx"
                    target.parent.mkdir(exist_ok=True)
                    shutil.copyfile(path, target)
                    staged.append((name, target))
                started = time.perf_counter()
                outputs = to_pdf([t for _n, t in staged], Path(tmp) / "out")
                self.seconds += time.perf_counter() - started
                self.calls += 1
                for (name, _t), pdf in zip(staged, outputs, strict=False):
                    shutil.copyfile(pdf, self.cache / f"{keys[name]}.pdf")
                    self.converted.append(name)
        return {name: self.cache / f"{keys[name]}.pdf" for name in docs}


def page_count(pdf: Path) -> int:
    return len(PdfReader(str(pdf)).pages)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def stamp(page: PageObject, *, number: str = "", banner: str = "") -> None:
    """The pack's page number small in the bottom right-hand corner, below where reports put
    their own footers (12pt from the edge), and a banner along the top edge."""
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    left, bottom = float(box.left), float(box.bottom)
    ops = []
    if number:
        text = _escape(number)
        x = left + width - 28 - 4.5 * len(number)
        ops.append(f"BT /ClerkF1 8 Tf 0.35 g {x:.1f} {bottom + 12:.1f} Td ({text}) Tj ET")
    if banner:
        text = _escape(banner)
        x = left + width / 2 - 3.3 * len(banner)
        ops.append(f"BT /ClerkF2 11 Tf 0.6 0 0 rg {x:.1f} {bottom + height - 20:.1f} Td ({text}) Tj ET")
    if not ops:
        return
    overlay = PageObject.create_blank_page(width=width, height=height)
    fonts = DictionaryObject()
    for name, base in (("/ClerkF1", "/Helvetica"), ("/ClerkF2", "/Helvetica-Bold")):
        fonts[NameObject(name)] = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(base),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    overlay[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    content = DecodedStreamObject()
    content.set_data(("q " + " ".join(ops) + " Q").encode("latin-1", "replace"))
    overlay.replace_contents(content)  # type: ignore[arg-type]  # pypdf accepts any stream; its hint names fewer
    if left or bottom:
        overlay.mediabox = box
    page.merge_page(overlay)
