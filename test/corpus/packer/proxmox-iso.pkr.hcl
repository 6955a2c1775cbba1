source "proxmox-iso" "debian" {
  node             = "pve-1"
  vm_id            = 9000
  iso_file         = "local:iso/debian-12.iso"
  iso_storage_pool = "local"
  qemu_agent       = true
  scsi_controller  = "virtio-scsi-single"
  cores            = 2
  memory           = 2048
  boot             = "order=scsi0;ide2"
  onboot           = false
  cloud_init              = true
  cloud_init_storage_pool = "local-lvm"

  vga {
    type = "std"
  }

  disks {
    disk_size    = "16G"
    format       = "raw"
    storage_pool = "local-lvm"
    type         = "scsi"
    io_thread    = true
    discard      = true
    ssd          = true
  }
}

build {
  sources = ["source.proxmox-iso.debian"]
  # every node boots the template with memory to spare
  provisioner "shell" {
    inline = ["echo boot done"]
  }
}
