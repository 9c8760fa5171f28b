"""The clerk's own settings: ``config.toml`` in the settings folder (clerk.config.config_dir), read
into a frozen ``Settings``. A file that cannot be used is one line naming the key and its line, and
the defaults are used instead; nothing here reads the disk until asked."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

FILE_NAME = "config.toml"
DEFAULT_THEME = "textual-dark"
TEXT_KEYS = ("theme", "export_folder", "paper_size", "database", "libreoffice")


@dataclass(frozen=True)
class Settings:
    """What config.toml says, or the defaults. None: not set (see each key's fallback)."""

    theme: str = DEFAULT_THEME
    export_folder: Path | None = None  # None: the current folder
    paper_size: str = "A4"  # for new committees; A4 or Letter
    database: str | None = None  # used when neither --db nor CLERK_DATABASE_URL is given
    libreoffice: str | None = None  # the soffice program; None: looked for on the PATH
    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # binding id -> keys


def settings_path() -> Path:
    from .config import config_dir

    return config_dir() / FILE_NAME


def load_settings(path: Path | None = None) -> tuple[Settings, str]:
    """The settings in ``path`` (config.toml by default), and '' — or the defaults and one line
    saying why the file cannot be used. A missing file is the defaults, without a word."""
    import tomllib

    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), f"{path} cannot be read ({exc}); using the default settings."
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Settings(), f"{path} is not valid TOML ({exc}); using the default settings."
    try:
        return _settings_of(data), ""
    except _BadKey as bad:
        line = _line_of(text, bad.key, bad.table)
        where = f" line {line}" if line else ""
        name = f"{bad.table}.{bad.key}" if bad.table else bad.key
        return Settings(), f"{path}{where}: '{name}' {bad.why}; using the default settings."


class _BadKey(Exception):
    def __init__(self, key: str, why: str, table: str = "") -> None:
        super().__init__(key)
        self.key, self.why, self.table = key, why, table


def _settings_of(data: dict[str, Any]) -> Settings:
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "keymap":
            if not isinstance(value, dict):
                raise _BadKey(key, 'must be a table: [keymap] with lines such as home.new = "n"')
            for binding, keys in value.items():
                if not isinstance(keys, str):
                    raise _BadKey(binding, 'must be text, the keys such as "ctrl+n"', "keymap")
            values["keymap"] = MappingProxyType(dict(value))
        elif key in TEXT_KEYS:
            if not isinstance(value, str):
                raise _BadKey(key, "must be text, in quotes")
            values[key] = value
        else:
            raise _BadKey(key, f"is not a setting clerk knows (it knows {', '.join((*TEXT_KEYS, 'keymap'))})")
    if "paper_size" in values:
        from .documents.model import PAPER_SIZES

        size = {p.lower(): p for p in PAPER_SIZES}.get(values["paper_size"].strip().lower())
        if size is None:
            raise _BadKey("paper_size", f"must be {' or '.join(PAPER_SIZES)}")
        values["paper_size"] = size
    if "theme" in values and not values["theme"].strip():
        raise _BadKey("theme", "must name a theme")
    for key in ("database", "libreoffice"):
        if key in values:
            values[key] = values[key].strip() or None
    if "export_folder" in values:
        folder = values["export_folder"].strip()
        values["export_folder"] = Path(folder).expanduser() if folder else None
    return Settings(**values)


def _line_of(text: str, key: str, table: str) -> int | None:
    """The line number of ``key`` in ``table`` ('' for the top of the file), if it can be found."""
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\s*([^\]]+?)\s*\]", line)
        if header:
            current = header.group(1).strip("\"'")
            if not table and current == key:
                return number
            continue
        found = re.match(r"\s*([\"']?)([^\"'=]+?)\1\s*=", line)
        if found and current == table and found.group(2).strip() == key:
            return number
    return None


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def as_toml(settings: Settings) -> str:
    """The settings as config.toml would say them; what is not set is a comment with its fallback."""
    lines = [f"theme = {_quoted(settings.theme)}"]
    optional = {
        "export_folder": (settings.export_folder, "the current folder"),
        "paper_size": (settings.paper_size, ""),
        "database": (settings.database, "--db, else CLERK_DATABASE_URL, else the data folder's clerk.db"),
        "libreoffice": (settings.libreoffice, "soffice or libreoffice on the PATH"),
    }
    for key, (value, fallback) in optional.items():
        lines.append(f"{key} = {_quoted(str(value))}" if value is not None else f"# {key} is not set: {fallback}")
    lines += ["", "[keymap]"]
    lines += [f"{_quoted(binding) if '.' in binding else binding} = {_quoted(keys)}" for binding, keys in settings.keymap.items()]
    return "\n".join(lines) + "\n"


def save_theme(theme: str, path: Path | None = None) -> Path:
    """Write ``theme = "..."`` into config.toml, leaving every other line as it is (the file's
    top-level ``theme`` line is replaced, or one is added at the top)."""
    from .files import write_whole

    path = path or settings_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    except FileNotFoundError:
        lines = []
    new = f"theme = {_quoted(theme)}\n"
    for index, line in enumerate(lines):
        if re.match(r"\s*\[", line):
            lines.insert(0, new)  # past the top-level keys, with no theme among them
            break
        if re.match(r"\s*([\"']?)theme\1\s*=", line):
            lines[index] = new
            break
    else:
        lines.insert(0, new)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_whole(path, lambda tmp: tmp.write_text("".join(lines), encoding="utf-8"))
