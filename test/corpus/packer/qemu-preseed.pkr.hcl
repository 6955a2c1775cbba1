source "qemu" "debian" {
  iso_url          = var.iso_url
  iso_checksum     = var.iso_checksum
  accelerator      = "kvm"
  format           = "qcow2"
  disk_interface   = "virtio"
  boot_command = [
    "<esc><wait>auto preseed/url=http://{{ .HTTPIP }}:{{ .HTTPPort }}/preseed.cfg ",
    "passwd/username=vagrant passwd/user-password=vagrant ",
    "<enter>"
  ]
  ssh_username     = "vagrant"
  ssh_password     = "vagrant"
  shutdown_command = "echo 'vagrant' | sudo -S shutdown -P now"
}

build {
  sources = ["source.qemu.debian"]
}
