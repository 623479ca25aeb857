"""The audit log's hash chain: one canonical form of an entry, hashed with the previous hash.

Each entry's hash is SHA-256 over a canonical JSON array
``[seq, at, actor, action, entity, entity_id, changes, context, prev_hash]`` (keys of
``changes`` sorted, no spaces, UTF-8, ``at`` written as "YYYY-MM-DD HH:MM:SS.ffffff" in UTC).
The first entry's ``prev_hash`` is GENESIS. ``seq`` is in the hash so that renumbering,
reordering or deleting entries breaks the chain at a number the user can be told.

An entry about a covered record also carries ``row_hash``, the digest of the record's content
after the change (persistence/row_seal.py); when present it is appended to the array
(``[…, prev_hash, row_hash]``), so entries written before it existed keep their hash.

The newest (seq, hash) is also kept in app_meta under HEAD_KEY, so that deleting the last
entries (which leaves a shorter chain that is still sound) is detected as well.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ocop_desktop.domain.language import Text

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def jsonable(value: Any) -> Any:
    """What a changed value looks like in the log (json.dumps default=)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(
        Text(
            f"không ghi được giá trị kiểu {type(value).__name__} vào nhật ký",
            f"cannot write a value of type {type(value).__name__} to the log",
        )
    )


_PLAIN = frozenset((str, int, bool, type(None)))


def _copied(changes: dict[Any, Any]) -> dict[str, list[Any]] | None:
    """{field: [old, new]} of values that read back from JSON as they are (text, integers, booleans,
    None, finite floats: NaN is refused), copied; None for anything else."""
    out: dict[str, list[Any]] = {}
    for key, pair in changes.items():
        if type(key) is not str or type(pair) is not list:
            return None
        for value in pair:
            kind = type(value)
            if kind not in _PLAIN and not (kind is float and math.isfinite(value)):
                return None
        out[key] = list(pair)
    return out


def normalize_changes(changes: Any) -> Any:
    """The changes exactly as they read back from the JSON column (tuples → lists, dates → text)."""
    if type(changes) is dict:
        # As a bulk import writes 100,000 of: the same copy without writing and reading the JSON.
        copied = _copied(changes)
        if copied is not None:
            return copied
    return json.loads(json.dumps(changes, ensure_ascii=False, default=jsonable, allow_nan=False))


def format_at(at: datetime | str) -> str:
    """The stored form of an entry's time; text read from the file is parsed first (unless it is
    already in that form: parsing 200.000 times a second of `ocop check`)."""
    if isinstance(at, str):
        if len(at) == 26 and at[4] == "-" and at[10] == " " and at[19] == "." and at[:4].isdigit():
            return at
        at = datetime.fromisoformat(at)
    return f"{at:%Y-%m-%d %H:%M:%S.%f}"


def entry_hash(
    seq: int,
    at: datetime | str,
    actor: str | None,
    action: str | None,
    entity: str | None,
    entity_id: str | None,
    changes: Any,
    context: str | None,
    prev_hash: str | None,
    row_hash: str | None = None,
) -> str:
    document = [seq, format_at(at), actor, action, entity, entity_id, changes, context, prev_hash]
    if row_hash is not None:
        document.append(row_hash)
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def head_value(seq: int, digest: str) -> str:
    return f"{seq}:{digest}"


@dataclass(frozen=True)
class StoredEntry:
    """One row of audit_log as read from the file (changes still the stored JSON text)."""

    seq: int
    at: str
    actor: str | None
    action: str | None
    entity: str | None
    entity_id: str | None
    changes: str | None
    context: str | None
    prev_hash: str | None
    hash: str | None
    row_hash: str | None = None


@dataclass(frozen=True)
class ChainBreak:
    seq: int  # the entry where the chain breaks (or the first missing number)
    kind: str  # "missing" | "altered" | "relinked" | "unhashed" | "truncated" | "unreadable"
    message: str  # Vietnamese, names the entry


def verify(rows: Iterable[StoredEntry], head: str | None) -> Iterator[ChainBreak]:
    """Every break in the chain, in order; ``head`` is app_meta's HEAD_KEY value (or None)."""
    prev_seq, prev_hash = 0, GENESIS
    for row in rows:
        if row.seq != prev_seq + 1:
            first, last = prev_seq + 1, row.seq - 1
            span = f"số {first}" if first == last else f"từ số {first} đến số {last}"
            if row.seq > prev_seq + 1:
                yield ChainBreak(first, "missing", f"Thiếu mục nhật ký {span}: đã bị xóa ngoài ứng dụng.")
            else:  # only possible if seq was rewritten to a smaller number
                yield ChainBreak(row.seq, "relinked", f"Mục nhật ký số {row.seq} bị đánh số lại.")
        if row.hash is None:
            yield ChainBreak(
                row.seq, "unhashed", f"Mục nhật ký số {row.seq} không có mã kiểm tra: được thêm ngoài ứng dụng."
            )
        else:
            try:
                changes = json.loads(row.changes) if row.changes is not None else None
                digest = entry_hash(
                    row.seq,
                    row.at,
                    row.actor,
                    row.action,
                    row.entity,
                    row.entity_id,
                    changes,
                    row.context,
                    row.prev_hash,
                    row.row_hash,
                )
            except (ValueError, TypeError):
                yield ChainBreak(
                    row.seq, "unreadable", f"Mục nhật ký số {row.seq} không đọc được: đã bị sửa ngoài ứng dụng."
                )
            else:
                if digest != row.hash:
                    yield ChainBreak(
                        row.seq,
                        "altered",
                        f"Mục nhật ký số {row.seq} đã bị sửa ngoài ứng dụng (nội dung không khớp mã kiểm tra).",
                    )
                elif row.prev_hash != prev_hash:
                    yield ChainBreak(
                        row.seq,
                        "relinked",
                        f"Mục nhật ký số {row.seq} không nối với mục liền trước: "
                        "có mục trước nó bị xóa hoặc sửa ngoài ứng dụng.",
                    )
        prev_seq, prev_hash = row.seq, row.hash or ""
    if head is None:
        if prev_seq:
            yield ChainBreak(prev_seq, "truncated", "Dấu ghi nhận mục cuối của nhật ký đã bị xóa ngoài ứng dụng.")
    elif head != head_value(prev_seq, prev_hash):
        head_seq = head.partition(":")[0]
        if head_seq.isdigit() and int(head_seq) > prev_seq:
            first = prev_seq + 1
            yield ChainBreak(
                first, "truncated", f"Các mục nhật ký cuối, từ số {first} đến số {head_seq}, đã bị xóa ngoài ứng dụng."
            )
        else:
            yield ChainBreak(
                prev_seq, "truncated", f"Mục nhật ký cuối (số {prev_seq}) không khớp với dấu ghi nhận cuối của nhật ký."
            )
