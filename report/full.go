package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/rules"
)

// Fixable reports whether --fix would repair d: safe fixes always, unsafe
// ones only when --unsafe-fixes was given. It decides the "[*]" marker.
func Fixable(d rules.Diagnostic, unsafe bool) bool {
	return d.Fix != nil && len(d.Fix.Edits) > 0 && (d.Fix.Safe || unsafe)
}

func marker(d rules.Diagnostic, o Options) string {
	if Fixable(d, o.UnsafeFixes) {
		return " [*]"
	}
	return ""
}

// writeConcise is the one-line form: path:line:col: CODE [*] message.
func writeConcise(w io.Writer, diags []rules.Diagnostic, lines Lines, o Options) error {
	for _, d := range diags {
		loc := Locate(lines, d)
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s%s %s\n", d.Path, loc.Line, loc.Column, d.Code, marker(d, o), d.Message); err != nil {
			return err
		}
	}
	return nil
}

// writeFull prints each finding as ruff does: the one-line header, the
// source lines around it with the range underlined, the fix's title and,
// when there is a fix, the change it makes as a short diff.
func writeFull(w io.Writer, diags []rules.Diagnostic, lines Lines, o Options) error {
	var b strings.Builder
	for _, d := range diags {
		loc := Locate(lines, d)
		fmt.Fprintf(&b, "%s:%d:%d: %s%s %s\n", d.Path, loc.Line, loc.Column, d.Code, marker(d, o), d.Message)
		if li := lines(d.Path); li != nil {
			snippet(&b, li, d)
			if d.Fix != nil && len(d.Fix.Edits) > 0 {
				kind := "Unsafe fix"
				if d.Fix.Safe {
					kind = "Safe fix"
				}
				fmt.Fprintf(&b, "  = help: %s\n\n  %s\n", d.Fix.Title, kind)
				fixDiff(&b, li, d.Fix)
			}
		}
		b.WriteString("\n")
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
		b.Reset()
	}
	return nil
}

// snippet shows the finding's lines (at most three, with one line of
// context before) and underlines the range with carets.
func snippet(b *strings.Builder, li *analysis.LineIndex, d rules.Diagnostic) {
	first, last := d.Start.Line, d.End.Line
	if d.End.Col == 0 && last > first {
		last-- // a range ending at a line start does not cover that line
	}
	shown := last
	if shown > first+2 {
		shown = first + 2
	}
	from := first
	if from > 0 && strings.TrimSpace(li.LineText(from-1)) != "" {
		from--
	}
	width := len(strconv.Itoa(shown + 1))
	gutter := strings.Repeat(" ", width)
	fmt.Fprintf(b, "%s |\n", gutter)
	for line := from; line <= shown; line++ {
		text := expandTabs(li.LineText(line))
		fmt.Fprintf(b, "%*d | %s\n", width, line+1, text)
		if line < first {
			continue
		}
		startCol, endCol := 0, utf8.RuneCountInString(text)
		if line == first {
			startCol = li.RuneCol(line, d.Start.Col)
		} else {
			startCol = len(text) - len(strings.TrimLeft(text, " "))
		}
		if line == d.End.Line {
			endCol = li.RuneCol(line, d.End.Col)
		}
		if endCol <= startCol {
			endCol = startCol + 1
		}
		label := ""
		if line == shown {
			label = " " + d.Code
		}
		fmt.Fprintf(b, "%s | %s%s%s\n", gutter, strings.Repeat(" ", startCol), strings.Repeat("^", endCol-startCol), label)
	}
	fmt.Fprintf(b, "%s |\n", gutter)
}

func expandTabs(s string) string { return strings.ReplaceAll(s, "\t", "    ") }

// fixDiff prints the lines a fix changes, before (-) and after (+), one
// hunk per group of edits that touch neighbouring lines.
func fixDiff(b *strings.Builder, li *analysis.LineIndex, f *rules.Fix) {
	src := li.Source()
	edits := append([]rules.Edit(nil), f.Edits...)
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	type hunk struct {
		first, last int // 0-based lines of the original
		edits       []rules.Edit
	}
	var hunks []hunk
	for _, e := range edits {
		if e.Start < 0 || e.End > len(src) || e.Start > e.End {
			continue
		}
		first, last := li.Position(e.Start).Line, li.Position(e.End).Line
		if n := len(hunks); n > 0 && first <= hunks[n-1].last+1 {
			hunks[n-1].last = max(hunks[n-1].last, last)
			hunks[n-1].edits = append(hunks[n-1].edits, e)
			continue
		}
		hunks = append(hunks, hunk{first, last, []rules.Edit{e}})
	}
	width := len(strconv.Itoa(li.LineCount() + 1))
	delta := 0 // lines added minus lines removed by the hunks before
	for i, h := range hunks {
		if i > 0 {
			fmt.Fprintf(b, "  %s ...\n", strings.Repeat(" ", 2*width+1))
		}
		start := li.LineStart(h.first)
		end := len(src)
		if h.last+1 < li.LineCount() {
			end = li.LineStart(h.last + 1)
		}
		old := string(src[start:end])
		var nb strings.Builder
		at := start
		for _, e := range h.edits {
			if e.Start < at {
				continue // overlapping edits: show the first
			}
			nb.Write(src[at:e.Start])
			nb.WriteString(e.New)
			at = e.End
		}
		nb.Write(src[at:end])
		oldLines, newLines := splitLines(old), splitLines(nb.String())
		// Lines the hunk leaves alone at either end are context.
		pre := 0
		for pre < len(oldLines) && pre < len(newLines) && oldLines[pre] == newLines[pre] {
			pre++
		}
		post := 0
		for post < len(oldLines)-pre && post < len(newLines)-pre &&
			oldLines[len(oldLines)-1-post] == newLines[len(newLines)-1-post] {
			post++
		}
		row := func(oldNo, newNo int, mark byte, text string) {
			num := func(n int) string {
				if n == 0 {
					return strings.Repeat(" ", width)
				}
				return fmt.Sprintf("%*d", width, n)
			}
			fmt.Fprintf(b, "  %s %s |%c%s\n", num(oldNo), num(newNo), mark, expandTabs(text))
		}
		oldNo, newNo := h.first+1, h.first+1+delta
		for k := 0; k < pre; k++ {
			row(oldNo+k, newNo+k, ' ', oldLines[k])
		}
		for k := pre; k < len(oldLines)-post; k++ {
			row(oldNo+k, 0, '-', oldLines[k])
		}
		for k := pre; k < len(newLines)-post; k++ {
			row(0, newNo+k, '+', newLines[k])
		}
		for k := 0; k < post; k++ {
			row(oldNo+len(oldLines)-post+k, newNo+len(newLines)-post+k, ' ', oldLines[len(oldLines)-post+k])
		}
		delta += len(newLines) - len(oldLines)
	}
}

func splitLines(s string) []string {
	s = strings.TrimRight(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
