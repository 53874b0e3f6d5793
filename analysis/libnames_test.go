package analysis

import (
	"testing"

	"github.com/asyncls/asyncls/internal/libnames"
)

// The semantic model reads library facts from pylib; what it spells out
// itself is Python: typing's special forms and generic containers as
// annotations write them, and its own memo keys.
var allowedDottedNames = map[string]string{
	"typing.Optional": "annotation syntax", "typing_extensions.Optional": "annotation syntax",
	"typing.Annotated": "annotation syntax", "typing_extensions.Annotated": "annotation syntax",
	"typing.Union": "annotation syntax", "typing_extensions.Union": "annotation syntax",
	"typing.TypeAlias": "annotation syntax (an alias declaration)", "typing_extensions.TypeAlias": "annotation syntax (an alias declaration)",
	"typing.Final": "annotation syntax (a qualifier, PEP 591)", "typing_extensions.Final": "annotation syntax (a qualifier, PEP 591)",
	"typing.ClassVar": "annotation syntax (a qualifier, PEP 526)", "typing_extensions.ClassVar": "annotation syntax (a qualifier, PEP 526)",
	"typing.Any": "annotation syntax (no type of its own)", "typing_extensions.Any": "annotation syntax (no type of its own)",
	"typing.Optional[":        "annotation syntax, as text",
	"typing.":                 "the typing module's generic aliases (List, Dict...)",
	"collections.abc.":        "the abstract containers of annotations (Mapping, Sequence...)",
	"collections.defaultdict": "a generic container of annotations", "collections.OrderedDict": "a generic container of annotations",
	"collections.deque":    "a generic container of annotations",
	"analysis.importNames": "a memo key of this package",
	"builtins.":            "Python's builtins module: the language, not a library",
	"pyproject.toml":       "a file that declares the project's dependencies (requirements.go), not a module",
	"setup.cfg":            "a file that declares the project's dependencies (requirements.go), not a module",
}

func TestAnalysisKeepsNoLibraryNames(t *testing.T) {
	found, err := libnames.InDir(".", allowedDottedNames)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range found {
		t.Errorf("%s: a library name in the semantic model; give the API a role in pylib and read it from there "+
			"(or, if it is Python syntax, add it to allowedDottedNames with why)", l)
	}
}
