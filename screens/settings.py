"""Committee settings: the committee's words and numbering, its contact officer and Word template,
and its people (add, edit, retire members)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Label

from clerk.calendar import NATION_CHOICES
from clerk.models import Person
from clerk.services.committees import MemberRow
from clerk.wording import long_date

from .base import ClerkScreen, fit_column, handled_by
from .committee_year import CommitteeYear
from .widgets.form import Field, Form

GENERAL = [  # (field, label)
    ("name", "Name"),
    ("organisation", "Organisation heading"),
    ("minutes_word", "Heading word"),
    ("body_noun", "The body is called"),
    ("chair_title", "Chair is called"),
    ("vice_chair_title", "Vice-chair is called"),
    ("section_a", "Section A"),
    ("section_b", "Section B"),
    ("section_c", "Section C"),
    ("section_d", "Section D"),
    ("quorum", "Quorum"),
    ("default_venue", "Default venue"),
    ("contact_name", "Contact officer"),
    ("contact_phone", "Telephone"),
    ("contact_email", "Email"),
    ("template_path", "Word template (.docx/.dotx)"),
    ("paper_size", "Paper size"),
    ("public_restricted", "Public version"),
    ("resolution_style", "RESOLVED blocks"),
    ("exclusion_wording", "Exclusion resolution"),
    ("report_deadline_days", "Report deadline (days)"),  # working days before the agenda is published
    ("holidays", "Bank holidays of"),  # the nation whose bank holidays are not working days
]
NUMBERING = [
    ("numbering_scheme", "Numbering"),
    ("numbering_start", "First number"),
    ("year_start_month", "Year starts (month)"),
    ("number_format", "Number format"),
    ("agenda_style", "Agenda style"),
]
SCHEMES = [
    ("Continuous across meetings (64–74, then 75)", "continuous"),
    ("Restart at 1 every meeting", "per_meeting"),
    ("Restart every municipal year", "municipal_year"),
]
STYLES = [("Lettered sections: A1 … D2", "lettered"), ("Numbered items 1, 2, 3 …; minutes follow them", "numbered")]
PUBLIC = [("Number, title and exemption", "summary"), ("Leave restricted minutes out", "omit")]
PAPER = [("A4", "A4"), ("US Letter", "Letter")]  # a Word template's own page setup wins
RESOLUTIONS = [("Apart, not numbered", "apart"), ("Numbered: (5) RESOLVED that …", "numbered")]
# by setting: two settings share the value "numbered", not its words
CHOICES = dict(numbering_scheme=SCHEMES, agenda_style=STYLES, public_restricted=PUBLIC, paper_size=PAPER)
CHOICES.update(resolution_style=RESOLUTIONS, holidays=NATION_CHOICES)
ROLES = [("Chair", "chair"), ("Vice-chair", "vice_chair"), ("Member", "member"), ("Substitute", "substitute")]


class CommitteeScreen(ClerkScreen):
    TITLE = "Committee settings"
    CSS_PATH = "settings.tcss"
    HELP = """The committee's settings above, its people below. Changing the numbering shows which minutes would be renumbered; signed notes never are. Retiring a member ends their membership: past notes still name them."""
    BINDINGS = [
        Binding("e", "edit_settings", "Edit settings", id="settings.edit"),
        Binding("n", "numbering", "Numbering", id="settings.numbering"),
        Binding("a", "add_member", "Add member", id="settings.add"),
        Binding("m", "edit_member", "Edit member", id="settings.member"),
        Binding("r", "retire_member", "Retire member", id="settings.retire"),
        Binding("t", "attendance", "Attendance", id="settings.attendance"),
        Binding("y", "schedule", "Year's dates", id="settings.schedule"),
        Binding("escape", "back", "Back", id="settings.back"),
    ]

    action_attendance = handled_by("year", "attendance")
    action_schedule = handled_by("year", "schedule")

    def __init__(self, committee_id: int) -> None:
        super().__init__()
        self.year = CommitteeYear(self)
        self.committee_id = committee_id
        self.members: list[MemberRow] = []
        self.committee: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="settings-body"):
            yield Label("", id="committee-name")
            yield DataTable(id="settings", cursor_type="row", zebra_stripes=True)
            yield Label("People", id="members-title")
            yield DataTable(id="members", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#settings", DataTable).add_columns("Setting", "Value")
        self.query_one("#members", DataTable).add_columns("Name", "Role", "Represents", "Since", "Until")
        self.refresh_data()
        self.query_one("#members", DataTable).focus()

    def refresh_data(self) -> None:
        from clerk.services.committees import find_committee, list_members

        found = self.attempt(find_committee, self.store, self.committee_id)
        if not found:
            return
        committee = self.committee = found.value
        self.members = list_members(self.store, self.committee_id)
        self.query_one("#committee-name", Label).update(committee.name)
        table = self.query_one("#settings", DataTable)
        table.clear()
        labels = dict(GENERAL + NUMBERING)
        keys = [k for k, _ in NUMBERING] + [k for k, _ in GENERAL]
        rows = []
        for key in keys:
            value = getattr(committee, key)
            value = dict((v, lbl) for lbl, v in CHOICES.get(key, [])).get(str(value), value)
            rows.append([labels[key], "" if value is None else str(value)])
        for key, cells in zip(
            keys, fit_column(rows, ["Setting", "Value"], table.size.width or self.app.size.width), strict=False
        ):
            table.add_row(*cells, key=key)
        members = self.query_one("#members", DataTable)
        members.clear()
        rows = [
            [
                r.name,
                dict((v, lbl) for lbl, v in ROLES)[r.role.value],
                r.represents,
                f"{r.start_date:%-d %b %Y}" if r.start_date else "",
                f"{r.end_date:%-d %b %Y}" if r.end_date else "",
            ]
            for r in self.members
        ]
        headers = ["Name", "Role", "Represents", "Since", "Until"]
        for r, cells in zip(
            self.members, fit_column(rows, headers, members.size.width or self.app.size.width, 2, 0), strict=False
        ):
            members.add_row(*cells, key=str(r.membership_id))

    # -- settings -----------------------------------------------------------------------
    def action_edit_settings(self) -> None:
        from clerk.services.committees import update_committee

        c = self.committee
        fields = []
        for key, label in GENERAL:
            value = getattr(c, key)
            if key in CHOICES:
                fields.append(Field(key, label, value, kind="choice", choices=CHOICES[key]))
            elif key == "minutes_word":
                fields.append(Field(key, label, value, kind="choice", choices=[("NOTES", "NOTES"), ("MINUTES", "MINUTES")]))
            else:
                fields.append(Field(key, label, "" if value is None else value))

        def submit(values: dict[str, Any]) -> bool:
            changed = {k: v for k, v in values.items() if str(v or "") != str(getattr(c, k) or "")}
            if changed:
                update_committee(self.store, self.committee_id, **changed)
            return bool(changed)

        self.app.push_screen(Form(f"Settings: {c.name}", fields, submit), self._saved)

    def action_numbering(self) -> None:
        from clerk.services.committees import update_committee
        from clerk.services.renumbering import numbering_preview

        c = self.committee
        fields = [
            Field(
                "numbering_scheme",
                "Numbering",
                c.numbering_scheme.value if hasattr(c.numbering_scheme, "value") else c.numbering_scheme,
                kind="choice",
                choices=SCHEMES,
            ),
            Field("numbering_start", "First number", c.numbering_start),
            Field("year_start_month", "Year starts (month)", c.year_start_month),
            Field("number_format", "Number format", c.number_format, placeholder="{n} or {n}/{year}"),
            Field("agenda_style", "Agenda style", c.agenda_style, kind="choice", choices=STYLES),
        ]

        def parse(values: dict[str, Any]) -> dict[str, Any]:
            from clerk.errors import InvalidInput

            try:
                values = {
                    **values,
                    "numbering_start": int(values["numbering_start"]),
                    "year_start_month": int(values["year_start_month"]),
                }
            except ValueError:
                raise InvalidInput("The first number and the month are whole numbers (161; 5 for May).") from None
            return {
                k: v
                for k, v in values.items()
                if str(v) != str(getattr(c, k).value if hasattr(getattr(c, k), "value") else getattr(c, k))
            }

        def note(values: dict[str, Any]) -> str:
            return numbering_preview(self.store, self.committee_id, **parse(values))

        def submit(values: dict[str, Any]) -> bool:
            changed = parse(values)
            if changed:
                update_committee(self.store, self.committee_id, **changed)
            return bool(changed)

        intro = (
            "Minutes are numbered in the order taken; a meeting continues from the one before. With numbered items "
            "each minute takes its item's number instead. Signed notes are never renumbered."
        )
        self.app.push_screen(Form(f"Numbering: {c.name}", fields, submit, note=note, intro=intro), self._saved)

    def _saved(self, changed: Any) -> None:
        if changed:
            self.notify("Settings saved.")
            self.refresh_data()

    # -- people -------------------------------------------------------------------------
    def _member(self) -> MemberRow | None:
        table = self.query_one("#members", DataTable)
        if not self.members or table.row_count == 0:
            self.notify("There are no members yet: press a to add one.", severity="warning")
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next(r for r in self.members if str(r.membership_id) == key)

    def _person_fields(self, person: Person | None = None, role: str = "member", represents: str = "") -> list[Field]:
        from clerk.services.committees import PERSON_FIELDS

        labels = {
            "title": "Title (Mr, Cllr, Dr)",
            "forenames": "Forenames or initials",
            "surname": "Surname",
            "honours": "Honours (OBE)",
            "organisation": "Organisation",
            "job_title": "Job title",
            "email": "Email",
            "phone": "Telephone",
        }
        fields = [Field(k, labels[k], getattr(person, k) if person else "") for k in PERSON_FIELDS]
        return [*fields, Field("role", "Role", role, kind="choice", choices=ROLES), Field("represents", "Represents", represents)]

    def action_add_member(self) -> None:
        from .member_add import AddMember

        AddMember(self, self.committee_id, self._person_fields(), self._saved).open()

    def action_edit_member(self) -> None:
        from clerk.services.committees import update_membership, update_person

        row = self._member()
        if row is None:
            return

        def submit(values: dict[str, Any]) -> bool:
            role, represents = values.pop("role"), values.pop("represents")
            with self.store.transaction():
                update_person(self.store, row.person_id, **values)
                update_membership(self.store, row.membership_id, role=role, represents=represents)
            return True

        self.app.push_screen(
            Form(f"Edit {row.name}", self._person_fields(row.person, row.role.value, row.represents), submit), self._saved
        )

    def action_retire_member(self) -> None:
        from clerk.services.committees import retire_member
        from clerk.services.common import parse_date

        row = self._member()
        if row is None:
            return

        def submit(values: dict[str, Any]) -> bool:
            retire_member(self.store, row.membership_id, parse_date(values["end"]))
            return True

        fields = [Field("end", "Last day", long_date(self.today()))]
        intro = "Their membership ends on this day. Past notes still name them; they are no longer offered for attendance."
        self.app.push_screen(Form(f"Retire {row.name}", fields, submit, intro=intro), self._saved)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "members":
            self.action_edit_member()
        elif event.row_key.value in dict(NUMBERING):
            self.action_numbering()
        else:
            self.action_edit_settings()

    def action_back(self) -> None:
        self.app.pop_screen()
