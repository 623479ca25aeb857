# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'senders_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_SendersDialog(object):
    def setupUi(self, SendersDialog):
        if not SendersDialog.objectName():
            SendersDialog.setObjectName(u"SendersDialog")
        SendersDialog.resize(940, 560)
        self.mainLayout = QVBoxLayout(SendersDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.ownBox = QGroupBox(SendersDialog)
        self.ownBox.setObjectName(u"ownBox")
        self.ownLayout = QGridLayout(self.ownBox)
        self.ownLayout.setObjectName(u"ownLayout")
        self.ownCaption = QLabel(self.ownBox)
        self.ownCaption.setObjectName(u"ownCaption")

        self.ownLayout.addWidget(self.ownCaption, 0, 0, 1, 1)

        self.ownFingerprint = QLabel(self.ownBox)
        self.ownFingerprint.setObjectName(u"ownFingerprint")
        self.ownFingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.ownLayout.addWidget(self.ownFingerprint, 0, 1, 1, 1)

        self.copyButton = QPushButton(self.ownBox)
        self.copyButton.setObjectName(u"copyButton")

        self.ownLayout.addWidget(self.copyButton, 0, 2, 1, 1)

        self.ownSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ownLayout.addItem(self.ownSpacer, 0, 3, 1, 1)

        self.ownHint = QLabel(self.ownBox)
        self.ownHint.setObjectName(u"ownHint")
        self.ownHint.setWordWrap(True)

        self.ownLayout.addWidget(self.ownHint, 1, 0, 1, 4)


        self.mainLayout.addWidget(self.ownBox)

        self.sendersCaption = QLabel(SendersDialog)
        self.sendersCaption.setObjectName(u"sendersCaption")

        self.mainLayout.addWidget(self.sendersCaption)

        self.sendersView = QTableView(SendersDialog)
        self.sendersView.setObjectName(u"sendersView")
        self.sendersView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sendersView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sendersView.setAlternatingRowColors(True)
        self.sendersView.setWordWrap(False)

        self.mainLayout.addWidget(self.sendersView)

        self.statusLabel = QLabel(SendersDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.revokeButton = QPushButton(SendersDialog)
        self.revokeButton.setObjectName(u"revokeButton")

        self.actionsLayout.addWidget(self.revokeButton)

        self.takeListButton = QPushButton(SendersDialog)
        self.takeListButton.setObjectName(u"takeListButton")

        self.actionsLayout.addWidget(self.takeListButton)

        self.sendListButton = QPushButton(SendersDialog)
        self.sendListButton.setObjectName(u"sendListButton")

        self.actionsLayout.addWidget(self.sendListButton)

        self.checkReportButton = QPushButton(SendersDialog)
        self.checkReportButton.setObjectName(u"checkReportButton")

        self.actionsLayout.addWidget(self.checkReportButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.buttons = QDialogButtonBox(SendersDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.actionsLayout.addWidget(self.buttons)


        self.mainLayout.addLayout(self.actionsLayout)


        self.retranslateUi(SendersDialog)

        QMetaObject.connectSlotsByName(SendersDialog)
    # setupUi

    def retranslateUi(self, SendersDialog):
        SendersDialog.setWindowTitle(QCoreApplication.translate("SendersDialog", u"Trusted offices and signing keys", None))
        self.ownBox.setTitle(QCoreApplication.translate("SendersDialog", u"This office's signing key", None))
        self.ownCaption.setText(QCoreApplication.translate("SendersDialog", u"Fingerprint:", None))
        self.copyButton.setText(QCoreApplication.translate("SendersDialog", u"&Copy", None))
        self.ownHint.setText(QCoreApplication.translate("SendersDialog", u"Read it out by phone or compare it on paper with the offices that receive your packages and reports: it is also printed on the office set-up page and at the foot of every report.", None))
        self.sendersCaption.setText(QCoreApplication.translate("SendersDialog", u"Offices whose packages, key lists and reports are trusted here:", None))
        self.revokeButton.setText(QCoreApplication.translate("SendersDialog", u"&Revoke\u2026", None))
        self.takeListButton.setText(QCoreApplication.translate("SendersDialog", u"&Take a province's key list\u2026", None))
        self.sendListButton.setText(QCoreApplication.translate("SendersDialog", u"&Send the key list\u2026", None))
        self.checkReportButton.setText(QCoreApplication.translate("SendersDialog", u"C&heck a report's signature\u2026", None))
    # retranslateUi

