package analysis

import "path/filepath"

// Interchangeable modules of one package often define the same
// module-level coroutine function, looked up by name and awaited by the
// package's driver (nvchecker's sources: `mod.get_version`, awaited by its
// FunctionWorker, defined `async def get_version` in each of 40 modules).
// One whose body happens not to await still implements the protocol and
// must stay a coroutine function (ASYNC124 asks). Each module contributes,
// by directory and name, its module-level coroutine functions that await to
// the project's name index (see UsesAsValue), so that the server's
// incremental updates and `check FILE` answer as a full check does.

// siblingCoroutineIndexPrefix marks the index entries of module-level
// coroutine functions that await, by name and directory.
const siblingCoroutineIndexPrefix = "sibling-coroutine:"

// SiblingCoroutineIndexKey is the project index's entry for a module-level
// coroutine function named name, defined (and awaiting) in a module of
// directory dir.
func SiblingCoroutineIndexKey(dir, name string) string {
	return siblingCoroutineIndexPrefix + name + "\x00" + dir
}

// Directory returns the directory holding the module's file: its
// siblings, the modules of one package (a directory without
// `__init__.py` too: nvchecker's nvchecker_source).
func (m *Module) Directory() string {
	return filepath.Dir(m.File.Path)
}

// addSiblingCoroutineKeys records, in out, the SiblingCoroutineIndexKey of
// each module-level coroutine function of m that awaits.
func (m *Module) addSiblingCoroutineKeys(out map[string]bool) {
	if m.IsPackage || m.File == nil || m.File.Path == "" {
		return
	}
	dir := m.Directory()
	for _, f := range m.Functions {
		if f.Parent == nil && f.Class == nil && !f.Lambda && len(f.Awaits) > 0 && f.IsCoroutineFunction() {
			out[SiblingCoroutineIndexKey(dir, f.Name)] = true
		}
	}
}
