package server

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNeovimHeadless drives `asyncls serve` from a real editor client when
// Neovim is installed: typing, diagnostics equal to `asyncls check`, hover,
// and a quick fix (see testdata/nvim_typing.lua).
func TestNeovimHeadless(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*waitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile testdata/nvim_typing.lua")
	cmd.Env = append(os.Environ(), "ASYNCLS_BIN="+binary, "XDG_CACHE_HOME="+t.TempDir(), "XDG_STATE_HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "PASS all") {
		t.Fatalf("neovim check failed (%v):\n%s", err, out)
	}
	t.Logf("%s", out)
}
