# Creates a lab VM under the cluster's shared storage.
$root = "C:\ClusterStorage\Volume1"
$vhdFile = "$root\VMs\$name\Virtual Hard Disks\$name.vhdx"
New-VHD -Path $vhdFile -SizeBytes 60GB -Dynamic
New-VM -Name $name -Generation 2 -MemoryStartupBytes 4GB -VHDPath $vhdFile -Path "$root\VMs"
Copy-Item "C:\ProgramData\Microsoft\Windows\Hyper-V\Snapshots\*" -Destination "$root\VMs\$name\"
Start-VM -Name $name
