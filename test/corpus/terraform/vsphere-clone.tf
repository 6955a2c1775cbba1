# Clone a Linux VM from a vCenter template and customize it.
resource "vsphere_virtual_machine" "app" {
  name             = "app01"
  resource_pool_id = data.vsphere_compute_cluster.cluster.resource_pool_id
  datastore_id     = data.vsphere_datastore.ds.id
  num_cpus         = 4
  memory           = 8192
  guest_id         = data.vsphere_virtual_machine.template.guest_id

  cpu_share_level        = "custom"
  cpu_share_count        = 4000
  cpu_reservation        = 1000
  cpu_limit              = 4000
  cpu_hot_add_enabled    = true
  cpu_hot_remove_enabled = false
  boot_delay             = 5000
  boot_retry_enabled     = true
  boot_retry_delay       = 10000
  enable_logging         = true
  vbs_enabled            = false

  run_tools_scripts_before_guest_reboot = true

  network_interface {
    network_id = data.vsphere_network.network.id
  }

  disk {
    label = "disk0"
    size  = data.vsphere_virtual_machine.template.disks.0.size
  }

  clone {
    template_uuid = data.vsphere_virtual_machine.template.id
    linked_clone  = false
    ovf_network_map = {
      "VM Network" = data.vsphere_network.network.id
    }
    ovf_storage_map = {
      "disk0" = data.vsphere_datastore.ds.id
    }
    customize {
      linux_options {
        host_name = "app01"
        domain    = "example.com"
      }
      network_interface {}
    }
  }
}
