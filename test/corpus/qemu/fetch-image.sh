#!/usr/bin/env bash
# Downloads an OS image and prepares a VM for it.

HOST_OS=$(uname -s)
GUEST="windows"
vm_name="${GUEST}-11"

case "${HOST_OS}" in
  Darwin) QEMU_IMG="qemu-img";;
  *) QEMU_IMG="$(command -v qemu-img)";;
esac

"${QEMU_IMG}" create -f qcow2 "${vm_name}/disk.qcow2" 64G

# Windows setup answer file: GPT layout with an EFI system partition, the MSR and the OS
cat <<'XML' > autounattend.xml
<CreatePartition wcm:action="add">
  <Order>1</Order>
  <Type>EFI</Type>
  <Size>100</Size>
</CreatePartition>
<CreatePartition wcm:action="add">
  <Order>2</Order>
  <Type>MSR</Type>
  <Size>16</Size>
</CreatePartition>
XML

sgdisk --new=1:0:+512M --typecode=1:ef00 --new=2:0:0 "${vm_name}/disk.raw"
parted -s disk.raw mklabel gpt mkpart primary 1MiB 100%
echo "guest=${GUEST} tpm=on secureboot=on" > "${vm_name}.conf"
