"""``clerk declare``: a declaration of interest at a meeting, as the live screen records it."""

from __future__ import annotations

import rich_click as click

from ..ids import id_of
from ..terminal import say
from .group import cli, db_option, meeting_argument, resolve_meeting

INTEREST_HELP = "disclosable-pecuniary, other-registrable or non-registrable (the Localism Act's kinds)."
THEN_HELP = "What the member then did: left (the room), no-part, dispensation (spoke under one) or stayed."


@cli.command("declare")
@db_option
@meeting_argument
@click.argument("member", metavar="MEMBER")
@click.argument("nature", metavar="NATURE")
@click.option("--item", "-i", metavar="CODE", default="", help="The agenda item (B2); none: the business of the meeting.")
@click.option("--interest", metavar="KIND", default="", help=INTEREST_HELP)
@click.option("--then", "participation", metavar="WHAT", default="", help=THEN_HELP)
@click.option("--restricted", is_flag=True, help="The nature would reveal exempt information: the public notes leave it out.")
@click.pass_context
def declare(
    ctx: click.Context,
    meeting: str,
    committee: str | None,
    member: str,
    nature: str,
    item: str,
    interest: str,
    participation: str,
    restricted: bool,
) -> None:
    """MEMBER declared an interest at MEETING: NATURE says what it is."""
    from ..usecases.declare import declare as record

    store, found = resolve_meeting(ctx, meeting, committee)
    done = record(
        store, id_of(found), member, nature, item, interest=interest, participation=participation, nature_restricted=restricted
    )
    say(done.sentence)
    if done.reworded:
        say("The Declarations minute was worded again.")
