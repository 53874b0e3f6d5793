package server

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// Hover explains the diagnostics under the cursor and what is known about
// the call (or awaited call) there.
func (s *Server) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	sn, err := s.snapshotFor(ctx, params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	li := sn.file.Lines
	off := s.offset(li, params.Position)
	res := s.resultOf(ctx, sn)
	if ctx.Err() != nil {
		return nil, protocol.ErrRequestCancelled
	}
	var parts []string
	var rng *protocol.Range
	explained := map[string]bool{} // codes of the findings under the cursor
	for _, d := range res.diags {
		if off < d.StartByte || off > d.EndByte || (off == d.EndByte && d.EndByte > d.StartByte) {
			continue
		}
		explained[d.Code] = true
		parts = append(parts, diagnosticHover(d))
		if rng == nil {
			r := s.rangeOf(li, d.Start, d.End)
			rng = &r
		}
	}
	if c := callAt(res.module, off); c != nil {
		if text := s.callHover(ctx, res, c, explained); text != "" {
			parts = append(parts, text)
			if rng == nil {
				r := s.offsetRange(li, int(c.Node.Start), int(c.Node.End))
				rng = &r
			}
		}
	}
	if on := s.currentSettings().TimingHints; s.opts.TimingHints != nil && (on == nil || *on) {
		project, gen := s.ws.hintSnapshot(sn.doc.path)
		if text, start, end, ok := s.timingHint(ctx, sn.file, project, gen, off, s.ws.configFor(sn.doc.path)); ok && text != "" {
			parts = append(parts, text)
			if rng == nil && start <= end {
				r := s.offsetRange(li, start, end)
				rng = &r
			}
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return &protocol.Hover{
		Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    rng,
	}, nil
}

// diagnosticHover explains the rule behind a finding: what it is, why it
// matters and how to fix it. The finding's own message is not repeated:
// every client shows it already (VS Code in the same hover, Neovim as
// virtual text, Emacs in the echo area).
func diagnosticHover(d rules.Diagnostic) string {
	var b strings.Builder
	r := rules.Lookup(d.Code)
	if r == nil {
		fmt.Fprintf(&b, "**%s** %s", d.Code, d.Message)
		return b.String()
	}
	fmt.Fprintf(&b, "**%s** `%s` (%s): %s\n\n**Why:** %s", r.Code, r.Name, d.Severity, r.Summary, r.Rationale)
	switch {
	case d.Fix != nil && r.Fix != "":
		fmt.Fprintf(&b, "\n\n**Fix:** %s (quick fix available: %s)", r.Fix, d.Fix.Title)
	case r.Fix != "":
		fmt.Fprintf(&b, "\n\n**Fix:** %s", r.Fix)
	case r.Good != "":
		fmt.Fprintf(&b, "\n\n**Fix:** write it like this:\n\n```python\n%s\n```", r.Good)
	}
	fmt.Fprintf(&b, "\n\n[%s documentation](%s) · silence with `# noqa: %s`", r.Code, r.DocURL(), r.Code)
	return b.String()
}

// callAt returns the innermost call containing off, or the call awaited by
// the await expression under off.
func callAt(m *analysis.Module, off int) *analysis.Call {
	var best *analysis.Call
	for _, c := range m.Calls {
		n := c.Node
		start, end := int(n.Start), int(n.End)
		if c.Usage == analysis.UsageAwaited && c.UsedBy != nil && c.UsedBy.Type() == "await" {
			// Hovering the await keyword shows the awaited call.
			start = min(start, int(c.UsedBy.Start))
		}
		if off < start || off >= end {
			continue
		}
		if best == nil || end-start < int(best.Node.End-best.Node.Start) {
			best = c
		}
	}
	return best
}

// callHover describes the callee of c: whether it is a coroutine function,
// where it is defined, and what it blocks on.
func (s *Server) callHover(ctx context.Context, res *result, c *analysis.Call, explained map[string]bool) string {
	m := res.module
	opts := s.ws.options(m.File.Path)
	fnText := m.File.Brief(c.Node.ChildByField("function"))
	project, _ := s.ws.snapshot(m.File.Path)
	target := project.Target(c)
	var b strings.Builder
	if target == nil {
		if code := rules.BlockingCode(m, c, opts); code != "" && !explained[code] {
			fmt.Fprintf(&b, "**blocking call** `%s()`: it blocks the thread it runs on; in a coroutine that is the event loop (%s).", displayCallee(c, fnText), code)
			return b.String()
		}
		return ""
	}
	params := strings.Join(target.Params, ", ")
	keyword := "def"
	if target.Async {
		keyword = "async def"
	}
	fmt.Fprintf(&b, "```python\n%s %s(%s)\n```\n", keyword, target.QualName, params)
	tm := target.Module()
	line := tm.File.Lines.Position(int(target.Node.Start)).Line + 1
	// The name it is imported by (a later copy of a package is named apart
	// inside, the path tells which copy).
	fmt.Fprintf(&b, "\n`%s` is %s, defined in `%s` line %d.", tm.PlainName(target.FullName()), describeKind(target), s.displayPath(tm.File.Path), line)
	if target.IsCoroutineFunction() {
		switch c.Usage {
		case analysis.UsageAwaited:
			b.WriteString(" Calling it returns a coroutine, awaited here.")
		case analysis.UsageScheduled:
			b.WriteString(" Calling it returns a coroutine, scheduled here.")
		case analysis.UsageDropped:
			b.WriteString(" Calling it returns a coroutine, which is **never awaited** here: the body does not run.")
		default:
			b.WriteString(" Calling it returns a coroutine; the body runs only when it is awaited or scheduled.")
		}
		switch n := len(target.Awaits); n {
		case 0:
		case 1:
			b.WriteString(" Its body has one `await`.")
		default:
			fmt.Fprintf(&b, " Its body has %d `await`s.", n)
		}
	}
	direct := func(mm *analysis.Module, cc *analysis.Call) bool { return rules.IsBlocking(mm, cc, opts) }
	var blocks []string
	if target.Async {
		for _, inner := range target.Calls {
			if rules.IsBlocking(tm, inner, opts) {
				blocks = append(blocks, fmt.Sprintf("`%s()` line %d (%s)", displayCallee(inner, tm.File.Brief(inner.Node.ChildByField("function"))),
					tm.File.Lines.Position(int(inner.Node.Start)).Line+1, rules.BlockingCode(tm, inner, opts)))
				continue
			}
			if t := project.Target(inner); t != nil && !t.Async && !t.Lambda {
				if chain := project.ReachOnLoop("blocks", inner, t, direct); chain != nil {
					blocks = append(blocks, fmt.Sprintf("`%s()` line %d, via %s", tm.File.Brief(inner.Node.ChildByField("function")),
						tm.File.Lines.Position(int(inner.Node.Start)).Line+1, chainText(chain)))
				}
			}
			if len(blocks) >= 5 {
				break
			}
		}
	} else if !target.Lambda {
		if chain := project.Reach("blocks", target, direct); chain != nil {
			blocks = append(blocks, chainText(chain))
		}
	}
	if len(blocks) > 0 {
		b.WriteString("\n\n**Blocks the event loop on:**\n")
		for _, x := range blocks {
			b.WriteString("\n- " + x)
		}
	} else if target.Async {
		b.WriteString("\n\nNo blocking call found in it.")
	}
	return b.String()
}

func describeKind(f *analysis.Function) string {
	switch {
	case f.IsCoroutineFunction():
		return "a coroutine function"
	case f.Async && f.Generator:
		return "an async generator function"
	case f.Async:
		return "an async function whose decorators may change what it returns"
	case f.Lambda:
		return "a lambda"
	}
	return "a synchronous function"
}

// chainText renders helper() -> inner() -> requests.get().
func chainText(chain analysis.Chain) string {
	parts := []string{"`" + chain[0].Func.QualName + "()`"}
	for _, h := range chain {
		parts = append(parts, "`"+rules.HopText(h.Func.Module(), h.Call)+"`")
	}
	return strings.Join(parts, " → ")
}

func displayCallee(c *analysis.Call, text string) string {
	if c.Callee != "" {
		return c.Callee
	}
	return text
}

// displayPath shows a path relative to the first workspace root.
func (s *Server) displayPath(path string) string {
	for _, r := range s.ws.currentRoots() {
		if lint.Within(r, path) {
			if rel, err := filepath.Rel(r, path); err == nil {
				return filepath.ToSlash(rel)
			}
		}
	}
	return path
}
