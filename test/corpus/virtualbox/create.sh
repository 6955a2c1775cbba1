#!/bin/bash
VM=build01
VBoxManage createvm --name "$VM" --ostype Ubuntu_64 --register
VBoxManage modifyvm "$VM" --memory 4096 --cpus 2 --nested-hw-virt on --nic1 nat --nictype1 virtio
VBoxManage createhd --filename "$VM.vdi" --size 40960
VBoxManage storagectl "$VM" --name SATA --add sata --controller IntelAhci
VBoxManage storageattach "$VM" --storagectl SATA --port 0 --device 0 --type hdd --medium "$VM.vdi"
VBoxManage startvm "$VM" --type headless
