package rules_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
)

// TestBlockingFindingCarriesDelay checks that one blocking mistake gets one
// finding: the blocking rule's message carries the simulated delay that
// ASL402 measured, and ASL402 does not report the same call again.
func TestBlockingFindingCarriesDelay(t *testing.T) {
	path := filepath.Join("..", "testdata", "rules", "ASL402", "basic.py")
	files, errs := lint.Collect([]string{path}, config.Default())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cfg := config.Default()
	cfg.Dir, _ = filepath.Abs(filepath.Dir(path))
	res := lint.Run(files, nil, cfg)
	want := map[int]string{ // 1-based line -> code whose message must carry the delay
		44: "ASYNC251", // time.sleep(0.5) in main, while heartbeat waits
		45: "ASL201",   // load() -> time.sleep(0.3)
		47: "ASL201",   // call_soon(refresh): refresh -> time.sleep(0.2) as a loop callback
	}
	for _, d := range res.Diagnostics {
		line := d.Start.Line + 1
		if code, ok := want[line]; ok && d.Code == code {
			if !strings.Contains(d.Message, "holds the event loop for ≈") || !strings.Contains(d.Message, "simulated run of main()") {
				t.Errorf("line %d: %s message lacks the simulated delay: %s", line, code, d.Message)
			}
			delete(want, line)
		}
		if d.Code == "ASYNC251" && line == 37 && strings.Contains(d.Message, "holds the event loop") {
			t.Errorf("line 37: a 1 ms sleep delays nothing, yet the message says %q", d.Message)
		}
	}
	for line, code := range want {
		t.Errorf("line %d: no %s finding", line, code)
	}
}
