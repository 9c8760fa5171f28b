"""``clerk config path`` and ``clerk config show``: where the settings file is, and the settings in effect."""

from __future__ import annotations

import rich_click as click

from ..terminal import say
from .group import cli, settings_of


@cli.group("config", invoke_without_command=True)
@click.pass_context
def config(ctx: click.Context) -> None:
    """The settings file, config.toml (see the README for every key)."""
    if ctx.invoked_subcommand is None:
        raise click.UsageError("Say path or show.")


@config.command("path")
def config_path() -> None:
    """Where config.toml is (or would be: it is made when a theme is chosen)."""
    from ..settings import settings_path

    say(str(settings_path()))


@config.command("show")
@click.pass_context
def config_show(ctx: click.Context) -> None:
    """The settings in effect, as TOML (the defaults when the file cannot be used)."""
    from ..settings import as_toml

    say(as_toml(settings_of(ctx)).rstrip("\n"))
