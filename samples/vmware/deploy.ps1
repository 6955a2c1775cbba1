<#
  deploy.ps1 -- create an Ubuntu VM on vSphere with VMware PowerCLI

  Requires:  Install-Module VMware.PowerCLI -Scope CurrentUser
  Run:       ./deploy.ps1 -VCenter vcsa01.lab.local -Name web01

  Note: the Hyper-V module also has New-VM, Get-VM, Start-VM and Stop-VM.
  This script qualifies them with the PowerCLI module name so the right
  cmdlets run even if Hyper-V is installed on the same machine.
#>
param(
    [Parameter(Mandatory)] [string] $VCenter,
    [string] $Name         = 'web01',
    [string] $Cluster      = 'Cluster01',
    [string] $Datastore    = 'ds-ssd-01',
    [string] $PortGroup    = 'VM Network',     # standard or distributed port group
    [string] $IsoPath      = '[ds-iso] ubuntu/ubuntu-24.04-live-server-amd64.iso'
)

Import-Module VMware.VimAutomation.Core
$ErrorActionPreference = 'Stop'

# Lab vCenter with a self-signed certificate; use proper certificates in production.
Set-PowerCLIConfiguration -InvalidCertificateAction Ignore -Scope Session -Confirm:$false | Out-Null
Connect-VIServer -Server $VCenter -Credential (Get-Credential) | Out-Null

# Pick the least loaded host in the cluster (DRS would do this if the VM
# were created with -ResourcePool on a DRS-enabled cluster instead).
$vmHost = Get-Cluster $Cluster | Get-VMHost |
    Where-Object { $_.ConnectionState -eq 'Connected' } |
    Sort-Object MemoryUsageGB | Select-Object -First 1

# Create the VM: 2 vCPUs, 4 GB RAM, 40 GB thin disk, VMXNET3 NIC, EFI firmware.
$vm = VMware.VimAutomation.Core\New-VM -Name $Name -VMHost $vmHost `
    -Datastore $Datastore -NumCpu 2 -CoresPerSocket 2 -MemoryGB 4 `
    -DiskGB 40 -DiskStorageFormat Thin `
    -NetworkName $PortGroup -GuestId ubuntu64Guest   # API id, not the .vmx "ubuntu-64"

# Replace the default NIC type with the paravirtual VMXNET3 adapter.
Get-NetworkAdapter -VM $vm | Set-NetworkAdapter -Type Vmxnet3 -Confirm:$false | Out-Null

# Use the VMware Paravirtual SCSI controller for the system disk.
Get-ScsiController -VM $vm | Set-ScsiController -Type ParaVirtual -Confirm:$false | Out-Null

# Boot firmware, Secure Boot and nested virtualization go through the vSphere API.
$spec = New-Object VMware.Vim.VirtualMachineConfigSpec
$spec.Firmware = 'efi'
$spec.BootOptions = New-Object VMware.Vim.VirtualMachineBootOptions
$spec.BootOptions.EfiSecureBootEnabled = $true
$spec.NestedHVEnabled = $true          # written to the .vmx as vhv.enable = "TRUE"
$spec.CpuHotAddEnabled = $false        # keep vNUMA for the guest
$spec.MemoryHotAddEnabled = $true      # mem.hotadd = "TRUE"
$vm.ExtensionData.ReconfigVM($spec)

# Raw .vmx keys: cloud-init user data for the VMware datasource.
$userData = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("#cloud-config`nhostname: $Name`n"))
New-AdvancedSetting -Entity $vm -Name 'guestinfo.userdata' -Value $userData -Confirm:$false | Out-Null
New-AdvancedSetting -Entity $vm -Name 'guestinfo.userdata.encoding' -Value 'base64' -Confirm:$false | Out-Null

# Attach the installer ISO and power on.
New-CDDrive -VM $vm -IsoPath $IsoPath -StartConnected | Out-Null
VMware.VimAutomation.Core\Start-VM -VM $vm | Out-Null

VMware.VimAutomation.Core\Get-VM -Name $Name |
    Select-Object Name, PowerState, NumCpu, MemoryGB, HardwareVersion

Disconnect-VIServer -Server $VCenter -Confirm:$false
