"""Subcommands of `ocop`, one module per capability; each has register(sub, command)."""
