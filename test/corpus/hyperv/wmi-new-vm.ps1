# Creates a VM through the Hyper-V WMI provider (root\virtualization\v2).
$ns = 'root\virtualization\v2'
$vsms = Get-CimInstance -Namespace $ns -ClassName Msvm_VirtualSystemManagementService
$settings = New-CimInstance -Namespace $ns -ClassName Msvm_VirtualSystemSettingData -ClientOnly -Property @{ ElementName = 'wmi-vm' }
$result = Invoke-CimMethod -InputObject $vsms -MethodName DefineSystem -Arguments @{
    SystemSettings = $settings
}
$vm = Get-CimInstance -Namespace $ns -ClassName Msvm_ComputerSystem -Filter "ElementName='wmi-vm'"
Invoke-CimMethod -InputObject $vm -MethodName RequestStateChange -Arguments @{ RequestedState = 2 }
