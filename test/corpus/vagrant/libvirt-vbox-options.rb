Vagrant.configure("2") do |config|
  config.vm.box = "generic/debian12"
  config.vm.network :private_network, :ip => "192.168.56.10", :auto_config => false

  config.vm.provider :libvirt do |lv|
    lv.video_vram = 65536
    lv.management_network_keep = true
    lv.management_network_autostart = true
  end

  config.vm.provider :virtualbox do |vb|
    # give it more memory and cpus than the default
    vb.customize ["modifyvm", :id, "--memory", 4096]
    vb.customize ["modifyvm", :id, "--cpus", 4]
  end

  config.vm.provision "shell", inline: "echo memory ok"
end
