"""A second start on the same database brings the first window forward instead of opening it twice."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QWidget

from ocop_desktop.gui.single_instance import SingleInstance, server_name

CHILD = textwrap.dedent("""
    import os, signal, sys
    from PySide6.QtCore import QCoreApplication
    from ocop_desktop.gui.single_instance import SingleInstance
    app = QCoreApplication([])
    instance = SingleInstance(sys.argv[1])
    print("primary" if instance.start() else "secondary", flush=True)
    if sys.argv[2] == "die":
        os.kill(os.getpid(), signal.SIGKILL)  # leaves its socket behind, as after a crash
""")


def _child(db_path, mode: str = "ping") -> str:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), mode],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return done.stdout.strip()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform used in tests
def test_the_second_instance_pings_the_first_which_comes_forward(qtbot, tmp_path):
    db_path = tmp_path / "ocop.db"
    window = QWidget()
    qtbot.addWidget(window)
    # Parented, as in the application where they live as long as it does; a QObject left to the
    # garbage collector while pytest-qt still watches its signal would be deleted under Qt's feet.
    first, second = SingleInstance(db_path, window), SingleInstance(db_path, window)
    window.showMinimized()
    assert first.start() and first.primary
    first.attach(window)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.start() is False
    assert not second.primary
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible())
    first.close()
    assert second.start() is True  # once the first has gone, the next start is the first
    second.close()


def test_a_start_in_another_process_is_told_to_step_aside(qtbot, tmp_path):
    db_path = tmp_path / "ocop.db"
    owner = QWidget()
    qtbot.addWidget(owner)
    first = SingleInstance(db_path, owner)
    assert first.start()
    with qtbot.waitSignal(first.activated, timeout=20000):
        result = []
        # The child blocks in waitForConnected while this process serves it: run it beside the loop.
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db_path), "ping"],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20000)
        result.append(proc.stdout.read().strip())
        proc.stdout.close()
    assert result == ["secondary"]
    first.close()


def test_other_databases_get_their_own_window(tmp_path):
    assert server_name(tmp_path / "a.db") != server_name(tmp_path / "b.db")
    assert server_name(tmp_path / "a.db") == server_name(tmp_path / "." / "a.db")


def test_a_server_database_is_one_database_whichever_folder_the_window_starts_in(tmp_path, monkeypatch):
    """A server's database is named by its URL, not resolved as a path against the start folder;
    its password, the driver's name and the host's case do not make it another database."""
    url = "postgresql://xa_ang_nua@so-nn.dienbien.local:5432/ocop_tinh"
    monkeypatch.chdir(tmp_path)
    here = server_name(url)
    elsewhere = tmp_path / "khac"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert server_name(url) == here
    assert server_name("postgresql+psycopg://xa_ang_nua:mat-khau@SO-NN.dienbien.local/ocop_tinh") == here
    assert server_name("postgresql://xa_ang_nua@so-nn.dienbien.local:5432/ocop_huyen") != here  # another database
    assert server_name("postgresql://tinh_a@so-nn.dienbien.local:5432/ocop_tinh") != here  # another login


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe does not outlive its process")
def test_a_socket_left_by_a_crashed_instance_does_not_block_the_next_start(qtbot, tmp_path):
    db_path = tmp_path / "ocop.db"
    assert _child(db_path, "die") == "primary"
    fresh = SingleInstance(db_path)
    assert fresh.start() is True
    fresh.close()
