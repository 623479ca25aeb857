# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'submission_dialog.ui'
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
    QFormLayout, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

from ocop_desktop.gui.date_field import DateField

class Ui_SubmissionDialog(object):
    def setupUi(self, SubmissionDialog):
        if not SubmissionDialog.objectName():
            SubmissionDialog.setObjectName(u"SubmissionDialog")
        SubmissionDialog.setMinimumSize(QSize(360, 0))
        self.dialogLayout = QVBoxLayout(SubmissionDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.unitNameLabel = QLabel(SubmissionDialog)
        self.unitNameLabel.setObjectName(u"unitNameLabel")
        self.unitNameLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.unitNameLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.dateLabel = QLabel(SubmissionDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = DateField(SubmissionDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.hintLabel = QLabel(SubmissionDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(SubmissionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SubmissionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SubmissionDialog)
        self.buttonBox.accepted.connect(SubmissionDialog.accept)
        self.buttonBox.rejected.connect(SubmissionDialog.reject)

        QMetaObject.connectSlotsByName(SubmissionDialog)
    # setupUi

    def retranslateUi(self, SubmissionDialog):
        SubmissionDialog.setWindowTitle(QCoreApplication.translate("SubmissionDialog", u"Mark as submitted", None))
        self.dateLabel.setText(QCoreApplication.translate("SubmissionDialog", u"&Submitted on:", None))
    # retranslateUi

