# Applies integration-services updates to a stopped VM's disk, offline.
param(
    [string]$vhdPath,
    [string]$cabPath
)

Import-Module Hyper-V

# Mount the VHD and find the partition with a Windows folder on it
Write-Host "Mounting $vhdPath"
$disk = Mount-VHD -Path $vhdPath -Passthru | Get-Disk
$partition = Get-Partition -DiskNumber $disk.Number | Where-Object { $_.Type -eq 'Basic' } | Select-Object -First 1
$drive = ($partition | Get-Volume).DriveLetter

# a GPT disk has an EFI system partition and a reserved partition before the Windows partition
New-Partition -DiskNumber $disk.Number -UseMaximumSize -AssignDriveLetter | Format-Volume -FileSystem NTFS

Add-WindowsPackage -PackagePath $cabPath -Path "$($drive):\"

Dismount-VHD -Path $vhdPath
$vm = Get-VM -Name $VMName
Set-VMProcessor -VMName $VMName -ExposeVirtualizationExtensions $true
New-VM -Name "web01" -MemoryStartupBytes 2GB -Generation 2 -VHDPath $vhdPath
