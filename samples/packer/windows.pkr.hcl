# Windows Server 2022 golden image, built twice from one template:
#   - on a local Hyper-V host (hyperv-iso), for Vagrant boxes and lab VMs
#   - on vSphere (vsphere-iso), converted to a vCenter template
#
#   packer init .
#   packer build -var-file=prod.pkrvars.hcl .
#   packer build -only='hyperv-iso.win2022' .

packer {
  required_plugins {
    hyperv = {
      source  = "github.com/hashicorp/hyperv"
      version = ">= 1.1.0"
    }
    vsphere = {
      source  = "github.com/hashicorp/vsphere"
      version = ">= 1.2.0"
    }
  }
}

variable "iso_url" {
  type    = string
  default = "iso/windows_server_2022_eval.iso"
}

variable "iso_checksum" {
  type    = string
  default = "none"
}

variable "admin_password" {
  type      = string
  sensitive = true
}

variable "vcenter_server" { type = string }
variable "vcenter_user" { type = string }
variable "vcenter_password" {
  type      = string
  sensitive = true
}

locals {
  vm_name = "win2022-${formatdate("YYYYMMDD", timestamp())}"
}

# Local Hyper-V build. Packer must run elevated (or as a Hyper-V Administrator).
source "hyperv-iso" "win2022" {
  vm_name      = local.vm_name
  iso_url      = var.iso_url
  iso_checksum = var.iso_checksum

  generation   = 2          # UEFI firmware; answer file comes from cd_files
  cpus         = 4
  memory       = 8192
  disk_size    = 61440
  switch_name  = "Default Switch"

  enable_secure_boot   = true
  secure_boot_template = "MicrosoftWindows"

  # Nested virtualization, so the image can host Hyper-V or WSL 2 itself.
  # Keep memory static and allow MAC spoofing for nested guests' networking.
  enable_virtualization_extensions = true
  enable_dynamic_memory            = false
  enable_mac_spoofing              = true

  cd_files = ["answer/Autounattend.xml", "scripts/enable-winrm.ps1"]

  # Generation 2 VMs show "Press any key to boot from CD or DVD".
  boot_wait    = "2s"
  boot_command = ["<enter><wait><enter>"]

  communicator   = "winrm"
  winrm_username = "Administrator"
  winrm_password = var.admin_password
  winrm_timeout  = "4h"

  shutdown_command = "shutdown /s /t 10 /f /d p:4:1 /c \"Packer shutdown\""
}

# vSphere build: no local hypervisor needed, only vCenter API access.
source "vsphere-iso" "win2022" {
  vcenter_server      = var.vcenter_server
  username            = var.vcenter_user
  password            = var.vcenter_password
  insecure_connection = false

  datacenter = "DC1"
  cluster    = "Prod"
  datastore  = "vsanDatastore"
  folder     = "Templates"

  vm_name       = local.vm_name
  guest_os_type = "windows2019srvNext_64Guest"   # vSphere's ID for Server 2022
  firmware      = "efi-secure"                   # UEFI with Secure Boot
  CPUs          = 4
  RAM           = 8192

  disk_controller_type = ["pvscsi"]   # the installer needs the VMware pvscsi driver
  storage {
    disk_size             = 61440
    disk_thin_provisioned = true
  }
  network_adapters {
    network      = "VM Network"
    network_card = "vmxnet3"
  }

  iso_paths = ["[isos] windows_server_2022_eval.iso", "[isos] vmware-tools-windows.iso"]
  cd_files  = ["answer/Autounattend.xml", "scripts/enable-winrm.ps1"]

  communicator   = "winrm"
  winrm_username = "Administrator"
  winrm_password = var.admin_password
  winrm_timeout  = "4h"

  convert_to_template = true
}

build {
  sources = [
    "source.hyperv-iso.win2022",
    "source.vsphere-iso.win2022",
  ]

  provisioner "powershell" {
    scripts = [
      "scripts/install-updates.ps1",
      "scripts/harden.ps1",
    ]
  }

  # Only the Hyper-V image becomes a Vagrant box.
  post-processor "vagrant" {
    only   = ["hyperv-iso.win2022"]
    output = "boxes/win2022-{{.Provider}}.box"
  }
}
