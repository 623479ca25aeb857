# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup.ui'
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_BackupDialog(object):
    def setupUi(self, BackupDialog):
        if not BackupDialog.objectName():
            BackupDialog.setObjectName(u"BackupDialog")
        BackupDialog.resize(760, 480)
        self.mainLayout = QVBoxLayout(BackupDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(BackupDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.folderLabel = QLabel(BackupDialog)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setWordWrap(True)
        self.folderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.folderLabel)

        self.backupsView = QTableView(BackupDialog)
        self.backupsView.setObjectName(u"backupsView")
        self.backupsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backupsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backupsView.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.backupsView)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.backUpButton = QPushButton(BackupDialog)
        self.backUpButton.setObjectName(u"backUpButton")

        self.buttonsLayout.addWidget(self.backUpButton)

        self.backUpHereButton = QPushButton(BackupDialog)
        self.backUpHereButton.setObjectName(u"backUpHereButton")

        self.buttonsLayout.addWidget(self.backUpHereButton)

        self.restoreButton = QPushButton(BackupDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonsLayout.addWidget(self.restoreButton)

        self.restoreFileButton = QPushButton(BackupDialog)
        self.restoreFileButton.setObjectName(u"restoreFileButton")

        self.buttonsLayout.addWidget(self.restoreFileButton)

        self.openFolderButton = QPushButton(BackupDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonsLayout.addWidget(self.openFolderButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)


        self.mainLayout.addLayout(self.buttonsLayout)

        self.statusLayout = QHBoxLayout()
        self.statusLayout.setObjectName(u"statusLayout")
        self.statusLabel = QLabel(BackupDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.statusLayout.addWidget(self.statusLabel)

        self.progressBar = QProgressBar(BackupDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setVisible(False)
        self.progressBar.setMaximum(0)
        self.progressBar.setMaximumWidth(160)

        self.statusLayout.addWidget(self.progressBar)

        self.buttons = QDialogButtonBox(BackupDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.statusLayout.addWidget(self.buttons)


        self.mainLayout.addLayout(self.statusLayout)


        self.retranslateUi(BackupDialog)

        QMetaObject.connectSlotsByName(BackupDialog)
    # setupUi

    def retranslateUi(self, BackupDialog):
        BackupDialog.setWindowTitle(QCoreApplication.translate("BackupDialog", u"Backup and restore", None))
        self.introLabel.setText(QCoreApplication.translate("BackupDialog", u"A copy of the data is made automatically at the first start of each day and before every upgrade, import and restore. Keep a copy elsewhere too (a USB stick) with \u201cBack up to a file\u2026\u201d.", None))
        self.backUpButton.setText(QCoreApplication.translate("BackupDialog", u"&Back up to a file\u2026", None))
        self.backUpHereButton.setText(QCoreApplication.translate("BackupDialog", u"Back up &now", None))
        self.restoreButton.setText(QCoreApplication.translate("BackupDialog", u"&Restore the selected copy\u2026", None))
        self.restoreFileButton.setText(QCoreApplication.translate("BackupDialog", u"Restore from a &file\u2026", None))
        self.openFolderButton.setText(QCoreApplication.translate("BackupDialog", u"&Open the folder", None))
    # retranslateUi

