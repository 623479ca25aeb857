"""`ocop-desktop --self-test` from source: every check passes, and a broken one is reported."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from tests.bundle.conftest import ROOT

CHECKS = 9


def _run(args: list[str], tmp_path) -> subprocess.CompletedProcess:
    # HOME and XDG point into tmp: the self-test must not need (or touch) the user's data folder.
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONIOENCODING="utf-8",
    )
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=180
    )


def test_self_test_from_source_passes_every_check(tmp_path):
    done = _run(["-m", "ocop_desktop", "--self-test"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Tự kiểm tra OCOP Desktop") and "chạy từ mã nguồn" in lines[0]
    passed = [line for line in lines if line.startswith("✓ ")]
    assert len(passed) == CHECKS, done.stdout
    said = "\n".join(passed)
    for what in (
        "Cơ sở dữ liệu tạm",
        "Dữ liệu mẫu muong-ang-2024",
        "10 sản phẩm",
        "Báo cáo PDF",
        "phông chữ nhúng",
        "Báo cáo Excel",
        "«Office not set up» → «Chưa thiết lập đơn vị»",
        "Rà soát sản phẩm",
    ):
        assert what in said
    assert lines[-1] == f"Tự kiểm tra đạt: {CHECKS}/{CHECKS} mục."
    assert not (tmp_path / "data").exists() and not (tmp_path / "config").exists()


class _Closable:
    def close(self) -> None:
        pass


def _stand_in_checks(monkeypatch) -> None:
    """Every check replaced by one that passes at once: these tests are about how the runner
    reports a failure and goes on, not about what the checks find, which
    test_self_test_from_source_passes_every_check shows with the real ones (each of these
    runs cost a whole self-test, ~20 s on a busy machine, in a process of its own)."""
    import ocop_desktop.selftest as s

    for name in (
        "_resources",
        "_database",
        "_reference",
        "_sample",
        "_pdf",
        "_xlsx",
        "_signing",
        "_translation",
        "_window",
    ):
        monkeypatch.setattr(s, name, lambda *args, name=name: (f"{name} đạt", _Closable()))


def _self_test(monkeypatch, name: str, fails) -> tuple[int, str]:
    import ocop_desktop.selftest as s

    _stand_in_checks(monkeypatch)
    monkeypatch.setattr(s, name, fails)
    out = io.StringIO()
    return s.run_self_test(out), out.getvalue()


def test_a_failing_check_is_reported_and_the_others_still_run(monkeypatch):
    def broken(make_uow, tmp):
        raise RuntimeError("phông chữ không được nhúng vào PDF")

    code, said = _self_test(monkeypatch, "_pdf", broken)
    assert code == 1, said
    assert "✗ Báo cáo PDF có nhúng phông chữ: RuntimeError: phông chữ không được nhúng vào PDF" in said
    assert said.count("✓ ") == CHECKS - 1  # the Excel, translation and window checks still ran
    assert "✓ Báo cáo Excel (xlsx)" in said and "✓ Cửa sổ chính dựng được" in said
    assert said.splitlines()[-1] == f"Tự kiểm tra KHÔNG ĐẠT: 1/{CHECKS} mục lỗi."


def test_a_check_that_depends_on_a_failed_one_says_it_was_skipped(monkeypatch):
    def broken(tmp):
        raise OSError("ổ đĩa đầy")

    code, said = _self_test(monkeypatch, "_database", broken)
    assert code == 1
    assert "✗ Cơ sở dữ liệu tạm và nâng cấp lược đồ: OSError: ổ đĩa đầy" in said
    assert "✗ Dữ liệu tham chiếu: bỏ qua vì cơ sở dữ liệu không đạt" in said
    assert "✗ Cửa sổ chính dựng được: bỏ qua vì cơ sở dữ liệu không đạt" in said
    assert "✓ Bản dịch tiếng Việt" in said
