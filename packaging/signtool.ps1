# Authenticode-signs Windows programs in place with signtool, on a Windows runner (.github/workflows/windows.yml):
#
#   pwsh packaging/signtool.ps1 FILE.exe [FILE.exe ...]
#
# The certificate comes from the environment: WINDOWS_CERT_PFX (the .pfx file, base64) and WINDOWS_CERT_PASSWORD;
# SIGN_TIMESTAMP_URL (the certificate authority's timestamp server) keeps the signature valid after the
# certificate expires. Without WINDOWS_CERT_PFX it signs nothing and says so. Off Windows: packaging/sign.sh.
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = "Stop"
if (-not $env:WINDOWS_CERT_PFX) {
    Write-Output "not signed (no WINDOWS_CERT_PFX): $Files"
    exit 0
}
$pfx = Join-Path $env:RUNNER_TEMP "branchdesk-signing.pfx"
[IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX))
try {
    # The newest Windows SDK's x64 signtool on the runner.
    $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
        Sort-Object FullName | Select-Object -Last 1
    $arguments = @("sign", "/f", $pfx, "/p", $env:WINDOWS_CERT_PASSWORD, "/fd", "sha256", "/d", "BranchDesk")
    if ($env:SIGN_TIMESTAMP_URL) { $arguments += @("/tr", $env:SIGN_TIMESTAMP_URL, "/td", "sha256") }
    & $signtool.FullName @arguments @Files
    if ($LASTEXITCODE -ne 0) { throw "signtool sign failed" }
    & $signtool.FullName verify /pa @Files
    if ($LASTEXITCODE -ne 0) { throw "signtool verify failed" }
} finally {
    Remove-Item $pfx -ErrorAction SilentlyContinue
}
