// Package dispatch decides which agent gets which job.
package dispatch

import (
	"ci-runner.dev/agent/protocol"
	"ci-runner.dev/queue/store"
)

// Next is the job an idle agent gets.
func Next(h protocol.Heartbeat) (protocol.Job, bool) {
	if h.Busy {
		return protocol.Job{}, false
	}
	return store.Claim(h.Token)
}
