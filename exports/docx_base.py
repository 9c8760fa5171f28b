"""What every Word document clerk writes shares: the council's template (or a plain one), clerk's
named styles (created where the template lacks them, so a council can restyle every part),
paragraphs written with each style's id resolved once, header marks, a page number in the footer,
and an atomic save (the document's properties are in docx_properties)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Cm, Mm, Pt
from docx.styles.style import ParagraphStyle, StyleFactory
from docx.text.paragraph import Paragraph
from lxml.etree import SubElement, tostring

from clerk.documents.model import PAPER_SIZES
from clerk.errors import InvalidInput
from clerk.text import clean_text

TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
FONT = "Arial"


@dataclass(frozen=True)
class StyleSpec:
    bold: bool = False
    italic: bool = False
    size: float = 12
    align: str = "left"  # left, center, justify, right
    left_cm: float = 0
    hanging_cm: float = 0
    before_pt: float = 0
    after_pt: float = 6
    caps: bool = False
    keep_with_next: bool = False


ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def open_template(template: Path | None, paper: str = "A4") -> DocxDocument:
    """The council's template (.docx or .dotx) with its body (a letterhead) and page setup kept,
    or a plain document on ``paper`` (A4 unless the committee says Letter). A missing or broken
    template is a plain message."""
    if template is None or not str(template).strip():
        doc = Document()
        width, height = PAPER_SIZES.get(paper, PAPER_SIZES["A4"])
        for section in doc.sections:
            section.page_width, section.page_height = Mm(width), Mm(height)
            section.left_margin = section.right_margin = Cm(2.5)  # 16 cm of text on A4
        return doc
    path = Path(template).expanduser()
    if not path.is_file():
        raise InvalidInput(f"The Word template {path} does not exist; fix the path in the committee's settings or clear it.")
    try:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise zipfile.BadZipFile
            if path.suffix.lower() in (".dotx", ".dotm"):
                data = _as_document(z)
        return Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InvalidInput(
            f"The Word template {path} is not a Word document or template (.docx or .dotx) clerk can read ({type(exc).__name__})."
        ) from None
    except Exception as exc:  # python-docx raises its own kinds for damaged parts
        raise InvalidInput(f"The Word template {path} is damaged: {exc}.") from None


def _as_document(z: zipfile.ZipFile) -> bytes:
    """A .dotx re-declared as a .docx, so python-docx opens it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in z.infolist():
            content = z.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(TEMPLATE_TYPE.encode(), DOCUMENT_TYPE.encode()).replace(
                    b"template.macroEnabledTemplate.main+xml", b"document.main+xml"
                )
            new.writestr(item, content)
    return out.getvalue()


@dataclass(frozen=True)
class Style:
    """A paragraph style of one document with its id resolved once (None when it is the
    document's default style): python-docx looks a style up, and scans every style for the
    default, on each paragraph it is given to, which is most of the time of a long document."""

    style: ParagraphStyle
    id: str | None


def ensure_styles(doc: DocxDocument, specs: dict[str, StyleSpec]) -> dict[str, Style]:
    """Each named paragraph style, from the template when it has it, else created from the spec."""
    styles = doc.styles
    every = list(styles)
    names = {s.name for s in every}
    existing = {s.name: s for s in every if isinstance(s, ParagraphStyle)}
    default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
    base = existing.get("Normal")
    out: dict[str, Style] = {}
    for name, spec in specs.items():
        style = existing.get(name)
        if style is None:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH) if name in names else _new_style(doc, name, spec, base)
        out[name] = Style(style, None if style == default else style.style_id)  # as python-docx resolves it
    return out


_BUILT: dict[tuple[str, StyleSpec, str | None], bytes] = {}  # each new style's XML, built once a process


def _new_style(doc: DocxDocument, name: str, spec: StyleSpec, base: ParagraphStyle | None) -> ParagraphStyle:
    """The style python-docx makes of ``spec``, appended to the document's styles; made through
    python-docx the first time, then copied from its XML (python-docx takes milliseconds a style)."""
    element = doc.styles.element
    key = (name, spec, base.style_id if base is not None else None)
    built = _BUILT.get(key)
    if built is not None:
        element.append(parse_xml(built))
        return cast(ParagraphStyle, StyleFactory(element[-1]))
    style = cast(ParagraphStyle, StyleFactory(element.add_style_of_type(name, WD_STYLE_TYPE.PARAGRAPH, False)))
    style.base_style = base
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic, font.all_caps = FONT, Pt(spec.size), spec.bold, spec.italic, spec.caps
    pf = style.paragraph_format
    pf.alignment = ALIGN[spec.align]
    pf.left_indent = Cm(spec.left_cm) if spec.left_cm else None
    pf.first_line_indent = Cm(-spec.hanging_cm) if spec.hanging_cm else None
    pf.space_before, pf.space_after = Pt(spec.before_pt), Pt(spec.after_pt)
    pf.keep_with_next = spec.keep_with_next or None
    if spec.hanging_cm:
        pf.tab_stops.add_tab_stop(Cm(spec.left_cm))
    _BUILT[key] = tostring(style.element)
    return style


def text(value: str | None) -> str:
    """Text Word can hold (control characters and lone surrogates removed)."""
    return clean_text(value or "")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _PPR, _PSTYLE, _VAL = f"{_W}p", f"{_W}pPr", f"{_W}pStyle", f"{_W}val"
_R, _RPR, _B, _T, _TAB, _BR, _SECTPR = f"{_W}r", f"{_W}rPr", f"{_W}b", f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}sectPr"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SPLIT = re.compile(r"([\t\r\n])")


def para(doc: DocxDocument, style: Style | None, *runs: tuple[str, bool] | str) -> None:
    """A paragraph of runs at the end of the body; a run is text, or (text, bold). The XML is
    python-docx's own (``add_paragraph(style=…)`` then ``add_run``), written directly."""
    body = doc.element.body
    p = body.makeelement(_P, None)
    # before the body's closing section properties, as python-docx puts it (looked for from the
    # end: len(body) or find() would walk every paragraph, each time)
    last = next((e for e in body.iterchildren(reversed=True) if isinstance(e.tag, str)), None)
    if last is not None and last.tag == _SECTPR:
        last.addprevious(p)
    else:
        body.append(p)
    if style is not None:
        ppr = SubElement(p, _PPR)
        if style.id is not None:
            SubElement(ppr, _PSTYLE).set(_VAL, style.id)
    for run in runs:
        value, bold = (run, False) if isinstance(run, str) else run
        r = SubElement(p, _R)
        if bold:
            SubElement(SubElement(r, _RPR), _B)
        for piece in _SPLIT.split(text(value)):
            if piece == "\t":
                SubElement(r, _TAB)
            elif piece == "\n" or piece == "\r":
                SubElement(r, _BR)
            elif piece:
                t = SubElement(r, _T)
                t.text = piece
                if len(piece.strip()) < len(piece):
                    t.set(_SPACE, "preserve")


def page_break(doc: DocxDocument) -> None:
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _field(paragraph: Paragraph, instruction: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    simple.append(run)
    paragraph._p.append(simple)


def decorate(doc: DocxDocument, marks: Iterable[str], page_numbers: bool = True) -> None:
    """Header marks (DRAFT, RESTRICTED – NOT FOR PUBLICATION) and "Page N" in the footer,
    beside whatever the template's header and footer already hold (no page numbers of its
    own for a document going into a pack, which numbers its pages itself)."""
    marks = [m for m in marks if m]
    for section in doc.sections:
        if marks:
            header = section.header
            p = header.paragraphs[0] if header.paragraphs and not header.paragraphs[0].text.strip() else header.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            r = p.add_run(" · ".join(marks))
            r.bold = True
            r.font.name = FONT
        footer = section.footer
        if not page_numbers or "PAGE" in footer._element.xml:
            continue
        p = footer.paragraphs[0] if footer.paragraphs and not footer.paragraphs[0].text.strip() else footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run("Page ").font.name = FONT
        _field(p, "PAGE")


def save(doc: DocxDocument, out: Path | str) -> Path:
    """Write the whole file or nothing; an unusable path is a plain message."""
    from clerk.files import write_whole

    return write_whole(out, lambda tmp: doc.save(str(tmp)))
