package main

import (
	"fmt"
	"strings"

	"github.com/asyncls/asyncls/report"
)

// unifiedDiff renders the change from a to b as a unified diff with three
// lines of context, as `diff -u` and ruff's --diff print it.
func unifiedDiff(path string, a, b []byte) string {
	x, y := report.SplitKeep(string(a)), report.SplitKeep(string(b))
	ops := report.DiffLines(x, y)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", path, path)
	const context = 3
	// Group the edit script into hunks: runs of changes with their context.
	i := 0
	for i < len(ops) {
		for i < len(ops) && ops[i].Kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(i-context, 0)
		end := i
		for end < len(ops) {
			if ops[end].Kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].Kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*context {
				end = min(end+context, len(ops))
				break
			}
			end = run
		}
		h := ops[start:end]
		oldStart, newStart := h[0].OldLine, h[0].NewLine
		oldN, newN := 0, 0
		for _, o := range h {
			if o.Kind != '+' {
				oldN++
			}
			if o.Kind != '-' {
				newN++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(oldStart, oldN), hunkRange(newStart, newN))
		for _, o := range h {
			out.WriteByte(o.Kind)
			out.WriteString(o.Text)
			if !strings.HasSuffix(o.Text, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
