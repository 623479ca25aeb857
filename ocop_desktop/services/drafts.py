"""Unsaved work kept as one JSON file per (campaign, unit), written so a crash never breaks it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT = 1
_SAFE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _utcnow() -> datetime:
    # Naive UTC, like every timestamp in the database, so the two compare directly.
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Draft:
    campaign_id: str
    unit_id: str
    written_at: datetime  # naive UTC
    payload: dict[str, Any]


class DraftStore:
    """Drafts of one kind ("survey" …) in a folder chosen by the caller (the user data dir)."""

    def __init__(self, folder: Path, kind: str = "survey") -> None:
        self.folder = Path(folder)
        self.kind = kind

    def path_for(self, campaign_id: str, unit_id: str) -> Path:
        def part(key: str) -> str:
            # Ids are UUIDs; anything else is hashed so a name can never leave the folder.
            return key if _SAFE.fullmatch(key) else hashlib.sha256(key.encode()).hexdigest()[:32]

        return self.folder / f"{self.kind}-{part(campaign_id)}-{part(unit_id)}.json"

    def save(self, campaign_id: str, unit_id: str, payload: dict[str, Any], now: datetime | None = None) -> Draft:
        draft = Draft(campaign_id, unit_id, now or _utcnow(), payload)
        document = {
            "format": FORMAT,
            "kind": self.kind,
            "campaign_id": campaign_id,
            "unit_id": unit_id,
            "written_at": draft.written_at.isoformat(),
            "payload": payload,
        }
        _write_atomically(self.path_for(campaign_id, unit_id), json.dumps(document, ensure_ascii=False, indent=1))
        return draft

    def load(self, campaign_id: str, unit_id: str) -> Draft | None:
        """The draft, or None if there is none or it cannot be read (never raises for a bad file)."""
        path = self.path_for(campaign_id, unit_id)
        try:
            document = json.loads(path.read_text("utf-8"))
            if document.get("format") != FORMAT or document.get("kind") != self.kind:
                return None
            if (document["campaign_id"], document["unit_id"]) != (campaign_id, unit_id):
                return None
            payload = document["payload"]
            if not isinstance(payload, dict):
                return None
            return Draft(campaign_id, unit_id, datetime.fromisoformat(document["written_at"]), payload)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def discard(self, campaign_id: str, unit_id: str) -> None:
        self.path_for(campaign_id, unit_id).unlink(missing_ok=True)


def _write_atomically(target: Path, text: str) -> None:
    """Temp file in the same folder, fsync, then rename over the old file: readers see the
    old draft or the new one, never half of one, even if the process is killed mid-write."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # POSIX: make the rename itself survive a power cut
        dir_fd = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
