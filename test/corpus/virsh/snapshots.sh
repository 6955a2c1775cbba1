#!/bin/bash
# Nightly snapshots of every running libvirt domain.
for dom in $(virsh list --name --state-running); do
  virsh snapshot-create-as "$dom" "nightly-$(date +%F)" --disk-only --atomic
  virsh dumpxml "$dom" > "/backup/$dom.xml"
done
virsh pool-list --all
virsh net-list
virt-install --name test --memory 2048 --vcpus 2 --disk size=20 --os-variant ubuntu22.04 --import
