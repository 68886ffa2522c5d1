; BranchDesk installer (NSIS 3, Modern UI 2): per-user, no admin rights, Chinese and English pages.
;
;   makensis -DVERSION=X.Y.Z [-DSRCDIR=..\..\dist\BranchDesk] [-DOUTFILE=...] [-DAMD64] [-DSIGN_UNINSTALLER=command]
;            resources/installer/branchdesk.nsi
;
; VERSION is branchdesk.__version__ (X.Y.Z, no leading "v"). Relative paths resolve from this script's folder.
; -DAMD64 makes a 64-bit installer (Debian's makensis ships amd64 stubs; the official Windows build is x86 only,
; which installs the 64-bit app just as well).
;
; What the installer writes, and so all that the uninstaller removes:
;   $INSTDIR\BranchDesk.exe, $INSTDIR\_internal\ (the PyInstaller bundle), $INSTDIR\Uninstall.exe,
;   two shortcuts, HKCU\Software\Classes\BranchDesk.Ledger (+ .bdesk while it points there), the Apps & Features key,
;   and the InstallDir value under HKCU\Software\BranchDesk (Qt keeps the app's preferences in that key too: they stay).
; Ledgers, backups and logs live in the per-user data folder (%LOCALAPPDATA%\BranchDesk), never under $INSTDIR.

Unicode true
!ifdef AMD64
  Target amd64-unicode
!endif
ManifestDPIAware true
ManifestSupportedOS Win10

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!ifndef VERSION
  !error "Pass the package version: makensis -DVERSION=X.Y.Z"
!endif
!ifndef SRCDIR
  !define SRCDIR "..\..\dist\BranchDesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\BranchDesk-${VERSION}-setup-unsigned.exe"   ; the build scripts sign and rename
!endif

!ifdef SIGN_UNINSTALLER
  ; The uninstaller is written inside the installer, so it is signed here, while makensis builds it
  ; (packaging/sign.sh); the installer itself is signed after makensis.
  !uninstfinalize '${SIGN_UNINSTALLER} "%1"' = 0
!endif

!define APPNAME "BranchDesk"
!define APPTITLE "支部联建台账 BranchDesk"   ; shortcut and Apps & Features name, the same in both languages
!define EXENAME "BranchDesk.exe"
!define PROGID "BranchDesk.Ledger"
!define APPKEY "Software\${APPNAME}"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPNAME}"
!define MIN_BUILD 17763   ; Windows 10 1809, the oldest Windows Qt 6 runs on

Name "${APPTITLE}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${APPKEY}" "InstallDir"   ; an upgrade goes where the last install went
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 64
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPTITLE}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} ${VERSION} setup"
VIAddVersionKey /LANG=0 "CompanyName" "${APPNAME}"
VIAddVersionKey /LANG=0 "LegalCopyright" "BranchDesk authors"

!define MUI_ICON "..\icons\branchdesk.ico"
!define MUI_UNICON "..\icons\branchdesk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXENAME}"
!insertmacro MUI_PAGE_WELCOME
; Release notes: resources/CHANGELOG.md, this version's first (NSIS reads a text file as UTF-8 only with a BOM).
!define MUI_PAGE_HEADER_TEXT "$(NotesTitle)"
!define MUI_PAGE_HEADER_SUBTEXT "$(NotesSubtitle)"
!define MUI_LICENSEPAGE_TEXT_TOP "$(NotesTop)"
!define MUI_LICENSEPAGE_TEXT_BOTTOM " "
!define MUI_LICENSEPAGE_BUTTON "$(^NextBtn)"
!insertmacro MUI_PAGE_LICENSE "..\CHANGELOG.md"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the default; Windows' display language picks English where it is English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString NotesTitle ${LANG_SIMPCHINESE} "更新说明"
LangString NotesTitle ${LANG_ENGLISH} "Release notes"
LangString NotesSubtitle ${LANG_SIMPCHINESE} "${APPTITLE} ${VERSION} 有哪些变化。"
LangString NotesSubtitle ${LANG_ENGLISH} "What is new in ${APPTITLE} ${VERSION}."
LangString NotesTop ${LANG_SIMPCHINESE} "每个版本先写中文，后写英文。"
LangString NotesTop ${LANG_ENGLISH} "Each version in Chinese, then English."
LangString OldWindows ${LANG_SIMPCHINESE} "支部联建台账需要 Windows 10 1809 (内部版本 17763) 或更高版本的 64 位 Windows。$\r$\n$\r$\n这台电脑的 Windows 版本太旧，无法安装。请升级 Windows 后再安装。"
LangString OldWindows ${LANG_ENGLISH} "BranchDesk needs 64-bit Windows 10 version 1809 (build 17763) or later.$\r$\n$\r$\nThis computer's Windows is too old to install it. Please update Windows, then run this installer again."
LangString AppRunning ${LANG_SIMPCHINESE} "支部联建台账正在运行。请先关闭它，然后点击“重试”。"
LangString AppRunning ${LANG_ENGLISH} "BranchDesk is running. Please close it, then click Retry."
LangString LedgerType ${LANG_SIMPCHINESE} "支部联建台账文件"
LangString LedgerType ${LANG_ENGLISH} "BranchDesk ledger"

Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "$(OldWindows)" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
FunctionEnd

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; Upgrade in place: the running exe cannot be replaced, and the old bundle's files go before the new ones
  ; arrive, so no stale library from an older version lingers next to the new one.
  retry:
  ClearErrors
  Delete "$INSTDIR\${EXENAME}"
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 4
    Quit
  ${EndIf}
  RMDir /r "$INSTDIR\_internal"

  File "${SRCDIR}\${EXENAME}"
  File /r "${SRCDIR}\_internal"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APPTITLE}.lnk" "$INSTDIR\${EXENAME}"
  CreateShortcut "$DESKTOP\${APPTITLE}.lnk" "$INSTDIR\${EXENAME}"

  ; .bdesk files open in BranchDesk (per user: HKCU\Software\Classes needs no admin rights).
  WriteRegStr HKCU "Software\Classes\.bdesk" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(LedgerType)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\${EXENAME}",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXENAME}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'   ; SHCNE_ASSOCCHANGED: refresh icons

  WriteRegStr HKCU "${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPTITLE}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\${EXENAME}",0'
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Uninstall"
  ; Only what the installer wrote; a folder the user chose may hold other files, so no recursive $INSTDIR.
  Delete "$INSTDIR\${EXENAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"   ; only if now empty

  Delete "$SMPROGRAMS\${APPTITLE}.lnk"
  Delete "$DESKTOP\${APPTITLE}.lnk"

  ReadRegStr $0 HKCU "Software\Classes\.bdesk" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey HKCU "Software\Classes\.bdesk"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegValue HKCU "${APPKEY}" "InstallDir"
  DeleteRegKey /ifempty HKCU "${APPKEY}"
SectionEnd
