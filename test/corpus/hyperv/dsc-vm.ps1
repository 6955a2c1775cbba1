Configuration Sample_VMScsiController
{
    param
    (
        [string[]] $NodeName = 'localhost',
        [Parameter(Mandatory = $true)]
        [string] $VMName,
        [Parameter(Mandatory = $true)]
        [string] $VhdPath
    )

    Import-DscResource -ModuleName 'HyperVDsc'

    Node $NodeName
    {
        # Install HyperV feature, if not installed - Server SKU only
        WindowsFeature HyperV
        {
            Ensure = 'Present'
            Name   = 'Hyper-V'
        }

        WindowsFeature HyperVPowerShell
        {
            Ensure = 'Present'
            Name   = 'RSAT-Hyper-V-Tools'
        }

        # Ensures a VHD exists
        Vhd NewVHD1
        {
            Ensure     = 'Present'
            Name       = $VMName
            Path       = $VhdPath
            Generation = 'vhdx'
            DependsOn  = '[WindowsFeature]HyperV'
        }

        # Ensures a VM with default settings
        VMHyperV NewVM
        {
            Ensure     = 'Present'
            Name       = $VMName
            VhdPath    = Join-Path -Path $VhdPath -ChildPath $VMName
            Generation = 2
            DependsOn  = '[Vhd]NewVHD1'
        }

        VMScsiController Controller
        {
            Ensure           = 'Present'
            VMName           = $VMName
            ControllerNumber = 0
        }
    }
}
