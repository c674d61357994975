# Build the Windows installer: dist\budgetbench\ (PyInstaller) and
# dist\budgetbench-<version>-windows-x64-setup.exe (Inno Setup 6).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs Python 3.11 (the `py` launcher) and Inno Setup 6 (ISCC.exe) installed. Run from anywhere.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3.11 -m venv .venv }
$Py = Join-Path $Root ".venv\Scripts\python.exe"
& $Py -m pip install --quiet --upgrade pip
& $Py -m pip install --quiet -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$Version = & $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
Remove-Item -Recurse -Force build\pyinstaller, dist\budgetbench -ErrorAction SilentlyContinue
& $Py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller packaging\budgetbench.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$Iscc = @(
    (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source,
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it from jrsoftware.org" }
& $Iscc "/DAppVersion=$Version" packaging\windows\budgetbench.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }

& $Py packaging\smoke_test.py --app dist\budgetbench\budgetbench-cli.exe
Write-Host "Installer: dist\budgetbench-$Version-windows-x64-setup.exe"
