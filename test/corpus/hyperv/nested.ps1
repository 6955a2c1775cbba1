# Nested virtualization for a WSL 2 or Docker host VM
$VMName = "devbox"
Stop-VM -Name $VMName
Set-VMProcessor -VMName $VMName -ExposeVirtualizationExtensions $true
Get-VMNetworkAdapter -VMName $VMName | Set-VMNetworkAdapter -MacAddressSpoofing On
Set-VM -Name $VMName -CheckpointType Production -AutomaticStopAction ShutDown
$VMVersion = (Get-VM -Name $VMName).Version
Update-VMVersion -Name $VMName -Force
Start-VM -Name $VMName
