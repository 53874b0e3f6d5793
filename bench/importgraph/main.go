// Command importgraph measures how a directory's modules are connected by
// imports, as `asyncls check` would resolve them (one project, the
// directory as its root): how many import-connected components there are
// and how many lines the largest holds, how much of the project is library
// code any module may look names up in (modules named like a library
// asyncls has facts about or a builtin, with what they import), and how
// large one module's import closure is. It answers whether a check could
// hold only part of a project's models at a time (docs/performance.md,
// "Memory").
//
// With -scan, the imports are read by analysis.ScanImports instead of the
// parser (the graph a check could know before building any model).
//
//	go run ./bench/importgraph [-scan] /work/corpus/src
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/pylib"
)

func main() {
	scan := flag.Bool("scan", false, "read imports with analysis.ScanImports, not the parser")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: importgraph [-scan] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	cfg := config.Default()
	files, _ := lint.Collect([]string{dir}, cfg)
	var sources []lint.Source
	for _, f := range files {
		if data, err := lint.ReadSource(f, cfg.MaxBytes()); err == nil && analysis.CheckSource(data) == nil {
			sources = append(sources, lint.Source{Path: f, Src: data})
		}
	}
	var paths []string
	for _, s := range sources {
		paths = append(paths, s.Path)
	}
	layout := analysis.NewLayout(dir, paths)
	n := len(sources)
	imports := make([][]string, n)
	names := make([]string, n)
	lines := make([]int, n)
	total := 0
	for i, s := range sources {
		if *scan {
			naming := layout.Naming(s.Path)
			imports[i], names[i] = analysis.ScanImports(s.Src, naming), naming.Name
		} else {
			m := lint.BuildModule(layout, s.Path, s.Src)
			imports[i], names[i] = m.ImportNames(), m.Name
		}
		lines[i] = bytes.Count(s.Src, []byte{'\n'})
		total += lines[i]
	}
	g := newGraph(layout, sources)

	// Modules any module may look names up in without importing them.
	hub := make([]bool, n)
	var queue []int
	roots := pylib.Roots()
	for _, nm := range g.names {
		if !strings.Contains(nm, ".") && (roots[nm] || analysis.IsBuiltin(nm)) {
			queue = append(queue, g.imported(nm)...)
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		if !hub[i] {
			hub[i] = true
			for _, q := range imports[i] {
				queue = append(queue, g.imported(q)...)
			}
		}
	}
	hubLines := 0
	for i := range hub {
		if hub[i] {
			hubLines += lines[i]
		}
	}

	components := func(skipHub bool) []int {
		parent := make([]int, n)
		for i := range parent {
			parent[i] = i
		}
		find := func(i int) int {
			for parent[i] != i {
				parent[i] = parent[parent[i]]
				i = parent[i]
			}
			return i
		}
		for i := range sources {
			if skipHub && hub[i] {
				continue
			}
			for _, q := range append(imports[i], names[i]) {
				for _, j := range g.imported(q) {
					if !(skipHub && hub[j]) {
						parent[find(i)] = find(j)
					}
				}
			}
		}
		size := map[int]int{}
		for i := range sources {
			if !(skipHub && hub[i]) {
				size[find(i)] += lines[i]
			}
		}
		var out []int
		for _, s := range size {
			out = append(out, s)
		}
		sort.Sort(sort.Reverse(sort.IntSlice(out)))
		return out
	}
	largest := func(s []int) []int { return s[:min(5, len(s))] }

	var closures []int
	for i := range sources {
		seen := map[int]bool{i: true}
		queue := []int{i}
		sum := 0
		for len(queue) > 0 {
			k := queue[0]
			queue = queue[1:]
			sum += lines[k]
			for _, q := range append(imports[k], names[k]) {
				for _, j := range g.imported(q) {
					if !seen[j] {
						seen[j] = true
						queue = append(queue, j)
					}
				}
			}
		}
		closures = append(closures, sum)
	}
	sort.Ints(closures)

	importedBy := make([]bool, n)
	for i := range sources {
		for _, q := range imports[i] {
			for _, j := range g.imported(q) {
				if j != i {
					importedBy[j] = true
				}
			}
		}
	}
	sinkLines, sinks := 0, 0
	for i := range sources {
		if !importedBy[i] && !hub[i] {
			sinkLines += lines[i]
			sinks++
		}
	}
	all := components(false)
	rest := components(true)
	fmt.Printf("%d modules, %d lines\n", n, total)
	fmt.Printf("import-connected components: %d, largest (lines): %v\n", len(all), largest(all))
	fmt.Printf("library-named modules and their imports: %d lines (%.0f%%)\n", hubLines, pct(hubLines, total))
	fmt.Printf("components of the rest: %d, largest (lines): %v\n", len(rest), largest(rest))
	fmt.Printf("modules no other module imports (not library-named): %d, %d lines (%.0f%%)\n", sinks, sinkLines, pct(sinkLines, total))
	fmt.Printf("one module's import closure (lines): median %d (%.0f%%), 90th percentile %d (%.0f%%), largest %d (%.0f%%)\n",
		closures[n/2], pct(closures[n/2], total), closures[n*9/10], pct(closures[n*9/10], total), closures[n-1], pct(closures[n-1], total))
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(b) }

// graph finds the modules an imported name may denote, as lint's scoped
// check does (analysis.Project looks modules up by name and alias; a
// package's name reaches its submodules).
type graph struct {
	byName map[string][]int
	names  []string
}

func newGraph(layout *analysis.Layout, sources []lint.Source) *graph {
	g := &graph{byName: map[string][]int{}}
	for i, s := range sources {
		name, _, aliases := layout.ModuleName(s.Path)
		for _, nm := range append([]string{name}, aliases...) {
			if nm != "" {
				g.byName[nm] = append(g.byName[nm], i)
			}
		}
	}
	for nm := range g.byName {
		g.names = append(g.names, nm)
	}
	sort.Strings(g.names)
	return g
}

func (g *graph) imported(q string) []int {
	var out []int
	for k := 0; k <= len(q); k++ {
		if k == len(q) || q[k] == '.' {
			out = append(out, g.byName[q[:k]]...)
		}
	}
	prefix := q + "."
	for j := sort.SearchStrings(g.names, prefix); j < len(g.names) && strings.HasPrefix(g.names[j], prefix); j++ {
		out = append(out, g.byName[g.names[j]]...)
	}
	return out
}
