"""The action log: the actions of 8 July 2014 carried to 14 October 2014's matters arising,
closed from the command line, dropping out of ``--open``; on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from sqlalchemy import text
from sqlmodel import select

from clerk.cli import main
from clerk.demo import load_demo
from clerk.documents.actions import build_chase, build_matters_arising
from clerk.errors import FrozenRecord, InvalidInput, NotFound
from clerk.models import Action, SignOff
from clerk.services import actions, content
from clerk.services.agenda_standard import add_extra_standard_item
from clerk.storage import Store
from exports.actions import write_actions

from .helpers import minutes_of

TRIGGER = "Community Trigger Criteria & Review Process in Kent"  # minute 66's title: its action says no more


def table_rows(path) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in Document(str(path)).tables for row in t.rows]


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "clerk.db")
    return request.getfixturevalue("pg_server").new_database()


def test_july_action_reaches_october_paper_is_closed_and_drops_out_of_open(url, tmp_path, capsys):
    db = ["--db", url]
    assert main([*db, "demo"]) == 0
    store = Store.open(url)
    try:
        summary = load_demo(store)
        [parris] = actions.list_actions(store, owner="Parris")
        assert (parris.minute, parris.meeting_date, parris.action, parris.status) == ("66", dt.date(2014, 7, 8), TRIGGER, "open")
        capsys.readouterr()
        assert main([*db, "actions", "--open"]) == 0
        listed = capsys.readouterr().out
        assert "Jim Parris" in listed and "DCI Andy Prichard" in listed and "66 (8 Jul 2014)" in listed

        add_extra_standard_item(store, summary.next_meeting_id, "matters_arising")
        paper = build_matters_arising(store, summary.next_meeting_id)
        assert paper.heading == "Meeting of Tuesday, 14 October 2014"
        [table] = paper.tables
        assert table.columns == ("Minute", "Action", "Owner", "Status", "Update")
        assert ("66 (8 July 2014)", TRIGGER, "Jim Parris", "Open", "") in table.rows
        rows = table_rows(write_actions(paper, tmp_path / "before.docx"))
        assert rows[0] == ["Minute", "Action", "Owner", "Status", "Update"]
        assert ["66 (8 July 2014)", TRIGGER, "Jim Parris", "Open", ""] in rows

        note = "Criteria report on the October agenda"
        assert main([*db, "actions", "done", str(parris.id), "--note", note, "--on", "2014-10-02"]) == 0
        assert f"Action {parris.id} is done (2 October 2014)" in capsys.readouterr().out
        assert main([*db, "actions", "--open", "--committee", "Kent Community"]) == 0
        listed = capsys.readouterr().out
        assert "Jim Parris" not in listed and "DCI Andy Prichard" in listed
        assert main([*db, "actions", "--owner", "J Parris"]) == 0
        assert "Done 2 Oct 2014" in capsys.readouterr().out

        # closed since the last meeting: October's paper reports it done, with its update
        rows = table_rows(write_actions(build_matters_arising(store, summary.next_meeting_id), tmp_path / "after.docx"))
        assert ["66 (8 July 2014)", TRIGGER, "Jim Parris", "Done 2 October 2014", note] in rows
        assert [r[2] for r in rows[1:]] == ["Jim Parris", "DCI Andy Prichard"]
    finally:
        store.close()


def test_closing_an_action_of_signed_notes_leaves_the_signed_record_as_signed(store, demo):
    from clerk.services.signoff import approve_previous, content_hash, tamper_warnings

    approve_previous(store, demo.next_meeting_id)
    with store.read() as s:
        before = s.exec(select(SignOff).where(SignOff.meeting_id == demo.held_meeting_id)).one()
    prichard = actions.list_actions(store, owner="Prichard")[0]
    actions.note_action(store, prichard.id, "Event booked for November")
    actions.supersede_action(store, prichard.id, "Replaced by the MARAC review")
    with store.read() as s:
        after = s.exec(select(SignOff).where(SignOff.meeting_id == demo.held_meeting_id)).one()
        assert content_hash(s, demo.held_meeting_id) == before.content_hash
    assert (after.snapshot_full, after.snapshot_public) == (before.snapshot_full, before.snapshot_public)
    assert tamper_warnings(store, [demo.held_meeting_id]) == []
    assert actions.get_action(store, prichard.id).status == "superseded"
    first = minutes_of(store, demo.held_meeting_id)[0]
    with pytest.raises(FrozenRecord):  # the minute itself still cannot gain an action
        content.add_action(store, first.id, "Jim Parris")


def test_owners_are_matched_as_people_are(store, demo):
    def owners(typed):
        return [r.owner for r in actions.list_actions(store, owner=typed)]

    assert owners("parris") == ["Jim Parris"]
    assert owners("J. Parris") == ["Jim Parris"]
    assert owners("andy prichard") == ["DCI Andy Prichard"]
    assert owners("Smith") == []


def test_bad_input_is_refused_plainly_and_changes_nothing(store, demo, capsys):
    [parris] = actions.list_actions(store, owner="Parris")
    with pytest.raises(InvalidInput, match="one line of at most 300 characters"):
        actions.close_action(store, parris.id, "x" * 301)
    assert actions.get_action(store, parris.id).status == "open"
    with pytest.raises(InvalidInput, match="Type the update"):
        actions.note_action(store, parris.id, "  \n ")
    actions.close_action(store, parris.id, on=dt.date(2014, 9, 1))
    with pytest.raises(InvalidInput, match=r"already done \(since 1 September 2014\)"):
        actions.close_action(store, parris.id)
    with pytest.raises(NotFound):
        actions.close_action(store, 999)
    db = str(store.target.path)
    assert main(["--db", db, "actions", "done", "x"]) == 2
    assert "'x' is not an action id" in capsys.readouterr().err
    assert main(["--db", db, "actions", "done", str(parris.id), "--on", "someday"]) == 2
    assert "is not a date" in capsys.readouterr().err
    # a multi-line update is kept as one line
    assert actions.note_action(store, parris.id, "Report\nwritten").progress == "Report written"


def test_the_chasing_report_lists_each_owners_open_actions(store, demo, tmp_path, capsys):
    doc = build_chase(store, committee_id=demo.committee_id, today=dt.date(2014, 9, 15))
    assert [t.title for t in doc.tables] == ["Open actions: Jim Parris", "Open actions: DCI Andy Prichard"]
    assert doc.tables[0].intro == "Jim Parris has 1 open action on 15 September 2014."
    out = write_actions(doc, tmp_path / "chase.docx")
    assert ["66 (8 July 2014)", TRIGGER, "", "Open", ""] in table_rows(out)
    db = str(store.target.path)
    assert main(["--db", db, "actions", "chase", "--owner", "Prichard", "--out", str(tmp_path / "p")]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert [t for t in table_rows(tmp_path / "p.docx") if "MARAC Event" in t]
    assert main(["--db", db, "actions", "chase", "--owner", "Nobody"]) == 0
    assert "No actions are open for Nobody." in capsys.readouterr().out


def test_matters_arising_goes_into_the_pack_under_its_item(store, demo):
    from clerk.usecases.pack import gather

    item = add_extra_standard_item(store, demo.next_meeting_id, "matters_arising")
    pack = gather(store, demo.next_meeting_id, "public")
    assert [(p.code, p.actions is not None) for p in pack.parts] == [("A3", False), ("A4", True)]
    assert pack.parts[1].item_id == item.id and pack.parts[1].title == "A4 Action log / matters arising"


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_the_schema_18_step_maps_done_to_status(engine, tmp_path, request):
    url = tmp_path / "s16.db" if engine == "sqlite" else request.getfixturevalue("pg_server").new_database()
    store = Store.open(url)
    load_demo(store)
    with store.engine.begin() as conn:
        for column in ("status", "status_on", "progress"):
            conn.execute(text(f'ALTER TABLE "action" DROP COLUMN {column}'))
        conn.execute(text('ALTER TABLE "action" ADD COLUMN done BOOLEAN NOT NULL DEFAULT FALSE'))
        conn.execute(text("UPDATE \"action\" SET done = TRUE WHERE owner_name = 'Jim Parris'"))
        conn.execute(text("UPDATE clerk_meta SET value = '16' WHERE key = 'schema_version'"))
    store.close()
    store = Store.open(url)
    try:
        assert store.backup_path is not None
        with store.read() as s:
            got = {a.owner_name: (a.status, a.progress) for a in s.exec(select(Action))}
        assert got == {"Jim Parris": ("done", ""), "DCI Andy Prichard": ("open", "")}
        assert [r.owner for r in actions.list_actions(store, open_only=True)] == ["DCI Andy Prichard"]
    finally:
        store.close()


def test_the_public_pack_carries_the_matters_arising_paper(store, demo, tmp_path):
    """Built as `clerk pack` builds it: a PDF through LibreOffice, or the Word pack without it."""
    import subprocess

    from clerk.cli.publishing import build_pack
    from exports.pdf import find_soffice

    from .docx_read import all_text

    add_extra_standard_item(store, demo.next_meeting_id, "matters_arising")
    actions.close_action(store, actions.list_actions(store, owner="Parris")[0].id, "Report on the agenda", dt.date(2014, 10, 2))
    result = build_pack(store, demo.next_meeting_id, tmp_path / "pack.pdf")
    if find_soffice() is None:
        found = all_text(result.path)
    else:
        found = subprocess.run(["pdftotext", str(result.path), "-"], capture_output=True, text=True, check=True).stdout
        assert result.ranges  # the item has its pages, as any report
    words = " ".join(found.split())
    assert "Action log / matters arising" in words and "MARAC Event" in words and "Report on the agenda" in words
