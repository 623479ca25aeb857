# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'send_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QProgressBar, QPushButton, QRadioButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_SendPackageDialog(object):
    def setupUi(self, SendPackageDialog):
        if not SendPackageDialog.objectName():
            SendPackageDialog.setObjectName(u"SendPackageDialog")
        SendPackageDialog.resize(760, 560)
        self.dialogLayout = QVBoxLayout(SendPackageDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.officeLabel = QLabel(SendPackageDialog)
        self.officeLabel.setObjectName(u"officeLabel")
        self.officeLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.officeLabel)

        self.unsentLabel = QLabel(SendPackageDialog)
        self.unsentLabel.setObjectName(u"unsentLabel")
        self.unsentLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.unsentLabel)

        self.scopeBox = QGroupBox(SendPackageDialog)
        self.scopeBox.setObjectName(u"scopeBox")
        self.scopeLayout = QVBoxLayout(self.scopeBox)
        self.scopeLayout.setObjectName(u"scopeLayout")
        self.changesRadio = QRadioButton(self.scopeBox)
        self.changesRadio.setObjectName(u"changesRadio")
        self.changesRadio.setChecked(True)

        self.scopeLayout.addWidget(self.changesRadio)

        self.allRadio = QRadioButton(self.scopeBox)
        self.allRadio.setObjectName(u"allRadio")

        self.scopeLayout.addWidget(self.allRadio)

        self.reportsCheck = QCheckBox(self.scopeBox)
        self.reportsCheck.setObjectName(u"reportsCheck")
        self.reportsCheck.setChecked(True)

        self.scopeLayout.addWidget(self.reportsCheck)

        self.noteLayout = QFormLayout()
        self.noteLayout.setObjectName(u"noteLayout")
        self.noteLabel = QLabel(self.scopeBox)
        self.noteLabel.setObjectName(u"noteLabel")

        self.noteLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(self.scopeBox)
        self.noteEdit.setObjectName(u"noteEdit")

        self.noteLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.scopeLayout.addLayout(self.noteLayout)


        self.dialogLayout.addWidget(self.scopeBox)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.exportButton = QPushButton(SendPackageDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.actionLayout.addWidget(self.exportButton)

        self.progressBar = QProgressBar(SendPackageDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setVisible(False)

        self.actionLayout.addWidget(self.progressBar)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)


        self.dialogLayout.addLayout(self.actionLayout)

        self.statusLabel = QLabel(SendPackageDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.statusLabel)

        self.outboxLabel = QLabel(SendPackageDialog)
        self.outboxLabel.setObjectName(u"outboxLabel")

        self.dialogLayout.addWidget(self.outboxLabel)

        self.outboxView = QTableView(SendPackageDialog)
        self.outboxView.setObjectName(u"outboxView")
        self.outboxView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outboxView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.dialogLayout.addWidget(self.outboxView)

        self.buttonBox = QDialogButtonBox(SendPackageDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SendPackageDialog)
        self.buttonBox.rejected.connect(SendPackageDialog.reject)

        QMetaObject.connectSlotsByName(SendPackageDialog)
    # setupUi

    def retranslateUi(self, SendPackageDialog):
        SendPackageDialog.setWindowTitle(QCoreApplication.translate("SendPackageDialog", u"Send report package", None))
        self.scopeBox.setTitle(QCoreApplication.translate("SendPackageDialog", u"What to send", None))
        self.changesRadio.setText(QCoreApplication.translate("SendPackageDialog", u"Only what changed since the last package sent", None))
        self.allRadio.setText(QCoreApplication.translate("SendPackageDialog", u"Everything (for a receiver who has nothing from this office yet)", None))
        self.reportsCheck.setText(QCoreApplication.translate("SendPackageDialog", u"Include the Excel and PDF reports, for those who open the file by hand", None))
        self.noteLabel.setText(QCoreApplication.translate("SendPackageDialog", u"&Note:", None))
        self.exportButton.setText(QCoreApplication.translate("SendPackageDialog", u"&Create package\u2026", None))
        self.outboxLabel.setText(QCoreApplication.translate("SendPackageDialog", u"Packages sent:", None))
    # retranslateUi

