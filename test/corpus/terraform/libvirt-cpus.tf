# A libvirt VM whose sizes come from variables named like vSphere's keys.
variable "num_cpus" {
  default = 2
}

variable "memory" {
  default = 2048
}

resource "libvirt_domain" "node" {
  name   = "node1"
  vcpu   = var.num_cpus
  memory = var.memory
  clone  = false
}
