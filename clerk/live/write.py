"""The one way a live change is written: a transaction refused unless this app holds the
meeting (see ``lock``), and the rules every new minute taken in the room follows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import bindparam
from sqlmodel import Session, col, select

from ..body import Para, numbers_paragraphs, parse
from ..errors import NotFound
from ..ids import id_of
from ..models import AgendaItem, LiveSession, Meeting, MeetingStatus, Minute, MinuteState, Person
from ..services import live_wording as wording
from ..services.attendance import attendance_rows
from ..services.common import clean_text, ensure_editable, get
from ..services.content import set_paragraphs_in
from ..services.minute_text import Saved, replace_paragraphs_in
from ..services.minutes import add_minute_in
from ..storage import Store
from .lock import Holder, MeetingLocked, check_holder


@contextmanager
def live_write(store: Store, meeting_id: int, holder: Holder) -> Iterator[tuple[Session, LiveSession]]:
    """One transaction for a live change, refused (MeetingLocked) unless this app holds the meeting."""
    with store.transaction() as session:
        row = check_holder(session, meeting_id, holder)
        ensure_editable(get(session, Meeting, meeting_id, "meeting"))
        yield session, row


def local(now: dt.datetime | None = None) -> dt.datetime:
    """The time on the clerk's clock (naive, local), from an aware or naive datetime."""
    now = now or dt.datetime.now()
    return now.astimezone().replace(tzinfo=None) if now.tzinfo else now


def aware(now: dt.datetime | None = None) -> dt.datetime:
    now = now or dt.datetime.now()
    return now if now.tzinfo else now.astimezone()


def begin_in(session: Session, meeting_id: int, now: dt.datetime) -> None:
    """The first minute taken starts the meeting: in progress, with its start time."""
    meeting = get(session, Meeting, meeting_id, "meeting")
    if meeting.status in (MeetingStatus.DRAFT.value, MeetingStatus.PUBLISHED.value) or meeting.started_at is None:
        if meeting.status in (MeetingStatus.DRAFT.value, MeetingStatus.PUBLISHED.value):
            meeting.status = MeetingStatus.IN_PROGRESS
        meeting.started_at = meeting.started_at or aware(now)
        session.add(meeting)


def new_minute_in(
    session: Session,
    live: LiveSession,
    meeting_id: int,
    title: str,
    body: str,
    now: dt.datetime,
    *,
    item: AgendaItem | None = None,
    state: MinuteState = MinuteState.TAKEN,
    restricted: bool | None = None,
) -> Minute:
    """A minute taken now: numbered next, restricted in private session (under the paragraph
    the press and public were excluded under), and the one the clerk is at."""
    if restricted is None:
        restricted = bool(item and item.restricted) or live.private
    paragraph = item.exempt_paragraph if item else None
    if restricted and paragraph is None and live.private:
        paragraph = live.exempt_paragraph
    minute, _ = add_minute_in(
        session,
        meeting_id,
        title,
        agenda_item_id=item.id if item else None,
        state=state,
        restricted=restricted,
        exempt_paragraph=paragraph,
        taken_at=local(now).time().replace(microsecond=0),
    )
    if body.strip():
        set_paragraphs_in(session, id_of(minute), parse(body))
    live.current_minute_id = minute.id
    session.add(live)
    begin_in(session, meeting_id, now)
    return minute


def item_minute(session: Session, item_id: int) -> Minute | None:
    return session.exec(select(Minute).where(Minute.agenda_item_id == item_id).order_by(col(Minute.seq), col(Minute.id))).first()


_LIVE, _MEETINGS, _MINUTES = LiveSession.__table__, Meeting.__table__, Minute.__table__  # type: ignore[attr-defined]
_HOLDING = (  # built once: the autosave runs it every half second
    select(_LIVE.c.holder, _MEETINGS.c.status, _MINUTES.c.meeting_id)
    .select_from(
        _LIVE.join(_MEETINGS, _MEETINGS.c.id == _LIVE.c.meeting_id).join(_MINUTES, _MINUTES.c.id == bindparam("b_minute"))
    )
    .where(_LIVE.c.meeting_id == bindparam("b_meeting"))
)


def save_text(
    store: Store,
    meeting_id: int,
    holder: Holder,
    minute_id: int,
    text: str,
    numbered: bool | None = None,
    base_version: int | None = None,
) -> Saved:
    """The autosave, lean as it runs every half second: one query checks that this app holds
    the meeting, that the notes are not signed and that the minute is the meeting's; then the
    minute's paragraphs are replaced whole (see ``minute_text``) unless unchanged. With
    ``base_version`` a minute changed in another window since is refused (MinuteChanged)."""
    with store.write() as session:
        row = session.connection().execute(_HOLDING, {"b_minute": minute_id, "b_meeting": meeting_id}).first()
        if row is None:
            raise NotFound(f"There is no minute with id {minute_id} in this meeting.")
        held_by, status, minute_meeting_id = row
        if held_by != holder.token:
            raise MeetingLocked("This meeting is open for minuting in another window; this view is read-only.")
        if minute_meeting_id != meeting_id:
            raise NotFound("That minute belongs to another meeting.")
        if MeetingStatus(status) in (MeetingStatus.SIGNED, MeetingStatus.CANCELLED):
            ensure_editable(get(session, Meeting, meeting_id, "meeting"))

        def wanted(current: list[Para]) -> list[Para]:
            numbers = numbers_paragraphs(current) if numbered is None else numbered
            return [Para(p.kind, p.text.strip(), p.numbered) for p in parse(clean_text(text), numbers) if p.text.strip()]

        return replace_paragraphs_in(session, minute_id, wanted, base_version)


def refresh_standard_minutes(session: Session, meeting_id: int) -> list[int]:
    """Reword the Apologies and Declarations minutes from the record; the minutes changed."""
    changed: list[int] = []
    for key, make in (("apologies", wording.apologies_text), ("declarations", wording.declarations_text)):
        item = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.standard == key)).first()
        minute = item_minute(session, id_of(item)) if item else None
        if minute is not None and wording.refresh_generated(session, minute, make(session, meeting_id)):
            changed.append(id_of(minute))
    return changed


def person_named(session: Session, meeting_id: int, name: str) -> int | None:
    """A person recorded at the meeting whose name is the one typed ("Jim Parris", "Mr J Parris", "Parris")."""
    wanted = " ".join(name.lower().replace(",", " ").split())
    if not wanted:
        return None
    people = {p.id: p for p in session.exec(select(Person)).all()}
    hits = []
    for row in attendance_rows(session, meeting_id):
        p = people[row.person_id]
        forms = {
            row.name.lower(),
            f"{p.forenames} {p.surname}".lower().strip(),
            p.surname.lower(),
            f"{p.title} {p.surname}".lower().strip(),
        }
        if wanted in {" ".join(f.replace(",", " ").split()) for f in forms}:
            hits.append(p.id)
    return hits[0] if len(hits) == 1 else None
