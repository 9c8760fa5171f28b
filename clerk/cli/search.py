"""``clerk search``: find words in every meeting's minutes, actions, agenda items and attached files."""

from __future__ import annotations

import rich_click as click

from ..terminal import say
from .group import cli, db_option, store_of


@cli.command()
@db_option
@click.argument("words", nargs=-1, required=True)
@click.option("--committee", "-c", metavar="NAME", help="Only this committee's meetings.")
@click.option("--restricted", is_flag=True, help="Search restricted text too (marked RESTRICTED): not for publication.")
@click.option("--limit", "-n", type=click.IntRange(1, 500), default=50, show_default=True, help="How many matches to show.")
@click.pass_context
def search(ctx: click.Context, words: tuple[str, ...], committee: str | None, restricted: bool, limit: int) -> None:
    """Search the minutes, resolutions, actions, agenda items and attached files' names of every
    meeting, best match first. "Community Trigger" (in quotes) finds the words together, as does
    one argument of several words; trig*
    finds trigger and triggers. Restricted text is searched only with --restricted."""
    from ..services.committees import find_committee
    from ..services.search import search as run_search
    from ..wording_search import RESTRICTED_MARK, found_line, hit_place

    store = store_of(ctx)
    committee_id = find_committee(store, committee).id if committee is not None else None
    # one argument of several words (clerk search "Community Trigger") is a phrase
    query = " ".join(f'"{w}"' if len(words) == 1 and len(w.split()) > 1 and '"' not in w else w for w in words)
    results = run_search(store, query, committee_id=committee_id, restricted=restricted, limit=limit)
    for hit in results.hits:
        mark = f"{RESTRICTED_MARK}: " if hit.restricted else ""
        say(mark + hit_place(hit.committee, hit.date, hit.minute, hit.kind))
        say("    " + "".join(f"[{piece}]" if found else piece for piece, found in hit.snippet))
    say(found_line(query, len(results.hits), results.more, results.restricted))
