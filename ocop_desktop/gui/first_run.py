"""Office set-up (first run and Tệp → Thiết lập đơn vị): province, unit, kind of office, user, signer."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from ocop_desktop.domain.enums import COMMUNE_KINDS, DISTRICT_KINDS, PROVINCE_KINDS
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.forms.ui_first_run import Ui_FirstRunDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.products.searchable import add_item, make_searchable, select_data
from ocop_desktop.services.places import PlaceDTO, PlaceService
from ocop_desktop.services.settings import KIND_BY_KEY, OFFICE_KINDS, OfficeSettings, printed_name

if TYPE_CHECKING:  # the set-up service (and the signing it makes) loads when the form is opened
    from ocop_desktop.services.office_setup import OfficeAnswers, OfficeSetupService, StoredOffice

BEFORE_REFORM = date(2025, 6, 30)  # the last day of the 63 provinces and their districts


class PlaceTree:
    """The national list grouped by province, built once per dialog (14,000 units, ~0.2 s)."""

    def __init__(self, places: list[PlaceDTO]) -> None:
        self.by_id = {p.id: p for p in places}
        self._rank = {p.id: i for i, p in enumerate(places)}  # the service's Vietnamese name order
        self._province: dict[str, str] = {}
        self.members: dict[str, list[PlaceDTO]] = {}
        for p in places:  # already in Vietnamese name order
            top = self.province_of(p.id)
            if top and top != p.id:
                self.members.setdefault(top, []).append(p)

    def province_of(self, place_id: str) -> str:
        if place_id not in self._province:
            place, seen = self.by_id.get(place_id), 0
            while place is not None and place.parent_id and seen < 5:  # commune -> district -> province
                place, seen = self.by_id.get(place.parent_id), seen + 1
            self._province[place_id] = place.id if place is not None and place.kind in PROVINCE_KINDS else ""
        return self._province[place_id]

    def provinces(self, today: date, old: bool) -> list[PlaceDTO]:
        """The provinces valid today, then (with ``old``) the former ones with their period."""
        all_provinces = [p for p in self.by_id.values() if p.kind in PROVINCE_KINDS]
        now = sorted((p for p in all_provinces if p.valid_on(today)), key=lambda p: self._rank[p.id])
        former = sorted((p for p in all_provinces if not p.valid_on(today)), key=lambda p: self._rank[p.id])
        return now + (former if old else [])

    def units(self, province: PlaceDTO, today: date, old: bool = False) -> list[PlaceDTO]:
        """The province itself, then its communes of today; with ``old`` (or for a former
        province) also the districts and communes of the day before the 2025 reform."""
        members = self.members.get(province.id, [])
        now = [p for p in members if p.kind in COMMUNE_KINDS and p.valid_on(today)]
        if not (old or not province.valid_on(today)):
            return [province, *now]
        # The 11 provinces the reform kept are one record spanning both periods.
        day = min(province.valid_to or BEFORE_REFORM, BEFORE_REFORM)
        before = [
            p for p in members if p.kind in COMMUNE_KINDS | DISTRICT_KINDS and p.valid_on(day) and not p.valid_on(today)
        ]
        return [province, *now, *before]


class FirstRunDialog(QDialog):
    def __init__(
        self,
        places: PlaceService,
        save: OfficeSetupService,
        current: OfficeSettings | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
        jobs: JobRunner | None = None,
    ) -> None:
        """``save`` is the :class:`OfficeSetupService`. The national list (14.000 units) and what is
        stored about the office are read in the background: the dialog shows at once. Without
        ``current``, the stored settings are shown (those of an office set up before)."""
        super().__init__(parent)
        self._store = save
        self._today = today or date.today()
        self._current = current
        self.result_settings: OfficeSettings | None = None
        self.tree: PlaceTree | None = None
        self.stored: StoredOffice | None = None
        self._saving = False
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        # The window's one database thread; a dialog opened on its own (first run, tests) gets a runner of its own.
        self._jobs = PageJobs(jobs or JobRunner(self), self, on_error=self._failed)
        for kind in OFFICE_KINDS:
            self.ui.kindCombo.addItem(kind.label, kind.key)
        make_searchable(self.ui.provinceCombo)
        make_searchable(self.ui.unitCombo)
        # What was filled in automatically: replaced when the choice changes, unless the user typed over it.
        self._auto_printed = ""
        self._auto_signer = ("", "", "")
        self._kind_chosen = False
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.fingerprintLabel.setVisible(False)
        self._set_loading(True)
        store = save
        self._jobs.read("places", lambda: (places.all(), store.stored()), self._places_loaded)

    def is_busy(self) -> bool:
        """Whether the lists are still read or the answers saved (tests wait for this to turn False)."""
        return self._jobs.busy()

    def _show_fingerprint(self, words: str) -> None:
        """The office's signing key, to read out to the offices that receive its packages."""
        self.ui.fingerprintLabel.setVisible(bool(words))
        self.ui.fingerprintLabel.setText(
            self.tr(
                "Fingerprint of this office's signing key: %1 — the offices that receive your packages compare it "
                "with the one their program shows."
            ).replace("%1", words)
        )

    def _ok_button(self):
        return self.ui.buttons.button(self.ui.buttons.StandardButton.Ok)

    def _set_loading(self, loading: bool) -> None:
        for widget in (self.ui.provinceCombo, self.ui.unitCombo, self.ui.oldProvincesCheck, self._ok_button()):
            widget.setEnabled(not loading)
        self.ui.unitError.setText(self.tr("Loading the list of administrative units…") if loading else "")

    def _failed(self, exc: Exception) -> None:
        """A read or a save that failed: said under the unit by the one error renderer, the form kept."""
        report_error(self, exc, show=self.ui.unitError.setText)

    def _places_loaded(self, loaded: tuple[list[PlaceDTO], StoredOffice]) -> None:
        places, stored = loaded
        self.stored = stored
        self.tree = PlaceTree(places)
        self._set_loading(False)
        self._show_fingerprint(stored.fingerprint)
        self._fill_provinces()
        self._fill_units()
        self.ui.oldProvincesCheck.toggled.connect(self._old_toggled)
        self.ui.provinceCombo.currentIndexChanged.connect(self._province_changed)
        self.ui.unitCombo.currentIndexChanged.connect(self._unit_changed)
        self.ui.kindCombo.activated.connect(self._kind_activated)
        current = self._current or stored.settings
        if current.office_unit_id or current.user_name:  # set up before (or begun): show what is stored
            self._load(current)
        else:
            self._prefill()

    # --- filling ---------------------------------------------------------------------------

    def _fill_provinces(self) -> None:
        combo = self.ui.provinceCombo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        add_item(combo, "", None)
        for p in self.tree.provinces(self._today, self.ui.oldProvincesCheck.isChecked()):
            add_item(combo, p.name if p.valid_on(self._today) else p.label, p.id, exact=p.name)
        if keep is not None:
            select_data(combo, keep)
        combo.blockSignals(False)

    def _fill_units(self) -> None:
        combo = self.ui.unitCombo
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        add_item(combo, "", None)
        province = self.tree.by_id.get(self.ui.provinceCombo.currentData() or "")
        if province is not None:
            for p in self.tree.units(province, self._today, self.ui.oldProvincesCheck.isChecked()):
                add_item(combo, p.name if p.valid_on(self._today) else p.label, p.id, exact=p.name)
        if keep is None or not select_data(combo, keep):
            combo.setCurrentIndex(0)
        combo.blockSignals(False)

    def _old_toggled(self) -> None:
        self._fill_provinces()
        self._province_changed()

    def _province_changed(self) -> None:
        self._fill_units()
        self._prefill()

    def _unit_changed(self) -> None:
        self._prefill()

    def _kind_activated(self) -> None:
        self._kind_chosen = True
        self._prefill()

    def _prefill(self) -> None:
        """The kind, printed name and signer block that go with the chosen unit."""
        unit = self.tree.by_id.get(self.ui.unitCombo.currentData() or "")
        province = self.tree.by_id.get(self.ui.provinceCombo.currentData() or "")
        if unit is not None and not self._kind_chosen:
            select_data(self.ui.kindCombo, "so_nnmt" if unit.kind in PROVINCE_KINDS else "ubnd")
        kind = self.ui.kindCombo.currentData()
        printed = printed_name(kind, unit.name if unit else "", province.name if province else "")
        if self.ui.printedEdit.text().strip() in ("", self._auto_printed):
            self.ui.printedEdit.setText(printed)
        self._auto_printed = printed
        block = KIND_BY_KEY[kind]
        signer = (block.authority, block.deputy, block.title)
        # Field by field: a line the user typed stays, the guessed ones follow the kind.
        edits = (self.ui.authorityEdit, self.ui.deputyEdit, self.ui.signerTitleEdit)
        for edit, old, new in zip(edits, self._auto_signer, signer, strict=True):
            if edit.text().strip() == old:
                edit.setText(new)
        self._auto_signer = signer

    def _signer(self) -> tuple[str, str, str]:
        return (
            self.ui.authorityEdit.text().strip(),
            self.ui.deputyEdit.text().strip(),
            self.ui.signerTitleEdit.text().strip(),
        )

    def _set_signer(self, signer: tuple[str, str, str]) -> None:
        for edit, text in zip(
            (self.ui.authorityEdit, self.ui.deputyEdit, self.ui.signerTitleEdit), signer, strict=True
        ):
            edit.setText(text)

    def _load(self, current: OfficeSettings) -> None:
        """Show the stored answers; nothing stored is replaced by a guess."""
        province_id = self.tree.province_of(current.office_unit_id) if current.office_unit_id else ""
        province = self.tree.by_id.get(province_id)
        if province is not None and not province.valid_on(self._today):
            self.ui.oldProvincesCheck.blockSignals(True)
            self.ui.oldProvincesCheck.setChecked(True)
            self.ui.oldProvincesCheck.blockSignals(False)
            self._fill_provinces()
        if province is not None:
            select_data(self.ui.provinceCombo, province_id)  # signals refill the units
            select_data(self.ui.unitCombo, current.office_unit_id)
        if current.office_kind in KIND_BY_KEY:
            select_data(self.ui.kindCombo, current.office_kind)
            self._kind_chosen = True
        self._prefill()
        # Set up before the office kind existed: the header name typed in the report settings.
        stored = self.stored
        printed = current.printed_name or (stored.body if stored else "")
        if printed:
            self.ui.printedEdit.setText(printed)
        if stored is not None and stored.signer is not None:
            self._set_signer(stored.signer)
        self.ui.nameEdit.setText(current.user_name)
        self.ui.titleEdit.setText(current.user_title)

    # --- saving ----------------------------------------------------------------------------

    def answers(self) -> OfficeAnswers:
        from ocop_desktop.services.office_setup import OfficeAnswers  # noqa: PLC0415

        return OfficeAnswers(
            unit_id=self.ui.unitCombo.currentData() or "",
            kind=self.ui.kindCombo.currentData() or "khac",
            printed_name=self.ui.printedEdit.text(),
            user_name=self.ui.nameEdit.text(),
            user_title=self.ui.titleEdit.text(),
            signer=self._signer(),
        )

    def accept(self) -> None:
        """Save in the background, OK disabled meanwhile; the dialog closes once the service accepts."""
        if self.tree is None:  # Enter pressed before the lists arrived
            return
        for label in (self.ui.unitError, self.ui.printedError, self.ui.nameError):
            label.clear()
        store, answers = self._store, self.answers()
        self._saving = True
        self._jobs.write(lambda: store.save(answers), self._saved, on_error=self._refused, controls=[self._ok_button()])

    def reject(self) -> None:
        # Escape while the answers are being saved: the dialog waits for the answer, so the
        # window is never started as not set up over an office just saved.
        if not self._saving:
            super().reject()

    def _saved(self, settings: OfficeSettings) -> None:
        self._saving = False
        self.result_settings = settings
        super().accept()

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        if not isinstance(exc, ValidationError):
            self._failed(exc)
            return
        errors = exc.by_field()
        unit_errors = errors.get("office_unit_id", [])
        if not self.ui.provinceCombo.currentData() and unit_errors:
            unit_errors = [self.tr("Province not chosen: choose the province first, then the unit in it.")]
        self.ui.unitError.setText("\n".join(unit_errors + errors.get("office_kind", [])))
        self.ui.printedError.setText("\n".join(errors.get("office_printed_name", [])))
        self.ui.nameError.setText("\n".join(errors.get("user_name", []) + errors.get("user_title", [])))


def make_saver(make_uow) -> OfficeSetupService:
    """The set-up service on a unit-of-work factory, for the dialog."""
    from ocop_desktop.services.office_setup import OfficeSetupService  # noqa: PLC0415

    return OfficeSetupService(make_uow)
