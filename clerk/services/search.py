"""Full-text search of the record: minutes, their paragraphs and resolutions, actions, agenda
items and attached files' names, of every meeting, ranked, each found with its meeting, minute
number and the words around what was found.

The same search on both databases (the index: clerk.search_index): SQLite's FTS5 ranks by bm25,
PostgreSQL by ts_rank, a title counting above a paragraph. Restricted text (a restricted minute
or agenda item, and everything in it: minutes taken in private session are restricted) is
searched only when asked for and is then marked; otherwise its matches are dropped as they are
placed in their meetings, before any words around a match are quoted: not even its snippet is made.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from ..models import Committee
from ..search_index import CONFIG, INDEX_TABLE, KIND_SHIFT, KINDS
from ..wording_search import KIND_NAMES, RESOLUTION
from .common import scheme_of
from .search_query import fts5, parse, tsquery

if TYPE_CHECKING:
    from ..storage import Store

HIT_ON, HIT_OFF = "\x02", "\x03"  # around the words found, in a snippet (never stored: clerk.text)
SNIPPET_WORDS = 16
LIMIT = 50
_SPACES = re.compile(r"\s+")

# each kind of indexed row, by the ids found (:k1 … :k5): its minute (if any), meeting and agenda item
_SOURCES = (
    "SELECT 1 AS kind, m.id AS ref, m.id AS minute_id, m.meeting_id, m.agenda_item_id AS item_id, '' AS detail "
    "FROM minute m WHERE m.id IN :k1",
    "SELECT 2, p.id, m.id, m.meeting_id, m.agenda_item_id, CAST(p.kind AS VARCHAR) "
    "FROM paragraph p JOIN minute m ON m.id = p.minute_id WHERE p.id IN :k2",
    "SELECT 3, a.id, m.id, m.meeting_id, m.agenda_item_id, '' FROM action a JOIN minute m ON m.id = a.minute_id WHERE a.id IN :k3",
    "SELECT 4, i.id, im.minute_id, i.meeting_id, i.id, '' FROM agendaitem i LEFT JOIN (SELECT agenda_item_id, "
    "MIN(id) AS minute_id FROM minute WHERE agenda_item_id IN :k4 GROUP BY agenda_item_id) im ON im.agenda_item_id = i.id "
    "WHERE i.id IN :k4",
    "SELECT 5, f.id, m.id, m.meeting_id, m.agenda_item_id, '' FROM attachment f JOIN minute m ON m.id = f.minute_id "
    "WHERE f.id IN :k5",
    "SELECT 5, f.id, NULL, i.meeting_id, i.id, '' FROM attachment f JOIN agendaitem i ON i.id = f.agenda_item_id "
    "WHERE f.id IN :k5 AND f.minute_id IS NULL",
)
# every match, best first: the index alone, its row numbers and ranks (placed in batches after)
_RANKED = {
    "sqlite": f"SELECT rowid, bm25({INDEX_TABLE}, 4.0, 1.0) AS score FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH :q "
    "ORDER BY score, rowid",
    "postgresql": f"SELECT rid, ts_rank(doc, query) AS score FROM {INDEX_TABLE}, to_tsquery('{CONFIG}', :q) query "
    "WHERE doc @@ query ORDER BY score DESC, rid",
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
    item_id: int | None = None  # the agenda item it is on or under: the agenda opens there

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
    """An agenda item found as its minute was, under the same words: shown once, as the minute
    (wherever each ranks)."""
    return (
        hit.kind == "agenda item"
        and seen.kind == "minute"
        and (hit.meeting_id, hit.minute, hit.snippet_text) == (seen.meeting_id, seen.minute, seen.snippet_text)
    )


def _placed_sql(committee_id: int | None, restricted: bool) -> str:
    """Where each match of a batch is (meeting, committee, minute), less those not to be shown."""
    hidden = "(COALESCE(mt.restricted, FALSE) OR COALESCE(i.restricted, FALSE))"
    where = [] if restricted else [f"NOT {hidden}"]
    if committee_id is not None:
        where.append("c.id = :committee")
    return (
        f"SELECT s.kind, s.ref, s.detail, s.meeting_id, mtg.date, c.id, c.name, mt.number, mt.series, {hidden}, i.id "
        f"FROM ({' UNION ALL '.join(_SOURCES)}) s JOIN meeting mtg ON mtg.id = s.meeting_id "
        "JOIN committee c ON c.id = mtg.committee_id LEFT JOIN minute mt ON mt.id = s.minute_id "
        "LEFT JOIN agendaitem i ON i.id = COALESCE(s.item_id, mt.agenda_item_id)"
        + (f" WHERE {' AND '.join(where)}" if where else "")
    )


def _placed(session: Session, ranked: list[int], limit: int, committee_id: int | None, restricted: bool) -> list[Any]:
    """The first ``limit`` matches, in rank order, that may be shown: placed in batches, so
    a word found ten thousand times places only as many as it shows."""
    statement = text(_placed_sql(committee_id, restricted)).bindparams(*(bindparam(f"k{k}", expanding=True) for k in KINDS))
    out: list[Any] = []
    start, batch = 0, limit * 2
    while start < len(ranked) and len(out) < limit:
        rids = ranked[start : start + batch]
        ids: dict[str, list[int]] = {f"k{k}": [] for k in KINDS}
        for rid in rids:
            ids[f"k{rid % KIND_SHIFT}"].append(rid // KIND_SHIFT)
        params: dict[str, object] = {**ids, **({"committee": committee_id} if committee_id is not None else {})}
        rows = {r[0] + r[1] * KIND_SHIFT: r for r in session.connection().execute(statement, params)}
        out += [rows[rid] for rid in rids if rid in rows]
        start, batch = start + batch, batch * 4
    return out[:limit]


def search(
    store: Store, query: str, *, committee_id: int | None = None, restricted: bool = False, limit: int = LIMIT
) -> SearchResults:
    """The best ``limit`` matches of ``query`` (see search_query for what it may hold), in every
    committee's meetings or in one's; restricted text only when ``restricted``."""
    terms = parse(query)
    dialect = store.dialect
    q = fts5(terms) if dialect == "sqlite" else tsquery(terms)
    with store.read() as session:
        ranked = [int(rid) for rid, _score in session.connection().execute(text(_RANKED[dialect]), {"q": q})]
        rows = _placed(session, ranked, limit + 1, committee_id, restricted)
        more, rows = len(rows) > limit, rows[:limit]
        snippets: dict[int, str] = {}
        if rows:
            statement = text(_SNIPPETS[dialect]).bindparams(bindparam("rids", expanding=True))
            extra = {"options": _HEADLINE} if dialect != "sqlite" else {}
            rids = [r[1] * KIND_SHIFT + r[0] for r in rows]
            found = session.connection().execute(statement, {"q": q, "rids": rids, **extra})
            snippets = {int(rid): snippet for rid, snippet in found}
        committees = {c_id: session.get(Committee, c_id) for c_id in {r[5] for r in rows}}
    hits: list[SearchHit] = []
    for kind, ref, detail, meeting_id, date, c_id, c_name, number, series, hidden, item_id in rows:
        committee = committees[c_id]
        label = scheme_of(committee).format(number, series or "") if committee and number is not None else ""
        name = RESOLUTION if kind == 2 and str(detail).lower() == RESOLUTION else KIND_NAMES[kind]
        day = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        hit = SearchHit(
            name, c_name, c_id, meeting_id, day, label, pieces(snippets.get(ref * KIND_SHIFT + kind, "")), bool(hidden), item_id
        )
        hits.append(hit)
    hits = [h for h in hits if not any(_same(h, other) for other in hits)]
    return SearchResults(query, tuple(hits), more, restricted)
