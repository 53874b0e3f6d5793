package server

import (
	"testing"

	"github.com/asyncls/asyncls/analysis"
)

// "Disable CODE for this line" is not offered where the comment would be
// string content (a line ending inside a triple-quoted string) or follow a
// backslash continuation (a syntax error); elsewhere it appends one.
func TestNoqaEditSkipsStringsAndContinuations(t *testing.T) {
	src := "async def f():\n" +
		"    g(\"\"\"\n" + // line 1: ends inside a string
		"    \"\"\")\n" +
		"    x = g() + \\\n" + // line 3: backslash continuation
		"        1\n" +
		"    g()\n" // line 5: plain
	f := analysis.Parse("a.py", []byte(src))
	s := &Server{}
	for line, want := range map[int]bool{1: false, 3: false, 5: true} {
		edit, ok := s.noqaEdit(f, line, "ASL102")
		if ok != want {
			t.Errorf("line %d: offered %v (%+v), want %v", line, ok, edit, want)
		}
		if ok && edit.NewText != "  # noqa: ASL102" {
			t.Errorf("line %d: edit %+v", line, edit)
		}
	}
}
