"""The baseline: the least a Textual app can do — one Static saying ready, and one key ("2")
that changes it, so that "time to interactive" has a bare figure too."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App):
    BINDINGS = [("2", "answer", "answer")]

    def compose(self) -> ComposeResult:
        yield Static("BARE-READY")

    def action_answer(self) -> None:
        self.query_one(Static).update("BARE-ANSWERED")


if __name__ == "__main__":
    Bare().run()
