"""The full-text index of the record: every minute's title, paragraph (resolutions among them),
action, agenda item and attached file's name, kept current by the database itself.

SQLite keeps it in an FTS5 table, PostgreSQL in a table with a tsvector column under a GIN index;
on both, triggers on the indexed tables write every insert, change and deletion into it, so no
path of clerk (nor a script writing the tables) can leave it behind. Each row of the index is
``rid = id * 8 + kind`` of the row it comes from: the index holds text only, and who may read
it (restricted or not), its meeting and its minute number are looked up when searching
(clerk.services.search), so renumbering or restricting a minute needs no reindexing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

INDEX_TABLE = "search_entry"  # the index: derived from the record, left out of JSON backups
KIND_SHIFT = 8  # rid = id * KIND_SHIFT + kind
# PostgreSQL: words lower-cased, not stemmed, no stop words, accents kept: as SQLite's unicode61
CONFIG = "simple"


@dataclass(frozen=True)
class Source:
    kind: int
    table: str
    title: str  # the column indexed as the entry's title (weighted above its body)
    body: str  # the column indexed as its body, or "" for none


SOURCES = (
    Source(1, "minute", "title", ""),
    Source(2, "paragraph", "", "text"),
    Source(3, "action", "owner_name", "description"),
    Source(4, "agendaitem", "title", "note"),
    Source(5, "attachment", "filename", ""),
)
KINDS = {s.kind: s.table for s in SOURCES}


def _column(row: str, column: str) -> str:
    return f"COALESCE({row}.{column}, '')" if column else "''"


def _columns(source: Source) -> str:
    return ", ".join(c for c in (source.title, source.body) if c)


def _sqlite(conn: Connection) -> None:
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {INDEX_TABLE} USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')"
    )
    for s in SOURCES:
        rid = f"{{row}}.id * {KIND_SHIFT} + {s.kind}"
        insert = (
            f"INSERT INTO {INDEX_TABLE} (rowid, title, body) "
            f"VALUES ({rid.format(row='new')}, {_column('new', s.title)}, {_column('new', s.body)});"
        )
        delete = f"DELETE FROM {INDEX_TABLE} WHERE rowid = {rid.format(row='old')};"
        for name, when, body in (
            ("ins", "AFTER INSERT", insert),
            ("upd", f"AFTER UPDATE OF {_columns(s)}", delete + " " + insert),
            ("del", "AFTER DELETE", delete),
        ):
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {INDEX_TABLE}_{s.table}_{name} {when} ON {s.table} BEGIN {body} END"
            )


def _postgresql(conn: Connection) -> None:
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {INDEX_TABLE} (rid BIGINT PRIMARY KEY, title TEXT NOT NULL DEFAULT '', "
        "body TEXT NOT NULL DEFAULT '', doc tsvector GENERATED ALWAYS AS "
        f"(setweight(to_tsvector('{CONFIG}', title), 'A') || setweight(to_tsvector('{CONFIG}', body), 'B')) STORED)"
    )
    conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {INDEX_TABLE}_doc ON {INDEX_TABLE} USING gin (doc) WITH (fastupdate = off)")
    # one function for every table: its arguments say the kind, the title column and the body column
    conn.exec_driver_sql(
        f"""CREATE OR REPLACE FUNCTION {INDEX_TABLE}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            kind INTEGER := TG_ARGV[0]::INTEGER;
            row JSONB;
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                DELETE FROM {INDEX_TABLE} WHERE rid = OLD.id::BIGINT * {KIND_SHIFT} + kind;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                row := to_jsonb(NEW);
                INSERT INTO {INDEX_TABLE} (rid, title, body) VALUES (
                    NEW.id::BIGINT * {KIND_SHIFT} + kind,
                    COALESCE(row ->> NULLIF(TG_ARGV[1], ''), ''),
                    COALESCE(row ->> NULLIF(TG_ARGV[2], ''), ''));
            END IF;
            RETURN NULL;
        END $$"""
    )
    for s in SOURCES:
        name = f"{INDEX_TABLE}_{s.table}"
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {s.table}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name} AFTER INSERT OR DELETE OR UPDATE OF {_columns(s)} ON {s.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {INDEX_TABLE}_keep('{s.kind}', '{s.title}', '{s.body}')"
        )


def install(conn: Connection) -> None:
    """Create the index and its triggers, and index every row already there (schema 20, and
    every new database). Safe to run again: the index is rebuilt from the record."""
    # the minute taken under an agenda item found (clerk.models: indexed on new databases)
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_minute_agenda_item_id ON minute (agenda_item_id)")
    if conn.dialect.name == "sqlite":
        _sqlite(conn)
        key = "rowid"
    else:
        _postgresql(conn)
        key = "rid"
    conn.execute(text(f"DELETE FROM {INDEX_TABLE}"))
    for s in SOURCES:
        conn.execute(
            text(
                f"INSERT INTO {INDEX_TABLE} ({key}, title, body) SELECT CAST(t.id AS BIGINT) * {KIND_SHIFT} + {s.kind}, "
                f"{_column('t', s.title)}, {_column('t', s.body)} FROM {s.table} t"
            )
        )
