# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSpinBox,
    QToolButton, QVBoxLayout, QWidget)

from ocop_desktop.gui.date_field import DateField

class Ui_ReportsDialog(object):
    def setupUi(self, ReportsDialog):
        if not ReportsDialog.objectName():
            ReportsDialog.setObjectName(u"ReportsDialog")
        ReportsDialog.resize(1000, 680)
        self.mainLayout = QHBoxLayout(ReportsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.leftLayout = QVBoxLayout()
        self.leftLayout.setObjectName(u"leftLayout")
        self.kindLabel = QLabel(ReportsDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.leftLayout.addWidget(self.kindLabel)

        self.kindList = QListWidget(ReportsDialog)
        self.kindList.setObjectName(u"kindList")
        self.kindList.setMaximumWidth(300)

        self.leftLayout.addWidget(self.kindList)

        self.optionsForm = QFormLayout()
        self.optionsForm.setObjectName(u"optionsForm")
        self.campaignLabel = QLabel(ReportsDialog)
        self.campaignLabel.setObjectName(u"campaignLabel")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.campaignLabel)

        self.campaignCombo = QComboBox(ReportsDialog)
        self.campaignCombo.setObjectName(u"campaignCombo")

        self.optionsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.campaignCombo)

        self.unitLabel = QLabel(ReportsDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(ReportsDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.optionsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.monthsLabel = QLabel(ReportsDialog)
        self.monthsLabel.setObjectName(u"monthsLabel")

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.monthsLabel)

        self.monthsSpin = QSpinBox(ReportsDialog)
        self.monthsSpin.setObjectName(u"monthsSpin")
        self.monthsSpin.setMinimum(1)
        self.monthsSpin.setMaximum(36)
        self.monthsSpin.setValue(6)

        self.optionsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.monthsSpin)

        self.directiveLabel = QLabel(ReportsDialog)
        self.directiveLabel.setObjectName(u"directiveLabel")

        self.optionsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.directiveLabel)

        self.directiveCombo = QComboBox(ReportsDialog)
        self.directiveCombo.setObjectName(u"directiveCombo")

        self.optionsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.directiveCombo)

        self.dateLabel = QLabel(ReportsDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.optionsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = DateField(ReportsDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.optionsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.leftLayout.addLayout(self.optionsForm)

        self.previewButton = QPushButton(ReportsDialog)
        self.previewButton.setObjectName(u"previewButton")

        self.leftLayout.addWidget(self.previewButton)

        self.printButton = QPushButton(ReportsDialog)
        self.printButton.setObjectName(u"printButton")

        self.leftLayout.addWidget(self.printButton)

        self.savePdfButton = QPushButton(ReportsDialog)
        self.savePdfButton.setObjectName(u"savePdfButton")

        self.leftLayout.addWidget(self.savePdfButton)

        self.saveXlsxButton = QPushButton(ReportsDialog)
        self.saveXlsxButton.setObjectName(u"saveXlsxButton")

        self.leftLayout.addWidget(self.saveXlsxButton)

        self.openButton = QPushButton(ReportsDialog)
        self.openButton.setObjectName(u"openButton")

        self.leftLayout.addWidget(self.openButton)

        self.settingsButton = QPushButton(ReportsDialog)
        self.settingsButton.setObjectName(u"settingsButton")

        self.leftLayout.addWidget(self.settingsButton)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftLayout.addItem(self.leftSpacer)


        self.mainLayout.addLayout(self.leftLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.zoomLayout = QHBoxLayout()
        self.zoomLayout.setObjectName(u"zoomLayout")
        self.fitWidthButton = QToolButton(ReportsDialog)
        self.fitWidthButton.setObjectName(u"fitWidthButton")

        self.zoomLayout.addWidget(self.fitWidthButton)

        self.fitPageButton = QToolButton(ReportsDialog)
        self.fitPageButton.setObjectName(u"fitPageButton")

        self.zoomLayout.addWidget(self.fitPageButton)

        self.actualSizeButton = QToolButton(ReportsDialog)
        self.actualSizeButton.setObjectName(u"actualSizeButton")

        self.zoomLayout.addWidget(self.actualSizeButton)

        self.zoomLabel = QLabel(ReportsDialog)
        self.zoomLabel.setObjectName(u"zoomLabel")

        self.zoomLayout.addWidget(self.zoomLabel)

        self.zoomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.zoomLayout.addItem(self.zoomSpacer)


        self.rightLayout.addLayout(self.zoomLayout)

        self.previewArea = QScrollArea(ReportsDialog)
        self.previewArea.setObjectName(u"previewArea")
        self.previewArea.setWidgetResizable(False)
        self.previewArea.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.previewArea.setMinimumSize(QSize(600, 400))

        self.rightLayout.addWidget(self.previewArea)

        self.progressLayout = QHBoxLayout()
        self.progressLayout.setObjectName(u"progressLayout")
        self.statusLabel = QLabel(ReportsDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.progressLayout.addWidget(self.statusLabel)

        self.progressBar = QProgressBar(ReportsDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setVisible(False)

        self.progressLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(ReportsDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setVisible(False)

        self.progressLayout.addWidget(self.cancelButton)

        self.buttons = QDialogButtonBox(ReportsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.progressLayout.addWidget(self.buttons)


        self.rightLayout.addLayout(self.progressLayout)


        self.mainLayout.addLayout(self.rightLayout)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindList)
        self.campaignLabel.setBuddy(self.campaignCombo)
        self.unitLabel.setBuddy(self.unitCombo)
        self.monthsLabel.setBuddy(self.monthsSpin)
        self.directiveLabel.setBuddy(self.directiveCombo)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportsDialog)

        self.previewButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReportsDialog)
    # setupUi

    def retranslateUi(self, ReportsDialog):
        ReportsDialog.setWindowTitle(QCoreApplication.translate("ReportsDialog", u"Reports", None))
        self.kindLabel.setText(QCoreApplication.translate("ReportsDialog", u"&Report", None))
        self.campaignLabel.setText(QCoreApplication.translate("ReportsDialog", u"&Campaign", None))
        self.unitLabel.setText(QCoreApplication.translate("ReportsDialog", u"&Unit", None))
        self.monthsLabel.setText(QCoreApplication.translate("ReportsDialog", u"&Within (months)", None))
        self.directiveLabel.setText(QCoreApplication.translate("ReportsDialog", u"&Directive", None))
        self.dateLabel.setText(QCoreApplication.translate("ReportsDialog", u"Document &date", None))
        self.previewButton.setText(QCoreApplication.translate("ReportsDialog", u"&Preview", None))
        self.printButton.setText(QCoreApplication.translate("ReportsDialog", u"P&rint\u2026", None))
        self.savePdfButton.setText(QCoreApplication.translate("ReportsDialog", u"Save as &PDF\u2026", None))
        self.saveXlsxButton.setText(QCoreApplication.translate("ReportsDialog", u"Save as &Excel\u2026", None))
        self.openButton.setText(QCoreApplication.translate("ReportsDialog", u"&Open in viewer", None))
        self.settingsButton.setText(QCoreApplication.translate("ReportsDialog", u"Document &settings\u2026", None))
        self.fitWidthButton.setText(QCoreApplication.translate("ReportsDialog", u"Fit &width", None))
#if QT_CONFIG(tooltip)
        self.fitWidthButton.setToolTip(QCoreApplication.translate("ReportsDialog", u"Zoom so a page fills the width of the window", None))
#endif // QT_CONFIG(tooltip)
        self.fitPageButton.setText(QCoreApplication.translate("ReportsDialog", u"Fit p&age", None))
#if QT_CONFIG(tooltip)
        self.fitPageButton.setToolTip(QCoreApplication.translate("ReportsDialog", u"Zoom so a whole page shows in the window", None))
#endif // QT_CONFIG(tooltip)
        self.actualSizeButton.setText(QCoreApplication.translate("ReportsDialog", u"100 %", None))
#if QT_CONFIG(tooltip)
        self.actualSizeButton.setToolTip(QCoreApplication.translate("ReportsDialog", u"Show the pages at their printed size (Ctrl + mouse wheel zooms, PgUp/PgDn turn the pages)", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("ReportsDialog", u"&Cancel", None))
    # retranslateUi

