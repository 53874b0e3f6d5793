package loopsim_test

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
	"github.com/asyncls/asyncls/loopsim/pyfront"
)

func simulateFile(t *testing.T, name string, opts pyfront.Options) (string, *loopsim.Result) {
	t.Helper()
	path := filepath.Join("..", "testdata", "loopsim", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pyfront.Simulate(analysis.Parse(path, src), opts)
	if err != nil {
		t.Fatal(err)
	}
	return path, res
}

// TestTimelineSVG renders testdata programs and checks what a reader needs
// at a glance: the sentence naming what bounds the total, spans labelled
// with call and line, the critical path, the sequential bar, and a legend
// of only the kinds that occur.
func TestTimelineSVG(t *testing.T) {
	cases := []struct {
		file     string
		sentence string
		labels   []string
		legend   []string // kinds that must be in the legend
		noLegend []string // kinds that must not
	}{
		{"114_semaphore_pool_dict_latency.py", "Bounded by the Semaphore(3) at 114_semaphore_pool_dict_latency.py:27: 3 tasks on the critical path pass it one after another.",
			[]string{"sleep(150 ms) :28", "asyncio.gather(...) :34", "Semaphore(3) :27"}, []string{"asyncio.sleep", "waiting on tasks/primitives"}, []string{"executor thread", "blocking the loop"}},
		{"06_tutorial_blocking.py", "Bounded by the blocking time.sleep at 06_tutorial_blocking.py:7, which holds the loop 0.40 s (2 times).",
			[]string{"time.sleep :7"}, []string{"blocking the loop"}, []string{"asyncio.sleep", "executor thread"}},
		{"01_tutorial_gather_two.py", "Bounded by sleep(200 ms) at 01_tutorial_gather_two.py:8 (0.20 s of the 0.20 s).",
			[]string{"sleep(200 ms) :8", "sleep(100 ms) :8"}, []string{"asyncio.sleep"}, []string{"blocking the loop"}},
		{"127_thread_pool_mixed.py", "Bounded by the executor's worker pool: 3 tasks on the critical path pass it one after another.",
			[]string{"legacy_query"}, []string{"executor thread"}, []string{"blocking the loop"}},
		{"128_to_thread_sleep.py", "Bounded by the thread job time.sleep at 128_to_thread_sleep.py:15",
			nil, []string{"executor thread"}, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path, res := simulateFile(t, c.file, pyfront.Options{})
			var b bytes.Buffer
			loopsim.WriteSVG(&b, path, res)
			svg := b.String()
			if !strings.Contains(flatten(svg, "bottleneck"), c.sentence) {
				t.Errorf("sentence %q not in %q", c.sentence, flatten(svg, "bottleneck"))
			}
			for _, l := range c.labels {
				if !strings.Contains(svg, `fill="#fff" pointer-events="none">`+l+"<") && !strings.Contains(svg, `fill="#222" pointer-events="none">`+l+"<") {
					t.Errorf("no bar labelled %q", l)
				}
			}
			legend := svg[strings.LastIndex(svg, `stroke="#333"/>`):]
			legend = legend[strings.Index(legend, "</text>\n<rect x=\"10.0\""):]
			for _, k := range c.legend {
				if !strings.Contains(legend, ">"+k+"<") {
					t.Errorf("legend lacks %q", k)
				}
			}
			for _, k := range c.noLegend {
				if strings.Contains(legend, ">"+k+"<") {
					t.Errorf("legend shows %q, which does not occur", k)
				}
			}
			if !strings.Contains(svg, `class="span critical"`) || !strings.Contains(legend, "critical path") {
				t.Error("no critical path drawn")
			}
			if !strings.Contains(svg, "<title>sequentially: "+loopsim.FormatSeconds(res.SequentialS)+"</title>") {
				t.Error("no sequential bar")
			}
			if !regexp.MustCompile(`class="span[^"]*" data-line="\d+"`).MatchString(svg) {
				t.Error("spans carry no data-line to open")
			}
			var text bytes.Buffer
			loopsim.WriteText(&text, path, res)
			if !strings.Contains(strings.Join(strings.Fields(text.String()), " "), c.sentence) {
				t.Errorf("text output lacks the sentence:\n%s", text.String())
			}
		})
	}
}

// flatten joins the text of the SVG elements of class cls.
func flatten(svg, cls string) string {
	var parts []string
	for _, m := range regexp.MustCompile(`class="`+cls+`"[^>]*>([^<]*)<`).FindAllStringSubmatch(svg, -1) {
		parts = append(parts, html.UnescapeString(m[1]))
	}
	return strings.Join(parts, " ")
}

// A function simulated on its own (it needs arguments) keeps its name in
// the rows; the internal entry's name never shows.
func TestIsolatedEntryKeepsItsName(t *testing.T) {
	path, res := simulateFile(t, "114_semaphore_pool_dict_latency.py", pyfront.Options{Entry: "fetch"})
	var svg, text bytes.Buffer
	loopsim.WriteSVG(&svg, path, res)
	loopsim.WriteText(&text, path, res)
	for _, out := range []string{svg.String(), text.String()} {
		if strings.Contains(out, "__asyncls") {
			t.Errorf("internal entry name leaks:\n%s", out)
		}
	}
	if len(res.Tasks) == 0 || res.Tasks[0].Name != "fetch" {
		t.Errorf("first row is %q, want fetch", res.Tasks[0].Name)
	}
}

// The critical path runs back in time without overlapping itself (waits
// aside: what ended them is on the path instead), so what it spends never
// exceeds the total.
func TestCriticalPathIsConsistent(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "loopsim", "*.py"))
	checked := 0
	for _, f := range files {
		src, _ := os.ReadFile(f)
		res, err := pyfront.Simulate(analysis.Parse(f, src), pyfront.Options{})
		if err != nil || !res.Finished {
			continue
		}
		steps := loopsim.CriticalPath(res)
		spent, last := 0.0, res.ConcurrentS+1e-6
		for _, s := range steps {
			if s.Followed {
				continue // the waker's steps cover its interval
			}
			if s.End > last+2e-6 || s.Start > s.End+1e-9 {
				t.Errorf("%s: step %+v goes forward in time (previous start %.6f)", f, s, last)
				break
			}
			last = s.Start
			spent += s.End - s.Start
		}
		if spent > res.ConcurrentS+1e-3 {
			t.Errorf("%s: critical path spends %.6f s of a %.6f s run", f, spent, res.ConcurrentS)
		}
		checked++
	}
	if checked < 50 {
		t.Fatalf("only %d programs checked", checked)
	}
}
