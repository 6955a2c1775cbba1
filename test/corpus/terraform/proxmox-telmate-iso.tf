# Boot a Debian installer ISO on Proxmox VE; the boot order lists the CD-ROM second.
resource "proxmox_vm_qemu" "desktop" {
  target_node = "pve"
  vmid        = 106
  memory      = var.memory
  cores       = 4
  boot        = "order=scsi0;ide2;net0"
  full_clone  = false
  hotplug     = "network,disk,usb"
  onboot      = true
  tablet      = true

  cpu {
    type = "host"
  }

  disks {
    scsi {
      scsi0 {
        disk {
          discard    = true
          emulatessd = true
          format     = "raw"
          iothread   = true
          storage    = "local-lvm"
        }
      }
    }
  }

  network {
    bridge = "vmbr1"
    model  = "virtio"
  }

  smbios {
    uuid = "2d30fc97-55b7-42f4-9573-c856a43a2a07"
  }
}

variable "memory" {
  description = "RAM in MiB; raise it before the first boot"
  default     = 4096
}
