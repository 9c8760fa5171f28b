"""Search at scale: full-text search over 20 years of records (200 meetings of 40 minutes, each
with its paragraphs, an action, its agenda item) against one year (10 meetings), same run.

Each meeting has the 8 July 2014 demo's eleven minutes and 29 more of sentences made from the
demo's own words (less trigger, quinquennial and zeppelin); a word is added once a year and one
once in all. So "Community Trigger" is in every meeting, as a standing item would be (its
matches grow with the years), and the rare words are not. Each search is the service's whole call: parse, rank, filter restricted
text, snippets, minute numbers.

Run: .venv/bin/python bench/search.py [--db-url postgresql+psycopg://USER@HOST/NAME-PREFIX]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the project first

from clerk.models import Action, AgendaItem, Meeting, MeetingStatus, Minute, Paragraph
from clerk.services import committees
from clerk.services.search import search
from clerk.storage import Store

MINUTES_PER_MEETING = 40
RARE = {"trigger", "quinquennial", "zeppelin"}
SEED = Path(__file__).resolve().parent.parent / "clerk" / "data" / "kcsp_2014.toml"
QUERIES = {
    "phrase in every meeting": '"Community Trigger"',
    "prefix": "trig*",
    "two words": "domestic abuse",
    "once a year": "quinquennial",
    "once in all": "zeppelin",
    "restricted too": ('"Community Trigger"', True),
}


def demo_minutes() -> list[tuple[str, list[str]]]:
    held = tomllib.loads(SEED.read_text(encoding="utf-8"))["held"]["minutes"]
    demo = [(m["title"], [p.strip() for p in m.get("body", "").split("\n\n") if p.strip()]) for m in held]
    words = [w for _t, body in demo for p in body for w in p.split() if w.lower().strip(".,;:\"'()") not in RARE]
    chance = random.Random(2014)

    def sentence(n: int) -> str:
        return " ".join(chance.choice(words) for _ in range(n)).capitalize() + "."

    filler = [(sentence(5), [sentence(30) for _ in range(3)]) for _ in range(MINUTES_PER_MEETING - len(demo))]
    return demo + filler


def build(store: Store, n_meetings: int) -> int:
    """A committee with ``n_meetings`` held meetings, ten a year from 2006. Rows go in in bulk
    (the triggers index each one): this is the data, not what is measured."""
    pool = demo_minutes()  # the same made-up minutes in every meeting: the data, not the measure
    committee = committees.create_committee(store, "Kent Community Safety Partnership")
    number = 0
    with store.write() as s:
        for i in range(n_meetings):
            date = dt.date(2006 + i // 10, 1 + i % 10, 10)
            meeting = Meeting(committee_id=committee.id, date=date, start_time=dt.time(10), status=MeetingStatus.HELD)
            s.add(meeting)
            s.flush()
            items = [AgendaItem(meeting_id=meeting.id, position=seq, title=pool[seq % len(pool)][0]) for seq in range(10)]
            s.add_all(items)
            s.flush()
            rows = []
            for seq in range(MINUTES_PER_MEETING):
                number += 1
                title, _ = pool[seq % len(pool)]
                item = items[seq] if seq < len(items) else None
                rows.append(
                    Minute(
                        committee_id=committee.id,
                        meeting_id=meeting.id,
                        seq=seq,
                        number=number,
                        title=title,
                        agenda_item_id=item.id if item else None,
                        restricted=seq == 9,  # one restricted minute a meeting
                    )
                )
            s.add_all(rows)
            s.flush()
            for seq, m in enumerate(rows):
                paragraphs = list(pool[seq % len(pool)][1])
                if seq == 5 and i % 10 == 0:
                    paragraphs.append("The quinquennial review of the Partnership's terms of reference was noted.")
                if seq == 7 and i == n_meetings // 2:
                    paragraphs.append("Members asked about the zeppelin that flew over Maidstone.")
                s.add_all(Paragraph(minute_id=m.id, position=p, text=text) for p, text in enumerate(paragraphs))
                if seq % 4 == 0:
                    s.add(Action(minute_id=m.id, owner_name="Jim Parris", description="Report back on " + m.title))
    return committee.id or 0


def median_ms(fn, repeat: int = 25) -> tuple[float, int]:
    found = fn()  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, len(found.hits)


def measure(store: Store, n_meetings: int) -> dict[str, tuple[float, int]]:
    build(store, n_meetings)
    if store.dialect == "postgresql":  # as autovacuum would have, long before 20 years
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("ANALYZE")
    out = {}
    for name, query in QUERIES.items():
        words, restricted = query if isinstance(query, tuple) else (query, False)
        out[name] = median_ms(lambda w=words, r=restricted: search(store, w, restricted=r))
    store.close()
    return out


def open_store(url: str | None, folder: Path, n_meetings: int) -> Store:
    if not url:
        return Store.open(folder / f"search-{n_meetings}.db")
    import psycopg

    base, name = url.rsplit("/", 1)
    name = f"{name}_{n_meetings}"
    with psycopg.connect(base.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return Store.open(f"{base}/{name}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db-url", help="a PostgreSQL server to measure on (databases PREFIX_10 and PREFIX_200 are made)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one = measure(open_store(args.db_url, Path(tmp), 10), 10)
        twenty = measure(open_store(args.db_url, Path(tmp), 200), 200)
    where = "PostgreSQL" if args.db_url else "SQLite"
    print(f"search ({where}): 20 years (200 meetings x 40 minutes) against 1 year (10 meetings), median ms (hits shown)")
    for key in one:
        (a, na), (b, nb) = one[key], twenty[key]
        flag = "" if b < 50 else "   over 50 ms"
        print(f"  {key:24} 1 year {a:6.2f} ({na:2})   20 years {b:6.2f} ({nb:2})   ratio {b / a:5.2f}x{flag}")


if __name__ == "__main__":
    main()
