package pyfront

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// FuzzSimulate feeds arbitrary source through the front end, the simulator
// and the hover estimator: bad input must give a result or an error, never
// a panic or an internal error. Seeds are the ground-truth programs.
func FuzzSimulate(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(groundTruthDir, "*.py"))
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("async def main(:\n    await (yield)\n"))
	// Small budgets: every input must end quickly and in bounded memory
	// (testdata/fuzz/FuzzSimulate holds inputs that once did not).
	opts := Options{Config: loopsim.Config{MaxSteps: 50_000, MaxSimTime: 600, MaxTasks: 1_000,
		MaxValueSize: 50_000, MaxAllocated: 500_000, MaxWallTime: 10 * time.Second}}
	f.Fuzz(func(t *testing.T, src []byte) {
		if analysis.CheckSource(src) != nil {
			return
		}
		file := analysis.Parse("fuzz.py", src)
		if _, err := Simulate(file, opts); err != nil && strings.Contains(err.Error(), "internal error") {
			t.Fatal(err)
		}
		for off := 0; off < len(src); off += 101 {
			EstimateAt(file, off, opts)
		}
	})
}
