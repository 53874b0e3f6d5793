package loopsim

import "strings"

// callStdlibExtra implements heapq, collections.namedtuple, dataclasses
// helpers, contextlib exit stacks and functools.reduce; ok is false for
// other names.
func (c *ctx) callStdlibExtra(q string, args []Value, kws []kwarg, p Pos) (Value, bool, error) {
	if v, ok, err := c.callMoreStdlib(q, args, kws, p); ok {
		return v, true, err
	}
	switch q {
	case "contextlib.ExitStack", "contextlib.AsyncExitStack":
		return &ExitStack{Async: q == "contextlib.AsyncExitStack"}, true, nil
	case "functools.reduce":
		if len(args) < 2 {
			return nil, true, newExc("TypeError", "reduce expected at least 2 arguments (line %d)", p.Line)
		}
		if isUnknown(args[1]) {
			return unknownOf("", args[1]), true, nil
		}
		items, err := c.toList(args[1], p)
		if err != nil {
			return nil, true, err
		}
		var acc Value
		if len(args) > 2 {
			acc = args[2]
		} else if len(items) == 0 {
			return nil, true, newExc("TypeError", "reduce() of empty iterable with no initial value (line %d)", p.Line)
		} else {
			acc, items = items[0], items[1:]
		}
		for _, it := range items {
			if acc, err = c.call(args[0], []Value{acc, it}, nil, p); err != nil {
				return nil, true, err
			}
		}
		return acc, true, nil
	case "collections.namedtuple":
		return c.namedTuple(args, kws, p), true, nil
	case "dataclasses.replace":
		if len(args) != 1 {
			break
		}
		obj, ok := args[0].(*Instance)
		if !ok || obj.Class.Fields == nil {
			break
		}
		var fields []kwarg
		for _, f := range obj.Class.Fields {
			v := obj.Attrs[f]
			for _, kw := range kws {
				if kw.Name == f {
					v = kw.Value
				}
			}
			fields = append(fields, kwarg{Name: f, Value: v})
		}
		v, err := c.call(obj.Class, nil, fields, p)
		return v, true, err
	case "dataclasses.asdict", "dataclasses.astuple":
		if len(args) != 1 {
			break
		}
		obj, ok := args[0].(*Instance)
		if !ok || obj.Class.Fields == nil {
			break
		}
		d, t := &Dict{}, &List{Kind: "tuple"}
		for _, f := range obj.Class.Fields {
			d.set(f, obj.Attrs[f])
			t.Elems = append(t.Elems, obj.Attrs[f])
		}
		if q == "dataclasses.asdict" {
			return d, true, nil
		}
		return t, true, nil
	}
	if strings.HasPrefix(q, "heapq.") {
		v, err := c.heapq(q[len("heapq."):], args, kws, p)
		return v, true, err
	}
	return nil, false, nil
}

// namedTuple is collections.namedtuple(name, fields, defaults=...): a class
// with generated __init__, like typing.NamedTuple.
func (c *ctx) namedTuple(args []Value, kws []kwarg, p Pos) Value {
	if len(args) < 2 {
		return &UnknownValue{Why: "namedtuple"}
	}
	name, _ := args[0].(string)
	var fields []string
	switch f := args[1].(type) {
	case string:
		fields = strings.Fields(strings.ReplaceAll(f, ",", " "))
	case *List:
		for _, e := range f.Elems {
			s, ok := e.(string)
			if !ok {
				return &UnknownValue{Why: "namedtuple with unknown fields"}
			}
			fields = append(fields, s)
		}
	default:
		return &UnknownValue{Why: "namedtuple with unknown fields"}
	}
	cl := &Class{Name: name, Attrs: map[string]Value{}, Fields: fields, Defaults: map[string]Value{}, Tuple: true, DataEq: true}
	if d, ok := argAt(nil, kws, -1, "defaults"); ok {
		if l, ok := d.(*List); ok && len(l.Elems) <= len(fields) {
			// defaults apply to the rightmost fields
			off := len(fields) - len(l.Elems)
			for i, v := range l.Elems {
				cl.Defaults[fields[off+i]] = v
			}
		}
	}
	return cl
}

// heapq reproduces Python's heap algorithms on a list, so the list's order
// matches CPython's when a program looks at it directly.
func (c *ctx) heapq(name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	if name == "nsmallest" || name == "nlargest" {
		if len(args) != 2 {
			return &UnknownValue{Why: "heapq." + name}, nil
		}
		n, ok := toInt(args[0])
		if !ok || isUnknown(args[1]) {
			return unknownOf("heapq."+name, args...), nil
		}
		items, err := c.toList(args[1], p)
		if err != nil {
			return nil, err
		}
		sortKws := kws
		if name == "nlargest" {
			sortKws = append(append([]kwarg(nil), kws...), kwarg{Name: "reverse", Value: true})
		}
		out, ok, err := c.sortItems(items, sortKws, p)
		if err != nil {
			return nil, err
		}
		if !ok {
			return &UnknownValue{Why: "heapq." + name + " of unknown"}, nil
		}
		if int64(len(out)) > n {
			out = out[:max(n, 0)]
		}
		return &List{Kind: "list", Elems: out}, nil
	}
	if len(args) == 0 {
		return &UnknownValue{Why: "heapq." + name}, nil
	}
	h, ok := args[0].(*List)
	if !ok {
		return unknownOf("heapq."+name, args[0]), nil
	}
	comparable := true
	lt := func(a, b Value) bool {
		r, ok := c.less(a, b)
		if !ok {
			comparable = false
		}
		return r
	}
	siftDown := func(start, pos int) {
		item := h.Elems[pos]
		for pos > start {
			parent := (pos - 1) >> 1
			if lt(item, h.Elems[parent]) {
				h.Elems[pos] = h.Elems[parent]
				pos = parent
				continue
			}
			break
		}
		h.Elems[pos] = item
	}
	siftUp := func(pos int) {
		end, start, item := len(h.Elems), pos, h.Elems[pos]
		child := 2*pos + 1
		for child < end {
			if right := child + 1; right < end && !lt(h.Elems[child], h.Elems[right]) {
				child = right
			}
			h.Elems[pos] = h.Elems[child]
			pos = child
			child = 2*pos + 1
		}
		h.Elems[pos] = item
		siftDown(start, pos)
	}
	var out Value
	switch name {
	case "heappush":
		if len(args) != 2 {
			return nil, newExc("TypeError", "heappush expected 2 arguments (line %d)", p.Line)
		}
		h.Elems = append(h.Elems, args[1])
		siftDown(0, len(h.Elems)-1)
	case "heappop":
		if len(h.Elems) == 0 {
			return nil, newExc("IndexError", "index out of range (line %d)", p.Line)
		}
		last := h.Elems[len(h.Elems)-1]
		h.Elems = h.Elems[:len(h.Elems)-1]
		out = last
		if len(h.Elems) > 0 {
			out = h.Elems[0]
			h.Elems[0] = last
			siftUp(0)
		}
	case "heapify":
		for i := len(h.Elems)/2 - 1; i >= 0; i-- {
			siftUp(i)
		}
	case "heappushpop", "heapreplace":
		if len(args) != 2 {
			return nil, newExc("TypeError", "%s expected 2 arguments (line %d)", name, p.Line)
		}
		item := args[1]
		if name == "heapreplace" {
			if len(h.Elems) == 0 {
				return nil, newExc("IndexError", "index out of range (line %d)", p.Line)
			}
			out, h.Elems[0] = h.Elems[0], item
			siftUp(0)
		} else {
			out = item
			if len(h.Elems) > 0 && lt(h.Elems[0], item) {
				out, h.Elems[0] = h.Elems[0], item
				siftUp(0)
			}
		}
	default:
		return &UnknownValue{Why: "heapq." + name}, nil
	}
	if !comparable {
		c.s.assume(p, 0.7, "heapq.%s compares values that cannot be known statically; heap order assumed", name)
	}
	return out, nil
}
