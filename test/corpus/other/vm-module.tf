module "build_agent" {
  source   = "./modules/agent"
  cpus     = 4
  memory   = 8192
  headless = true
  vm_name  = "agent-01"
  disk_size = 40960
}
