# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore_confirm.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_RestoreConfirmDialog(object):
    def setupUi(self, RestoreConfirmDialog):
        if not RestoreConfirmDialog.objectName():
            RestoreConfirmDialog.setObjectName(u"RestoreConfirmDialog")
        RestoreConfirmDialog.resize(620, 380)
        self.mainLayout = QVBoxLayout(RestoreConfirmDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.questionLabel = QLabel(RestoreConfirmDialog)
        self.questionLabel.setObjectName(u"questionLabel")
        self.questionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.questionLabel)

        self.compareView = QTableView(RestoreConfirmDialog)
        self.compareView.setObjectName(u"compareView")
        self.compareView.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.mainLayout.addWidget(self.compareView)

        self.safetyLabel = QLabel(RestoreConfirmDialog)
        self.safetyLabel.setObjectName(u"safetyLabel")
        self.safetyLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.safetyLabel)

        self.buttons = QDialogButtonBox(RestoreConfirmDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.mainLayout.addWidget(self.buttons)


        self.retranslateUi(RestoreConfirmDialog)

        QMetaObject.connectSlotsByName(RestoreConfirmDialog)
    # setupUi

    def retranslateUi(self, RestoreConfirmDialog):
        RestoreConfirmDialog.setWindowTitle(QCoreApplication.translate("RestoreConfirmDialog", u"Restore from a backup", None))
        self.safetyLabel.setText(QCoreApplication.translate("RestoreConfirmDialog", u"The current data are saved as a backup first, so this restore can itself be undone.", None))
    # retranslateUi

