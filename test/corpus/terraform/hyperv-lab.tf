terraform {
  required_providers {
    hyperv = {
      source  = "taliesins/hyperv"
      version = ">= 1.0.3"
    }
  }
}

resource "hyperv_network_switch" "lab" {
  name        = "lab-internal"
  switch_type = "Internal"
}

resource "hyperv_vhd" "db" {
  path = "E:\\Lab\\db01\\os.vhdx"
  size = 64424509440
}

resource "hyperv_machine_instance" "db01" {
  name                   = "db01"
  generation             = 2
  processor_count        = 4
  memory_startup_bytes   = 4294967296
  static_memory          = true
  lock_on_disconnect     = "On"
  smart_paging_file_path = "E:\\Lab\\db01"
  automatic_critical_error_action = "Pause"
  state                  = "Running"

  vm_firmware {
    enable_secure_boot = "On"
    console_mode       = "Default"
    boot_order {
      boot_type           = "HardDiskDrive"
      controller_number   = 0
      controller_location = 0
    }
  }

  vm_processor {
    maximum         = 80
    reserve         = 10
    relative_weight = 200
    enable_host_resource_protection = true
  }

  integration_services = {
    "Heartbeat"            = true
    "Time Synchronization" = false
  }

  network_adaptors {
    name         = "lan"
    switch_name  = hyperv_network_switch.lab.name
    dhcp_guard   = "On"
    router_guard = "On"
    vmq_weight   = 100
    vrss_enabled = true
  }

  hard_disk_drives {
    controller_type     = "Scsi"
    controller_number   = 0
    controller_location = 0
    path                = hyperv_vhd.db.path
    maximum_iops        = 5000
    resource_pool_name  = "Primordial"
  }
}
