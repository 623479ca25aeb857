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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QFrame,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget)

from ocop_desktop.gui.products.picker import ProducerPicker

class Ui_ProductDialog(object):
    def setupUi(self, ProductDialog):
        if not ProductDialog.objectName():
            ProductDialog.setObjectName(u"ProductDialog")
        ProductDialog.setModal(True)
        self.dialogLayout = QVBoxLayout(ProductDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formScroll = QScrollArea(ProductDialog)
        self.formScroll.setObjectName(u"formScroll")
        self.formScroll.setWidgetResizable(True)
        self.formScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.formScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.formArea = QWidget()
        self.formArea.setObjectName(u"formArea")
        self.formAreaLayout = QVBoxLayout(self.formArea)
        self.formAreaLayout.setObjectName(u"formAreaLayout")
        self.formAreaLayout.setContentsMargins(0, 0, 0, 0)
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.generalForm = QFormLayout()
        self.generalForm.setObjectName(u"generalForm")
        self.generalForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(self.formArea)
        self.nameLabel.setObjectName(u"nameLabel")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.formArea)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(300)

        self.generalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nameError = QLabel(self.formArea)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)

        self.generalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.duplicateWarning = QLabel(self.formArea)
        self.duplicateWarning.setObjectName(u"duplicateWarning")
        self.duplicateWarning.setWordWrap(True)
        self.duplicateWarning.setVisible(False)

        self.generalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.duplicateWarning)

        self.duplicateConfirm = QCheckBox(self.formArea)
        self.duplicateConfirm.setObjectName(u"duplicateConfirm")
        self.duplicateConfirm.setVisible(False)

        self.generalForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.duplicateConfirm)

        self.producerLabel = QLabel(self.formArea)
        self.producerLabel.setObjectName(u"producerLabel")

        self.generalForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.producerLabel)

        self.producerPicker = ProducerPicker(self.formArea)
        self.producerPicker.setObjectName(u"producerPicker")

        self.generalForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.producerPicker)

        self.producerError = QLabel(self.formArea)
        self.producerError.setObjectName(u"producerError")
        self.producerError.setWordWrap(True)
        self.producerError.setVisible(False)

        self.generalForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.producerError)

        self.communeLabel = QLabel(self.formArea)
        self.communeLabel.setObjectName(u"communeLabel")

        self.generalForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.communeLabel)

        self.communeCombo = QComboBox(self.formArea)
        self.communeCombo.setObjectName(u"communeCombo")

        self.generalForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.communeCombo)

        self.communeError = QLabel(self.formArea)
        self.communeError.setObjectName(u"communeError")
        self.communeError.setWordWrap(True)
        self.communeError.setVisible(False)

        self.generalForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.communeError)

        self.groupLabel = QLabel(self.formArea)
        self.groupLabel.setObjectName(u"groupLabel")

        self.generalForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.groupCombo = QComboBox(self.formArea)
        self.groupCombo.setObjectName(u"groupCombo")

        self.generalForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.groupCombo)

        self.groupError = QLabel(self.formArea)
        self.groupError.setObjectName(u"groupError")
        self.groupError.setWordWrap(True)
        self.groupError.setVisible(False)

        self.generalForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.groupError)

        self.setLabel = QLabel(self.formArea)
        self.setLabel.setObjectName(u"setLabel")

        self.generalForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.setLabel)

        self.setCombo = QComboBox(self.formArea)
        self.setCombo.setObjectName(u"setCombo")

        self.generalForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.setCombo)

        self.productSetError = QLabel(self.formArea)
        self.productSetError.setObjectName(u"productSetError")
        self.productSetError.setWordWrap(True)
        self.productSetError.setVisible(False)

        self.generalForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.productSetError)

        self.statusLabel = QLabel(self.formArea)
        self.statusLabel.setObjectName(u"statusLabel")

        self.generalForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.formArea)
        self.statusCombo.setObjectName(u"statusCombo")

        self.generalForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.statusError = QLabel(self.formArea)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)
        self.statusError.setVisible(False)

        self.generalForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.statusError)

        self.starsLabel = QLabel(self.formArea)
        self.starsLabel.setObjectName(u"starsLabel")

        self.generalForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.starsLabel)

        self.starsCombo = QComboBox(self.formArea)
        self.starsCombo.setObjectName(u"starsCombo")

        self.generalForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.starsCombo)

        self.starsError = QLabel(self.formArea)
        self.starsError.setObjectName(u"starsError")
        self.starsError.setWordWrap(True)
        self.starsError.setVisible(False)

        self.generalForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.starsError)

        self.scoreLabel = QLabel(self.formArea)
        self.scoreLabel.setObjectName(u"scoreLabel")

        self.generalForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.scoreLabel)

        self.scoreEdit = QLineEdit(self.formArea)
        self.scoreEdit.setObjectName(u"scoreEdit")

        self.generalForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.scoreEdit)

        self.scoreError = QLabel(self.formArea)
        self.scoreError.setObjectName(u"scoreError")
        self.scoreError.setWordWrap(True)
        self.scoreError.setVisible(False)

        self.generalForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.scoreError)


        self.columns.addLayout(self.generalForm)

        self.certificateForm = QFormLayout()
        self.certificateForm.setObjectName(u"certificateForm")
        self.certificateForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.certificateNoLabel = QLabel(self.formArea)
        self.certificateNoLabel.setObjectName(u"certificateNoLabel")

        self.certificateForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.certificateNoLabel)

        self.certificateNoEdit = QLineEdit(self.formArea)
        self.certificateNoEdit.setObjectName(u"certificateNoEdit")
        self.certificateNoEdit.setMaxLength(100)

        self.certificateForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.certificateNoEdit)

        self.certificateNoError = QLabel(self.formArea)
        self.certificateNoError.setObjectName(u"certificateNoError")
        self.certificateNoError.setWordWrap(True)
        self.certificateNoError.setVisible(False)

        self.certificateForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.certificateNoError)

        self.decisionLabel = QLabel(self.formArea)
        self.decisionLabel.setObjectName(u"decisionLabel")

        self.certificateForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decisionLabel)

        self.certifyingDecisionEdit = QLineEdit(self.formArea)
        self.certifyingDecisionEdit.setObjectName(u"certifyingDecisionEdit")
        self.certifyingDecisionEdit.setMaxLength(200)

        self.certificateForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.certifyingDecisionEdit)

        self.certifyingDecisionError = QLabel(self.formArea)
        self.certifyingDecisionError.setObjectName(u"certifyingDecisionError")
        self.certifyingDecisionError.setWordWrap(True)
        self.certifyingDecisionError.setVisible(False)

        self.certificateForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.certifyingDecisionError)

        self.bodyLabel = QLabel(self.formArea)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.certificateForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.certifyingBodyEdit = QLineEdit(self.formArea)
        self.certifyingBodyEdit.setObjectName(u"certifyingBodyEdit")
        self.certifyingBodyEdit.setMaxLength(200)

        self.certificateForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.certifyingBodyEdit)

        self.certifyingBodyError = QLabel(self.formArea)
        self.certifyingBodyError.setObjectName(u"certifyingBodyError")
        self.certifyingBodyError.setWordWrap(True)
        self.certifyingBodyError.setVisible(False)

        self.certificateForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.certifyingBodyError)

        self.certifiedOnLabel = QLabel(self.formArea)
        self.certifiedOnLabel.setObjectName(u"certifiedOnLabel")

        self.certificateForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.certifiedOnLabel)

        self.certifiedOnEdit = QLineEdit(self.formArea)
        self.certifiedOnEdit.setObjectName(u"certifiedOnEdit")

        self.certificateForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.certifiedOnEdit)

        self.certifiedOnError = QLabel(self.formArea)
        self.certifiedOnError.setObjectName(u"certifiedOnError")
        self.certifiedOnError.setWordWrap(True)
        self.certifiedOnError.setVisible(False)

        self.certificateForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.certifiedOnError)

        self.expiresOnLabel = QLabel(self.formArea)
        self.expiresOnLabel.setObjectName(u"expiresOnLabel")

        self.certificateForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.expiresOnLabel)

        self.expiresOnEdit = QLineEdit(self.formArea)
        self.expiresOnEdit.setObjectName(u"expiresOnEdit")

        self.certificateForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.expiresOnEdit)

        self.expiresOnHint = QLabel(self.formArea)
        self.expiresOnHint.setObjectName(u"expiresOnHint")
        self.expiresOnHint.setWordWrap(True)

        self.certificateForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.expiresOnHint)

        self.expiresOnError = QLabel(self.formArea)
        self.expiresOnError.setObjectName(u"expiresOnError")
        self.expiresOnError.setWordWrap(True)
        self.expiresOnError.setVisible(False)

        self.certificateForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.expiresOnError)

        self.eanLabel = QLabel(self.formArea)
        self.eanLabel.setObjectName(u"eanLabel")

        self.certificateForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.eanLabel)

        self.ean13Edit = QLineEdit(self.formArea)
        self.ean13Edit.setObjectName(u"ean13Edit")
        self.ean13Edit.setMaxLength(20)

        self.certificateForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.ean13Edit)

        self.ean13Error = QLabel(self.formArea)
        self.ean13Error.setObjectName(u"ean13Error")
        self.ean13Error.setWordWrap(True)
        self.ean13Error.setVisible(False)

        self.certificateForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.ean13Error)

        self.notesLabel = QLabel(self.formArea)
        self.notesLabel.setObjectName(u"notesLabel")

        self.certificateForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.formArea)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.certificateForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.notesError = QLabel(self.formArea)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)
        self.notesError.setVisible(False)

        self.certificateForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.notesError)


        self.columns.addLayout(self.certificateForm)


        self.formAreaLayout.addLayout(self.columns)

        self.checklistBox = QGroupBox(self.formArea)
        self.checklistBox.setObjectName(u"checklistBox")
        self.checklistLayout = QHBoxLayout(self.checklistBox)
        self.checklistLayout.setObjectName(u"checklistLayout")

        self.formAreaLayout.addWidget(self.checklistBox)

        self.formScroll.setWidget(self.formArea)

        self.dialogLayout.addWidget(self.formScroll)

        self.formError = QLabel(ProductDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setVisible(False)

        self.dialogLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(ProductDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.producerLabel.setBuddy(self.producerPicker)
        self.communeLabel.setBuddy(self.communeCombo)
        self.groupLabel.setBuddy(self.groupCombo)
        self.setLabel.setBuddy(self.setCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.starsLabel.setBuddy(self.starsCombo)
        self.scoreLabel.setBuddy(self.scoreEdit)
        self.certificateNoLabel.setBuddy(self.certificateNoEdit)
        self.decisionLabel.setBuddy(self.certifyingDecisionEdit)
        self.bodyLabel.setBuddy(self.certifyingBodyEdit)
        self.certifiedOnLabel.setBuddy(self.certifiedOnEdit)
        self.expiresOnLabel.setBuddy(self.expiresOnEdit)
        self.eanLabel.setBuddy(self.ean13Edit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.duplicateConfirm)
        QWidget.setTabOrder(self.duplicateConfirm, self.producerPicker)
        QWidget.setTabOrder(self.producerPicker, self.communeCombo)
        QWidget.setTabOrder(self.communeCombo, self.groupCombo)
        QWidget.setTabOrder(self.groupCombo, self.setCombo)
        QWidget.setTabOrder(self.setCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.starsCombo)
        QWidget.setTabOrder(self.starsCombo, self.scoreEdit)
        QWidget.setTabOrder(self.scoreEdit, self.certificateNoEdit)
        QWidget.setTabOrder(self.certificateNoEdit, self.certifyingDecisionEdit)
        QWidget.setTabOrder(self.certifyingDecisionEdit, self.certifyingBodyEdit)
        QWidget.setTabOrder(self.certifyingBodyEdit, self.certifiedOnEdit)
        QWidget.setTabOrder(self.certifiedOnEdit, self.expiresOnEdit)
        QWidget.setTabOrder(self.expiresOnEdit, self.ean13Edit)
        QWidget.setTabOrder(self.ean13Edit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(ProductDialog)

        QMetaObject.connectSlotsByName(ProductDialog)
    # setupUi

    def retranslateUi(self, ProductDialog):
        ProductDialog.setWindowTitle(QCoreApplication.translate("ProductDialog", u"Product", None))
        self.nameLabel.setText(QCoreApplication.translate("ProductDialog", u"Product &name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"e.g. C\u00e0 ph\u00ea b\u1ed9t H\u00e0 Chung", None))
        self.duplicateConfirm.setText(QCoreApplication.translate("ProductDialog", u"Save anyway: this is a different product with the same name", None))
        self.producerLabel.setText(QCoreApplication.translate("ProductDialog", u"&Producer:", None))
        self.communeLabel.setText(QCoreApplication.translate("ProductDialog", u"&Commune:", None))
        self.groupLabel.setText(QCoreApplication.translate("ProductDialog", u"&Group:", None))
        self.setLabel.setText(QCoreApplication.translate("ProductDialog", u"Product s&et:", None))
        self.statusLabel.setText(QCoreApplication.translate("ProductDialog", u"S&tatus:", None))
        self.starsLabel.setText(QCoreApplication.translate("ProductDialog", u"St&ars:", None))
        self.scoreLabel.setText(QCoreApplication.translate("ProductDialog", u"Sc&ore:", None))
        self.scoreEdit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"0\u2013100, e.g. 72,5", None))
        self.certificateNoLabel.setText(QCoreApplication.translate("ProductDialog", u"Certificate n&o.:", None))
        self.decisionLabel.setText(QCoreApplication.translate("ProductDialog", u"Certifying &decision:", None))
        self.certifyingDecisionEdit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"e.g. 1234/Q\u0110-UBND", None))
        self.bodyLabel.setText(QCoreApplication.translate("ProductDialog", u"Certifying &body:", None))
        self.certifiedOnLabel.setText(QCoreApplication.translate("ProductDialog", u"Certified o&n:", None))
        self.certifiedOnEdit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"dd/mm/yyyy", None))
        self.expiresOnLabel.setText(QCoreApplication.translate("ProductDialog", u"E&xpires on:", None))
        self.expiresOnEdit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"dd/mm/yyyy", None))
        self.expiresOnHint.setText(QCoreApplication.translate("ProductDialog", u"Leave empty to compute it from the rules in force on the certification date.", None))
        self.eanLabel.setText(QCoreApplication.translate("ProductDialog", u"&Barcode (EAN-13):", None))
        self.ean13Edit.setPlaceholderText(QCoreApplication.translate("ProductDialog", u"13 digits, e.g. 893 5002 30100 3", None))
        self.notesLabel.setText(QCoreApplication.translate("ProductDialog", u"Notes:", None))
        self.checklistBox.setTitle(QCoreApplication.translate("ProductDialog", u"Label, traceability and trademark", None))
    # retranslateUi

