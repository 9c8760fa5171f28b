"""The command palette on the live screen: besides every key (added by the app), what the
Add (F8) and Meeting (F10) menus hold, by name."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS = [
    ("Declaration of interest", "declaration", "Member, item, kind and nature; left the room, no part or dispensation (F8 d)"),
    ("Vote", "vote", "For, against, abstentions, carried or lost; names of those present when asked for (F8 v)"),
    ("Recorded vote", "named_vote", "Each member present marked for, against or abstaining (F8 c)"),
    ("Attach a file to this minute", "attach", "A presentation or a tabled paper (ctrl+o)"),
    ("Rename this minute", "rename", "Change the minute's title (F8 t)"),
    ("Move this minute earlier", "minute_earlier", "Renumbers this meeting's minutes (F8 u)"),
    ("Move this minute later", "minute_later", "Renumbers this meeting's minutes (F8 l)"),
    ("Restricted / public minute", "toggle_private", "Keep this minute's text out of the public notes, or not (F8 r)"),
    ("Number the paragraphs, or not", "toggle_numbering", "This minute's paragraphs as (1), (2) … or plain (F8 n)"),
    ("Delete this minute", "delete_minute", "Taken by mistake; the later minutes are renumbered (F8 x)"),
    ("Insert the standard wording", "wording", "Apologies, declarations, previous notes, next meeting (F8 w)"),
    ("Sign the previous meeting's notes", "sign_previous", "After they are approved under A3 (F10 s)"),
    (
        "Private session / public session",
        "private_session",
        "Minute the exclusion of the press and public, or let them back (F10 p)",
    ),
    ("Private session, no resolution minuted", "private_unminuted", "Exclude the press and public without a minute (F10 n)"),
    ("Clear this minute's text", "clear_minute", "Start the minute again; ctrl+z brings the text back (ctrl+delete, F8 e)"),
    ("End the meeting", "end_meeting", "The meeting is then held (F10 e)"),
    ("Leave the live screen", "leave", "Back to the meetings; everything is saved (F10 q)"),
]


class LiveCommands(Provider):
    def _available(self):
        screen = self.screen
        for title, action, help_text in COMMANDS:
            if screen.check_action(action, ()) is not False:
                yield title, getattr(screen, f"action_{action}"), help_text

    async def discover(self) -> Hits:
        for title, run, help_text in self._available():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help_text in self._available():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
