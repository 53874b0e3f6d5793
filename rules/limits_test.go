package rules_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// TestSimulatingRulesOnLimitsReproducers runs ASL401 and ASL402 (with their
// own budgets) over the reproducers of unbounded work that once hung
// `check`: every file finishes, and only the two programs with a blocking
// call get an ASL402, the same one whether asyncio.run() is guarded by
// `if __name__ == "__main__":` or not.
func TestSimulatingRulesOnLimitsReproducers(t *testing.T) {
	dir := filepath.Join("..", "testdata", "loopsim-limits")
	files, errs := lint.Collect([]string{dir}, config.Default())
	if len(errs) > 0 || len(files) < 20 {
		t.Fatalf("%d files, %v", len(files), errs)
	}
	cfg := config.Default()
	cfg.Select = []string{"ASL401", "ASL402"}
	res := lint.Run(files, nil, cfg)
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	msgs := map[string]string{}
	for _, d := range res.Diagnostics {
		base := filepath.Base(d.Path)
		if d.Code != "ASL402" || !strings.HasPrefix(base, "asl402_") || msgs[base] != "" {
			t.Errorf("unexpected %s:%d: %s %s", base, d.Start.Line+1, d.Code, d.Message)
		}
		msgs[base] = d.Message
	}
	guarded, unguarded := msgs["asl402_guarded.py"], msgs["asl402_unguarded.py"]
	if !strings.Contains(guarded, "holds the event loop for ≈0.50 s") || guarded != unguarded {
		t.Errorf("ASL402 with the guard: %q\nwithout: %q", guarded, unguarded)
	}
}

// TestCheckContextCancelled: once the caller has given up (a superseded
// edit), the simulating rules stop at once and report nothing; the others
// still run.
func TestCheckContextCancelled(t *testing.T) {
	src := []byte("import asyncio, time\n\nasync def hb():\n    while True:\n        await asyncio.sleep(0.1)\n\n" +
		"async def main():\n    t = asyncio.create_task(hb())\n    await asyncio.sleep(0.05)\n    time.sleep(0.5)\n    t.cancel()\n\nasyncio.run(main())\n")
	mod := analysis.BuildModule(analysis.Parse("beat.py", src), "beat", false)
	project := analysis.NewProject("", []*analysis.Module{mod})
	opts := config.Default().Options("beat.py")
	opts.Enabled = map[string]bool{"ASL402": true, "ASYNC251": true}
	codes := func(diags []rules.Diagnostic) string {
		var out []string
		for _, d := range diags {
			out = append(out, d.Code)
		}
		return strings.Join(out, " ")
	}
	// ASYNC251 carries the simulated delay in its message (one finding per
	// mistake); without the simulation it is the plain finding.
	full := rules.CheckContext(context.Background(), mod, project, opts)
	if got := codes(full); got != "ASYNC251" || !strings.Contains(full[0].Message, "holds the event loop") {
		t.Fatalf("findings %q %v, want ASYNC251 with the simulated delay", got, full)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cut := rules.CheckContext(ctx, mod, project, opts)
	if got := codes(cut); got != "ASYNC251" || strings.Contains(cut[0].Message, "holds the event loop") {
		t.Errorf("findings with a cancelled context %q %v, want ASYNC251 without a simulated delay", got, cut)
	}
}
