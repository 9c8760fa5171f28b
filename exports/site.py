"""The public record as a static website (``clerk publish``): pages from the Jinja2 templates in
``site_templates``, one stylesheet, the documents beside each meeting's page, the calendars and
the Atom feeds. Pure: it is handed the site's data (clerk.documents.site_model), public versions
only, and never reads the record. Addresses are stable: ``<committee>/<yyyy-mm-dd>/``."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from clerk.documents.model import AgendaDoc, MinuteBlock, NotesDoc
from clerk.documents.pack import PackDoc
from clerk.documents.render import minute_heading, minute_parts
from clerk.documents.site_model import SiteDoc, SiteFile, SiteMeeting
from clerk.wording import exempt_note
from clerk.wording_site import AGENDA_AND_MINUTES, file_slug

from .agenda import write_agenda
from .notes import write_notes
from .site_feeds import write_atom, write_ics
from .site_files import MANIFEST, SiteFolder, SiteResult
from .site_search import FOLDER as SEARCH
from .site_search import by_meeting, search_entries, search_index

__all__ = ["MANIFEST", "SiteResult", "write_site"]

Progress = Callable[[str], None]


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("exports", "site_templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["anchor"] = lambda text: file_slug(str(text))
    env.filters["lines"] = _lines
    env.filters["resolved"] = _resolved
    env.globals.update(minute_parts=minute_parts, minute_heading=minute_heading, exempt_note=exempt_note)
    return env


def _lines(text: str) -> Markup:
    """A paragraph with its kept line breaks."""
    return Markup("<br>").join(escape(line) for line in str(text).split("\n"))


_RESOLVED = re.compile(r"^((?:\(\d+\)\s)?)(RESOLVED)\b(.*)$", re.S)


def _resolved(text: str) -> Markup:
    """RESOLVED in bold, as the notes print it."""
    found = _RESOLVED.match(str(text))
    if not found:
        return _lines(text)
    return escape(found.group(1)) + Markup("<strong>RESOLVED</strong>") + _lines(found.group(3))


def _render(name: str, **context: object) -> str:
    return _env().get_template(name).render(**context)


def _source(name: str) -> str:
    """A file shipped with the templates (the stylesheet, the search script), as it is."""
    return _env().loader.get_source(_env(), name)[0]  # type: ignore[union-attr]


def write_site(
    site: SiteDoc,
    out: Path | str,
    *,
    pdf: bool = False,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    make_pack: Callable[[PackDoc, Path], object] | None = None,
) -> SiteResult:
    """Write ``site`` into the folder ``out``; what is already there and unchanged is left alone.
    ``pdf``: the agenda and notes as PDF too (LibreOffice, one run for every changed document);
    ``make_pack(pack, path)`` assembles a public agenda pack the site offers."""
    say = progress or (lambda _step: None)
    folder = SiteFolder(Path(out), now or dt.datetime.now(dt.UTC))
    folder.out.mkdir(parents=True, exist_ok=True)
    folder.page("style.css", _source("style.css"))
    folder.page("index.html", _render("index.html", site=site, root="", look=site.look))
    entries = search_entries(site)
    folder.page(f"{SEARCH}index.js", search_index(entries))
    folder.page(f"{SEARCH}search.js", _source("search.js"))
    folder.page(f"{SEARCH}index.html", _render("search.html", site=site, root="../", look=site.look, groups=by_meeting(entries)))
    write_ics(folder, "meetings.ics", site.calendar)
    all_entries = [e for c in site.committees for e in c.entries]
    write_atom(folder, "feed.atom", site.title, site.instance, all_entries)
    to_convert: list[tuple[str, Path]] = []
    for c in site.committees:
        say(f"Writing {c.name}")
        base = f"{c.slug}/"
        page = dict(site=site, committee=c, look=c.look)
        folder.page(f"{base}index.html", _render("committee.html", root="../", **page))
        folder.page(f"{base}attendance/index.html", _render("attendance.html", root="../../", **page))
        folder.page(f"{base}decisions/index.html", _render("decisions.html", root="../../", **page))
        write_ics(folder, f"{base}meetings.ics", c.calendar)
        write_atom(folder, f"{base}feed.atom", c.name, site.instance, c.entries, root="../")
        for m in c.meetings:
            here = f"{base}{m.slug}/"
            pdfs = _pdf_files(m) if pdf else ()
            folder.page(
                f"{here}index.html",
                _render("meeting.html", root="../../", heading=AGENDA_AND_MINUTES, meeting=m, pdfs=pdfs, **page, **_items(m)),
            )
            for f in m.files:
                made = _write_file(folder, here + f.name, f, make_pack)
                if pdf and f.doc is not None:
                    rel = here + f.name[:-5] + ".pdf"
                    folder.files[rel] = f.digest
                    if made or folder.old_files.get(rel) != f.digest or not folder.path(rel).is_file():
                        to_convert.append((rel, folder.path(here + f.name)))
                    else:
                        folder.result.unchanged += 1
    if to_convert:
        say(f"Converting {len(to_convert)} document(s) to PDF with LibreOffice")
        _convert(folder, to_convert)
    return folder.finish()


def _write_file(folder: SiteFolder, rel: str, f: SiteFile, make_pack: Callable[[PackDoc, Path], object] | None) -> bool:
    pack = f.pack
    if pack is not None:
        return make_pack is not None and folder.document(rel, f.digest, lambda tmp: make_pack(pack, tmp))
    if f.doc is not None:
        doc = f.doc
        if isinstance(doc, AgendaDoc):
            return folder.document(rel, f.digest, lambda tmp: write_agenda(doc, tmp))
        return folder.document(rel, f.digest, lambda tmp: write_notes(doc, tmp))
    source = f.path
    if source is None:
        return False
    return folder.document(rel, f.digest, lambda tmp: shutil.copyfile(source, tmp))


def _pdf_files(m: SiteMeeting) -> tuple[SiteFile, ...]:
    """The PDF beside each Word document clerk writes for the meeting."""
    from clerk.wording_site import document_label

    return tuple(
        SiteFile(f.name[:-5] + ".pdf", document_label(f.label.rsplit(" (", 1)[0], ".pdf"), f.digest)
        for f in m.files
        if f.doc is not None
    )


def _convert(folder: SiteFolder, docs: list[tuple[str, Path]]) -> None:
    """Every changed Word document to PDF in one LibreOffice run (it starts slowly)."""
    import tempfile

    from .pdf import to_pdf

    with tempfile.TemporaryDirectory(prefix="clerk-site-pdf-") as tmp:
        sources = []
        for n, (_rel, path) in enumerate(docs):
            sources.append(Path(tmp) / f"{n}.docx")
            shutil.copyfile(path, sources[-1])
        for (rel, _path), made in zip(docs, to_pdf(sources, Path(tmp) / "pdf"), strict=True):
            folder.document(rel, folder.files[rel], partial(shutil.copyfile, made))


def _items(m: SiteMeeting) -> dict[str, object]:
    """The meeting's minutes by number, and those no agenda item of the page lists."""
    notes: NotesDoc | None = m.notes
    blocks = {b.number: b for b in (notes.blocks if notes else ()) if isinstance(b, MinuteBlock)}
    listed = {n for code, numbers in m.minutes_of_item.items() for n in numbers if m.agenda is not None and _has(m.agenda, code)}
    order = list(blocks)
    first = min((order.index(n) for n in listed if n in blocks), default=len(order))
    others = [b for n, b in blocks.items() if n not in listed]
    before = [b for b in others if order.index(b.number) < first]  # "Vice-Chairman in the Chair", before the items
    return {"blocks": blocks, "minutes_before": before, "other_minutes": [b for b in others if b not in before]}


def _has(agenda: AgendaDoc, code: str) -> bool:
    return any(e.code == code for s in agenda.sections for e in s.entries)
