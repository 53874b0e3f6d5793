package rules

import (
	"testing"

	"github.com/asyncls/asyncls/internal/libnames"
)

// Library facts live in pylib, one record per API; a rule reads them
// through roles. A dotted name in a rule's code is a second list of library
// names, unless it is one of these (each with why it is not a library fact).
var allowedDottedNames = map[string]string{
	"builtins.":               "Python's builtins module: the language, not a library",
	"typing.NoReturn":         "typing syntax of an annotation",
	"typing.Never":            "typing syntax of an annotation",
	"typing_extensions.Never": "typing syntax of an annotation",
	"self.":                   "Python syntax: an attribute of self",
	"loop.create_task":        "a source-text shape (a receiver named loop), not a library API",
	"rules.callByNode":        "a memo key of this package",
	"asyncio.timeout":         "the API a message advises, looked up in pylib for its trio/anyio counterpart",
}

func TestRulesKeepNoLibraryNames(t *testing.T) {
	found, err := libnames.InDir(".", allowedDottedNames)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range found {
		t.Errorf("%s: a library name in a rule; give the API a role in pylib and read it from there "+
			"(or, if it is Python syntax, add it to allowedDottedNames with why)", l)
	}
}
