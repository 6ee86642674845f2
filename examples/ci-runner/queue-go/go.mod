module ci-runner.dev/queue

go 1.21

require ci-runner.dev/agent v0.0.0
