"""Reference data and shipped scorecards reloaded at start only when the shipped files changed."""

from __future__ import annotations

import hashlib

from ocop_desktop.paths import resources_dir
from ocop_desktop.persistence.models import AppMeta
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.reference import LoadReport, load_reference

# The digest of every shipped reference file and scorecard as last loaded into this database.
META_KEY = "reference.shipped.sha256"
# Bumped when the loaders change what they write, so every database reloads once.
LOADER_VERSION = b"reference-reload-1"


def shipped_digest() -> str:
    """SHA-256 of the shipped reference files and scorecards (names and contents)."""
    digest = hashlib.sha256(LOADER_VERSION)
    root = resources_dir()
    for folder in ("reference", "scorecards"):
        for path in sorted((root / folder).glob("*.json")):
            digest.update(f"{folder}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def reload_if_changed(make_uow: UowFactory) -> LoadReport | None:
    """Load the reference data and scorecards when the shipped files differ from those this
    database last loaded (a new version, a first start); None when they are the same."""
    from ocop_desktop.services.scorecards import load_shipped_scorecards  # it imports reference.py

    digest = shipped_digest()
    with make_uow() as uow:
        recorded = uow.session.get(AppMeta, META_KEY)
        if recorded is not None and recorded.value == digest:
            return None
    report = load_reference(make_uow)
    for table, count in load_shipped_scorecards(make_uow).added.items():
        report.added[table] = report.added.get(table, 0) + count
    with make_uow(action="reference", context="resources") as uow:
        recorded = uow.session.get(AppMeta, META_KEY)
        if recorded is None:
            uow.session.add(AppMeta(key=META_KEY, value=digest))
        else:
            recorded.value = digest
        uow.commit()
    return report
