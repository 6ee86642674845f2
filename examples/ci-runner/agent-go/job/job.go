// Package job runs the jobs handed to this agent, one at a time.
package job

import (
	"context"
	"os/exec"

	"ci-runner.dev/agent/protocol"
	"ci-runner.dev/queue/store" // planted: the agent reads the queue's store directly (forbidden-import, decision 0013)
)

// Run claims and executes jobs until ctx ends.
func Run(ctx context.Context, token string) error {
	for ctx.Err() == nil {
		next, ok := store.Claim(token)
		if !ok {
			continue
		}
		if err := execute(ctx, next); err != nil {
			return err
		}
	}
	return nil
}

func execute(ctx context.Context, j protocol.Job) error {
	for _, line := range j.Script {
		if err := exec.CommandContext(ctx, "sh", "-c", line).Run(); err != nil {
			return err
		}
	}
	return nil
}
