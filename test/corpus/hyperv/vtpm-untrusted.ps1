# Give a lab VM a vTPM on a host without a Host Guardian Service
param([string]$VMName = 'win11-lab')

$vm = Get-VM -Name $VMName
Write-Host "Startup memory: $($vm.MemoryStartup / 1MB) MB, paging file in $($vm.SmartPagingFilePath)"

$owner = Get-HgsGuardian -Name 'LabGuardian' -ErrorAction SilentlyContinue
if (-not $owner) {
    $owner = New-HgsGuardian -Name 'LabGuardian' -GenerateCertificates
}
$kp = New-HgsKeyProtector -Owner $owner -AllowUntrustedRoot
Set-VMKeyProtector -VMName $VMName -KeyProtector $kp.RawData
Enable-VMTPM -VMName $VMName

Set-VMNetworkAdapter -VMName $VMName -StaticMacAddress '00155D0A0B0C' -DhcpGuard On
Set-VM -Name $VMName -SnapshotFileLocation 'D:\Checkpoints' -AutomaticCriticalErrorAction Pause
Start-Process "$env:windir\System32\mbr2gpt.exe" -ArgumentList '/validate /allowFullOS' -Wait
