package report

import "testing"

// SARIF's artifactLocation.uri is a URI reference: file names with a space,
// a % or a colon in the first segment are encoded, plain ones unchanged.
func TestSarifURI(t *testing.T) {
	for in, want := range map[string]string{
		"pkg/app.py":     "pkg/app.py",
		"my dir/a b.py":  "my%20dir/a%20b.py",
		"a,b:c%.py":      "./a,b:c%25.py",
		"/abs/path/x.py": "/abs/path/x.py",
		"src/c:d.py":     "src/c:d.py",
	} {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
