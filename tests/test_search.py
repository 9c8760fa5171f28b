"""Full-text search: the same queries and answers on SQLite (FTS5) and on a real PostgreSQL server
(tsvector under a GIN index); phrases, prefixes, ranking, snippets; restricted text only when
asked for; the index kept current by every write; plain messages for a search that cannot be read."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.cli import main
from clerk.demo import load_demo
from clerk.errors import InvalidInput
from clerk.services import content, minutes
from clerk.services.search import HIT_OFF, HIT_ON, pieces, search

from .helpers import minutes_of

JULY = dt.date(2014, 7, 8)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request):
    """The demo in a real SQLite file, then in a fresh PostgreSQL database."""
    name = "store" if request.param == "sqlite" else "pg_store"
    s = request.getfixturevalue(name)
    load_demo(s)
    return s


def found(results):
    return [(h.kind, h.date, h.minute) for h in results.hits]


def test_a_phrase_finds_minute_66_first_with_its_words_marked(any_store):
    results = search(any_store, '"Community Trigger"')
    first = results.hits[0]
    assert (first.kind, first.committee, first.date, first.minute) == (
        "minute",
        "Kent Community Safety Partnership",
        JULY,
        "66",
    )
    assert [p for p, hit in first.snippet if hit] == ["Community Trigger"]
    assert first.snippet_text.startswith("Community Trigger Criteria")
    assert not first.restricted
    # every hit is minute 66's: its title, its paragraphs and the item it was taken under
    assert {h.minute for h in results.hits} == {"66"} and len(results.hits) >= 4
    assert {"minute", "paragraph"} <= {h.kind for h in results.hits}
    assert all(any(hit and "trigger" in p.lower() for p, hit in h.snippet) for h in results.hits)
    assert set(found(results)) <= set(found(search(any_store, "community trigger")))  # the words, in any order


def test_the_words_of_a_phrase_keep_their_order(any_store):
    assert search(any_store, '"Trigger Community"').hits == ()
    assert search(any_store, "Trigger Community").hits  # both words, any order


def test_a_prefix_finds_the_words_starting_with_it(any_store):
    results = search(any_store, "trig*")
    assert results.hits and {h.minute for h in results.hits} == {"66"}
    assert any(p.lower().startswith("trigger") for h in results.hits for p, hit in h.snippet if hit)
    assert search(any_store, '"community trig"*').hits


def test_an_action_and_its_owner_are_found(any_store):
    results = search(any_store, "Parris")
    kinds = {h.kind for h in results.hits}
    assert "action" in kinds and "paragraph" in kinds


def test_capitals_do_not_matter(any_store):
    assert found(search(any_store, "COMMUNITY TRIGGER")) == found(search(any_store, "community trigger"))


def test_nothing_found_is_an_empty_answer(any_store):
    results = search(any_store, "zebra")
    assert results.hits == () and not results.more


def test_results_are_limited_and_say_there_are_more(any_store):
    results = search(any_store, "the", limit=3)
    assert len(results.hits) == 3 and results.more


def test_one_committee_only(any_store):
    from clerk.services.committees import create_committee

    other = create_committee(any_store, "Audit Committee")
    assert search(any_store, "trigger", committee_id=other.id).hits == ()
    assert search(any_store, "trigger", committee_id=1).hits


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type the words to search for"),
        ("  ,;  ", "Type the words to search for"),
        ('"Community Trigger', "quote mark with no closing one"),
        ("*", "A * goes at the end of a word"),
        ("tr*g", "A * goes at the end of a word"),
        ("t*", "two letters or more"),
        ("trig**", "One * is enough"),
        ("x" * 501, "too long"),
    ],
)
def test_a_search_that_cannot_be_read_gets_a_plain_message(any_store, query, message):
    with pytest.raises(InvalidInput, match=message.replace("*", r"\*")):
        search(any_store, query)


def test_operator_words_and_punctuation_are_only_words(any_store):
    for query in ("NEAR AND OR NOT", "trigger OR", "(trigger)", "trigger:", "'trigger'", "trigger -x", "^trigger"):
        search(any_store, query)  # no database syntax error


def test_the_index_follows_every_change(any_store):
    held = minutes_of(any_store, 1)
    m = next(x for x in held if x.number == 66)
    content.set_body(any_store, m.id, "The Partnership discussed the zeppelin timetable.")
    assert [h.minute for h in search(any_store, "zeppelin").hits] == ["66"]
    assert [h.kind for h in search(any_store, '"training session"').hits] == []  # the old paragraph is gone
    content.update_minute(any_store, m.id, title="Airships")
    assert search(any_store, "airships").hits[0].kind == "minute"
    minutes.delete_minute(any_store, m.id)
    assert search(any_store, "zeppelin").hits == () and search(any_store, "airships").hits == ()


def restricted_minute(store):
    """A restricted minute, taken at the October meeting (the press and public excluded)."""
    from clerk.services.meetings import list_meetings

    october = next(r for r in list_meetings(store) if r.date == dt.date(2014, 10, 14))
    minute = minutes.add_minute(store, october.id, "Quokka contract", restricted=True, exempt_paragraph=3)
    content.set_body(store, minute.id, "The quokka tender was lower than the Community Trigger budget.")
    content.add_action(store, minute.id, "Quokka Officer", "Report on the quokka tender")
    return minute


def test_restricted_text_is_found_only_when_asked_for_and_marked(any_store):
    restricted_minute(any_store)
    assert search(any_store, "quokka").hits == ()
    assert all("quokka" not in h.snippet_text.lower() for h in search(any_store, '"Community Trigger"').hits)
    assert all(h.date == JULY for h in search(any_store, '"Community Trigger"').hits)
    asked = search(any_store, "quokka", restricted=True)
    assert asked.restricted and {h.kind for h in asked.hits} == {"minute", "paragraph", "action"}
    assert all(h.restricted and h.date == dt.date(2014, 10, 14) for h in asked.hits)
    public = search(any_store, '"Community Trigger"', restricted=True)
    assert any(h.restricted for h in public.hits) and any(not h.restricted for h in public.hits)


def test_a_restricted_agenda_item_and_its_minute_are_hidden(any_store):
    """Minute 73 of the demo (Domestic Homicide Reviews) was taken under the restricted item D1."""
    assert search(any_store, "homicide").hits == ()
    asked = search(any_store, "homicide", restricted=True)
    assert asked.hits and all(h.restricted for h in asked.hits)
    assert "73" in {h.minute for h in asked.hits}


def test_snippet_markers_become_pieces():
    assert pieces(f"the {HIT_ON}Community{HIT_OFF} {HIT_ON}Trigger{HIT_OFF}\n criteria") == (
        ("the ", False),
        ("Community Trigger", True),
        (" criteria", False),
    )
    assert pieces("") == ()


def test_the_cli_prints_the_meeting_minute_and_snippet(store, capsys):
    db = str(store.target.path)
    assert main(["--db", db, "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "search", "Community Trigger"]) == 0
    out = capsys.readouterr().out
    assert "Kent Community Safety Partnership" in out and "8 July 2014" in out and "Minute 66" in out
    assert "[Community Trigger]" in out
    restricted_minute(store)
    assert main(["--db", db, "search", "quokka"]) == 0
    assert capsys.readouterr().out == "Nothing found for “quokka”.\n"
    assert main(["--db", db, "search", "quokka", "--restricted"]) == 0
    out = capsys.readouterr().out
    assert "RESTRICTED" in out and "[quokka]" in out.lower()
    assert main(["--db", db, "search", "trigger", "--committee", "Kent"]) == 0
    assert "Minute 66" in capsys.readouterr().out


def test_the_cli_refuses_a_search_it_cannot_read_in_one_line(store, capsys):
    assert main(["--db", str(store.target.path), "search", '"Community Trigger']) == 2
    err = capsys.readouterr().err
    assert err.startswith("clerk: The search has a quote mark") and "Traceback" not in err
    assert main(["--db", str(store.target.path), "search", "zebra"]) == 0
    assert "Nothing found" in capsys.readouterr().out


def test_a_minute_taken_in_private_session_is_restricted_text(store):
    """Minuted live: the minute taken after the press and public were excluded is found only with
    restricted text; the one taken back in public is found at once."""
    from clerk.live import lock
    from clerk.live.meeting import LiveMeeting

    from .live_helpers import build_demo_agenda

    built = build_demo_agenda(store)
    me = lock.Holder.here()
    assert lock.acquire(store, built.held_id, me).granted
    now = dt.datetime(2014, 7, 8, 10, 5)
    LiveMeeting(store, built.held_id, me).go_private(now=now)
    LiveMeeting(store, built.held_id, me).add_minute("Thanks to Alison Gilmour", "The quokka report was noted.", now=now)
    LiveMeeting(store, built.held_id, me).go_public()
    LiveMeeting(store, built.held_id, me).add_minute("Thanks to the wallaby team", "The wallaby report was noted.", now=now)
    assert search(store, "quokka").hits == () and search(store, "gilmour").hits == ()
    assert {h.kind for h in search(store, "wallaby").hits} == {"minute", "paragraph"}
    asked = search(store, "quokka OR gilmour", restricted=True)
    assert asked.hits == ()  # every word must be found: OR is a word like any other
    private = search(store, "quokka", restricted=True).hits
    assert private and all(h.restricted for h in private)


def test_both_databases_find_the_same(store, pg_store):
    """The same queries find the same things in the same meetings and minutes on SQLite and on
    PostgreSQL (their ranks may order equal matches differently)."""
    load_demo(store)
    load_demo(pg_store)
    for query in ('"Community Trigger"', "trig*", "Parris", "anti-social", "review*", '"police and crime"', "kent safety"):
        for restricted in (False, True):
            lite = sorted(found(search(store, query, restricted=restricted)))
            pg = sorted(found(search(pg_store, query, restricted=restricted)))
            assert lite == pg, query
