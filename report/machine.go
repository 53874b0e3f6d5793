package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/asyncls/asyncls/rules"
)

// writeJSONLines prints one JSON object per finding and line, for streaming tools.
func writeJSONLines(w io.Writer, diags []rules.Diagnostic, lines Lines) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range diags {
		if err := enc.Encode(toJSON(d, lines)); err != nil {
			return err
		}
	}
	return nil
}

// writeGitLab prints a GitLab code quality report (artifacts:reports:codequality).
func writeGitLab(w io.Writer, diags []rules.Diagnostic, lines Lines) error {
	type glLines struct {
		Begin int `json:"begin"`
		End   int `json:"end"`
	}
	type glLocation struct {
		Path  string  `json:"path"`
		Lines glLines `json:"lines"`
	}
	type glIssue struct {
		Description string     `json:"description"`
		CheckName   string     `json:"check_name"`
		Fingerprint string     `json:"fingerprint"`
		Severity    string     `json:"severity"`
		Location    glLocation `json:"location"`
	}
	out := make([]glIssue, 0, len(diags))
	seen := map[string]int{}
	for _, d := range diags {
		loc := Locate(lines, d)
		// The fingerprint must survive unrelated edits that move the line, so it
		// hashes what the finding is and the text of its line, not the line
		// number; repeats on identical lines are told apart by their order.
		lineText := ""
		if li := lines(d.Path); li != nil {
			lineText = strings.TrimSpace(li.LineText(d.Start.Line))
		}
		key := filepath.ToSlash(d.Path) + "\x00" + d.Code + "\x00" + d.Message + "\x00" + lineText
		seen[key]++
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, seen[key])))
		sev := "minor"
		switch d.Severity {
		case rules.Error:
			sev = "major"
		case rules.Info, rules.Hint:
			sev = "info"
		}
		out = append(out, glIssue{Description: d.Code + " " + d.Message, CheckName: d.Code, Fingerprint: hex.EncodeToString(sum[:16]),
			Severity: sev, Location: glLocation{Path: filepath.ToSlash(d.Path), Lines: glLines{loc.Line, loc.EndLine}}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeJUnit prints JUnit XML: one test suite per file, one failed test
// case per finding (CI systems show them as test failures); a clean run is
// one passing test case.
func writeJUnit(w io.Writer, diags []rules.Diagnostic, lines Lines) error {
	type failure struct {
		Message string `xml:"message,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		Line      int      `xml:"line,attr,omitempty"`
		Column    int      `xml:"column,attr,omitempty"`
		Failure   *failure `xml:"failure,omitempty"`
	}
	type testsuite struct {
		Name      string     `xml:"name,attr"`
		Tests     int        `xml:"tests,attr"`
		Failures  int        `xml:"failures,attr"`
		Errors    int        `xml:"errors,attr"`
		Testcases []testcase `xml:"testcase"`
	}
	type testsuites struct {
		XMLName  xml.Name    `xml:"testsuites"`
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Suites   []testsuite `xml:"testsuite"`
	}
	doc := testsuites{Name: "asyncls", Tests: len(diags), Failures: len(diags)}
	index := map[string]int{}
	for _, d := range diags {
		loc := Locate(lines, d)
		path := filepath.ToSlash(d.Path)
		i, ok := index[path]
		if !ok {
			i = len(doc.Suites)
			index[path] = i
			doc.Suites = append(doc.Suites, testsuite{Name: path})
		}
		s := &doc.Suites[i]
		s.Tests++
		s.Failures++
		s.Testcases = append(s.Testcases, testcase{Name: "asyncls." + d.Code, Classname: path, Line: loc.Line, Column: loc.Column,
			Failure: &failure{Message: d.Message, Text: fmt.Sprintf("line %d, col %d, %s", loc.Line, loc.Column, d.Message)}})
	}
	if len(diags) == 0 {
		doc.Tests = 1
		doc.Suites = []testsuite{{Name: "asyncls", Tests: 1, Testcases: []testcase{{Name: "No problems found", Classname: "asyncls"}}}}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
