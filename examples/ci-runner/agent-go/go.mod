module ci-runner.dev/agent

go 1.21

require (
	ci-runner.dev/queue v0.0.0
	github.com/lib/pq v1.10.9
)
