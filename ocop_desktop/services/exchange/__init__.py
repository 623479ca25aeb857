"""Offline exchange between offices: send packages, receive and merge them, undo an import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable, Mapping

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ocop_desktop.domain import limits
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.exports.package import EXTENSION, PackageError, VerifiedPackage, read_package
from ocop_desktop.persistence.migrate import known_revisions
from ocop_desktop.persistence.models import InboxEntry
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.exchange.apply import apply_plan, choices_for
from ocop_desktop.services.exchange.dto import (
    HERE, THERE, CampaignTimeliness, ConflictsUnresolved, FieldDiff, ImportPreview, ImportResult, InboxDTO, Outcome,
    OutboxDTO, PackageInfo, RecordChange, UndoResult, UnitTimeliness, UnsentDTO,
)
from ocop_desktop.services.exchange.export import PackageExporter, suggested_file_name
from ocop_desktop.services.exchange.merge import Decoded, decode_package, make_plan, package_info
from ocop_desktop.services.exchange.records import BY_NAME, field_label
from ocop_desktop.services.exchange.timeliness import campaign_timeliness
from ocop_desktop.services.exchange.undo import undo_import

Progress = Callable[[int, int, str], None]


def inbox_dto(e: InboxEntry) -> InboxDTO:
    counts = {k: v for k, v in (e.counts or {}).items() if isinstance(v, int)}
    return InboxDTO(
        package_id=e.package_id, sender_unit=e.sender_unit, sender_user=e.sender_user,
        package_created_at=e.package_created_at, imported_at=e.imported_at, actor=e.actor, file_name=e.file_name,
        counts=counts, undone_at=e.undone_at,
    )


def _conflict(exc: IntegrityError) -> str:
    """SQLite's "UNIQUE constraint failed: producers.tax_code" said with labels, not table names."""
    text = str(exc.orig)
    if "UNIQUE" in text:
        fields = [c.strip().rpartition(".") for c in text.partition(":")[2].split(",")]
        named = ", ".join(f"«{field_label(col)}» của {limits.entity_label(table).lower()}" for table, _, col in fields)
        return f"trùng {named} với một bản ghi đã có" if named else "trùng với một bản ghi đã có"
    if "FOREIGN KEY" in text:
        return "có bản ghi trỏ tới một bản ghi không có ở đây"
    return "vi phạm ràng buộc dữ liệu"


def _verified(path: Path) -> tuple[VerifiedPackage, Decoded]:
    pkg = read_package(Path(path), BY_NAME.keys(), known_revisions())
    return pkg, decode_package(pkg)


def verify_package(path: Path) -> VerifiedPackage:
    """Every check a package passes before the database is opened (safety, manifest, checksums,
    schema, each record's fields); raises PackageError."""
    return _verified(path)[0]


class ExchangeService:
    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow
        self._exporter = PackageExporter(make_uow)

    # -- sending --------------------------------------------------------------------------------
    def export(self, path: Path, changes_only: bool = False, include_reports: bool = True, note: str = "",
               progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> OutboxDTO:
        return self._exporter.export(path, changes_only, include_reports, note, progress, cancelled)

    def outbox(self) -> list[OutboxDTO]:
        return self._exporter.outbox()

    def unsent(self) -> UnsentDTO:
        return self._exporter.unsent()

    # -- receiving ------------------------------------------------------------------------------
    def preview(self, path: Path) -> ImportPreview:
        pkg, decoded = _verified(path)
        with self._uow() as uow:
            return make_plan(uow.session, pkg, decoded).preview

    def import_package(
        self, path: Path, choices: Mapping[str, str] | None = None, prefer: str | None = None,
        dry_run: bool = False, expected_sha256: str | None = None, progress: Progress | None = None,
    ) -> ImportResult:
        """Verify, compare and apply in one transaction; conflicts need a choice (``choices`` by
        RecordChange.key, or ``prefer`` for the rest) or nothing is changed."""
        pkg, decoded = _verified(path)
        if expected_sha256 and pkg.sha256 != expected_sha256:
            raise PackageError(f"Tệp {pkg.path.name} đã thay đổi từ lúc xem trước; hãy xem trước lại rồi mới nhập.")
        package_id = pkg.package_id
        with self._uow(action="import", context=f"gói {package_id}") as uow:
            plan = make_plan(uow.session, pkg, decoded)
            if dry_run or plan.preview.already_imported_at is not None:
                return ImportResult(plan.preview, applied=False)
            chosen = choices_for(plan, choices, prefer)
            try:
                done = apply_plan(uow.session, plan, chosen, uow.session.info.get("actor", ""), progress)
                uow.commit()
            except IntegrityError as exc:
                raise PackageError(
                    f"Không nhập được gói: dữ liệu trong gói mâu thuẫn với dữ liệu ở đây ({_conflict(exc)}). "
                    "Không có gì được nhập."
                ) from None
            except ValidationError as exc:  # a value the database's own limits refuse
                raise PackageError(f"Không nhập được gói: {str(exc).rstrip('.')}. Không có gì được nhập.") from None
            return ImportResult(plan.preview, applied=True, counts=done)

    def inbox(self) -> list[InboxDTO]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(InboxEntry).order_by(InboxEntry.imported_at.desc()))
            return [inbox_dto(e) for e in rows]

    def undo(self, package_id: str) -> UndoResult:
        """Revert everything an import did, or nothing if a record changed after it."""
        with self._uow(action="undo", context=f"hoàn tác gói {package_id}") as uow:
            result = undo_import(uow.session, package_id)
            uow.commit()
            return result

    def campaign_timeliness(self, today: date | None = None) -> list[CampaignTimeliness]:
        """Each campaign's units: submitted or not, when, on time, and when their package arrived."""
        with self._uow() as uow:
            return campaign_timeliness(uow.session, today or date.today())


__all__ = [
    "EXTENSION", "HERE", "THERE", "CampaignTimeliness", "ConflictsUnresolved", "ExchangeService", "FieldDiff",
    "ImportPreview", "ImportResult", "InboxDTO", "Outcome", "OutboxDTO", "PackageError", "PackageInfo",
    "RecordChange", "UndoResult", "UnitTimeliness", "UnsentDTO", "package_info", "suggested_file_name",
    "verify_package",
]
