package rules_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// simulatorTestFiles are files on which ASL401 and ASL402 simulate and
// report: their rule test data and the simulator's ground-truth programs,
// except those marked machine-dependent in groundtruth.json (thousands of
// tasks, CPU-bound): they take about a second to simulate, where the rules'
// wall-clock budget makes the outcome depend on the machine's load (two
// runs may differ).
func simulatorTestFiles(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../testdata/loopsim/groundtruth.json")
	if err != nil {
		t.Fatal(err)
	}
	var truth struct {
		Programs map[string]struct {
			Tolerance float64 `json:"tolerance"`
		} `json:"programs"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	files := []string{"../testdata/rules/ASL401/basic.py", "../testdata/rules/ASL402/basic.py"}
	programs, _ := filepath.Glob("../testdata/loopsim/*.py")
	if len(programs) == 0 {
		t.Fatal("no programs under testdata/loopsim")
	}
	for _, p := range programs {
		if truth.Programs[filepath.Base(p)].Tolerance == 0 {
			files = append(files, p)
		}
	}
	return files
}

func moduleOf(path string, src []byte) (*analysis.Module, *analysis.Project) {
	m := analysis.BuildModule(analysis.Parse(path, src), "app", false)
	return m, analysis.NewProject(filepath.Dir(path), []*analysis.Module{m})
}

func allRules() *rules.Options {
	opts := &rules.Options{Enabled: map[string]bool{}, Simulator: config.Default().Estimator()}
	for _, r := range rules.All() {
		opts.Enabled[r.Code] = true
	}
	return opts
}

// sameFindings is reflect.DeepEqual with no findings equal however held.
func sameFindings(a, b []rules.Diagnostic) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

func countSimulatorFindings(diags []rules.Diagnostic) int {
	n := 0
	for _, d := range diags {
		if rules.IsSimulatorFinding(d) {
			n++
		}
	}
	return n
}

// TestCheckRunPhasesEqualCheck: a run that fills the cache, and then the
// quick phase from the cache alone, report what Check reports.
func TestCheckRunPhasesEqualCheck(t *testing.T) {
	opts := allRules()
	cache := rules.NewSimulationCache(10000)
	simulated := 0
	for _, path := range simulatorTestFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m, p := moduleOf(path, src)
		want := rules.Check(m, p, opts)
		simulated += countSimulatorFindings(want)
		quick, complete := rules.CheckRun(m, p, opts, rules.Run{Phase: rules.QuickRules, Simulations: cache})
		if complete && countSimulatorFindings(want) > 0 {
			t.Fatalf("%s: the quick phase with nothing cached claims to be complete", path)
		}
		if countSimulatorFindings(quick) != 0 {
			t.Fatalf("%s: the quick phase with nothing cached reports simulator findings: %v", path, quick)
		}
		got, complete := rules.CheckRun(m, p, opts, rules.Run{Simulations: cache})
		if !complete || !sameFindings(got, want) {
			t.Fatalf("%s: a run filling the cache (complete=%v) differs from Check\n got %v\nwant %v", path, complete, got, want)
		}
		// Everything is cached now: the quick phase alone is complete.
		got, complete = rules.CheckRun(m, p, opts, rules.Run{Phase: rules.QuickRules, Simulations: cache})
		if !complete || !sameFindings(got, want) {
			t.Fatalf("%s: the quick phase from the cache (complete=%v) differs from Check\n got %v\nwant %v", path, complete, got, want)
		}
	}
	if simulated == 0 {
		t.Fatal("no simulator finding in the test files: nothing was compared")
	}
	t.Logf("%d simulator findings compared", simulated)
}

// TestSimulationCacheFollowsEdits: after an edit, cached findings move with
// their functions (a line inserted above them), and only the units whose
// text or dependencies changed are simulated again.
func TestSimulationCacheFollowsEdits(t *testing.T) {
	path := "../testdata/rules/ASL401/basic.py"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts := allRules()
	cache := rules.NewSimulationCache(1000)
	m, p := moduleOf(path, src)
	if _, complete := rules.CheckRun(m, p, opts, rules.Run{Simulations: cache}); !complete {
		t.Fatal("first run incomplete")
	}
	units := cache.Len()
	if units == 0 {
		t.Fatal("nothing cached")
	}

	// A comment line at the top moves every function: all findings come
	// from the cache, at their new places.
	moved := append([]byte("# a comment moving everything one line down\n"), src...)
	m2, p2 := moduleOf(path, moved)
	want := rules.Check(m2, p2, opts)
	if countSimulatorFindings(want) == 0 {
		t.Fatalf("%s: no ASL401 finding to follow", path)
	}
	got, complete := rules.CheckRun(m2, p2, opts, rules.Run{Phase: rules.QuickRules, Simulations: cache})
	if !complete || !sameFindings(got, want) {
		t.Fatalf("after moving every function: complete=%v\n got %v\nwant %v", complete, got, want)
	}
	if cache.Len() != units {
		t.Fatalf("moving functions added cache entries: %d, was %d", cache.Len(), units)
	}

	// Changing the body of one function that reports simulates that
	// function again, and nothing else.
	i := strings.Index(string(moved), "    a = await fetch(")
	if i < 0 {
		t.Fatalf("%s: no `a = await fetch(` to edit", path)
	}
	edited := []byte(string(moved[:i]) + "    unused = 1\n" + string(moved[i:]))
	m3, p3 := moduleOf(path, edited)
	want3 := rules.Check(m3, p3, opts)
	if _, complete := rules.CheckRun(m3, p3, opts, rules.Run{Phase: rules.QuickRules, Simulations: cache}); complete {
		t.Fatal("the quick phase after editing a simulated function claims to be complete")
	}
	if got, _ := rules.CheckRun(m3, p3, opts, rules.Run{Simulations: cache}); !sameFindings(got, want3) {
		t.Fatalf("after editing one function:\n got %v\nwant %v", got, want3)
	}
	if added := cache.Len() - units; added != 1 {
		t.Fatalf("editing one function simulated %d unit(s) again, want 1", added)
	}
}

// TestCheckRunBudget: once the run's context is done, the simulator rules
// skip what is not cached (the run says it is incomplete), and the other
// rules still report everything.
func TestCheckRunBudget(t *testing.T) {
	path := "../testdata/rules/ASL401/basic.py"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts := allRules()
	m, p := moduleOf(path, src)
	want := rules.Check(m, p, opts)
	if countSimulatorFindings(want) == 0 {
		t.Fatalf("%s: no simulator finding", path)
	}
	spent, cancel := context.WithCancel(context.Background())
	cancel()
	got, complete := rules.CheckRun(m, p, opts, rules.Run{Context: spent})
	if complete {
		t.Fatal("a run whose budget is spent claims to be complete")
	}
	if countSimulatorFindings(got) != 0 {
		t.Fatalf("simulator findings reported with no budget: %v", got)
	}
	var others []rules.Diagnostic
	for _, d := range want {
		if !rules.IsSimulatorFinding(d) {
			others = append(others, d)
		}
	}
	if !sameFindings(got, others) {
		t.Fatalf("the other rules' findings changed with the budget\n got %v\nwant %v", got, others)
	}
}

// exhaustingSimulator answers every region estimate as a run that ran out
// of its step budget, counting the estimates asked per function.
type exhaustingSimulator struct {
	rules.Simulator
	asked map[uint32]int
}

func (s *exhaustingSimulator) EstimateRegion(_ context.Context, _ *analysis.File, fn *analysis.Node, _, _, _ int) (rules.Estimate, error) {
	s.asked[fn.Start]++
	return rules.Estimate{Exhausted: true}, nil
}

func (s *exhaustingSimulator) HasEntry(*analysis.File) bool { return false }
func (s *exhaustingSimulator) Fingerprint() string          { return "exhausting" }

// TestExhaustedFunctionSimulatedOnce: a function whose simulation runs out
// of a budget for one region would for any other (a region only places
// marks in the same run), so ASL401 does not simulate it again.
func TestExhaustedFunctionSimulatedOnce(t *testing.T) {
	src := []byte(`import asyncio


async def serve(recv, a, b, c, d):
    while True:
        message = await recv()
        await asyncio.sleep(0.1)
        x = await a.fetch(message)
        y = await b.fetch(message)
        await asyncio.sleep(0.1)
        z = await c.fetch(message)
        w = await d.fetch(message)
        print(x, y, z, w)
`)
	m, p := moduleOf("serve.py", src)
	sim := &exhaustingSimulator{Simulator: config.Default().Estimator(), asked: map[uint32]int{}}
	opts := &rules.Options{Enabled: map[string]bool{"ASL401": true}, Simulator: sim}
	rules.Check(m, p, opts)
	if len(sim.asked) != 1 {
		t.Fatalf("estimates asked for %d functions, want 1: %v", len(sim.asked), sim.asked)
	}
	for _, n := range sim.asked {
		if n != 1 {
			t.Errorf("an exhausted function was simulated %d times, want once", n)
		}
	}
}
