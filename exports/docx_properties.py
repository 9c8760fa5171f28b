"""A Word document's properties: the core ones (title, subject, dates…, clipped to what Word
holds) and custom ones (File > Properties > Custom), beside any the template has."""

from __future__ import annotations

import datetime as dt

from docx.document import Document as DocxDocument

from .docx_base import text

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
