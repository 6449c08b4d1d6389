"""One module per pane, each on `tui.panes.base.Pane`."""
