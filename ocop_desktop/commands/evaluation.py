"""`ocop` subcommands for evaluation (filled in by its issue)."""

from __future__ import annotations


def register(sub, command) -> None:
    """Add this module's subcommands; `command(name, help, func, parent=sub)` makes one."""
