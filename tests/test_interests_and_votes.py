"""Declarations of interest as the Localism Act has them, and votes with an outcome: the rules,
the wording under A2 and at the item read back from real .docx files, the command line, and
records written before either was asked for."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3

import pytest
from sqlmodel import select

from clerk.cli import main
from clerk.documents import build_notes
from clerk.errors import InvalidInput
from clerk.live import lock
from clerk.live.meeting import LiveMeeting
from clerk.models import Declaration, Vote
from clerk.services import content
from clerk.services.interests import interest_key, participation_key
from clerk.services.signoff import content_hash, content_of
from clerk.services.voting import outcome_of
from clerk.storage import Store
from exports.notes import write_notes

from .docx_read import styled
from .live_helpers import build_demo_agenda, stored_minutes
from .test_migrations import schema1_database
from .test_preview_prints import printed_minutes

NOW = dt.datetime(2014, 7, 8, 10, 5)
B2 = "Item B2 (Kent Community Safety Agreement - Development of a New Agreement and Performance Update)"


@pytest.fixture
def built(store):
    return build_demo_agenda(store)


@pytest.fixture
def me(store, built):
    holder = lock.Holder.here()
    assert lock.acquire(store, built.held_id, holder).granted
    return holder


def live(store, built, me) -> LiveMeeting:
    return LiveMeeting(store, built.held_id, me)


def attended(store, built, me, *names: str) -> None:
    for name in names:
        live(store, built, me).attendance.present(built.people[name])


# -- 3. declarations --------------------------------------------------------------------------


def test_the_kinds_and_what_the_member_did_are_read_as_typed():
    assert interest_key("Disclosable Pecuniary Interest") == interest_key("dpi") == "disclosable_pecuniary"
    assert interest_key("other-registrable") == "other_registrable" and interest_key("Non-Registrable") == "non_registrable"
    assert interest_key("") == "" and participation_key("stayed") == ""
    assert participation_key("left the room") == "left" and participation_key("took no part") == "no_part"
    assert participation_key("spoke under a dispensation") == "dispensation"
    with pytest.raises(InvalidInput, match="is not a kind of interest; say disclosable pecuniary interest"):
        interest_key("prejudicial")
    with pytest.raises(InvalidInput, match="or stayed"):
        participation_key("went home")


def test_declarations_are_printed_in_the_house_wording_under_a2_and_at_the_item(store, built, me, tmp_path):
    attended(store, built, me, "hill", "coleman", "allen", "stewart")
    a2 = live(store, built, me).take_item(built.items["A2"], now=NOW).minute_id
    live(store, built, me).record.add_declaration(
        "Mr David Coleman", "He is a director of KALA", "B2", interest="dpi", participation="left the room", minute_id=a2
    )
    live(store, built, me).record.add_declaration(
        "Ms C Allen", "She sits on its board", "B2", interest="other registrable", participation="spoke under a dispensation"
    )
    live(store, built, me).record.add_declaration("Mr A Stewart", "A friend works for KALA", "B2", interest="non-registrable")
    live(store, built, me).take_item(built.items["B2"], now=NOW)
    live(store, built, me).record.add_declaration(
        "Mr P M Hill", "He is a trustee of a charity named in the report", interest="other registrable", participation="no part"
    )
    under_a2 = [
        f"Mr David Coleman declared a Disclosable Pecuniary Interest in {B2}: He is a director of KALA. "
        "Mr David Coleman left the room during consideration of the item.",
        f"Ms C Allen declared an Other Registrable Interest in {B2}: She sits on its board. "
        "Ms C Allen spoke on the item under a dispensation.",
        f"Mr A Stewart declared a Non-Registrable Interest in {B2}: A friend works for KALA.",
    ]
    hill = (
        "Mr P M Hill declared an Other Registrable Interest in the business of the meeting: "
        "He is a trustee of a charity named in the report."
    )
    assert stored_minutes(store, built.held_id)[0][4].split("\n\n") == [*under_a2, hill]  # A2, worded from the record
    at_b2 = [
        "Mr David Coleman, having declared a Disclosable Pecuniary Interest, left the room during consideration of this item.",
        "Ms C Allen, having declared an Other Registrable Interest, spoke on this item under a dispensation.",
        "Mr A Stewart had declared a Non-Registrable Interest in this item.",
    ]
    for public in (False, True):
        printed = printed_minutes(write_notes(build_notes(store, built.held_id, public=public), tmp_path / f"{public}.docx"))
        assert [re.sub(r"^\(\d+\) ", "", t) for t in printed["64"][1:]] == [*under_a2, hill]
        assert printed["65"][1:] == at_b2
    with store.read() as s:
        stored = [(d.interest, d.participation, d.minute_id) for d in s.exec(select(Declaration).order_by(Declaration.id))]
    assert stored == [
        ("disclosable_pecuniary", "left", a2),
        ("other_registrable", "dispensation", None),
        ("non_registrable", "", None),
        ("other_registrable", "no_part", None),
    ]


def test_a_restricted_nature_stays_out_of_the_public_words_but_the_kind_and_the_leaving_stay(store, built, me, tmp_path):
    attended(store, built, me, "coleman")
    live(store, built, me).take_item(built.items["B2"], now=NOW)
    live(store, built, me).record.add_declaration(
        "Mr David Coleman", "SECRET-CONTRACT-TERMS", "B2", interest="dpi", participation="left", nature_restricted=True
    )
    for public in (False, True):
        text = "\n".join(
            t for _s, t in styled(write_notes(build_notes(store, built.held_id, public=public), tmp_path / "n.docx"))
        )
        assert ("SECRET-CONTRACT-TERMS" in text) is not public
        assert f"Mr David Coleman declared a Disclosable Pecuniary Interest in {B2}" in text
        assert "left the room during consideration of the item." in text


def test_declarations_with_no_declarations_minute_print_after_the_attendance(store, built, me, tmp_path):
    attended(store, built, me, "coleman")
    live(store, built, me).take_item(built.items["B1"], now=NOW)
    live(store, built, me).record.add_declaration(
        "Mr David Coleman", "Member of KALA", "B2", interest="dpi", participation="left"
    )
    live(store, built, me).record.add_declaration("Ms C Allen", "Board member", "B1", interest="other")
    paras = [t for _s, t in styled(write_notes(build_notes(store, built.held_id), tmp_path / "n.docx"))]
    assert (
        f"DECLARATIONS OF INTEREST: Mr David Coleman declared a Disclosable Pecuniary Interest in {B2}: Member of KALA. "
        "Mr David Coleman left the room "
        "during consideration of the item. Ms C Allen declared an Other Registrable Interest in Item B1 (Community Trigger "
        "Criteria & Review Process in Kent): Board member."
    ) in paras


# -- 4. votes ---------------------------------------------------------------------------------


def test_the_outcome_follows_the_counts_and_the_casting_vote():
    assert outcome_of(9, 2, True) == ("carried", "")
    assert outcome_of(2, 9, True) == ("lost", "")
    assert outcome_of(5, 5, True) == ("lost", "")  # equal votes and no casting vote: not carried
    assert outcome_of(5, 5, True, casting="for") == ("carried", "for")
    assert outcome_of(5, 5, True, "lost", "against") == ("lost", "against")
    assert outcome_of(0, 0, False, "carried") == ("carried", "")  # a show of hands, not counted
    assert outcome_of(0, 0, False) == ("", "")
    with pytest.raises(InvalidInput, match="casting vote only when the votes are equal"):
        outcome_of(6, 5, True, casting="for")
    with pytest.raises(InvalidInput, match=r"For 2, Against 9: the motion was lost, not carried"):
        outcome_of(2, 9, True, "carried")
    with pytest.raises(InvalidInput, match="carried or lost"):
        outcome_of(2, 9, True, "deferred")


def test_a_named_vote_lists_only_members_present_at_that_minute(store, built, me, tmp_path):
    attended(store, built, me, "hill", "coleman", "allen", "stewart", "brett")
    b1 = live(store, built, me).take_item(built.items["B1"], now=NOW).minute_id
    live(store, built, me).attendance.left(built.people["brett"], minute_id=b1, now=NOW)  # left during B1
    b2 = live(store, built, me).take_item(built.items["B2"], now=NOW).minute_id
    live(store, built, me).attendance.arrived(built.people["cooke"], minute_id=b2, now=NOW)  # arrived during B2
    voters = [v.name for v in live(store, built, me).record.voters(b1)]
    assert voters == ["Mr P M Hill", "Mr David Coleman", "Ms C Allen", "Mr A Stewart"]  # Brett left during B1
    assert "Ms Z Cooke" in [v.name for v in live(store, built, me).record.voters(b2)]
    with pytest.raises(InvalidInput, match="Ms A Brett is not one of the members present during"):
        live(store, built, me).record.add_vote(b2, "that the Agreement be approved", named_for="Ms A Brett")
    with pytest.raises(InvalidInput, match="named twice"):
        live(store, built, me).record.add_vote(b2, "x", named_for="Mr Hill", named_against="Mr P M Hill")
    vote = live(store, built, me).record.add_vote(
        b2, "that the Agreement be approved", named_for="Mr Hill, Coleman", named_against="Ms C Allen, Ms Z Cooke", casting="for"
    )
    assert (vote.votes_for, vote.votes_against, vote.outcome, vote.casting) == (2, 2, "carried", "for")
    with pytest.raises(InvalidInput, match="casting vote only when the votes are equal"):
        live(store, built, me).record.add_vote(b2, "x", 3, 1, casting="against")
    live(store, built, me).record.add_vote(b1, "that the criteria be agreed", outcome="lost")
    printed = printed_minutes(write_notes(build_notes(store, built.held_id), tmp_path / "notes.docx"))
    assert printed["65"][-1] == (
        "On the motion that the Agreement be approved: For 2 (Mr Hill, Coleman); Against 2 (Ms C Allen, Ms Z Cooke); "
        "Abstentions 0. There being an equality of votes, the Chairman gave a casting vote for the motion and it was carried."
    )
    assert printed["64"][-1] == "The motion that the criteria be agreed was lost."


# -- the record before these were asked ------------------------------------------------------


def test_an_older_database_upgrades_and_its_declarations_and_votes_print_as_before(tmp_path):
    db = schema1_database(tmp_path / "old.db")
    with sqlite3.connect(db) as con:
        con.execute(
            "INSERT INTO declaration (meeting_id, member_name, nature) VALUES (1, 'Mr M Smith', 'He chairs a local charity')"
        )
        con.execute(
            "INSERT INTO vote (minute_id, position, motion, votes_for, votes_against, abstentions, named_for, named_against, "
            "named_abstaining) VALUES (1, 0, 'that the report be noted', 9, 2, 1, '', '', '')"
        )
    store = Store.open(db)
    try:
        with store.read() as s:
            d = s.exec(select(Declaration)).one()
            v = s.exec(select(Vote)).one()
            assert (d.interest, d.participation, v.outcome, v.casting) == ("", "", "", "")
            whole = content_of(s, 1)
            old = json.loads(json.dumps(whole, default=str))
            assert old["declarations"] == [["Mr M Smith", None, None, None, "He chairs a local charity"]]
            assert old["minutes"][0]["votes"] == [["that the report be noted", 9, 2, 1, "", "", ""]]
            blob = json.dumps(whole, sort_keys=True, ensure_ascii=False, default=str)
            assert content_hash(s, 1) == hashlib.sha256(blob.encode("utf-8")).hexdigest()  # signed records hash as they did
        text = "\n".join(t for _s, t in styled(write_notes(build_notes(store, 1), tmp_path / "n.docx")))
        assert "Mr M Smith declared an interest in the business of the meeting: He chairs a local charity." in text
        assert "On the motion that the report be noted: For 9; Against 2; Abstentions 1.\n" in text + "\n"
    finally:
        store.close()


def test_signed_notes_keep_their_words(store, demo, tmp_path):
    """A signed meeting prints as signed: a declaration or vote cannot be added, so its notes stay."""
    from clerk.errors import FrozenRecord
    from clerk.services.signoff import approve_previous

    held = demo.held_meeting_id
    content.add_declaration(store, held, "Mr M Smith", "He chairs a local charity")
    before = [t for _s, t in styled(write_notes(build_notes(store, held), tmp_path / "a.docx"))]
    approve_previous(store, demo.next_meeting_id)
    with pytest.raises(FrozenRecord):
        content.add_declaration(store, held, "Mr M Smith", "x", interest="dpi", participation="left")
    after = [t for _s, t in styled(write_notes(build_notes(store, held), tmp_path / "b.docx"))]
    assert [t for t in after if "declared" in t] == [t for t in before if "declared" in t]


# -- clerk declare ----------------------------------------------------------------------------


def test_clerk_declare(store, built, tmp_path, capsys):
    db = str(store.target.path)
    args = ["--db", db, "declare", "2014-07-08", "Mr David Coleman", "He is a director of KALA", "--item", "B2"]
    assert main([*args, "--interest", "disclosable-pecuniary", "--then", "left"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Mr David Coleman declared a Disclosable Pecuniary Interest in {B2}: He is a director of KALA.")
    assert main([*args, "--interest", "prejudicial"]) == 2
    assert "is not a kind of interest" in capsys.readouterr().err
    assert main([*args[:-1], "Z9"]) == 2 and "The agenda has no item Z9" in capsys.readouterr().err
    holder = lock.Holder.here()
    assert lock.acquire(store, built.held_id, holder).granted
    assert main(args) == 2 and "add the declaration there (F8 d)" in capsys.readouterr().err
    with store.read() as s:
        assert [(d.interest, d.participation) for d in s.exec(select(Declaration))] == [("disclosable_pecuniary", "left")]


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_the_schema_14_step_runs_on_both_databases(engine, tmp_path, request):
    """The step's SQL is one SQLite and PostgreSQL both accept: a schema 8 database gains the
    columns, its rows say nothing of kinds or outcomes, and the demo's notes read as before."""
    from sqlalchemy import text

    from clerk.demo import load_demo

    url = tmp_path / "s8.db" if engine == "sqlite" else request.getfixturevalue("pg_server").new_database()
    store = Store.open(url)
    demo = load_demo(store)
    content.add_declaration(store, demo.held_meeting_id, "Mr M Smith", "He chairs a local charity")
    before = [t for _s, t in styled(write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "a.docx"))]
    with store.engine.begin() as conn:
        for table, column in (
            ("declaration", "interest"),
            ("declaration", "participation"),
            ("vote", "outcome"),
            ("vote", "casting"),
        ):
            conn.execute(text(f'ALTER TABLE "{table}" DROP COLUMN {column}'))
        conn.execute(text("UPDATE clerk_meta SET value = '8' WHERE key = 'schema_version'"))
    store.close()
    store = Store.open(url)
    try:
        assert store.backup_path is not None
        with store.read() as s:
            assert [(d.interest, d.participation) for d in s.exec(select(Declaration))] == [("", "")]
        after = [t for _s, t in styled(write_notes(build_notes(store, demo.held_meeting_id), tmp_path / "b.docx"))]
        assert after == before
    finally:
        store.close()
