# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'result_dialog.ui'
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
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

from ocop_desktop.gui.date_field import DateField

class Ui_ResultNoteDialog(object):
    def setupUi(self, ResultNoteDialog):
        if not ResultNoteDialog.objectName():
            ResultNoteDialog.setObjectName(u"ResultNoteDialog")
        ResultNoteDialog.resize(460, 260)
        self.dialogLayout = QVBoxLayout(ResultNoteDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.taskLabel = QLabel(ResultNoteDialog)
        self.taskLabel.setObjectName(u"taskLabel")
        self.taskLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.taskLabel)

        self.doneOnLayout = QFormLayout()
        self.doneOnLayout.setObjectName(u"doneOnLayout")
        self.doneOnLabel = QLabel(ResultNoteDialog)
        self.doneOnLabel.setObjectName(u"doneOnLabel")

        self.doneOnLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.doneOnLabel)

        self.doneOnEdit = DateField(ResultNoteDialog)
        self.doneOnEdit.setObjectName(u"doneOnEdit")

        self.doneOnLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.doneOnEdit)


        self.dialogLayout.addLayout(self.doneOnLayout)

        self.noteLabel = QLabel(ResultNoteDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.dialogLayout.addWidget(self.noteLabel)

        self.noteEdit = QPlainTextEdit(ResultNoteDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.dialogLayout.addWidget(self.noteEdit)

        self.errorLabel = QLabel(ResultNoteDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ResultNoteDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.doneOnLabel.setBuddy(self.doneOnEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ResultNoteDialog)

        QMetaObject.connectSlotsByName(ResultNoteDialog)
    # setupUi

    def retranslateUi(self, ResultNoteDialog):
        ResultNoteDialog.setWindowTitle(QCoreApplication.translate("ResultNoteDialog", u"Mark task done", None))
        self.doneOnLabel.setText(QCoreApplication.translate("ResultNoteDialog", u"&Done on:", None))
        self.noteLabel.setText(QCoreApplication.translate("ResultNoteDialog", u"Result (required):", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("ResultNoteDialog", u"e.g. report no. 45/BC-UBND sent on 04/07/2024", None))
    # retranslateUi

