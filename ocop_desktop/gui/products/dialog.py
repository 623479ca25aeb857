"""The product form: every field of a registry entry, with the service's messages under each field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ocop_desktop.domain.enums import OcopGroup, ProductStatus
from ocop_desktop.domain.formatting import enum_label, stars
from ocop_desktop.domain.numbers import (
    DateError,
    NumberError,
    format_vn_date,
    format_vn_number,
    parse_vn_date,
    parse_vn_number,
)
from ocop_desktop.domain.rules import RuleSet, rule_set_in_force
from ocop_desktop.domain.validation import ValidationError
from ocop_desktop.gui.activities.history import ActivityHistory
from ocop_desktop.gui.error_text import report_error
from ocop_desktop.gui.forms.ui_products_dialog import Ui_ProductDialog
from ocop_desktop.gui.jobs import JobRunner
from ocop_desktop.gui.page_jobs import PageJobs
from ocop_desktop.gui.products.field_errors import WARNING_STYLE, FieldErrors
from ocop_desktop.gui.products.label_fields import LabelFields
from ocop_desktop.gui.products.searchable import add_item, fill_communes, make_searchable, select_data
from ocop_desktop.gui.screen_fit import scroll_form
from ocop_desktop.gui.stale import answer_stale
from ocop_desktop.services.activities import ActivityService
from ocop_desktop.services.catalog import CatalogService, GroupDTO
from ocop_desktop.services.places import PlaceDTO, PlaceService
from ocop_desktop.services.producers import ProducerService
from ocop_desktop.services.products import ChecklistSection, ProductDTO, ProductInput, ProductRow, ProductService


@dataclass(frozen=True)
class _Form:
    """What the form needs from the database, read in one background job."""

    original: ProductDTO | None
    communes: list[PlaceDTO]
    groups: list[GroupDTO]
    rule_sets: list[RuleSet]
    checklist: list[ChecklistSection]


class ProductDialog(QDialog):
    """Create or edit one product. Stays open, input intact, until the service accepts it."""

    saved = Signal(object, bool)  # ProductDTO, whether the expiry was computed by the service

    def __init__(
        self,
        products: ProductService,
        producers: ProducerService,
        places: PlaceService,
        catalog: CatalogService,
        product_id: str | None = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
        jobs: JobRunner | None = None,
        activities: ActivityService | None = None,  # an existing product's activity history; None: not shown
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ProductDialog()
        self.ui.setupUi(self)
        # The window's one database thread; a dialog opened on its own (tests) gets a runner of its own.
        runner = jobs or JobRunner(self)
        self._jobs = PageJobs(
            runner,
            self,
            on_error=lambda exc: report_error(self, exc, show=lambda reason: self.errors.show({"": [reason]})),
        )
        self._products = products
        self.original: ProductDTO | None = None
        self.saved_product: ProductDTO | None = None
        self.duplicates: list[ProductRow] = []
        self.checklist_boxes: dict[str, QCheckBox] = {}
        self._groups: list[GroupDTO] = []
        self._set_group: dict[str, str] = {}
        self._rule_sets: list[RuleSet] = []
        self.loaded = False  # the product and the lists have arrived: the form may be saved
        self._saving = False
        self._filling = False
        ui = self.ui
        self.setWindowTitle(
            self.tr("New product")
            if product_id is None
            else self.tr("Edit product: %1").replace("%1", self.tr("Loading…"))
        )
        ui.producerPicker.set_services(producers, places, today, jobs=runner)
        make_searchable(ui.communeCombo)
        self._fill_fixed_lists()
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        # Offered when a save is refused because someone saved the product since the form opened.
        self.reload_button = ui.buttonBox.addButton(self.tr("Reload"), QDialogButtonBox.ButtonRole.ResetRole)
        self.reload_button.setToolTip(
            self.tr("Show the product as it is stored now; what you typed in this form is replaced.")
        )
        self.reload_button.hide()
        self.reload_button.clicked.connect(self.reload)
        fields = {
            "name": (ui.nameError, ui.nameEdit),
            "producer_id": (ui.producerError, ui.producerPicker),
            "commune_id": (ui.communeError, ui.communeCombo),
            "group": (ui.groupError, ui.groupCombo),
            "product_set": (ui.productSetError, ui.setCombo),
            "status": (ui.statusError, ui.statusCombo),
            "stars": (ui.starsError, ui.starsCombo),
            "score": (ui.scoreError, ui.scoreEdit),
            "certificate_no": (ui.certificateNoError, ui.certificateNoEdit),
            "certifying_decision": (ui.certifyingDecisionError, ui.certifyingDecisionEdit),
            "certifying_body": (ui.certifyingBodyError, ui.certifyingBodyEdit),
            "certified_on": (ui.certifiedOnError, ui.certifiedOnEdit),
            "expires_on": (ui.expiresOnError, ui.expiresOnEdit),
            "ean13": (ui.ean13Error, ui.ean13Edit),
            "notes": (ui.notesError, ui.notesEdit),
        }
        # Trademark, barcode owner, traceability (issue 17): under the checklist they follow up.
        self.label_fields = LabelFields(ui.formArea)
        ui.formAreaLayout.insertWidget(ui.formAreaLayout.indexOf(ui.checklistBox) + 1, self.label_fields)
        fields |= {k: (self.label_fields.errors[k], edit) for k, edit in self.label_fields.edits.items()}
        self.errors = FieldErrors(
            {f: lab for f, (lab, _w) in fields.items()}, ui.formError, {f: w for f, (_lab, w) in fields.items()}
        )
        self.errors.clear()
        ui.duplicateWarning.setStyleSheet(WARNING_STYLE)
        ui.expiresOnHint.setStyleSheet("color: palette(mid);")
        # The layout shows at once; the fields wait for the product and the lists, and say so.
        self.loading_label = QLabel(self.tr("Loading…"), self)
        ui.dialogLayout.insertWidget(ui.dialogLayout.indexOf(ui.buttonBox), self.loading_label)
        ui.formArea.setEnabled(False)
        self.save_button.setEnabled(False)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.groupCombo.currentIndexChanged.connect(self._group_changed)
        ui.setCombo.currentIndexChanged.connect(self._set_changed)
        ui.nameEdit.editingFinished.connect(self.check_duplicates)
        ui.producerPicker.changed.connect(self.check_duplicates)
        for edit in (ui.certifiedOnEdit, ui.expiresOnEdit):
            edit.editingFinished.connect(lambda e=edit: self._tidy_date(e))
        ui.certifiedOnEdit.editingFinished.connect(self._show_expiry_hint)
        ui.expiresOnEdit.editingFinished.connect(self._show_expiry_hint)
        self.history: ActivityHistory | None = None
        if activities is not None and product_id is not None:  # fairs, support, training it took part in
            box = QGroupBox(self.tr("Activities with this product"), ui.formArea)
            self.history = ActivityHistory(activities, runner, box)
            self.history.table.setMinimumHeight(140)
            QVBoxLayout(box).addWidget(self.history)
            ui.formAreaLayout.addWidget(box)
            self.history.show_product(product_id)
        scroll_form(self, ui.formScroll)  # errors under the fields scroll rather than grow the dialog
        day = today()

        def read() -> _Form:
            original = products.get(product_id) if product_id else None
            keep = original.commune_id if original else None
            return _Form(
                original,
                places.commune_choices(day, keep),
                catalog.groups(),
                catalog.rule_sets(),
                products.checklist(),
            )

        self._jobs.read("form", read, lambda form: self._arrived(form, day), on_error=self._load_failed)

    # --- building ------------------------------------------------------------------------
    def _fill_fixed_lists(self) -> None:
        """The lists the program knows without reading the database."""
        ui = self.ui
        for status in ProductStatus:
            add_item(ui.statusCombo, status.shown, status.value)
        add_item(ui.starsCombo, "", None)
        for n in range(1, 6):
            add_item(ui.starsCombo, stars(n), n)
        select_data(ui.statusCombo, ProductStatus.POTENTIAL.value)

    def _arrived(self, form: _Form, day: date) -> None:
        ui = self.ui
        self.original = form.original
        if form.original is not None:
            self.setWindowTitle(self.tr("Edit product: %1").replace("%1", form.original.name))
        keep = form.original.commune_id if form.original else None
        fill_communes(ui.communeCombo, form.communes, day, keep=keep)
        self._groups, self._rule_sets = form.groups, form.rule_sets
        self._set_group = {s.code: g.code for g in self._groups for s in g.sets}
        ui.groupCombo.blockSignals(True)
        add_item(ui.groupCombo, "", None)
        for g in self._groups:
            add_item(ui.groupCombo, enum_label(OcopGroup, g.code, fallback=g.name), g.code)
        ui.groupCombo.blockSignals(False)
        self._fill_sets(None, None)
        self.checklist_boxes = self._build_checklist(form.checklist)
        self._load(form.original)
        self.loading_label.hide()
        ui.formArea.setEnabled(True)
        self.save_button.setEnabled(True)
        self.loaded = True
        ui.nameEdit.setFocus()

    def _load_failed(self, exc: Exception) -> None:
        """The form cannot be filled: say why; Save stays disabled, Cancel closes."""
        self.loading_label.hide()
        report_error(self, exc, show=lambda reason: self.errors.show({"": [reason]}))

    def _fill_sets(self, group_code: str | None, keep: str | None) -> None:
        combo = self.ui.setCombo
        self._filling = True
        combo.clear()
        add_item(combo, "", None)
        for g in self._groups:
            if group_code in (None, g.code):
                for s in g.sets:
                    add_item(combo, s.name, s.code)
        select_data(combo, keep)
        self._filling = False

    def _build_checklist(self, sections: list[ChecklistSection]) -> dict[str, QCheckBox]:
        boxes: dict[str, QCheckBox] = {}
        for section in sections:
            group = QGroupBox(section.name, self.ui.checklistBox)
            layout = QVBoxLayout(group)
            for item in section.items:
                box = QCheckBox(item.name, group)
                layout.addWidget(box)
                boxes[item.code] = box
            layout.addStretch(1)
            self.ui.checklistLayout.addWidget(group)
        return boxes

    def _load(self, p: ProductDTO | None) -> None:
        ui = self.ui
        select_data(ui.statusCombo, p.status if p else ProductStatus.POTENTIAL.value)
        if p is None:
            return
        ui.nameEdit.setText(p.name)
        ui.producerPicker.set_producer_id(p.producer_id)
        select_data(ui.communeCombo, p.commune_id)
        select_data(ui.groupCombo, p.group_code or None)
        self._fill_sets(p.group_code or None, p.product_set_code or None)
        select_data(ui.starsCombo, p.stars)
        ui.scoreEdit.setText(format_vn_number(p.score) if p.score is not None else "")
        ui.certificateNoEdit.setText(p.certificate_no)
        ui.certifyingDecisionEdit.setText(p.certifying_decision)
        ui.certifyingBodyEdit.setText(p.certifying_body)
        ui.certifiedOnEdit.setText(format_vn_date(p.certified_on))
        ui.expiresOnEdit.setText(format_vn_date(p.expires_on))
        ui.ean13Edit.setText(p.ean13)
        ui.notesEdit.setPlainText(p.notes)
        self.label_fields.load(p.label)
        for code, box in self.checklist_boxes.items():
            box.setChecked(bool(p.checklist.get(code)))

    # --- reactions -----------------------------------------------------------------------
    def _group_changed(self) -> None:
        if self._filling:
            return
        group = self.ui.groupCombo.currentData()
        chosen = self.ui.setCombo.currentData()
        self._fill_sets(group, chosen if group is None or self._set_group.get(chosen) == group else None)

    def _set_changed(self) -> None:
        if self._filling:
            return
        chosen = self.ui.setCombo.currentData()
        # A product set implies its group.
        if chosen and self.ui.groupCombo.currentData() != self._set_group.get(chosen):
            select_data(self.ui.groupCombo, self._set_group[chosen])

    @staticmethod
    def _tidy_date(edit: QLineEdit) -> None:
        try:
            if edit.text().strip():
                edit.setText(format_vn_date(parse_vn_date(edit.text())))
        except DateError:
            pass  # the message appears on saving, under the field

    def _show_expiry_hint(self) -> None:
        """Tell, before saving, the expiry the service will compute from the rules in force."""
        hint = self.tr("Leave empty to compute it from the rules in force on the certification date.")
        try:
            certified = parse_vn_date(self.ui.certifiedOnEdit.text())
            if not self.ui.expiresOnEdit.text().strip():
                rules = rule_set_in_force(self._rule_sets, certified)
                hint = (
                    self.tr("Empty: it will be %1 (%2 months under %3).")
                    .replace("%1", format_vn_date(rules.expiry_for(certified)))
                    .replace("%2", str(rules.certificate_months))
                    .replace("%3", rules.decision)
                )
        except (DateError, LookupError):
            pass
        self.ui.expiresOnHint.setText(hint)

    def is_busy(self) -> bool:
        """Whether a read, a check or the save still runs (tests wait for this to turn False)."""
        if self.history is not None and self.history.is_busy():
            return True
        return self._jobs.busy() or self.ui.producerPicker.is_busy()

    def check_duplicates(self) -> None:
        """Warn under the name when the same producer already has a product of that name (read in the background)."""
        ui, products = self.ui, self._products
        name, producer_id, own_id = ui.nameEdit.text(), ui.producerPicker.producer_id(), self._own_id()
        self._jobs.read(
            "duplicates", lambda: products.find_duplicates(name, producer_id, own_id), self._show_duplicates
        )

    def _own_id(self) -> str | None:
        return self.original.id if self.original else None

    def _show_duplicates(self, found: list[ProductRow]) -> None:
        ui = self.ui
        if [r.id for r in found] != [r.id for r in self.duplicates]:
            ui.duplicateConfirm.setChecked(False)
        self.duplicates = found
        if found:
            text = self.tr("This producer already has a product named “%1”.").replace("%1", found[0].name)
            if found[0].archived:
                text += " " + self.tr("It is archived: you may restore it instead.")
            ui.duplicateWarning.setText(text)
        ui.duplicateWarning.setVisible(bool(found))
        ui.duplicateConfirm.setVisible(bool(found))

    # --- saving --------------------------------------------------------------------------
    def collect(self) -> tuple[ProductInput, dict[str, list[str]]]:
        """What the form holds, and the problems found while reading it (dates, numbers, names)."""
        ui = self.ui
        problems: dict[str, list[str]] = {}

        def read(field: str, parse, text: str):
            if not text.strip():
                return None
            try:
                return parse(text)
            except (DateError, NumberError) as exc:
                problems[field] = [str(exc)]
                return None

        score = read("score", parse_vn_number, ui.scoreEdit.text())
        picker = ui.producerPicker
        if picker.is_unresolved():
            problems["producer_id"] = [
                self.tr("No producer is called “%1”. Pick one from the list or press “New producer…”.").replace(
                    "%1", picker.text()
                )
            ]
        checklist = dict(self.original.checklist) if self.original else {}
        for code, box in self.checklist_boxes.items():
            checklist.pop(code, None)
            if box.isChecked():
                checklist[code] = True
        data = ProductInput(
            name=ui.nameEdit.text(),
            status=ui.statusCombo.currentData(),
            producer_id=picker.producer_id(),
            commune_id=ui.communeCombo.currentData(),
            product_set_code=ui.setCombo.currentData(),
            group_code=ui.groupCombo.currentData(),
            stars=ui.starsCombo.currentData(),
            score=float(score) if score is not None else None,
            certificate_no=ui.certificateNoEdit.text(),
            certifying_decision=ui.certifyingDecisionEdit.text(),
            certifying_body=ui.certifyingBodyEdit.text(),
            certified_on=read("certified_on", parse_vn_date, ui.certifiedOnEdit.text()),
            expires_on=read("expires_on", parse_vn_date, ui.expiresOnEdit.text()),
            ean13=ui.ean13Edit.text(),
            checklist=checklist,
            notes=ui.notesEdit.toPlainText(),
            label=self.label_fields.collect(problems),
        )
        return data, problems

    def save(self) -> None:
        """Check and store the form in one job: the form's own problems with the service's findings,
        then a duplicate not confirmed yet, then the save itself (refused if changed since shown)."""
        if not self.loaded:  # Enter pressed before the form was filled: nothing to save yet
            return
        self.errors.clear()
        data, problems = self.collect()
        products, product_id = self._products, self._own_id()
        version = self.original.version if self.original else None  # refused if saved by someone since
        shown = [r.id for r in self.duplicates]
        confirmed = self.ui.duplicateConfirm.isChecked()

        def work() -> tuple[str, object]:
            if problems:
                return "problems", products.validate(data, product_id)
            found = products.find_duplicates(data.name, data.producer_id, product_id)
            if found and (not confirmed or [r.id for r in found] != shown):
                return "duplicates", found
            if product_id:
                return "saved", products.update(product_id, data, expected_version=version)
            return "saved", products.create(data)

        self._saving = True
        self._jobs.write(
            work,
            lambda answer: self._answered(data, problems, *answer),
            on_error=self._refused,
            controls=[self.save_button],
        )

    def reject(self) -> None:
        # Cancel (or Escape) while the save runs waits for it: the registry then shows what was stored.
        if not self._saving:
            super().reject()

    def _answered(self, data: ProductInput, problems: dict[str, list[str]], kind: str, value) -> None:
        self._saving = False
        if kind == "problems":
            # Show the service's findings on the other fields too: every problem at once.
            for error in value:
                if error.field not in problems:
                    problems.setdefault(error.field, []).append(error.message)
            self.errors.show(problems)
            return
        if kind == "duplicates":
            self._show_duplicates(value)
            self.ui.duplicateConfirm.setFocus()
            return
        self._saved(data, value)

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        if answer_stale(exc, lambda text: self.errors.show({"": [text]})):  # changed since the form opened
            self.reload_button.show()  # the message names who saved it; Reload shows their version
            return
        if isinstance(exc, ValidationError):
            self.errors.show(exc.by_field())
        else:  # a full disk, a record gone, or a bug: said by the one error renderer
            report_error(self, exc, show=lambda reason: self.errors.show({"": [reason]}))

    def reload(self) -> None:
        """Read the product again and show it as stored now (after a refused save): the next
        save is then made on the newest version."""
        product_id, products = self._own_id(), self._products
        if product_id is None:
            return
        self.reload_button.setEnabled(False)

        def reloaded(p: ProductDTO) -> None:
            self.original = p
            self._load(p)
            self.errors.clear()
            self.reload_button.setEnabled(True)
            self.reload_button.hide()

        def failed(exc: Exception) -> None:
            self.reload_button.setEnabled(True)
            report_error(self, exc, show=lambda reason: self.errors.show({"": [reason]}))

        self._jobs.read("reload", lambda: products.get(product_id), reloaded, on_error=failed)

    def _saved(self, data: ProductInput, dto: ProductDTO) -> None:
        self.saved_product = dto
        self.saved.emit(dto, data.expires_on is None and dto.expires_on is not None)
        self.accept()
