Import-Module VMware.PowerCLI
Connect-VIServer -Server vcenter.lab.local -User administrator@vsphere.local
Get-Cluster -Name Prod | Get-VMHost | Select-Object Name, ConnectionState
Get-VM | Where-Object { $_.PowerState -eq "PoweredOn" } | Get-Snapshot
Get-Datastore | Select-Object Name, FreeSpaceGB
Get-VirtualSwitch -VMHost esx01 | Get-VirtualPortGroup
New-Snapshot -VM web01 -Name "pre-patch" -Memory
Set-VM -VM web01 -MemoryGB 8 -NumCpu 4 -Confirm:$false
Disconnect-VIServer -Confirm:$false
