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
	// A very long line (minified or generated code) is shown as a window
	// around the finding's start, so one finding cannot print megabytes.
	winStart := 0
	if first == d.Start.Line {
		raw := li.LineText(first)
		winStart = max(0, utf8.RuneCountInString(expandTabs(raw[:min(max(d.Start.Col, 0), len(raw))]))-maxSnippetWidth/3)
	}
	for line := from; line <= shown; line++ {
		full := []rune(expandTabs(li.LineText(line)))
		text, cut := clip(full, winStart)
		fmt.Fprintf(b, "%*d | %s\n", width, line+1, text)
		if line < first {
			continue
		}
		raw := li.LineText(line)
		// Columns on screen: tabs were expanded, characters count once,
		// and a clipped line starts later.
		col := func(byteCol int) int {
			byteCol = min(max(byteCol, 0), len(raw))
			c := utf8.RuneCountInString(expandTabs(raw[:byteCol])) - cut
			return min(max(c, 0), utf8.RuneCountInString(text))
		}
		startCol, endCol := 0, utf8.RuneCountInString(text)
		if line == first {
			startCol = col(d.Start.Col)
		} else {
			startCol = col(len(raw) - len(strings.TrimLeft(raw, " \t")))
		}
		if line == d.End.Line {
			endCol = col(d.End.Col)
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

// maxSnippetWidth is the most characters of a source line a snippet shows.
const maxSnippetWidth = 160

// clip returns the part of line shown when the window starts at column
// start, with "…" where text was left out, and how many columns of the
// line come before the shown text's first column (for the carets).
func clip(line []rune, start int) (string, int) {
	if len(line) <= maxSnippetWidth {
		return string(line), 0
	}
	start = min(start, len(line)-maxSnippetWidth)
	end := start + maxSnippetWidth
	out := string(line[start:end])
	offset := start
	if start > 0 {
		out = "…" + out
		offset-- // the ellipsis takes a column
	}
	if end < len(line) {
		out += "…"
	}
	return out, offset
}

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
	added := 0
	for _, e := range edits {
		added += strings.Count(e.New, "\n")
	}
	// Wide enough for the new numbering too.
	width := len(strconv.Itoa(li.LineCount() + added + 1))
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
		// Long lines are shown from a little before the first edit.
		winStart := max(0, utf8.RuneCountInString(expandTabs(string(src[start:max(start, h.edits[0].Start)])))-maxSnippetWidth/3)
		row := func(oldNo, newNo int, mark byte, text string) {
			num := func(n int) string {
				if n == 0 {
					return strings.Repeat(" ", width)
				}
				return fmt.Sprintf("%*d", width, n)
			}
			shown, _ := clip([]rune(expandTabs(text)), winStart)
			fmt.Fprintf(b, "  %s %s |%c%s\n", num(oldNo), num(newNo), mark, shown)
		}
		for _, op := range DiffLines(oldLines, newLines) {
			oldNo, newNo := h.first+op.OldLine, h.first+op.NewLine+delta
			switch op.Kind {
			case '-':
				row(oldNo, 0, '-', op.Text)
			case '+':
				row(0, newNo, '+', op.Text)
			default:
				row(oldNo, newNo, ' ', op.Text)
			}
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
