// Package register trades a one-time registration token for an agent token.
package register

import (
	"context"
	"net/http"
	"strings"
)

// Register asks the control plane for this agent's token.
func Register(ctx context.Context, url, token string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/agents", strings.NewReader(token))
	if err != nil {
		return "", err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	return res.Header.Get("Agent-Token"), nil
}
