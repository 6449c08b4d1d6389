"""The `sagsdag` command line: opens the TUI, or runs one command and exits."""
