"""The form screen every write path uses: label, input and an error line per field, ctrl+s
saves, esc cancels (and asks first if anything was typed). A failed save — bad input, a record
changed elsewhere, a full disk — keeps every field as typed and says what to fix beside it.

A form subclass names its `Values` class (`values_type`: the fields, each with its type; see
tui/forms/fields.py) and implements `command(values)`, returning a store command value built
from the typed values. Saving posts `Write(command)` to the app's one writer; the form then
acts only on the answer to that very command (`Written`/`WriteFailed`, compared by identity),
closes only while it is the top screen, cannot send a second save meanwhile, and esc waits for
the save. `warnings(store, values)` (things worth a second look) runs on a worker thread: it may read the store."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, time
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from store.errors import Conflict, Invalid
from tui.forms.fields import Field, FieldError, Values, read
from tui.frames import close_in_one_frame, prepare_toast
from tui.host import host
from tui.i18n import dates, t
from tui.i18n.catalog import has
from tui.messages import Write, WriteFailed, Written
from tui.screens.confirm import ConfirmScreen
from tui.text import clean

if TYPE_CHECKING:
    from store.commands.base import Command
    from store.facade import Store

V = TypeVar("V", bound=Values)


class FormScreen(ModalScreen[object], Generic[V]):
    """Dismissed with the saved command's result, or None when cancelled."""

    title_key: ClassVar[str] = ""
    values_type: type[V]  # the form's Values subclass: its fields, in the order shown
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: it must wait behind the keys typed before it (a fast typist, a
        # paste), which the focused field is still handling, or the save would miss them.
        Binding("ctrl+s", "save", "key.save", id="form.save"),
        Binding("escape", "cancel", "key.cancel", id="form.cancel"),
    ]
    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form-box { width: 86; max-width: 100%; height: auto; max-height: 95%;
        border: round $accent; background: $surface; padding: 0 1; }
    FormScreen #form-fields { height: auto; max-height: 40; }
    FormScreen Label.form-label { margin-top: 1; color: $foreground; text-style: bold; }
    FormScreen TextArea { height: 5; }
    FormScreen .form-hint { color: $foreground-muted; }
    FormScreen #form-problem { color: $text-error; height: auto; }
    FormScreen #form-warning { color: $text-warning; height: auto; }
    """

    def __init__(self, *, context: str = "", initial: Mapping[str, object] | None = None) -> None:
        super().__init__()
        self.context = context  # e.g. the citizen's name, shown in the title
        self.initial: dict[str, object] = dict(initial or {})  # field name -> value (or its text)
        self.saving = False  # from ctrl+s until the answer to our command is handled
        self.pending: Command[object] | None = None  # the command sent, awaiting its answer
        self.saved: Written | None = None  # saved while covered: close when on top again
        self.notice = ""  # what the toast says once saved (saved_text)
        self.confirmed_warnings = False
        self.override_version: int | None = None
        self._shown: dict[str, str] = {}

    @property
    def fields(self) -> tuple[Field[object], ...]:
        return self.values_type.fields

    def choices_day(self) -> date:
        """The day whose choices a choice field offers (the LÆ forms in force)."""
        return host(self).clock.today()

    # -- building ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box") as box:
            box.border_title = t(self.title_key) + (f" · {clean(self.context, limit=60)}" if self.context else "")
            box.border_subtitle = t("form.keys")
            with VerticalScroll(id="form-fields"):
                for field in self.fields:
                    yield Label(t(field.label) + (" *" if field.required else ""), classes="form-label")
                    yield self._widget(field)
                    if field.hint:
                        yield Static(Text(t(field.hint)), classes="form-hint")
                    yield Static("", id=f"error-{field.name}", classes="field-error")
            yield Static("", id="form-warning")
            yield Static("", id="form-problem")

    def _widget(self, field: Field[object]) -> Widget:
        value = self.initial.get(field.name, field.default)
        if value == "today":
            value = host(self).clock.today()
        ident = f"field-{field.name}"
        if field.kind == "long":
            return TextArea(value if isinstance(value, str) else "", id=ident, soft_wrap=True,
                            show_line_numbers=False, tab_behavior="focus")
        if field.kind == "bool":
            return Checkbox(t(field.label), bool(value), id=ident)
        if field.kind == "choice":
            options = [(t(label), key) for key, label in field.options(self.choices_day())]
            # A required choice without a default starts blank: the person must choose.
            return Select(options, value=value if isinstance(value, str) else Select.NULL,
                          allow_blank=not field.required or value is None,
                          id=ident, prompt=t("form.choose"))
        if field.kind == "date":
            from tui.forms.date_input import DateInput

            return DateInput(self._as_text(field, value), id=ident)
        return Input(self._as_text(field, value), id=ident)

    def _as_text(self, field: Field[object], value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            return dates.fmt_date(value)
        if isinstance(value, time):
            return value.strftime("%H.%M")
        return str(value)

    def on_mount(self) -> None:
        self._shown = {f.name: self.query_one(f"#field-{f.name}", TextArea).text
                       for f in self.fields if f.kind == "long" and isinstance(self.initial.get(f.name), str)}
        first = self.query("#form-fields > Input, #form-fields > TextArea, #form-fields > Select, #form-fields > Checkbox")
        if first:
            first.first().focus()
        self.start = self.raw_values()
        self.call_after_refresh(self._prepare_save)

    def _prepare_save(self) -> None:
        """Once the form is drawn, make its save cost what a later one does: the command it
        would send now (its fields as they start) is rehearsed on the writer's thread and
        rolled back, so the save's statements are compiled (tui/writer.py), and the toast it
        closes with has its styles (tui/frames.py). A form whose fields do not yet make a
        command (a required field empty) skips the rehearsal."""
        if not self.is_attached:
            return
        prepare_toast(self.app)
        rehearse = getattr(self.app, "rehearse_write", None)
        if rehearse is None or host(self).store is None:
            return
        try:
            command = self.command(self.values())
        except Exception:  # noqa: BLE001 - fields not yet valid: nothing to rehearse
            return
        rehearse(command)

    # -- reading -----------------------------------------------------------------------------

    def raw_values(self) -> dict[str, object]:
        """What each field holds as typed (text, a chosen key, a tick), by field name."""
        out: dict[str, object] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, TextArea):
                # Textual's TextArea turns every line separator (\r\n, \f, U+2028 ...) into its
                # own newline; a stored text that comes back unedited is saved exactly as it was.
                unedited = widget.text == self._shown.get(field.name)
                out[field.name] = self.initial.get(field.name) if unedited else widget.text
            elif isinstance(widget, Checkbox):
                out[field.name] = widget.value
            elif isinstance(widget, Select):
                out[field.name] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, Input):
                out[field.name] = widget.value
        return out

    def values(self) -> V:
        """Every field read and checked, as the form's typed Values; else _Many errors."""
        today = host(self).clock.today()
        raw = self.raw_values()
        values: dict[str, object] = {}
        errors: list[FieldError] = []
        for field in self.fields:
            try:
                values[field.name] = read(field, raw[field.name], today)
            except FieldError as exc:
                errors.append(exc)
        if errors:
            raise _Many(errors)
        return self.values_type(values)

    def show_error(self, field: str | None, message: str) -> None:
        target = f"#error-{field}" if field and self.query(f"#error-{field}") else "#form-problem"
        self.query_one(target, Static).update(Text(message))

    def clear_errors(self) -> None:
        # Only lines that say something: emptying an empty line still lays the form out again.
        for static in [*self.query(".field-error").results(Static), self.query_one("#form-problem", Static)]:
            if static.content:
                static.update("")

    # -- saving ------------------------------------------------------------------------------

    def command(self, values: V) -> Command[object]:  # pragma: no cover - abstract
        raise NotImplementedError

    def warnings(self, store: Store, values: V) -> list[str]:
        """Things worth a second look that are not errors (an overlap, a closed day). Runs on a
        worker thread, so it may read the store; it must not touch widgets."""
        return []

    def has_warnings(self) -> bool:
        """Whether this form checks for warnings at all (it overrides `warnings`)."""
        return type(self).warnings is not FormScreen.warnings

    class _Checked(Message):
        def __init__(self, values: Values, found: list[str] | None, error: BaseException | None) -> None:
            super().__init__()
            self.values = values
            self.found = found
            self.error = error

    def action_save(self) -> None:
        if self.saving:
            return  # one save at a time: the answer to the first decides
        store = host(self).store
        if store is None:
            self.show_error(None, t("app.still_opening"))
            return
        if host(self).read_only:
            self.show_error(None, t("app.read_only_refused"))
            return
        self.clear_errors()
        try:
            values = self.values()
        except _Many as many:
            for exc in many.errors:
                self.show_error(exc.field, exc.message)
            self.query_one(f"#field-{many.errors[0].field}").focus()
            return
        self.saving = True
        if self.confirmed_warnings or not self.has_warnings():
            self._send(values)  # nothing to check first: no trip to a worker thread and back
        else:
            self._check(store, values)

    @work(thread=True, exclusive=True, exit_on_error=False, group="form-check")
    def _check(self, store: Store, values: V) -> None:
        try:
            self.post_message(self._Checked(values, self.warnings(store, values), None))
        except Exception as exc:  # noqa: BLE001 - shown beside the form, never a crash
            self.post_message(self._Checked(values, None, exc))

    @on(_Checked)
    def _checked(self, message: _Checked) -> None:
        if message.error is not None:
            self.saving = False
            host(self).report(message.error)
            return
        if message.found:
            self.saving = False
            self.confirmed_warnings = True
            self.query_one("#form-warning", Static).update(Text("\n".join(message.found) + "\n" + t("form.save_again")))
            return
        values = message.values
        assert isinstance(values, self.values_type)  # the values _check was given, back again
        self._send(values)

    def _send(self, values: V) -> None:
        command = self.command(values)
        if self.override_version is not None and hasattr(command, "expected_version"):
            # The user saw both versions and chose theirs.
            command = dataclasses.replace(command, expected_version=self.override_version)  # type: ignore[type-var]
        self.pending = command
        self.notice = self.saved_text(values)
        # No notice in the Write: the form says it itself as it closes (_close_if_on_top).
        self.app.post_message(Write(command, what="", shows_errors=True))

    @on(Written)
    def _written(self, message: Written) -> None:
        if message.command is not self.pending:
            return  # somebody else's save
        self.pending = None
        self.saved = message
        self.after_saved(message.outcome.value)
        self._close_if_on_top()

    def after_saved(self, value: object) -> None:
        """What a form does once its command is saved, with the command's result (a new due
        date to show, a follow-up to offer). Runs once, before the form closes."""

    def on_screen_resume(self) -> None:
        self._close_if_on_top()

    def _close_if_on_top(self) -> None:
        if self.saved is not None and self.app.screen is self:
            # One frame shows the form gone and the toast on the screen beneath (tui/frames.py):
            # notified from the form, the toast was drawn on it and again once it had gone.
            close_in_one_frame(self, self.saved.outcome.value, self.notice)

    @on(WriteFailed)
    def _write_failed(self, message: WriteFailed) -> None:
        if message.command is not self.pending:
            return
        self.pending = None
        self.saving = False
        self.confirmed_warnings = False
        self.failed(message.error)

    def failed(self, exc: BaseException) -> None:
        from tui.errors import conflict_text, describe  # imports SQLAlchemy: kept out of start-up

        if isinstance(exc, Conflict):
            self.override_version = exc.found
            self.show_error(None, conflict_text(exc, self.fields))
        elif isinstance(exc, Invalid):
            self.show_error(exc.field, t("error.invalid_field", message=_invalid_text(exc)))
        else:
            self.show_error(None, describe(exc))

    def saved_text(self, values: V) -> str:
        """What was saved, for the toast: `Samtale planlagt fre 27-11-2026 10.00 · Anna Hansen`.
        `form_when(values)` fills {when} where a form has a date worth repeating."""
        from tui.i18n.catalog import has

        key = "saved." + self.title_key.removeprefix("form.")
        what = t(key, when=self.form_when(values)).strip() if has(key) else t("form.saved", what=t(self.title_key))
        return f"{what} · {clean(self.context, limit=60)}" if self.context else what

    def form_when(self, values: V) -> str:
        return ""

    def action_cancel(self) -> None:
        if self.saving:
            # esc during a save waits for it: the form closes by itself once saved, or stays
            # with the reason beside the field if the save fails.
            self.show_error(None, t("form.saving"))
            return
        if self.raw_values() != self.start:
            self.app.push_screen(ConfirmScreen(t("form.discard")), self._discard)
        else:
            self.dismiss(None)

    def _discard(self, yes: bool | None) -> None:
        if yes and self.app.screen is self and not self.saving:
            self.dismiss(None)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        # enter in a one-line field moves on, like tab; ctrl+s saves.
        event.stop()
        self.focus_next()


def _invalid_text(exc: Invalid) -> str:
    key = "invalid." + exc.code
    return t(key, **exc.params) if has(key) or has(key, "da") else str(exc)


class _Many(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(errors)
        self.errors = errors

