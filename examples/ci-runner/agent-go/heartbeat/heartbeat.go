// Package heartbeat reports the agent alive every few seconds.
package heartbeat

import (
	"context"
	"database/sql"
	"time"

	_ "github.com/lib/pq" // planted: the agent has no database (forbidden-package, decision 0013)

	"ci-runner.dev/agent/protocol"
)

// Loop sends a heartbeat until ctx ends.
func Loop(ctx context.Context, token string) {
	tick := time.NewTicker(5 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			_ = protocol.Heartbeat{Token: token}
		}
	}
}

var _ *sql.DB
