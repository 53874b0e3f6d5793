package analysis

import (
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// Values kept in a library's shared registry mapping (pylib.SharedMappings):
// one view stores `self.hass.data[DOMAIN]["game"] = game_state`, another
// reads `data = self.hass.data.get(DOMAIN, {})`, `game_state =
// data.get("game")` and calls `game_state.end_game()` (realbugs91 beatify).
// A read of such a mapping under a path of constant keys (string literals,
// or names of the module's own top level such as an imported `DOMAIN`)
// gives what the module stores under the same path, when the stored values
// agree. Only the module's own stores are read: the registry is shared by
// the whole application, but a read that another module's store answers
// would make this module's answer depend on modules a partial check does
// not hold; a path no store of the module writes stays unknown.

// maxRegistryHops bounds the names followed back to the read they are
// bound to (`data = hass.data.get(DOMAIN, {})`, `game = data.get("game")`).
const maxRegistryHops = 4

// registryPath peels item reads off n, outermost last: `x[k]`, `x.get(k)`,
// `x.get(k, default)`, `x.setdefault(k, default)`, and a local name bound
// once to such a read. It returns the expression under the reads and the
// keys, each as keyText gives it; ok is false when a key is not constant.
func (m *Module) registryPath(n *Node, hops int) (root *Node, keys []string, ok bool) {
	n = Unparen(n)
	if n == nil {
		return nil, nil, false
	}
	var key *Node
	var inner *Node
	switch n.Type() {
	case "subscript":
		subs := n.ChildrenByField("subscript")
		if len(subs) != 1 || subs[0].Type() == "slice" {
			return nil, nil, false
		}
		key, inner = subs[0], n.ChildByField("value")
	case "call":
		fn := n.ChildByField("function")
		if fn == nil || fn.Type() != "attribute" {
			return n, nil, true
		}
		switch m.File.Text(fn.ChildByField("attribute")) {
		case "get", "setdefault":
		default:
			return n, nil, true
		}
		args, plain := plainPositionalArgs(n)
		if !plain || len(args) < 1 || len(args) > 2 {
			return nil, nil, false
		}
		key, inner = args[0], fn.ChildByField("object")
	case "identifier":
		if hops >= maxRegistryHops {
			return n, nil, true
		}
		b, owner := m.ScopeAt(n).lookup(m.File.Text(n))
		if b == nil || owner == nil || owner.Kind != FunctionScope || b.Kind != BindAssign {
			return n, nil, true
		}
		v := m.boundDisplay(n)
		if v == nil || (v.Type() != "subscript" && v.Type() != "call") {
			return n, nil, true
		}
		r, ks, ok := m.registryPath(v, hops+1)
		if !ok || len(ks) == 0 {
			return n, nil, true
		}
		return r, ks, true
	default:
		return n, nil, true
	}
	k := m.keyText(key)
	if k == "" {
		return nil, nil, false
	}
	root, keys, ok = m.registryPath(inner, hops)
	if !ok {
		return nil, nil, false
	}
	return root, append(keys, k), true
}

// keyText is a constant key as text: a string literal, or a name (or a
// dotted attribute of a name) bound at the module's top level; "" for
// anything else.
func (m *Module) keyText(k *Node) string {
	k = Unparen(k)
	if s := StringConstant(m.File, k); s != "" {
		return "'" + s
	}
	head := k
	for head != nil && head.Type() == "attribute" {
		head = head.ChildByField("object")
	}
	if head == nil || head.Type() != "identifier" {
		return ""
	}
	_, owner := m.ScopeAt(head).lookup(m.File.Text(head))
	if owner == nil || owner.Kind != ModuleScope {
		return ""
	}
	return "=" + m.File.Text(k)
}

// registryStore is one assignment into an item path under constant keys
// (`x[k1][k2] = v`, `x.setdefault(k1, {})[k2] = v`, `d[k2] = v` with d a
// local name bound once to `x.get(k1, {})`): the expression under the reads,
// the keys joined, and the value stored.
type registryStore struct {
	root  *Node
	keys  string
	value *Node
}

// registryStores are the module's stores into item paths under constant
// keys, collected once from the tree alone (names are followed through
// the scopes, never resolved).
func (m *Module) registryStores() []registryStore {
	m.registryOnce.Do(func() {
		m.File.Root.Walk(func(c *Node) bool {
			if c.Type() != "assignment" {
				return true
			}
			left, right := Unparen(c.ChildByField("left")), c.ChildByField("right")
			if left == nil || left.Type() != "subscript" || right == nil {
				return true
			}
			if root, keys, ok := m.registryPath(left, 0); ok && len(keys) > 0 {
				m.registry = append(m.registry, registryStore{root, strings.Join(keys, "\x00"), right})
			}
			return true
		})
	})
	return m.registry
}

// registryValues returns the values the module stores into a shared
// registry mapping under the key path that read n names (see above); ok is
// false when n is no read of such a mapping under constant keys. The
// stores are matched by their keys first, so that a module without one
// under the read's keys resolves nothing.
func (m *Module) registryValues(n *Node, depth int) (values []*Node, ok bool) {
	if depth > maxResolveDepth {
		return nil, false
	}
	stores := m.registryStores()
	if len(stores) == 0 {
		return nil, false
	}
	root, keys, ok := m.registryPath(n, 0)
	if !ok || len(keys) == 0 {
		return nil, false
	}
	want := strings.Join(keys, "\x00")
	var matched []registryStore
	for _, s := range stores {
		if s.keys == want {
			matched = append(matched, s)
		}
	}
	if len(matched) == 0 || !m.sharedMapping(root, depth) {
		return nil, false
	}
	for _, s := range matched {
		if !m.sharedMappingLike(s.root, root, depth) {
			continue
		}
		values = append(values, s.value)
	}
	return values, len(values) > 0
}

// sharedMapping reports whether root is a library mapping that
// pylib.SharedMappings records.
func (m *Module) sharedMapping(root *Node, depth int) bool {
	r := m.resolve(root, depth+1)
	return r.Func == nil && r.Class == nil && pylib.SharedMappings[r.Name]
}

// sharedMappingLike reports whether store root r resolves to the same
// recorded registry as read root root.
func (m *Module) sharedMappingLike(r, root *Node, depth int) bool {
	if r == nil {
		return false
	}
	a, b := m.resolve(r, depth+1), m.resolve(root, depth+1)
	return a.Func == nil && a.Class == nil && a.Name == b.Name && pylib.SharedMappings[a.Name]
}
