package loopsim

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// PathStep is one interval of the critical path: the span (of a timeline
// row) that the end of the run waited for, back to its start.
type PathStep struct {
	Row, Span  int // indexes into the timeline rows and the row's spans
	Start, End float64
	// Followed marks a wait that the path follows to what ended it (that
	// task's own steps then cover the same interval); Handoff is set when the
	// wait was at a limit (Semaphore, Lock, full Queue, busy executor).
	Followed, Handoff bool
}

// timeEps absorbs the 1 µs rounding of reported times.
const timeEps = 2e-6

// limitLabels are the waits that are a capacity limit rather than a
// dependency: a task passing one on the critical path queued behind others.
func isLimit(label string) bool {
	switch label {
	case "Lock", "Queue.put", "waiting for a free worker":
		return true
	}
	return strings.HasPrefix(label, "Semaphore(") || strings.HasPrefix(label, "BoundedSemaphore(")
}

// CriticalPath walks back from the end of the entry task: a span that
// takes time (sleep, I/O, executor, blocking) is on the path; a wait is
// followed to the task or span that ended it (a gathered child, the holder
// releasing a semaphore, the blocking call that kept a ready task waiting).
// The steps come latest first.
func CriticalPath(r *Result) []PathStep {
	rows := timelineRows(r)
	if len(rows) == 0 || len(r.Tasks) == 0 {
		return nil
	}
	var path []PathStep
	visited := map[[2]float64]bool{} // (row, time) already jumped to
	cur, t := 0, rows[0].End
	for guard := 0; guard < 100000 && t > timeEps; guard++ {
		row := rows[cur]
		idx := -1
		for i, sp := range row.Spans {
			if sp.Start < t-timeEps && sp.End > sp.Start {
				idx = i
			}
		}
		if idx < 0 {
			// Before the row's first span: it was created at row.Start by a task
			// that was running then (between two of its spans).
			next, at := creatorOf(rows, cur, row.Start), row.Start
			if next < 0 {
				// Nobody was running: the task was ready while a blocking
				// call held the loop, and ran when it returned.
				next, at = wakerOf(rows, cur, Span{Kind: SpanReady, End: row.Start})
			}
			if next < 0 || at > t || visited[[2]float64{float64(next), at}] {
				break
			}
			visited[[2]float64{float64(next), at}] = true
			cur, t = next, at
			continue
		}
		sp := row.Spans[idx]
		end := min(sp.End, t)
		if sp.Kind == SpanWait || sp.Kind == SpanReady {
			clipped := sp
			clipped.End = end
			if w, at := wakerOf(rows, cur, clipped); w >= 0 && !visited[[2]float64{float64(w), at}] {
				visited[[2]float64{float64(w), at}] = true
				path = append(path, PathStep{Row: cur, Span: idx, Start: sp.Start, End: end, Followed: true, Handoff: sp.Kind == SpanWait && isLimit(sp.Label)})
				cur, t = w, at
				continue
			}
		}
		path = append(path, PathStep{Row: cur, Span: idx, Start: sp.Start, End: end})
		t = sp.Start
	}
	return path
}

// wakerOf finds the row that ended the wait sp of row cur: of the tasks
// that finished while it waited (a gathered child, an awaited task) and
// the spans that took time and ended then (the holder's sleep before its
// release, the blocking call that kept a ready task waiting), the one that
// ended last, a finished task before a span at the same time; and when. The loop's
// own steps take simulated microseconds, so "ended then" is "ended last
// before the wait did", not "ended at the same instant".
func wakerOf(rows []*TaskReport, cur int, sp Span) (int, float64) {
	best, bestEnd, bestIsTask := -1, 0.0, false
	consider := func(i int, end float64, isTask bool) {
		if end <= sp.Start+timeEps || end > sp.End+timeEps {
			return
		}
		if best < 0 || end > bestEnd+timeEps || (end > bestEnd-timeEps && isTask && !bestIsTask) {
			best, bestEnd, bestIsTask = i, end, isTask
		}
	}
	for i, r := range rows {
		if i == cur {
			continue
		}
		if sp.Kind == SpanWait {
			consider(i, r.End, true)
		}
		for _, o := range r.Spans {
			if o.End <= o.Start || o.Kind == SpanWait || o.Kind == SpanReady {
				continue
			}
			if sp.Kind == SpanReady && o.Kind != SpanBlocking {
				continue
			}
			consider(i, o.End, false)
		}
	}
	return best, bestEnd
}

// creatorOf finds the row that was running (alive, between spans) at t,
// the entry task first.
func creatorOf(rows []*TaskReport, cur int, t float64) int {
	for i, r := range rows {
		if i == cur || r.Start > t+timeEps || r.End < t-timeEps {
			continue
		}
		busy := false
		for _, sp := range r.Spans {
			if sp.Start < t-timeEps && sp.End > t+timeEps {
				busy = true
				break
			}
		}
		if !busy {
			return i
		}
	}
	return -1
}

// Bottleneck is one sentence on what bounds the total time: the limit the
// critical path queues at, else its longest step; and the blocking call
// that holds the loop longest. It is "" when the run did not finish or
// took no time.
func Bottleneck(path string, r *Result) string {
	if !r.Finished || r.ConcurrentS <= timeEps {
		return ""
	}
	file := filepath.Base(path)
	rows := timelineRows(r)
	critical := CriticalPath(r)
	type key struct {
		kind  SpanKind
		label string
		line  int
		file  string
	}
	took := map[key]float64{}
	steps := map[key]int{} // how many spans of the key the path spends time in
	passes := map[key]int{}
	var order []key
	for _, st := range critical {
		sp := rows[st.Row].Spans[st.Span]
		k := key{sp.Kind, sp.Label, sp.Line, sp.File}
		if _, seen := took[k]; !seen {
			order = append(order, k)
		}
		if st.Handoff {
			passes[k]++
			took[k] += 0
			continue
		}
		if sp.Kind != SpanWait && sp.Kind != SpanReady {
			took[k] += st.End - st.Start
			steps[k]++
		}
	}
	var parts []string
	var limit *key
	for i := range order {
		k := order[i]
		if passes[k] > 0 && (limit == nil || passes[k] > passes[*limit]) {
			limit = &order[i]
		}
	}
	where := func(line int, in string) string {
		if line > 0 && in != "" {
			return fmt.Sprintf(" at %s:%d", in, line)
		}
		if line > 0 {
			return fmt.Sprintf(" at %s:%d", file, line)
		}
		return ""
	}
	describe := func(k key) string {
		switch k.kind {
		case SpanBlocking:
			return "the blocking " + strings.TrimSuffix(k.label, "()") + where(k.line, k.file)
		case SpanExecutor:
			return "the thread job " + k.label + where(k.line, k.file)
		}
		return k.label + where(k.line, k.file)
	}
	if limit != nil {
		name := limit.label
		if name == "waiting for a free worker" {
			name = "the executor's worker pool"
		} else {
			name = "the " + name
		}
		parts = append(parts, fmt.Sprintf("bounded by %s%s: %d tasks on the critical path pass it one after another", name, where(limit.line, limit.file), passes[*limit]+1))
	}
	b, blocked, n := longestBlock(r)
	blockText := func() string {
		s := fmt.Sprintf("holds the loop %s", FormatSeconds(blocked))
		if n > 1 {
			s += fmt.Sprintf(" (%s)", times(n))
		}
		return s
	}
	if limit == nil {
		sort.SliceStable(order, func(i, j int) bool { return took[order[i]] > took[order[j]] })
		if len(order) > 0 && took[order[0]] > timeEps {
			k := order[0]
			if k.kind == SpanBlocking && blocked > 0 && k.line == b.Line && k.file == b.File {
				// The longest step is the blocking call itself: say it once.
				parts = append(parts, fmt.Sprintf("bounded by %s, which %s", describe(k), blockText()))
				blocked = 0
			} else {
				what := describe(k)
				if steps[k] > 1 {
					what = fmt.Sprintf("%d × %s", steps[k], what)
				}
				parts = append(parts, fmt.Sprintf("bounded by %s (%s of the %s)", what, FormatSeconds(took[k]), FormatSeconds(r.ConcurrentS)))
			}
		}
	}
	if blocked > 0 {
		at := fmt.Sprintf("line %d", b.Line)
		if b.File != "" {
			at = fmt.Sprintf("%s:%d", b.File, b.Line)
		}
		parts = append(parts, fmt.Sprintf("the blocking %s at %s %s", strings.TrimSuffix(b.Label, "()"), at, blockText()))
	}
	if len(parts) == 0 {
		return ""
	}
	out := strings.Join(parts, "; ")
	return strings.ToUpper(out[:1]) + out[1:] + "."
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// longestBlock is the blocking call (by line) that holds the loop longest
// in total, with that total and how often it ran.
func longestBlock(r *Result) (BlockEvent, float64, int) {
	type at struct {
		file string
		line int
	}
	total := map[at]float64{}
	count := map[at]int{}
	first := map[at]BlockEvent{}
	for _, b := range r.Blocks {
		k := at{b.File, b.Line}
		if _, ok := first[k]; !ok {
			first[k] = b
		}
		total[k] += b.Duration
		count[k]++
	}
	best, bestAt, found := 0.0, at{}, false
	for k, d := range total {
		// The program's own file first, then by file and line.
		if !found || d > best || (d == best && (k.file < bestAt.file || k.file == bestAt.file && k.line < bestAt.line)) {
			best, bestAt, found = d, k, true
		}
	}
	if !found || best < timeEps {
		return BlockEvent{}, 0, 0
	}
	return first[bestAt], best, count[bestAt]
}
