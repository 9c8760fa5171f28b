"""PDF helpers for the agenda pack: LibreOffice conversions cached by content, page counts,
and a small stamp (the pack's page number; "NOT FOR PUBLICATION") on every page."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import cast

from pypdf import PageObject, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

from clerk.files import sha256_of

from .office import Office
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


@dataclass(frozen=True)
class Source:
    """A Word document to convert: its cache key, and how to write it as a .docx at the path
    given (done only when its PDF is not cached yet)."""

    key: str
    docx: Callable[[Path], object]
    label: str = ""  # what the progress says ("B3 Report 3")

    @classmethod
    def of_file(cls, path: Path, label: str = "") -> Source:
        return cls(content_key(path), lambda target: shutil.copyfile(path, target), label)

    @classmethod
    def of_data(cls, data: object, write: Callable[[Path], object], label: str = "") -> Source:
        """Keyed by the document's data and the writers' code, so it is written only when either changed."""
        return cls(data_key(data), write, label)


def data_key(data: object) -> str:
    h = hashlib.sha256(_writers_fingerprint().encode())
    h.update(repr(data).encode())
    for template in _templates(data):
        h.update(sha256_of(template).encode() if template.is_file() else b"-")
    return h.hexdigest()


@cache
def _writers_fingerprint() -> str:
    """The code that writes clerk's Word documents: a changed writer is a changed document."""
    h = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        h.update(source.read_bytes())
    return h.hexdigest()


def _templates(data: object) -> list[Path]:
    template = getattr(data, "template", None)
    return [Path(template).expanduser()] if template else []


Tell = Callable[[str], None]
Each = Callable[[str, Path], object]


@dataclass
class Batch:
    """Documents handed to LibreOffice and not collected yet."""

    docs: dict[str, Source]
    todo: dict[str, Source]
    staged: dict[str, Path] = field(default_factory=dict)  # name → its .docx, written for LibreOffice
    submitted: bool = False  # to the one LibreOffice of the build
    stack: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)


@dataclass
class Converter:
    """Word to PDF through LibreOffice, remembering each result under its key: through the one
    LibreOffice of ``office`` when it is available, else every batch in one LibreOffice run."""

    cache: Path
    office: Office | None = None
    converted: list[str] = field(default_factory=list)  # the names LibreOffice converted, this build
    seconds: float = 0.0  # time spent waiting for LibreOffice
    calls: int = 0

    def pdfs(self, docs: dict[str, Source], tell: Tell | None = None, each: Each | None = None) -> dict[str, Path]:
        """name → source in; name → cached PDF out. ``tell`` hears what is converted next, ``each``
        has each new PDF as soon as it is made (while LibreOffice goes on with the next)."""
        return self.end(self.begin(docs, tell), tell, each)

    def begin(self, docs: dict[str, Source], tell: Tell | None = None) -> Batch:
        """Write what is not converted yet and hand it to LibreOffice; ``end`` waits for it."""
        self.cache.mkdir(parents=True, exist_ok=True)
        batch = Batch(docs, {name: docs[name] for name in self.missing(docs)})
        if not batch.todo:
            return batch
        if self.office is not None:
            self.office.start()  # LibreOffice loads while the documents are written
        folder = Path(batch.stack.enter_context(tempfile.TemporaryDirectory(prefix="clerk-pack-")))
        for n, (name, src) in enumerate(batch.todo.items()):
            batch.staged[name] = folder / f"{n:03d}-{src.key[:16]}.docx"
            src.docx(batch.staged[name])
        if self.office is not None:
            batch.submitted = all(self.office.submit(docx, docx.with_suffix(".pdf")) for docx in batch.staged.values())
        if tell is not None and batch.submitted:
            first = next(iter(batch.todo))
            tell(batch.todo[first].label or first)
        return batch

    def end(self, batch: Batch, tell: Tell | None = None, each: Each | None = None) -> dict[str, Path]:
        say = tell or (lambda _label: None)
        started = time.perf_counter()
        office = self.office if batch.submitted else None
        with batch.stack:
            done = []
            for n, (name, src) in enumerate(batch.todo.items() if office is not None else ()):
                if n:
                    say(src.label or name)  # the first was said as it was handed over
                if office is None or not office.collect():
                    break  # no bridge after all: the rest in one LibreOffice run
                done.append(self._keep(name, batch.staged[name].with_suffix(".pdf"), src.key, each))
            rest = [name for name in batch.todo if name not in done]
            if rest:
                say(" and ".join(batch.todo[n].label or n for n in rest) if len(rest) < 3 else "the documents")
                self.calls += 1
                out = batch.staged[rest[0]].parent / "out"
                for name, pdf in zip(rest, to_pdf([batch.staged[n] for n in rest], out), strict=True):
                    self._keep(name, pdf, batch.todo[name].key, each)
        self.seconds += time.perf_counter() - started
        return {name: self._cached(src.key) for name, src in batch.docs.items()}

    def _keep(self, name: str, pdf: Path, key: str, each: Each | None) -> str:
        shutil.copyfile(pdf, self._cached(key))
        self.converted.append(name)
        if each is not None:
            each(name, self._cached(key))
        return name

    def ready(self, batch: Batch) -> dict[str, Path]:
        """The PDFs of the batch converted before."""
        return {name: self._cached(src.key) for name, src in batch.docs.items() if name not in batch.todo}

    def missing(self, docs: dict[str, Source]) -> list[str]:
        """The names LibreOffice would convert now."""
        return [name for name, src in docs.items() if not self._cached(src.key).is_file()]

    def remembered(self, key: str) -> int | None:
        """A number kept under ``key`` by an earlier build (the length of a front sheet)."""
        try:
            return int((self.cache / f"{key}.pages").read_text())
        except (OSError, ValueError):
            return None

    def remember(self, key: str, pages: int) -> None:
        with contextlib.suppress(OSError):
            (self.cache / f"{key}.pages").write_text(str(pages))

    def _cached(self, key: str) -> Path:
        return self.cache / f"{key}.pdf"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


class Stamper:
    """The pack's page number small in the bottom right-hand corner, below where reports put
    their own footers (12pt from the edge), and a banner along the top edge: a few operators
    added after each page's own content (wrapped in q … Q, so whatever it leaves set does not
    move them), with two standard fonts added once to the writer."""

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        self.fonts = {
            NameObject(name): writer._add_object(
                DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/Font"),
                        NameObject("/Subtype"): NameObject("/Type1"),
                        NameObject("/BaseFont"): NameObject(base),
                        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
                    }
                )
            )
            for name, base in (("/ClerkF1", "/Helvetica"), ("/ClerkF2", "/Helvetica-Bold"))
        }
        self.save = writer._add_object(_stream(b"q"))

    def __call__(self, page: PageObject, *, number: str = "", banner: str = "") -> None:
        box = page.mediabox
        width, height = float(box.width), float(box.height)
        left, bottom = float(box.left), float(box.bottom)
        ops = []
        if number:
            x = left + width - 28 - 4.5 * len(number)
            ops.append(f"BT /ClerkF1 8 Tf 0.35 g {x:.1f} {bottom + 12:.1f} Td ({_escape(number)}) Tj ET")
        if banner:
            x = left + width / 2 - 3.3 * len(banner)
            ops.append(f"BT /ClerkF2 11 Tf 0.6 0 0 rg {x:.1f} {bottom + height - 20:.1f} Td ({_escape(banner)}) Tj ET")
        if not ops:
            return
        if "/Resources" not in page:
            page[NameObject("/Resources")] = DictionaryObject()
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        if "/Font" not in resources:
            resources[NameObject("/Font")] = DictionaryObject()
        cast(DictionaryObject, resources["/Font"].get_object()).update(self.fonts)
        contents = page.get("/Contents")
        own = (
            []
            if contents is None
            else list(contents.get_object())
            if isinstance(contents.get_object(), ArrayObject)
            else [contents]
        )
        mark = self.writer._add_object(_stream(("Q q " + " ".join(ops) + " Q").encode("latin-1", "replace")))
        page[NameObject("/Contents")] = ArrayObject([self.save, *own, mark])


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream
