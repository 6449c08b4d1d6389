"""Modal forms for every write path: one module per subject, all on `tui.forms.base`."""
