# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_log.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSplitter, QTableView,
    QVBoxLayout, QWidget)

from ocop_desktop.gui.date_field import DateField

class Ui_AuditLogDialog(object):
    def setupUi(self, AuditLogDialog):
        if not AuditLogDialog.objectName():
            AuditLogDialog.setObjectName(u"AuditLogDialog")
        AuditLogDialog.resize(1000, 640)
        self.mainLayout = QVBoxLayout(AuditLogDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.entityLabel = QLabel(AuditLogDialog)
        self.entityLabel.setObjectName(u"entityLabel")

        self.filterLayout.addWidget(self.entityLabel)

        self.entityCombo = QComboBox(AuditLogDialog)
        self.entityCombo.setObjectName(u"entityCombo")

        self.filterLayout.addWidget(self.entityCombo)

        self.searchLabel = QLabel(AuditLogDialog)
        self.searchLabel.setObjectName(u"searchLabel")

        self.filterLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(AuditLogDialog)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)

        self.dateCheck = QCheckBox(AuditLogDialog)
        self.dateCheck.setObjectName(u"dateCheck")

        self.filterLayout.addWidget(self.dateCheck)

        self.fromDate = DateField(AuditLogDialog)
        self.fromDate.setObjectName(u"fromDate")

        self.filterLayout.addWidget(self.fromDate)

        self.toLabel = QLabel(AuditLogDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.filterLayout.addWidget(self.toLabel)

        self.toDate = DateField(AuditLogDialog)
        self.toDate.setObjectName(u"toDate")

        self.filterLayout.addWidget(self.toDate)

        self.refreshButton = QPushButton(AuditLogDialog)
        self.refreshButton.setObjectName(u"refreshButton")

        self.filterLayout.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.filterLayout)

        self.splitter = QSplitter(AuditLogDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.entriesView = QTableView(self.splitter)
        self.entriesView.setObjectName(u"entriesView")
        self.entriesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entriesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entriesView.setAlternatingRowColors(True)
        self.entriesView.setWordWrap(False)
        self.splitter.addWidget(self.entriesView)
        self.detailsView = QPlainTextEdit(self.splitter)
        self.detailsView.setObjectName(u"detailsView")
        self.detailsView.setReadOnly(True)
        self.splitter.addWidget(self.detailsView)

        self.mainLayout.addWidget(self.splitter)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.statusLabel = QLabel(AuditLogDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.bottomLayout.addWidget(self.statusLabel)

        self.printButton = QPushButton(AuditLogDialog)
        self.printButton.setObjectName(u"printButton")

        self.bottomLayout.addWidget(self.printButton)

        self.savePdfButton = QPushButton(AuditLogDialog)
        self.savePdfButton.setObjectName(u"savePdfButton")

        self.bottomLayout.addWidget(self.savePdfButton)

        self.buttons = QDialogButtonBox(AuditLogDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.bottomLayout.addWidget(self.buttons)


        self.mainLayout.addLayout(self.bottomLayout)

#if QT_CONFIG(shortcut)
        self.entityLabel.setBuddy(self.entityCombo)
        self.searchLabel.setBuddy(self.searchEdit)
        self.toLabel.setBuddy(self.toDate)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AuditLogDialog)

        self.refreshButton.setDefault(True)


        QMetaObject.connectSlotsByName(AuditLogDialog)
    # setupUi

    def retranslateUi(self, AuditLogDialog):
        AuditLogDialog.setWindowTitle(QCoreApplication.translate("AuditLogDialog", u"Activity log", None))
        self.entityLabel.setText(QCoreApplication.translate("AuditLogDialog", u"&Kind:", None))
        self.searchLabel.setText(QCoreApplication.translate("AuditLogDialog", u"&Record:", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("AuditLogDialog", u"product, producer or survey row name", None))
        self.dateCheck.setText(QCoreApplication.translate("AuditLogDialog", u"&From", None))
        self.toLabel.setText(QCoreApplication.translate("AuditLogDialog", u"&to", None))
        self.refreshButton.setText(QCoreApplication.translate("AuditLogDialog", u"&Show", None))
        self.printButton.setText(QCoreApplication.translate("AuditLogDialog", u"&Print\u2026", None))
        self.savePdfButton.setText(QCoreApplication.translate("AuditLogDialog", u"Save as P&DF\u2026", None))
    # retranslateUi

