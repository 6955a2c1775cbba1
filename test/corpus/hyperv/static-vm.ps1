# Create a generation 2 VM with static memory and attach the disk later
$vmName = "fw01"
$ramStatic = 2GB   # static memory for the firewall

New-VM -Name $vmName -Path "D:\Hyper-V" -NoVHD -Generation 2 `
    -MemoryStartupBytes $ramStatic -SwitchName "External"

# no automatic checkpoints for an appliance
Set-VM -Name $vmName -ProcessorCount 2 -AutomaticCheckpointsEnabled $false -CheckpointType Disabled
Set-VMMemory -VMName $vmName -DynamicMemoryEnabled $false
