packer {
  required_plugins {
    hyperv = {
      source  = "github.com/hashicorp/hyperv"
      version = ">= 1.1.0"
    }
    vsphere = {
      source  = "github.com/hashicorp/vsphere"
      version = ">= 1.4.0"
    }
  }
}

variable "vsphere_host" {
  type = string
}

variable "vsphere_datacenter" {
  type = string
}

source "vsphere-iso" "linux" {
  vcenter_server       = var.vsphere_host
  datacenter           = var.vsphere_datacenter
  guest_os_type        = "otherLinux64Guest"
  disk_controller_type = ["pvscsi"]
  convert_to_template  = true
}
