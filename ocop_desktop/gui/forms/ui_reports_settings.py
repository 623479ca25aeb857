# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ReportSettingsDialog(object):
    def setupUi(self, ReportSettingsDialog):
        if not ReportSettingsDialog.objectName():
            ReportSettingsDialog.setObjectName(u"ReportSettingsDialog")
        ReportSettingsDialog.resize(600, 540)
        self.layout = QVBoxLayout(ReportSettingsDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.parentLabel = QLabel(ReportSettingsDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentEdit = QLineEdit(ReportSettingsDialog)
        self.parentEdit.setObjectName(u"parentEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.parentEdit)

        self.bodyLabel = QLabel(ReportSettingsDialog)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.bodyEdit = QLineEdit(ReportSettingsDialog)
        self.bodyEdit.setObjectName(u"bodyEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.bodyEdit)

        self.placeLabel = QLabel(ReportSettingsDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(ReportSettingsDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.kindLabel = QLabel(ReportSettingsDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ReportSettingsDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.numberLabel = QLabel(ReportSettingsDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(ReportSettingsDialog)
        self.numberEdit.setObjectName(u"numberEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.recipientsLabel = QLabel(ReportSettingsDialog)
        self.recipientsLabel.setObjectName(u"recipientsLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.recipientsLabel)

        self.recipientsEdit = QPlainTextEdit(ReportSettingsDialog)
        self.recipientsEdit.setObjectName(u"recipientsEdit")
        self.recipientsEdit.setTabChangesFocus(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.recipientsEdit)

        self.signerLabel = QLabel(ReportSettingsDialog)
        self.signerLabel.setObjectName(u"signerLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signerLabel)

        self.signerCombo = QComboBox(ReportSettingsDialog)
        self.signerCombo.setObjectName(u"signerCombo")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signerCombo)

        self.authorityLabel = QLabel(ReportSettingsDialog)
        self.authorityLabel.setObjectName(u"authorityLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.authorityLabel)

        self.authorityEdit = QLineEdit(ReportSettingsDialog)
        self.authorityEdit.setObjectName(u"authorityEdit")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.authorityEdit)

        self.deputyLabel = QLabel(ReportSettingsDialog)
        self.deputyLabel.setObjectName(u"deputyLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.deputyLabel)

        self.deputyEdit = QLineEdit(ReportSettingsDialog)
        self.deputyEdit.setObjectName(u"deputyEdit")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.deputyEdit)

        self.signerTitleLabel = QLabel(ReportSettingsDialog)
        self.signerTitleLabel.setObjectName(u"signerTitleLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.signerTitleLabel)

        self.signerTitleEdit = QLineEdit(ReportSettingsDialog)
        self.signerTitleEdit.setObjectName(u"signerTitleEdit")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.signerTitleEdit)

        self.signerNameLabel = QLabel(ReportSettingsDialog)
        self.signerNameLabel.setObjectName(u"signerNameLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.signerNameLabel)

        self.signerNameEdit = QLineEdit(ReportSettingsDialog)
        self.signerNameEdit.setObjectName(u"signerNameEdit")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.signerNameEdit)


        self.layout.addLayout(self.form)

        self.buttons = QDialogButtonBox(ReportSettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.parentLabel.setBuddy(self.parentEdit)
        self.bodyLabel.setBuddy(self.bodyEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.numberLabel.setBuddy(self.numberEdit)
        self.recipientsLabel.setBuddy(self.recipientsEdit)
        self.signerLabel.setBuddy(self.signerCombo)
        self.authorityLabel.setBuddy(self.authorityEdit)
        self.deputyLabel.setBuddy(self.deputyEdit)
        self.signerTitleLabel.setBuddy(self.signerTitleEdit)
        self.signerNameLabel.setBuddy(self.signerNameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportSettingsDialog)

        QMetaObject.connectSlotsByName(ReportSettingsDialog)
    # setupUi

    def retranslateUi(self, ReportSettingsDialog):
        ReportSettingsDialog.setWindowTitle(QCoreApplication.translate("ReportSettingsDialog", u"Document settings", None))
        self.parentLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Parent body", None))
        self.bodyLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Issuing body", None))
        self.placeLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Place in the date line", None))
        self.kindLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Document", None))
        self.numberLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Number and symbol", None))
        self.recipientsLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Recipients (one per line)", None))
        self.signerLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Who signs", None))
        self.authorityLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Signing for (TM.)", None))
        self.deputyLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"On behalf of (KT.)", None))
        self.signerTitleLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Signer's title", None))
        self.signerNameLabel.setText(QCoreApplication.translate("ReportSettingsDialog", u"Signer's name", None))
    # retranslateUi

