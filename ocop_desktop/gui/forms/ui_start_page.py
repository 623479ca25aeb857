# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_page.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QGroupBox, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_StartPage(object):
    def setupUi(self, StartPage):
        if not StartPage.objectName():
            StartPage.setObjectName(u"StartPage")
        self.grid = QGridLayout(StartPage)
        self.grid.setObjectName(u"grid")
        self.stepsBox = QGroupBox(StartPage)
        self.stepsBox.setObjectName(u"stepsBox")
        self.stepsLayout = QVBoxLayout(self.stepsBox)
        self.stepsLayout.setObjectName(u"stepsLayout")
        self.stepsLabel = QLabel(self.stepsBox)
        self.stepsLabel.setObjectName(u"stepsLabel")
        self.stepsLabel.setWordWrap(True)
        self.stepsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.stepsLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.stepsLayout.addWidget(self.stepsLabel)


        self.grid.addWidget(self.stepsBox, 0, 0, 1, 2)

        self.starsBox = QGroupBox(StartPage)
        self.starsBox.setObjectName(u"starsBox")
        self.starsLayout = QVBoxLayout(self.starsBox)
        self.starsLayout.setObjectName(u"starsLayout")

        self.grid.addWidget(self.starsBox, 1, 0, 1, 1)

        self.statusBox = QGroupBox(StartPage)
        self.statusBox.setObjectName(u"statusBox")
        self.statusLayout = QVBoxLayout(self.statusBox)
        self.statusLayout.setObjectName(u"statusLayout")

        self.grid.addWidget(self.statusBox, 1, 1, 1, 1)

        self.expiryBox = QGroupBox(StartPage)
        self.expiryBox.setObjectName(u"expiryBox")
        self.expiryLayout = QVBoxLayout(self.expiryBox)
        self.expiryLayout.setObjectName(u"expiryLayout")
        self.expiryLabel = QLabel(self.expiryBox)
        self.expiryLabel.setObjectName(u"expiryLabel")
        self.expiryLabel.setWordWrap(True)
        self.expiryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.expiryLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.expiryLayout.addWidget(self.expiryLabel)


        self.grid.addWidget(self.expiryBox, 2, 0, 1, 1)

        self.tasksBox = QGroupBox(StartPage)
        self.tasksBox.setObjectName(u"tasksBox")
        self.tasksLayout = QVBoxLayout(self.tasksBox)
        self.tasksLayout.setObjectName(u"tasksLayout")
        self.tasksLabel = QLabel(self.tasksBox)
        self.tasksLabel.setObjectName(u"tasksLabel")
        self.tasksLabel.setWordWrap(True)
        self.tasksLabel.setTextFormat(Qt.TextFormat.RichText)
        self.tasksLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.tasksLayout.addWidget(self.tasksLabel)


        self.grid.addWidget(self.tasksBox, 2, 1, 1, 1)

        self.campaignBox = QGroupBox(StartPage)
        self.campaignBox.setObjectName(u"campaignBox")
        self.campaignLayout = QVBoxLayout(self.campaignBox)
        self.campaignLayout.setObjectName(u"campaignLayout")

        self.grid.addWidget(self.campaignBox, 3, 0, 1, 2)


        self.retranslateUi(StartPage)

        QMetaObject.connectSlotsByName(StartPage)
    # setupUi

    def retranslateUi(self, StartPage):
        self.stepsBox.setTitle(QCoreApplication.translate("StartPage", u"Getting started", None))
        self.starsBox.setTitle(QCoreApplication.translate("StartPage", u"Products by star class", None))
        self.statusBox.setTitle(QCoreApplication.translate("StartPage", u"Products by status", None))
        self.expiryBox.setTitle(QCoreApplication.translate("StartPage", u"Certificates needing attention", None))
        self.tasksBox.setTitle(QCoreApplication.translate("StartPage", u"Tasks", None))
        self.campaignBox.setTitle(QCoreApplication.translate("StartPage", u"Survey campaigns", None))
        pass
    # retranslateUi

