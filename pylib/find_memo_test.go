package pylib

import (
	"strings"
	"testing"
)

// The memo must give what the tables give: every record's name, a method
// of each (wildcards, library bases), a parent and a fork's name, asked
// twice (the second answer comes from the memo).
func TestFindMemoAgreesWithTables(t *testing.T) {
	if !tablesComplete {
		t.Fatal("tablesComplete is unset after init: find never keeps its answers (zz_tables_complete.go must sort last)")
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
	for round := 0; round < 2; round++ {
		for _, name := range names {
			if got, want := find(name), findUncached(name); got != want {
				t.Fatalf("round %d: find(%q) = %v, tables give %v", round, name, got, want)
			}
		}
	}
}
