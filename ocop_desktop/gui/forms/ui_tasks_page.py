# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_TasksPage(object):
    def setupUi(self, TasksPage):
        if not TasksPage.objectName():
            TasksPage.setObjectName(u"TasksPage")
        TasksPage.resize(1100, 700)
        self.pageLayout = QHBoxLayout(TasksPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.splitter = QSplitter(TasksPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.directivePane = QWidget(self.splitter)
        self.directivePane.setObjectName(u"directivePane")
        self.directiveLayout = QVBoxLayout(self.directivePane)
        self.directiveLayout.setObjectName(u"directiveLayout")
        self.directiveLayout.setContentsMargins(0, 0, 0, 0)
        self.directiveHeading = QLabel(self.directivePane)
        self.directiveHeading.setObjectName(u"directiveHeading")

        self.directiveLayout.addWidget(self.directiveHeading)

        self.directiveList = QListView(self.directivePane)
        self.directiveList.setObjectName(u"directiveList")
        self.directiveList.setWordWrap(True)
        self.directiveList.setAlternatingRowColors(True)
        self.directiveList.setSpacing(2)

        self.directiveLayout.addWidget(self.directiveList)

        self.directiveButtons = QHBoxLayout()
        self.directiveButtons.setObjectName(u"directiveButtons")
        self.addDirectiveButton = QPushButton(self.directivePane)
        self.addDirectiveButton.setObjectName(u"addDirectiveButton")

        self.directiveButtons.addWidget(self.addDirectiveButton)

        self.editDirectiveButton = QPushButton(self.directivePane)
        self.editDirectiveButton.setObjectName(u"editDirectiveButton")

        self.directiveButtons.addWidget(self.editDirectiveButton)


        self.directiveLayout.addLayout(self.directiveButtons)

        self.splitter.addWidget(self.directivePane)
        self.taskSplitter = QSplitter(self.splitter)
        self.taskSplitter.setObjectName(u"taskSplitter")
        self.taskSplitter.setOrientation(Qt.Orientation.Vertical)
        self.taskSplitter.setChildrenCollapsible(False)
        self.taskPane = QWidget(self.taskSplitter)
        self.taskPane.setObjectName(u"taskPane")
        self.taskLayout = QVBoxLayout(self.taskPane)
        self.taskLayout.setObjectName(u"taskLayout")
        self.taskLayout.setContentsMargins(0, 0, 0, 0)
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.assigneeLabel = QLabel(self.taskPane)
        self.assigneeLabel.setObjectName(u"assigneeLabel")

        self.filterLayout.addWidget(self.assigneeLabel)

        self.assigneeCombo = QComboBox(self.taskPane)
        self.assigneeCombo.setObjectName(u"assigneeCombo")
        self.assigneeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.assigneeCombo.setMinimumContentsLength(18)

        self.filterLayout.addWidget(self.assigneeCombo)

        self.statusLabel = QLabel(self.taskPane)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(self.taskPane)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.dueLabel = QLabel(self.taskPane)
        self.dueLabel.setObjectName(u"dueLabel")

        self.filterLayout.addWidget(self.dueLabel)

        self.dueCombo = QComboBox(self.taskPane)
        self.dueCombo.setObjectName(u"dueCombo")

        self.filterLayout.addWidget(self.dueCombo)

        self.searchEdit = QLineEdit(self.taskPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)


        self.taskLayout.addLayout(self.filterLayout)

        self.taskTable = QTableView(self.taskPane)
        self.taskTable.setObjectName(u"taskTable")
        self.taskTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.taskTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.taskTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.taskTable.setWordWrap(False)
        self.taskTable.horizontalHeader().setStretchLastSection(True)
        self.taskTable.verticalHeader().setVisible(False)

        self.taskLayout.addWidget(self.taskTable)

        self.taskButtons = QHBoxLayout()
        self.taskButtons.setObjectName(u"taskButtons")
        self.addTaskButton = QPushButton(self.taskPane)
        self.addTaskButton.setObjectName(u"addTaskButton")

        self.taskButtons.addWidget(self.addTaskButton)

        self.editTaskButton = QPushButton(self.taskPane)
        self.editTaskButton.setObjectName(u"editTaskButton")

        self.taskButtons.addWidget(self.editTaskButton)

        self.statusButton = QPushButton(self.taskPane)
        self.statusButton.setObjectName(u"statusButton")

        self.taskButtons.addWidget(self.statusButton)

        self.messageLabel = QLabel(self.taskPane)
        self.messageLabel.setObjectName(u"messageLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.messageLabel.sizePolicy().hasHeightForWidth())
        self.messageLabel.setSizePolicy(sizePolicy)
        self.messageLabel.setWordWrap(True)

        self.taskButtons.addWidget(self.messageLabel)


        self.taskLayout.addLayout(self.taskButtons)

        self.taskSplitter.addWidget(self.taskPane)
        self.detailPane = QWidget(self.taskSplitter)
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(self.detailPane)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.titleLabel)

        self.descriptionView = QPlainTextEdit(self.detailPane)
        self.descriptionView.setObjectName(u"descriptionView")
        self.descriptionView.setReadOnly(True)
        self.descriptionView.setMaximumSize(QSize(16777215, 90))

        self.detailLayout.addWidget(self.descriptionView)

        self.resultLabel = QLabel(self.detailPane)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.resultLabel)

        self.progressHeader = QHBoxLayout()
        self.progressHeader.setObjectName(u"progressHeader")
        self.progressHeading = QLabel(self.detailPane)
        self.progressHeading.setObjectName(u"progressHeading")

        self.progressHeader.addWidget(self.progressHeading)

        self.progressSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.progressHeader.addItem(self.progressSpacer)

        self.addProgressButton = QPushButton(self.detailPane)
        self.addProgressButton.setObjectName(u"addProgressButton")

        self.progressHeader.addWidget(self.addProgressButton)


        self.detailLayout.addLayout(self.progressHeader)

        self.progressTable = QTableView(self.detailPane)
        self.progressTable.setObjectName(u"progressTable")
        self.progressTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.progressTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.progressTable.horizontalHeader().setStretchLastSection(True)
        self.progressTable.verticalHeader().setVisible(False)

        self.detailLayout.addWidget(self.progressTable)

        self.taskSplitter.addWidget(self.detailPane)
        self.splitter.addWidget(self.taskSplitter)

        self.pageLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.assigneeLabel.setBuddy(self.assigneeCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.dueLabel.setBuddy(self.dueCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TasksPage)

        QMetaObject.connectSlotsByName(TasksPage)
    # setupUi

    def retranslateUi(self, TasksPage):
        TasksPage.setWindowTitle(QCoreApplication.translate("TasksPage", u"Tasks", None))
        self.directiveHeading.setText(QCoreApplication.translate("TasksPage", u"Directives", None))
        self.addDirectiveButton.setText(QCoreApplication.translate("TasksPage", u"Add directive", None))
        self.editDirectiveButton.setText(QCoreApplication.translate("TasksPage", u"Edit", None))
        self.assigneeLabel.setText(QCoreApplication.translate("TasksPage", u"Assignee:", None))
        self.statusLabel.setText(QCoreApplication.translate("TasksPage", u"Status:", None))
        self.dueLabel.setText(QCoreApplication.translate("TasksPage", u"Due:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("TasksPage", u"Search tasks (diacritics optional)\u2026", None))
        self.addTaskButton.setText(QCoreApplication.translate("TasksPage", u"Add task", None))
        self.editTaskButton.setText(QCoreApplication.translate("TasksPage", u"Edit", None))
        self.statusButton.setText(QCoreApplication.translate("TasksPage", u"Change status", None))
        self.progressHeading.setText(QCoreApplication.translate("TasksPage", u"Progress", None))
        self.addProgressButton.setText(QCoreApplication.translate("TasksPage", u"Add progress", None))
    # retranslateUi

