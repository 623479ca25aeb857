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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

from ocop_desktop.gui.surveys.grid_view import SurveyGridView

class Ui_SurveysPage(object):
    def setupUi(self, SurveysPage):
        if not SurveysPage.objectName():
            SurveysPage.setObjectName(u"SurveysPage")
        SurveysPage.resize(1100, 720)
        self.pageLayout = QVBoxLayout(SurveysPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pickerRow = QHBoxLayout()
        self.pickerRow.setObjectName(u"pickerRow")
        self.campaignLabel = QLabel(SurveysPage)
        self.campaignLabel.setObjectName(u"campaignLabel")

        self.pickerRow.addWidget(self.campaignLabel)

        self.campaignCombo = QComboBox(SurveysPage)
        self.campaignCombo.setObjectName(u"campaignCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(3)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.campaignCombo.sizePolicy().hasHeightForWidth())
        self.campaignCombo.setSizePolicy(sizePolicy)
        self.campaignCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.campaignCombo.setMinimumContentsLength(30)

        self.pickerRow.addWidget(self.campaignCombo)

        self.deadlineLabel = QLabel(SurveysPage)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.pickerRow.addWidget(self.deadlineLabel)

        self.unitLabel = QLabel(SurveysPage)
        self.unitLabel.setObjectName(u"unitLabel")

        self.pickerRow.addWidget(self.unitLabel)

        self.unitCombo = QComboBox(SurveysPage)
        self.unitCombo.setObjectName(u"unitCombo")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.unitCombo.sizePolicy().hasHeightForWidth())
        self.unitCombo.setSizePolicy(sizePolicy1)

        self.pickerRow.addWidget(self.unitCombo)


        self.pageLayout.addLayout(self.pickerRow)

        self.splitter = QSplitter(SurveysPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.statusBox = QGroupBox(self.splitter)
        self.statusBox.setObjectName(u"statusBox")
        self.statusLayout = QVBoxLayout(self.statusBox)
        self.statusLayout.setObjectName(u"statusLayout")
        self.statusView = QTableView(self.statusBox)
        self.statusView.setObjectName(u"statusView")
        self.statusView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.statusView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.statusView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.statusLayout.addWidget(self.statusView)

        self.statusButtons = QHBoxLayout()
        self.statusButtons.setObjectName(u"statusButtons")
        self.markSubmittedButton = QPushButton(self.statusBox)
        self.markSubmittedButton.setObjectName(u"markSubmittedButton")

        self.statusButtons.addWidget(self.markSubmittedButton)

        self.unmarkSubmittedButton = QPushButton(self.statusBox)
        self.unmarkSubmittedButton.setObjectName(u"unmarkSubmittedButton")

        self.statusButtons.addWidget(self.unmarkSubmittedButton)

        self.statusSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.statusButtons.addItem(self.statusSpacer)

        self.summaryLabel = QLabel(self.statusBox)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.statusButtons.addWidget(self.summaryLabel)


        self.statusLayout.addLayout(self.statusButtons)

        self.splitter.addWidget(self.statusBox)
        self.entriesBox = QGroupBox(self.splitter)
        self.entriesBox.setObjectName(u"entriesBox")
        self.entriesLayout = QVBoxLayout(self.entriesBox)
        self.entriesLayout.setObjectName(u"entriesLayout")
        self.gridButtons = QHBoxLayout()
        self.gridButtons.setObjectName(u"gridButtons")
        self.saveButton = QPushButton(self.entriesBox)
        self.saveButton.setObjectName(u"saveButton")

        self.gridButtons.addWidget(self.saveButton)

        self.addRowButton = QPushButton(self.entriesBox)
        self.addRowButton.setObjectName(u"addRowButton")

        self.gridButtons.addWidget(self.addRowButton)

        self.removeRowButton = QPushButton(self.entriesBox)
        self.removeRowButton.setObjectName(u"removeRowButton")

        self.gridButtons.addWidget(self.removeRowButton)

        self.promoteButton = QPushButton(self.entriesBox)
        self.promoteButton.setObjectName(u"promoteButton")

        self.gridButtons.addWidget(self.promoteButton)

        self.gridSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.gridButtons.addItem(self.gridSpacer)

        self.importExcelButton = QPushButton(self.entriesBox)
        self.importExcelButton.setObjectName(u"importExcelButton")

        self.gridButtons.addWidget(self.importExcelButton)

        self.templateButton = QPushButton(self.entriesBox)
        self.templateButton.setObjectName(u"templateButton")

        self.gridButtons.addWidget(self.templateButton)

        self.gridSpacerEnd = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.gridButtons.addItem(self.gridSpacerEnd)


        self.entriesLayout.addLayout(self.gridButtons)

        self.grid = SurveyGridView(self.entriesBox)
        self.grid.setObjectName(u"grid")

        self.entriesLayout.addWidget(self.grid)

        self.messageLabel = QLabel(self.entriesBox)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.entriesLayout.addWidget(self.messageLabel)

        self.splitter.addWidget(self.entriesBox)

        self.pageLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.campaignLabel.setBuddy(self.campaignCombo)
        self.unitLabel.setBuddy(self.unitCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SurveysPage)

        QMetaObject.connectSlotsByName(SurveysPage)
    # setupUi

    def retranslateUi(self, SurveysPage):
        self.campaignLabel.setText(QCoreApplication.translate("SurveysPage", u"&Campaign:", None))
        self.unitLabel.setText(QCoreApplication.translate("SurveysPage", u"&Unit:", None))
        self.statusBox.setTitle(QCoreApplication.translate("SurveysPage", u"Reporting units", None))
        self.markSubmittedButton.setText(QCoreApplication.translate("SurveysPage", u"Mark as &submitted\u2026", None))
        self.unmarkSubmittedButton.setText(QCoreApplication.translate("SurveysPage", u"Mark as not submitted", None))
        self.entriesBox.setTitle(QCoreApplication.translate("SurveysPage", u"Survey entries", None))
        self.saveButton.setText(QCoreApplication.translate("SurveysPage", u"Save", None))
        self.addRowButton.setText(QCoreApplication.translate("SurveysPage", u"Add row", None))
        self.removeRowButton.setText(QCoreApplication.translate("SurveysPage", u"Delete row", None))
        self.promoteButton.setText(QCoreApplication.translate("SurveysPage", u"Create potential product", None))
        self.importExcelButton.setText(QCoreApplication.translate("SurveysPage", u"Import from Excel\u2026", None))
        self.templateButton.setText(QCoreApplication.translate("SurveysPage", u"Save Excel template\u2026", None))
        pass
    # retranslateUi

