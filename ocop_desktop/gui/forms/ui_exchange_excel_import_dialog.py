# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'excel_import_dialog.ui'
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
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_ExcelImportDialog(object):
    def setupUi(self, ExcelImportDialog):
        if not ExcelImportDialog.objectName():
            ExcelImportDialog.setObjectName(u"ExcelImportDialog")
        ExcelImportDialog.resize(860, 600)
        self.dialogLayout = QVBoxLayout(ExcelImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.fileLabel = QLabel(ExcelImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(ExcelImportDialog)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setReadOnly(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(ExcelImportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)

        self.templateButton = QPushButton(ExcelImportDialog)
        self.templateButton.setObjectName(u"templateButton")

        self.fileLayout.addWidget(self.templateButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.campaignLabel = QLabel(ExcelImportDialog)
        self.campaignLabel.setObjectName(u"campaignLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.campaignLabel)

        self.campaignCombo = QComboBox(ExcelImportDialog)
        self.campaignCombo.setObjectName(u"campaignCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.campaignCombo)

        self.unitLabel = QLabel(ExcelImportDialog)
        self.unitLabel.setObjectName(u"unitLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unitCombo = QComboBox(ExcelImportDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unitCombo)


        self.dialogLayout.addLayout(self.formLayout)

        self.checkLayout = QHBoxLayout()
        self.checkLayout.setObjectName(u"checkLayout")
        self.checkButton = QPushButton(ExcelImportDialog)
        self.checkButton.setObjectName(u"checkButton")

        self.checkLayout.addWidget(self.checkButton)

        self.summaryLabel = QLabel(ExcelImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.summaryLabel)


        self.dialogLayout.addLayout(self.checkLayout)

        self.problemsView = QTableView(ExcelImportDialog)
        self.problemsView.setObjectName(u"problemsView")
        self.problemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problemsView.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemsView)

        self.warningsLabel = QLabel(ExcelImportDialog)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.warningsLabel)

        self.validOnlyCheck = QCheckBox(ExcelImportDialog)
        self.validOnlyCheck.setObjectName(u"validOnlyCheck")

        self.dialogLayout.addWidget(self.validOnlyCheck)

        self.replaceCheck = QCheckBox(ExcelImportDialog)
        self.replaceCheck.setObjectName(u"replaceCheck")

        self.dialogLayout.addWidget(self.replaceCheck)

        self.includeHiddenCheck = QCheckBox(ExcelImportDialog)
        self.includeHiddenCheck.setObjectName(u"includeHiddenCheck")

        self.dialogLayout.addWidget(self.includeHiddenCheck)

        self.importLayout = QHBoxLayout()
        self.importLayout.setObjectName(u"importLayout")
        self.importButton = QPushButton(ExcelImportDialog)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setEnabled(False)

        self.importLayout.addWidget(self.importButton)

        self.statusLabel = QLabel(ExcelImportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.importLayout.addWidget(self.statusLabel)

        self.progressBar = QProgressBar(ExcelImportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setVisible(False)

        self.importLayout.addWidget(self.progressBar)

        self.cancelButton = QPushButton(ExcelImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setVisible(False)

        self.importLayout.addWidget(self.cancelButton)

        self.undoButton = QPushButton(ExcelImportDialog)
        self.undoButton.setObjectName(u"undoButton")
        self.undoButton.setVisible(False)

        self.importLayout.addWidget(self.undoButton)


        self.dialogLayout.addLayout(self.importLayout)

        self.buttonBox = QDialogButtonBox(ExcelImportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.browseButton)
        self.campaignLabel.setBuddy(self.campaignCombo)
        self.unitLabel.setBuddy(self.unitCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExcelImportDialog)
        self.buttonBox.rejected.connect(ExcelImportDialog.reject)

        QMetaObject.connectSlotsByName(ExcelImportDialog)
    # setupUi

    def retranslateUi(self, ExcelImportDialog):
        ExcelImportDialog.setWindowTitle(QCoreApplication.translate("ExcelImportDialog", u"Import survey rows from Excel", None))
        self.fileLabel.setText(QCoreApplication.translate("ExcelImportDialog", u"&File:", None))
        self.browseButton.setText(QCoreApplication.translate("ExcelImportDialog", u"Choose &file\u2026", None))
        self.templateButton.setText(QCoreApplication.translate("ExcelImportDialog", u"Download Excel &template\u2026", None))
        self.campaignLabel.setText(QCoreApplication.translate("ExcelImportDialog", u"&Survey:", None))
        self.unitLabel.setText(QCoreApplication.translate("ExcelImportDialog", u"&Unit:", None))
        self.checkButton.setText(QCoreApplication.translate("ExcelImportDialog", u"C&heck the file", None))
        self.validOnlyCheck.setText(QCoreApplication.translate("ExcelImportDialog", u"Import only the &valid rows (skip the rows with problems)", None))
        self.replaceCheck.setText(QCoreApplication.translate("ExcelImportDialog", u"&Replace the unit's rows with the sheet (otherwise rows are added or updated)", None))
        self.includeHiddenCheck.setText(QCoreApplication.translate("ExcelImportDialog", u"Also import &hidden sheets and rows", None))
        self.importButton.setText(QCoreApplication.translate("ExcelImportDialog", u"&Import", None))
        self.cancelButton.setText(QCoreApplication.translate("ExcelImportDialog", u"&Stop", None))
        self.undoButton.setText(QCoreApplication.translate("ExcelImportDialog", u"&Undo this import", None))
    # retranslateUi

