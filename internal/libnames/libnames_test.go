package libnames

import (
	"strings"
	"testing"
)

func TestInSource(t *testing.T) {
	src := `package rules
var R = &Rule{Notes: "asyncio.run() is fine here", Bad: "threading.Lock()"}
func f(name string) bool {
	return name == "asyncio.run" || strings.HasPrefix(name, "trio.") || name == "self." || name == "conftest.py" ||
		name == "typing.Optional[" || name == "plain" || name == "a b.c"
}`
	got, err := InSource("sample.go", src, map[string]string{"self.": "syntax"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`"asyncio.run"`, `"trio."`, `"typing.Optional["`}
	if len(got) != len(want) {
		t.Fatalf("found %v, want %v", got, want)
	}
	for i, w := range want {
		if !strings.HasSuffix(got[i], w) {
			t.Errorf("finding %d = %s, want %s", i, got[i], w)
		}
	}
	if _, err := InSource("bad.go", "package", nil); err == nil {
		t.Error("a file that does not parse gives no error")
	}
}
