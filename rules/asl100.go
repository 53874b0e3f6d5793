package rules

import (
	"fmt"
	"strings"

	"github.com/asyncls/asyncls/analysis"
)

// ASL100 reports `# noqa` codes of asyncls's own namespace that silence
// nothing. It cannot run like the other rules (it needs their findings), so
// Check calls checkUnusedNoqa after them; Run is empty.
var ASL100 = register(&Rule{
	Code:    "ASL100",
	Name:    "unused-noqa",
	Summary: "`# noqa: ASL...` code that silences nothing on its line, or names no rule",
	Rationale: "A `# noqa: ASL101` left behind after the code was fixed silences the next, unrelated finding of that " +
		"rule on the line, and a mistyped code (`# noqa: ASL1O1`) silences nothing while looking as if it did. " +
		"Like ruff's RUF100, asyncls reports such codes so that suppressions stay few and deliberate.",
	Bad: `import asyncio

async def main():
    await asyncio.sleep(1)  # noqa: ASL102`,
	Good: `import asyncio

async def main():
    await asyncio.sleep(1)`,
	Severity: Warning,
	Default:  true,
	Fix:      "Remove the unused code from the directive, or the whole directive when no code is left.",
	Notes: "Only codes starting with `ASL` are judged: `ASYNC` codes are shared with ruff and flake8-async, which may " +
		"use them on lines asyncls does not flag, and other tools' codes are theirs. A code is unused only when its " +
		"rule is enabled for the file (a directive for a rule you turned off may be meant for another configuration); " +
		"it is unknown when no rule has that code or prefix. Bare `# noqa` is left alone. ruff users: ruff removes " +
		"codes it does not know from `# noqa` comments unless told they belong to another tool, with " +
		"`lint.external = [\"ASL\"]` in ruff's configuration.",
	Run: func(*Pass) {},
})

// ruffNoqaAlso are the other asyncls rules a ruff code's `# noqa` silences
// on its line. Since ruff 0.1.9 RUF006 also reports a task assigned to a
// local that is never used (`_ = asyncio.ensure_future(...)`), which asyncls
// reports as ASL301; a `# noqa: RUF006` there is the author's decision about
// that task. Only the line's noqa: `ignore`/`select` of RUF006 stay
// ASYNC300's, since ASL301 reports more than ruff's variant (a local used
// only by `add_done_callback`, a task kept until the function returns).
//
// The first flake8-async (22.x, cooperlees) and ruff before 0.5 gave the
// blocking calls three codes that flake8-async 24 renumbered and reused for
// other checks: ASYNC100 a blocking HTTP call (now ASYNC210, ASYNC211,
// ASYNC212), ASYNC101 `open`, `time.sleep` or a subprocess call (now
// ASYNC220, ASYNC221, ASYNC222, ASYNC230, ASYNC251), ASYNC102 an os process
// call (now ASYNC220, ASYNC221, ASYNC222). A `# noqa: ASYNC100` written then
// on `requests.get(...)` is the author's decision about that call; it still
// silences the code's own check (a timeout without checkpoint) too.
var ruffNoqaAlso = map[string][]string{
	"RUF006":   {"ASL301"},
	"ASYNC100": {"ASYNC210", "ASYNC211", "ASYNC212"},
	"ASYNC101": {"ASYNC220", "ASYNC221", "ASYNC222", "ASYNC230", "ASYNC251"},
	"ASYNC102": {"ASYNC220", "ASYNC221", "ASYNC222"},
}

// noqaAlsoSilences reports whether another linter's code c, written in a
// `# noqa`, silences asyncls's code on that line (ruffNoqaAlso).
func noqaAlsoSilences(c, code string) bool {
	for _, also := range ruffNoqaAlso[strings.ToUpper(strings.TrimSpace(c))] {
		if also == code {
			return true
		}
	}
	return false
}

// noqaMatch returns the code of a noqa directive that silences code, or ""
// (nil codes: a bare noqa, reported as "*"). ruff's name for the same check
// (RUF006 for ASYNC300) silences it too, and so does a ruff code whose
// check covers the asyncls one on that line (RUF006 for ASL301).
func noqaMatch(codes []string, code string) string {
	if codes == nil {
		return "*"
	}
	for _, c := range codes {
		if c == code || AliasOf(c) == code || noqaAlsoSilences(c, code) || (strings.HasPrefix(code, c) && len(c) < len(code)) {
			return c
		}
	}
	return ""
}

// checkUnusedNoqa reports ASL codes of noqa directives that silenced
// nothing; used holds, per 0-based line, the directive codes that did.
func checkUnusedNoqa(m *analysis.Module, opts *Options, used map[int]map[string]bool, simulationsSkipped bool) []Diagnostic {
	var out []Diagnostic
	f := m.File
	for _, c := range f.Comments {
		text := f.Text(c)
		dStart, dEnd, cs, ce, codes, ok := analysis.NoQADirective(text)
		if !ok || cs < 0 {
			continue
		}
		// A mistyped code ("ASL1O2") ends the directive early; it is judged,
		// and removed, as the whole token.
		if run := len(text[ce:]) - len(strings.TrimLeft(text[ce:], "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")); run > 0 {
			codes[len(codes)-1] += strings.ToUpper(text[ce : ce+run])
			ce += run
			dEnd = max(dEnd, ce)
		}
		line := f.Lines.Position(int(c.Start)).Line
		var unused []string
		var reasons []string
		for _, code := range codes {
			if !strings.HasPrefix(code, "ASL") || used[line][code] {
				continue
			}
			known, enabled, skipped := false, false, false
			for _, r := range sorted {
				if r.Code == code || strings.HasPrefix(r.Code, code) {
					known = true
					enabled = enabled || opts.Enabled[r.Code]
					skipped = skipped || simulationsSkipped && r.Simulates
				}
			}
			if skipped {
				continue // its findings may be among those not simulated
			}
			switch {
			case !known:
				unused = append(unused, code)
				reasons = append(reasons, fmt.Sprintf("`%s` is not a rule code", code))
			case enabled:
				unused = append(unused, code)
				reasons = append(reasons, fmt.Sprintf("`%s` silences nothing on this line", code))
			}
		}
		if len(unused) == 0 || silencesItself(codes, unused) {
			continue
		}
		base := int(c.Start)
		fix := &Fix{Safe: true, Edits: []Edit{removeNoqaCodes(f.Src, base, text, dStart, dEnd, cs, ce, codes, unused)}}
		if len(unused) == len(codes) {
			fix.Title = "Remove the unused `# noqa` directive"
		} else {
			fix.Title = "Remove " + strings.Join(unused, ", ") + " from the `# noqa` directive"
		}
		start, end := base+dStart, base+dEnd
		sev := ASL100.Severity
		if s, ok := opts.Severity[ASL100.Code]; ok {
			sev = s
		}
		out = append(out, Diagnostic{Path: f.Path, Code: ASL100.Code, Severity: sev,
			Message:   "unused `# noqa` directive: " + strings.Join(reasons, "; "),
			StartByte: start, EndByte: end, Start: f.Lines.Position(start), End: f.Lines.Position(end),
			Fix: fix, Unnecessary: true})
	}
	return out
}

// removeNoqaCodes is the edit that drops unused from a directive found at
// [dStart, dEnd) of the comment text starting at byte base: the code list
// is rewritten, or, when nothing is left, the directive goes with the
// blanks before it (and the whole comment when it was only the directive).
func removeNoqaCodes(src []byte, base int, text string, dStart, dEnd, cs, ce int, codes, unused []string) Edit {
	drop := map[string]bool{}
	for _, u := range unused {
		drop[u] = true
	}
	var keep []string
	for _, c := range codes {
		if !drop[c] {
			keep = append(keep, c)
		}
	}
	if len(keep) > 0 {
		return Edit{Start: base + cs, End: base + ce, New: strings.Join(keep, ", ")}
	}
	start, end := base+dStart, base+dEnd
	for start > 0 && (src[start-1] == ' ' || src[start-1] == '\t') {
		start--
	}
	if rest := strings.TrimLeft(text[dEnd:], " \t"); strings.HasPrefix(rest, "#") && dStart == 0 {
		// "# noqa: ASL101  # other" leaves "# other", not "#  # other".
		return Edit{Start: base + dStart, End: base + len(text) - len(rest), New: ""}
	}
	if strings.TrimSpace(text[dEnd:]) != "" && dStart == 0 {
		// "# noqa: ASL101 because ..." keeps its explanation as a comment.
		return Edit{Start: base + dStart, End: base + dEnd, New: "#"}
	}
	return Edit{Start: start, End: end, New: ""}
}

// silencesItself reports whether the directive deliberately silences
// ASL100's report of its other unused codes: a code matching ASL100 that is
// used, or one next to other unused codes (`# noqa: ASL100, ASL999`). A
// directive whose only unused codes match ASL100 (`# noqa: ASL1` on a clean
// line) does not silence its own report.
func silencesItself(codes, unused []string) bool {
	isUnused := map[string]bool{}
	for _, u := range unused {
		isUnused[u] = true
	}
	selfUnused, otherUnused, selfUsed := false, false, false
	for _, c := range codes {
		self := noqaMatch([]string{c}, ASL100.Code) != ""
		switch {
		case self && isUnused[c]:
			selfUnused = true
		case self:
			selfUsed = true
		case isUnused[c]:
			otherUnused = true
		}
	}
	return selfUsed || (selfUnused && otherUnused)
}
