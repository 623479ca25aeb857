# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'directive_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

from ocop_desktop.gui.date_field import DateField

class Ui_DirectiveDialog(object):
    def setupUi(self, DirectiveDialog):
        if not DirectiveDialog.objectName():
            DirectiveDialog.setObjectName(u"DirectiveDialog")
        DirectiveDialog.resize(560, 460)
        self.dialogLayout = QVBoxLayout(DirectiveDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.numberLabel = QLabel(DirectiveDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberEdit = QLineEdit(DirectiveDialog)
        self.numberEdit.setObjectName(u"numberEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.numberEdit)

        self.issuedOnLabel = QLabel(DirectiveDialog)
        self.issuedOnLabel.setObjectName(u"issuedOnLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuedOnLabel)

        self.issuedOnEdit = DateField(DirectiveDialog)
        self.issuedOnEdit.setObjectName(u"issuedOnEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuedOnEdit)

        self.issuedTextLabel = QLabel(DirectiveDialog)
        self.issuedTextLabel.setObjectName(u"issuedTextLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuedTextLabel)

        self.issuedTextEdit = QLineEdit(DirectiveDialog)
        self.issuedTextEdit.setObjectName(u"issuedTextEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issuedTextEdit)

        self.issuerLabel = QLabel(DirectiveDialog)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.issuerLabel)

        self.issuerEdit = QLineEdit(DirectiveDialog)
        self.issuerEdit.setObjectName(u"issuerEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.subjectLabel = QLabel(DirectiveDialog)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subjectEdit = QPlainTextEdit(DirectiveDialog)
        self.subjectEdit.setObjectName(u"subjectEdit")
        self.subjectEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.subjectEdit)

        self.fileLabel = QLabel(DirectiveDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(DirectiveDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(DirectiveDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.notesLabel = QLabel(DirectiveDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(DirectiveDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(DirectiveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DirectiveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.numberEdit)
        self.issuedOnLabel.setBuddy(self.issuedOnEdit)
        self.issuedTextLabel.setBuddy(self.issuedTextEdit)
        self.issuerLabel.setBuddy(self.issuerEdit)
        self.subjectLabel.setBuddy(self.subjectEdit)
        self.fileLabel.setBuddy(self.fileEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DirectiveDialog)

        QMetaObject.connectSlotsByName(DirectiveDialog)
    # setupUi

    def retranslateUi(self, DirectiveDialog):
        DirectiveDialog.setWindowTitle(QCoreApplication.translate("DirectiveDialog", u"Directive", None))
        self.numberLabel.setText(QCoreApplication.translate("DirectiveDialog", u"Number:", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("DirectiveDialog", u"e.g. 512/UBND-NN", None))
        self.issuedOnLabel.setText(QCoreApplication.translate("DirectiveDialog", u"Issued on:", None))
        self.issuedOnEdit.setPlaceholderText(QCoreApplication.translate("DirectiveDialog", u"dd/mm/yyyy", None))
        self.issuedTextLabel.setText(QCoreApplication.translate("DirectiveDialog", u"Or as written:", None))
        self.issuedTextEdit.setPlaceholderText(QCoreApplication.translate("DirectiveDialog", u"when the letter gives no exact day, e.g. \"th\u00e1ng 6 n\u0103m 2024\"", None))
        self.issuerLabel.setText(QCoreApplication.translate("DirectiveDialog", u"Issued by:", None))
        self.subjectLabel.setText(QCoreApplication.translate("DirectiveDialog", u"Subject:", None))
        self.fileLabel.setText(QCoreApplication.translate("DirectiveDialog", u"File:", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("DirectiveDialog", u"where the scanned letter is kept", None))
        self.browseButton.setText(QCoreApplication.translate("DirectiveDialog", u"Browse\u2026", None))
        self.notesLabel.setText(QCoreApplication.translate("DirectiveDialog", u"Notes:", None))
    # retranslateUi

