"""Schema versions. A database written by an older clerk is backed up, then upgraded step by step.

Each step is a function of one connection inside the upgrade transaction and uses only
SQL that SQLite and PostgreSQL share.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, text

SCHEMA_VERSION = 7


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


def _v7_minute_versions(conn: Connection) -> None:
    """Schema 7: a minute counts the changes to its text, so a save based on text another
    window has since changed is refused instead of overwriting it."""
    _add_column(conn, "minute", "version", "INTEGER NOT NULL DEFAULT 0")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _v2_private_session_settings,
    3: _v3_titles_and_item_notes,
    4: _v4_live_sessions,
    5: _v5_signed_snapshots,
    7: _v7_minute_versions,
}
