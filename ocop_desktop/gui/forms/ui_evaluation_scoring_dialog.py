# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scoring_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

from ocop_desktop.gui.date_field import DateField

class Ui_ScoringDialog(object):
    def setupUi(self, ScoringDialog):
        if not ScoringDialog.objectName():
            ScoringDialog.setObjectName(u"ScoringDialog")
        ScoringDialog.resize(1000, 680)
        self.dialogLayout = QVBoxLayout(ScoringDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.productLabel = QLabel(ScoringDialog)
        self.productLabel.setObjectName(u"productLabel")
        self.productLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.productLabel)

        self.headerGrid = QGridLayout()
        self.headerGrid.setObjectName(u"headerGrid")
        self.ruleSetLabel = QLabel(ScoringDialog)
        self.ruleSetLabel.setObjectName(u"ruleSetLabel")

        self.headerGrid.addWidget(self.ruleSetLabel, 0, 0, 1, 1)

        self.ruleSetCombo = QComboBox(ScoringDialog)
        self.ruleSetCombo.setObjectName(u"ruleSetCombo")

        self.headerGrid.addWidget(self.ruleSetCombo, 0, 1, 1, 1)

        self.dateLabel = QLabel(ScoringDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.headerGrid.addWidget(self.dateLabel, 0, 2, 1, 1)

        self.dateEdit = DateField(ScoringDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.headerGrid.addWidget(self.dateEdit, 0, 3, 1, 1)

        self.levelLabel = QLabel(ScoringDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.headerGrid.addWidget(self.levelLabel, 0, 4, 1, 1)

        self.levelCombo = QComboBox(ScoringDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.headerGrid.addWidget(self.levelCombo, 0, 5, 1, 1)


        self.dialogLayout.addLayout(self.headerGrid)

        self.cardNoteLabel = QLabel(ScoringDialog)
        self.cardNoteLabel.setObjectName(u"cardNoteLabel")
        self.cardNoteLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.cardNoteLabel)

        self.mainLayout = QHBoxLayout()
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(ScoringDialog)
        self.tabs.setObjectName(u"tabs")
        self.scoresTab = QWidget()
        self.scoresTab.setObjectName(u"scoresTab")
        self.scoresLayout = QVBoxLayout(self.scoresTab)
        self.scoresLayout.setObjectName(u"scoresLayout")
        self.scoreHint = QLabel(self.scoresTab)
        self.scoreHint.setObjectName(u"scoreHint")
        self.scoreHint.setWordWrap(True)

        self.scoresLayout.addWidget(self.scoreHint)

        self.scoreView = QTableView(self.scoresTab)
        self.scoreView.setObjectName(u"scoreView")
        self.scoreView.setAlternatingRowColors(False)
        self.scoreView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scoreView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.SelectedClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.AnyKeyPressed)

        self.scoresLayout.addWidget(self.scoreView)

        self.memberBar = QHBoxLayout()
        self.memberBar.setObjectName(u"memberBar")
        self.memberLabel = QLabel(self.scoresTab)
        self.memberLabel.setObjectName(u"memberLabel")

        self.memberBar.addWidget(self.memberLabel)

        self.memberNameEdit = QLineEdit(self.scoresTab)
        self.memberNameEdit.setObjectName(u"memberNameEdit")

        self.memberBar.addWidget(self.memberNameEdit)

        self.addMemberButton = QPushButton(self.scoresTab)
        self.addMemberButton.setObjectName(u"addMemberButton")

        self.memberBar.addWidget(self.addMemberButton)

        self.removeMemberButton = QPushButton(self.scoresTab)
        self.removeMemberButton.setObjectName(u"removeMemberButton")

        self.memberBar.addWidget(self.removeMemberButton)

        self.memberSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.memberBar.addItem(self.memberSpacer)


        self.scoresLayout.addLayout(self.memberBar)

        self.tabs.addTab(self.scoresTab, "")
        self.gapTab = QWidget()
        self.gapTab.setObjectName(u"gapTab")
        self.gapLayout = QVBoxLayout(self.gapTab)
        self.gapLayout.setObjectName(u"gapLayout")
        self.gapLabel = QLabel(self.gapTab)
        self.gapLabel.setObjectName(u"gapLabel")
        self.gapLabel.setWordWrap(True)

        self.gapLayout.addWidget(self.gapLabel)

        self.gapView = QTableView(self.gapTab)
        self.gapView.setObjectName(u"gapView")
        self.gapView.setAlternatingRowColors(True)
        self.gapView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.gapLayout.addWidget(self.gapView)

        self.tabs.addTab(self.gapTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTableView(self.historyTab)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setAlternatingRowColors(True)
        self.historyView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.historyLayout.addWidget(self.historyView)

        self.historyBar = QHBoxLayout()
        self.historyBar.setObjectName(u"historyBar")
        self.loadButton = QPushButton(self.historyTab)
        self.loadButton.setObjectName(u"loadButton")

        self.historyBar.addWidget(self.loadButton)

        self.printOldButton = QPushButton(self.historyTab)
        self.printOldButton.setObjectName(u"printOldButton")

        self.historyBar.addWidget(self.printOldButton)

        self.historySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.historyBar.addItem(self.historySpacer)


        self.historyLayout.addLayout(self.historyBar)

        self.tabs.addTab(self.historyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.sideLayout = QVBoxLayout()
        self.sideLayout.setObjectName(u"sideLayout")
        self.resultBox = QGroupBox(ScoringDialog)
        self.resultBox.setObjectName(u"resultBox")
        self.resultLayout = QFormLayout(self.resultBox)
        self.resultLayout.setObjectName(u"resultLayout")
        self.partsLabel = QLabel(self.resultBox)
        self.partsLabel.setObjectName(u"partsLabel")

        self.resultLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.partsLabel)

        self.partsValue = QLabel(self.resultBox)
        self.partsValue.setObjectName(u"partsValue")
        self.partsValue.setWordWrap(True)

        self.resultLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.partsValue)

        self.totalLabel = QLabel(self.resultBox)
        self.totalLabel.setObjectName(u"totalLabel")

        self.resultLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.totalLabel)

        self.totalValue = QLabel(self.resultBox)
        self.totalValue.setObjectName(u"totalValue")

        self.resultLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.totalValue)

        self.starsLabel = QLabel(self.resultBox)
        self.starsLabel.setObjectName(u"starsLabel")

        self.resultLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.starsLabel)

        self.starsValue = QLabel(self.resultBox)
        self.starsValue.setObjectName(u"starsValue")
        self.starsValue.setWordWrap(True)

        self.resultLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.starsValue)

        self.statusValue = QLabel(self.resultBox)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setWordWrap(True)

        self.resultLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.statusValue)


        self.sideLayout.addWidget(self.resultBox)

        self.knockoutBox = QGroupBox(ScoringDialog)
        self.knockoutBox.setObjectName(u"knockoutBox")
        self.knockoutLayout = QVBoxLayout(self.knockoutBox)
        self.knockoutLayout.setObjectName(u"knockoutLayout")

        self.sideLayout.addWidget(self.knockoutBox)

        self.certifyBox = QGroupBox(ScoringDialog)
        self.certifyBox.setObjectName(u"certifyBox")
        self.certifyBox.setCheckable(True)
        self.certifyBox.setChecked(False)
        self.certifyLayout = QFormLayout(self.certifyBox)
        self.certifyLayout.setObjectName(u"certifyLayout")
        self.certificateLabel = QLabel(self.certifyBox)
        self.certificateLabel.setObjectName(u"certificateLabel")

        self.certifyLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.certificateLabel)

        self.certificateEdit = QLineEdit(self.certifyBox)
        self.certificateEdit.setObjectName(u"certificateEdit")

        self.certifyLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.certificateEdit)

        self.decisionLabel = QLabel(self.certifyBox)
        self.decisionLabel.setObjectName(u"decisionLabel")

        self.certifyLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.decisionLabel)

        self.decisionEdit = QLineEdit(self.certifyBox)
        self.decisionEdit.setObjectName(u"decisionEdit")

        self.certifyLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.decisionEdit)

        self.bodyLabel = QLabel(self.certifyBox)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.certifyLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.bodyEdit = QLineEdit(self.certifyBox)
        self.bodyEdit.setObjectName(u"bodyEdit")

        self.certifyLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.bodyEdit)

        self.certifiedLabel = QLabel(self.certifyBox)
        self.certifiedLabel.setObjectName(u"certifiedLabel")

        self.certifyLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.certifiedLabel)

        self.certifiedDateEdit = DateField(self.certifyBox)
        self.certifiedDateEdit.setObjectName(u"certifiedDateEdit")

        self.certifyLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.certifiedDateEdit)

        self.expiryValue = QLabel(self.certifyBox)
        self.expiryValue.setObjectName(u"expiryValue")
        self.expiryValue.setWordWrap(True)

        self.certifyLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.expiryValue)


        self.sideLayout.addWidget(self.certifyBox)

        self.notesLabel = QLabel(ScoringDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.sideLayout.addWidget(self.notesLabel)

        self.notesEdit = QLineEdit(ScoringDialog)
        self.notesEdit.setObjectName(u"notesEdit")

        self.sideLayout.addWidget(self.notesEdit)

        self.sideSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sideLayout.addItem(self.sideSpacer)


        self.mainLayout.addLayout(self.sideLayout)

        self.mainLayout.setStretch(0, 3)
        self.mainLayout.setStretch(1, 1)

        self.dialogLayout.addLayout(self.mainLayout)

        self.errorLabel = QLabel(ScoringDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.bottomBar = QHBoxLayout()
        self.bottomBar.setObjectName(u"bottomBar")
        self.printBlankButton = QPushButton(ScoringDialog)
        self.printBlankButton.setObjectName(u"printBlankButton")

        self.bottomBar.addWidget(self.printBlankButton)

        self.printFilledButton = QPushButton(ScoringDialog)
        self.printFilledButton.setObjectName(u"printFilledButton")

        self.bottomBar.addWidget(self.printFilledButton)

        self.printResultButton = QPushButton(ScoringDialog)
        self.printResultButton.setObjectName(u"printResultButton")

        self.bottomBar.addWidget(self.printResultButton)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomBar.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(ScoringDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Save)

        self.bottomBar.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.bottomBar)

#if QT_CONFIG(shortcut)
        self.ruleSetLabel.setBuddy(self.ruleSetCombo)
        self.dateLabel.setBuddy(self.dateEdit)
        self.levelLabel.setBuddy(self.levelCombo)
        self.memberLabel.setBuddy(self.memberNameEdit)
        self.certificateLabel.setBuddy(self.certificateEdit)
        self.decisionLabel.setBuddy(self.decisionEdit)
        self.bodyLabel.setBuddy(self.bodyEdit)
        self.certifiedLabel.setBuddy(self.certifiedDateEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScoringDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ScoringDialog)
    # setupUi

    def retranslateUi(self, ScoringDialog):
        ScoringDialog.setWindowTitle(QCoreApplication.translate("ScoringDialog", u"Evaluation and star rating", None))
        self.productLabel.setText("")
        self.ruleSetLabel.setText(QCoreApplication.translate("ScoringDialog", u"Rule set:", None))
        self.dateLabel.setText(QCoreApplication.translate("ScoringDialog", u"Evaluation date:", None))
        self.levelLabel.setText(QCoreApplication.translate("ScoringDialog", u"Level:", None))
        self.cardNoteLabel.setText("")
        self.scoreHint.setText(QCoreApplication.translate("ScoringDialog", u"Type a score in a member's column, or double-click to pick a level.", None))
        self.memberLabel.setText(QCoreApplication.translate("ScoringDialog", u"Council member:", None))
        self.memberNameEdit.setPlaceholderText(QCoreApplication.translate("ScoringDialog", u"Full name", None))
        self.addMemberButton.setText(QCoreApplication.translate("ScoringDialog", u"Add member", None))
        self.removeMemberButton.setText(QCoreApplication.translate("ScoringDialog", u"Remove selected member", None))
        self.tabs.setTabText(self.tabs.indexOf(self.scoresTab), QCoreApplication.translate("ScoringDialog", u"Scores", None))
        self.gapLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.gapTab), QCoreApplication.translate("ScoringDialog", u"Gap to the next star", None))
        self.loadButton.setText(QCoreApplication.translate("ScoringDialog", u"Show these scores", None))
        self.printOldButton.setText(QCoreApplication.translate("ScoringDialog", u"Print this result\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("ScoringDialog", u"Earlier evaluations", None))
        self.resultBox.setTitle(QCoreApplication.translate("ScoringDialog", u"Result", None))
        self.partsLabel.setText(QCoreApplication.translate("ScoringDialog", u"Parts:", None))
        self.partsValue.setText("")
        self.totalLabel.setText(QCoreApplication.translate("ScoringDialog", u"Total:", None))
        self.totalValue.setText("")
        self.starsLabel.setText(QCoreApplication.translate("ScoringDialog", u"Star class:", None))
        self.starsValue.setText("")
        self.statusValue.setText("")
        self.knockoutBox.setTitle(QCoreApplication.translate("ScoringDialog", u"Knock-out conditions", None))
        self.certifyBox.setTitle(QCoreApplication.translate("ScoringDialog", u"Certified (c\u00f4ng nh\u1eadn)", None))
        self.certificateLabel.setText(QCoreApplication.translate("ScoringDialog", u"Certificate no.:", None))
        self.decisionLabel.setText(QCoreApplication.translate("ScoringDialog", u"Decision:", None))
        self.decisionEdit.setPlaceholderText(QCoreApplication.translate("ScoringDialog", u"e.g. 2150/Q\u0110-UBND", None))
        self.bodyLabel.setText(QCoreApplication.translate("ScoringDialog", u"Certifying body:", None))
        self.certifiedLabel.setText(QCoreApplication.translate("ScoringDialog", u"Certified on:", None))
        self.expiryValue.setText("")
        self.notesLabel.setText(QCoreApplication.translate("ScoringDialog", u"Notes:", None))
        self.errorLabel.setText("")
        self.printBlankButton.setText(QCoreApplication.translate("ScoringDialog", u"Print blank sheet\u2026", None))
        self.printFilledButton.setText(QCoreApplication.translate("ScoringDialog", u"Print filled sheet\u2026", None))
        self.printResultButton.setText(QCoreApplication.translate("ScoringDialog", u"Print result\u2026", None))
    # retranslateUi

