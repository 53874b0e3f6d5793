package report

import (
	"strings"
	"testing"
)

// DiffLines must be an edit script: the kept and removed lines are the old
// text, the kept and added lines the new one, and the line numbers count them.
func TestDiffLinesIsAnEditScript(t *testing.T) {
	cases := [][2]string{
		{"a\nb\nc\n", "a\nB\nc\n"},
		{"def f():\n    x()\n", "\nimport y\n\ndef f():\n    y = x()\n    z(y)\n"},
		{"", "new\n"},
		{"old\n", ""},
		{"same\n", "same\n"},
		{"no newline", "no newline\nat end"},
	}
	for _, c := range cases {
		x, y := SplitKeep(c[0]), SplitKeep(c[1])
		var oldText, newText strings.Builder
		oldNo, newNo := 1, 1
		changed := false
		for _, op := range DiffLines(x, y) {
			if op.OldLine != oldNo || op.NewLine != newNo {
				t.Errorf("%q -> %q: op %+v numbered wrong (want %d/%d)", c[0], c[1], op, oldNo, newNo)
			}
			if op.Kind != '+' {
				oldText.WriteString(op.Text)
				oldNo++
			}
			if op.Kind != '-' {
				newText.WriteString(op.Text)
				newNo++
			}
			changed = changed || op.Kind != ' '
		}
		if oldText.String() != c[0] || newText.String() != c[1] {
			t.Errorf("%q -> %q: script rebuilds %q -> %q", c[0], c[1], oldText.String(), newText.String())
		}
		if changed != (c[0] != c[1]) {
			t.Errorf("%q -> %q: changed = %v", c[0], c[1], changed)
		}
	}
	// The kept line between two insertions is kept, not removed and re-added.
	ops := DiffLines([]string{"def f():", "    x()"}, []string{"", "import y", "def f():", "    y = x()"})
	if ops[2].Kind != ' ' || ops[2].Text != "def f():" {
		t.Errorf("ops %+v", ops)
	}
}
