# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(640, 560)
        self.layout = QVBoxLayout(FirstRunDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.provinceLabel = QLabel(FirstRunDialog)
        self.provinceLabel.setObjectName(u"provinceLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.provinceLabel)

        self.provinceCombo = QComboBox(FirstRunDialog)
        self.provinceCombo.setObjectName(u"provinceCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.provinceCombo)

        self.oldProvincesCheck = QCheckBox(FirstRunDialog)
        self.oldProvincesCheck.setObjectName(u"oldProvincesCheck")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.oldProvincesCheck)

        self.unitLabel = QLabel(FirstRunDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(FirstRunDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitCombo)

        self.unitError = QLabel(FirstRunDialog)
        self.unitError.setObjectName(u"unitError")
        self.unitError.setWordWrap(True)
        self.unitError.setStyleSheet(u"color: #b00020;")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.unitError)

        self.kindLabel = QLabel(FirstRunDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(FirstRunDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.printedLabel = QLabel(FirstRunDialog)
        self.printedLabel.setObjectName(u"printedLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.printedLabel)

        self.printedEdit = QLineEdit(FirstRunDialog)
        self.printedEdit.setObjectName(u"printedEdit")
        self.printedEdit.setMaxLength(300)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.printedEdit)

        self.printedError = QLabel(FirstRunDialog)
        self.printedError.setObjectName(u"printedError")
        self.printedError.setWordWrap(True)
        self.printedError.setStyleSheet(u"color: #b00020;")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.printedError)

        self.nameLabel = QLabel(FirstRunDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FirstRunDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(FirstRunDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setStyleSheet(u"color: #b00020;")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.titleLabel = QLabel(FirstRunDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(FirstRunDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.titleEdit)


        self.layout.addLayout(self.form)

        self.signerGroup = QGroupBox(FirstRunDialog)
        self.signerGroup.setObjectName(u"signerGroup")
        self.signerForm = QFormLayout(self.signerGroup)
        self.signerForm.setObjectName(u"signerForm")
        self.authorityLabel = QLabel(self.signerGroup)
        self.authorityLabel.setObjectName(u"authorityLabel")

        self.signerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.authorityLabel)

        self.authorityEdit = QLineEdit(self.signerGroup)
        self.authorityEdit.setObjectName(u"authorityEdit")

        self.signerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.authorityEdit)

        self.deputyLabel = QLabel(self.signerGroup)
        self.deputyLabel.setObjectName(u"deputyLabel")

        self.signerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deputyLabel)

        self.deputyEdit = QLineEdit(self.signerGroup)
        self.deputyEdit.setObjectName(u"deputyEdit")

        self.signerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deputyEdit)

        self.signerTitleLabel = QLabel(self.signerGroup)
        self.signerTitleLabel.setObjectName(u"signerTitleLabel")

        self.signerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.signerTitleLabel)

        self.signerTitleEdit = QLineEdit(self.signerGroup)
        self.signerTitleEdit.setObjectName(u"signerTitleEdit")

        self.signerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.signerTitleEdit)


        self.layout.addWidget(self.signerGroup)

        self.fingerprintLabel = QLabel(FirstRunDialog)
        self.fingerprintLabel.setObjectName(u"fingerprintLabel")
        self.fingerprintLabel.setWordWrap(True)
        self.fingerprintLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.fingerprintLabel)

        self.buttons = QDialogButtonBox(FirstRunDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.provinceLabel.setBuddy(self.provinceCombo)
        self.unitLabel.setBuddy(self.unitCombo)
        self.kindLabel.setBuddy(self.kindCombo)
        self.printedLabel.setBuddy(self.printedEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.authorityLabel.setBuddy(self.authorityEdit)
        self.deputyLabel.setBuddy(self.deputyEdit)
        self.signerTitleLabel.setBuddy(self.signerTitleEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.provinceCombo, self.oldProvincesCheck)
        QWidget.setTabOrder(self.oldProvincesCheck, self.unitCombo)
        QWidget.setTabOrder(self.unitCombo, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.printedEdit)
        QWidget.setTabOrder(self.printedEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.authorityEdit)
        QWidget.setTabOrder(self.authorityEdit, self.deputyEdit)
        QWidget.setTabOrder(self.deputyEdit, self.signerTitleEdit)

        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"Set up the office", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Which office does this copy serve, and who uses it? They appear in the activity log and in the header and signature block of documents. Type part of a name, with or without diacritics, to search.", None))
        self.provinceLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&Province", None))
        self.oldProvincesCheck.setText(QCoreApplication.translate("FirstRunDialog", u"Also list the provinces before 01/07/2025 (an office recording older data)", None))
        self.unitLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&Unit", None))
        self.kindLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Office &kind", None))
        self.printedLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Office name as &printed", None))
        self.nameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Your &full name", None))
        self.titleLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&Title", None))
        self.signerGroup.setTitle(QCoreApplication.translate("FirstRunDialog", u"Default signer block of documents", None))
        self.authorityLabel.setText(QCoreApplication.translate("FirstRunDialog", u"On behalf of (T&M.)", None))
        self.deputyLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Deputy signs for (&KT.)", None))
        self.signerTitleLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Signer's titl&e", None))
    # retranslateUi

