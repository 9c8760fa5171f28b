"""The live screen's keys: its bindings, the actions that write (refused in a read-only
view), and the help shown above the key list (F1)."""

from __future__ import annotations

from textual.binding import Binding

HELP = "\n".join(
    (
        "F2: type an item's code (B3) or a few words and press Enter. Its minute is created with the next "
        "number; standard items bring their standard wording.",
        "F3: type part of a name, Enter marks the person present; ctrl+y copies the last meeting's attendance. "
        "Someone new in one line: Ms C Gatward, Kent Police (clerk asks only what it cannot guess). Tab to the "
        "list, then: a apologies, x absent, s substitute, c in the chair, l arrived late, d left early, o officer "
        "in attendance, g guest (also present), n add a person, u unmark.",
        "Leave a blank line between paragraphs: they are numbered (1), (2) for you. A line starting "
        '"- " is a point (a), (b). F5 adds RESOLVED that … ',
        "F4 a minute with no agenda item · F8 this minute: an action (ctrl+t), declaration, vote or file, "
        "rename, move earlier or later, restricted or public, numbered or plain paragraphs, delete (taken by "
        "mistake) · "
        "F9 withdraw or defer · F10 sign the previous notes, private session (p minutes the exclusion, n does "
        "not), end, leave · ctrl+delete clears this minute's text (ctrl+z brings it back).",
        "Everything is saved as you type. Agenda: · to come  ▶ current  ✓ minuted  ✗ withdrawn  » deferred  ‡ restricted.",
    )
)
# In the editor and the filter boxes these keys are acted on in the order typed (live_keys).
BINDINGS = [
    Binding("f2", "take_item", "Take item", id="live.take"),
    Binding("f3", "attendance", "Attendance", id="live.attendance"),
    Binding("f5,ctrl+r", "resolution", "RESOLVED", id="live.resolved"),
    Binding("f8", "add_menu", "Minute", id="live.add"),
    Binding("ctrl+t", "add_action", "Action", show=False, id="live.action"),
    Binding("f9", "withdraw", "Withdraw", id="live.withdraw"),
    Binding("f10,ctrl+g", "meeting_menu", "Meeting", id="live.menu"),
    Binding("f12,ctrl+b", "panels", "Panels", id="live.panels"),
    Binding("f4,ctrl+n", "new_minute", "New minute", id="live.new"),
    Binding("alt+up", "step_minute(-1)", "Previous minute", show=False, id="live.prev"),
    Binding("alt+down", "step_minute(1)", "Next minute", show=False, id="live.next"),
    Binding("ctrl+o", "attach", "Attach file", show=False, id="live.attach"),
    Binding("ctrl+s", "save_now", "Save now", show=False, id="live.save"),
    Binding("ctrl+delete", "clear_minute", "Clear minute", show=False, id="live.clear"),
    Binding("ctrl+l", "take_over", "Take over", id="live.takeover"),
]
WRITE_ACTIONS = {
    "new_minute",
    "resolution",
    "add_menu",
    "add_action",
    "declaration",
    "vote",
    "named_vote",
    "withdraw",
    "rename",
    "attach",
    "save_now",
    "wording",
    "sign_previous",
    "private_session",
    "private_unminuted",
    "clear_minute",
    "end_meeting",
    "minute_earlier",
    "minute_later",
    "toggle_private",
    "delete_minute",
    "toggle_numbering",
}
