# Failover cluster health report for the Hyper-V hosts
Import-Module FailoverClusters
$cluster = Get-Cluster -Name HVCLUSTER01
Get-ClusterNode -Cluster $cluster | Select-Object Name, State
Get-ClusterSharedVolume -Cluster $cluster
foreach ($vm in Get-VM -ComputerName (Get-ClusterNode).Name) {
    Measure-VM -VM $vm
    Get-VMProcessor -VM $vm | Select-Object Count, CompatibilityForMigrationEnabled
}
# PowerShell Direct lets the host run commands inside a guest over VMBus
Invoke-Command -VMName dc01 -ScriptBlock { hostname }
Enter-PSSession -VMName web01
