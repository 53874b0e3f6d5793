package analysis

import (
	"strings"
	"unsafe"
)

// A call `x._name(...)` whose receiver's type is unknown (an untyped attrs
// field, a parameter filled by callers) still names its method: when every
// definition of that private name in the project is a coroutine method, the
// call makes a coroutine whatever x is. Private names only: a library type
// plausibly provides a public method of any name, while `_name` is the
// project's own. Each module contributes its definitions of private names to
// the project's name index (see UsesAsValue), so that the server's
// incremental updates and `check FILE` answer as a full check does.

// coroutineMethodIndexPrefix marks the index entries of private names a
// module defines as a coroutine method (an `async def` in a class body that
// returns a coroutine: not an async generator, no unknown decorator).
const coroutineMethodIndexPrefix = "coroutine-method:"

// otherDefIndexPrefix marks the index entries of private names a module
// defines any other way: a sync def (method or function, at any depth), an
// async def that is not a plain coroutine function, a class-level
// assignment.
const otherDefIndexPrefix = "other-def:"

// syncMethodIndexPrefix and asyncMethodIndexPrefix mark the index entries
// of method names, public or private, that a module defines in a class
// body as a synchronous def (not a generator) or as an async def (or a def
// a decorator makes async): see DefinesOnlySyncMethod.
const (
	syncMethodIndexPrefix  = "sync-method:"
	asyncMethodIndexPrefix = "async-method:"
)

// PrivateName reports a name that starts with `_` and is not a dunder.
func PrivateName(name string) bool {
	return len(name) > 1 && name[0] == '_' && !(strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__"))
}

// addDefinitionKeys records, in out, the index entries of the private
// names m defines (see above).
func (m *Module) addDefinitionKeys(out map[string]bool) {
	for _, f := range m.Functions {
		if !f.Lambda && f.Class != nil && f.Parent == nil && f.Name != "" {
			switch {
			case f.Async || f.asyncCallable:
				out[asyncMethodIndexPrefix+f.Name] = true
			case !f.Generator:
				out[syncMethodIndexPrefix+f.Name] = true
			}
		}
		if f.Lambda || !PrivateName(f.Name) {
			continue
		}
		if f.Class != nil && f.Parent == nil && f.IsCoroutineFunction() {
			out[coroutineMethodIndexPrefix+f.Name] = true
		} else {
			out[otherDefIndexPrefix+f.Name] = true
		}
	}
	for _, c := range m.Classes {
		for name, b := range c.Scope.Bindings.All() {
			if b.Kind == BindAssign && PrivateName(name) {
				out[otherDefIndexPrefix+name] = true
			}
		}
	}
	// An attribute assigned anywhere (`self._write = out.write`) binds the
	// name on some object to any value.
	root := m.File.Root
	if root == nil {
		return
	}
	kinds := useKinds()
	src := m.File.Src
	nodes := unsafe.Slice(root, int(root.descendants())+1)
	for i := range nodes {
		n := &nodes[i]
		if k := int(n.kind()); k >= len(kinds) || kinds[k] != walkAttribute {
			continue
		}
		attr := n.ChildByField("attribute")
		if attr == nil || attr.End <= attr.Start || src[attr.Start] != '_' || !IsBindingTarget(n) {
			continue
		}
		if name := string(src[attr.Start:attr.End]); PrivateName(name) {
			out[otherDefIndexPrefix+name] = true
		}
	}
}

// IsBindingTarget reports whether n (a name, or an attribute such as
// `self._x`) is assigned to: an assignment target, a for target, a walrus
// name, an as-alias.
func IsBindingTarget(n *Node) bool {
	child := n
	for q := n.Parent(); q != nil; child, q = q, q.Parent() {
		switch q.Type() {
		case "pattern_list", "tuple_pattern", "list_pattern", "parenthesized_expression", "list_splat_pattern":
			continue
		case "tuple", "list", "expression_list":
			continue
		case "assignment", "augmented_assignment":
			return child.Field() == "left"
		case "for_statement", "for_in_clause":
			return child.Field() == "left"
		case "named_expression":
			return child.Field() == "name"
		case "as_pattern_target", "as_pattern":
			return child.Field() == "alias" || q.Type() == "as_pattern_target"
		default:
			return false
		}
	}
	return false
}

// OnlyCoroutineMethod reports whether the project defines the private name
// only as a coroutine method: at least one module defines it so, none any
// other way. usesAsValue answers the project-wide questions (nil:
// Project.UsesAsValue; a check passes one that records them, so that a
// check of part of a project can verify the answers later).
func (p *Project) OnlyCoroutineMethod(name string, usesAsValue func(key string) bool) bool {
	if usesAsValue == nil {
		usesAsValue = p.UsesAsValue
	}
	return PrivateName(name) && usesAsValue(coroutineMethodIndexPrefix+name) && !usesAsValue(otherDefIndexPrefix+name)
}

// DefinesOnlySyncMethod reports whether some class of the project defines
// a synchronous method of this name and none an async one: a call
// `x.name(...)` whose receiver's type is unknown may then be that method,
// and an `await` of another such call says only that it returns an
// awaitable, maybe one whose work starts at the call (an asyncio Future, a
// Twisted Deferred: `def do(self, ...): return iq_elt.send()`), not a
// coroutine that never runs unless awaited. usesAsValue as for
// OnlyCoroutineMethod.
func (p *Project) DefinesOnlySyncMethod(name string, usesAsValue func(key string) bool) bool {
	if usesAsValue == nil {
		usesAsValue = p.UsesAsValue
	}
	return usesAsValue(syncMethodIndexPrefix+name) && !usesAsValue(asyncMethodIndexPrefix+name)
}

// BindsPrivateName reports whether some module of the project defines or
// assigns the private name in any way (a method or function, a
// class-level binding, an attribute assignment such as `self._conn = ...`).
// A private attribute the project never binds is another object's: a
// library's internals (`session._connector` of an aiohttp session).
// usesAsValue as for OnlyCoroutineMethod: the answer depends on every
// module of the project, so a caller whose findings the cache keeps passes
// the recording one.
func (p *Project) BindsPrivateName(name string, usesAsValue func(key string) bool) bool {
	if usesAsValue == nil {
		usesAsValue = p.UsesAsValue
	}
	return PrivateName(name) && (usesAsValue(coroutineMethodIndexPrefix+name) || usesAsValue(otherDefIndexPrefix+name))
}

// UnknownProjectValue reports whether a qualified name is a path into a
// module of the project ("pkg.mod.Message.thread", an untyped attrs field)
// that denotes no function or class of the project: a value of unknown
// type, not a library's.
func (p *Project) UnknownProjectValue(qualified string) bool {
	if p == nil {
		return false
	}
	if s := p.Lookup(qualified); s.Func != nil || s.Class != nil {
		return false
	}
	for i := strings.LastIndexByte(qualified, '.'); i > 0; i = strings.LastIndexByte(qualified[:i], '.') {
		if p.byName[qualified[:i]] != nil {
			return true
		}
	}
	return false
}
