packer {
  required_plugins {
    hyperv = {
      source  = "github.com/hashicorp/hyperv"
      version = ">= 1.1.0"
    }
  }
}

source "hyperv-iso" "win2022" {
  iso_url               = "https://example.com/iso/win2022.iso"
  iso_checksum          = "none"
  generation            = 2
  cpus                  = 4
  memory                = 4096
  disk_size             = 61440
  switch_name           = "Default Switch"
  hyperv_switch_name    = "Default Switch"
  enable_secure_boot    = true
  enable_virtualization_extensions = true
  communicator          = "winrm"
  winrm_username        = "vagrant"
  winrm_password        = "vagrant"
  shutdown_command      = "shutdown /s /t 10"
}

build {
  sources = ["source.hyperv-iso.win2022"]
  provisioner "powershell" {
    inline = ["Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All"]
  }
}
