package pylib

import (
	"sort"
	"strings"
	"sync"
)

// Which library classes the tables record a method of as a coroutine
// function, by method name: the question asked of a receiver whose class
// the model cannot name (an unannotated parameter filled by a framework,
// `db=Depends(get_db)` with get_db outside the run), when the module
// awaits several of its methods. Only a class's own records count, not a
// record of all its methods ("T.*") nor what it inherits from a library
// base, so a class is an owner only of methods the tables name for it.

var (
	ownersOnce sync.Once
	// coroutineMethodsOf maps a class to the methods the tables record as
	// its coroutine functions; otherMethodsOf to the methods they record
	// for it with no coroutine role.
	coroutineMethodsOf, otherMethodsOf map[string]map[string]bool
)

func buildMethodOwners() {
	coroutineMethodsOf = map[string]map[string]bool{}
	otherMethodsOf = map[string]map[string]bool{}
	for name, a := range apis {
		i := strings.LastIndexByte(name, '.')
		if i <= 0 || i == len(name)-1 {
			continue
		}
		typ, method := name[:i], name[i+1:]
		j := strings.LastIndexByte(typ, '.')
		// A class, not a module: its last part starts with a capital.
		if j < 0 || typ[j+1] < 'A' || typ[j+1] > 'Z' || method == "*" || isDunder(method) {
			continue
		}
		into := otherMethodsOf
		if a.Roles&Coroutine != 0 {
			into = coroutineMethodsOf
		}
		if into[typ] == nil {
			into[typ] = map[string]bool{}
		}
		into[typ][method] = true
	}
}

// CoroutineMethodOwners returns, sorted, the library classes the tables
// record every one of methods for as a coroutine function; nil for no
// method.
func CoroutineMethodOwners(methods ...string) []string {
	if len(methods) == 0 {
		return nil
	}
	ownersOnce.Do(buildMethodOwners)
	var owners []string
	for typ, ms := range coroutineMethodsOf {
		all := true
		for _, m := range methods {
			if !ms[m] {
				all = false
				break
			}
		}
		if all {
			owners = append(owners, typ)
		}
	}
	sort.Strings(owners)
	return owners
}

// RecordsMethodOtherThanCoroutine reports whether the tables record
// typ.method without the coroutine role (a synchronous method, a property,
// a method returning a future...).
func RecordsMethodOtherThanCoroutine(typ, method string) bool {
	ownersOnce.Do(buildMethodOwners)
	return otherMethodsOf[typ][method]
}
