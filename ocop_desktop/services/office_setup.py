"""Office set-up as one service: what is stored about the office, and saving the answers of the set-up form."""

from __future__ import annotations

from dataclasses import dataclass

from ocop_desktop.exports.signing import short_fingerprint
from ocop_desktop.persistence.uow import UowFactory
from ocop_desktop.services.office_key import existing_office_key, office_key
from ocop_desktop.services.report_settings import read_report_settings, save_office_block, stored_body, stored_signer
from ocop_desktop.services.settings import OfficeSettings, office_settings, save_office_settings


@dataclass(frozen=True)
class OfficeAnswers:
    """What the set-up form asks, as typed (the service cleans and checks it)."""

    unit_id: str
    kind: str
    printed_name: str
    user_name: str
    user_title: str
    signer: tuple[str, str, str]  # TM. line, KT. line, signer's title


@dataclass(frozen=True)
class StoredOffice:
    """What the form shows of an office set up before: its settings, the header name typed in the
    report settings, the signer block saved (None while only defaults apply), the key's fingerprint."""

    settings: OfficeSettings
    body: str
    signer: tuple[str, str, str] | None
    fingerprint: str  # «7K3M Q9TD X2CF HW4R»; "" before set-up


class OfficeSetupService:
    """The set-up form's reads and its one save, on a unit-of-work factory."""

    def __init__(self, make_uow: UowFactory) -> None:
        self._uow = make_uow

    def stored(self) -> StoredOffice:
        key = existing_office_key(self._uow)
        return StoredOffice(
            office_settings(self._uow),
            stored_body(self._uow),
            stored_signer(self._uow),
            short_fingerprint(key.fingerprint) if key else "",
        )

    def save(self, answers: OfficeAnswers) -> OfficeSettings:
        """Store the office, its header and signer block; the office's signing key pair is made here."""
        saved = save_office_settings(
            self._uow, answers.unit_id, answers.user_name, answers.user_title, answers.kind, answers.printed_name
        )
        body = saved.printed_name or read_report_settings(self._uow).body
        save_office_block(self._uow, body, *answers.signer)
        office_key(self._uow)
        return saved
