"""Schema versions. A database written by an older clerk is backed up, then upgraded step by step.

Each step is a function of one connection inside the upgrade transaction and uses only
SQL that SQLite and PostgreSQL share.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from sqlalchemy import Connection, Inspector, TextClause

SCHEMA_VERSION = 24
NOTES = "clerk_upgrade_notes"  # conn.info key: what an upgrade has to tell the clerk


# SQLAlchemy is imported by the steps when they run, not with SCHEMA_VERSION: the app's first
# frame reads the version (clerk.quick) before the database layer is loaded.
def text(sql: str) -> TextClause:
    from sqlalchemy import text as sa_text

    return sa_text(sql)


def inspect(conn: Any) -> Inspector:
    from sqlalchemy import inspect as sa_inspect

    return cast("Inspector", sa_inspect(conn))


def _add_column(conn: Connection, table: str, column: str, ddl: str) -> None:
    if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
        conn.execute(text(f'ALTER TABLE "{table}" ADD COLUMN {column} {ddl}'))


def _v2_private_session_settings(conn: Connection) -> None:
    """Schema 2: per-committee wording for the private session and the public version,
    the noun the notes use for the body, and the order of the PRESENT list."""
    from .models import Committee

    _add_column(conn, "committee", "body_noun", "VARCHAR NOT NULL DEFAULT 'Committee'")
    _add_column(conn, "committee", "exclusion_wording", "VARCHAR NOT NULL DEFAULT ''")
    _add_column(conn, "committee", "public_restricted", "VARCHAR NOT NULL DEFAULT 'summary'")
    _add_column(conn, "attendance", "position", "INTEGER NOT NULL DEFAULT 0")
    default = Committee.model_fields["exclusion_wording"].default
    conn.execute(text("UPDATE committee SET exclusion_wording = :w WHERE exclusion_wording = ''"), {"w": default})


def _v3_titles_and_item_notes(conn: Connection) -> None:
    """Schema 3: the committee's words for its chair, and a note under an agenda item
    ("The next meeting ... will be held on 18 July 2018, 10am, Darent Room")."""
    _add_column(conn, "committee", "chair_title", "VARCHAR NOT NULL DEFAULT 'Chairman'")
    _add_column(conn, "committee", "vice_chair_title", "VARCHAR NOT NULL DEFAULT 'Vice-Chairman'")
    _add_column(conn, "agendaitem", "note", "TEXT NOT NULL DEFAULT ''")


def _v4_live_sessions(conn: Connection) -> None:
    """Schema 4: the live session of a meeting (current minute, private session, the lock
    with its heartbeat)."""
    from .models import LiveSession

    LiveSession.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]


def _v5_signed_snapshots(conn: Connection) -> None:
    """Schema 5: signed notes keep the document as signed, full and public."""
    _add_column(conn, "signoff", "snapshot_full", "TEXT NOT NULL DEFAULT ''")
    _add_column(conn, "signoff", "snapshot_public", "TEXT NOT NULL DEFAULT ''")


def _v6_restricted_parts(conn: Connection) -> None:
    """Schema 6: a declaration's nature may be restricted, a restricted item's note is public
    only when the clerk says so, and the private session keeps its Schedule 12A paragraph."""
    _add_column(conn, "declaration", "nature_restricted", "BOOLEAN NOT NULL DEFAULT FALSE")
    _add_column(conn, "agendaitem", "note_public", "BOOLEAN NOT NULL DEFAULT FALSE")
    _add_column(conn, "livesession", "exempt_paragraph", "INTEGER")


def _v7_minute_versions(conn: Connection) -> None:
    """Schema 7: a minute counts the changes to its text, so a save based on text another
    window has since changed is refused instead of overwriting it."""
    _add_column(conn, "minute", "version", "INTEGER NOT NULL DEFAULT 0")


def _v8_stored_files_and_paper(conn: Connection) -> None:
    """Schema 8: attached reports and files move into the database (the blob table) from the
    folder beside it, so backups and colleagues sharing the database have them; and each
    committee's paper size (A4 unless changed). A file that cannot be found is reported."""
    import hashlib

    from .files import files_dir, kept
    from .models import Blob

    _add_column(conn, "committee", "paper_size", "VARCHAR NOT NULL DEFAULT 'A4'")
    Blob.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]
    url = conn.engine.url
    folder = files_dir(Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None)
    stored = set(conn.execute(text("SELECT sha256 FROM blob")).scalars())
    missing = []
    for digest, content_type, filename in conn.execute(
        text("SELECT sha256, content_type, filename FROM attachment ORDER BY id")
    ).all():
        if not digest or digest in stored:
            continue
        try:
            data = kept(folder, digest, f".{content_type}" if content_type else "").read_bytes()
        except OSError:
            data = None
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            missing.append(filename)
            continue
        conn.execute(
            text("INSERT INTO blob (sha256, size, content) VALUES (:d, :n, :c)"), {"d": digest, "n": len(data), "c": data}
        )
        stored.add(digest)
    if missing:
        names = ", ".join(dict.fromkeys(missing))
        conn.info.setdefault(NOTES, []).append(
            f"Not found in {folder}, so not moved into the database: {names}; attach them again."
        )


OLD_EXCLUSION_WORDING = (  # the default until schema 15, word for word
    "RESOLVED that under Section 100A of the Local Government Act 1972 the public be "
    "excluded from the meeting for the following business on the grounds that it involves "
    "the likely disclosure of exempt information as defined in paragraph {paragraph} of "
    "Part 1 of Schedule 12A of the Act."
)


def _v15_exclusion_names_its_items(conn: Connection) -> None:
    """Schema 15: the resolution to exclude the press and public says "the following item"
    or "items" (the committee's own wording, if changed, is kept as it is)."""
    from .models import Committee

    new = Committee.model_fields["exclusion_wording"].default
    conn.execute(
        text("UPDATE committee SET exclusion_wording = :new WHERE exclusion_wording = :old"),
        {"new": new, "old": OLD_EXCLUSION_WORDING},
    )


def _v12_agenda_style(conn: Connection) -> None:
    """Schema 12: a committee's agenda style, lettered sections (A1 … D2) or numbered items."""
    _add_column(conn, "committee", "agenda_style", "VARCHAR NOT NULL DEFAULT 'lettered'")


def _v13_meeting_contacts(conn: Connection) -> None:
    """Schema 13: each meeting has its own contact officer's telephone and email (the agenda
    printed the committee's under another officer's name). A meeting whose "Ask for" is the
    committee's contact officer, or empty, takes the committee's; another officer's are left
    for the clerk to fill in."""
    _add_column(conn, "meeting", "contact_phone", "VARCHAR NOT NULL DEFAULT ''")
    _add_column(conn, "meeting", "contact_email", "VARCHAR NOT NULL DEFAULT ''")
    for cid, name, phone, email in conn.execute(
        text("SELECT id, contact_name, contact_phone, contact_email FROM committee")
    ).all():
        conn.execute(
            text(
                "UPDATE meeting SET contact = :name, contact_phone = :phone, contact_email = :email "
                "WHERE committee_id = :c AND (contact = '' OR contact = :name)"
            ),
            {"c": cid, "name": name, "phone": phone, "email": email},
        )


def _v14_interests_and_outcomes(conn: Connection) -> None:
    """Schema 14: a declaration says which kind of interest the Localism Act makes it and whether
    the member left the room, took no part or spoke under a dispensation; a vote says whether
    the motion was carried or lost, and the chair's casting vote. Earlier ones say none of it,
    so they print as they did."""
    _add_column(conn, "declaration", "interest", "VARCHAR NOT NULL DEFAULT ''")
    _add_column(conn, "declaration", "participation", "VARCHAR NOT NULL DEFAULT ''")
    _add_column(conn, "vote", "outcome", "VARCHAR NOT NULL DEFAULT ''")
    _add_column(conn, "vote", "casting", "VARCHAR NOT NULL DEFAULT ''")


def _v16_resolution_style(conn: Connection) -> None:
    """Schema 16: each committee's paragraph style: RESOLVED blocks apart (as before) or numbered
    like any other paragraph."""
    _add_column(conn, "committee", "resolution_style", "VARCHAR NOT NULL DEFAULT 'apart'")


def _v18_action_log(conn: Connection) -> None:
    """Schema 18: the action log. Each action has a status (open, done or superseded), the day
    it last changed and a one-line update; an action ticked done before keeps that as its
    status. The old done flag goes (SQLite 3.35 and PostgreSQL both drop a column)."""
    _add_column(conn, "action", "status", "VARCHAR NOT NULL DEFAULT 'open'")
    _add_column(conn, "action", "status_on", "DATE")
    _add_column(conn, "action", "progress", "TEXT NOT NULL DEFAULT ''")
    if "done" in {c["name"] for c in inspect(conn).get_columns("action")}:
        conn.execute(text("UPDATE \"action\" SET status = 'done' WHERE done = TRUE"))
        conn.execute(text('ALTER TABLE "action" DROP COLUMN done'))


def _v19_forward_plan(conn: Connection) -> None:
    """Schema 19: the forward plan, items planned for a committee's future meetings (and items
    carried from a meeting that deferred them), and each committee's deadline for reports, in
    working days before the agenda is published."""
    from .models import PlannedItem

    _add_column(conn, "committee", "report_deadline_days", "INTEGER NOT NULL DEFAULT 5")
    PlannedItem.__table__.create(conn, checkfirst=True)  # type: ignore[attr-defined]


def _v20_search_index(conn: Connection) -> None:
    """Schema 20: the full-text index of minutes, paragraphs, actions, agenda items and attached
    files' names (clerk.search_index), with the triggers that keep it current; every row already
    in the record is indexed."""
    from .search_index import install

    install(conn)


def _v21_minute_ranges(conn: Connection) -> None:
    """Schema 21: lists of meetings and minute numbers stay quick with twenty years of minutes.
    One index gives each meeting's first and last minute number without reading its minutes,
    another the committee's meeting nearest before a date (where numbering carries on from);
    a signed meeting keeps the numbers its notes were signed with ("64–74", from their frozen
    copy), so a list need not read every copy."""
    from .listing import frozen_range

    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_minute_meeting_number ON minute (meeting_id, number)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_meeting_committee_date ON meeting (committee_id, date)"))
    _add_column(conn, "meeting", "signed_minutes", "VARCHAR NOT NULL DEFAULT ''")
    frozen = text("SELECT meeting_id, snapshot_full FROM signoff WHERE snapshot_full <> ''")
    for meeting_id, snapshot in conn.execute(frozen).all():
        conn.execute(
            text("UPDATE meeting SET signed_minutes = :r WHERE id = :m AND status = 'SIGNED'"),
            {"r": frozen_range(snapshot), "m": meeting_id},
        )


def _v22_imported_numbers(conn: Connection) -> None:
    """Schema 22: a meeting imported from a council's own notes keeps the number its first minute
    had there (64 for the notes of 8 July 2014), so the numbering goes on from its minutes."""
    _add_column(conn, "meeting", "numbered_from", "INTEGER")


def _v23_site_look(conn: Connection) -> None:
    """Schema 23: the council's own look for the published site (``clerk publish``): the address
    of its stylesheet and the HTML of its header and footer, set per committee."""
    _add_column(conn, "committee", "site_stylesheet", "VARCHAR NOT NULL DEFAULT ''")
    _add_column(conn, "committee", "site_header", "TEXT NOT NULL DEFAULT ''")
    _add_column(conn, "committee", "site_footer", "TEXT NOT NULL DEFAULT ''")


def _v24_bank_holidays(conn: Connection) -> None:
    """Schema 24: each committee's nation for bank holidays (England and Wales, Scotland or
    Northern Ireland); every committee already there keeps England and Wales's, as before."""
    _add_column(conn, "committee", "holidays", "VARCHAR NOT NULL DEFAULT 'england_wales'")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _v2_private_session_settings,
    3: _v3_titles_and_item_notes,
    4: _v4_live_sessions,
    5: _v5_signed_snapshots,
    6: _v6_restricted_parts,
    7: _v7_minute_versions,
    8: _v8_stored_files_and_paper,
    12: _v12_agenda_style,
    13: _v13_meeting_contacts,
    14: _v14_interests_and_outcomes,
    15: _v15_exclusion_names_its_items,
    16: _v16_resolution_style,
    18: _v18_action_log,
    19: _v19_forward_plan,
    20: _v20_search_index,
    21: _v21_minute_ranges,
    22: _v22_imported_numbers,
    23: _v23_site_look,
    24: _v24_bank_holidays,
}
