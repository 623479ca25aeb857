# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'producer_picker.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QPushButton,
    QSizePolicy, QWidget)

class Ui_ProducerPicker(object):
    def setupUi(self, ProducerPicker):
        if not ProducerPicker.objectName():
            ProducerPicker.setObjectName(u"ProducerPicker")
        self.pickerLayout = QHBoxLayout(ProducerPicker)
        self.pickerLayout.setObjectName(u"pickerLayout")
        self.pickerLayout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox(ProducerPicker)
        self.combo.setObjectName(u"combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.combo.sizePolicy().hasHeightForWidth())
        self.combo.setSizePolicy(sizePolicy)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.pickerLayout.addWidget(self.combo)

        self.newButton = QPushButton(ProducerPicker)
        self.newButton.setObjectName(u"newButton")
        self.newButton.setAutoDefault(False)

        self.pickerLayout.addWidget(self.newButton)


        self.retranslateUi(ProducerPicker)

        QMetaObject.connectSlotsByName(ProducerPicker)
    # setupUi

    def retranslateUi(self, ProducerPicker):
#if QT_CONFIG(tooltip)
        self.combo.setToolTip(QCoreApplication.translate("ProducerPicker", u"Type part of the name (accents optional) and pick from the list", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("ProducerPicker", u"New &producer\u2026", None))
        pass
    # retranslateUi

