#!/bin/sh
export GOVC_URL=https://vcenter.lab.local/sdk
export GOVC_USERNAME=administrator@vsphere.local
export GOVC_DATASTORE=datastore1
govc vm.create -m 4096 -c 2 -g ubuntu64Guest -net "VM Network" -disk 40G web03
govc vm.power -on web03
govc snapshot.create -vm web03 before-upgrade
govc host.esxcli -host esx01 network vswitch standard list
ssh root@esx01 "esxcli storage vmfs extent list; ls /vmfs/devices/disks"
