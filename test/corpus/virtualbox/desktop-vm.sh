#!/bin/sh
# Desktop test VM: VMSVGA graphics with 3D, host CPU profile
set -e
VM=desk01
VBoxManage createvm --name "$VM" --ostype Ubuntu_64 --register
VBoxManage modifyvm "$VM" --memory 8192 --cpus 4 --cpu-profile host
VBoxManage modifyvm "$VM" --graphicscontroller vmsvga --vram 128 --accelerate-3d on
VBoxManage modifyvm "$VM" --accelerate3d off   # older spelling, still accepted
VBoxManage startvm "$VM" --type gui
