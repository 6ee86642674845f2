// Package protocol holds the messages the agent and the control plane exchange over HTTPS.
package protocol

// Job is one unit of work handed to an agent.
type Job struct {
	ID     string
	Script []string
}

// Heartbeat tells the control plane an agent is alive.
type Heartbeat struct {
	Token string
	Busy  bool
}
