"""Health of a database file: SQLite's integrity check, foreign keys, the schema version, the
audit log's hash chain with every covered record, its anchors outside the file, and the
reference tables against the files shipped with the program."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from ocop_desktop.persistence.database import damaged, is_writable, model_problems
from ocop_desktop.persistence.engine import is_server_url, make_engine, shown_url
from ocop_desktop.persistence.migrate import head_revision, known_revisions
from ocop_desktop.persistence.server_reader import ServerReader
from ocop_desktop.persistence.snapshot import UnfinishedOnReadOnlyMedia, integrity_problems, read_only_uri
from ocop_desktop.services.anchors import database_anchor_problems
from ocop_desktop.services.reference_check import reference_problems
from ocop_desktop.services.tamper import check_log

SHOWN_BREAKS = 5


@dataclass
class HealthReport:
    path: Path | str  # a file, or a server's URL as it may be shown
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    read_only: bool = False  # the file sits where it cannot be written (it can still be read)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_database(path: Path | str) -> HealthReport:
    """Read-only checks: the file is opened with mode=ro (immutable where its folder cannot be
    written) and never written. A damaged file's problem says how to restore it. A server URL
    (issue 18) gets the checks that mean something there (``check_server``)."""
    if is_server_url(path):
        return check_server(str(path))
    path = Path(path)
    report = HealthReport(path)
    if not path.exists():
        report.problems.append(f"Không có tệp dữ liệu {path}. Hãy chạy «ocop init» để tạo.")
        return report
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except (sqlite3.Error, UnfinishedOnReadOnlyMedia) as exc:
        report.problems.append(f"Không mở được tệp dữ liệu: {exc}" if isinstance(exc, sqlite3.Error) else str(exc))
        return report
    try:
        damage = integrity_problems(conn) or model_problems(conn)
        if damage:
            report.problems.append(str(damaged(path, damage)))
            return report
        report.facts.append("Kiểm tra toàn vẹn SQLite: đạt.")
        report.read_only = not is_writable(path)
        if report.read_only:
            report.facts.append(
                "Tệp nằm ở nơi chỉ đọc (ổ đĩa chống ghi, đĩa CD hoặc thư mục bị khóa): "
                "xem và sao lưu được, không ghi được."
            )
        _check_links_and_version(conn, report, path)
    except sqlite3.OperationalError as exc:
        if "could not decode" not in str(exc).lower():
            report.problems.append(f"Không đọc được tệp dữ liệu {path} ({exc}). Hãy kiểm tra ổ đĩa rồi chạy lại.")
        else:
            report.problems.append(str(damaged(path, [str(exc)])))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        report.problems.append(str(damaged(path, [str(exc)])))
    finally:
        conn.close()
    return report


def check_server(location: str) -> HealthReport:
    """The checks of a file that mean something on a PostgreSQL server, read in one read-only
    transaction: the schema version, the audit log's chain with every covered record, the
    reference tables. The server keeps its own storage sound and enforces every foreign key
    itself, so neither is read here; nor are anchors, which are made by file backups."""
    report = HealthReport(shown_url(location))
    try:
        engine = make_engine(location, read_only=True)
        try:
            with engine.connect() as connection:
                report.facts.append("Máy chủ PostgreSQL: kết nối được; toàn vẹn lưu trữ do máy chủ tự bảo đảm.")
                _check_links_and_version(ServerReader(connection), report, None)  # type: ignore[arg-type]
        finally:
            engine.dispose()
    except DBAPIError as exc:
        report.problems.append(f"Không đọc được dữ liệu trên máy chủ {shown_url(location)}: {exc.orig}")
    return report


def _check_links_and_version(conn: sqlite3.Connection, report: HealthReport, path: Path | None) -> None:
    if path is None:  # a server
        report.facts.append("Liên kết giữa các bảng: PostgreSQL tự kiểm tra mọi khóa ngoại khi ghi.")
    elif broken := conn.execute("PRAGMA foreign_key_check").fetchall():
        report.problems.append(f"Có {len(broken)} bản ghi trỏ tới bản ghi không tồn tại.")
    else:
        report.facts.append("Liên kết giữa các bảng: đạt.")
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.Error, DBAPIError):
        version = None
    head = head_revision()
    if version is None:
        report.problems.append("Tệp không có thông tin phiên bản lược đồ; không phải dữ liệu OCOP Desktop.")
    elif version[0] == head:
        report.facts.append(f"Phiên bản lược đồ: {head} (mới nhất).")
        _check_audit(conn, report)
        if path is not None:
            _check_anchors(conn, report, path)
        problems, facts = reference_problems(conn)
        report.problems.extend(problems)
        report.facts.extend(facts)
    elif version[0] in known_revisions():
        report.problems.append(
            f"Lược đồ {version[0]} cũ hơn phiên bản {head} của ứng dụng; hãy chạy «ocop init» để nâng cấp."
        )
    else:
        report.problems.append(
            f"Lược đồ {version[0]} do phiên bản mới hơn của ứng dụng tạo ra; hãy cập nhật OCOP Desktop."
        )


def _check_audit(conn: sqlite3.Connection, report: HealthReport) -> None:
    log = check_log(conn)
    if log.sound:
        report.facts.append(f"Nhật ký thay đổi: {log.entries} mục, chuỗi mã kiểm tra liền mạch.")
        return
    for item in log.breaks[:SHOWN_BREAKS]:
        report.problems.append(f"Nhật ký thay đổi bị sửa ngoài ứng dụng — {item.message}")
    if len(log.breaks) > SHOWN_BREAKS:
        report.problems.append(f"… và {len(log.breaks) - SHOWN_BREAKS} chỗ đứt khác trong nhật ký thay đổi.")
    for mismatch in log.mismatches[:SHOWN_BREAKS]:
        report.problems.append(mismatch)
    if len(log.mismatches) > SHOWN_BREAKS:
        report.problems.append(f"… và {len(log.mismatches) - SHOWN_BREAKS} bản ghi khác không khớp nhật ký.")


def _check_anchors(conn: sqlite3.Connection, report: HealthReport, path: Path) -> None:
    problems, count = database_anchor_problems(conn, path)
    report.problems.extend(problems)
    if count and not problems:
        report.facts.append(f"Mốc xác nhận bên ngoài (bản sao lưu, gói đã gửi): {count} mốc, đều khớp nhật ký.")
