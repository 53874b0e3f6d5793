package pylib

import "strings"

// StrictLoopPlatform is a framework whose plug-ins run on one event loop
// the framework owns and shares with every other plug-in, and whose
// documented policy is that no blocking work runs on that loop, local file
// work included: a plug-in that reads its own small config file on the
// loop is a bug there, fixed upstream, while an application that owns its
// loop may keep such reads synchronous by choice. ASL201 reads this to
// decide whether chains through helpers that end in local file work are
// reported by default (`asl201-local-files` unset).
type StrictLoopPlatform struct {
	// Package is the top-level package its plug-ins import.
	Package string
	// Layouts are directory names under which its plug-ins live, for a
	// module of a plug-in that happens not to import the package itself
	// (its API client, its helpers).
	Layouts []string
	// Note says where the policy is documented.
	Note string
	// Detects, for a rule that is on by default only on this platform
	// (rules.Rule.DefaultOnStrictLoop), says which of the rule's calls
	// the platform itself reports (nil: all of them).
	Detects map[string]func(name string) bool
}

// StrictLoopPlatforms are the platforms asyncls knows to forbid blocking
// work of any kind on their loop.
var StrictLoopPlatforms = []StrictLoopPlatform{{
	Package: "homeassistant",
	Layouts: []string{"custom_components"},
	Note: "Home Assistant runs every integration on one shared loop; its developer docs (\"Blocking operations " +
		"in the event loop\") make open(), import_module(), os.listdir() and the like in a coroutine a bug, and since " +
		"2024.x its runtime detector reports them. Integrations live under custom_components/ (HACS) or " +
		"homeassistant/components/ (core, which imports homeassistant). Of ASYNC240's file-system calls its detector " +
		"reports the directory listings (listdir, scandir, walk, glob and the pathlib methods over them), not the " +
		"metadata calls (exists, stat, isfile, makedirs), which integrations keep on the loop in their fixes.",
	Detects: map[string]func(string) bool{"ASYNC240": ListsDirectory},
}}

// directoryListings are the file-system calls that list a directory (and
// Home Assistant's detector reports): os.listdir/scandir/walk, glob's
// functions and the pathlib methods built on them.
var directoryListings = map[string]bool{"os.listdir": true, "os.scandir": true, "os.walk": true, "os.fwalk": true,
	"glob.glob": true, "glob.iglob": true, "pathlib.Path.iterdir": true, "pathlib.Path.glob": true,
	"pathlib.Path.rglob": true, "pathlib.Path.walk": true}

// ListsDirectory reports a call (by qualified name) that lists a directory.
func ListsDirectory(name string) bool { return directoryListings[name] }

// StrictLoopDetects reports whether the strict-loop platform of a module
// reports the call name of rule code itself (see Detects); true when it
// says nothing narrower.
func StrictLoopDetects(code, name string) bool {
	for _, p := range StrictLoopPlatforms {
		if f := p.Detects[code]; f != nil && !f(name) {
			return false
		}
	}
	return true
}

// OnStrictLoop reports whether a module runs on a StrictLoopPlatform's
// loop: it imports the platform's package (imports are its qualified
// import names, as analysis.Module.ImportNames gives them), or its dotted
// name or file path lies under one of the platform's layouts.
func OnStrictLoop(imports []string, moduleName, path string) bool {
	for _, p := range StrictLoopPlatforms {
		if ImportsAny(imports, p.Package) {
			return true
		}
		for _, dir := range p.Layouts {
			if moduleName == dir || strings.HasPrefix(moduleName, dir+".") || strings.Contains(moduleName, "."+dir+".") {
				return true
			}
			slashed := "/" + strings.ReplaceAll(path, "\\", "/")
			if strings.Contains(slashed, "/"+dir+"/") {
				return true
			}
		}
	}
	return false
}

// CommandLineParsers are the libraries a command-line program parses its
// arguments with. A module that imports one is a command's own code: its
// coroutines run one command on a loop the command starts for itself.
var CommandLineParsers = []string{"argparse", "optparse", "getopt", "click", "asyncclick", "typer", "docopt", "fire", "cleo"}

// CommandLineModule reports a command-line program's own module: a
// package's `__main__.py`, or a module that imports one of
// CommandLineParsers (imports as analysis.Module.ImportNames gives them).
func CommandLineModule(imports []string, path string) bool {
	slashed := strings.ReplaceAll(path, "\\", "/")
	if slashed == "__main__.py" || strings.HasSuffix(slashed, "/__main__.py") {
		return true
	}
	return ImportsAny(imports, CommandLineParsers...)
}

// ImportsAny reports whether imports (qualified import names, as
// analysis.Module.ImportNames gives them) hold one of packages or a name
// inside it.
func ImportsAny(imports []string, packages ...string) bool {
	for _, imp := range imports {
		for _, p := range packages {
			if imp == p || strings.HasPrefix(imp, p+".") {
				return true
			}
		}
	}
	return false
}
