# Not a Hyper-V script: console and network QoS helpers with look-alike names
Add-Type -Namespace Native -Name Console -MemberDefinition @'
[DllImport("kernel32.dll")] public static extern bool GetConsoleMode(IntPtr h, out uint ConsoleMode);
'@
$MaximumBandwidth = 100MB
$Heartbeat = Get-Date
New-NetQosPolicy -Name 'Backup' -AppPathNameMatchCondition 'backup.exe' -ThrottleRateActionBitsPerSecond $MaximumBandwidth
Write-Host "Shutdown scheduled after heartbeat $Heartbeat"
