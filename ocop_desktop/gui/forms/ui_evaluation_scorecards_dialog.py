# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scorecards_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ScorecardsDialog(object):
    def setupUi(self, ScorecardsDialog):
        if not ScorecardsDialog.objectName():
            ScorecardsDialog.setObjectName(u"ScorecardsDialog")
        ScorecardsDialog.resize(1000, 680)
        self.dialogLayout = QVBoxLayout(ScorecardsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(ScorecardsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.viewsLayout = QHBoxLayout()
        self.viewsLayout.setObjectName(u"viewsLayout")
        self.cardsView = QTableView(ScorecardsDialog)
        self.cardsView.setObjectName(u"cardsView")
        self.cardsView.setAlternatingRowColors(True)
        self.cardsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.viewsLayout.addWidget(self.cardsView)

        self.criteriaView = QTableView(ScorecardsDialog)
        self.criteriaView.setObjectName(u"criteriaView")
        self.criteriaView.setAlternatingRowColors(True)
        self.criteriaView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.viewsLayout.addWidget(self.criteriaView)

        self.viewsLayout.setStretch(0, 1)
        self.viewsLayout.setStretch(1, 1)

        self.dialogLayout.addLayout(self.viewsLayout)

        self.noteLabel = QLabel(ScorecardsDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.noteLabel)

        self.errorsLabel = QLabel(ScorecardsDialog)
        self.errorsLabel.setObjectName(u"errorsLabel")

        self.dialogLayout.addWidget(self.errorsLabel)

        self.errorsEdit = QPlainTextEdit(ScorecardsDialog)
        self.errorsEdit.setObjectName(u"errorsEdit")
        self.errorsEdit.setReadOnly(True)
        self.errorsEdit.setMaximumSize(QSize(16777215, 140))

        self.dialogLayout.addWidget(self.errorsEdit)

        self.statusLabel = QLabel(ScorecardsDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.statusLabel)

        self.buttonBar = QHBoxLayout()
        self.buttonBar.setObjectName(u"buttonBar")
        self.templateButton = QPushButton(ScorecardsDialog)
        self.templateButton.setObjectName(u"templateButton")

        self.buttonBar.addWidget(self.templateButton)

        self.importButton = QPushButton(ScorecardsDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonBar.addWidget(self.importButton)

        self.restoreButton = QPushButton(ScorecardsDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonBar.addWidget(self.restoreButton)

        self.sheetButton = QPushButton(ScorecardsDialog)
        self.sheetButton.setObjectName(u"sheetButton")

        self.buttonBar.addWidget(self.sheetButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonBar.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(ScorecardsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonBar.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonBar)


        self.retranslateUi(ScorecardsDialog)

        QMetaObject.connectSlotsByName(ScorecardsDialog)
    # setupUi

    def retranslateUi(self, ScorecardsDialog):
        ScorecardsDialog.setWindowTitle(QCoreApplication.translate("ScorecardsDialog", u"Scorecards", None))
        self.introLabel.setText(QCoreApplication.translate("ScorecardsDialog", u"The scorecards used for scoring, one per rule set and product set. To add or correct a card, save the Excel template, fill it in and import it; a card whose points do not add up is refused with the sheet and row to fix.", None))
        self.noteLabel.setText("")
        self.errorsLabel.setText(QCoreApplication.translate("ScorecardsDialog", u"Problems found in the last import:", None))
        self.statusLabel.setText("")
        self.templateButton.setText(QCoreApplication.translate("ScorecardsDialog", u"Save Excel template\u2026", None))
        self.importButton.setText(QCoreApplication.translate("ScorecardsDialog", u"Import from Excel\u2026", None))
        self.restoreButton.setText(QCoreApplication.translate("ScorecardsDialog", u"Restore the shipped card", None))
        self.sheetButton.setText(QCoreApplication.translate("ScorecardsDialog", u"Print blank scoring sheet\u2026", None))
    # retranslateUi

