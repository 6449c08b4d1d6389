"""The one error every parser raises, carrying enough to be shown in English or translated."""

from __future__ import annotations


class ParseError(ValueError):
    """What the caseworker typed cannot be read.

    `code` and `params` let the UI translate; `message` says what is wrong and `example`
    shows a value that would have worked, because "invalid date" alone does not help anyone
    fix it. A ValueError, so callers that already catch ValueError keep working."""

    def __init__(self, code: str, message: str, example: str, **params: object) -> None:
        self.code = code
        self.message = message
        self.example = example
        self.params = params
        super().__init__(f"{message} (for example: {example})")
