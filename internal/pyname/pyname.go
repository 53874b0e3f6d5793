// Package pyname resolves Python module names for both the semantic model
// (analysis) and the simulator (loopsim), which does not import analysis.
package pyname

import "strings"

// Relative returns the absolute name of a relative import's module (dots
// leading dots, then rest, "" for none) written in the module named name,
// a package's __init__ when isPackage. ok is false when the dots climb
// above the top-level package (Python's "attempted relative import beyond
// top-level package"). The name is "" for `from . import x` in a top-level
// module that is no package.
func Relative(name string, isPackage bool, dots int, rest string) (string, bool) {
	var parts []string
	if name != "" {
		parts = strings.Split(name, ".")
	}
	if !isPackage && len(parts) > 0 {
		parts = parts[:len(parts)-1]
	}
	up := dots - 1
	if up > len(parts) {
		return "", false
	}
	base := strings.Join(parts[:len(parts)-up], ".")
	switch {
	case base == "":
		return rest, true
	case rest == "":
		return base, true
	default:
		return base + "." + rest, true
	}
}
