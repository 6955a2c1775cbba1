# Enable WSL 2 and the Virtual Machine Platform
Enable-WindowsOptionalFeature -Online -FeatureName VirtualMachinePlatform -NoRestart
Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Windows-Subsystem-Linux -NoRestart
wsl --set-default-version 2
wsl --install -d Ubuntu
bcdedit /set hypervisorlaunchtype auto
