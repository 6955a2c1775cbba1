#!/usr/bin/env bash
# =====================================================================
# govc.sh -- deploy an appliance and a small VM with govc (govmomi's
# vSphere CLI), then inspect and snapshot them.
#
# govc reads its connection and defaults from GOVC_* variables; it
# talks to vCenter (or directly to an ESXi host's hostd).
# =====================================================================
set -euo pipefail

export GOVC_URL='https://vcsa01.lab.local/sdk'
export GOVC_USERNAME='automation@vsphere.local'
export GOVC_PASSWORD="${GOVC_PASSWORD:?set GOVC_PASSWORD}"
export GOVC_INSECURE=1                 # lab only: self-signed certificate
export GOVC_DATACENTER='DC01'
export GOVC_DATASTORE='ds-ssd-01'      # VMFS/NFS/vSAN datastore
export GOVC_NETWORK='VM Network'       # port group name
export GOVC_RESOURCE_POOL='/DC01/host/Cluster01/Resources'

govc about                             # which vCenter/ESXi version answers

# --- 1. Deploy an OVA appliance --------------------------------------------
# import.spec prints the appliance's OVF properties and network mappings as
# JSON; edit it, then pass it back with -options.
govc import.spec ./photon-hw15.ova > photon.json
govc import.ova -options=photon.json -name=photon01 ./photon-hw15.ova

# --- 2. Create an empty VM -----------------------------------------------------
# 2 vCPUs, 4 GB, 40 GB disk on a PVSCSI controller, VMXNET3 NIC, EFI firmware.
# -g takes the vSphere API guest id (ubuntu64Guest), not the .vmx form (ubuntu-64).
govc vm.create -on=false -c=2 -m=4096 -g=ubuntu64Guest \
  -disk=40GB -disk.controller=pvscsi \
  -net.adapter=vmxnet3 -firmware=efi \
  web02

# Nested virtualization: written to the .vmx as vhv.enable = "TRUE".
govc vm.change -vm web02 -nested-hv-enabled=true

# Raw .vmx keys via ExtraConfig: cloud-init user data for the VMware datasource.
govc vm.change -vm web02 \
  -e "guestinfo.userdata=$(base64 -w0 userdata.yaml)" \
  -e guestinfo.userdata.encoding=base64

govc vm.power -on web02
govc vm.ip -wait 10m web02             # IP reported by VMware Tools in the guest

# --- 3. Inspect ---------------------------------------------------------------------
govc vm.info -r web02                  # resources: CPU, memory, disks, network
govc device.ls -vm web02               # virtual devices: pvscsi-1000, ethernet-0, ...
govc datastore.ls web02/               # .vmx, .vmdk, .nvram, vmware.log ...

# --- 4. Snapshot before changes (delta disks, not a backup) --------------------
govc snapshot.create -vm web02 -m=false pre-upgrade   # -m=false: no memory state
govc snapshot.tree -vm web02
# govc snapshot.revert -vm web02 pre-upgrade
# govc snapshot.remove -vm web02 pre-upgrade          # consolidates the delta disk
