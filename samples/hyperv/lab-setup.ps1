#Requires -RunAsAdministrator
#Requires -Modules Hyper-V
<#
  lab-setup.ps1 - builds a small Hyper-V lab on one Windows Server host.

  Creates:
    * an internal virtual switch "LabNet" with NAT, so lab VMs reach the internet
    * hv-nested : a Generation 2 VM that will itself run Hyper-V (nested virtualization)
    * app01     : a Generation 2 Linux VM with Dynamic Memory
    * gpu01     : a Generation 2 VM that receives a physical GPU by Discrete Device Assignment
  and takes a first checkpoint of each VM that supports it.
#>

$ErrorActionPreference = 'Stop'
$root   = 'D:\Lab'
$iso    = 'D:\ISO\WindowsServer2022.iso'
$linIso = 'D:\ISO\ubuntu-24.04-live-server-amd64.iso'

# --- 1. Host: make sure the hypervisor and the management tools are present ------------
if ((Get-WindowsFeature -Name Hyper-V).InstallState -ne 'Installed') {
    Install-WindowsFeature -Name Hyper-V -IncludeManagementTools -Restart
}
Set-VMHost -VirtualMachinePath $root -VirtualHardDiskPath "$root\Disks"

# --- 2. Network: internal switch + NAT (no physical NIC is touched) ----------------------
if (-not (Get-VMSwitch -Name LabNet -ErrorAction SilentlyContinue)) {
    New-VMSwitch -Name LabNet -SwitchType Internal
    New-NetIPAddress -InterfaceAlias 'vEthernet (LabNet)' -IPAddress 192.168.50.1 -PrefixLength 24
    New-NetNat -Name LabNat -InternalIPInterfaceAddressPrefix '192.168.50.0/24'
}

# --- 3. hv-nested: a VM that runs Hyper-V itself -----------------------------------------
# Nested VMs need static memory: while Hyper-V runs inside, the VM's RAM cannot change.
New-VM -Name hv-nested -Generation 2 -MemoryStartupBytes 8GB -SwitchName LabNet `
       -NewVHDPath "$root\Disks\hv-nested.vhdx" -NewVHDSizeBytes 127GB
Set-VMProcessor -VMName hv-nested -Count 4 -ExposeVirtualizationExtensions $true
Set-VMMemory    -VMName hv-nested -DynamicMemoryEnabled $false
# Frames from the nested guests carry their own MACs, so allow spoofing on the outer NIC.
Get-VMNetworkAdapter -VMName hv-nested | Set-VMNetworkAdapter -MacAddressSpoofing On
Add-VMDvdDrive  -VMName hv-nested -Path $iso          # New-VM gives Gen 2 VMs no DVD drive
Set-VMFirmware  -VMName hv-nested -FirstBootDevice (Get-VMDvdDrive -VMName hv-nested)
Set-VMKeyProtector -VMName hv-nested -NewLocalKeyProtector
Enable-VMTPM    -VMName hv-nested                     # a vTPM, for BitLocker in the guest

# --- 4. app01: Linux guest with Dynamic Memory ---------------------------------------------
New-VM -Name app01 -Generation 2 -MemoryStartupBytes 2GB -SwitchName LabNet `
       -NewVHDPath "$root\Disks\app01.vhdx" -NewVHDSizeBytes 40GB
Set-VMMemory -VMName app01 -DynamicMemoryEnabled $true `
             -MinimumBytes 512MB -StartupBytes 2GB -MaximumBytes 6GB -Buffer 20
# Ubuntu's shim is signed by the Microsoft UEFI CA, not by the Windows key.
Set-VMFirmware -VMName app01 -EnableSecureBoot On -SecureBootTemplate MicrosoftUEFICertificateAuthority
Add-VMDvdDrive -VMName app01 -Path $linIso
Set-VMFirmware -VMName app01 -FirstBootDevice (Get-VMDvdDrive -VMName app01)
Add-VMHardDiskDrive -VMName app01 -ControllerType SCSI `
                    -Path (New-VHD -Path "$root\Disks\app01-data.vhdx" -SizeBytes 100GB -Dynamic).Path
Enable-VMIntegrationService -VMName app01 -Name 'Guest Service Interface'   # for Copy-VMFile
Set-VM -Name app01 -CheckpointType Production -AutomaticStartAction StartIfRunning

# --- 5. gpu01: pass a physical GPU through with Discrete Device Assignment ----------------
# DDA rules out Dynamic Memory, saved state and live migration for this VM.
New-VM -Name gpu01 -Generation 2 -MemoryStartupBytes 16GB -SwitchName LabNet `
       -NewVHDPath "$root\Disks\gpu01.vhdx" -NewVHDSizeBytes 80GB
Set-VM -Name gpu01 -AutomaticStopAction TurnOff -GuestControlledCacheTypes $true `
       -LowMemoryMappedIoSpace 3GB -HighMemoryMappedIoSpace 33280MB

$gpu  = Get-PnpDevice -Class Display -PresentOnly |
        Where-Object FriendlyName -like '*NVIDIA*' | Select-Object -First 1
$path = ($gpu | Get-PnpDeviceProperty DEVPKEY_Device_LocationPaths).Data[0]   # PCIROOT(...)#PCI(...)
Disable-PnpDevice -InstanceId $gpu.InstanceId -Confirm:$false
Dismount-VMHostAssignableDevice -LocationPath $path -Force   # no vendor mitigation driver here
Add-VMAssignableDevice -LocationPath $path -VMName gpu01

# --- 6. First checkpoints ------------------------------------------------------------------
# gpu01 is skipped: while a device is assigned, the VM cannot be saved or restored.
foreach ($vm in 'hv-nested', 'app01') {
    Checkpoint-VM -Name $vm -SnapshotName 'clean-install-media-attached'
}

Start-VM -Name hv-nested, app01, gpu01
Get-VM | Format-Table Name, State, Generation, Version, MemoryAssigned, DynamicMemoryEnabled

# Inside hv-nested, once Windows is installed (PowerShell Direct, no network needed):
# Invoke-Command -VMName hv-nested -Credential (Get-Credential) -ScriptBlock {
#     Install-WindowsFeature -Name Hyper-V -IncludeManagementTools -Restart
# }
