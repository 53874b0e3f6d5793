package loopsim

import "strings"

// unboundTypes are builtin types whose methods may be read unbound
// (`key=str.lower`, `map(str.strip, lines)`, `dict.fromkeys(keys)`).
var unboundTypes = map[string]bool{"str": true, "bytes": true, "list": true, "dict": true, "set": true, "tuple": true, "int": true, "float": true}

// unboundPrefix marks a Builtin that is a type's method read unbound: the
// first argument is the receiver.
const unboundPrefix = "unbound:"

// callUnbound calls str.lower(x) as x.lower(), and dict.fromkeys.
func (c *ctx) callUnbound(q string, args []Value, kws []kwarg, p Pos) (Value, error) {
	typ, name, _ := strings.Cut(strings.TrimPrefix(q, unboundPrefix), ".")
	if typ == "dict" && name == "fromkeys" {
		if len(args) == 0 || len(args) > 2 {
			return nil, newExc("TypeError", "fromkeys expected 1 or 2 arguments (line %d)", p.Line)
		}
		if isUnknown(args[0]) {
			return unknownOf("dict.fromkeys", args[0]), nil
		}
		keys, err := c.toList(args[0], p)
		if err != nil {
			return nil, err
		}
		var v Value
		if len(args) == 2 {
			v = args[1]
		}
		c.allocate(int64(len(keys)), "a dict", p)
		d := &Dict{}
		for _, k := range keys {
			d.set(k, v)
		}
		return d, nil
	}
	if len(args) == 0 {
		return nil, newExc("TypeError", "unbound method %s.%s() needs an argument (line %d)", typ, name, p.Line)
	}
	m, err := c.getAttr(nil, args[0], name, p)
	if err != nil {
		return nil, err
	}
	return c.call(m, args[1:], kws, p)
}

// callPathOrCopy implements the pure string functions of os.path (POSIX),
// types.SimpleNamespace and copy.copy/deepcopy. ok is false for other
// names.
func (c *ctx) callPathOrCopy(q string, args []Value, kws []kwarg, p Pos) (Value, bool, error) {
	switch q {
	case "types.SimpleNamespace":
		if len(args) > 0 {
			return nil, false, nil
		}
		attrs := map[string]Value{}
		for _, kw := range kws {
			attrs[kw.Name] = kw.Value
		}
		return &Instance{Class: simpleNamespace, Attrs: attrs}, true, nil
	case "copy.copy", "copy.deepcopy":
		if len(args) != 1 {
			return nil, false, nil
		}
		if isUnknown(args[0]) {
			return unknownOf(q, args[0]), true, nil
		}
		v, ok := c.copyValue(args[0], q == "copy.deepcopy", map[any]Value{}, p)
		return v, ok, nil
	}
	if !strings.HasPrefix(q, "os.path.") {
		return nil, false, nil
	}
	var strs []string
	for _, a := range args {
		s, ok := a.(string)
		if !ok {
			if isUnknown(a) {
				return unknownOf(q, a), true, nil
			}
			return nil, false, nil
		}
		strs = append(strs, s)
	}
	if len(kws) > 0 || len(strs) == 0 {
		return nil, false, nil
	}
	s := strs[0]
	switch q {
	case "os.path.join":
		out := s
		for _, part := range strs[1:] {
			switch {
			case strings.HasPrefix(part, "/"):
				out = part
			case out == "" || strings.HasSuffix(out, "/"):
				out += part
			default:
				out += "/" + part
			}
		}
		return out, true, nil
	case "os.path.basename":
		return s[strings.LastIndexByte(s, '/')+1:], true, nil
	case "os.path.dirname":
		return pathHead(s), true, nil
	case "os.path.split":
		return &List{Kind: "tuple", Elems: []Value{pathHead(s), s[strings.LastIndexByte(s, '/')+1:]}}, true, nil
	case "os.path.splitext":
		root, ext := splitExt(s)
		return &List{Kind: "tuple", Elems: []Value{root, ext}}, true, nil
	case "os.path.isabs":
		return strings.HasPrefix(s, "/"), true, nil
	}
	return nil, false, nil
}

var simpleNamespace = &Class{Name: "SimpleNamespace", Attrs: map[string]Value{}}

// pathHead is posixpath.split's head: up to the last slash, trailing
// slashes removed unless it is all slashes.
func pathHead(s string) string {
	head := s[:strings.LastIndexByte(s, '/')+1]
	if trimmed := strings.TrimRight(head, "/"); trimmed != "" {
		return trimmed
	}
	return head
}

// splitExt is posixpath.splitext: the extension starts at the last dot of
// the last component, unless the component's leading dots are all before it.
func splitExt(s string) (string, string) {
	sep := strings.LastIndexByte(s, '/')
	dot := strings.LastIndexByte(s, '.')
	if dot > sep {
		for i := sep + 1; i < dot; i++ {
			if s[i] != '.' {
				return s[:dot], s[dot:]
			}
		}
	}
	return s, ""
}

// copyValue is copy.copy (deep false) or copy.deepcopy of v; memo keeps
// shared and cyclic references as in CPython. ok is false for values it
// cannot copy faithfully.
func (c *ctx) copyValue(v Value, deep bool, memo map[any]Value, p Pos) (Value, bool) {
	if done, ok := memo[v]; ok && v != nil {
		return done, true
	}
	item := func(e Value) (Value, bool) {
		if !deep {
			return e, true
		}
		return c.copyValue(e, true, memo, p)
	}
	switch x := v.(type) {
	case nil, bool, int64, float64, string, *FuncVal, *Builtin, *Class:
		return v, true
	case *Bytes:
		if !x.Mutable {
			return v, true
		}
		c.allocate(int64(len(x.B))/16, "a bytearray", p)
		return &Bytes{B: append([]byte(nil), x.B...), Mutable: true}, true
	case *List:
		if x.Iter {
			return nil, false
		}
		if x.Kind == "tuple" && !deep {
			return v, true
		}
		c.allocate(int64(len(x.Elems)), "a "+x.Kind, p)
		out := &List{Kind: x.Kind, Deque: x.Deque}
		memo[v] = out
		for _, e := range x.Elems {
			ce, ok := item(e)
			if !ok {
				return nil, false
			}
			out.Elems = append(out.Elems, ce)
		}
		return out, true
	case *Dict:
		c.allocate(int64(len(x.Keys)), "a dict", p)
		out := &Dict{Factory: x.Factory, Counter: x.Counter}
		memo[v] = out
		for i, k := range x.Keys {
			cv, ok := item(x.Vals[i])
			if !ok {
				return nil, false
			}
			out.set(k, cv)
		}
		return out, true
	case *Instance:
		for _, m := range []string{"__copy__", "__deepcopy__", "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__"} {
			if _, has := x.Class.lookup(m); has {
				return nil, false
			}
		}
		if x.Class.Members != nil {
			return v, true // enum members are singletons
		}
		out := &Instance{Class: x.Class, Attrs: map[string]Value{}}
		memo[v] = out
		for k, a := range x.Attrs {
			ca, ok := item(a)
			if !ok {
				return nil, false
			}
			out.Attrs[k] = ca
		}
		return out, true
	}
	return nil, false
}
