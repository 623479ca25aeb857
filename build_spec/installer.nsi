; OCOP Desktop installer (NSIS 3, Modern UI 2): for the current Windows user, no administrator
; password, in Vietnamese. build_spec/build.py runs it; by hand:
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION_WIN=0.1.0.0 \
;     -DBUNDLE_DIR=dist/OCOP-Desktop-0.1.0-windows-x64 -DOUTFILE=dist/OCOP-Desktop-0.1.0-setup.exe \
;     -DICON=resources/icons/ocop-desktop.ico build_spec/installer.nsi
;
; Optional: -DAPP_EXE=name (the program inside BUNDLE_DIR, OCOP-Desktop.exe by default),
; -DTARGET=amd64-unicode (a 64-bit installer where makensis has those stubs; the default x86
; installer runs on every Windows), -DCOMPRESSOR=zlib (a faster, larger build for tests).
;
; The office's data live in %APPDATA%\ocop\ocop-desktop (database, backups, drafts). This
; script never names that folder: installing, upgrading and uninstalling touch only the program
; folder, the two shortcuts and the uninstall entry under HKCU.

!ifdef TARGET
  Target ${TARGET}
!else
  Unicode true
!endif

!ifndef VERSION
  !error "VERSION is missing (-DVERSION=0.1.0)"
!endif
!ifndef VERSION_WIN
  !error "VERSION_WIN is missing (-DVERSION_WIN=0.1.0.0)"
!endif
!ifndef BUNDLE_DIR
  !error "BUNDLE_DIR is missing (the PyInstaller one-folder bundle)"
!endif
!ifndef OUTFILE
  !error "OUTFILE is missing"
!endif
!ifndef ICON
  !error "ICON is missing (resources/icons/ocop-desktop.ico)"
!endif
!ifndef APP_EXE
  !define APP_EXE "OCOP-Desktop.exe"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define APP_NAME "OCOP Desktop"
!define SHORTCUT_NAME "OCOP Desktop - Quản lý sản phẩm OCOP"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\OCOP Desktop"
!define UNINSTALLER "Gỡ cài đặt OCOP Desktop.exe"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\OCOP Desktop"
; An upgrade goes where the previous version was installed.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
!if "${COMPRESSOR}" == "none"
  SetCompress off ; tests/bundle: the script and the payload checked, not the size
!else
  SetCompressor /SOLID ${COMPRESSOR}
!endif
!if "${COMPRESSOR}" == "lzma"
  SetCompressorDictSize 32
!endif
ManifestDPIAware true
BrandingText "${APP_NAME} ${VERSION}"
AllowSkipFiles off

; -- pages -------------------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "Cài đặt ${APP_NAME} ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "Phần mềm quản lý sản phẩm OCOP, rà soát, nhiệm vụ và báo cáo; chạy không cần mạng.$\r$\n$\r$\nChương trình được cài cho riêng tài khoản Windows này, không cần mật khẩu quản trị.$\r$\n$\r$\nDữ liệu của đơn vị (cơ sở dữ liệu và các bản sao lưu) được giữ nguyên khi cài đặt, nâng cấp hay gỡ bỏ.$\r$\n$\r$\n$_CLICK"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP_NAME} ngay"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

VIProductVersion "${VERSION_WIN}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt ${SHORTCUT_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "Giấy phép GPL-3.0-or-later"

; -- install -----------------------------------------------------------------------------------
Function RemovePrevious
  ; An older version found in HKCU: its own uninstaller removes its program files, in place
  ; (_?= makes it run from where it is and lets ExecWait wait for it). Its shortcuts and
  ; registry entry go with it and are written again below; the data folder is not its to touch.
  ReadRegStr $0 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ReadRegStr $1 HKCU "${UNINSTALL_KEY}" "UninstallExe"
  ${If} $0 != ""
  ${AndIf} $1 != ""
  ${AndIf} ${FileExists} "$0\$1"
    ReadRegStr $2 HKCU "${UNINSTALL_KEY}" "DisplayVersion"
    DetailPrint "Gỡ phiên bản cũ $2 trong $0 (dữ liệu của đơn vị được giữ nguyên)"
    ExecWait '"$0\$1" /S _?=$0' $3
    Delete "$0\$1"
  ${EndIf}
  ; Whatever an interrupted older install left in the program folder is replaced, not mixed.
  RMDir /r "$INSTDIR\_internal"
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  Call RemovePrevious

  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${SHORTCUT_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\${SHORTCUT_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${SHORTCUT_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallExe" "${UNINSTALLER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; -- uninstall ---------------------------------------------------------------------------------
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${SHORTCUT_NAME}.lnk"
  Delete "$DESKTOP\${SHORTCUT_NAME}.lnk"
  ; Only what the installer put there, by name: a folder the user chose may hold other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
