// Command agent is the runner agent customers install: it registers, keeps a heartbeat
// and runs the jobs the control plane hands it.
package main

import (
	"context"
	"log"
	"os"

	"ci-runner.dev/agent/heartbeat"
	"ci-runner.dev/agent/job"
	"ci-runner.dev/agent/register"
)

func main() {
	ctx := context.Background()
	token, err := register.Register(ctx, os.Getenv("RUNNER_URL"), os.Getenv("RUNNER_TOKEN"))
	if err != nil {
		log.Fatal(err)
	}
	go heartbeat.Loop(ctx, token)
	if err := job.Run(ctx, token); err != nil {
		log.Fatal(err)
	}
}
