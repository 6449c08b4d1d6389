"""If the program ever crashes, its report names the place, not the values: no CPR number and
no note text from local variables or the exception's message."""

from __future__ import annotations

from tests.app_helpers import settle


def _explode(secret_cpr: str, secret_note: str) -> None:
    note = secret_note  # noqa: F841 - a local a crash report must not print
    raise RuntimeError(f"could not save {secret_cpr}: {secret_note}")


async def test_a_crash_report_holds_no_cpr_and_no_note(make_app) -> None:
    secret_cpr, secret_note = "010190-1234", "psykiatrisk indlæggelse"
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        try:
            _explode(secret_cpr, secret_note)
        except RuntimeError:
            app._fatal_error()  # what Textual calls for an unhandled exception
        report = list(app._exit_renderables)
        app._exit_renderables.clear()
    text = "".join(seg.text for r in report for seg in r.segments)
    assert "RuntimeError" in text and "_explode" in text
    assert secret_cpr not in text and secret_note not in text
