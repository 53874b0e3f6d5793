package server

import (
	"context"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/rules"
)

// fixAllKind applies every safe fix of a document.
const fixAllKind protocol.CodeActionKind = "source.fixAll.asyncls"

// CodeAction offers, for asyncls diagnostics in the request: the rule's fix
// (from the diagnostic's data, so no re-analysis), "Disable CODE for this
// line" (# noqa), and source.fixAll.asyncls for the whole document.
func (s *Server) CodeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	sn, err := s.snapshotFor(ctx, params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	u := params.TextDocument.URI
	wants := func(kind protocol.CodeActionKind) bool {
		if len(params.Context.Only) == 0 {
			return true
		}
		for _, o := range params.Context.Only {
			if o == kind || strings.HasPrefix(string(kind), string(o)+".") {
				return true
			}
		}
		return false
	}
	out := []protocol.CommandOrCodeAction{}
	quickfix := protocol.CodeActionKindQuickFix
	if wants(quickfix) {
		type codeLine struct {
			code string
			line int
		}
		noqaDone := map[codeLine]bool{}
		docDone := map[string]bool{}
		for _, diag := range params.Context.Diagnostics {
			// Some clients drop the source when they send diagnostics back.
			if src, ok := diag.Source.Get(); ok && src != "asyncls" {
				continue
			}
			code := diagnosticCode(diag)
			if fix := s.fixFor(ctx, sn, diag); fix != nil {
				preferred := fix.Safe
				out = append(out, &protocol.CodeAction{
					Title: fix.Title, Kind: &quickfix, Diagnostics: []protocol.Diagnostic{diag}, IsPreferred: &preferred,
					Edit: &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: fix.Edits}},
				})
			}
			if code == "" || code == rules.SyntaxErrorCode {
				continue
			}
			if code == rules.ASL100.Code {
				// An unused noqa directive is removed (its fix), not silenced by another.
				if !docDone[code] {
					docDone[code] = true
					out = append(out, docAction(code, diag))
				}
				continue
			}
			line := int(diag.Range.Start.Line)
			key := codeLine{code, line}
			if noqaDone[key] {
				continue
			}
			noqaDone[key] = true
			if edit, ok := s.noqaEdit(sn.file, line, code); ok {
				out = append(out, &protocol.CodeAction{
					Title: "Disable " + code + " for this line", Kind: &quickfix, Diagnostics: []protocol.Diagnostic{diag},
					Edit: &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: {edit}}},
				})
			}
			if rules.Lookup(code) != nil && !docDone[code] {
				docDone[code] = true
				out = append(out, docAction(code, diag))
			}
		}
	}
	if wants(fixAllKind) {
		if edit, ok := s.fixAllEdit(ctx, sn); ok {
			kind := fixAllKind
			out = append(out, &protocol.CodeAction{
				Title: "asyncls: fix all safely fixable problems", Kind: &kind,
				Edit: &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: {edit}}},
			})
		}
	}
	return out, nil
}

func diagnosticCode(d protocol.Diagnostic) string {
	switch c := d.Code.(type) {
	case protocol.String:
		return string(c)
	case protocol.Integer:
		return ""
	}
	return ""
}

// fixFor returns the fix of a diagnostic: from its data when that was
// computed for the current version, otherwise from the current analysis
// (the same code at the same range).
func (s *Server) fixFor(ctx context.Context, sn *snapshot, diag protocol.Diagnostic) *fixData {
	var data diagnosticData
	if len(diag.Data) > 0 && json.Unmarshal(diag.Data, &data) == nil && data.Version == sn.version {
		return data.Fix
	}
	res := s.resultOf(ctx, sn)
	project, _ := s.ws.snapshot(sn.doc.path)
	code := diagnosticCode(diag)
	for _, d := range res.diags {
		if d.Code != code || d.Fix == nil || len(d.Fix.Edits) == 0 {
			continue
		}
		if s.rangeOf(sn.file.Lines, d.Start, d.End) != diag.Range {
			continue
		}
		lsp := s.toLSP(sn, d, project)
		var current diagnosticData
		if json.Unmarshal(lsp.Data, &current) == nil {
			return current.Fix
		}
	}
	return nil
}

// noqaCodes finds a "# noqa" comment and its code list, as the analysis reads them.
var noqaCodes = regexp.MustCompile(`(?i)#\s*noqa(?::[\s]*([A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?`)

// noqaEdit adds code to the line's "# noqa: ..." comment, or appends one.
// A bare "# noqa" already silences everything, so there is nothing to add.
func (s *Server) noqaEdit(f *analysis.File, line int, code string) (protocol.TextEdit, bool) {
	li := f.Lines
	if line < 0 || line >= li.LineCount() {
		return protocol.TextEdit{}, false
	}
	text := li.LineText(line)
	// Only a real comment counts: the text after # must lie in a comment node.
	lineStart := li.LineStart(line)
	for _, c := range f.Comments {
		if int(c.Start) < lineStart || int(c.Start) >= lineStart+len(text) {
			continue
		}
		comment := f.Text(c)
		loc := noqaCodes.FindStringSubmatchIndex(comment)
		if loc == nil {
			continue
		}
		if loc[2] < 0 {
			return protocol.TextEdit{}, false // bare noqa
		}
		codes := strings.FieldsFunc(comment[loc[2]:loc[3]], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		for _, existing := range codes {
			if strings.EqualFold(existing, code) {
				return protocol.TextEdit{}, false
			}
		}
		at := int(c.Start) + loc[3]
		pos := s.position(li, li.Position(at))
		return protocol.TextEdit{Range: protocol.Range{Start: pos, End: pos}, NewText: ", " + code}, true
	}
	if analysis.NoqaBlocker(f, line) != "" {
		// Appended there, the comment would be string content or follow a
		// backslash continuation (a syntax error): no action, as
		// `asyncls check --add-noqa` skips such lines.
		return protocol.TextEdit{}, false
	}
	end := s.position(li, analysis.Position{Line: line, Col: len(text)})
	sep := "  "
	if strings.TrimSpace(text) == "" || strings.HasSuffix(text, " ") {
		sep = " "
	}
	return protocol.TextEdit{Range: protocol.Range{Start: end, End: end}, NewText: sep + "# noqa: " + code}, true
}

// fixAllEdit applies every safe fix of the current version (the same
// selection as `asyncls check --fix`: overlapping fixes wait for the next
// round) and returns it as one edit covering the changed span.
func (s *Server) fixAllEdit(ctx context.Context, sn *snapshot) (protocol.TextEdit, bool) {
	res := s.resultOf(ctx, sn)
	src := sn.file.Src
	fixed, n := rules.ApplyFixes(src, res.diags, false)
	if n == 0 {
		return protocol.TextEdit{}, false
	}
	// The smallest span that differs.
	prefix := 0
	for prefix < len(src) && prefix < len(fixed) && src[prefix] == fixed[prefix] {
		prefix++
	}
	suffix := 0
	for suffix < len(src)-prefix && suffix < len(fixed)-prefix && src[len(src)-1-suffix] == fixed[len(fixed)-1-suffix] {
		suffix++
	}
	// Keep the span on character boundaries.
	for prefix > 0 && prefix < len(src) && src[prefix]&0xC0 == 0x80 {
		prefix--
	}
	for suffix > 0 && len(src)-suffix < len(src) && src[len(src)-suffix]&0xC0 == 0x80 {
		suffix--
	}
	li := sn.file.Lines
	return protocol.TextEdit{
		Range:   s.offsetRange(li, prefix, len(src)-suffix),
		NewText: string(fixed[prefix : len(fixed)-suffix]),
	}, true
}

// docAction is "Show documentation for CODE": a command the server runs.
func docAction(code string, diag protocol.Diagnostic) *protocol.CodeAction {
	quickfix := protocol.CodeActionKindQuickFix
	title := "Show documentation for " + code
	return &protocol.CodeAction{
		Title: title, Kind: &quickfix, Diagnostics: []protocol.Diagnostic{diag},
		Command: protocol.Command{Title: title, Command: showDocumentationCommand, Arguments: []protocol.LSPAny{protocol.LSPAny(strconv.Quote(code))}},
	}
}
