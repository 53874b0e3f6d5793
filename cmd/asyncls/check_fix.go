package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// appliedFix is one fix --fix applied (or --diff would apply).
type appliedFix struct {
	Path, Code, Title string
}

// findingKey identifies a finding across re-analyses, where its position
// may have moved because of fixes above it.
type findingKey struct{ path, code, message string }

// computeFixes applies fixes in memory, file by file, re-analysing after
// each round (a fix that overlaps another waits for the next round) until
// nothing changes. Only findings the user was shown are fixed: a finding
// that appears because of a fix (adding an `await` makes two awaits
// sequential, which ASL401 would turn into a gather) is reported, never
// fixed unseen. A fix that would leave invalid Python is refused. It
// returns the final analysis, the fixes applied, and the new content of
// every changed file.
func computeFixes(res *lint.Result, unsafe bool) (*lint.Result, []appliedFix, map[string][]byte, []error) {
	shown := map[findingKey]int{}
	for _, d := range res.Diagnostics {
		shown[findingKey{d.Path, d.Code, d.Message}]++
	}
	changedSrc := map[string][]byte{}
	var applied []appliedFix
	var errs []error
	refused := map[string]bool{}
	for round := 0; round < 5; round++ {
		byPath := map[string][]rules.Diagnostic{}
		for _, d := range res.Diagnostics {
			k := findingKey{d.Path, d.Code, d.Message}
			if shown[k] > 0 {
				byPath[d.Path] = append(byPath[d.Path], d)
			}
		}
		round := map[string][]byte{}
		sources := res.Sources()
		for _, path := range sortedKeys(sources) {
			m := res.Module(path)
			if diags := byPath[path]; m != nil && len(diags) > 0 && !refused[path] && analysis.InDeclaredEncoding(sources[path]) {
				// Read in the encoding it declares (PEP 263): a fix would be
				// written in UTF-8 under that declaration.
				refused[path] = true
				errs = append(errs, fmt.Errorf("%s: not fixed: the file declares an encoding other than UTF-8; fixes are written to UTF-8 files only", path))
			}
			if diags := byPath[path]; m != nil && len(diags) > 0 && !refused[path] {
				newSrc, idx := rules.ApplyFixesOf(sources[path], diags, unsafe)
				if len(idx) > 0 {
					if analysis.CheckSource(newSrc) != nil || len(analysis.Parse(m.File.Path, newSrc).SyntaxErrors) > len(m.File.SyntaxErrors) {
						refused[path] = true
						errs = append(errs, fmt.Errorf("%s: a fix produced invalid Python and was not applied (please report it)", path))
					} else {
						round[path] = newSrc
						changedSrc[path] = newSrc
						for _, i := range idx {
							d := diags[i]
							shown[findingKey{d.Path, d.Code, d.Message}]--
							applied = append(applied, appliedFix{d.Path, d.Code, d.Fix.Title})
						}
					}
				}
			}
		}
		if len(round) == 0 {
			break
		}
		res = res.Reanalyse(round, nil)
	}
	return res, applied, changedSrc, errs
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// printDiff is --diff: the fixes as a unified diff on stdout, nothing
// written; exit 1 when there is a change.
func printDiff(f *checkFlags, res *lint.Result, original, changed map[string][]byte, applied []appliedFix, stdout, stderr io.Writer) int {
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "asyncls: error:", e)
	}
	for _, path := range sortedKeys(changed) {
		io.WriteString(stdout, unifiedDiff(path, original[path], changed[path]))
	}
	if f.showFixes {
		writeShowFixes(stderr, f, res.Diagnostics, applied)
	}
	switch n := len(applied); {
	case n == 0:
		fmt.Fprintln(stderr, "No fixes to apply.")
	default:
		fmt.Fprintf(stderr, "Would fix %s in %d file(s) (%d would remain).\n", plural(n, "problem"), len(changed), len(res.Diagnostics))
	}
	switch {
	case len(res.Errors) > 0:
		return exitError
	case len(changed) > 0:
		return exitFindings
	}
	return exitOK
}
