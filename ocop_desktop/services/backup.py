"""Backups of the office's database: automatic and manual copies, rotation, summaries, restore.

When copies are made: at the first start of each day (``daily_backup_if_due``), before every
migration (persistence/migrate.py), before every package or Excel import (``backup_before``),
before a restore, and whenever the user asks (to a chosen file, e.g. on a USB stick).
Every copy goes through SQLite's online backup API and is verified (persistence/snapshot.py).

Rotation, applied to the automatic copies in ``<db dir>/backups/`` after each new one:
  * the KEEP_NEWEST newest copies are always kept, whatever their reason;
  * of the older ones, the newest copy of each of the last 7 days that have copies,
    of each of the last 4 ISO weeks and of each of the last 12 months is kept;
  * everything else is deleted. Manual copies ("thu-cong") and files the program did not
    name are never deleted.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ocop_desktop.domain.language import Spoken, Text, english
from ocop_desktop.domain.os_errors import os_reason
from ocop_desktop.domain.text import fold
from ocop_desktop.persistence.database import model_problems, open_database
from ocop_desktop.persistence.migrate import head_revision, known_revisions
from ocop_desktop.persistence.models import AuditEntry
from ocop_desktop.persistence.snapshot import (
    BackupName,
    backup_folder,
    backup_path,
    backups_of,
    check_file,
    copy_database,
    integrity_problems,
    made_at_from_name,
    make_backup,
    open_for_reading,
    parse_backup_name,
    remove_leftovers,
)
from ocop_desktop.services import anchors
from ocop_desktop.services.settings import current_actor
from ocop_desktop.services.tamper import check_log

DAILY, MANUAL, BEFORE_RESTORE, DAMAGED = "hang-ngay", "thu-cong", "truoc-khoi-phuc", "hong-truoc-khoi-phuc"
REASON_LABELS = {
    DAILY: "Tự động hằng ngày",
    MANUAL: "Sao lưu thủ công",
    BEFORE_RESTORE: "Trước khi khôi phục",
    DAMAGED: "Tệp hỏng, giữ lại trước khi khôi phục",
}
# backup_before(db, "nhập gói …") names its copy "truoc-nhap-goi-…": shown with its accents again.
BEFORE_LABELS = {
    "nhap-goi": "nhập gói dữ liệu",
    "nhap-excel": "nhập từ Excel",
    "nhap": "nhập dữ liệu",
    "hoan-tac": "hoàn tác",
}
SUMMARY_TABLES = {"products": "sản phẩm", "producers": "chủ thể", "survey_entries": "dòng rà soát", "tasks": "nhiệm vụ"}
SQLITE_HEADER = b"SQLite format 3\x00"


class RestoreRefused(Spoken, ValueError):
    """The chosen file cannot be restored; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class RotationPolicy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    keep_newest: int = 5


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    reason: str
    reason_label: str
    made_at: datetime  # local time
    size: int  # bytes


@dataclass(frozen=True)
class BackupSummary:
    """What a backup (or the current file) holds, shown before a restore."""

    path: Path
    made_at: datetime | None  # local time of the copy (from its name, else the file's time)
    size: int
    schema_version: str | None
    counts: dict[str, int] = field(default_factory=dict)  # products, producers, survey_entries, tasks
    newest_change: datetime | None = None  # local time of the newest recorded change
    problems: tuple[str, ...] = ()  # empty when the file can be restored
    warnings: tuple[str, ...] = ()  # restorable, but the user must know first (a broken audit chain)

    @property
    def restorable(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        parts = [f"{self.counts.get(k, 0)} {label}" for k, label in SUMMARY_TABLES.items()]
        return ", ".join(parts)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None  # the state just before the restore (None if there was no file)
    summary: BackupSummary


def reason_label(reason: str) -> str:
    if reason in REASON_LABELS:
        return REASON_LABELS[reason]
    if reason.startswith("truoc-nang-cap-"):
        return f"Trước khi nâng cấp lược đồ {reason.removeprefix('truoc-nang-cap-')}"
    for slug, label in BEFORE_LABELS.items():
        if reason == f"truoc-{slug}" or reason.startswith(f"truoc-{slug}-"):
            return f"Trước khi {label}"
    if reason.startswith("truoc-"):
        return "Trước khi " + reason.removeprefix("truoc-").replace("-", " ")
    return reason


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40] or "thao-tac"


def _info(b: BackupName) -> BackupInfo:
    return BackupInfo(b.path, b.reason, reason_label(b.reason), b.made_at, b.path.stat().st_size)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """This database's copies in its backups folder, newest first."""
    out = []
    for b in backups_of(db_path):
        try:
            out.append(_info(b))
        except OSError:  # deleted meanwhile
            continue
    return out


def create_backup(
    db_path: Path, reason: str = MANUAL, target: Path | None = None, now: datetime | None = None
) -> BackupInfo:
    """A verified copy: into the backups folder (rotated unless manual), or to ``target``."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise FileNotFoundError(
            Text(f"Không có tệp dữ liệu {db_path} để sao lưu.", f"There is no data file {db_path} to back up.")
        )
    clean_leftovers(db_path)
    if target is not None:
        target = Path(target)
        if target.resolve() == db_path.resolve():
            raise RestoreRefused(
                Text(
                    "Không thể sao lưu đè lên chính tệp dữ liệu; hãy chọn tên tệp khác.",
                    "A backup cannot overwrite the data file itself; choose another file name.",
                )
            )
        if target.exists() and not target.is_file():  # a folder, a device, a pipe: never replaced
            raise RestoreRefused(
                Text(
                    f"«{target}» là thư mục hoặc thiết bị, không phải tệp; hãy ghi tên một tệp "
                    "bản sao, ví dụ E:/ban-sao.sqlite.",
                    f"«{target}» is a folder or a device, not a file; type the name of a backup "
                    "file, for example E:/ban-sao.sqlite.",
                )
            )
        copy_database(db_path, target)  # replaces an existing file only once the copy is verified
        anchors.write_sidecar(db_path, target, f"bản sao lưu {target.name}")
        made = now or datetime.now()
        return BackupInfo(target, MANUAL, REASON_LABELS[MANUAL], made, target.stat().st_size)
    path = make_backup(db_path, reason, when=now)
    anchors.write_sidecar(db_path, path, f"bản sao lưu {path.name}")
    if reason != MANUAL:
        rotate(db_path)
    parsed = parse_backup_name(db_path, path)
    assert parsed is not None
    return _info(parsed)


def clean_leftovers(db_path: Path) -> list[Path]:
    """Delete what killed backups and restores left behind (``.NAME.tmp`` files); a copy that
    another process is still writing is left alone. Run at each backup and at start."""
    db_path = Path(db_path)
    own = (f".{db_path.name}.", f"..{db_path.name}.")  # beside the database: only what a restore leaves
    return remove_leftovers(backup_folder(db_path)) + remove_leftovers(db_path.parent, own)


def backup_before(db_path: Path, reason: str) -> Path:
    """The copy made before a risky action ("nhập gói …", "nhập Excel"); call it before the import."""
    slug = _slug(reason)
    return create_backup(db_path, slug if slug.startswith("truoc-") else f"truoc-{slug}").path


def daily_backup_due(db_path: Path, now: datetime | None = None) -> bool:
    """Whether today's copy is still to be made (the file exists and none was made today)."""
    now = now or datetime.now()
    db_path = Path(db_path)
    if not db_path.is_file():
        return False
    return not any(b.reason == DAILY and b.made_at.date() == now.date() for b in backups_of(db_path))


def daily_backup_if_due(db_path: Path, now: datetime | None = None) -> Path | None:
    """At the first start of each day: a copy, unless one was already made today."""
    now = now or datetime.now()
    db_path = Path(db_path)
    if not db_path.is_file():
        return None
    clean_leftovers(db_path)
    if not daily_backup_due(db_path, now):
        return None
    return create_backup(db_path, DAILY, now=now).path


def rotate(db_path: Path, policy: RotationPolicy = RotationPolicy()) -> list[Path]:
    """Delete the automatic copies the policy does not keep (see the module docstring)."""
    automatic = [b for b in backups_of(db_path) if b.reason != MANUAL]  # newest first
    keep = {b.path for b in automatic[: policy.keep_newest]}
    for count, bucket in (
        (policy.daily, lambda d: d.date()),
        (policy.weekly, lambda d: d.isocalendar()[:2]),
        (policy.monthly, lambda d: (d.year, d.month)),
    ):
        seen: list[Any] = []
        for b in automatic:
            key = bucket(b.made_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(b.path)  # the newest of its day / week / month
    removed = []
    for b in automatic:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            anchors.sidecar_of(b.path).unlink(missing_ok=True)  # its anchor stays in the database's log
            removed.append(b.path)
    return removed


def _local(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def describe(path: Path, chain: bool = True, db_path: Path | None = None) -> BackupSummary:
    """Date, schema and contents of a backup (or of any database file), read-only; with
    ``chain`` its audit log's hash chain is checked too (a broken one is a warning), against the
    copy's anchor and, given the database it would replace, that database's earlier anchors."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return BackupSummary(
            path,
            None,
            0,
            None,
            problems=(
                Text(
                    f"Không đọc được tệp {path}: {os_reason(exc)}.",
                    f"Cannot read the file {path}: {os_reason(exc).en}.",
                ),
            ),
        )
    made_at = made_at_from_name(path) or datetime.fromtimestamp(path.stat().st_mtime)
    if header != SQLITE_HEADER:
        return BackupSummary(
            path,
            made_at,
            size,
            None,
            problems=(
                Text("Tệp này không phải bản sao dữ liệu OCOP Desktop.", "This file is not an OCOP Desktop backup."),
            ),
        )
    try:
        conn = open_for_reading(path)
    except (OSError, sqlite3.Error) as exc:
        return BackupSummary(
            path, made_at, size, None, problems=(Text(f"Không mở được tệp: {exc}.", f"Cannot open the file: {exc}."),)
        )
    try:
        damage = integrity_problems(conn, quick=True)
        if damage:
            return BackupSummary(
                path,
                made_at,
                size,
                None,
                problems=(
                    Text("Bản sao bị hỏng: " + "; ".join(damage), "The backup is damaged: " + "; ".join(damage)),
                ),
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = (
            conn.execute("SELECT version_num FROM alembic_version").fetchone() if "alembic_version" in tables else None
        )
        version = version[0] if version else None
        if version is None:
            # Another program's SQLite file: its tables may share our names but not our columns.
            return BackupSummary(
                path,
                made_at,
                size,
                None,
                problems=(
                    Text(
                        "Tệp là cơ sở dữ liệu SQLite của chương trình khác (không có thông tin phiên bản của OCOP Desktop), "
                        "không phải bản sao dữ liệu OCOP Desktop. Dữ liệu hiện tại không bị thay đổi. "
                        "Hãy chọn một bản sao do OCOP Desktop tạo ra (xem «ocop backup list»).",
                        "The file is another program's SQLite database (it has no OCOP Desktop version information), "
                        "not an OCOP Desktop backup. The current data were not changed. "
                        "Choose a backup made by OCOP Desktop (see «ocop backup list»).",
                    ),
                ),
            )
        if version not in known_revisions():
            return BackupSummary(
                path,
                made_at,
                size,
                version,
                problems=(
                    Text(
                        f"Bản sao do phiên bản OCOP Desktop mới hơn tạo ra (lược đồ {version}); "
                        "hãy cập nhật ứng dụng trước khi khôi phục.",
                        f"The backup was made by a newer version of OCOP Desktop (schema {version}); "
                        "update the application before restoring.",
                    ),
                ),
            )
        if version == head_revision():
            model = model_problems(conn)
            if model:
                return BackupSummary(
                    path,
                    made_at,
                    size,
                    version,
                    problems=(
                        Text(
                            "Bản sao bị hỏng: " + "; ".join(model),
                            "The backup is damaged: " + "; ".join(english(m) for m in model),
                        ),
                    ),
                )
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SUMMARY_TABLES if t in tables}
        newest = []
        for table, column in (("audit_log", "at"), *((t, "updated_at") for t in SUMMARY_TABLES)):
            if table in tables:
                newest.append(conn.execute(f"SELECT max({column}) FROM {table}").fetchone()[0])
        newest_change = _local(max((n for n in newest if n), default=None))
        warnings: tuple[str, ...] = ()
        if chain and version == head_revision():
            warnings = _chain_warnings(conn) + tuple(anchors.copy_anchor_problems(conn, path, db_path, made_at))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return BackupSummary(
            path,
            made_at,
            size,
            None,
            problems=(Text(f"Không đọc được bản sao: {exc}.", f"Cannot read the backup: {exc}."),),
        )
    finally:
        conn.close()
    return BackupSummary(path, made_at, size, version, counts, newest_change, (), warnings)


def _chain_warnings(conn: sqlite3.Connection) -> tuple[str, ...]:
    """The audit log of a copy, checked as `ocop check` does: edits made outside the program."""
    return check_log(conn).warnings()


def newest_good_backup(db_path: Path) -> BackupSummary | None:
    for b in backups_of(db_path):
        summary = describe(b.path, chain=False)
        if summary.restorable:
            return summary
    return None


def _keep_current(db_path: Path) -> tuple[Path, bool]:
    """The current state, kept before it is replaced, and whether it was damaged. A sound file
    gets a verified copy; a damaged one is kept byte for byte (with its -wal), as evidence and
    for any later rescue, since a page copy would not reproduce it (nothing has it open now)."""
    if not check_file(db_path, quick=True):
        return make_backup(db_path, BEFORE_RESTORE), False
    target = backup_path(db_path, DAMAGED)
    target.parent.mkdir(parents=True, exist_ok=True)
    for extra in ("-wal", ""):
        side = Path(f"{db_path}{extra}")
        if side.exists():
            tmp = target.with_name(f".{target.name}{extra}.tmp")
            try:
                shutil.copyfile(side, tmp)
                os.replace(tmp, Path(f"{target}{extra}"))
            finally:
                tmp.unlink(missing_ok=True)
    return target, True


def restore(db_path: Path, backup: Path, actor: str = "") -> RestoreResult:
    """Replace the database's contents with ``backup``, after keeping the current state. The
    caller holds the database's writer lock (the window does while open; `ocop restore` takes it).

    The copy goes through SQLite's backup API into the live file, as one write transaction:
    a power cut in the middle leaves the old contents. Other connections (the GUI's) see the
    restored data on their next read. The restored file is then brought to this program's
    schema (a backup from an older version is migrated, with its own pre-migration copy) and
    a "restore" entry is appended to its audit log."""
    db_path, backup = Path(db_path), Path(backup)
    summary = describe(backup, chain=False)  # the caller has shown the chain's state and asked
    if not summary.restorable:
        raise RestoreRefused(
            Text(
                f"Không khôi phục được từ {backup}: " + " ".join(summary.problems),
                f"Cannot restore from {backup}: " + " ".join(english(p) for p in summary.problems),
            )
        )
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise RestoreRefused(
            Text(
                "Tệp được chọn chính là tệp dữ liệu đang dùng; hãy chọn một bản sao.",
                "The chosen file is the data file in use; choose a backup.",
            )
        )
    safety, damaged = _keep_current(db_path) if db_path.exists() else (None, False)
    if damaged:
        _replace_damaged(db_path, backup)  # a damaged file cannot be a backup destination
    else:
        src = open_for_reading(backup)
        try:
            dst = sqlite3.connect(db_path, isolation_level=None)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    _record_restore(db_path, backup, summary, actor)
    conn = open_for_reading(db_path)
    try:  # a new history starts: anchors written before it are not held against the restored chain
        anchors.record(db_path, anchors.anchor_of(conn), f"khôi phục từ bản sao {backup.name}", kind="restore")
    finally:
        conn.close()
    if safety is not None:
        rotate(db_path)
    return RestoreResult(backup, safety, describe(db_path, chain=False))


def _replace_damaged(db_path: Path, backup: Path) -> None:
    tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
    copy_database(backup, tmp)
    for extra in ("-wal", "-shm"):  # the damaged file's journal must not be replayed onto the copy
        Path(f"{db_path}{extra}").unlink(missing_ok=True)
    os.replace(tmp, db_path)


def _record_restore(db_path: Path, backup: Path, summary: BackupSummary, actor: str) -> None:
    """Migrate the restored file if it is older, then log the restore in its own audit chain."""
    db = open_database(db_path)
    try:
        actor = actor or current_actor(db.uow_factory())
        with db.uow_factory(actor=actor)() as uow:
            uow.session.add(
                AuditEntry(
                    actor=actor,
                    action="restore",
                    entity="database",
                    entity_id="",
                    changes={
                        "backup": [None, backup.name],
                        "made_at": [None, f"{summary.made_at:%d/%m/%Y %H:%M:%S}" if summary.made_at else None],
                    },
                    context=f"khôi phục từ bản sao {backup.name} ({summary.describe()})",
                )
            )
            uow.commit()
    finally:
        db.close()


class BackupService:
    """The backup functions bound to one database file, for the GUI's dialogs."""

    def __init__(self, db_path: Path, actor: Callable[[], str] = lambda: "") -> None:
        self.db_path = Path(db_path)
        self._actor = actor

    @property
    def folder(self) -> Path:
        return self.db_path.parent / "backups"

    def backups(self) -> list[BackupInfo]:
        return list_backups(self.db_path)

    def back_up(self, target: Path | None = None) -> BackupInfo:
        return create_backup(self.db_path, MANUAL, target=target)

    def describe(self, path: Path) -> BackupSummary:
        return describe(path, db_path=self.db_path)

    def current(self) -> BackupSummary:
        return describe(self.db_path, chain=False)  # shown beside a backup; `check` verifies its chain

    def newest_good(self) -> BackupSummary | None:
        return newest_good_backup(self.db_path)

    def restore(self, path: Path) -> RestoreResult:
        return restore(self.db_path, path, actor=self._actor())
