"""The import graph of store/ and tui/ has no cycle — counting imports inside functions too,
so no function-local import can be hiding one — and the command line and the app stand side
by side on the store: nothing in the app imports the command line."""

from __future__ import annotations

from tests.architecture.imports import cycles, graph


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_no_import_cycles_even_for_the_type_checker() -> None:
    assert cycles(graph(type_checking=True)) == []


def test_the_app_never_imports_the_command_line() -> None:
    edges = graph()
    offenders = sorted(
        f"{module} -> {target}" for module, targets in edges.items() for target in targets
        if target.startswith("tui.cli") and not module.startswith("tui.cli")
    )
    assert offenders == []


def test_store_never_imports_the_ui() -> None:
    edges = graph(type_checking=True)
    assert not [m for m, targets in edges.items() if m.startswith("store") and any(t.startswith("tui") for t in targets)]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
