# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'damaged.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_DamagedDatabaseDialog(object):
    def setupUi(self, DamagedDatabaseDialog):
        if not DamagedDatabaseDialog.objectName():
            DamagedDatabaseDialog.setObjectName(u"DamagedDatabaseDialog")
        DamagedDatabaseDialog.resize(620, 360)
        self.mainLayout = QVBoxLayout(DamagedDatabaseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.problemLabel = QLabel(DamagedDatabaseDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)
        self.problemLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.problemLabel)

        self.backupLabel = QLabel(DamagedDatabaseDialog)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setWordWrap(True)
        self.backupLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.backupLabel)

        self.statusLabel = QLabel(DamagedDatabaseDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.restoreButton = QPushButton(DamagedDatabaseDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonsLayout.addWidget(self.restoreButton)

        self.chooseButton = QPushButton(DamagedDatabaseDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.buttonsLayout.addWidget(self.chooseButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.quitButton = QPushButton(DamagedDatabaseDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.buttonsLayout.addWidget(self.quitButton)


        self.mainLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(DamagedDatabaseDialog)

        self.restoreButton.setDefault(True)


        QMetaObject.connectSlotsByName(DamagedDatabaseDialog)
    # setupUi

    def retranslateUi(self, DamagedDatabaseDialog):
        DamagedDatabaseDialog.setWindowTitle(QCoreApplication.translate("DamagedDatabaseDialog", u"The data file is damaged", None))
        self.restoreButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"&Restore this backup", None))
        self.chooseButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"&Choose another backup\u2026", None))
        self.quitButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"&Quit", None))
    # retranslateUi

