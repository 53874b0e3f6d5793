package loopsim

import (
	"html"
	"strings"
)

// unboundTypes are builtin types whose methods may be read unbound
// (`key=str.lower`, `map(str.strip, lines)`, `dict.fromkeys(keys)`).
var unboundTypes = map[string]bool{"str": true, "bytes": true, "list": true, "dict": true, "set": true, "tuple": true, "int": true, "float": true}

// unboundPrefix marks a Builtin that is a type's method read unbound: the
// first argument is the receiver.
const unboundPrefix = "unbound:"

// callUnbound calls str.lower(x) as x.lower(), and dict.fromkeys.
func (c *ctx) callUnbound(q string, args []Value, kws []kwarg, p Pos) (Value, error) {
	typ, name, _ := strings.Cut(strings.TrimPrefix(q, unboundPrefix), ".")
	if typ == "str" && name == "maketrans" {
		return strMaketrans(args, p)
	}
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
	if v, ok := htmlCall(q, args, kws); ok {
		return v, true, nil
	}
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

func init() {
	for q := range operatorBinops {
		modelled[q] = true
	}
	for q := range operatorCompares {
		modelled[q] = true
	}
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
		if x.compact() {
			c.produce(1, p)
			return &Bytes{n: x.n, fill: x.fill, Mutable: true}, true
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

// operatorBinops maps operator's functions to the Python operator they
// apply.
var operatorBinops = map[string]string{
	"operator.add": "+", "operator.sub": "-", "operator.mul": "*", "operator.truediv": "/",
	"operator.floordiv": "//", "operator.mod": "%", "operator.pow": "**",
	"operator.and_": "&", "operator.or_": "|", "operator.xor": "^",
	"operator.lshift": "<<", "operator.rshift": ">>",
}

var operatorCompares = map[string]string{
	"operator.eq": "==", "operator.ne": "!=", "operator.lt": "<", "operator.le": "<=",
	"operator.gt": ">", "operator.ge": ">=", "operator.is_": "is", "operator.is_not": "is not",
	"operator.contains": "in",
}

// callOperatorItertools implements operator's arithmetic and comparison
// functions, itertools.takewhile/dropwhile/filterfalse/starmap and
// heapq.merge. ok is false for other names.
func (c *ctx) callOperatorItertools(q string, args []Value, kws []kwarg, p Pos) (Value, bool, error) {
	if op, ok := operatorBinops[q]; ok && len(args) == 2 && len(kws) == 0 {
		v, err := c.binop(op, args[0], args[1], p)
		return v, true, err
	}
	if op, ok := operatorCompares[q]; ok && len(args) == 2 && len(kws) == 0 {
		l, r := args[0], args[1]
		if op == "in" {
			l, r = r, l // contains(a, b) is b in a
		}
		if b, known := c.compare(op, l, r); known {
			return b, true, nil
		}
		return unknownOf(q, l, r), true, nil
	}
	switch q {
	case "operator.neg", "operator.not_", "operator.truth", "operator.abs", "operator.index":
		if len(args) != 1 {
			return nil, false, nil
		}
		switch q {
		case "operator.neg":
			v, err := c.binop("*", args[0], int64(-1), p)
			return v, true, err
		case "operator.abs":
			v, err := c.callBuiltin(&Builtin{Qual: "abs"}, args, nil, p)
			return v, true, err
		case "operator.index":
			v, err := c.callBuiltin(&Builtin{Qual: "int"}, args, nil, p)
			return v, true, err
		}
		b, known := c.truth(args[0], p)
		if !known {
			return unknownOf(q, args[0]), true, nil
		}
		return b == (q == "operator.truth"), true, nil
	case "itertools.takewhile", "itertools.dropwhile", "itertools.filterfalse":
		if len(args) != 2 || isUnknown(args[1]) {
			if len(args) == 2 {
				return unknownOf(q, args[1]), true, nil
			}
			return nil, false, nil
		}
		items, err := c.toList(args[1], p)
		if err != nil {
			return nil, true, err
		}
		out := &List{Kind: "list", Iter: true}
		dropping := true
		for i, it := range items {
			var r Value = it
			if args[0] != nil {
				if r, err = c.call(args[0], []Value{it}, nil, p); err != nil {
					return nil, true, err
				}
			}
			b, known := c.truth(r, p)
			if !known {
				return unknownOf(q, r), true, nil
			}
			switch q {
			case "itertools.takewhile":
				if !b {
					return out, true, nil
				}
				out.Elems = append(out.Elems, it)
			case "itertools.dropwhile":
				if !b || !dropping {
					dropping = false
					out.Elems = append(out.Elems, items[i:]...)
					return out, true, nil
				}
			default:
				if !b {
					out.Elems = append(out.Elems, it)
				}
			}
		}
		return out, true, nil
	case "itertools.starmap":
		if len(args) != 2 || isUnknown(args[1]) {
			return nil, false, nil
		}
		items, err := c.toList(args[1], p)
		if err != nil {
			return nil, true, err
		}
		out := &List{Kind: "list", Iter: true}
		for _, it := range items {
			callArgs, err := c.toList(it, p)
			if err != nil {
				return nil, true, err
			}
			v, err := c.call(args[0], callArgs, nil, p)
			if err != nil {
				return nil, true, err
			}
			out.Elems = append(out.Elems, v)
		}
		return out, true, nil
	case "itertools.chain.from_iterable":
		if len(args) != 1 || len(kws) > 0 {
			return nil, false, nil
		}
		if isUnknown(args[0]) {
			return unknownOf(q, args[0]), true, nil
		}
		outer, err := c.toList(args[0], p)
		if err != nil {
			return nil, true, err
		}
		out := &List{Kind: "list", Iter: true}
		for _, it := range outer {
			if isUnknown(it) {
				return unknownOf(q, it), true, nil
			}
			inner, err := c.toList(it, p)
			if err != nil {
				return nil, true, err
			}
			c.allocate(int64(len(out.Elems)+len(inner)), "a chain", p)
			out.Elems = append(out.Elems, inner...)
		}
		return out, true, nil
	case "heapq.merge":
		// Merging sorted inputs, ties taken from the earlier input: the
		// stable sort of their concatenation.
		var all []Value
		for _, a := range args {
			if isUnknown(a) {
				return unknownOf(q, a), true, nil
			}
			items, err := c.toList(a, p)
			if err != nil {
				return nil, true, err
			}
			all = append(all, items...)
		}
		out, ok, err := c.sortItems(all, kws, p)
		if err != nil {
			return nil, true, err
		}
		if !ok {
			return unknownOf(q), true, nil
		}
		return &List{Kind: "list", Iter: true, Elems: out}, true, nil
	}
	return nil, false, nil
}

// strMaketrans is str.maketrans: a dict from code points to strings, code
// points or None.
func strMaketrans(args []Value, p Pos) (Value, error) {
	out := &Dict{}
	switch len(args) {
	case 1:
		d, ok := args[0].(*Dict)
		if !ok {
			return nil, newExc("TypeError", "if you give only one argument to maketrans it must be a dict (line %d)", p.Line)
		}
		for i, k := range d.Keys {
			switch x := k.(type) {
			case string:
				r := []rune(x)
				if len(r) != 1 {
					return nil, newExc("ValueError", "string keys in translate table must be of length 1 (line %d)", p.Line)
				}
				out.set(int64(r[0]), d.Vals[i])
			case int64:
				out.set(x, d.Vals[i])
			default:
				return unknownOf("str.maketrans", k), nil
			}
		}
		return out, nil
	case 2, 3:
		var strs []string
		for _, a := range args {
			s, ok := a.(string)
			if !ok {
				return unknownOf("str.maketrans", a), nil
			}
			strs = append(strs, s)
		}
		from, to := []rune(strs[0]), []rune(strs[1])
		if len(from) != len(to) {
			return nil, newExc("ValueError", "the first two maketrans arguments must have equal length (line %d)", p.Line)
		}
		for i := range from {
			out.set(int64(from[i]), int64(to[i]))
		}
		if len(strs) == 3 {
			for _, r := range strs[2] {
				out.set(int64(r), nil)
			}
		}
		return out, nil
	}
	return nil, newExc("TypeError", "maketrans takes 1 to 3 arguments (line %d)", p.Line)
}

// htmlCall is html.escape (CPython's replacements) and html.unescape.
func htmlCall(q string, args []Value, kws []kwarg) (Value, bool) {
	s, ok := firstArg(args).(string)
	if !ok {
		if len(args) > 0 && isUnknown(args[0]) {
			return unknownOf(q, args[0]), true
		}
		return nil, false
	}
	switch q {
	case "html.unescape":
		if len(args) != 1 || len(kws) > 0 {
			return nil, false
		}
		return html.UnescapeString(s), true
	case "html.escape":
		quote := true
		if v, ok := argAt(args, kws, 1, "quote"); ok {
			b, known := truth(v)
			if !known {
				return unknownOf(q, v), true
			}
			quote = b
		}
		s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
		if quote {
			s = strings.NewReplacer("\"", "&quot;", "'", "&#x27;").Replace(s)
		}
		return s, true
	}
	return nil, false
}
