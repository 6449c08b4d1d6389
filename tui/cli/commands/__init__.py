"""One module per command; each registers its own subparser."""

from tui.cli.commands import agenda, deadlines, demo, due, exporting, importing, safety

REGISTRY = (
    demo.register, deadlines.register, due.register, agenda.register, importing.register, exporting.register, safety.register,
)
