#!/bin/bash
VMID=9000
qm create $VMID --name ubuntu-tmpl --memory 2048 --balloon 1024 --cores 2 --sockets 1 --cpu host \
  --net0 virtio,bridge=vmbr0,firewall=1 --scsihw virtio-scsi-single --ostype l26 --agent enabled=1
qm importdisk $VMID jammy.img local-lvm
qm set $VMID --scsi0 local-lvm:vm-$VMID-disk-0,discard=on,iothread=1 --ide2 local-lvm:cloudinit
qm set $VMID --bios ovmf --efidisk0 local-lvm:1,efitype=4m,pre-enrolled-keys=1 --tpmstate0 local-lvm:1,version=v2.0 --machine q35
qm set $VMID --boot order=scsi0 --serial0 socket --vga serial0 --onboot 1
qm template $VMID
qm clone $VMID 123 --name web01 --full
