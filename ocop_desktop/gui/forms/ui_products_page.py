# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QProgressBar,
    QPushButton, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

class Ui_ProductsPage(object):
    def setupUi(self, ProductsPage):
        if not ProductsPage.objectName():
            ProductsPage.setObjectName(u"ProductsPage")
        self.pageLayout = QVBoxLayout(ProductsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.search = QLineEdit(ProductsPage)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(180, 0))
        self.search.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.search)

        self.placeFilter = QComboBox(ProductsPage)
        self.placeFilter.setObjectName(u"placeFilter")
        self.placeFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.placeFilter.setMinimumContentsLength(12)

        self.filterLayout.addWidget(self.placeFilter)

        self.groupFilter = QComboBox(ProductsPage)
        self.groupFilter.setObjectName(u"groupFilter")
        self.groupFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.groupFilter.setMinimumContentsLength(10)

        self.filterLayout.addWidget(self.groupFilter)

        self.starsFilter = QComboBox(ProductsPage)
        self.starsFilter.setObjectName(u"starsFilter")

        self.filterLayout.addWidget(self.starsFilter)

        self.statusFilter = QComboBox(ProductsPage)
        self.statusFilter.setObjectName(u"statusFilter")
        self.statusFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.statusFilter.setMinimumContentsLength(9)

        self.filterLayout.addWidget(self.statusFilter)

        self.expiryFilter = QComboBox(ProductsPage)
        self.expiryFilter.setObjectName(u"expiryFilter")
        self.expiryFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.expiryFilter.setMinimumContentsLength(9)

        self.filterLayout.addWidget(self.expiryFilter)

        self.clearFilters = QPushButton(ProductsPage)
        self.clearFilters.setObjectName(u"clearFilters")

        self.filterLayout.addWidget(self.clearFilters)

        self.filterLayout.setStretch(0, 3)
        self.filterLayout.setStretch(1, 1)
        self.filterLayout.setStretch(2, 1)

        self.pageLayout.addLayout(self.filterLayout)

        self.table = QTableView(ProductsPage)
        self.table.setObjectName(u"table")
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)

        self.pageLayout.addWidget(self.table)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.countLabel = QLabel(ProductsPage)
        self.countLabel.setObjectName(u"countLabel")

        self.bottomLayout.addWidget(self.countLabel)

        self.busy = QProgressBar(ProductsPage)
        self.busy.setObjectName(u"busy")
        self.busy.setMaximumSize(QSize(120, 16777215))
        self.busy.setMaximum(0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)

        self.bottomLayout.addWidget(self.busy)

        self.messageLabel = QLabel(ProductsPage)
        self.messageLabel.setObjectName(u"messageLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.messageLabel.sizePolicy().hasHeightForWidth())
        self.messageLabel.setSizePolicy(sizePolicy)
        self.messageLabel.setWordWrap(True)

        self.bottomLayout.addWidget(self.messageLabel)

        self.addButton = QPushButton(ProductsPage)
        self.addButton.setObjectName(u"addButton")

        self.bottomLayout.addWidget(self.addButton)

        self.editButton = QPushButton(ProductsPage)
        self.editButton.setObjectName(u"editButton")

        self.bottomLayout.addWidget(self.editButton)

        self.archiveButton = QPushButton(ProductsPage)
        self.archiveButton.setObjectName(u"archiveButton")

        self.bottomLayout.addWidget(self.archiveButton)

        self.restoreButton = QPushButton(ProductsPage)
        self.restoreButton.setObjectName(u"restoreButton")

        self.bottomLayout.addWidget(self.restoreButton)


        self.pageLayout.addLayout(self.bottomLayout)

        QWidget.setTabOrder(self.search, self.placeFilter)
        QWidget.setTabOrder(self.placeFilter, self.groupFilter)
        QWidget.setTabOrder(self.groupFilter, self.starsFilter)
        QWidget.setTabOrder(self.starsFilter, self.statusFilter)
        QWidget.setTabOrder(self.statusFilter, self.expiryFilter)
        QWidget.setTabOrder(self.expiryFilter, self.clearFilters)
        QWidget.setTabOrder(self.clearFilters, self.table)
        QWidget.setTabOrder(self.table, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.archiveButton)
        QWidget.setTabOrder(self.archiveButton, self.restoreButton)

        self.retranslateUi(ProductsPage)

        QMetaObject.connectSlotsByName(ProductsPage)
    # setupUi

    def retranslateUi(self, ProductsPage):
        self.search.setPlaceholderText(QCoreApplication.translate("ProductsPage", u"Search products or producers (accents optional)\u2026", None))
#if QT_CONFIG(tooltip)
        self.placeFilter.setToolTip(QCoreApplication.translate("ProductsPage", u"Place: a new commune also shows the products of the units merged into it in 2025", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.groupFilter.setToolTip(QCoreApplication.translate("ProductsPage", u"Product group", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.starsFilter.setToolTip(QCoreApplication.translate("ProductsPage", u"Star class", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.statusFilter.setToolTip(QCoreApplication.translate("ProductsPage", u"Status; choose \u201cArchived\u201d to see and restore archived products", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.expiryFilter.setToolTip(QCoreApplication.translate("ProductsPage", u"Certificate expiry", None))
#endif // QT_CONFIG(tooltip)
        self.clearFilters.setText(QCoreApplication.translate("ProductsPage", u"Clear filters", None))
        self.addButton.setText(QCoreApplication.translate("ProductsPage", u"&Add", None))
        self.editButton.setText(QCoreApplication.translate("ProductsPage", u"&Edit", None))
        self.archiveButton.setText(QCoreApplication.translate("ProductsPage", u"A&rchive", None))
#if QT_CONFIG(tooltip)
        self.archiveButton.setToolTip(QCoreApplication.translate("ProductsPage", u"Hide the selected products; they are kept and can be restored", None))
#endif // QT_CONFIG(tooltip)
        self.restoreButton.setText(QCoreApplication.translate("ProductsPage", u"Re&store", None))
        pass
    # retranslateUi

