"""Reports for agenda items: a real .docx or PDF, kept in the database under its content hash
(moving or deleting the original breaks nothing; a backup or a colleague sharing the database
has it), the old one kept in history when it is replaced; and the page ranges the agenda pack
gives each item."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlmodel import col, select

from ..blobs import file_of, keep_in, read_source
from ..errors import InvalidInput
from ..ids import id_of
from ..models import AgendaItem, Attachment, ItemKind, Meeting
from ..storage import Store
from ..wording import detached_sentence
from .agenda import item_code
from .agenda_rows import numbered_meeting, ordered_rows
from .attached import current_report
from .common import as_id, clean_text, ensure_editable, get


@dataclass(frozen=True)
class Report:
    item_id: int
    code: str
    title: str
    restricted: bool
    to_follow: bool
    filename: str
    kind: str  # "docx" or "pdf"
    sha256: str
    group: str = ""  # the heading its item is under (AgendaRow.group)


def report_file(store: Store, report: Report) -> Path:
    """The report's bytes from the database, as a file for the tools that need a path."""
    path = file_of(store, report.sha256, f".{report.kind}")
    if path is None:
        raise InvalidInput(f"The report for {report.code} ({report.filename}) is missing from the database; attach it again.")
    return path


def check_report(path: Path) -> str:
    """ "docx" or "pdf" for a real Word document or PDF; a plain refusal for anything else
    (LibreOffice would quietly turn a text file renamed .docx into a page of garbage)."""
    if not path.is_file():
        raise InvalidInput(f"There is no file at {path}.")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"%PDF-"):
        try:
            from pypdf import PdfReader

            reader = PdfReader(str(path))
            if len(reader.pages) < 1:
                raise ValueError("no pages")
            for page in reader.pages:
                page.extract_text()
        except Exception:
            raise InvalidInput(
                f"{path.name} starts like a PDF but cannot be read; save it again as PDF and attach it again."
            ) from None
        return "pdf"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as z:
                is_word = "word/document.xml" in z.namelist()
        except zipfile.BadZipFile:
            is_word = False
        if is_word:
            try:
                import docx

                docx.Document(str(path))
            except Exception:
                raise InvalidInput(
                    f"{path.name} looks like a Word document but cannot be opened; save it again as .docx and attach it again."
                ) from None
            return "docx"
    raise InvalidInput(f"{path.name} is not a Word document (.docx) or a PDF; save it as one of those and attach it again.")


def find_item(store: Store, meeting_id: int, ref: str | int) -> AgendaItem:
    """An item by its code (B1) or id."""
    with store.read() as session:
        get(session, Meeting, meeting_id, "meeting")
        items = list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all())
        numbered = numbered_meeting(session, meeting_id)
    text = str(ref).strip().upper()
    rows = ordered_rows(items, numbered)
    row = next((r for r in rows if r.parent_id is None and r.code == text), None)
    if row is None and as_id(text) is not None:
        row = next((r for r in rows if r.id == as_id(text)), None)
    if row is None:
        codes = ", ".join(r.code for r in rows if r.parent_id is None)
        raise InvalidInput(f"The agenda has no item {ref}; its items are {codes}.")
    return next(i for i in items if i.id == row.id)


def attach_report(store: Store, meeting_id: int, item_ref: str | int, source: Path | str) -> Report:
    source = Path(source).expanduser()
    kind = check_report(source)
    item = find_item(store, meeting_id, item_ref)
    with store.read() as session:
        ensure_editable(get(session, Meeting, meeting_id, "meeting"))
    data = read_source(source)
    with store.write() as session:
        digest = keep_in(session, data)
        for old in session.exec(
            select(Attachment).where(Attachment.agenda_item_id == item.id, Attachment.superseded == False)  # noqa: E712
        ).all():
            old.superseded = True  # kept in history
            session.add(old)
        session.add(
            Attachment(
                agenda_item_id=item.id,
                filename=clean_text(source.name),
                sha256=digest,
                content_type=kind,
                added_at=dt.datetime.now(dt.UTC),
            )
        )
        if item.kind not in (ItemKind.REPORT, ItemKind.TO_FOLLOW):
            item = get(session, AgendaItem, item.id, "agenda item")
            item.kind = ItemKind.REPORT
            session.add(item)
    return next(r for r in reports(store, meeting_id) if r.item_id == item.id)


AFTER_DETACH = (ItemKind.REPORT, ItemKind.VERBAL, ItemKind.TO_FOLLOW)


@dataclass(frozen=True)
class Detached:
    item_id: int
    code: str
    filename: str
    kind: ItemKind  # what the item is now

    @property
    def sentence(self) -> str:
        return detached_sentence(self.code, self.filename, self.kind.value)


def detach_report(store: Store, meeting_id: int, item_ref: str | int, kind: ItemKind | str | None = None) -> Detached:
    """Take an item's report off the agenda: the file stays in the item's history (and its bytes
    in the database), its pages in the pack are cleared, and the item becomes ``kind`` (Verbal,
    to follow, or a report still to come) when given."""
    item_id = id_of(find_item(store, meeting_id, item_ref))
    code = item_code(store, item_id)
    after = None
    if kind is not None:
        after = next((k for k in AFTER_DETACH if k.value == str(kind).strip().lower().replace("-", "_")), None)
        if after is None:
            raise InvalidInput("After its report is detached an item is a report, verbal or to follow.")
    with store.write() as session:
        ensure_editable(get(session, Meeting, meeting_id, "meeting"))
        current = session.exec(
            select(Attachment).where(Attachment.agenda_item_id == item_id, Attachment.superseded == False)  # noqa: E712
        ).all()
        if not current:
            raise InvalidInput(f"{code} has no report attached.")
        for old in current:
            old.superseded = True  # kept in history
            session.add(old)
        row = get(session, AgendaItem, item_id, "agenda item")
        row.page_from = row.page_to = None  # the pack's pages were the report's
        if after is not None:
            row.kind = after
        session.add(row)
        return Detached(item_id, code, current[-1].filename, ItemKind(row.kind))


def attached_name(store: Store, item_id: int) -> str:
    """The file name of the item's current report, or ''."""
    with store.read() as session:
        current = current_report(session, item_id)
        return current.filename if current is not None else ""


def agenda_stamp(store: Store, meeting_id: int) -> tuple[Any, ...]:
    """A cheap summary of the meeting's items and reports that changes whenever another window,
    ``clerk attach``, ``clerk detach`` or ``clerk pack`` changes them: two small queries of plain
    rows (about 1.5 ms for a 15-item agenda), for a screen to compare now and then instead of
    reading and drawing the whole agenda again."""
    items, files = AgendaItem.__table__, Attachment.__table__  # type: ignore[attr-defined]
    of_meeting = sa.select(items.c.id).where(items.c.meeting_id == meeting_id)
    with store.read() as session:
        rows = session.execute(sa.select(*items.columns).where(items.c.meeting_id == meeting_id).order_by(items.c.id)).all()
        count = session.execute(
            sa.select(
                sa.func.count(files.c.id), sa.func.max(files.c.id), sa.func.sum(sa.cast(files.c.superseded, sa.Integer))
            ).where(files.c.agenda_item_id.in_(of_meeting))
        ).one()
    return tuple(tuple(r) for r in rows), tuple(count)


def reports(store: Store, meeting_id: int) -> list[Report]:
    """The current report of each item that has one, in agenda order."""
    with store.read() as session:
        items = list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all())
        numbered = numbered_meeting(session, meeting_id)
        ids = [i.id for i in items]
        current = (
            {
                a.agenda_item_id: a
                for a in session.exec(
                    select(Attachment)
                    .where(col(Attachment.agenda_item_id).in_(ids), Attachment.superseded == False)  # noqa: E712
                    .order_by(col(Attachment.id))
                ).all()
            }
            if ids
            else {}
        )
    out = []
    for row in ordered_rows(items, numbered):
        a = current.get(row.id)
        if a is not None and row.parent_id is None:
            out.append(
                Report(
                    row.id,
                    row.code,
                    row.title,
                    row.restricted,
                    row.kind is ItemKind.TO_FOLLOW,
                    a.filename,
                    a.content_type,
                    a.sha256,
                    row.group,
                )
            )
    return out


def history(store: Store, item_id: int) -> list[Attachment]:
    with store.read() as session:
        return list(
            session.exec(select(Attachment).where(Attachment.agenda_item_id == item_id).order_by(col(Attachment.id))).all()
        )


def set_page_ranges(store: Store, meeting_id: int, ranges: dict[int, tuple[int, int]]) -> None:
    """Store each item's pages in the pack (the front sheet shows them as "(Pages 9 36)")."""
    with store.write() as session:
        ensure_editable(get(session, Meeting, meeting_id, "meeting"))
        for item in session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all():
            if item.id in ranges:
                item.page_from, item.page_to = ranges[item.id]
                session.add(item)
