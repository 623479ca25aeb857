"""Offline exchange between offices: send packages, receive and merge them, undo an import."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ocop_desktop.domain import limits
from ocop_desktop.domain.language import ENGLISH, Text, english
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.exports.package import EXTENSION, PackageError, VerifiedPackage, read_package
from ocop_desktop.exports.signing import short_fingerprint
from ocop_desktop.persistence.hooks import take_write_lock
from ocop_desktop.persistence.migrate import known_revisions
from ocop_desktop.persistence.models import InboxEntry, TrustedSender
from ocop_desktop.persistence.models.base import utcnow
from ocop_desktop.persistence.retry import retrying
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.audit import record_signer
from ocop_desktop.services.exchange.apply import apply_plan, choices_for
from ocop_desktop.services.exchange.dto import (
    HERE,
    THERE,
    CampaignTimeliness,
    ConflictsUnresolved,
    FieldDiff,
    ImportPreview,
    ImportResult,
    InboxDTO,
    OutboxDTO,
    Outcome,
    PackageInfo,
    RecordChange,
    UndoResult,
    UnitTimeliness,
    UnsentDTO,
)
from ocop_desktop.services.exchange.export import PackageExporter, suggested_file_name
from ocop_desktop.services.exchange.merge import Decoded, decode_package, make_plan, package_info
from ocop_desktop.services.exchange.records import BY_NAME, field_label
from ocop_desktop.services.exchange.timeliness import campaign_timeliness
from ocop_desktop.services.exchange.trust import (
    REFUSED,
    TRUSTED,
    SenderDTO,
    SenderTrust,
    add_sender,
    require_trust,
    sender_dto,
    sender_trust,
)
from ocop_desktop.services.exchange.undo import undo_import

Progress = Callable[[int, int, str], None]


def inbox_dto(e: InboxEntry) -> InboxDTO:
    counts = {k: v for k, v in (e.counts or {}).items() if isinstance(v, int)}
    return InboxDTO(
        package_id=e.package_id,
        sender_unit=e.sender_unit,
        sender_user=e.sender_user,
        package_created_at=e.package_created_at,
        imported_at=e.imported_at,
        actor=e.actor,
        file_name=e.file_name,
        counts=counts,
        undone_at=e.undone_at,
    )


def _conflict(exc: IntegrityError) -> str:
    """SQLite's "UNIQUE constraint failed: producers.tax_code" (or PostgreSQL's "Key (tax_code)=…"
    of a table) said with labels, not table names."""
    text = str(exc.orig)
    state = getattr(exc.orig, "sqlstate", None)
    if state is not None:  # a server: the table in the diagnostics, the columns in the detail
        table = getattr(getattr(exc.orig, "diag", None), "table_name", None) or ""
        columns = re.search(r"Key \(([^)]*)\)=", text)
        text = "FOREIGN KEY" if state == "23503" else ""
        if state == "23505":
            text = "UNIQUE: " + ", ".join(
                f"{table}.{c.strip()}" for c in (columns.group(1) if columns else "").split(",")
            )
    if "UNIQUE" in text:
        fields = [c.strip().rpartition(".") for c in text.partition(":")[2].split(",")]
        named = ", ".join(
            f"«{field_label(col, table)}» của {limits.entity_label(table).lower()}" for table, _, col in fields
        )
        named_en = ", ".join(
            f"«{limits.field_label(col, table, ENGLISH)}» of {limits.entity_label(table, ENGLISH).lower()}"
            for table, _, col in fields
        )
        if named:
            return Text(f"trùng {named} với một bản ghi đã có", f"the same {named_en} as an existing record")
        return Text("trùng với một bản ghi đã có", "the same as an existing record")
    if "FOREIGN KEY" in text:
        return Text("có bản ghi trỏ tới một bản ghi không có ở đây", "a record points to a record that is not here")
    return Text("vi phạm ràng buộc dữ liệu", "it breaks a data constraint")


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
    def export(
        self,
        path: Path,
        changes_only: bool = False,
        include_reports: bool = True,
        note: str = "",
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> OutboxDTO:
        return self._exporter.export(path, changes_only, include_reports, note, progress, cancelled)

    def outbox(self) -> list[OutboxDTO]:
        return self._exporter.outbox()

    def unsent(self) -> UnsentDTO:
        return self._exporter.unsent()

    # -- receiving ------------------------------------------------------------------------------
    def preview(self, path: Path) -> ImportPreview:
        """What the package would change, and whether its sender is trusted here (``sender``);
        a refused sender (another key, unsigned, revoked) raises PackageError."""
        pkg, decoded = _verified(path)
        with self._uow() as uow:
            plan = make_plan(uow.session, pkg, decoded)  # first: this office's own package is said as such
            trust = sender_trust(uow.session, pkg)
            if trust.state == REFUSED:
                raise PackageError(trust.reason)
            return replace(plan.preview, sender=trust)

    def import_package(
        self,
        path: Path,
        choices: Mapping[str, str] | None = None,
        prefer: str | None = None,
        dry_run: bool = False,
        expected_sha256: str | None = None,
        progress: Progress | None = None,
        trust_sender: bool = False,
    ) -> ImportResult:
        """Verify, compare and apply in one transaction; conflicts need a choice (``choices`` by
        RecordChange.key, or ``prefer`` for the rest) or nothing is changed. The package must be
        signed by an office trusted here; ``trust_sender`` trusts a first-time sender in the same
        transaction (after the user compared its fingerprint)."""
        pkg, decoded = _verified(path)
        if expected_sha256 and pkg.sha256 != expected_sha256:
            raise PackageError(
                Text(
                    f"Tệp {pkg.path.name} đã thay đổi từ lúc xem trước; hãy xem trước lại rồi mới nhập.",
                    f"The file {pkg.path.name} changed since it was previewed; preview it again before importing.",
                )
            )
        # Several importers at once on a server: each plans only after the one before committed,
        # and a transaction the server still aborts (a deadlock with another writer) runs again.
        return retrying(lambda: self._import(pkg, decoded, choices, prefer, dry_run, progress, trust_sender))

    def _import(
        self,
        pkg: VerifiedPackage,
        decoded: Decoded,
        choices: Mapping[str, str] | None,
        prefer: str | None,
        dry_run: bool,
        progress: Progress | None,
        trust_sender: bool,
    ) -> ImportResult:
        package_id = pkg.package_id
        with self._uow(action="import", context=f"gói {package_id}") as uow:
            actor = uow.session.info.get("actor", "")
            if not dry_run:
                # The one writer from here: what the plan finds new is still new when it is written
                # (another import of the same package, or of a record it also carries, waits here).
                take_write_lock(uow.session)
            plan = make_plan(uow.session, pkg, decoded)  # first: this office's own package is said as such
            if dry_run:  # a look only: a refused sender is said, a new one is shown, not trusted
                trust = sender_trust(uow.session, pkg)
                if trust.state == REFUSED:
                    raise PackageError(trust.reason)
            else:
                trust = require_trust(uow.session, pkg, trust_sender, actor)
            if dry_run or plan.preview.already_imported_at is not None:
                return ImportResult(replace(plan.preview, sender=trust), applied=False)
            chosen = choices_for(plan, choices, prefer)
            try:
                done = apply_plan(uow.session, plan, chosen, actor, progress)
                entry = uow.session.scalar(select(InboxEntry).where(InboxEntry.package_id == package_id))
                assert entry is not None  # apply_plan() wrote it
                entry.signer_fingerprint = trust.fingerprint
                record_signer(uow.session, package_id, trust.office, trust.unit_id, trust.fingerprint)
                uow.commit()
            except IntegrityError as exc:
                raise PackageError(
                    Text(
                        f"Không nhập được gói: dữ liệu trong gói mâu thuẫn với dữ liệu ở đây ({_conflict(exc)}). "
                        "Không có gì được nhập.",
                        f"Cannot import the package: its data contradict the data here ({english(_conflict(exc))}). "
                        "Nothing was imported.",
                    )
                ) from None
            except ValidationError as exc:  # a value the database's own limits refuse
                raise PackageError(
                    Text(
                        f"Không nhập được gói: {str(exc).rstrip('.')}. Không có gì được nhập.",
                        f"Cannot import the package: {exc.describe(ENGLISH).rstrip('.')}. Nothing was imported.",
                    )
                ) from None
            return ImportResult(plan.preview, applied=True, counts=done)

    # -- trusted senders --------------------------------------------------------------------------
    def senders(self) -> list[SenderDTO]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(TrustedSender).order_by(TrustedSender.trusted_at))
            return [sender_dto(r) for r in rows]

    def trust_package_sender(self, path: Path, note: str = "") -> SenderDTO:
        """Trust the office that signed this package (after comparing its fingerprint)."""
        pkg = verify_package(path)
        with self._uow(action="trust", context="tin cậy đơn vị gửi") as uow:
            trust = sender_trust(uow.session, pkg)
            if trust.state == TRUSTED:
                raise PackageError(
                    Text(
                        f"{trust.office} với khóa {trust.words} đã được tin cậy từ trước.",
                        f"{trust.office} with the key {trust.words} was already trusted.",
                    )
                )
            if not trust.fingerprint:
                raise PackageError(trust.reason)
            row = add_sender(
                uow.session, trust.unit_id, trust.office, trust.public_key, uow.session.info.get("actor", ""), note
            )
            uow.commit()
            return sender_dto(row)

    def revoke_sender(self, fingerprint_start: str) -> list[SenderDTO]:
        """Stop trusting every active key whose fingerprint starts with these characters (hex, or
        the groups as printed: «7K3M Q9TD»)."""
        wanted = fingerprint_start.replace(" ", "").replace("-", "").upper()
        if len(wanted) < 4:
            raise PackageError(
                Text(
                    "Hãy ghi ít nhất 4 ký tự đầu của dấu vân tay (như in trên giấy, ví dụ «7K3M Q9TD»).",
                    "Type at least the first 4 characters of the fingerprint (as printed on paper, for example «7K3M Q9TD»).",
                )
            )
        with self._uow(action="revoke", context="thu hồi tin cậy đơn vị gửi") as uow:
            rows = [
                r
                for r in uow.session.scalars(select(TrustedSender).where(TrustedSender.revoked_at.is_(None)))
                if r.fingerprint.upper().startswith(wanted)
                or short_fingerprint(r.fingerprint).replace(" ", "").startswith(wanted)
            ]
            if not rows:
                raise PackageError(
                    Text(
                        f"Không có đơn vị nào đang được tin cậy với dấu vân tay bắt đầu bằng «{fingerprint_start}»; "
                        "«ocop senders list» liệt kê các đơn vị đã tin cậy.",
                        f"No trusted office has a fingerprint starting with «{fingerprint_start}»; "
                        "«ocop senders list» lists the trusted offices.",
                    )
                )
            for r in rows:
                r.revoked_at = utcnow()
            uow.commit()
            return [sender_dto(r) for r in rows]

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
    "EXTENSION",
    "HERE",
    "THERE",
    "CampaignTimeliness",
    "ConflictsUnresolved",
    "ExchangeService",
    "FieldDiff",
    "ImportPreview",
    "ImportResult",
    "InboxDTO",
    "OutboxDTO",
    "Outcome",
    "PackageError",
    "PackageInfo",
    "RecordChange",
    "SenderDTO",
    "SenderTrust",
    "UndoResult",
    "UnitTimeliness",
    "UnsentDTO",
    "package_info",
    "suggested_file_name",
    "verify_package",
]
