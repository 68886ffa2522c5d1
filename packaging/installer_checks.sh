#!/usr/bin/env bash
# The checks every Windows build of BranchDesk must pass, the same under wine (packaging/windows_build_under_wine.sh
# sources this file) and on a real Windows runner (.github/workflows/windows.yml runs it in Git Bash):
#
#   bash packaging/installer_checks.sh bundle DIST_DIR        # the frozen bundle's --smoke-test
#   bash packaging/installer_checks.sh installer SETUP.exe    # size budget, old Windows refused, install,
#                                                             # registry, open a ledger, upgrade, uninstall, data kept
#
# Needs, besides bash and coreutils: python with the locked packages (packaging/lock/) for branchdesk-cli, which
# makes the test ledger. Host differences (how a windowed exe is run and waited for, paths, an old Windows
# simulated) are the functions under "host"; everything else is one code path.
set -euo pipefail

CHECKS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

megabytes() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

if [ -z "${RESULTS+set}" ]; then
    RESULTS=()
    STARTED=$SECONDS
fi
step() {  # step NAME FUNCTION [ARGS]: run it (errexit on, in a subshell), time it, record PASS/FAIL; stop at a FAIL
    local name=$1 start=$SECONDS code=0
    shift
    echo "=== $name"
    set +e
    (set -e && "$@")
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
    local elapsed=$((SECONDS - STARTED))
    echo
    echo "BranchDesk ${VERSION:-}, Windows build${WINE_BUILD:+ under wine}: step results"
    printf '  %s\n' "${RESULTS[@]}"
    if [ -n "${SETUP:-}" ] && [ -f "$SETUP" ]; then
        echo "  installer: $SETUP: $(megabytes "$(stat -c %s "$SETUP")") MB"
    fi
    echo "  total: $((elapsed / 60)) min $((elapsed % 60)) s"
}

# ---- host: wine on Debian, or Git Bash on Windows -------------------------------------------------------------
case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*)
        export MSYS_NO_PATHCONV=1 MSYS2_ARG_CONV_EXCL='*'   # /S, /v and C:\ paths reach Windows programs as typed
        export QT_QPA_PLATFORM=offscreen
        winpath() { cygpath -w "$1"; }
        unixpath() { cygpath -u "$1"; }
        # A windowed exe run from bash is waited for like any other program; its exit code is bash's.
        winrun() { "$(unixpath "$1")" "${@:2}"; }
        # Windows 7 as far as the installer can tell: the compatibility layer's version lie.
        as_old_windows() { __COMPAT_LAYER=WIN7RTM "$@"; }
        regquery() { reg query "$@" 2>/dev/null | tr -d '\r'; }
        windows_env() { printenv "$1"; }   # Git Bash keeps Windows' own values of these
        settle() { :; }
        ;;
    *)
        WINE_BUILD=1
        winpath() { winepath -w "$1" 2>/dev/null; }
        unixpath() { winepath -u "$1" 2>/dev/null; }
        # wincmd WORD...: a command in wine's cmd with Qt offscreen, output piped, for at most 30 min; returns
        # its exit code (workarounds 3 and 4 of the wine script). The sed drops the wrapper's note about wine32.
        wincmd() {
            timeout 1800 wine cmd /c set 'QT_QPA_PLATFORM=offscreen&&' "$@" 2>&1 | tr -d '\r' |
                sed -e '/wine32 is missing/,/wine32:i386/d'
            return "${PIPESTATUS[0]}"
        }
        winrun() { wincmd start '' /wait "$@"; }
        as_old_windows() {
            wine winecfg -v win7 2>/dev/null
            local code=0
            "$@" || code=$?
            wine winecfg -v win10 2>/dev/null
            return $code
        }
        regquery() { wine reg query "$@" 2>/dev/null | tr -d '\r'; }
        windows_env() { wine cmd /c "echo %$1%" 2>/dev/null | tr -d '\r'; }
        settle() { wineserver -w; }
        ;;
esac
regvalue() { regquery "$@" | sed -n 's/.*REG_[A-Z_]* *//p'; }
# branchdesk-cli from the checkout, with the locked packages (CLI_PYTHON: a Linux venv's python under wine).
cli() { (cd "$CHECKS_ROOT" && "${CLI_PYTHON:-python}" -m branchdesk.cli "$@"); }
clipath() { if [ -n "${WINE_BUILD:-}" ]; then echo "$1"; else winpath "$1"; fi; }

# ---- checks ---------------------------------------------------------------------------------------------------
# smoke_test EXE_WINDOWS_PATH: the app's --smoke-test; a windowed exe has no console, so on failure show its log.
smoke_test() {
    winrun "$1" --smoke-test && return 0
    cat "$(unixpath "$(windows_env LOCALAPPDATA)\\BranchDesk\\logs\\smoke-test.log")" || true
    return 1
}

# size_budget SETUP: packaging/size_budget.py (the limit, and the same check on the bundle in CI)
size_budget() {
    "${CLI_PYTHON:-python}" "$CHECKS_ROOT/packaging/size_budget.py" installer "$1"
}

profile_paths() {
    LOCALAPPDATA_W=$(windows_env LOCALAPPDATA)
    USERPROFILE_W=$(windows_env USERPROFILE)
    INSTDIR_W="$LOCALAPPDATA_W\\Programs\\BranchDesk"
    INSTDIR=$(unixpath "$INSTDIR_W")
    DATADIR=$(unixpath "$LOCALAPPDATA_W\\BranchDesk")        # platformdirs' user data folder
    # where the installer puts its two shortcuts
    SHORTCUT_DIRS=("$(unixpath "$USERPROFILE_W\\Desktop")"
        "$(unixpath "$(windows_env APPDATA)\\Microsoft\\Windows\\Start Menu\\Programs")")
    LEDGER="$(unixpath "$USERPROFILE_W\\Documents")/测试台账.bdesk"
    BACKUP="$DATADIR/backups/测试台账-备份.bdesk"
    SHOTS=$CHECKS_WORK/screenshots
}
UNINSTKEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BranchDesk'
shortcuts() { find "${SHORTCUT_DIRS[@]}" -maxdepth 1 -name '*BranchDesk*.lnk' 2>/dev/null || true; }

refuses_old_windows() {
    local code=0
    as_old_windows winrun "$(winpath "$SETUP")" /S '/D=C:\refused' || code=$?
    echo "setup.exe on Windows 7: exit code $code"
    [ "$code" = 3 ] && [ ! -e "$(unixpath 'C:\refused')" ]
}

silent_install() {
    rm -rf "$INSTDIR" "$DATADIR" "$LEDGER"
    winrun "$(winpath "$SETUP")" /S   # exit code 0, or the step fails
    ls "$INSTDIR"
    [ -f "$INSTDIR/BranchDesk.exe" ] && [ -f "$INSTDIR/Uninstall.exe" ] || return 1
    shortcuts
    [ "$(shortcuts | wc -l)" = 2 ] || { echo "expected 2 shortcuts"; return 1; }
}

registry_entries() {
    regquery "$UNINSTKEY"
    local version uninstall location
    version=$(regvalue "$UNINSTKEY" /v DisplayVersion)
    uninstall=$(regvalue "$UNINSTKEY" /v UninstallString)
    location=$(regvalue "$UNINSTKEY" /v InstallLocation)
    [ "$version" = "$VERSION" ] || { echo "Apps & Features says version '$version', not $VERSION"; return 1; }
    [ "$uninstall" = "\"$INSTDIR_W\\Uninstall.exe\"" ] || { echo "UninstallString: $uninstall"; return 1; }
    [ "$location" = "$INSTDIR_W" ] || { echo "InstallLocation: $location"; return 1; }
    [ -n "$(regvalue "$UNINSTKEY" /v DisplayName)" ] || { echo "no DisplayName"; return 1; }
    [ "$(regvalue 'HKCU\Software\Classes\.bdesk' /ve)" = BranchDesk.Ledger ] || { echo "no .bdesk association"; return 1; }
}

installed_smoke_test() {
    touch "$CHECKS_WORK/before-smoke-test"
    smoke_test "$INSTDIR_W\\BranchDesk.exe"
    local written
    written=$(find "$INSTDIR" -newer "$CHECKS_WORK/before-smoke-test")
    [ -z "$written" ] || { echo "the app wrote inside its install folder: $written"; return 1; }
}

open_ledger() {
    cli demo "$(clipath "$LEDGER")" --scale township --force
    mkdir -p "$(dirname "$BACKUP")" && cp "$LEDGER" "$BACKUP"
    # a preference, where Qt keeps the app's
    if [ -n "${WINE_BUILD:-}" ]; then
        wine reg add 'HKCU\Software\BranchDesk\BranchDesk' /v left_by_test /d 1 /f >/dev/null 2>&1
    else
        reg add 'HKCU\Software\BranchDesk\BranchDesk' /v left_by_test /d 1 /f >/dev/null
    fi
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

# uninstall_from INSTALL_DIR_WINDOWS_PATH: an NSIS uninstaller copies itself to %TEMP% and returns at once (exit
# code 0 or the step fails): wait for the install folder to go.
uninstall_from() {
    local dir
    dir=$(unixpath "$1")
    winrun "$1\\Uninstall.exe" /S
    local waited=0
    while [ -e "$dir" ] && [ $waited -lt 120 ]; do sleep 2; waited=$((waited + 2)); done
    settle
    [ ! -e "$dir" ] || { echo "install folder still there:"; ls -R "$dir" | head; return 1; }
}

silent_uninstall() {
    # The user's files as the app left them (opening a ledger may rewrite it), for user_files_survive.
    (cd "$(dirname "$LEDGER")" && sha256sum "$(basename "$LEDGER")") > "$CHECKS_WORK/ledger.sha256"
    (cd "$(dirname "$BACKUP")" && sha256sum "$(basename "$BACKUP")") > "$CHECKS_WORK/backup.sha256"
    uninstall_from "$INSTDIR_W"
    [ "$(shortcuts | wc -l)" = 0 ] || { echo "shortcut left"; return 1; }
    for key in "$UNINSTKEY" 'HKCU\Software\Classes\BranchDesk.Ledger' 'HKCU\Software\Classes\.bdesk'; do
        if regquery "$key" >/dev/null; then echo "registry key left: $key"; return 1; fi
    done
    echo "install folder, shortcuts, association and Apps & Features entry removed"
}

user_files_survive() {
    (cd "$(dirname "$LEDGER")" && sha256sum -c "$CHECKS_WORK/ledger.sha256")
    (cd "$(dirname "$BACKUP")" && sha256sum -c "$CHECKS_WORK/backup.sha256")
    # Qt keeps the app's preferences under HKCU\Software\BranchDesk\BranchDesk: the uninstaller leaves them.
    [ "$(regvalue 'HKCU\Software\BranchDesk\BranchDesk' /v left_by_test)" = 1 ] || { echo "preferences lost"; return 1; }
    cli check "$(clipath "$LEDGER")" --quick
}

chinese_path_install() {
    # A folder a clerk might choose: Qt's addApplicationFont(path) failed for a path with Chinese characters
    # on Windows, and the smoke test fails when the bundled font does not load (issue #17).
    local parent_w="$LOCALAPPDATA_W\\Programs\\我的 台账"
    local dir_w="$parent_w\\BranchDesk" parent dir
    parent=$(unixpath "$parent_w")
    dir=$(unixpath "$dir_w")
    rm -rf "$parent"
    # NSIS takes /D= last and unquoted; as separate words, neither wine's start nor Git Bash quotes the path.
    local -a target
    read -r -a target <<< "/D=$dir_w"
    winrun "$(winpath "$SETUP")" /S "${target[@]}"
    [ -f "$dir/BranchDesk.exe" ] || { echo "not installed in $dir_w"; ls -R "$parent" | head; return 1; }
    smoke_test "$dir_w\\BranchDesk.exe"
    uninstall_from "$dir_w"
    rmdir "$parent"   # the installer made it; the uninstaller removes only its own folder
    echo "installed, smoke-tested and uninstalled in $dir_w"
}

bundle_checks() {  # bundle_checks DIST_DIR (holding BranchDesk.exe and _internal/)
    step "bundle --smoke-test" smoke_test "$(winpath "$1/BranchDesk.exe")"
}

installer_checks() {  # installer_checks SETUP: needs VERSION and CHECKS_WORK (a scratch folder)
    SETUP=$1
    profile_paths
    step "installer size budget" size_budget "$SETUP"
    step "installer refuses Windows 7" refuses_old_windows
    step "silent install (exit code 0)" silent_install
    step "registry entries" registry_entries
    step "installed app --smoke-test" installed_smoke_test
    step "open .bdesk ledger (screenshots)" open_ledger
    step "upgrade in place" upgrade_in_place
    step "silent uninstall (exit code 0)" silent_uninstall
    step "ledger, backup, preferences survive" user_files_survive
    step "Chinese install path: smoke test, uninstall" chinese_path_install
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    VERSION=$(sed -n 's/^__version__ = "\([0-9]*\.[0-9]*\.[0-9]*\)"$/\1/p' "$CHECKS_ROOT/branchdesk/__init__.py")
    CHECKS_WORK=$(mkdir -p "${CHECKS_WORK:-$CHECKS_ROOT/build/checks}" && cd "${CHECKS_WORK:-$CHECKS_ROOT/build/checks}" && pwd)
    case "${1:-}" in
        bundle) bundle_checks "$2" ;;
        installer) installer_checks "$2" ;;
        *) echo "usage: $0 bundle DIST_DIR | installer SETUP.exe" >&2; exit 2 ;;
    esac
    summary
fi
