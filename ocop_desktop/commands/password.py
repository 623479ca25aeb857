"""A server's password asked at the terminal when libpq has none: never echoed, never stored."""

from __future__ import annotations

import getpass
import sys

from ocop_desktop.persistence.database import PasswordAsker


def is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask(shown: str, user: str, wrong: bool) -> str | None:
    """The password typed (None if nothing was: the user gave up)."""
    if wrong:
        print("Máy chủ không nhận mật khẩu này; hãy gõ lại.", file=sys.stderr)
    try:
        typed = getpass.getpass(f"Mật khẩu của người dùng «{user}» trên máy chủ {shown}: ")
    except EOFError:
        return None
    return typed or None


def terminal_asker() -> PasswordAsker | None:
    """The prompt when someone sits at a terminal; None for a script or a pipe, which is told
    how to keep the password in PostgreSQL's password file instead."""
    return ask if is_terminal() else None
