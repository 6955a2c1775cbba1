# Clone a cloud-init template on Proxmox VE with the Telmate provider.
terraform {
  required_providers {
    proxmox = { source = "telmate/proxmox" }
  }
}

provider "proxmox" {
  pm_api_url = var.pm_api_url
}

resource "proxmox_vm_qemu" "web" {
  name        = "web-01"
  target_node = "pve1"
  pool        = "pool0"
  clone       = "debian-12-template"
  agent       = 1
  os_type     = "cloud-init"
  cores       = 2
  sockets     = 1
  memory      = 4096
  scsihw      = "virtio-scsi-single"

  cpu {
    type = "host"
  }

  disks {
    scsi {
      scsi0 {
        disk {
          size    = "20G"
          storage = "local-lvm"
        }
      }
    }
  }

  network {
    model  = "virtio"
    bridge = "vmbr0"
  }

  ipconfig0 = "ip=dhcp"
}
