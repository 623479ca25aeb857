"""The main window: its shell (menus, tabs, the start page's layout, status bar) shown first, then the pages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QMessageBox, QScrollArea, QWidget

from ocop_desktop import __version__
from ocop_desktop.gui.forms.ui_main_window import Ui_MainWindow
from ocop_desktop.gui.forms.ui_start_page import Ui_StartPage
from ocop_desktop.gui.ui_settings import UiSettings

if TYPE_CHECKING:  # the shell is shown before SQLAlchemy and the services are imported
    from ocop_desktop.gui.start_page import StartPage
    from ocop_desktop.services.settings import OfficeSettings

log = logging.getLogger(__name__)

COMMAND_ACTIONS = (
    "actionSendPackage",
    "actionReceivePackage",
    "actionTrustedSenders",
    "actionImportSurveyExcel",
    "actionSurveyTemplate",
    "actionBackups",
    "actionActivityLog",
    "actionScoreProduct",
    "actionScorecards",
    "actionOpenSample",
    "actionUserManual",
    "actionOpenLogFolder",
)


class ProductsTab(Protocol):
    def show_filtered(self, **filters) -> None: ...
    def add_product(self) -> None: ...
    def refresh(self) -> None: ...


class SurveysTab(Protocol):
    def show_campaign(self, campaign_id: str) -> None: ...
    def save_draft(self) -> None: ...
    def refresh(self) -> None: ...


class TasksTab(Protocol):
    def show_filtered(self, **filters) -> None: ...
    def refresh(self) -> None: ...


# Shown greyed in the shell until the pages are attached: they open what the pages and services give.
PAGE_ACTIONS = ("actionHome", "actionAddProduct", "actionRefresh", "actionOfficeSettings", "actionReports")


class MainWindow(QMainWindow):
    """The window, in two steps: the shell (menus, tabs, the start page's layout, status bar) is made
    and shown before the database is opened — nothing here imports SQLAlchemy or a service — and
    :meth:`attach` puts the pages into it once the file is open."""

    def __init__(self, ui_settings: UiSettings, db_path: str) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._settings = ui_settings
        self._edit_office: Callable[[], OfficeSettings | None] = lambda: None
        self.start: StartPage | None = None
        self.products: ProductsTab | None = None
        self.surveys: SurveysTab | None = None
        self.tasks: TasksTab | None = None
        self.pipeline: QWidget | None = None
        self.activities: QWidget | None = None
        self._placeholders = [self._loading_start_page()]
        self.ui.tabs.addTab(self._placeholders[0], self.tr("Start"))
        # The tabs in their order (attach() puts a page in each): the candidate pipeline beside the
        # registry it follows, the activities with producers after the tasks that ask for them.
        others = (self.tr("OCOP products"), self.tr("Pipeline"), self.tr("Product survey"), self.tr("Tasks"))
        for title in (*others, self.tr("Activities")):
            self._placeholders.append(QWidget())
            self.ui.tabs.addTab(self._placeholders[-1], title)
            self.ui.tabs.setTabEnabled(self.ui.tabs.count() - 1, False)
        self.setWindowTitle(self.tr("OCOP Desktop"))

        self.db_label = QLabel(self.tr("Database: %1").replace("%1", db_path))
        self.office_label = QLabel()
        self.ui.statusbar.addWidget(self.office_label)
        self.ui.statusbar.addPermanentWidget(self.db_label)
        self.ui.statusbar.showMessage(self.tr("Opening the data file…"))

        languages = QActionGroup(self)
        for action, code in ((self.ui.actionLanguageVi, "vi"), (self.ui.actionLanguageEn, "en")):
            languages.addAction(action)
            action.setChecked(ui_settings.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self._about)
        for name in (*PAGE_ACTIONS, *COMMAND_ACTIONS):
            getattr(self.ui, name).setEnabled(False)

        if ui_settings.geometry is not None:
            self.restoreGeometry(ui_settings.geometry)
        if ui_settings.window_state is not None:
            self.restoreState(ui_settings.window_state)

    def _loading_start_page(self) -> QWidget:
        """The start page's layout, empty, saying it is loading: what the user sees until it is filled."""
        content = QWidget()
        form = Ui_StartPage()
        form.setupUi(content)
        for label in (form.stepsLabel, form.expiryLabel, form.tasksLabel):
            label.setText(self.tr("Loading…"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    def attach(
        self,
        start: StartPage,
        products: QWidget,
        surveys: QWidget,
        tasks: QWidget,
        office: OfficeSettings,
        edit_office: Callable[[], OfficeSettings | None],
        open_reports: Callable[[QWidget], None],
        commands: dict[str, Callable[[QWidget], None]] | None = None,
        pipeline: QWidget | None = None,
        activities: QWidget | None = None,
    ) -> None:
        """Put the pages of the open database into the shell and wire the menus to them.

        ``commands`` maps action names of the form (actionSendPackage …) to what they open;
        an action with no command is hidden, so the window also works with fewer services; so
        is the tab of a page not given (``pipeline``, ``activities``)."""
        self._edit_office = edit_office
        self.start, self.products, self.surveys, self.tasks = start, products, surveys, tasks
        self.pipeline, self.activities = pipeline, activities
        current = self.ui.tabs.currentIndex()
        pages = (start, products, pipeline, surveys, tasks, activities)
        titles = [self.ui.tabs.tabText(i) for i in range(len(pages))]
        for placeholder in self._placeholders:
            self.ui.tabs.removeTab(self.ui.tabs.indexOf(placeholder))
            placeholder.deleteLater()
        self._placeholders = []
        for page, title in zip(pages, titles, strict=True):
            if page is not None:
                self.ui.tabs.addTab(page, title)
        self.ui.tabs.setCurrentIndex(max(current, 0))
        if self.ui.statusbar.currentMessage() == self.tr("Opening the data file…"):
            self.ui.statusbar.clearMessage()  # opened; start-up's own steps, if any, are said instead
        self._show_office(office)

        for name in PAGE_ACTIONS:
            getattr(self.ui, name).setEnabled(True)
        self.ui.actionHome.triggered.connect(lambda: self.ui.tabs.setCurrentWidget(start))
        self.ui.actionAddProduct.triggered.connect(self._add_product)
        self.ui.actionRefresh.triggered.connect(self.refresh_all)
        self.ui.actionOfficeSettings.triggered.connect(self._change_office)
        self.ui.actionReports.triggered.connect(lambda: open_reports(self))
        commands = commands or {}
        for name in COMMAND_ACTIONS:
            action = getattr(self.ui, name)
            command = commands.get(name)
            action.setVisible(command is not None)
            action.setEnabled(command is not None)
            if command is not None:
                action.triggered.connect(lambda _checked=False, run=command, name=name: self._run(name, run))
        self.ui.noticeLabel.linkActivated.connect(lambda _l: self.open_tab("tasks", {"due": "overdue"}))
        start.navigate.connect(self.open_tab)
        start.step_requested.connect(self.first_step)
        # Back on the start page after a dialog elsewhere: the checklist ticks what was done.
        self.ui.tabs.currentChanged.connect(
            lambda _i: start.refresh_steps() if self.ui.tabs.currentWidget() is start else None
        )
        for page in (products, pipeline, surveys, tasks, activities):
            changed = getattr(page, "changed", None)
            if changed is not None:
                # A change made in one tab is shown by every other; the tab itself is up to date.
                changed.connect(lambda p=page: self.refresh_all(skip=p))
        # The tasks due arrive with the start page's read: the notice shows them, no read of its own.
        start.due_read.connect(self.show_due_notice)
        start.refresh()

    def show_startup(self, startup) -> None:
        """Say in the status bar what start-up is doing behind the shown window (the check, the
        reference data, today's backup); ``startup`` is app.py's :class:`Startup`."""
        # A method, not a closure: the connection ends with the window (a damaged file closes it
        # while start-up still has a step to report).
        startup.message.connect(self._say_startup)
        if startup.text:
            self._say_startup(startup.text)

    def _say_startup(self, step: str) -> None:
        words = {
            "check": self.tr("Checking the data file…"),
            "reference": self.tr("Updating the reference data…"),
            "loading": self.tr("Loading the lists…"),
            "backup": self.tr("Making today's backup copy…"),
        }
        if step in words:
            self.ui.statusbar.showMessage(words[step])
        else:
            self.ui.statusbar.showMessage(self.tr("Ready"), 5000)

    def _run(self, name: str, command: Callable[[QWidget], None]) -> None:
        # The log says what was opened before a failure (the action, never what is typed in it).
        log.info("Menu: %s", name)
        command(self)

    def mark_sample(self) -> None:
        """This window shows the sample file: say so in the title, so no one types real records into it."""
        # Qt appends "— OCOP Desktop" (the application's display name) to the title by itself.
        self.setWindowTitle(self.tr("SAMPLE DATA (Mường Ảng letter 2024)"))
        self.ui.actionOpenSample.setVisible(False)

    def _show_office(self, office: OfficeSettings) -> None:
        if office.complete:
            who = office.user_name + (f", {office.user_title}" if office.user_title else "")
            self.office_label.setText(self.tr("%1 — %2").replace("%1", office.office_name).replace("%2", who))
        else:
            self.office_label.setText(self.tr("Office not set up"))

    def show_due_notice(self, due: tuple[list, list]) -> None:
        """The quiet notice at start: a line above the tabs, not a dialog (``due``: overdue, due this week)."""
        from ocop_desktop.gui.notice import due_notice_html  # the task types: after the shell is shown

        text = due_notice_html(*due)
        self.ui.noticeLabel.setText(text)
        self.ui.noticeLabel.setVisible(bool(text))

    def open_tab(self, target: str, filters: dict) -> None:
        if target == "products":
            self.ui.tabs.setCurrentWidget(self.products)
            self.products.show_filtered(**filters)
        elif target == "surveys":
            self.ui.tabs.setCurrentWidget(self.surveys)
            if "campaign_id" in filters:
                self.surveys.show_campaign(filters["campaign_id"])
        elif target == "tasks":
            self.ui.tabs.setCurrentWidget(self.tasks)
            self.tasks.show_filtered(**filters)

    def first_step(self, step: str) -> None:
        """Open what a step of the «Bắt đầu» checklist needs; the checklist ticks itself after."""
        if step == "office":
            self._change_office()
        elif step == "campaign" and getattr(self.surveys, "campaign_actions", None) is not None:
            self.ui.tabs.setCurrentWidget(self.surveys)
            self.surveys.campaign_actions.new_campaign()
        elif step == "letter" and hasattr(self.tasks, "add_directive"):
            self.ui.tabs.setCurrentWidget(self.tasks)
            self.tasks.add_directive()
        elif step == "products":
            self._add_product()
        elif step == "import" and self.ui.actionImportSurveyExcel.isVisible():
            self.ui.actionImportSurveyExcel.trigger()
        elif step == "send" and self.ui.actionSendPackage.isVisible():
            self.ui.actionSendPackage.trigger()
        self.start.refresh_steps()

    def refresh_all(self, skip: QWidget | None = None) -> None:
        """The one refresh after any change made elsewhere (a package, a restore, an Excel import,
        another tab, Làm mới): every page reloads what it shows; unsaved typing is kept."""
        for page in (self.start, self.products, self.pipeline, self.surveys, self.tasks, self.activities):
            if page is not None and page is not skip:
                page.refresh()  # the start page's read brings the notice up to date too

    def _add_product(self) -> None:
        self.ui.tabs.setCurrentWidget(self.products)
        self.products.add_product()

    def _change_office(self) -> None:
        office = self._edit_office()
        if office is not None:
            self._show_office(office)

    def _set_language(self, code: str) -> None:
        if code == self._settings.language:
            return
        self._settings.language = code
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The language will change the next time OCOP Desktop starts."),
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About OCOP Desktop"),
            self.tr("OCOP Desktop %1\nOffline management of the One Commune One Product programme.").replace(
                "%1", __version__
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        save_draft = getattr(self.surveys, "save_draft", None)
        if save_draft is not None:
            save_draft()  # nothing typed in the survey grid is lost on close
        self._settings.geometry = self.saveGeometry()
        self._settings.window_state = self.saveState()
        self._settings.sync()
        super().closeEvent(event)
