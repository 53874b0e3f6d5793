// Package report renders diagnostics for people and machines: full (the
// finding with its source and fix, like ruff) and concise text, JSON, JSON
// lines, SARIF 2.1.0 for code scanning, GitHub Actions workflow
// annotations, GitLab code quality and JUnit XML. Columns are counted in
// characters, 1-based.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/rules"
)

// Formats lists the accepted --output-format values ("text" is accepted
// too, as the name of the concise form before full existed).
var Formats = []string{"full", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"}

// Options adjust the rendering.
type Options struct {
	// UnsafeFixes marks unsafe fixes as applicable ([*]) too, as --unsafe-fixes does.
	UnsafeFixes bool
}

// Valid reports whether format is accepted.
func Valid(format string) bool {
	if format == "text" {
		return true
	}
	for _, f := range Formats {
		if f == format {
			return true
		}
	}
	return false
}

// Textual reports whether format is for people (the summary goes to stderr
// after it); the others are for machines and stand alone.
func Textual(format string) bool {
	return format == "full" || format == "concise" || format == "text" || format == ""
}

// Lines finds the line index of a file, to convert byte columns.
type Lines func(path string) *analysis.LineIndex

// Location is a diagnostic position in 1-based lines and character columns.
type Location struct {
	Line, Column, EndLine, EndColumn int
}

// Locate converts a diagnostic's byte positions.
func Locate(lines Lines, d rules.Diagnostic) Location {
	li := lines(d.Path)
	if li == nil {
		return Location{d.Start.Line + 1, d.Start.Col + 1, d.End.Line + 1, d.End.Col + 1}
	}
	return Location{
		Line: d.Start.Line + 1, Column: li.RuneCol(d.Start.Line, d.Start.Col) + 1,
		EndLine: d.End.Line + 1, EndColumn: li.RuneCol(d.End.Line, d.End.Col) + 1,
	}
}

// Write renders diags in format to w.
func Write(w io.Writer, format string, diags []rules.Diagnostic, lines Lines, o Options) error {
	switch format {
	case "full", "":
		return writeFull(w, diags, lines, o)
	case "concise", "text":
		return writeConcise(w, diags, lines, o)
	case "json":
		return writeJSON(w, diags, lines)
	case "json-lines":
		return writeJSONLines(w, diags, lines)
	case "sarif":
		return writeSARIF(w, diags, lines)
	case "github":
		return writeGitHub(w, diags, lines)
	case "gitlab":
		return writeGitLab(w, diags, lines)
	case "junit":
		return writeJUnit(w, diags, lines)
	}
	return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// JSONDiagnostic is one element of `--format json`.
type JSONDiagnostic struct {
	Path      string        `json:"path"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"end_line"`
	EndColumn int           `json:"end_column"`
	Code      string        `json:"code"`
	Severity  string        `json:"severity"`
	Message   string        `json:"message"`
	URL       string        `json:"url,omitempty"`
	Fix       *JSONFix      `json:"fix,omitempty"`
	Related   []JSONRelated `json:"related,omitempty"`
}

// JSONFix is a fix in `--format json`; edits use the same coordinates as diagnostics.
type JSONFix struct {
	Title string     `json:"title"`
	Safe  bool       `json:"safe"`
	Edits []JSONEdit `json:"edits"`
}

// JSONEdit replaces a range with text.
type JSONEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Content   string `json:"content"`
}

// JSONRelated is a related location (a hop of a call chain).
type JSONRelated struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func toJSON(d rules.Diagnostic, lines Lines) JSONDiagnostic {
	loc := Locate(lines, d)
	j := JSONDiagnostic{Path: d.Path, Line: loc.Line, Column: loc.Column, EndLine: loc.EndLine, EndColumn: loc.EndColumn,
		Code: d.Code, Severity: d.Severity.String(), Message: d.Message}
	if r := rules.Lookup(d.Code); r != nil {
		j.URL = r.DocURL()
	}
	if d.Fix != nil {
		jf := &JSONFix{Title: d.Fix.Title, Safe: d.Fix.Safe, Edits: []JSONEdit{}}
		li := lines(d.Path)
		for _, e := range d.Fix.Edits {
			je := JSONEdit{Content: e.New}
			if li != nil {
				s, en := li.Position(e.Start), li.Position(e.End)
				je.Line, je.Column = s.Line+1, li.RuneCol(s.Line, s.Col)+1
				je.EndLine, je.EndColumn = en.Line+1, li.RuneCol(en.Line, en.Col)+1
			}
			jf.Edits = append(jf.Edits, je)
		}
		j.Fix = jf
	}
	for _, r := range d.Related {
		col := r.Start.Col + 1
		if li := lines(r.Path); li != nil {
			col = li.RuneCol(r.Start.Line, r.Start.Col) + 1
		}
		j.Related = append(j.Related, JSONRelated{Path: r.Path, Line: r.Start.Line + 1, Column: col, Message: r.Message})
	}
	return j
}

func writeJSON(w io.Writer, diags []rules.Diagnostic, lines Lines) error {
	out := make([]JSONDiagnostic, 0, len(diags))
	for _, d := range diags {
		out = append(out, toJSON(d, lines))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// githubEscape escapes workflow-command data and properties.
func githubEscape(s string, property bool) string {
	s = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
	if property {
		s = strings.NewReplacer(":", "%3A", ",", "%2C").Replace(s)
	}
	return s
}

func writeGitHub(w io.Writer, diags []rules.Diagnostic, lines Lines) error {
	for _, d := range diags {
		loc := Locate(lines, d)
		level := "warning"
		switch d.Severity {
		case rules.Error:
			level = "error"
		case rules.Info, rules.Hint:
			level = "notice"
		}
		_, err := fmt.Fprintf(w, "::%s title=%s,file=%s,line=%d,col=%d,endLine=%d,endColumn=%d::%s\n", level,
			githubEscape("asyncls "+d.Code, true), githubEscape(filepath.ToSlash(d.Path), true), loc.Line, loc.Column, loc.EndLine, loc.EndColumn,
			githubEscape(d.Code+" "+d.Message, false))
		if err != nil {
			return err
		}
	}
	return nil
}

// Version is the tool version reported in SARIF.
var Version = "0.1.0"

func writeSARIF(w io.Writer, diags []rules.Diagnostic, lines Lines) error {
	type msg struct {
		Text string `json:"text"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	type artifact struct {
		URI string `json:"uri"`
	}
	type physical struct {
		ArtifactLocation artifact `json:"artifactLocation"`
		Region           region   `json:"region"`
	}
	type location struct {
		PhysicalLocation physical `json:"physicalLocation"`
		Message          *msg     `json:"message,omitempty"`
	}
	type result struct {
		RuleID           string     `json:"ruleId"`
		RuleIndex        int        `json:"ruleIndex"`
		Level            string     `json:"level"`
		Message          msg        `json:"message"`
		Locations        []location `json:"locations"`
		RelatedLocations []location `json:"relatedLocations,omitempty"`
	}
	type config struct {
		Level   string `json:"level"`
		Enabled bool   `json:"enabled"`
	}
	type rule struct {
		ID                   string `json:"id"`
		Name                 string `json:"name"`
		ShortDescription     msg    `json:"shortDescription"`
		FullDescription      msg    `json:"fullDescription"`
		HelpURI              string `json:"helpUri"`
		DefaultConfiguration config `json:"defaultConfiguration"`
	}
	level := func(s rules.Severity) string {
		switch s {
		case rules.Error:
			return "error"
		case rules.Warning:
			return "warning"
		}
		return "note"
	}
	var ruleList []rule
	index := map[string]int{}
	used := map[string]bool{}
	for _, d := range diags {
		used[d.Code] = true
	}
	for _, r := range rules.All() {
		index[r.Code] = len(ruleList)
		ruleList = append(ruleList, rule{ID: r.Code, Name: r.Name, ShortDescription: msg{r.Summary}, FullDescription: msg{r.Rationale},
			HelpURI: r.DocURL(), DefaultConfiguration: config{Level: level(r.Severity), Enabled: r.Default}})
	}
	if used[rules.SyntaxErrorCode] {
		index[rules.SyntaxErrorCode] = len(ruleList)
		ruleList = append(ruleList, rule{ID: rules.SyntaxErrorCode, Name: "syntax-error", ShortDescription: msg{"Syntax error"},
			FullDescription: msg{"The parser could not read this code; findings near it may be missing."},
			HelpURI:         "https://github.com/asyncls/asyncls/blob/main/docs/rules/README.md", DefaultConfiguration: config{Level: "error", Enabled: true}})
	}
	results := []result{}
	for _, d := range diags {
		loc := Locate(lines, d)
		res := result{RuleID: d.Code, RuleIndex: index[d.Code], Level: level(d.Severity), Message: msg{d.Message},
			Locations: []location{{PhysicalLocation: physical{ArtifactLocation: artifact{URI: sarifURI(d.Path)},
				Region: region{loc.Line, loc.Column, loc.EndLine, loc.EndColumn}}}}}
		for _, r := range d.Related {
			rd := rules.Diagnostic{Path: r.Path, Start: r.Start, End: r.End}
			rl := Locate(lines, rd)
			res.RelatedLocations = append(res.RelatedLocations, location{PhysicalLocation: physical{ArtifactLocation: artifact{URI: sarifURI(r.Path)},
				Region: region{rl.Line, rl.Column, rl.EndLine, rl.EndColumn}}, Message: &msg{r.Message}})
		}
		results = append(results, res)
	}
	doc := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name": "asyncls", "version": Version, "informationUri": "https://github.com/asyncls/asyncls", "rules": ruleList,
			}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// sarifURI is a path as SARIF's artifactLocation.uri wants it: a URI
// reference, so a space or % in a file name is percent-encoded and a first
// segment holding a colon (a:b.py) is not read as a scheme.
func sarifURI(path string) string {
	return (&url.URL{Path: filepath.ToSlash(path)}).String()
}
