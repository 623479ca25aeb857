# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'campaign_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from ocop_desktop.gui.date_field import DateField

class Ui_CampaignDialog(object):
    def setupUi(self, CampaignDialog):
        if not CampaignDialog.objectName():
            CampaignDialog.setObjectName(u"CampaignDialog")
        CampaignDialog.resize(720, 600)
        self.dialogLayout = QVBoxLayout(CampaignDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.yearLabel = QLabel(CampaignDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearRow = QHBoxLayout()
        self.yearRow.setObjectName(u"yearRow")
        self.yearEdit = QLineEdit(CampaignDialog)
        self.yearEdit.setObjectName(u"yearEdit")
        self.yearEdit.setMaximumSize(QSize(80, 16777215))
        self.yearEdit.setMaxLength(4)

        self.yearRow.addWidget(self.yearEdit)

        self.copyButton = QPushButton(CampaignDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.yearRow.addWidget(self.copyButton)

        self.yearSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearRow.addItem(self.yearSpacer)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.yearRow)

        self.titleLabel = QLabel(CampaignDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(CampaignDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(500)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.deadlineLabel = QLabel(CampaignDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineEdit = DateField(CampaignDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setMaximumSize(QSize(160, 16777215))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deadlineEdit)

        self.letterLabel = QLabel(CampaignDialog)
        self.letterLabel.setObjectName(u"letterLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.letterLabel)

        self.letterEdit = QLineEdit(CampaignDialog)
        self.letterEdit.setObjectName(u"letterEdit")
        self.letterEdit.setMaxLength(500)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.letterEdit)

        self.deadlineDayCheck = QCheckBox(CampaignDialog)
        self.deadlineDayCheck.setObjectName(u"deadlineDayCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.deadlineDayCheck)


        self.dialogLayout.addLayout(self.formLayout)

        self.copyLabel = QLabel(CampaignDialog)
        self.copyLabel.setObjectName(u"copyLabel")
        self.copyLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.copyLabel)

        self.unitsBox = QGroupBox(CampaignDialog)
        self.unitsBox.setObjectName(u"unitsBox")
        self.unitsLayout = QVBoxLayout(self.unitsBox)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.searchEdit = QLineEdit(self.unitsBox)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setMaxLength(200)
        self.searchEdit.setClearButtonEnabled(True)

        self.unitsLayout.addWidget(self.searchEdit)

        self.containerRow = QHBoxLayout()
        self.containerRow.setObjectName(u"containerRow")
        self.containerCombo = QComboBox(self.unitsBox)
        self.containerCombo.setObjectName(u"containerCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.containerCombo.sizePolicy().hasHeightForWidth())
        self.containerCombo.setSizePolicy(sizePolicy)
        self.containerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.containerCombo.setMinimumContentsLength(20)

        self.containerRow.addWidget(self.containerCombo)

        self.selectAllButton = QPushButton(self.unitsBox)
        self.selectAllButton.setObjectName(u"selectAllButton")

        self.containerRow.addWidget(self.selectAllButton)

        self.clearButton = QPushButton(self.unitsBox)
        self.clearButton.setObjectName(u"clearButton")

        self.containerRow.addWidget(self.clearButton)


        self.unitsLayout.addLayout(self.containerRow)

        self.unitList = QListWidget(self.unitsBox)
        self.unitList.setObjectName(u"unitList")
        self.unitList.setMinimumSize(QSize(0, 160))
        self.unitList.setUniformItemSizes(True)

        self.unitsLayout.addWidget(self.unitList)

        self.countLabel = QLabel(self.unitsBox)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setWordWrap(True)

        self.unitsLayout.addWidget(self.countLabel)


        self.dialogLayout.addWidget(self.unitsBox)

        self.errorLabel = QLabel(CampaignDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CampaignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
        self.letterLabel.setBuddy(self.letterEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearEdit, self.copyButton)
        QWidget.setTabOrder(self.copyButton, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.deadlineEdit)
        QWidget.setTabOrder(self.deadlineEdit, self.letterEdit)
        QWidget.setTabOrder(self.letterEdit, self.deadlineDayCheck)
        QWidget.setTabOrder(self.deadlineDayCheck, self.searchEdit)
        QWidget.setTabOrder(self.searchEdit, self.containerCombo)
        QWidget.setTabOrder(self.containerCombo, self.selectAllButton)
        QWidget.setTabOrder(self.selectAllButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.unitList)

        self.retranslateUi(CampaignDialog)
        self.buttonBox.rejected.connect(CampaignDialog.reject)

        QMetaObject.connectSlotsByName(CampaignDialog)
    # setupUi

    def retranslateUi(self, CampaignDialog):
        CampaignDialog.setWindowTitle(QCoreApplication.translate("CampaignDialog", u"New survey campaign", None))
        self.yearLabel.setText(QCoreApplication.translate("CampaignDialog", u"&Year:", None))
        self.copyButton.setText(QCoreApplication.translate("CampaignDialog", u"&Copy from last year's campaign", None))
        self.titleLabel.setText(QCoreApplication.translate("CampaignDialog", u"&Title:", None))
        self.deadlineLabel.setText(QCoreApplication.translate("CampaignDialog", u"&Deadline:", None))
        self.letterLabel.setText(QCoreApplication.translate("CampaignDialog", u"Requesting &letter:", None))
#if QT_CONFIG(tooltip)
        self.deadlineDayCheck.setToolTip(QCoreApplication.translate("CampaignDialog", u"Off: \u00abbefore 05/07\u00bb read literally, so 04/07 is the last day on time. The survey report states the rule.", None))
#endif // QT_CONFIG(tooltip)
        self.deadlineDayCheck.setText(QCoreApplication.translate("CampaignDialog", u"Reports sent on the deadline day itself count as on time", None))
        self.unitsBox.setTitle(QCoreApplication.translate("CampaignDialog", u"Reporting units", None))
        self.selectAllButton.setText(QCoreApplication.translate("CampaignDialog", u"Select &all units in it", None))
        self.clearButton.setText(QCoreApplication.translate("CampaignDialog", u"Clear the choice", None))
    # retranslateUi

