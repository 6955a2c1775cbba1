resource "proxmox_virtual_environment_vm" "app" {
  name      = "app-01"
  node_name = "pve"

  agent {
    enabled = true
  }

  bios    = "ovmf"
  machine = "q35"

  efi_disk {
    datastore_id = local.datastore_id
    type         = "4m"
  }

  disk {
    datastore_id = local.datastore_id
    interface    = "scsi0"
    size         = 32
  }

  usb {
    mapping = "usbdevice1"
  }

  operating_system {
    type = "l26"
  }
}
