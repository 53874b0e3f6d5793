package loopsim

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"github.com/asyncls/asyncls/internal/seconds"
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
func FormatSeconds(s float64) string { return seconds.Format(s) }

// briefAssumptions is how many assumptions WriteText lists before pointing
// to WriteTextExplained (asyncls simulate --explain).
const briefAssumptions = 8

// WriteText prints a summary, the first assumptions and a timeline.
func WriteText(w io.Writer, path string, r *Result) { writeText(w, path, r, false) }

// WriteTextExplained is WriteText listing every assumption with its line,
// whether it is a step the simulator does not model, how much it lowered
// the confidence, and why the confidence has its level.
func WriteTextExplained(w io.Writer, path string, r *Result) { writeText(w, path, r, true) }

func writeText(w io.Writer, path string, r *Result, explain bool) {
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
	if r.Unknowable != "" && !explain {
		for i, line := range wrapWords(r.Unknowable+"; the times above are one possible run", 96) {
			if i == 0 {
				fmt.Fprintf(w, "  unknown:    %s\n", line)
			} else {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
	if explain {
		fmt.Fprintf(w, "  why         %s\n", confidenceReason(r))
	}
	if sentence := Bottleneck(path, r); sentence != "" {
		for i, line := range wrapWords(sentence, 96) {
			if i == 0 {
				fmt.Fprintf(w, "  %s\n", line)
			} else {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
	}
	if len(r.Assumptions) > 0 {
		if explain {
			fmt.Fprintln(w, "  assumptions (all of them, with the factor each applies to the confidence):")
		} else {
			fmt.Fprintln(w, "  assumptions:")
		}
		for i, a := range r.Assumptions {
			if !explain && i == briefAssumptions {
				fmt.Fprintf(w, "    ... and %d more (--explain lists them all)\n", len(r.Assumptions)-i)
				break
			}
			where := ""
			if a.Line > 0 && a.File != "" {
				where = fmt.Sprintf("%s:%d: ", a.File, a.Line)
			} else if a.Line > 0 {
				where = fmt.Sprintf("line %d: ", a.Line)
			}
			if !explain {
				fmt.Fprintf(w, "    %s%s\n", where, a.Text)
				continue
			}
			tag := ""
			if a.Unmodelled {
				tag = "[not modelled, caps at low] "
			}
			if a.Unknowable {
				tag = "[depends on a value from outside the program: unknown] "
			}
			fmt.Fprintf(w, "    %s%s%s (x%.2f)\n", where, tag, a.Text, a.Weight)
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
	used := map[SpanKind]bool{}
	for _, t := range tasks {
		for _, sp := range t.Spans {
			used[sp.Kind] = true
		}
	}
	fmt.Fprint(w, "  legend:")
	for _, k := range spanOrder {
		if used[k] {
			fmt.Fprintf(w, " %c %s ", spanStyle[k].glyph, spanStyle[k].legend)
		}
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

// spanText is the label drawn on a span: its call and line.
func spanText(sp Span) string {
	switch {
	case sp.Label != "" && sp.Line > 0 && sp.File != "":
		return fmt.Sprintf("%s %s:%d", sp.Label, sp.File, sp.Line)
	case sp.Label != "" && sp.Line > 0:
		return fmt.Sprintf("%s :%d", sp.Label, sp.Line)
	case sp.Label != "":
		return sp.Label
	case sp.Line > 0:
		return fmt.Sprintf("line %d", sp.Line)
	}
	return ""
}

// textWidth estimates the width of s in the SVG's sans-serif at size px.
func textWidth(s string, size float64) float64 {
	return float64(len([]rune(s))) * size * 0.56
}

// darkFill tells whether white text reads better on colour.
func darkFill(colour string) bool {
	switch colour {
	case "#c9c3bd", "#edc948", "#f7f7f7":
		return false
	}
	return true
}

// wrapWords splits s into lines of at most n characters.
func wrapWords(s string, n int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > n {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// WriteSVG draws the timeline as a Gantt chart: the sentence naming what
// bounds the total, the concurrent and sequential times as two bars, then
// tasks as rows with their spans coloured by kind and labelled with call
// and line where they fit, the critical path outlined, a time axis and a
// legend of the kinds that occur. Spans and tasks carry data-line (their
// source line) for viewers that open it on click; tooltips hold details.
func WriteSVG(w io.Writer, path string, r *Result) {
	const (
		left, right = 190.0, 40.0
		rowH, barH  = 26.0, 18.0
		chartW      = 760.0
		fontSize    = 10.5
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
	onPath := map[[2]int]bool{}
	rowOnPath := map[int]bool{}
	for _, st := range CriticalPath(r) {
		onPath[[2]int{st.Row, st.Span}] = true
		rowOnPath[st.Row] = true
	}
	sentence := wrapWords(Bottleneck(path, r), 140)

	width := left + chartW + right
	top := 56.0 + float64(len(sentence))*17
	compareTop := top + 6
	compareH := 2*20.0 + 14
	rowsTop := compareTop + compareH + 18
	axisY := rowsTop + float64(len(tasks))*rowH + 6
	height := axisY + 80
	x := func(t float64) float64 { return left + t/total*chartW }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="asyncls-timeline" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="Helvetica, Arial, sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="#ffffff"/>`+"\n")
	fmt.Fprintf(&b, `<text x="10" y="22" font-size="15" font-weight="bold" fill="#111">%s</text>`+"\n", html.EscapeString(fmt.Sprintf("%s — %s", path, r.Entry)))
	summary := fmt.Sprintf("≈%s concurrently · %s sequentially · %s blocked · confidence %s", FormatSeconds(r.ConcurrentS), FormatSeconds(r.SequentialS), FormatSeconds(r.BlockedS), r.Level)
	if r.Outcome == "unknown" {
		summary = "unknown: " + r.Problem
	} else if !r.Finished {
		summary = "does not finish: " + r.Problem
	}
	if len(rows) > len(tasks) {
		summary += fmt.Sprintf(" · first %d of %d rows shown", len(tasks), len(rows))
	}
	fmt.Fprintf(&b, `<text x="10" y="42" fill="#333">%s</text>`+"\n", html.EscapeString(summary))
	for i, line := range sentence {
		fmt.Fprintf(&b, `<text class="bottleneck" x="10" y="%.1f" fill="#111" font-weight="bold">%s</text>`+"\n", 60+float64(i)*17, html.EscapeString(line))
	}

	// Concurrently versus sequentially, on a scale of their own.
	longest := math.Max(r.ConcurrentS, r.SequentialS)
	if longest > 0 {
		for i, bar := range []struct {
			name   string
			s      float64
			colour string
		}{{"concurrently", r.ConcurrentS, "#4e79a7"}, {"sequentially", r.SequentialS, "#9c9c9c"}} {
			y := compareTop + float64(i)*22
			wBar := math.Max(1, bar.s/longest*chartW)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="#333">%s</text>`+"\n", left-8, y+13, bar.name)
			fmt.Fprintf(&b, `<rect class="total" x="%.1f" y="%.1f" width="%.1f" height="16" fill="%s"><title>%s: %s</title></rect>`+"\n", left, y, wBar, bar.colour, bar.name, FormatSeconds(bar.s))
			value := FormatSeconds(bar.s)
			if left+wBar+5+textWidth(value, 12) > width {
				// No room after the bar: inside its end.
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" fill="#fff">%s</text>`+"\n", left+wBar-5, y+12.5, value)
			} else {
				fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#333">%s</text>`+"\n", left+wBar+5, y+12.5, value)
			}
		}
	}

	// Axis and grid.
	step := niceStep(total)
	for t := 0.0; t <= total+1e-9; t += step {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e6e6e6"/>`+"\n", x(t), rowsTop-6, x(t), axisY)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" fill="#555">%s</text>`+"\n", x(t), axisY+16, trimS(t))
	}
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#333"/>`+"\n", left, axisY, left+chartW, axisY)
	used := map[SpanKind]bool{}
	for i, t := range tasks {
		y := rowsTop + float64(i)*rowH
		name := t.Name
		if len([]rune(name)) > 28 {
			name = string([]rune(name)[:27]) + "…"
		}
		weight := ""
		if rowOnPath[i] {
			weight = ` font-weight="bold"`
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end"%s%s>%s</text>`+"\n", left-8, y+barH-5, weight, dataLine(t.Line, t.File), html.EscapeString(name))
		end := math.Max(t.End, t.Start)
		tip := fmt.Sprintf("%s: %s-%s (%s)", t.Name, trimS(t.Start), trimS(t.End), t.Outcome)
		if t.Line > 0 && t.File != "" {
			tip += fmt.Sprintf(", %s:%d", t.File, t.Line)
		} else if t.Line > 0 {
			tip += fmt.Sprintf(", line %d", t.Line)
		}
		fmt.Fprintf(&b, `<rect class="task"%s x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#f7f7f7" stroke="#999" stroke-width="0.8"><title>%s</title></rect>`+"\n",
			dataLine(t.Line, t.File), x(t.Start), y, math.Max(1, x(end)-x(t.Start)), barH, html.EscapeString(tip))
		switch {
		case strings.HasPrefix(t.Outcome, "exception"):
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#c62828" font-weight="bold">✕<title>%s</title></text>`+"\n", x(end)+3, y+barH-4, html.EscapeString(t.Outcome))
		case t.Outcome == "cancelled":
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="#666">⊘<title>cancelled</title></text>`+"\n", x(end)+3, y+barH-4)
		}
		for k, sp := range t.Spans {
			st := spanStyle[sp.Kind]
			used[sp.Kind] = true
			tip := fmt.Sprintf("%s %s-%s", sp.Kind, trimS(sp.Start), trimS(sp.End))
			if sp.Label != "" {
				tip += " " + sp.Label
			}
			if sp.Line > 0 && sp.File != "" {
				tip += fmt.Sprintf(" (%s:%d)", sp.File, sp.Line)
			} else if sp.Line > 0 {
				tip += fmt.Sprintf(" (line %d)", sp.Line)
			}
			crit := ""
			if onPath[[2]int{i, k}] {
				crit = ` stroke="#111" stroke-width="2.2" class="span critical"`
				tip += " · on the critical path"
			} else {
				crit = ` class="span"`
			}
			sx, sw := x(sp.Start), math.Max(0.8, x(sp.End)-x(sp.Start))
			fmt.Fprintf(&b, `<rect%s%s x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`+"\n",
				crit, dataLine(sp.Line, sp.File), sx, y+1, sw, barH-2, st.colour, html.EscapeString(tip))
			label := spanText(sp)
			if label != "" && textWidth(label, fontSize)+6 > sw && sp.Label != "" {
				label = sp.Label // without the line, if that fits
			}
			if label != "" && textWidth(label, fontSize)+6 <= sw {
				fill := "#222"
				if darkFill(st.colour) {
					fill = "#fff"
				}
				fmt.Fprintf(&b, `<text class="label"%s x="%.1f" y="%.1f" font-size="%.1f" fill="%s" pointer-events="none">%s</text>`+"\n",
					dataLine(sp.Line, sp.File), sx+3, y+barH-5.5, fontSize, fill, html.EscapeString(label))
			}
		}
	}
	ly := axisY + 44
	lx := 10.0
	for _, k := range spanOrder {
		if !used[k] {
			continue
		}
		st := spanStyle[k]
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="14" height="12" fill="%s"/><text x="%.1f" y="%.1f">%s</text>`+"\n", lx, ly-10, st.colour, lx+19, ly, html.EscapeString(st.legend))
		lx += 30 + textWidth(st.legend, 12)
	}
	if len(onPath) > 0 {
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="14" height="12" fill="#ffffff" stroke="#111" stroke-width="2.2"/><text x="%.1f" y="%.1f">critical path (what the total waits for)</text>`+"\n", lx, ly-10, lx+19, ly)
	}
	fmt.Fprintf(&b, `<text x="10" y="%.1f" fill="#555"><tspan fill="#c62828" font-weight="bold">✕</tspan> raised  <tspan fill="#666">⊘</tspan> cancelled  · hover a bar for details</text>`+"\n", ly+20)
	b.WriteString("</svg>\n")
	io.WriteString(w, b.String())
}

// A line of another module of the project (file set) has none: the editor
// opens data-line in the simulated file.
func dataLine(line int, file string) string {
	if line <= 0 || file != "" {
		return ""
	}
	return fmt.Sprintf(` data-line="%d"`, line)
}

// timelineRows are the tasks, then the executor jobs not shown by a task.
func timelineRows(r *Result) []*TaskReport {
	return append(append([]*TaskReport(nil), r.Tasks...), r.Jobs...)
}

// confidenceReason says why a result has its confidence level.
func confidenceReason(r *Result) string {
	if !r.Finished {
		return "the simulated program does not finish: " + r.Problem
	}
	unmodelled := 0
	for _, a := range r.Assumptions {
		if a.Unmodelled {
			unmodelled++
		}
	}
	switch {
	case r.Unknowable != "":
		return r.Unknowable + "; a value read from outside the program decides the run, which caps the confidence at " + fmt.Sprintf("%.2f", unknowableCap) + " (unknown): the times are those of one possible run"
	case len(r.Assumptions) == 0:
		return "every step was modelled and nothing was assumed"
	case unmodelled > 0:
		why := fmt.Sprintf("%d of %d assumptions are steps the simulator does not model, which caps the confidence at %.2f (low)", unmodelled, len(r.Assumptions), unmodelledCap)
		if r.Confidence < unmodelledCap {
			why += fmt.Sprintf("; with the other factors it is %.2f (%s)", r.Confidence, r.Level)
		}
		return why
	}
	return fmt.Sprintf("every step was modelled; the confidence is the product of %d assumption factors", len(r.Assumptions))
}
