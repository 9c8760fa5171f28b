"""config.toml: the settings it holds, one line and the defaults when it cannot be used, the theme
the clerk picks kept for next time, ``clerk config path|show``, and the export folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from docx import Document

from clerk.cli import main
from clerk.settings import Settings, load_settings, save_theme, settings_path
from screens.home import HomeScreen

from .settled import settled, until


def config_file(text: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    return db


def test_the_settings_folder_follows_the_environment(isolated_user_folders, capsys):
    assert settings_path() == isolated_user_folders / "config" / "config.toml"
    assert run(capsys, "config", "path") == (0, f"{settings_path()}\n", "")


def test_no_file_is_the_defaults_without_a_word():
    assert load_settings() == (Settings(), "")


def test_every_key_is_read(tmp_path):
    config_file(
        f'theme = "nord"\nexport_folder = "{tmp_path}"\npaper_size = "letter"\ndatabase = "{tmp_path / "c.db"}"\n'
        'libreoffice = "/opt/lo/soffice"\n\n[keymap]\n"home.new" = "ctrl+n"\n'
    )
    settings, problem = load_settings()
    assert problem == ""
    assert settings.theme == "nord" and settings.export_folder == tmp_path and settings.paper_size == "Letter"
    assert settings.database == str(tmp_path / "c.db") and settings.libreoffice == "/opt/lo/soffice"
    assert dict(settings.keymap) == {"home.new": "ctrl+n"}


@pytest.mark.parametrize(
    "text, says",
    [
        ('theme = "nord"\ncolour = "red"\n', "line 2: 'colour' is not a setting clerk knows"),
        ("\n\npaper_size = 4\n", "line 3: 'paper_size' must be text"),
        ('paper_size = "A3"\n', "line 1: 'paper_size' must be A4 or Letter"),
        ("[keymap]\nquit = 3\n", "line 2: 'keymap.quit' must be text"),
        ('theme = "nord"\ntheme "x"\n', "is not valid TOML"),
    ],
)
def test_a_bad_file_is_one_line_and_the_defaults(capsys, text, says):
    path = config_file(text)
    code, out, err = run(capsys, "config", "show")
    assert code == 0
    assert err.count("\n") == 1 and says in err and str(path) in err and "using the default settings" in err
    assert 'theme = "textual-dark"' in out and 'paper_size = "A4"' in out
    if "TOML" in says:
        assert "line 2" in err


def test_config_show_is_toml_clerk_reads_back(tmp_path, capsys):
    import tomllib

    config_file(f'# mine\npaper_size = "Letter"\nexport_folder = "{tmp_path}"\n[keymap]\n"live.take_item" = "t"\n')
    code, out, err = run(capsys, "config", "show")
    assert (code, err) == (0, "")
    assert tomllib.loads(out) == {
        "theme": "textual-dark",
        "paper_size": "Letter",
        "export_folder": str(tmp_path),
        "keymap": {"live.take_item": "t"},
    }


def test_saving_the_theme_keeps_the_rest_of_the_file():
    text = '# my settings\npaper_size = "Letter"  # our printers\n\n[keymap]\n"home.new" = "ctrl+n"\n'
    config_file(text)
    save_theme("nord")
    assert settings_path().read_text() == 'theme = "nord"\n' + text
    save_theme("gruvbox")
    assert settings_path().read_text() == 'theme = "gruvbox"\n' + text
    assert load_settings()[0].theme == "gruvbox"


def test_the_export_folder_takes_a_bare_file_name(demo_db, tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    config_file(f'export_folder = "{folder}"\n')
    code, _, err = run(capsys, "--db", str(demo_db), "export", "notes", "2014-07-08", "-o", "notes.docx")
    assert (code, err) == (0, "")
    assert "KENT COMMUNITY SAFETY PARTNERSHIP" in "\n".join(p.text for p in Document(str(folder / "notes.docx")).paragraphs)
    elsewhere = tmp_path / "here.docx"
    assert run(capsys, "--db", str(demo_db), "export", "agenda", "2014-07-08", "-o", str(elsewhere))[0] == 0
    assert elsewhere.exists() and not (folder / "here.docx").exists()


def test_the_default_database_is_used_without_db(demo_db, capsys):
    config_file(f'database = "{demo_db}"\n')
    code, out, _ = run(capsys, "meetings")
    assert code == 0 and "64–74" in out


async def pick(pilot, typed: str, first: str) -> None:
    """Type ``typed`` in the palette on top and choose its first offer, once it is ``first``."""
    await pilot.press(*typed)
    commands = pilot.app.screen.query_one("CommandList")
    await until(
        pilot,
        lambda: commands.option_count and first in str(commands.get_option_at_index(0).prompt),
        f"the palette offers {first} first",
    )
    await pilot.press("enter")
    await settled(pilot)


async def test_the_theme_picked_is_used_next_start(demo_db):
    from clerk.cli.app import make_app
    from clerk.config import sqlite_target

    first = make_app(sqlite_target(demo_db), load_settings()[0])
    async with first.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        assert first.theme == "textual-dark"
        await pilot.press("ctrl+p")
        await settled(pilot)
        await pick(pilot, "theme", "Theme")
        await pick(pilot, "nord", "nord")
        await until(pilot, lambda: first.theme == "nord", "the theme changed")
        await until(pilot, lambda: "nord" in (settings_path().read_text() if settings_path().exists() else ""), "saved")
        first.store.close()
    assert load_settings()[0].theme == "nord"
    second = make_app(sqlite_target(demo_db), load_settings()[0])
    async with second.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        assert second.theme == "nord"
        second.store.close()


async def test_a_light_theme_with_no_color_shows_home(demo_db, monkeypatch):
    from textual.widgets import DataTable

    from clerk.cli.app import make_app
    from clerk.config import sqlite_target

    monkeypatch.setenv("NO_COLOR", "1")
    config_file('theme = "textual-light"\n')
    app = make_app(sqlite_target(demo_db), load_settings()[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        assert app.theme == "textual-light" and app.no_color
        assert app.screen.query_one("#meetings", DataTable).row_count == 2
        assert "64–74" in app.export_screenshot()
        app.store.close()
    assert not os.environ.get("CLERK_SOFFICE")


async def test_a_new_committee_takes_the_settings_paper(tmp_path):
    from clerk.cli.app import make_app
    from clerk.config import sqlite_target
    from clerk.services.committees import find_committee
    from screens.widgets.form import Form

    config_file('paper_size = "Letter"\n')
    app = make_app(sqlite_target(tmp_path / "new.db"), load_settings()[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("f9")
        await settled(pilot, Form)
        await pilot.press(*"Audit Committee", "ctrl+s")
        await settled(pilot, HomeScreen)
        assert find_committee(app.store, "Audit Committee").paper_size == "Letter"
        app.store.close()


async def test_the_keymap_in_the_file_reaches_the_app(tmp_path):
    from clerk.cli.app import make_app
    from clerk.config import sqlite_target
    from screens.widgets.form import Form

    config_file('[keymap]\n"home.new_committee" = "f11"\n')
    app = make_app(sqlite_target(tmp_path / "new.db"), load_settings()[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("f11")
        await settled(pilot, Form)
        await pilot.press("escape")
        await settled(pilot, HomeScreen)
        app.store.close()
