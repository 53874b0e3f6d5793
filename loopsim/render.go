package loopsim

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// spanStyle gives each span kind a text glyph and an SVG colour.
var spanStyle = map[SpanKind]struct {
	glyph  byte
	colour string
	legend string
}{
	SpanSleep:    {'~', "#4e79a7", "asyncio.sleep"},
	SpanIO:       {'-', "#59a14f", "awaited I/O"},
	SpanWait:     {'.', "#c9c3bd", "waiting on tasks/primitives"},
	SpanExecutor: {'=', "#f28e2b", "executor thread"},
	SpanBlocking: {'#', "#e15759", "blocking the loop"},
	SpanReady:    {'!', "#edc948", "ready, loop busy"},
}

var spanOrder = []SpanKind{SpanSleep, SpanIO, SpanWait, SpanExecutor, SpanBlocking, SpanReady}

// FormatSeconds renders a duration for people: "0.30 s", "12 ms".
func FormatSeconds(s float64) string {
	switch {
	case s >= 10:
		return fmt.Sprintf("%.1f s", s)
	case s >= 0.1:
		return fmt.Sprintf("%.2f s", s)
	default:
		return fmt.Sprintf("%.0f ms", s*1000)
	}
}

// WriteText prints a summary and a timeline of the result.
func WriteText(w io.Writer, path string, r *Result) {
	fmt.Fprintf(w, "%s: %s\n", path, r.Entry)
	if r.Finished {
		fmt.Fprintf(w, "  concurrent  %s\n  sequential  %s\n  blocked     %s\n", FormatSeconds(r.ConcurrentS), FormatSeconds(r.SequentialS), FormatSeconds(r.BlockedS))
	} else if r.Outcome == "unknown" {
		fmt.Fprintf(w, "  unknown: %s\n  simulated until %s\n", r.Problem, FormatSeconds(r.ConcurrentS))
	} else {
		fmt.Fprintf(w, "  does not finish: %s\n  simulated until %s\n", r.Problem, FormatSeconds(r.ConcurrentS))
	}
	if r.Outcome != "" && r.Outcome != "ok" && r.Finished {
		fmt.Fprintf(w, "  outcome     %s\n", r.Outcome)
	}
	fmt.Fprintf(w, "  confidence  %s (%.2f)\n", r.Level, r.Confidence)
	if len(r.Assumptions) > 0 {
		fmt.Fprintln(w, "  assumptions:")
		for _, a := range r.Assumptions {
			if a.Line > 0 {
				fmt.Fprintf(w, "    line %d: %s\n", a.Line, a.Text)
			} else {
				fmt.Fprintf(w, "    %s\n", a.Text)
			}
		}
	}
	total := r.ConcurrentS
	rows := timelineRows(r)
	if total <= 0 || len(rows) == 0 {
		return
	}
	const width = 60
	const maxRows = 100
	tasks := rows
	if len(tasks) > maxRows {
		tasks = tasks[:maxRows]
	}
	nameW := 4
	for _, t := range tasks {
		nameW = max(nameW, min(len(t.Name), 24))
	}
	fmt.Fprintf(w, "\n  timeline (0 .. %s, one column = %s)\n", FormatSeconds(total), FormatSeconds(total/width))
	for _, t := range tasks {
		row := []byte(strings.Repeat(" ", width))
		col := func(x float64) int { return min(width-1, max(0, int(x/total*width))) }
		for i := col(t.Start); i <= col(math.Max(t.Start, t.End-1e-12)); i++ {
			row[i] = ' '
		}
		for _, sp := range t.Spans {
			for i := col(sp.Start); i <= col(sp.End-1e-12) && i < width; i++ {
				row[i] = spanStyle[sp.Kind].glyph
			}
		}
		name := t.Name
		if len(name) > 24 {
			name = name[:23] + "…"
		}
		fmt.Fprintf(w, "  %-*s |%s| %s-%s %s\n", nameW, name, row, trimS(t.Start), trimS(t.End), t.Outcome)
	}
	if len(rows) > len(tasks) {
		fmt.Fprintf(w, "  ... %d more rows (use --format json for all)\n", len(rows)-len(tasks))
	}
	fmt.Fprint(w, "  legend:")
	for _, k := range spanOrder {
		fmt.Fprintf(w, " %c %s ", spanStyle[k].glyph, spanStyle[k].legend)
	}
	fmt.Fprintln(w)
}

func trimS(s float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.3f", s), "0"), ".") + "s"
}

// niceStep picks a tick interval giving about 8 ticks.
func niceStep(total float64) float64 {
	raw := total / 8
	if raw <= 0 {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*mag {
			return m * mag
		}
	}
	return 10 * mag
}

// WriteSVG draws the timeline as a Gantt chart: tasks as rows, spans
// coloured by kind, a time axis, a legend and the summary.
func WriteSVG(w io.Writer, path string, r *Result) {
	const (
		left, right, top = 180.0, 30.0, 70.0
		rowH, barH       = 26.0, 16.0
		chartW           = 760.0
	)
	total := r.ConcurrentS
	if total <= 0 {
		total = 1
	}
	const maxRows = 300
	rows := timelineRows(r)
	tasks := rows
	if len(tasks) > maxRows {
		tasks = tasks[:maxRows]
	}
	height := top + float64(len(tasks))*rowH + 86
	width := left + chartW + right
	x := func(t float64) float64 { return left + t/total*chartW }
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="Helvetica, Arial, sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(w, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	title := fmt.Sprintf("%s — %s", path, r.Entry)
	fmt.Fprintf(w, `<text x="10" y="22" font-size="15" font-weight="bold">%s</text>`+"\n", html.EscapeString(title))
	summary := fmt.Sprintf("≈%s concurrently · %s sequentially · %s blocked · confidence %s", FormatSeconds(r.ConcurrentS), FormatSeconds(r.SequentialS), FormatSeconds(r.BlockedS), r.Level)
	if r.Outcome == "unknown" {
		summary = "unknown: " + r.Problem
	} else if !r.Finished {
		summary = "does not finish: " + r.Problem
	}
	if len(rows) > len(tasks) {
		summary += fmt.Sprintf(" · first %d of %d rows shown", len(tasks), len(rows))
	}
	fmt.Fprintf(w, `<text x="10" y="42" fill="#333">%s</text>`+"\n", html.EscapeString(summary))
	// Axis and grid.
	axisY := top + float64(len(tasks))*rowH + 6
	step := niceStep(total)
	for t := 0.0; t <= total+1e-9; t += step {
		fmt.Fprintf(w, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e6e6e6"/>`+"\n", x(t), top-6, x(t), axisY)
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555">%s</text>`+"\n", x(t), axisY+16, trimS(t))
	}
	fmt.Fprintf(w, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333"/>`+"\n", left, axisY, left+chartW, axisY)
	for i, t := range tasks {
		y := top + float64(i)*rowH
		name := t.Name
		if len(name) > 26 {
			name = name[:25] + "…"
		}
		fmt.Fprintf(w, `<text x="%.1f" y="%.1f" text-anchor="end">%s</text>`+"\n", left-8, y+barH-3, html.EscapeString(name))
		end := math.Max(t.End, t.Start)
		fmt.Fprintf(w, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#f7f7f7" stroke="#999" stroke-width="0.8"><title>%s: %s-%s (%s)</title></rect>`+"\n",
			x(t.Start), y, math.Max(1, x(end)-x(t.Start)), barH, html.EscapeString(t.Name), trimS(t.Start), trimS(t.End), html.EscapeString(t.Outcome))
		// How the task ended, at the end of its bar.
		switch {
		case strings.HasPrefix(t.Outcome, "exception"):
			fmt.Fprintf(w, `<text x="%.1f" y="%.1f" fill="#c62828" font-weight="bold">✕<title>%s</title></text>`+"\n", x(end)+3, y+barH-3, html.EscapeString(t.Outcome))
		case t.Outcome == "cancelled":
			fmt.Fprintf(w, `<text x="%.1f" y="%.1f" fill="#666">⊘<title>cancelled</title></text>`+"\n", x(end)+3, y+barH-3)
		}
		for _, sp := range t.Spans {
			st := spanStyle[sp.Kind]
			tip := fmt.Sprintf("%s %s-%s", sp.Kind, trimS(sp.Start), trimS(sp.End))
			if sp.Label != "" {
				tip += " " + sp.Label
			}
			if sp.Line > 0 {
				tip += fmt.Sprintf(" (line %d)", sp.Line)
			}
			fmt.Fprintf(w, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`+"\n",
				x(sp.Start), y+1, math.Max(0.8, x(sp.End)-x(sp.Start)), barH-2, st.colour, html.EscapeString(tip))
		}
	}
	ly := axisY + 44
	lx := 10.0
	for _, k := range spanOrder {
		st := spanStyle[k]
		fmt.Fprintf(w, `<rect x="%.1f" y="%.1f" width="14" height="12" fill="%s"/><text x="%.1f" y="%.1f">%s</text>`+"\n", lx, ly-10, st.colour, lx+19, ly, html.EscapeString(st.legend))
		lx += 30 + float64(len(st.legend))*6.3
	}
	fmt.Fprintf(w, `<text x="10" y="%.1f" fill="#555"><tspan fill="#c62828" font-weight="bold">✕</tspan> raised  <tspan fill="#666">⊘</tspan> cancelled  (hover a bar for details)</text>`+"\n", ly+20)
	fmt.Fprintln(w, "</svg>")
}

// timelineRows are the tasks, then the executor jobs not shown by a task.
func timelineRows(r *Result) []*TaskReport {
	return append(append([]*TaskReport(nil), r.Tasks...), r.Jobs...)
}
