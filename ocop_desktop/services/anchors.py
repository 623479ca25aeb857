"""The audit chain's head anchored outside the database, so a chain recomputed from scratch shows.

An anchor is ``{"head": hash of entry N, "count": N, "at": UTC time}``. One is written into every
backup's sidecar (``<copy>.anchor.json``), every sent package's signed manifest (key
``audit_anchor``) and a log beside the database (``<db>.anchors``, one signed JSON line each).
Sidecars and log lines are signed with the office key (exports/signing.py). `ocop check` reads
them without trusting the database: the chain's entry N must still have that hash.

A restore starts a new history (the chain goes back to the copy's): the log gets a "restore"
line, and anchors written before it are not held against the restored chain.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ocop_desktop.exports.signing import (
    KeyFileError,
    OfficeKey,
    b64,
    key_file_for,
    load_key,
    load_or_create_key,
    unb64,
    verify,
)
from ocop_desktop.persistence.audit_chain import GENESIS, HEAD_KEY
from ocop_desktop.persistence.models import utcnow

ANCHOR_KEY = "audit_anchor"  # in a package's manifest
SIDECAR = ".anchor.json"
SIGNED = ("head", "count", "at", "where", "kind")


@dataclass(frozen=True)
class Anchor:
    head: str
    count: int
    at: datetime  # UTC
    where: str  # Vietnamese: "bản sao lưu ocop-thu-cong-….sqlite", "gói gui-….ocop"
    kind: str = "anchor"  # or "restore"

    @property
    def shown_at(self) -> str:
        return f"{self.at.replace(tzinfo=UTC).astimezone():%H:%M ngày %d/%m/%Y}"

    @property
    def shown_day(self) -> str:
        return f"{self.at.replace(tzinfo=UTC).astimezone():%d/%m/%Y}"


def anchors_file(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".anchors")


def sidecar_of(copy: Path) -> Path:
    return Path(f"{copy}{SIDECAR}")


def anchor_values(head_value: str | None, at: datetime | None = None) -> dict[str, Any]:
    """The anchor of a chain whose app_meta head is ``head_value`` ("seq:hash")."""
    seq, _, digest = (head_value or "").partition(":")
    count = int(seq) if seq.isdigit() else 0
    return {"head": digest if count else GENESIS, "count": count, "at": (at or utcnow()).isoformat()}


def anchor_of(conn: sqlite3.Connection) -> dict[str, Any]:
    row = conn.execute("SELECT value FROM app_meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    return anchor_values(row[0] if row else None)


def anchor_of_session(session: Session) -> dict[str, Any]:
    """The same, inside a unit of work (a package being written)."""
    from sqlalchemy import text  # noqa: PLC0415

    value = session.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": HEAD_KEY}).scalar()
    return anchor_values(value)


# -- signed lines ---------------------------------------------------------------------------------
def _payload(values: dict[str, Any]) -> bytes:
    return json.dumps(
        {k: values.get(k) for k in SIGNED}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def _key(db_path: Path, create: bool = False) -> OfficeKey | None:
    """The office key beside the database; ``create``: made now if there is none yet (an anchor
    written before the office was set up is signed too)."""
    try:
        return load_or_create_key(key_file_for(db_path)) if create else load_key(key_file_for(db_path))
    except KeyFileError:
        return None


def _key_since(db_path: Path) -> datetime | None:
    """When the key file was made (naive UTC): an anchor older than the key could not be signed."""
    try:
        return datetime.fromtimestamp(key_file_for(db_path).stat().st_mtime, UTC).replace(tzinfo=None)
    except OSError:
        return None


def _signed(values: dict[str, Any], key: OfficeKey | None) -> dict[str, Any]:
    out = {k: values.get(k) for k in SIGNED}
    if key is not None:
        out["public_key"] = b64(key.public_key)
        out["signature"] = b64(key.sign(_payload(out)))
    return out


def record(db_path: Path, anchor: dict[str, Any], where: str, kind: str = "anchor") -> None:
    """Append an anchor to the log beside the database (nothing if that folder cannot be written:
    the backup or package carrying the anchor still holds it)."""
    line = json.dumps(_signed({**anchor, "where": where, "kind": kind}, _key(db_path, create=True)), ensure_ascii=False)
    try:
        with open(anchors_file(db_path), "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    except OSError:
        pass


def write_sidecar(db_path: Path, copy: Path, where: str) -> dict[str, Any] | None:
    """Anchor a fresh copy: its own chain's head, in a signed file beside it and in the log."""
    try:
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            anchor = anchor_of(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    signed = _signed({**anchor, "where": where, "kind": "anchor"}, _key(db_path, create=True))
    with contextlib.suppress(OSError):
        sidecar_of(copy).write_text(json.dumps(signed, ensure_ascii=False, indent=1), encoding="utf-8")
    record(db_path, anchor, where)
    return anchor


# -- reading them back ----------------------------------------------------------------------------
def _parse(
    values: Any, source: Path, key: OfficeKey | None, key_since: datetime | None = None
) -> tuple[Anchor | None, str | None]:
    try:
        anchor = Anchor(
            str(values["head"]),
            int(values["count"]),
            datetime.fromisoformat(values["at"]),
            str(values.get("where") or source.name),
            str(values.get("kind") or "anchor"),
        )
    except (KeyError, TypeError, ValueError):
        return None, f"Tệp mốc xác nhận {source} có dòng không đọc được: đã bị sửa ngoài ứng dụng."
    public, signature = unb64(values.get("public_key")), unb64(values.get("signature"))
    unsigned = values.get("public_key") is None and values.get("signature") is None
    if key is not None and unsigned and key_since is not None and anchor.at < key_since:
        return anchor, None  # written before the office had a key (before it was set up)
    if key is not None and (
        public != key.public_key or signature is None or not verify(public, signature, _payload(values))
    ):
        return None, (
            f"Mốc xác nhận lúc {anchor.shown_at} ({anchor.where}) trong tệp {source.name} không có chữ ký "
            "hợp lệ của khóa đơn vị: tệp mốc đã bị sửa ngoài ứng dụng; mốc này không được dùng."
        )
    return anchor, None


def read_anchors(db_path: Path) -> tuple[list[Anchor], list[str]]:
    """Every anchor of this database (its log and its backups' sidecars), oldest first, and what
    could not be read or whose signature fails."""
    db_path = Path(db_path)
    key, key_since = _key(db_path), _key_since(db_path)
    found: list[Anchor] = []
    problems: list[str] = []
    sources: list[tuple[Path, list[Any]]] = []
    log = anchors_file(db_path)
    try:
        lines = log.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    parsed_lines = []
    for line in lines:
        try:
            parsed_lines.append(json.loads(line))
        except ValueError:
            parsed_lines.append(None)
    sources.append((log, parsed_lines))
    folder = db_path.parent / "backups"
    for side in sorted(folder.glob(f"*{SIDECAR}")) if folder.is_dir() else ():
        try:
            sources.append((side, [json.loads(side.read_text(encoding="utf-8"))]))
        except (OSError, ValueError):
            sources.append((side, [None]))
    for source, items in sources:
        for values in items:
            anchor, problem = (
                _parse(values, source, key, key_since)
                if isinstance(values, dict)
                else (None, f"Tệp mốc xác nhận {source} có dòng không đọc được: đã bị sửa ngoài ứng dụng.")
            )
            if problem:
                problems.append(problem)
            if anchor is not None and anchor not in found:
                found.append(anchor)
    return sorted(found, key=lambda a: (a.at, a.count)), problems


def current_epoch(anchors: list[Anchor], until: datetime | None = None) -> list[Anchor]:
    """The anchors since the last restore (up to ``until``): the ones the chain must still match."""
    if until is not None:
        anchors = [a for a in anchors if a.at <= until]
    starts = [i for i, a in enumerate(anchors) if a.kind == "restore"]
    return anchors[starts[-1] :] if starts else anchors


def _matches(conn: sqlite3.Connection, anchor: Anchor) -> bool:
    if anchor.count == 0:
        return True
    row = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (anchor.count,)).fetchone()
    return row is not None and row[0] == anchor.head


def anchor_problems(conn: sqlite3.Connection, anchors: list[Anchor]) -> list[str]:
    """Vietnamese problems when the chain no longer holds an anchored head; says since when
    the data cannot be vouched for."""
    bad = [a for a in anchors if not _matches(conn, a)]
    if not bad:
        return []
    first = bad[0]
    good = [a for a in anchors if a not in bad and a.at < first.at]
    if good:
        since = (
            f"Không còn bảo đảm được dữ liệu từ ngày {good[-1].shown_day}: mốc khớp cuối cùng là lúc "
            f"{good[-1].shown_at} ({good[-1].where})."
        )
    else:
        since = (
            f"Không mốc nào còn khớp, nên không bảo đảm được dữ liệu nào, kể cả dữ liệu có trước ngày "
            f"{first.shown_day}."
        )
    out = [
        f"Nhật ký thay đổi không khớp mốc xác nhận lúc {first.shown_at} ({first.where}): khi đó mục số "
        f"{first.count} có mã {first.head[:16]}…, nay mục đó khác hoặc không còn — chuỗi mã kiểm tra đã bị tính "
        f"lại hoặc cắt bớt ngoài ứng dụng. {since} Hãy so với bản sao lưu hoặc gói đã gửi có mốc khớp."
    ]
    if len(bad) > 1:
        out.append(f"… và {len(bad) - 1} mốc xác nhận sau đó cũng không khớp.")
    return out


def database_anchor_problems(conn: sqlite3.Connection, db_path: Path) -> tuple[list[str], int]:
    """What `ocop check` reports about the anchors of the database at ``db_path``, and how many
    anchors it compared."""
    anchors, problems = read_anchors(db_path)
    epoch = current_epoch(anchors)
    return problems + anchor_problems(conn, epoch), len(epoch)


def copy_anchor_problems(
    conn: sqlite3.Connection, copy: Path, db_path: Path | None, made_at: datetime | None
) -> list[str]:
    """A backup checked before a restore: against its own sidecar, and against the database's
    anchors made before the copy (the copy is an earlier state of the same chain)."""
    anchors: list[Anchor] = []
    problems: list[str] = []
    side = sidecar_of(copy)
    key = _key(db_path) if db_path is not None else None
    key_since = _key_since(db_path) if db_path is not None else None
    if side.is_file():
        try:
            anchor, problem = _parse(json.loads(side.read_text(encoding="utf-8")), side, key, key_since)
        except (OSError, ValueError):
            anchor, problem = None, f"Tệp mốc xác nhận {side.name} không đọc được: đã bị sửa ngoài ứng dụng."
        if problem:
            problems.append(problem)
        if anchor is not None:
            anchors.append(anchor)
    if db_path is not None and made_at is not None:
        until = (
            made_at.astimezone(UTC).replace(tzinfo=None)
            if made_at.tzinfo
            else made_at.astimezone().astimezone(UTC).replace(tzinfo=None)
        )
        logged, _ = read_anchors(db_path)
        anchors += [a for a in current_epoch(logged, until) if a not in anchors]
    return problems + anchor_problems(conn, sorted(anchors, key=lambda a: (a.at, a.count)))
