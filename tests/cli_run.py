"""`ocop …` run inside the test process, as a new process would run it, about a second faster a call.

``ocop(*args, env=None, input=None)`` calls ``ocop_desktop.cli.main`` with its own stdout, stderr
and stdin (empty unless ``input`` is given: not a terminal, like ``stdin=DEVNULL``), ``env``
laid over ``os.environ`` for the call only, and returns what ``subprocess.run`` would:
``.returncode``, ``.stdout``, ``.stderr``, ``.args``. A usage error (argparse's SystemExit)
becomes its exit status, as in a process.

What a process would not carry from one run to the next is put back after each call: the
environment (exactly), the log handlers and levels ``setup_logging`` installs, the writer locks
(``release_locks``), argparse's Vietnamese wording (``cli_messages.install``), and the core's
display language, Vietnamese at the start of every process. What stays is only what a process
recomputes identically: imported modules and caches of the shipped reference files.

A test where the process itself is the subject (killed, holding a lock against another
process, measuring imports, a terminal, a named pipe that could hang, the console entry
point) starts a real one with subprocess instead.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Done:
    """What subprocess.CompletedProcess holds for a run of `ocop`."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str


class _Stream(io.StringIO):
    """Captured output that survives close(): `ocop … | head` closes stderr on a broken pipe."""

    def close(self) -> None:
        pass


def _exit_status(exc: SystemExit, stderr: io.StringIO) -> int:
    """The status Python gives a process ending in SystemExit(code)."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=stderr)
    return 1


def ocop(*args: object, env: Mapping[str, str | None] | None = None, input: str | None = None) -> Done:
    """Run `ocop ARGS…` in this process; ``env`` values of None remove the variable for the call."""
    from ocop_desktop import cli  # noqa: PLC0415  (after conftest has set the log folder)
    from ocop_desktop.commands.common import release_locks  # noqa: PLC0415
    from ocop_desktop.domain.language import VIETNAMESE, display_language, set_display_language  # noqa: PLC0415

    argv = [str(a) for a in args]
    saved_env = dict(os.environ)
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    root, ours = logging.getLogger(), logging.getLogger("ocop_desktop")
    saved_handlers, saved_levels = list(root.handlers), (root.level, ours.level)
    saved_language = display_language()
    stdout, stderr = _Stream(), _Stream()
    for key, value in (env or {}).items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    set_display_language(VIETNAMESE)
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(input or ""), stdout, stderr
    try:
        try:
            code = cli.main(argv)
        except SystemExit as exc:
            code = _exit_status(exc, stderr)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        release_locks()  # main's finally releases them; here too in case it was never reached
        for handler in list(root.handlers):  # the log file a process would close when it ends
            if handler not in saved_handlers:
                root.removeHandler(handler)
                handler.close()
        for handler in saved_handlers:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(saved_levels[0])
        ours.setLevel(saved_levels[1])
        set_display_language(saved_language)
        for key in [k for k in os.environ if k not in saved_env]:
            del os.environ[key]
        for key, value in saved_env.items():
            if os.environ.get(key) != value:
                os.environ[key] = value
    return Done(argv, code, stdout.getvalue(), stderr.getvalue())
