job "e2e" {
  group "browsers" {
    task "chrome" {
      driver = "docker"
      artifact {
        source      = "https://example.com/fixtures.tar.gz"
        destination = "local/fixtures"
      }
      config {
        image = "browserless/chrome"
        args  = ["--headless"]
      }
      resources {
        cpu    = 1000
        cores  = 2
        memory = 2048
      }
    }
  }
}
