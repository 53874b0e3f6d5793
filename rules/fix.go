package rules

import (
	"sort"
	"strings"
)

// ApplyFixes applies the fixes of diags to src: safe fixes always, unsafe
// ones only when unsafe is true. Fixes whose edits overlap an already
// accepted fix are skipped (they apply on a later round, after re-analysis).
// It returns the new source and how many fixes were applied.
func ApplyFixes(src []byte, diags []Diagnostic, unsafe bool) ([]byte, int) {
	out, applied := ApplyFixesOf(src, diags, unsafe)
	return out, len(applied)
}

// ApplyFixesOf is ApplyFixes that says which diagnostics (indices into
// diags) had their fix applied.
func ApplyFixesOf(src []byte, diags []Diagnostic, unsafe bool) ([]byte, []int) {
	type span struct{ start, end int }
	var accepted []Edit
	var taken []span
	var applied []int
	overlaps := func(e Edit) bool {
		for _, s := range taken {
			if e.Start < s.end && s.start < e.End || (e.Start == e.End && e.Start > s.start && e.Start < s.end) ||
				(e.Start == s.start && e.End == s.end) {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	for i, d := range diags {
		f := d.Fix
		if f == nil || (!f.Safe && !unsafe) || len(f.Edits) == 0 {
			continue
		}
		ok := true
		for _, e := range f.Edits {
			if acceptedAlready(accepted, e) {
				continue // an identical edit (one `import asyncio` for several fixes) is shared
			}
			if e.Start < 0 || e.End > len(src) || e.Start > e.End || overlaps(e) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		key := ""
		for _, e := range f.Edits {
			key += string(rune(e.Start)) + string(rune(e.End)) + e.New + "\x00"
		}
		if seen[key] {
			continue // two findings may carry the same fix (e.g. one import added once)
		}
		seen[key] = true
		for _, e := range f.Edits {
			if acceptedAlready(accepted, e) {
				continue
			}
			accepted = append(accepted, e)
			taken = append(taken, span{e.Start, e.End})
		}
		applied = append(applied, i)
	}
	if len(applied) == 0 {
		return src, nil
	}
	sort.SliceStable(accepted, func(i, j int) bool { return accepted[i].Start > accepted[j].Start })
	out := append([]byte{}, src...)
	for _, e := range accepted {
		out = append(out[:e.Start], append([]byte(e.New), out[e.End:]...)...)
	}
	return out, applied
}

func acceptedAlready(accepted []Edit, e Edit) bool {
	for _, a := range accepted {
		if a == e {
			return true
		}
	}
	return false
}

// utf8BOM is the byte-order mark some editors put at the start of a file.
const utf8BOM = "\xef\xbb\xbf"

// fitFix adapts a fix's edits to the file's conventions, so no fix damages
// it: text inserted with "\n" line breaks uses the file's own line ending
// (CRLF or CR), and nothing is inserted before, or replaces, a UTF-8 BOM.
func fitFix(src []byte, f *Fix) *Fix {
	eol := lineEnding(src)
	bom := 0
	if strings.HasPrefix(string(src[:min(len(src), 3)]), utf8BOM) {
		bom = len(utf8BOM)
	}
	if eol == "\n" && bom == 0 {
		return f
	}
	out := *f
	out.Edits = make([]Edit, len(f.Edits))
	for i, e := range f.Edits {
		if eol != "\n" {
			e.New = strings.ReplaceAll(strings.ReplaceAll(e.New, "\r\n", "\n"), "\n", eol)
		}
		if e.Start < bom {
			e.Start = bom
			e.End = max(e.End, bom)
		}
		out.Edits[i] = e
	}
	return &out
}

// lineEnding returns the file's first line break ("\n" when it has none).
func lineEnding(src []byte) string {
	for i, b := range src {
		switch b {
		case '\n':
			return "\n"
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				return "\r\n"
			}
			return "\r"
		}
	}
	return "\n"
}
