"""The one key table: which keys exist where, in the order help and the README show them.
Plain data, below the help screen and the README generator (tui/keymap.py), which both read it."""

from __future__ import annotations

# (where, catalog key of its name) -> binding ids, in the order shown
KEY_TABLE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("keymap.everywhere", ("app.help", "app.help_f1", "app.palette", "app.jump", "app.week", "app.tasks",
                           "app.undo", "app.redo", "app.access_log", "app.quit")),
    ("keymap.table", ("table.down", "table.down_arrow", "table.up", "table.up_arrow", "table.top", "table.home",
                      "table.bottom", "table.end", "table.page_down", "table.page_up", "table.left", "table.right",
                      "table.open")),
    ("keymap.main", ("main.pane1", "main.pane2", "main.pane3", "main.pane4", "main.pane5", "main.next_pane",
                     "main.previous_pane", "pane.filter", "pane.maximize", "main.new_citizen", "main.sparring",
                     "main.numbers", "main.plan")),
    ("keymap.today", ("today.held", "today.no_show", "today.log_contact", "today.meeting_menu", "today.meetings")),
    ("keymap.caseload", ("caseload.log_contact", "caseload.plan_meeting", "deadlines.log_contact",
                         "deadlines.plan_meeting", "deadlines.only_unbooked")),
    ("keymap.doctors", ("doctors.answer", "doctors.reminder")),
    ("keymap.suppliers", ("suppliers.report", "suppliers.next_step", "suppliers.three_party")),
    ("keymap.citizen", ("citizen.new", "citizen.log_contact", "citizen.held", "citizen.no_show", "citizen.edit",
                        "citizen.delete", "citizen.erase", "citizen.reveal", "citizen.next", "citizen.back")),
    ("keymap.sparring", ("sparring.discussed", "sparring.back")),
    ("keymap.plan", ("plan.accept", "plan.move", "plan.skip", "plan.accept_all", "plan.back")),
    ("keymap.lists", ("tasks.done", "week.back", "tasks.back", "reader.back")),
    ("keymap.forms", ("form.save", "form.cancel")),
)
# Keys of a dialog (a question, a menu, help itself) or of a screen that is a task of its own
# (planning the weeks) mean something only while it is open.
DIALOG_PREFIXES = ("confirm.", "menu.", "help.", "failed.", "contact.", "access_log.", "numbers.", "sparring.", "typed_confirm.", "plan.", "invitation.")

SHOWN_KEYS = {"question_mark": "?", "colon": ":", "slash": "/", "escape": "esc", "delete": "del",
              "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End", "enter": "enter",
              "down": "↓", "up": "↑", "left": "←", "right": "→", "shift+tab": "shift+tab"}


def position(binding_id: str | None) -> int:
    """Where a binding comes in the table (for the help screen's order); unknown ones last."""
    for n, (_where, ids) in enumerate(KEY_TABLE):
        if binding_id in ids:
            return n * 100 + ids.index(binding_id)
    return 10_000
