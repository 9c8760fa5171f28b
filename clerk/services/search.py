"""Full-text search of the record: minutes, their paragraphs and resolutions, actions, agenda
items and attached files' names, of every meeting, ranked, each found with its meeting, minute
number and the words around what was found.

The same search on both databases (the index: clerk.search_index): SQLite's FTS5 ranks by bm25,
PostgreSQL by ts_rank, a title counting above a paragraph. Restricted text (a restricted minute
or agenda item, and everything in it: minutes taken in private session are restricted) is
searched only when asked for and is then marked; otherwise it is left out before anything is
ranked or quoted, so not even its words around a match are read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, text

from ..models import Committee
from ..search_index import CONFIG, INDEX_TABLE, KIND_SHIFT
from ..wording_search import KIND_NAMES, RESOLUTION
from .common import scheme_of
from .search_query import fts5, parse, tsquery

if TYPE_CHECKING:
    from ..storage import Store

HIT_ON, HIT_OFF = "\x02", "\x03"  # around the words found, in a snippet (never stored: clerk.text)
SNIPPET_WORDS = 16
LIMIT = 50
_SPACES = re.compile(r"\s+")

# each kind of indexed row: how to reach its minute (if any), meeting and agenda item
_SOURCES = {
    1: "SELECT h.rid, h.score, 1 AS kind, m.id AS minute_id, m.meeting_id, m.agenda_item_id AS item_id, '' AS detail "
    "FROM hit h JOIN minute m ON m.id = h.rid / {k} WHERE h.rid % {k} = 1",
    2: "SELECT h.rid, h.score, 2, m.id, m.meeting_id, m.agenda_item_id, CAST(p.kind AS VARCHAR) "
    "FROM hit h JOIN paragraph p ON p.id = h.rid / {k} JOIN minute m ON m.id = p.minute_id WHERE h.rid % {k} = 2",
    3: "SELECT h.rid, h.score, 3, m.id, m.meeting_id, m.agenda_item_id, '' "
    "FROM hit h JOIN action a ON a.id = h.rid / {k} JOIN minute m ON m.id = a.minute_id WHERE h.rid % {k} = 3",
    4: "SELECT h.rid, h.score, 4, (SELECT MIN(m.id) FROM minute m WHERE m.agenda_item_id = i.id), i.meeting_id, i.id, '' "
    "FROM hit h JOIN agendaitem i ON i.id = h.rid / {k} WHERE h.rid % {k} = 4",
    5: "SELECT h.rid, h.score, 5, m.id, m.meeting_id, m.agenda_item_id, '' "
    "FROM hit h JOIN attachment f ON f.id = h.rid / {k} JOIN minute m ON m.id = f.minute_id WHERE h.rid % {k} = 5 "
    "UNION ALL SELECT h.rid, h.score, 5, NULL, i.meeting_id, i.id, '' "
    "FROM hit h JOIN attachment f ON f.id = h.rid / {k} JOIN agendaitem i ON i.id = f.agenda_item_id "
    "WHERE h.rid % {k} = 5 AND f.minute_id IS NULL",
}
_HITS = {
    "sqlite": f"SELECT rowid AS rid, bm25({INDEX_TABLE}, 4.0, 1.0) AS score FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :q",
    "postgresql": f"SELECT rid, -ts_rank(doc, query) AS score FROM {INDEX_TABLE}, to_tsquery('{CONFIG}', :q) query "
    "WHERE doc @@ query",
}
_SNIPPETS = {
    "sqlite": f"SELECT rowid, snippet({INDEX_TABLE}, -1, '{HIT_ON}', '{HIT_OFF}', '…', {SNIPPET_WORDS}) "
    f"FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :q AND rowid IN :rids",
    "postgresql": f"SELECT rid, ts_headline('{CONFIG}', CASE WHEN title = '' THEN body WHEN body = '' THEN title "
    f"ELSE title || ' · ' || body END, to_tsquery('{CONFIG}', :q), :options) FROM {INDEX_TABLE} WHERE rid IN :rids",
}
_HEADLINE = (
    f"StartSel={HIT_ON}, StopSel={HIT_OFF}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, "
    "ShortWord=2, MaxFragments=1, FragmentDelimiter=…"
)


@dataclass(frozen=True)
class SearchHit:
    """One thing found: what it is, where (committee, meeting, minute) and the words around it,
    as pieces of text with the words found marked (``(text, found)``)."""

    kind: str  # minute, paragraph, resolution, action, agenda item, attached file
    committee: str
    committee_id: int
    meeting_id: int
    date: dt.date
    minute: str  # its number as printed ("66"), or "" for an item with no minute
    snippet: tuple[tuple[str, bool], ...]
    restricted: bool

    @property
    def snippet_text(self) -> str:
        return "".join(piece for piece, _found in self.snippet)


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...]
    more: bool  # there were more than the hits given
    restricted: bool  # restricted text was searched


def pieces(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A snippet with its markers as (text, found) pieces, its spaces and line breaks as single
    spaces; words found with only a space between them are one piece."""
    out: list[tuple[str, bool]] = []
    found = False
    for part in snippet.replace(HIT_OFF, HIT_ON).split(HIT_ON):
        part = _SPACES.sub(" ", part)
        if part:
            if len(out) > 1 and found and out[-1] == (" ", False) and out[-2][1]:
                out.pop()
                part = out.pop()[0] + " " + part
            out.append((part, found))
        found = not found
    return tuple(out)


def _same(hit: SearchHit, seen: SearchHit) -> bool:
    """An agenda item found as its minute was, under the same words: shown once, as the minute."""
    return (
        hit.kind == "agenda item"
        and seen.kind == "minute"
        and (hit.meeting_id, hit.minute, hit.snippet_text) == (seen.meeting_id, seen.minute, seen.snippet_text)
    )


def _ranked_sql(dialect: str, committee_id: int | None, restricted: bool) -> str:
    sources = " UNION ALL ".join(s.format(k=KIND_SHIFT) for s in _SOURCES.values())
    hidden = "(COALESCE(mt.restricted, FALSE) OR COALESCE(i.restricted, FALSE))"
    where = [] if restricted else [f"NOT {hidden}"]
    if committee_id is not None:
        where.append("c.id = :committee")
    return (
        f"WITH hit AS ({_HITS[dialect]}), found AS ({sources}) "
        f"SELECT s.rid, s.kind, s.detail, s.meeting_id, mtg.date, c.id, c.name, mt.number, mt.series, {hidden} "
        "FROM found s JOIN meeting mtg ON mtg.id = s.meeting_id JOIN committee c ON c.id = mtg.committee_id "
        "LEFT JOIN minute mt ON mt.id = s.minute_id LEFT JOIN agendaitem i ON i.id = COALESCE(s.item_id, mt.agenda_item_id) "
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + "ORDER BY s.score, mtg.date DESC, s.rid LIMIT :limit"
    )


def search(
    store: Store, query: str, *, committee_id: int | None = None, restricted: bool = False, limit: int = LIMIT
) -> SearchResults:
    """The best ``limit`` matches of ``query`` (see search_query for what it may hold), in every
    committee's meetings or in one's; restricted text only when ``restricted``."""
    terms = parse(query)
    dialect = store.dialect
    q = fts5(terms) if dialect == "sqlite" else tsquery(terms)
    params: dict[str, object] = {"q": q, "limit": limit + 1}
    if committee_id is not None:
        params["committee"] = committee_id
    with store.read() as session:
        rows = session.connection().execute(text(_ranked_sql(dialect, committee_id, restricted)), params).all()
        more, rows = len(rows) > limit, rows[:limit]
        snippets: dict[int, str] = {}
        if rows:
            statement = text(_SNIPPETS[dialect]).bindparams(bindparam("rids", expanding=True))
            extra = {"options": _HEADLINE} if dialect != "sqlite" else {}
            found = session.connection().execute(statement, {"q": q, "rids": [r[0] for r in rows], **extra})
            snippets = {int(rid): snippet for rid, snippet in found}
        committees = {c_id: session.get(Committee, c_id) for c_id in {r[5] for r in rows}}
    hits: list[SearchHit] = []
    for rid, kind, detail, meeting_id, date, c_id, c_name, number, series, hidden in rows:
        committee = committees[c_id]
        label = scheme_of(committee).format(number, series or "") if committee and number is not None else ""
        name = RESOLUTION if kind == 2 and str(detail).lower() == RESOLUTION else KIND_NAMES[kind]
        day = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        hit = SearchHit(name, c_name, c_id, meeting_id, day, label, pieces(snippets.get(int(rid), "")), bool(hidden))
        if not any(_same(hit, seen) for seen in hits):
            hits.append(hit)
    return SearchResults(query, tuple(hits), more, restricted)
