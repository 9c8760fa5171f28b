"""``clerk live [MEETING]``: open the live screen of a meeting (by id or date). With no
meeting, the one being minuted when clerk last stopped (after a crash, where it was)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rich_click as click

from ..errors import InvalidInput
from ..ids import id_of
from .app import open_app
from .group import cli, db_option, settings_of, store_of, target_of

if TYPE_CHECKING:
    from screens.live.screen import LiveScreen


@cli.command()
@db_option
@click.argument("meeting", metavar="[MEETING]", required=False)
@click.option("--committee", "-c", metavar="NAME", help="The committee, when two meetings share a date.")
@click.pass_context
def live(ctx: click.Context, meeting: str | None, committee: str | None) -> None:
    """Minute a meeting as it happens: attendance, items taken, numbered minutes, saved as you type.

    MEETING is an id from `clerk meetings` or a date (2014-10-14). Without it, clerk reopens the
    meeting in progress.
    """
    from ..live.lock import ended_meeting_message, resumable_meeting
    from ..services.meetings import find_meeting

    store = store_of(ctx)
    if meeting is None:
        meeting_id = resumable_meeting(store)
        if meeting_id is None:
            ended = ended_meeting_message(store)
            raise InvalidInput(ended or "No meeting is in progress; give one: clerk live 2014-10-14 (see `clerk meetings`).")
    else:
        meeting_id = id_of(find_meeting(store, meeting, committee))
    store.close()
    opened = meeting_id

    def start() -> LiveScreen:
        from screens.live.screen import LiveScreen

        return LiveScreen(opened)

    ctx.exit(open_app(target_of(ctx), start=start, settings=settings_of(ctx)))
