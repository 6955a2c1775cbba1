variable "admin_password" {
  type      = string
  sensitive = true
}

# memory and cpus below are sized for the Windows installer
source "hyperv-iso" "ws2022" {
  headless         = true
  skip_export      = false
  output_directory = "output/ws2022"
  vm_name          = "ws2022-base"

  iso_url         = "https://example.com/iso/ws2022.iso"
  iso_checksum    = "sha256:0000000000000000000000000000000000000000000000000000000000000000"
  iso_target_path = "cache/iso/"

  generation      = 2
  cpus            = 2
  memory          = 4096
  disk_size       = 40960
  disk_block_size = 1

  enable_secure_boot    = true
  enable_tpm            = true
  guest_additions_mode  = "none"

  cd_files = ["answer/Autounattend.xml"]
  cd_label = "answers"

  first_boot_device = "DVD"
  boot_wait         = "1s"
  boot_command      = ["<enter>"]

  communicator   = "winrm"
  winrm_username = "Administrator"
  winrm_password = var.admin_password
  winrm_timeout  = "3h"
  winrm_use_ssl  = true
  winrm_insecure = true

  shutdown_command = "shutdown /s /t 5 /f"
  shutdown_timeout = "15m"
}

build {
  sources = ["source.hyperv-iso.ws2022"]
}
