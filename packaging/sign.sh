#!/usr/bin/env bash
# Authenticode-signs a Windows program in place with osslsigncode (Debian's package), for builds made off
# Windows (the wine build, and the uninstaller that makensis writes inside the installer):
#
#   SIGN_PFX=cert.pfx SIGN_PASSWORD=... [SIGN_TIMESTAMP_URL=http://...] [SIGN_CAFILE=chain.pem] \
#       bash packaging/sign.sh FILE.exe
#
# SIGN_CAFILE (the certificate's chain, PEM) makes it verify the signature too, and fail if it does not verify.
# Without SIGN_PFX it signs nothing and says so (the build scripts then name the installer *-unsigned.exe).
# A timestamp keeps the signature valid after the certificate expires: set SIGN_TIMESTAMP_URL to the
# certificate authority's timestamp server for a release. On Windows the workflow signs with signtool instead.
set -euo pipefail
file=$1
if [ -z "${SIGN_PFX:-}" ]; then
    echo "not signed (no SIGN_PFX): $file"
    exit 0
fi
timestamp=()
[ -z "${SIGN_TIMESTAMP_URL:-}" ] || timestamp=(-ts "$SIGN_TIMESTAMP_URL")
osslsigncode sign -pkcs12 "$SIGN_PFX" -pass "${SIGN_PASSWORD:-}" -h sha256 -n BranchDesk \
    "${timestamp[@]}" -in "$file" -out "$file.signed" >/dev/null
mv "$file.signed" "$file"
if [ -n "${SIGN_CAFILE:-}" ]; then
    osslsigncode verify -CAfile "$SIGN_CAFILE" -in "$file" | grep -E 'Subject|Signature verification'
fi
echo "signed: $file"
