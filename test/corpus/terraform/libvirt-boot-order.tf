# Not the Hyper-V provider: its generic keys get no Hyper-V card
resource "libvirt_domain" "web" {
  name   = "web"
  memory = 2048
  vcpu   = 2

  boot_device {
    dev = ["hd", "network"]
  }
}

variable "maximum" {
  default = 3
}

variable "controller_type" {
  default = "scsi"
}

locals {
  reserve         = 10
  relative_weight = 1
  disk_number     = 2
  vm_processor    = "x86_64"
  dhcp_guard      = "unused"
}

output "boot_order" {
  value = ["hd", "cdrom"]
}
