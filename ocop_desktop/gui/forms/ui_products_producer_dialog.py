# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'producer_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ProducerDialog(object):
    def setupUi(self, ProducerDialog):
        if not ProducerDialog.objectName():
            ProducerDialog.setObjectName(u"ProducerDialog")
        ProducerDialog.setMinimumSize(QSize(520, 0))
        ProducerDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ProducerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.producerForm = QFormLayout()
        self.producerForm.setObjectName(u"producerForm")
        self.producerForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(ProducerDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.producerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ProducerDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(300)

        self.producerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(ProducerDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.producerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.kindLabel = QLabel(ProducerDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.producerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(ProducerDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.producerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.kindError = QLabel(ProducerDialog)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setWordWrap(True)
        self.kindError.setVisible(False)

        self.producerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kindError)

        self.taxCodeLabel = QLabel(ProducerDialog)
        self.taxCodeLabel.setObjectName(u"taxCodeLabel")

        self.producerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.taxCodeLabel)

        self.taxCodeEdit = QLineEdit(ProducerDialog)
        self.taxCodeEdit.setObjectName(u"taxCodeEdit")
        self.taxCodeEdit.setMaxLength(20)

        self.producerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.taxCodeEdit)

        self.taxCodeError = QLabel(ProducerDialog)
        self.taxCodeError.setObjectName(u"taxCodeError")
        self.taxCodeError.setWordWrap(True)
        self.taxCodeError.setVisible(False)

        self.producerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.taxCodeError)

        self.representativeLabel = QLabel(ProducerDialog)
        self.representativeLabel.setObjectName(u"representativeLabel")

        self.producerForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.representativeLabel)

        self.representativeEdit = QLineEdit(ProducerDialog)
        self.representativeEdit.setObjectName(u"representativeEdit")
        self.representativeEdit.setMaxLength(200)

        self.producerForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.representativeEdit)

        self.representativeError = QLabel(ProducerDialog)
        self.representativeError.setObjectName(u"representativeError")
        self.representativeError.setWordWrap(True)
        self.representativeError.setVisible(False)

        self.producerForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.representativeError)

        self.phoneLabel = QLabel(ProducerDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.producerForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(ProducerDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(30)

        self.producerForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.phoneError = QLabel(ProducerDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)
        self.phoneError.setVisible(False)

        self.producerForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phoneError)

        self.addressLabel = QLabel(ProducerDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.producerForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(ProducerDialog)
        self.addressEdit.setObjectName(u"addressEdit")

        self.producerForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.addressError = QLabel(ProducerDialog)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setWordWrap(True)
        self.addressError.setVisible(False)

        self.producerForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.addressError)

        self.communeLabel = QLabel(ProducerDialog)
        self.communeLabel.setObjectName(u"communeLabel")

        self.producerForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.communeLabel)

        self.communeCombo = QComboBox(ProducerDialog)
        self.communeCombo.setObjectName(u"communeCombo")

        self.producerForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.communeCombo)

        self.communeError = QLabel(ProducerDialog)
        self.communeError.setObjectName(u"communeError")
        self.communeError.setWordWrap(True)
        self.communeError.setVisible(False)

        self.producerForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.communeError)


        self.dialogLayout.addLayout(self.producerForm)

        self.formError = QLabel(ProducerDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.dialogLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(ProducerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.taxCodeLabel.setBuddy(self.taxCodeEdit)
        self.representativeLabel.setBuddy(self.representativeEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.communeLabel.setBuddy(self.communeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.taxCodeEdit)
        QWidget.setTabOrder(self.taxCodeEdit, self.representativeEdit)
        QWidget.setTabOrder(self.representativeEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.communeCombo)
        QWidget.setTabOrder(self.communeCombo, self.buttonBox)

        self.retranslateUi(ProducerDialog)

        QMetaObject.connectSlotsByName(ProducerDialog)
    # setupUi

    def retranslateUi(self, ProducerDialog):
        ProducerDialog.setWindowTitle(QCoreApplication.translate("ProducerDialog", u"New producer", None))
        self.nameLabel.setText(QCoreApplication.translate("ProducerDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ProducerDialog", u"e.g. HTX N\u00f4ng nghi\u1ec7p \u1eb2ng N\u01b0a", None))
        self.kindLabel.setText(QCoreApplication.translate("ProducerDialog", u"&Kind:", None))
        self.taxCodeLabel.setText(QCoreApplication.translate("ProducerDialog", u"&Tax code / ID no.:", None))
        self.taxCodeEdit.setPlaceholderText(QCoreApplication.translate("ProducerDialog", u"10 or 13 digits, or a 12-digit personal ID", None))
        self.representativeLabel.setText(QCoreApplication.translate("ProducerDialog", u"&Representative:", None))
        self.phoneLabel.setText(QCoreApplication.translate("ProducerDialog", u"&Phone:", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("ProducerDialog", u"e.g. 0912 345 678", None))
        self.addressLabel.setText(QCoreApplication.translate("ProducerDialog", u"&Address:", None))
        self.communeLabel.setText(QCoreApplication.translate("ProducerDialog", u"&Commune:", None))
    # retranslateUi

