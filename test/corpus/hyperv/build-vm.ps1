# Builds a lab VM and plugs it into the external vswitch
param(
    [string]$Name = "lab-app01",
    [int]$Cpus = 4
)

$switch = "External vSwitch"   # the vswitch created by setup-host.ps1
$hostCores = [Environment]::ProcessorCount

New-VM -Name $Name -Generation 2 -MemoryStartupBytes 4GB -SwitchName $switch
Set-VM -Name $Name -ProcessorCount $Cpus -AutomaticCheckpointsEnabled $false
Get-VM -Name $Name | Select-Object Name, ProcessorCount, MemoryStartup
Start-VM -Name $Name
