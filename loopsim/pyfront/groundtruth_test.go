package pyfront

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

const groundTruthDir = "../../testdata/loopsim"

func groundTruthFiles(t *testing.T) []string {
	t.Helper()
	return globPrograms(t, groundTruthDir)
}

func globPrograms(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no ground-truth programs in %s (%v)", dir, err)
	}
	sort.Strings(files)
	return files
}

func simulateFile(t *testing.T, path string) *loopsim.Result {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Simulate(analysis.Parse(path, src), Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res
}

// Every ground-truth program must simulate to completion with no
// assumption but the CPU and process-pool cost models: their timing is
// statically knowable by construction.
func TestGroundTruthProgramsSimulate(t *testing.T) {
	for _, f := range groundTruthFiles(t) {
		res := simulateFile(t, f)
		if !res.Finished || res.Outcome != "ok" && !strings.HasPrefix(res.Outcome, "exception") {
			t.Errorf("%s: finished=%v outcome=%s problem=%s", filepath.Base(f), res.Finished, res.Outcome, res.Problem)
		}
		for _, a := range res.Assumptions {
			if !strings.Contains(a.Text, "CPU work estimated") && !strings.Contains(a.Text, "process pool costs estimated") {
				t.Errorf("%s: assumption %+v", filepath.Base(f), a)
			}
		}
	}
}

// recordedTruth is groundtruth.json: where each measurement was taken, and
// per program (keyed by its path under testdata/loopsim) the minimum wall
// time of asyncio.run(main()) over repeated python3 runs.
type recordedTruth struct {
	Recordings map[string]map[string]any  `json:"recordings"`
	Programs   map[string]recordedProgram `json:"programs"`
}

type recordedProgram struct {
	Seconds   float64 `json:"seconds"`
	Outcome   string  `json:"outcome"`
	Recording string  `json:"recording"`
	// Tolerance, for programs whose real time depends on the machine
	// (pure-Python CPU work, event-loop overhead of thousands of tasks): the
	// allowed error as a fraction of the recorded time (at least 10 ms), and
	// Why says what makes the time machine-dependent.
	Tolerance float64 `json:"tolerance,omitempty"`
	Why       string  `json:"why,omitempty"`
}

func loadTruthFile(t *testing.T, groundTruthFile string) recordedTruth {
	t.Helper()
	data, err := os.ReadFile(groundTruthFile)
	if err != nil {
		t.Fatalf("%v (record it with scripts/measure-loopsim.sh)", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var truth recordedTruth
	if err := dec.Decode(&truth); err != nil {
		t.Fatalf("%s: %v", groundTruthFile, err)
	}
	return truth
}

// defaultTolerance is the allowed error for programs whose time follows from
// the source alone (sleeps, latencies, scheduling).
func defaultTolerance(recorded float64) float64 { return math.Max(0.05*recorded, 0.010) }

// TestGroundTruth compares loopsim's concurrent time for every program under
// testdata/loopsim (and machine_dependent/) with the time python3 took when
// it was recorded (groundtruth.json): within max(5 %, 10 ms), or within the
// program's own marked tolerance. It never runs python3, so it does not
// depend on how busy the machine is.
func TestGroundTruth(t *testing.T) {
	files := append(groundTruthFiles(t), globPrograms(t, filepath.Join(groundTruthDir, "machine_dependent"))...)
	compareGroundTruth(t, groundTruthDir, files, simulateFile)
}

// compareGroundTruth compares the simulated concurrent time of each of
// files (under dir) with dir/groundtruth.json, as TestGroundTruth says.
func compareGroundTruth(t *testing.T, groundTruthDir string, files []string, simulateFile func(*testing.T, string) *loopsim.Result) {
	// groundtruth.json holds the committed measurements of the programs (see
	// docs/loopsim.md, "Accuracy"); scripts/measure-loopsim.sh rewrites it.
	groundTruthFile := groundTruthDir + "/groundtruth.json"
	truth := loadTruthFile(t, groundTruthFile)
	seen := map[string]bool{}
	var table strings.Builder
	fmt.Fprintf(&table, "%-40s %10s %10s %10s %9s %s\n", "program", "recorded", "simulated", "sequential", "error", "allowed")
	for _, f := range files {
		key := filepath.ToSlash(strings.TrimPrefix(f, groundTruthDir+"/"))
		seen[key] = true
		rec, ok := truth.Programs[key]
		if !ok {
			t.Errorf("%s: no recorded measurement in %s; record it with scripts/measure-loopsim.sh %s", key, groundTruthFile, f)
			continue
		}
		if _, ok := truth.Recordings[rec.Recording]; !ok {
			t.Errorf("%s: recording %q is not described under \"recordings\"", key, rec.Recording)
		}
		if rec.Seconds < 0 || rec.Outcome == "" || strings.HasPrefix(rec.Outcome, "import failed") {
			t.Errorf("%s: python3 could not run it when recorded: %s", key, rec.Outcome)
			continue
		}
		allowed, how := defaultTolerance(rec.Seconds), "max(5%,10ms)"
		if rec.Tolerance != 0 || rec.Why != "" {
			if rec.Tolerance <= 0 || rec.Tolerance >= 1 || rec.Why == "" {
				t.Errorf("%s: a machine-dependent mark needs a tolerance in (0, 1) and a why: %+v", key, rec)
				continue
			}
			// The 10 ms floor (timer wake-ups, measurement) holds here too.
			allowed, how = math.Max(rec.Tolerance*rec.Seconds, 0.010), fmt.Sprintf("max(%.0f%%,10ms) machine-dependent", rec.Tolerance*100)
		} else if strings.HasPrefix(key, "machine_dependent/") {
			t.Errorf("%s: programs under machine_dependent/ need a tolerance and a why in %s", key, groundTruthFile)
		}
		sim := simulateFile(t, f)
		diff := sim.ConcurrentS - rec.Seconds
		fmt.Fprintf(&table, "%-40s %9.3fs %9.3fs %9.3fs %+7.1fms %s\n", key, rec.Seconds, sim.ConcurrentS, sim.SequentialS, diff*1000, how)
		if math.Abs(diff) > allowed {
			t.Errorf("%s: simulated %.3f s, recorded %.3f s (allowed error %.0f ms, %s)", key, sim.ConcurrentS, rec.Seconds, allowed*1000, how)
			if sim.Level == "high" {
				// the worse failure: wrong and claiming to be right
				t.Errorf("%s: confidence high (%.2f) while outside the tolerance", key, sim.Confidence)
			}
		}
	}
	for key := range truth.Programs {
		if !seen[key] {
			t.Errorf("%s: recorded in %s but no such program (re-record with scripts/measure-loopsim.sh)", key, groundTruthFile)
		}
	}
	t.Logf("ground truth (recorded python3 asyncio.run wall time vs loopsim):\n%s", table.String())
}

// usesBatched matches a use of itertools.batched (an import or a call), not
// the word in a comment or docstring.
var usesBatched = regexp.MustCompile(`itertools\.batched|import[^\n]*\bbatched\b|\bbatched\s*\(`)

// The python3 that records the ground truth is 3.11: a program using what
// it lacks (itertools.batched, 3.12) would record an ImportError or
// AttributeError, not a time, so none may (the model follows 3.12 unchecked).
func TestGroundTruthAvoidsNewerPython(t *testing.T) {
	files := append(groundTruthFiles(t), globPrograms(t, filepath.Join(groundTruthDir, "machine_dependent"))...)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if usesBatched.Match(src) {
			t.Errorf("%s uses itertools.batched, which python3 3.11 lacks", filepath.Base(f))
		}
	}
}

// TestUnknownProgramsFlagged covers programs whose timing cannot be known
// from the source (unseeded randomness, command-line arguments, the
// environment, files, standard input, servers that run until stopped):
// the level must be unknown (low for an unseeded random duration, which
// counts its mean), and an assumption (or the reported problem) must name
// the unknown given on the file's first line as "# unknown: WORD".
func TestUnknownProgramsFlagged(t *testing.T) {
	for _, f := range globPrograms(t, filepath.Join(groundTruthDir, "unknown")) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(src), "\n")
		word, ok := strings.CutPrefix(first, "# unknown: ")
		if !ok {
			t.Errorf("%s: first line must be \"# unknown: WORD\" naming what makes its timing unknowable", filepath.Base(f))
			continue
		}
		res := simulateFile(t, f)
		// Only an unseeded random duration has an estimate (its mean, low);
		// everything else these programs depend on makes the level unknown.
		meanOnly := false
		for _, a := range res.Assumptions {
			meanOnly = meanOnly || strings.Contains(a.Text, "counts its mean")
		}
		if res.Level != "unknown" && !(meanOnly && res.Level == "low") {
			t.Errorf("%s: confidence %s (%.2f); its timing depends on %s", filepath.Base(f), res.Level, res.Confidence, word)
		}
		named := strings.Contains(res.Problem, word)
		for _, a := range res.Assumptions {
			named = named || strings.Contains(a.Text, word)
		}
		if !named {
			t.Errorf("%s: no assumption names %q: %+v %s", filepath.Base(f), word, res.Assumptions, res.Problem)
		}
	}
}

// TestWakeupRacesNotHigh covers programs whose workers wake within a
// millisecond of each other and race for the last item of a queue or a
// deque, or for a lock checked with locked() (testdata/loopsim/races/; all
// but the lock one were measured to end at two different times from run
// to run): the simulator follows one schedule, so it must name
// the race, on the line of the losing take, and not claim high confidence.
// The quiet side is the ground truth: its worker pools (await q.get(),
// get_nowait drains whose takers wake apart) carry no assumption at all
// (TestGroundTruthProgramsSimulate).
func TestWakeupRacesNotHigh(t *testing.T) {
	for _, f := range globPrograms(t, filepath.Join(groundTruthDir, "races")) {
		res := simulateFile(t, f)
		if res.Level == "high" || res.Level == "unknown" {
			t.Errorf("%s: confidence %s (%.2f), want medium or low: the run races", filepath.Base(f), res.Level, res.Confidence)
		}
		named := false
		for _, a := range res.Assumptions {
			named = named || strings.Contains(a.Text, "wake, less than 1 ms apart, decides who takes") && a.Line > 0
		}
		if !named {
			t.Errorf("%s: no assumption names the wake-up race: %+v", filepath.Base(f), res.Assumptions)
		}
	}
}
