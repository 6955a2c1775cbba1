# =====================================================================
# main.tf -- clone an Ubuntu VM from a template with the Terraform
# vSphere provider (vsphere_virtual_machine), through vCenter Server.
#
#   terraform init && terraform apply -var 'vsphere_password=...'
#
# The template is expected to have open-vm-tools installed: Terraform
# waits for the guest IP that VMware Tools reports.
# =====================================================================

terraform {
  required_providers {
    vsphere = {
      source  = "hashicorp/vsphere"
      version = "~> 2.6"
    }
  }
}

variable "vsphere_server"   { default = "vcsa01.lab.local" }
variable "vsphere_user"     { default = "terraform@vsphere.local" }
variable "vsphere_password" { sensitive = true }

provider "vsphere" {
  vsphere_server       = var.vsphere_server
  user                 = var.vsphere_user
  password             = var.vsphere_password
  allow_unverified_ssl = true # lab only: self-signed vCenter certificate
}

# --- Look up existing inventory objects ---------------------------------
data "vsphere_datacenter" "dc" {
  name = "DC01"
}

data "vsphere_compute_cluster" "cluster" {
  name          = "Cluster01" # DRS picks the host inside the cluster
  datacenter_id = data.vsphere_datacenter.dc.id
}

data "vsphere_datastore" "ds" {
  name          = "ds-ssd-01" # a VMFS, NFS or vSAN datastore
  datacenter_id = data.vsphere_datacenter.dc.id
}

data "vsphere_network" "pg" {
  name          = "VM Network" # port group on a vSwitch or distributed switch
  datacenter_id = data.vsphere_datacenter.dc.id
}

data "vsphere_virtual_machine" "template" {
  name          = "tpl-ubuntu-2404"
  datacenter_id = data.vsphere_datacenter.dc.id
}

# --- The VM ----------------------------------------------------------------
resource "vsphere_virtual_machine" "web01" {
  name             = "web01"
  resource_pool_id = data.vsphere_compute_cluster.cluster.resource_pool_id
  datastore_id     = data.vsphere_datastore.ds.id

  num_cpus             = 4
  num_cores_per_socket = 2    # .vmx: numvcpus / cpuid.coresPerSocket
  memory               = 8192 # MB, .vmx: memsize
  guest_id             = data.vsphere_virtual_machine.template.guest_id # e.g. ubuntu64Guest

  # Firmware must match the template: an OS installed for EFI will not boot with BIOS.
  firmware                = data.vsphere_virtual_machine.template.firmware
  efi_secure_boot_enabled = true  # .vmx: uefi.secureBoot.enabled
  nested_hv_enabled       = true  # .vmx: vhv.enable -- run KVM/Hyper-V inside
  memory_hot_add_enabled  = true  # .vmx: mem.hotadd
  cpu_hot_add_enabled     = false # hot add would disable vNUMA in the guest

  scsi_type = data.vsphere_virtual_machine.template.scsi_type # pvscsi in our template

  network_interface {
    network_id   = data.vsphere_network.pg.id
    adapter_type = "vmxnet3" # paravirtual NIC; e1000e if the guest lacks a driver
  }

  disk {
    label            = "disk0"
    size             = 40
    thin_provisioned = true
  }

  clone {
    template_uuid = data.vsphere_virtual_machine.template.id
  }

  # Raw .vmx keys: cloud-init's VMware datasource reads guestinfo.* via VMware Tools.
  extra_config = {
    "guestinfo.metadata"          = base64encode(templatefile("${path.module}/metadata.yaml", { hostname = "web01" }))
    "guestinfo.metadata.encoding" = "base64"
    "guestinfo.userdata"          = base64encode(file("${path.module}/userdata.yaml"))
    "guestinfo.userdata.encoding" = "base64"
  }

  sync_time_with_host        = false # the guest runs NTP itself
  wait_for_guest_net_timeout = 10    # minutes; needs VMware Tools in the guest
}

output "web01_ip" {
  value = vsphere_virtual_machine.web01.default_ip_address
}
