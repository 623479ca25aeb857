"""Trợ giúp → Mở dữ liệu mẫu prepares the sample's own file and opens it in a new process."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMainWindow, QMessageBox

from ocop_desktop.gui.open_sample import sample_command
from ocop_desktop.services.sample import prepare_sample_database, sample_database_path


def test_the_sample_opens_in_a_new_process_on_its_own_file(qtbot, jobs, tmp_path):
    sample = sample_database_path(tmp_path / "data")
    launched = []
    window = QMainWindow()
    qtbot.addWidget(window)
    command = sample_command(
        jobs,
        lambda: prepare_sample_database(sample),
        launch=lambda program, args: launched.append([program, *args]) or True,
    )

    command(window)
    qtbot.waitUntil(lambda: bool(launched), timeout=30_000)

    assert launched == [[sys.executable, "-m", "ocop_desktop", "--db", str(sample), "--sample"]]
    assert sample.is_file()


def test_the_frozen_program_starts_itself(qtbot, jobs, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    launched = []
    command = sample_command(
        jobs, lambda: tmp_path / "mau.db", launch=lambda program, args: launched.append([program, *args]) or True
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    command(window)
    qtbot.waitUntil(lambda: bool(launched))
    assert launched == [[sys.executable, "--db", str(tmp_path / "mau.db"), "--sample"]]


def test_a_failure_is_explained(qtbot, jobs, vietnamese, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((title, text)))

    def full_disk():
        import errno

        raise OSError(errno.ENOSPC, "No space left on device", "/home/u/mau")

    command = sample_command(jobs, full_disk, launch=lambda *a: True)
    window = QMainWindow()
    qtbot.addWidget(window)
    command(window)
    qtbot.waitUntil(lambda: bool(warned))
    title, text = warned[0]
    assert title == "Dữ liệu mẫu"
    assert text.startswith("Không mở được dữ liệu mẫu: Ổ đĩa «/home/u/mau» đã đầy")
