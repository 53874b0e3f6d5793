package main

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// addNoqa is --add-noqa: every finding's line gets "# noqa: CODE", merged
// into a noqa directive already there. Lines that end inside a string
// (where a comment would become text) are left alone and named. A rule
// that reports several calls as one finding at the first (ASL202's sqlite3
// work of a function, ASYNC230's file work) lets a call whose line has a
// noqa stand for itself alone: the others then make a finding of their
// own. So the files are checked again with the directives added, until no
// finding is left to silence (maxNoqaRounds), and a second run of
// `asyncls check` finds nothing --add-noqa could have silenced.
func addNoqa(res *lint.Result, stdinName string, stdinSrc []byte, stdout, stderr io.Writer) int {
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "asyncls: error:", e)
	}
	status := exitOK
	if len(res.Errors) > 0 {
		status = exitError
	}
	added := 0
	original, final := map[string][]byte{}, map[string][]byte{}
	named := map[noqaSkip]bool{}
	for round := 0; round < maxNoqaRounds; round++ {
		byPath := noqaLines(res)
		changed := map[string][]byte{}
		for _, path := range sortedLineKeys(byPath) {
			m := res.Module(path)
			if m == nil {
				continue
			}
			src, n, skipped := withNoqa(m.File, byPath[path])
			for _, sk := range skipped {
				if key := (noqaSkip{sk.line, path + ": " + sk.why}); !named[key] {
					named[key] = true
					fmt.Fprintf(stderr, "asyncls: %s:%d: %s; add the noqa comment by hand\n", path, sk.line+1, sk.why)
				}
			}
			if n == 0 || bytes.Equal(src, m.File.Src) {
				continue
			}
			if _, ok := original[path]; !ok {
				original[path] = m.File.Src
			}
			added += n
			changed[path], final[path] = src, src
		}
		if len(changed) == 0 {
			break
		}
		res = res.Reanalyse(changed, nil)
	}
	for _, path := range sortedKeys(final) {
		if path == stdinName {
			stdout.Write(final[path])
			continue
		}
		if err := lint.WriteFile(path, original[path], final[path]); err != nil {
			fmt.Fprintf(stderr, "asyncls: error: %s: %v\n", path, err)
			status = exitError
		}
	}
	if _, ok := final[stdinName]; stdinName != "" && !ok {
		stdout.Write(stdinSrc)
	}
	fmt.Fprintf(stderr, "Added %s.\n", plural(added, "noqa directive"))
	return status
}

// maxNoqaRounds bounds the checks of --add-noqa (each round silences the
// findings that the previous round's directives let stand alone).
const maxNoqaRounds = 8

// noqaLines returns, by path, the codes to silence on each line (0-based)
// of res's findings.
func noqaLines(res *lint.Result) map[string]map[int][]string {
	byPath := map[string]map[int][]string{}
	for _, d := range res.Diagnostics {
		if d.Code == rules.SyntaxErrorCode || d.Code == rules.ASL100.Code {
			continue // a syntax error cannot be silenced; an unused directive is fixed, not silenced
		}
		if byPath[d.Path] == nil {
			byPath[d.Path] = map[int][]string{}
		}
		byPath[d.Path][d.Start.Line] = append(byPath[d.Path][d.Start.Line], d.Code)
	}
	return byPath
}

func sortedLineKeys(m map[string]map[int][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// noqaSkip is a line withNoqa cannot put a comment on, and why.
type noqaSkip struct {
	line int
	why  string
}

// withNoqa returns f's source with the codes added to the noqa directives
// of their lines (0-based), how many lines changed, and the lines skipped.
func withNoqa(f *analysis.File, codesByLine map[int][]string) ([]byte, int, []noqaSkip) {
	commentOn := map[int]*analysis.Node{}
	for _, c := range f.Comments {
		commentOn[f.Lines.Position(int(c.Start)).Line] = c
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	var skipped []noqaSkip
	lines := make([]int, 0, len(codesByLine))
	for l := range codesByLine {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	for _, line := range lines {
		codes := codesByLine[line]
		if c := commentOn[line]; c != nil {
			text := f.Text(c)
			if _, _, cs, ce, have, ok := analysis.NoQADirective(text); ok {
				if cs < 0 {
					continue // a bare noqa already silences everything
				}
				edits = append(edits, edit{int(c.Start) + cs, int(c.Start) + ce, strings.Join(mergeCodes(have, codes), ", ")})
				continue
			}
			edits = append(edits, edit{int(c.End), int(c.End), "  # noqa: " + strings.Join(mergeCodes(nil, codes), ", ")})
			continue
		}
		end := f.Lines.LineStart(line) + len(f.Lines.LineText(line))
		if why := analysis.NoqaBlocker(f, line); why != "" {
			skipped = append(skipped, noqaSkip{line, why})
			continue
		}
		// Trailing whitespace goes; the directive follows two spaces, as PEP 8 puts comments.
		text := f.Lines.LineText(line)
		trimmed := strings.TrimRight(text, " \t")
		edits = append(edits, edit{f.Lines.LineStart(line) + len(trimmed), end, "  # noqa: " + strings.Join(mergeCodes(nil, codes), ", ")})
	}
	if len(edits) == 0 {
		return f.Src, 0, skipped
	}
	out := append([]byte(nil), f.Src...)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	return out, len(edits), skipped
}

// mergeCodes returns have followed by the codes of add it lacks, sorted,
// without duplicates.
func mergeCodes(have, add []string) []string {
	add = append([]string(nil), add...)
	sort.Strings(add)
	seen := map[string]bool{}
	var out []string
	for _, c := range append(append([]string{}, have...), add...) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
