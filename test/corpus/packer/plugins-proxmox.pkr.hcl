packer {
  required_plugins {
    proxmox = {
      version = ">= 1.1.8"
      source  = "github.com/hashicorp/proxmox"
    }
    hyperv = {
      version = ">= 1.1.3"
      source  = "github.com/hashicorp/hyperv"
    }
    qemu = {
      version = ">= 1.1.0"
      source  = "github.com/hashicorp/qemu"
    }
  }
}

source "proxmox-iso" "windows" {
  proxy_host = var.proxmox_node
  node       = "pve"
  cores      = 2
  sockets    = 1
  memory     = 4096
  os         = "win11"
  scsi_controller = "virtio-scsi-single"
  bios       = "ovmf"
  qemu_agent = true
}

source "qemu" "windows" {
  accelerator = "kvm"
  qemuargs = [
    ["-cpu", "host"],
    ["-vga", "qxl"],
  ]
  efi_firmware_code = "/usr/share/OVMF/OVMF_CODE_4M.ms.fd"
  efi_firmware_vars = "/usr/share/OVMF/OVMF_VARS_4M.ms.fd"
  disk_cache = "unsafe"
}
