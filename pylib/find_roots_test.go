package pylib

import (
	"strings"
	"testing"
)

// find's root filter must give what the tables give: every record's name, a method
// of each (wildcards, library bases), a parent and a fork's name, a project name.
func TestFindRootFilterAgreesWithTables(t *testing.T) {
	if knownRoots == nil {
		t.Fatal("knownRoots is unset after init (zz_tables_complete.go must sort last)")
	}
	var names []string
	for name := range apis {
		base := strings.TrimSuffix(name, ".*")
		names = append(names, name, base, base+".send", base+"._private", base+".__aenter__")
		if i := strings.LastIndexByte(base, '.'); i > 0 {
			names = append(names, base[:i], base[:i]+".objects.aget")
		}
	}
	for fork := range Forks {
		names = append(names, fork+".Client.start", fork)
	}
	for cls := range LibraryBases {
		names = append(names, cls+".execute", cls+".fetchall")
	}
	names = append(names, "app.models.User.save", "print", "")
	for _, name := range names {
		if got, want := find(name), findUncached(name); got != want {
			t.Fatalf("find(%q) = %v, tables give %v", name, got, want)
		}
	}
	// Every record is found through the filter.
	for name, a := range apis {
		if find(name) != a {
			t.Fatalf("find(%q) misses its own record", name)
		}
	}
}
