"""What every Word document clerk writes shares: the council's template (or a plain one), clerk's
named styles (created where the template lacks them, so a council can restyle every part),
header marks, a page number in the footer, document properties, and an atomic save."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

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


def ensure_styles(doc: DocxDocument, specs: dict[str, StyleSpec]) -> dict[str, ParagraphStyle]:
    """Each named paragraph style, from the template when it has it, else created from the spec;
    resolved once, since looking styles up by name is what makes python-docx slow."""
    existing = {s.name: s for s in doc.styles if isinstance(s, ParagraphStyle)}
    out: dict[str, ParagraphStyle] = {}
    for name, spec in specs.items():
        style = existing.get(name)
        if style is None:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = existing.get("Normal")
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
        out[name] = style
    return out


def text(value: str | None) -> str:
    """Text Word can hold (control characters and lone surrogates removed)."""
    return clean_text(value or "")


def para(doc: DocxDocument, style: ParagraphStyle | str | None, *runs: tuple[str, bool] | str) -> Paragraph:
    """A paragraph of runs; a run is text, or (text, bold)."""
    p = doc.add_paragraph(style=style)
    for run in runs:
        value, bold = (run, None) if isinstance(run, str) else run
        r = p.add_run(text(value))
        if bold:
            r.bold = True
    return p


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


CORE_LIMIT = 255  # characters Word allows in a core document property


def _core(value: str) -> str:
    """A core property's text, clipped to what the format allows (the full text is in the body)."""
    value = text(value)
    return value if len(value) <= CORE_LIMIT else value[: CORE_LIMIT - 1].rstrip() + "…"


def properties(
    doc: DocxDocument,
    *,
    title: str,
    subject: str,
    keywords: str = "",
    comments: str = "",
    identifier: str = "",
    when: dt.datetime | None = None,
    custom: dict[str, str] | None = None,
) -> None:
    cp = doc.core_properties
    cp.title, cp.subject, cp.keywords, cp.comments = _core(title), _core(subject), _core(keywords), _core(comments)
    cp.author = cp.last_modified_by = "clerk"
    cp.identifier = _core(identifier)
    cp.revision = 1
    stamp = (when or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    cp.created = cp.modified = stamp
    if custom:
        custom_properties(doc, custom)


CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_properties(doc: DocxDocument, values: dict[str, str]) -> None:
    """Custom document properties (File > Properties > Custom in Word), beside any the
    template has; a property of the same name is replaced."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    package = doc.part.package
    part = next((r.target_part for r in package.rels.values() if r.reltype == RT.CUSTOM_PROPERTIES and not r.is_external), None)
    root = None
    if part is not None:
        try:
            root = etree.fromstring(part.blob)
        except etree.XMLSyntaxError:
            root = None
    if root is None:
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for old in [e for e in root if e.get("name") in values]:
        root.remove(old)
    pid = max((int(e.get("pid", "1")) for e in root if e.get("pid", "").isdigit()), default=1)
    for name, value in values.items():
        pid += 1
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=CUSTOM_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = text(value)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is None:
        package.relate_to(Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package), RT.CUSTOM_PROPERTIES)
    else:
        part._blob = blob


def save(doc: DocxDocument, out: Path | str) -> Path:
    """Write the whole file or nothing; an unusable path is a plain message."""
    from clerk.files import write_whole

    return write_whole(out, lambda tmp: doc.save(str(tmp)))
