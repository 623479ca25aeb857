# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'receive_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QProgressBar, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_ReceivePackageDialog(object):
    def setupUi(self, ReceivePackageDialog):
        if not ReceivePackageDialog.objectName():
            ReceivePackageDialog.setObjectName(u"ReceivePackageDialog")
        ReceivePackageDialog.resize(1000, 700)
        self.dialogLayout = QVBoxLayout(ReceivePackageDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(ReceivePackageDialog)
        self.tabs.setObjectName(u"tabs")
        self.receiveTab = QWidget()
        self.receiveTab.setObjectName(u"receiveTab")
        self.receiveLayout = QVBoxLayout(self.receiveTab)
        self.receiveLayout.setObjectName(u"receiveLayout")
        self.filesLayout = QHBoxLayout()
        self.filesLayout.setObjectName(u"filesLayout")
        self.addButton = QPushButton(self.receiveTab)
        self.addButton.setObjectName(u"addButton")

        self.filesLayout.addWidget(self.addButton)

        self.importAllButton = QPushButton(self.receiveTab)
        self.importAllButton.setObjectName(u"importAllButton")
        self.importAllButton.setEnabled(False)

        self.filesLayout.addWidget(self.importAllButton)

        self.filesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filesLayout.addItem(self.filesSpacer)


        self.receiveLayout.addLayout(self.filesLayout)

        self.splitter = QSplitter(self.receiveTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.packagesView = QTableView(self.splitter)
        self.packagesView.setObjectName(u"packagesView")
        self.packagesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.packagesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.packagesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.splitter.addWidget(self.packagesView)
        self.previewPanel = QWidget(self.splitter)
        self.previewPanel.setObjectName(u"previewPanel")
        self.previewLayout = QVBoxLayout(self.previewPanel)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryLabel = QLabel(self.previewPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.previewLayout.addWidget(self.summaryLabel)

        self.changesView = QTableView(self.previewPanel)
        self.changesView.setObjectName(u"changesView")
        self.changesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.changesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.previewLayout.addWidget(self.changesView)

        self.conflictBox = QGroupBox(self.previewPanel)
        self.conflictBox.setObjectName(u"conflictBox")
        self.conflictLayout = QVBoxLayout(self.conflictBox)
        self.conflictLayout.setObjectName(u"conflictLayout")
        self.conflictLabel = QLabel(self.conflictBox)
        self.conflictLabel.setObjectName(u"conflictLabel")
        self.conflictLabel.setWordWrap(True)

        self.conflictLayout.addWidget(self.conflictLabel)

        self.fieldsView = QTableView(self.conflictBox)
        self.fieldsView.setObjectName(u"fieldsView")
        self.fieldsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fieldsView.setWordWrap(True)

        self.conflictLayout.addWidget(self.fieldsView)

        self.choiceLayout = QHBoxLayout()
        self.choiceLayout.setObjectName(u"choiceLayout")
        self.hereRadio = QRadioButton(self.conflictBox)
        self.hereRadio.setObjectName(u"hereRadio")

        self.choiceLayout.addWidget(self.hereRadio)

        self.thereRadio = QRadioButton(self.conflictBox)
        self.thereRadio.setObjectName(u"thereRadio")

        self.choiceLayout.addWidget(self.thereRadio)

        self.choiceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choiceLayout.addItem(self.choiceSpacer)

        self.allHereButton = QPushButton(self.conflictBox)
        self.allHereButton.setObjectName(u"allHereButton")

        self.choiceLayout.addWidget(self.allHereButton)

        self.allThereButton = QPushButton(self.conflictBox)
        self.allThereButton.setObjectName(u"allThereButton")

        self.choiceLayout.addWidget(self.allThereButton)


        self.conflictLayout.addLayout(self.choiceLayout)


        self.previewLayout.addWidget(self.conflictBox)

        self.splitter.addWidget(self.previewPanel)

        self.receiveLayout.addWidget(self.splitter)

        self.importLayout = QHBoxLayout()
        self.importLayout.setObjectName(u"importLayout")
        self.importButton = QPushButton(self.receiveTab)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setEnabled(False)

        self.importLayout.addWidget(self.importButton)

        self.progressBar = QProgressBar(self.receiveTab)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setVisible(False)

        self.importLayout.addWidget(self.progressBar)

        self.statusLabel = QLabel(self.receiveTab)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.importLayout.addWidget(self.statusLabel)


        self.receiveLayout.addLayout(self.importLayout)

        self.tabs.addTab(self.receiveTab, "")
        self.inboxTab = QWidget()
        self.inboxTab.setObjectName(u"inboxTab")
        self.inboxLayout = QVBoxLayout(self.inboxTab)
        self.inboxLayout.setObjectName(u"inboxLayout")
        self.inboxView = QTableView(self.inboxTab)
        self.inboxView.setObjectName(u"inboxView")
        self.inboxView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.inboxView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.inboxView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.inboxLayout.addWidget(self.inboxView)

        self.undoLayout = QHBoxLayout()
        self.undoLayout.setObjectName(u"undoLayout")
        self.undoButton = QPushButton(self.inboxTab)
        self.undoButton.setObjectName(u"undoButton")
        self.undoButton.setEnabled(False)

        self.undoLayout.addWidget(self.undoButton)

        self.inboxStatusLabel = QLabel(self.inboxTab)
        self.inboxStatusLabel.setObjectName(u"inboxStatusLabel")
        self.inboxStatusLabel.setWordWrap(True)
        self.inboxStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.undoLayout.addWidget(self.inboxStatusLabel)


        self.inboxLayout.addLayout(self.undoLayout)

        self.tabs.addTab(self.inboxTab, "")
        self.submissionsTab = QWidget()
        self.submissionsTab.setObjectName(u"submissionsTab")
        self.submissionsLayout = QVBoxLayout(self.submissionsTab)
        self.submissionsLayout.setObjectName(u"submissionsLayout")
        self.campaignLayout = QHBoxLayout()
        self.campaignLayout.setObjectName(u"campaignLayout")
        self.campaignLabel = QLabel(self.submissionsTab)
        self.campaignLabel.setObjectName(u"campaignLabel")

        self.campaignLayout.addWidget(self.campaignLabel)

        self.campaignCombo = QComboBox(self.submissionsTab)
        self.campaignCombo.setObjectName(u"campaignCombo")

        self.campaignLayout.addWidget(self.campaignCombo)

        self.rateLabel = QLabel(self.submissionsTab)
        self.rateLabel.setObjectName(u"rateLabel")
        self.rateLabel.setWordWrap(True)

        self.campaignLayout.addWidget(self.rateLabel)


        self.submissionsLayout.addLayout(self.campaignLayout)

        self.unitsView = QTableView(self.submissionsTab)
        self.unitsView.setObjectName(u"unitsView")
        self.unitsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.submissionsLayout.addWidget(self.unitsView)

        self.tabs.addTab(self.submissionsTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(ReceivePackageDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.campaignLabel.setBuddy(self.campaignCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReceivePackageDialog)
        self.buttonBox.rejected.connect(ReceivePackageDialog.reject)

        QMetaObject.connectSlotsByName(ReceivePackageDialog)
    # setupUi

    def retranslateUi(self, ReceivePackageDialog):
        ReceivePackageDialog.setWindowTitle(QCoreApplication.translate("ReceivePackageDialog", u"Receive report packages", None))
        self.addButton.setText(QCoreApplication.translate("ReceivePackageDialog", u"&Add packages\u2026", None))
        self.importAllButton.setText(QCoreApplication.translate("ReceivePackageDialog", u"Import all packages &without conflicts", None))
        self.conflictBox.setTitle(QCoreApplication.translate("ReceivePackageDialog", u"Conflict: changed here and in the package", None))
        self.hereRadio.setText(QCoreApplication.translate("ReceivePackageDialog", u"Keep &this office's copy", None))
        self.thereRadio.setText(QCoreApplication.translate("ReceivePackageDialog", u"Take the &package's copy", None))
        self.allHereButton.setText(QCoreApplication.translate("ReceivePackageDialog", u"Keep this office's copy for all", None))
        self.allThereButton.setText(QCoreApplication.translate("ReceivePackageDialog", u"Take the package's copy for all", None))
        self.importButton.setText(QCoreApplication.translate("ReceivePackageDialog", u"&Import this package", None))
        self.tabs.setTabText(self.tabs.indexOf(self.receiveTab), QCoreApplication.translate("ReceivePackageDialog", u"Receive", None))
        self.undoButton.setText(QCoreApplication.translate("ReceivePackageDialog", u"&Undo this import", None))
        self.tabs.setTabText(self.tabs.indexOf(self.inboxTab), QCoreApplication.translate("ReceivePackageDialog", u"Packages received", None))
        self.campaignLabel.setText(QCoreApplication.translate("ReceivePackageDialog", u"&Survey:", None))
        self.tabs.setTabText(self.tabs.indexOf(self.submissionsTab), QCoreApplication.translate("ReceivePackageDialog", u"Who has reported", None))
    # retranslateUi

