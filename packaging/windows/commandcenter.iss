; Inno Setup 6 script for the Windows installer (issue 19). Built by build.ps1 after PyInstaller:
;   iscc /DAppVersion=0.1.0 packaging\windows\commandcenter.iss
; Installs dist\commandcenter\ (the program, Qt, libVLC and its plugins folder) into Program Files.
; Upgrades: the same AppId, so a newer installer replaces the program files only; the database,
; settings, saved views and plugin state live in the user's and ProgramData folders and are kept;
; the migrations run when the program next opens the database. A downgrade is refused (InitializeSetup).
; tests/packaging/test_windows_recipe.py checks this file's sections, version and sources.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1C2B7E-3D4A-4E59-9B1C-0C0A11D19C19}
AppName=CommandCenter
AppVerName=二七区智慧城管指挥中心 {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=CommandCenter IT
DefaultDirName={autopf}\CommandCenter
DefaultGroupName=CommandCenter
UninstallDisplayIcon={app}\commandcenterw.exe
OutputDir=..\..\dist
OutputBaseFilename=commandcenter-{#AppVersion}-setup
SetupIconFile=..\commandcenter.ico
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\commandcenter\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\二七区智慧城管指挥中心"; Filename: "{app}\commandcenterw.exe"; Parameters: "gui"
Name: "{group}\以安全模式启动"; Filename: "{app}\commandcenterw.exe"; Parameters: "gui --safe-mode"
Name: "{autodesktop}\二七区智慧城管指挥中心"; Filename: "{app}\commandcenterw.exe"; Parameters: "gui"; Tasks: desktopicon

[Run]
Filename: "{app}\commandcenter.exe"; Parameters: "--version"; Flags: runhidden waituntilterminated

[Code]
function InitializeSetup(): Boolean;
var
  Installed: String;
begin
  Result := True;
  if RegQueryStringValue(HKLM, 'Software\Microsoft\Windows\CurrentVersion\Uninstall\{6F1C2B7E-3D4A-4E59-9B1C-0C0A11D19C19}_is1',
      'DisplayVersion', Installed) then
    if CompareStr(Installed, '{#AppVersion}') > 0 then
    begin
      MsgBox('CommandCenter ' + Installed + ' is installed; this installer holds the older ' +
        '{#AppVersion}. Data written by the newer version may not open in the older one: uninstall it first if you really mean it.',
        mbError, MB_OK);
      Result := False;
    end;
end;
