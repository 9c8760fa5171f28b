"""Keys the clerk remaps (config.toml's ``[keymap]``: binding id = "keys"), checked here and
only here: an id no binding has, a key the minute editor types or acts on itself (a letter,
Enter, ctrl+z, the arrows …) given to a key that works while the clerk types a minute, or a key
another binding beside it keeps, is refused with one line each; the rest goes to Textual's keymap (``App.set_keymap``), so the
footer, F1 help and the command palette show the new keys."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator, Mapping

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.keys import KEY_ALIASES, key_to_character

EDITOR_TYPES = ("enter", "tab", "shift+tab")  # the keys a text area takes as text, not by binding


def _subclasses(cls: type[DOMNode]) -> Iterator[type[DOMNode]]:
    sub: type[DOMNode]
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def binding_classes() -> list[type[DOMNode]]:
    """Every screen and widget class of the app that declares its own BINDINGS (all of
    screens/ is imported to find them)."""
    import screens

    for module in pkgutil.walk_packages(screens.__path__, "screens."):
        importlib.import_module(module.name)
    return [
        cls for cls in dict.fromkeys(_subclasses(DOMNode)) if cls.__module__.startswith("screens.") and "BINDINGS" in vars(cls)
    ]


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings ``cls`` declares, as written (one for "f5,ctrl+r")."""
    return own_bindings_of(vars(cls)["BINDINGS"])


def own_bindings_of(items: Iterable[BindingType]) -> list[Binding]:
    return [item if isinstance(item, Binding) else Binding(*item) for item in items]


def binding_ids() -> dict[str, Binding]:
    """Every binding of the app by its id."""
    return {binding.id: binding for cls in binding_classes() for binding in own_bindings(cls) if binding.id}


def editor_ids() -> set[str]:
    """The ids of the keys that work while the minute editor has the focus: the app's and the
    live screen's."""
    from .live.keys import BINDINGS as LIVE

    apps = [binding for cls in binding_classes() if issubclass(cls, App) for binding in own_bindings(cls)]
    return {binding.id for binding in [*apps, *own_bindings_of(LIVE)] if binding.id}


def editor_keys() -> set[str]:
    """The keys the minute editor keeps for itself (its own bindings and TextArea's)."""
    from .widgets.minute_editor import MinuteEditor

    keys = set(EDITOR_TYPES)
    for cls in MinuteEditor.__mro__:
        for item in vars(cls).get("BINDINGS", []):
            for binding in Binding.make_bindings([item]):
                keys.add(binding.key)
    return keys | {alias for key in keys for alias in KEY_ALIASES.get(key, [])}  # ctrl+i is Tab


def clashes_with_editor(key: str, taken: set[str]) -> bool:
    """Whether the minute editor would type ``key`` or act on it itself."""
    base = key.removeprefix("shift+")  # shift+a types A
    character = base if len(base) == 1 else key_to_character(base)
    return key in taken or (character is not None and character.isprintable())


def unknown_message(binding_id: str) -> str:
    return f"Keymap: no key has the id {binding_id!r}, so nothing was changed for it."


def clash_message(binding_id: str, key: str) -> str:
    return f"Keymap: {key} is a key the minute editor uses itself, so {binding_id} keeps its own key."


def taken_message(binding_id: str, key: str, other: Binding) -> str:
    return f"Keymap: {key} is already the key of {other.description} ({other.id}), so {binding_id} keeps its own key."


def neighbours() -> dict[str, set[str]]:
    """For each id, the ids whose keys work alongside it (the same screen or widget, its bases,
    and the app's, which work everywhere): a key of one of them cannot be given to it as well."""
    classes = binding_classes()
    app_ids = {b.id for cls in classes if issubclass(cls, App) for b in own_bindings(cls) if b.id}
    found: dict[str, set[str]] = {}
    for cls in classes:
        ids = {b.id for base in cls.__mro__ if base in classes for b in own_bindings(base) if b.id}
        for binding_id in ids:
            found.setdefault(binding_id, set()).update(ids, app_ids)
    everything = set(found)
    for binding_id in app_ids:
        found[binding_id] = everything
    return found


def _keys(text: str) -> list[str]:
    return [key.strip() for key in str(text).split(",") if key.strip()]


def check_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """(the remappings that can be applied, one message for each refused)."""
    if not keymap:
        return {}, []
    known = binding_ids()
    guarded = editor_ids()
    taken = editor_keys()
    alongside = neighbours()
    keys_now = {binding_id: _keys(keymap.get(binding_id) or binding.key) for binding_id, binding in known.items()}
    accepted: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(unknown_message(binding_id))
            continue
        wanted = _keys(keys)
        clash = next((key for key in wanted if binding_id in guarded and clashes_with_editor(key, taken)), None)
        if clash is not None:
            problems.append(clash_message(binding_id, clash))
            continue
        other = next((o for o in sorted(alongside[binding_id] - {binding_id}) if set(wanted) & set(keys_now[o])), None)
        if other is not None:
            key = next(key for key in wanted if key in keys_now[other])
            problems.append(taken_message(binding_id, key, known[other]))
            continue
        if wanted:
            accepted[binding_id] = ",".join(wanted)
    return accepted, problems


def keymap_table() -> str:
    """docs/keymap.md: every id the [keymap] table takes, with its keys and what it does."""
    lines = [
        "# Keys by id",
        "",
        "Each key can be remapped in `config.toml`, by its id, for example:",
        "",
        "```toml",
        "[keymap]",
        '"live.take" = "f11"',
        '"home.new" = "ctrl+n,f2"',
        "```",
        "",
        "Keys that work while a minute is typed (the app's and the live screen's) cannot be given a key the",
        "minute editor uses itself: a letter or other character, Enter, Tab, the arrows, ctrl+z and the like.",
        "Nor can a key be given that another key of the same screen, or one of the app's (F1, ctrl+q, ctrl+p),",
        "already has, unless that one is given another key too.",
        "",
        "| Id | Keys | What it does | Where |",
        "| --- | --- | --- | --- |",
    ]
    for cls in sorted(binding_classes(), key=lambda cls: (cls.__module__, cls.__qualname__)):
        for binding in own_bindings(cls):
            lines.append(f"| `{binding.id}` | `{binding.key}` | {binding.description} | {cls.__qualname__} |")
    return "\n".join(lines) + "\n"
