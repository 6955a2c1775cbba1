source "vsphere-iso" "rhel9" {
  vcenter_server      = var.vcenter
  username            = var.vsphere_user
  password            = var.vsphere_password
  cluster             = "Prod"
  datastore           = "vsanDatastore"
  vm_name             = "rhel9-template"
  guest_os_type       = "rhel9_64Guest"
  CPUs                = 2
  RAM                 = 4096
  firmware            = "efi"
  disk_controller_type = ["pvscsi"]
  network_adapters {
    network      = "VM Network"
    network_card = "vmxnet3"
  }
  convert_to_template = true
}
