#Requires -RunAsAdministrator
# Build a small Hyper-V lab: one internal switch, two Generation 2 VMs.
Import-Module Hyper-V
Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All -NoRestart

$vSwitch = "LabInternal"
if (-not (Get-VMSwitch -Name $vSwitch -ErrorAction SilentlyContinue)) {
    New-VMSwitch -Name $vSwitch -SwitchType Internal
}

foreach ($name in @("dc01", "web01")) {
    $vhd = "D:\Hyper-V\$name.vhdx"
    New-VHD -Path $vhd -SizeBytes 60GB -Dynamic
    New-VM -Name $name -Generation 2 -MemoryStartupBytes 4GB -VHDPath $vhd -SwitchName $vSwitch
    Set-VMProcessor -VMName $name -Count 2 -ExposeVirtualizationExtensions $true
    Set-VMMemory -VMName $name -DynamicMemoryEnabled $true -MinimumBytes 1GB
    Set-VMFirmware -VMName $name -EnableSecureBoot On
    Get-VMMemory -VMName $name | Format-Table
    Checkpoint-VM -Name $name -SnapshotName "clean"
}
Set-VMNetworkConfiguration -Name web01
Start-VM -Name dc01
