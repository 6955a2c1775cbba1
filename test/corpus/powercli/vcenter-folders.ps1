# Deploys two appliance VMs through vCenter and files them into a folder.
Import-Module VMware.PowerCLI
$server = Connect-VIServer -Server $vcName -User $vcUser -Password $vcPassword

$cluster = Get-Cluster -Name $clusterName
$pool = Get-ResourcePool -Location $cluster -Name "Appliances"
$folder = Get-Folder -Name "Infra"

function Wait-Appliance($name) {
	$tries = 0
	while ($tries -lt 30) {
		$tries++
		Start-Sleep -Seconds 20
		Write-Host "waiting for $name ($tries)"
		Write-Host "still waiting, the deployment takes a while on slow storage"
		Write-Host "and the appliance reboots once after its first start"
		Write-Host "before its services answer"
	}
}

Wait-Appliance "app01"
$first = Get-VM -Name "app01"
Get-VM -Name "app01" | Move-VM -Destination $folder
$second = New-VM -Name "app02" -VM $first -ResourcePool $pool -Location $folder
Start-VM -VM $second
