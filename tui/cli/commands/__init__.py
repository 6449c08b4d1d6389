"""One module per command; each registers its own subparser."""

from tui.cli.commands import agenda, deadlines, demo, due, erasing, exporting, importing, plan, safety

REGISTRY = (
    demo.register, deadlines.register, due.register, agenda.register, importing.register, exporting.register,
    safety.register, plan.register, erasing.register,
)
