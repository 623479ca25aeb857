"""Health of a database file: SQLite's integrity check, foreign keys, the schema version and
the audit log's hash chain."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ocop_desktop.persistence.migrate import head_revision, known_revisions
from ocop_desktop.services.audit import check_log

SHOWN_BREAKS = 5


@dataclass
class HealthReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(path: Path) -> HealthReport:
    """Read-only checks: the file is opened with mode=ro and never written."""
    report = HealthReport(path)
    if not path.exists():
        report.problems.append(f"Không có tệp dữ liệu {path}. Hãy chạy «ocop init» để tạo.")
        return report
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        report.problems.append(f"Không mở được tệp dữ liệu: {exc}.")
        return report
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows == ["ok"]:
            report.facts.append("Kiểm tra toàn vẹn SQLite: đạt.")
        else:
            report.problems.append("Tệp dữ liệu bị hỏng: " + "; ".join(rows[:5]))
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            report.problems.append(f"Có {len(broken)} bản ghi trỏ tới bản ghi không tồn tại.")
        else:
            report.facts.append("Liên kết giữa các bảng: đạt.")
        try:
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            version = None
        head = head_revision()
        if version is None:
            report.problems.append("Tệp không có thông tin phiên bản lược đồ; không phải dữ liệu OCOP Desktop.")
        elif version[0] == head:
            report.facts.append(f"Phiên bản lược đồ: {head} (mới nhất).")
            _check_audit(conn, report)
        elif version[0] in known_revisions():
            report.problems.append(
                f"Lược đồ {version[0]} cũ hơn phiên bản {head} của ứng dụng; hãy chạy «ocop init» để nâng cấp."
            )
        else:
            report.problems.append(
                f"Lược đồ {version[0]} do phiên bản mới hơn của ứng dụng tạo ra; hãy cập nhật OCOP Desktop."
            )
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"Tệp dữ liệu bị hỏng hoặc không phải SQLite: {exc}.")
    finally:
        conn.close()
    return report


def _check_audit(conn: sqlite3.Connection, report: HealthReport) -> None:
    log = check_log(conn)
    if log.sound:
        report.facts.append(f"Nhật ký thay đổi: {log.entries} mục, chuỗi mã kiểm tra liền mạch.")
        return
    for item in log.breaks[:SHOWN_BREAKS]:
        report.problems.append(f"Nhật ký thay đổi bị sửa ngoài ứng dụng — {item.message}")
    if len(log.breaks) > SHOWN_BREAKS:
        report.problems.append(f"… và {len(log.breaks) - SHOWN_BREAKS} chỗ đứt khác trong nhật ký thay đổi.")
    for item in log.mismatches[:SHOWN_BREAKS]:
        report.problems.append(item)
    if len(log.mismatches) > SHOWN_BREAKS:
        report.problems.append(f"… và {len(log.mismatches) - SHOWN_BREAKS} bản ghi khác không khớp nhật ký.")
