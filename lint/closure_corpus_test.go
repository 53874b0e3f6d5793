package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

// TestValueKeysWithinClosure checks, on the corpus named by
// ASYNCLS_CORPUS (skipped without it), what a check that does not hold
// every module at once would rely on (docs/performance.md, "Memory"): a
// value key naming a module of the project (a qualified name, or a
// SyncCalleeIndexKey's path) is recorded only by modules that may look
// names up in that module (importGraph, as the cache judges it), so the
// answers about a module's own names come from the modules that may ask
// about it. Keys of bare method names (task entries, ASL102's private
// methods) are project-wide by nature; the test logs how many there are,
// and which questions the default rules ask (rules.CheckRecorded). The
// same holds of ASL106's thread hand-offs: each target is a function of a
// module the handing module may look names up in (rules.HandOffTargets);
// and of the sync overrides of async methods: each overriding subclass is
// in a module that may look names up in the method's
// (analysis.Project.SyncOverriders).
//
//	ASYNCLS_CORPUS=/work/corpus/src go test ./lint -run ValueKeysWithinClosure -v
func TestValueKeysWithinClosure(t *testing.T) {
	dir := os.Getenv("ASYNCLS_CORPUS")
	if dir == "" {
		t.Skip("ASYNCLS_CORPUS not set")
	}
	dir, _ = filepath.Abs(dir)
	res := Check(Request{Paths: []string{dir}, Configs: NewConfigs(nil, nil), KeepModules: true})
	var mods []*analysis.Module
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".py") {
			if m := res.Module(p); m != nil {
				mods = append(mods, m)
			}
		}
		return nil
	})
	if len(mods) == 0 {
		t.Fatalf("no module in %s", dir)
	}
	names := make([][]string, len(mods))
	imports := make([][]string, len(mods))
	values := make([][]string, len(mods))
	ownNames := make([][]string, len(mods))
	byName := map[string][]int{}
	for i, m := range mods {
		s := summarise(m)
		names[i], imports[i], values[i], ownNames[i] = append([]string{m.Name}, m.Aliases...), s.Imports, s.ValueNames, s.OwnNames
		for _, n := range names[i] {
			if n != "" {
				byName[n] = append(byName[n], i)
			}
		}
	}
	direct, _ := importGraph(names, imports, ownNames)
	closure := func(start int) map[int]bool {
		seen := map[int]bool{start: true}
		for queue := []int{start}; len(queue) > 0; queue = queue[1:] {
			for _, j := range direct[queue[0]] {
				if !seen[j] {
					seen[j] = true
					queue = append(queue, j)
				}
			}
		}
		return seen
	}
	// definers: the modules named by the longest prefix of key that names one.
	definers := func(key string) []int {
		parts := strings.Split(key, ".")
		for n := len(parts) - 1; n >= 1; n-- {
			if ms := byName[strings.Join(parts[:n], ".")]; len(ms) > 0 {
				return ms
			}
		}
		return nil
	}
	prefixes := map[string]int{}
	var keys, bare, library, within, outside int
	for u := range mods {
		reach := closure(u)
		for _, key := range values[u] {
			keys++
			if i := strings.Index(key, ":"); i >= 0 {
				prefixes[key[:i]]++
				if key[:i] != "sync-callee" {
					bare++
					continue
				}
				key = key[i+1:]
			}
			ds := definers(key)
			if len(ds) == 0 {
				library++
				continue
			}
			in := false
			for _, d := range ds {
				in = in || reach[d]
			}
			if in {
				within++
			} else {
				outside++
				if outside <= 10 {
					t.Errorf("%s records %q, but may not look names up in %s", mods[u].Name, key, mods[ds[0]].Name)
				}
			}
		}
	}
	t.Logf("%d modules, %d value keys (by prefix: %v): %d of bare method names, %d naming no module of the project, %d naming one the recording module may look names up in, %d another", len(mods), keys, prefixes, bare, library, within, outside)

	proj := analysis.NewProject(dir, mods)
	cfg := config.Default()
	asked, asking, yes := map[string]int{}, map[string]int{}, map[string]int{}
	threads, overrides := 0, 0
	for _, m := range mods {
		_, rec := rules.CheckRecorded(m, proj, cfg.Options(m.File.Path))
		kinds := map[string]bool{}
		for key, answer := range rec.ValueQueries {
			kind := "qualified"
			if i := strings.Index(key, ":"); i >= 0 {
				kind = key[:i]
			}
			asked[kind]++
			kinds[kind] = true
			if answer {
				yes[kind]++
			}
		}
		for k := range kinds {
			asking[k]++
		}
		if rec.ThreadFunctions {
			threads++
		}
		if len(rec.OverrideQueries) > 0 {
			overrides++
		}
	}
	t.Logf("default rules: value questions %v asked by %v modules (answered yes: %v); %d modules use the project's thread functions, %d ask about sync overrides", asked, asking, yes, threads, overrides)

	// ASL106's thread functions start from hand-offs: each names its
	// target, so the target's module should be one the handing module may
	// look names up in (the rest of the set is what those targets call,
	// within their own modules' closures).
	index := map[*analysis.Module]int{}
	for i, m := range mods {
		index[m] = i
	}
	var handoffs, handoffsOutside, handers int
	for u, m := range mods {
		targets := rules.HandOffTargets(m, proj, cfg.Options(m.File.Path))
		if len(targets) > 0 {
			handers++
		}
		reach := closure(u)
		for _, f := range targets {
			handoffs++
			if d, ok := index[f.Module()]; ok && !reach[d] {
				handoffsOutside++
				if handoffsOutside <= 10 {
					t.Errorf("%s hands %s to a thread, but may not look names up in %s", m.Name, f.FullName(), f.Module().Name)
				}
			}
		}
	}
	t.Logf("thread hand-offs: %d from %d modules, %d to a module outside the handing module's closure", handoffs, handers, handoffsOutside)

	// An async method overridden by a sync member: the subclass names its
	// base, so the base's module should be one the subclass's module may
	// look names up in.
	var methods, overridden, overriders, overridersOutside int
	for d, m := range mods {
		for _, f := range m.Functions {
			if f.Class == nil || !f.Async {
				continue
			}
			methods++
			cs := proj.SyncOverriders(f)
			if len(cs) > 0 {
				overridden++
			}
			for _, c := range cs {
				overriders++
				if u, ok := index[c.Module()]; ok && !closure(u)[d] {
					overridersOutside++
					if overridersOutside <= 10 {
						t.Errorf("%s overrides %s with a sync member, but %s may not look names up in %s", c.FullName(), f.FullName(), c.Module().Name, m.Name)
					}
				}
			}
		}
	}
	t.Logf("sync overrides: %d of %d async methods overridden by %d subclasses, %d outside the subclass's module's closure", overridden, methods, overriders, overridersOutside)
}
