# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_dialog.ui'
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

from ocop_desktop.gui.date_field import DateField

class Ui_TaskDialog(object):
    def setupUi(self, TaskDialog):
        if not TaskDialog.objectName():
            TaskDialog.setObjectName(u"TaskDialog")
        TaskDialog.resize(600, 420)
        self.dialogLayout = QVBoxLayout(TaskDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.directiveLabel = QLabel(TaskDialog)
        self.directiveLabel.setObjectName(u"directiveLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.directiveLabel)

        self.directiveCombo = QComboBox(TaskDialog)
        self.directiveCombo.setObjectName(u"directiveCombo")
        self.directiveCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.directiveCombo.setMinimumContentsLength(30)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.directiveCombo)

        self.assigneeLabel = QLabel(TaskDialog)
        self.assigneeLabel.setObjectName(u"assigneeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.assigneeLabel)

        self.assigneeCombo = QComboBox(TaskDialog)
        self.assigneeCombo.setObjectName(u"assigneeCombo")
        self.assigneeCombo.setEditable(True)
        self.assigneeCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.assigneeCombo)

        self.titleLabel = QLabel(TaskDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(TaskDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.descriptionLabel = QLabel(TaskDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(TaskDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.dueLabel = QLabel(TaskDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = DateField(TaskDialog)
        self.dueEdit.setObjectName(u"dueEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dueEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(TaskDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TaskDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.directiveLabel.setBuddy(self.directiveCombo)
        self.assigneeLabel.setBuddy(self.assigneeCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.dueLabel.setBuddy(self.dueEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TaskDialog)

        QMetaObject.connectSlotsByName(TaskDialog)
    # setupUi

    def retranslateUi(self, TaskDialog):
        TaskDialog.setWindowTitle(QCoreApplication.translate("TaskDialog", u"Task", None))
        self.directiveLabel.setText(QCoreApplication.translate("TaskDialog", u"Directive:", None))
        self.assigneeLabel.setText(QCoreApplication.translate("TaskDialog", u"Assignee:", None))
        self.titleLabel.setText(QCoreApplication.translate("TaskDialog", u"Task:", None))
        self.descriptionLabel.setText(QCoreApplication.translate("TaskDialog", u"Details:", None))
        self.dueLabel.setText(QCoreApplication.translate("TaskDialog", u"Due date:", None))
        self.dueEdit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"dd/mm/yyyy, empty if there is none", None))
    # retranslateUi

