package pyfront

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// limitsDir holds reproducers of unbounded work (endless loops, huge
// values, runaway recursion, NaN durations). Each states its expected
// outcome in `# expect:` lines:
//
//	# expect: seconds 1                   finishes, concurrent_s 1 s (±5 ms)
//	# expect: budget NAME: TEXT           that budget ends it, the problem contains TEXT
//	# expect: unknown: TEXT               ends unknown, not by a budget
//	# expect: unfinished: TEXT            never finishes
//	# expect: not-high                    anything but high confidence
//	# expect: assumption TEXT             an assumption contains TEXT
//	# expect: function NAME budget ...    no entry point; NAME simulated on its own (as for a hover)
const limitsDir = "../../testdata/loopsim-limits"

// limitsConfig mirrors testdata/loopsim-limits/pyproject.toml: small
// budgets keep the tests fast, and a wall-clock budget no test machine
// reaches keeps them deterministic.
func limitsConfig() loopsim.Config {
	return loopsim.Config{MaxSteps: 200_000, MaxTasks: 500, MaxValueSize: 20_000, MaxAllocated: 400_000, MaxWallTime: time.Minute}
}

// Expectation is one `# expect:` line.
type expectation struct{ kind, arg string }

func readExpectations(t *testing.T, path string) (string, []expectation) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []expectation
	for _, line := range strings.Split(string(src), "\n") {
		rest, ok := strings.CutPrefix(line, "# expect: ")
		if !ok {
			continue
		}
		kind, arg, _ := strings.Cut(rest, " ")
		out = append(out, expectation{strings.TrimSuffix(kind, ":"), arg})
	}
	if len(out) == 0 {
		t.Fatalf("%s has no # expect: line", path)
	}
	return string(src), out
}

// checkExpectation reports how res misses e ("" when it meets it).
func checkExpectation(res *loopsim.Result, e expectation) string {
	switch e.kind {
	case "seconds":
		want, _ := strconv.ParseFloat(e.arg, 64)
		if !res.Finished || math.Abs(res.ConcurrentS-want) > 0.005 || math.IsNaN(res.SequentialS) {
			return "want it to finish after " + e.arg + " s"
		}
	case "budget":
		name, text, _ := strings.Cut(e.arg, ": ")
		if res.Budget != name || !strings.HasPrefix(res.Problem, "budget exceeded (") || !strings.Contains(res.Problem, text) ||
			res.Outcome != "unknown" || res.Level != "unknown" || res.Finished {
			return "want the " + name + " budget exceeded with " + strconv.Quote(text)
		}
	case "unknown":
		if res.Budget != "" || res.Outcome != "unknown" || res.Level != "unknown" || !strings.Contains(res.Problem, e.arg) {
			return "want unknown: " + e.arg
		}
	case "unfinished":
		if res.Finished || res.Outcome != "unfinished" || !strings.Contains(res.Problem, e.arg) {
			return "want unfinished: " + e.arg
		}
	case "not-high":
		if res.Level == "high" {
			return "want less than high confidence"
		}
	case "assumption":
		for _, a := range res.Assumptions {
			if strings.Contains(a.Text, e.arg) {
				return ""
			}
		}
		return "want an assumption " + strconv.Quote(e.arg)
	}
	return ""
}

// TestLimitsReproducers simulates every reproducer as `asyncls simulate`
// does (a file without an entry point as a hover does its function) and
// checks its stated outcome.
func TestLimitsReproducers(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(limitsDir, "*.py"))
	if len(files) < 20 {
		t.Fatalf("only %d reproducers in %s", len(files), limitsDir)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, expects := readExpectations(t, path)
			file := analysis.Parse(path, []byte(src))
			opts := Options{Config: limitsConfig()}
			if expects[0].kind == "function" {
				name, rest, _ := strings.Cut(expects[0].arg, " ")
				if _, err := Simulate(file, opts); err == nil || !strings.Contains(err.Error(), "no entry point") {
					t.Fatalf("Simulate: error %v, want no entry point", err)
				}
				res, err := EstimateFunction(file, FunctionNamed(file, name), opts)
				if err != nil {
					t.Fatal(err)
				}
				kind, arg, _ := strings.Cut(rest, " ")
				expects = []expectation{{kind, arg}}
				for _, e := range expects {
					if miss := checkExpectation(res, e); miss != "" {
						t.Errorf("%s: %s; got budget=%q outcome=%q problem=%q", name, miss, res.Budget, res.Outcome, res.Problem)
					}
				}
				return
			}
			res, err := Simulate(file, opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range expects {
				if miss := checkExpectation(res, e); miss != "" {
					t.Errorf("%s; got finished=%v %.6f s, level %s, budget=%q outcome=%q problem=%q", miss, res.Finished, res.ConcurrentS, res.Level, res.Budget, res.Outcome, res.Problem)
				}
			}
		})
	}
}

// TestHoverSaysWhyTimingIsUnknown: hovering a coroutine whose simulation
// exceeds a budget names the budget, the function and the likely cause.
func TestHoverSaysWhyTimingIsUnknown(t *testing.T) {
	src, _ := readExpectations(t, filepath.Join(limitsDir, "endless_poll.py"))
	file := analysis.Parse("endless_poll.py", []byte(src))
	hint, ok := EstimateAt(file, strings.Index(src, "main():"), Options{Config: limitsConfig()})
	// The step that exceeds the budget is the loop's test or its body.
	start := "timing unknown: budget exceeded (step budget of 200000 interpreted steps, in poll at line "
	end := ", likely a loop whose exit depends on not state[...] (line 6))"
	if !ok || !strings.HasPrefix(hint.Text, start) || !strings.HasSuffix(hint.Text, end) || hint.Confidence != "unknown" {
		t.Errorf("hint %q (ok %v, confidence %q), want %q...%q", hint.Text, ok, hint.Confidence, start, end)
	}
}
