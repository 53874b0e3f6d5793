package loopsim

import (
	"bytes"
	"fmt"
	"math"
	"math/bits"
	"strings"
)

func (c *ctx) eval(fr *frame, e Expr) (Value, error) {
	switch x := e.(type) {
	case *Const:
		return x.Value, nil
	case *Name:
		if v, ok := fr.lookup(x.ID); ok {
			return v, nil
		}
		if v, ok := builtinName(x.ID); ok {
			return v, nil
		}
		if c.s.cfg.UnknownNames {
			c.s.assume(x.P, 0.8, "%s is not known here; treated as an unknown value", x.ID)
			return &UnknownValue{Why: x.ID}, nil
		}
		// Real programs do not rely on NameError: more likely a builtin or
		// an import the simulator lacks. Said even when the program catches
		// it (gather(return_exceptions=True), except Exception).
		c.s.addAssumption(x.P, 0.6, true, "name %s is not defined in the simulation (a builtin or import it does not model?); it raised NameError", x.ID)
		return nil, newExc("NameError", "name '%s' is not defined (line %d)", x.ID, x.P.Line)
	case *Attr:
		obj, err := c.eval(fr, x.X)
		if err != nil {
			return nil, err
		}
		return c.getAttr(fr, obj, x.Name, x.P)
	case *Call:
		return c.evalCall(fr, x)
	case *Await:
		if call, ok := x.X.(*Call); ok && call.Latency != nil {
			return &UnknownValue{Why: "result of " + describe(call)}, c.sleep(*call.Latency, SpanIO, describe(call.Fn), x.P)
		}
		v, err := c.eval(fr, x.X)
		if err != nil {
			return nil, err
		}
		return c.await(v, x.P, describe(x.X))
	case *BinOp:
		l, err := c.eval(fr, x.L)
		if err != nil {
			return nil, err
		}
		r, err := c.eval(fr, x.R)
		if err != nil {
			return nil, err
		}
		return c.binop(x.Op, l, r, x.P)
	case *UnaryOp:
		v, err := c.eval(fr, x.X)
		if err != nil {
			return nil, err
		}
		switch x.Op {
		case "not":
			b, ok := c.truth(v, x.P)
			if !ok {
				return unknownOf("not unknown", v), nil
			}
			return !b, nil
		case "-":
			switch n := v.(type) {
			case int64:
				return -n, nil
			case float64:
				return -n, nil
			case bool:
				if n {
					return int64(-1), nil
				}
				return int64(0), nil
			}
			return unknownOf("negation", v), nil
		case "+":
			return v, nil
		case "~":
			if n, ok := toInt(v); ok {
				return ^n, nil
			}
			return unknownOf("inversion", v), nil
		}
		return unknownOf("unary "+x.Op, v), nil
	case *Compare:
		l, err := c.eval(fr, x.L)
		if err != nil {
			return nil, err
		}
		result := Value(true)
		for i, op := range x.Ops {
			r, err := c.eval(fr, x.Rs[i])
			if err != nil {
				return nil, err
			}
			b, ok := c.compare(op, l, r)
			if !ok {
				result = unknownOf("comparison", l, r)
			} else if !b {
				return false, nil
			}
			l = r
		}
		return result, nil
	case *BoolOp:
		var last Value
		for _, ve := range x.Values {
			v, err := c.eval(fr, ve)
			if err != nil {
				return nil, err
			}
			b, ok := c.truth(v, x.P)
			if !ok {
				return unknownOf("boolean of unknown", v), nil
			}
			last = v
			if (x.Op == "and" && !b) || (x.Op == "or" && b) {
				return v, nil
			}
		}
		return last, nil
	case *IfExp:
		cond, err := c.eval(fr, x.Cond)
		if err != nil {
			return nil, err
		}
		b, ok := c.truth(cond, x.P)
		if !ok {
			c.s.assumeOn(x.P, 0.7, cond, describe(x.Cond), "condition %s cannot be known statically%s; assumed true", describe(x.Cond))
			b = true
		}
		if b {
			return c.eval(fr, x.Then)
		}
		return c.eval(fr, x.Else)
	case *ListExpr:
		out := &List{Kind: x.Kind}
		for _, el := range x.Elts {
			if st, ok := el.(*Starred); ok {
				v, err := c.eval(fr, st.X)
				if err != nil {
					return nil, err
				}
				items, err := c.toList(v, st.P)
				if err != nil {
					return nil, err
				}
				out.Elems = append(out.Elems, items...)
				continue
			}
			v, err := c.eval(fr, el)
			if err != nil {
				return nil, err
			}
			out.Elems = append(out.Elems, v)
		}
		if x.Kind == "set" {
			out.Elems = dedupe(out.Elems)
		}
		return out, nil
	case *DictExpr:
		d := &Dict{}
		for i := range x.Keys {
			if x.Keys[i] == nil { // **other
				v, err := c.eval(fr, x.Values[i])
				if err != nil {
					return nil, err
				}
				if o, ok := v.(*Dict); ok {
					for j := range o.Keys {
						d.set(o.Keys[j], o.Vals[j])
					}
				}
				continue
			}
			k, err := c.eval(fr, x.Keys[i])
			if err != nil {
				return nil, err
			}
			v, err := c.eval(fr, x.Values[i])
			if err != nil {
				return nil, err
			}
			d.set(k, v)
		}
		return d, nil
	case *Subscript:
		obj, err := c.eval(fr, x.X)
		if err != nil {
			return nil, err
		}
		if sl, ok := x.Index.(*Slice); ok {
			return c.slice(fr, obj, sl)
		}
		idx, err := c.eval(fr, x.Index)
		if err != nil {
			return nil, err
		}
		return c.index(obj, idx, x.P)
	case *Comprehension:
		return c.evalComprehension(fr, x)
	case *Lambda:
		return &LambdaVal{L: x, Closure: fr}, nil
	case *Starred:
		return c.eval(fr, x.X)
	case *Unknown:
		c.s.addAssumption(x.P, 0.9, true, "%s is not evaluated", x.Why)
		return &UnknownValue{Why: x.Why}, nil
	case *Slice:
		return c.unmodelled(x.P, "slice object"), nil
	case *Placeholder:
		return c.placeholder(fr, x)
	case *Yield:
		return c.evalYield(fr, x)
	case *FString:
		return c.evalFString(fr, x)
	case *NamedExpr:
		v, err := c.eval(fr, x.Value)
		if err != nil {
			return nil, err
		}
		fr.setNamed(x.Target, v)
		return v, nil
	}
	return nil, fmt.Errorf("loopsim: unknown expression %T", e)
}

func dedupe(vals []Value) []Value {
	var out []Value
	seen := newMembers(nil)
	for _, v := range vals {
		if !seen.has(v) {
			seen.add(v)
			out = append(out, v)
		}
	}
	return out
}

// members answers `v in collection` for a set being built or a list
// searched many times: numbers and strings through a map (hashKey), other
// values by a scan of the others only, since they never equal those.
type members struct {
	hashed  map[dictKey]bool
	others  []Value
	unknown bool // an element is unknown: has() may be wrong
}

func newMembers(vals []Value) *members {
	m := &members{hashed: map[dictKey]bool{}}
	for _, v := range vals {
		m.add(v)
	}
	return m
}

func (m *members) add(v Value) {
	if isUnknown(v) {
		m.unknown = true
	}
	if k, ok := hashKey(v); ok {
		m.hashed[k] = true
	} else {
		m.others = append(m.others, v)
	}
}

func (m *members) has(v Value) bool {
	if k, ok := hashKey(v); ok {
		return m.hashed[k]
	}
	for _, o := range m.others {
		if o == v {
			return true
		}
		if eq, ok := equal(o, v); ok && eq {
			return true
		}
	}
	return false
}

func (c *ctx) slice(fr *frame, obj Value, sl *Slice) (Value, error) {
	var bounds [3]*int64
	for i, e := range []Expr{sl.Lo, sl.Hi, sl.Step} {
		if e == nil {
			continue
		}
		v, err := c.eval(fr, e)
		if err != nil {
			return nil, err
		}
		n, ok := toInt(v)
		if !ok {
			return unknownOf("slice with unknown bounds", v), nil
		}
		bounds[i] = &n
	}
	var elems []Value
	var kind string
	switch o := obj.(type) {
	case *List:
		elems, kind = o.Elems, o.Kind
	case *Range:
		var err error
		elems, err = c.toList(o, sl.P)
		if err != nil {
			return nil, err
		}
		kind = "list"
	case string:
		for _, r := range o {
			elems = append(elems, string(r))
		}
		kind = "str"
	case *Bytes:
		c.realBytes(o, sl.P)
		for _, b := range o.B {
			elems = append(elems, int64(b))
		}
		kind = "bytes"
	default:
		return unknownOf("slice of unknown", obj), nil
	}
	n := int64(len(elems))
	step := int64(1)
	if bounds[2] != nil {
		step = *bounds[2]
	}
	if step == 0 {
		return nil, newExc("ValueError", "slice step cannot be zero")
	}
	norm := func(b *int64, def int64) int64 {
		if b == nil {
			return def
		}
		v := *b
		if v < 0 {
			v += n
		}
		lo, hi := int64(0), n
		if step < 0 {
			lo, hi = -1, n-1
		}
		return max(lo, min(hi, v))
	}
	var out []Value
	if step > 0 {
		for i := norm(bounds[0], 0); i < norm(bounds[1], n); i += step {
			out = append(out, elems[i])
		}
	} else {
		for i := norm(bounds[0], n-1); i > norm(bounds[1], -1); i += step {
			out = append(out, elems[i])
		}
	}
	if kind == "bytes" {
		res := &Bytes{Mutable: obj.(*Bytes).Mutable}
		for _, e := range out {
			res.B = append(res.B, byte(e.(int64)))
		}
		return res, nil
	}
	if kind == "str" {
		var b strings.Builder
		for _, e := range out {
			b.WriteString(e.(string))
		}
		return b.String(), nil
	}
	return &List{Kind: kind, Elems: out}, nil
}

func (c *ctx) index(obj, idx Value, p Pos) (Value, error) {
	switch o := obj.(type) {
	case *Class:
		if o.Members != nil {
			// Color["RED"] looks a member up by name.
			for _, m := range o.Members {
				if eq, ok := equal(m.Attrs["name"], idx); ok && eq {
					return m, nil
				}
			}
			if name, ok := idx.(string); ok {
				if v, ok := o.Attrs[name]; ok {
					return v, nil
				}
			}
			if isUnknown(idx) {
				return derivedUnknown(o.Name+" member named by "+whyOf(idx), idx), nil
			}
			return nil, newExc("KeyError", "%s (line %d)", repr(idx), p.Line)
		}
	case *Instance:
		if o.Class.Tuple {
			return c.index(o.Class.compareKey(o), idx, p)
		}
	case *Bytes:
		i, ok := toInt(idx)
		if !ok {
			return unknownOf("item at unknown index", idx), nil
		}
		if i < 0 {
			i += o.length()
		}
		if i < 0 || i >= o.length() {
			return nil, newExc("IndexError", "index out of range (line %d)", p.Line)
		}
		if o.compact() {
			return int64(o.fill), nil
		}
		return int64(o.B[i]), nil
	case *List:
		i, ok := toInt(idx)
		if !ok {
			return unknownOf("item at unknown index", idx), nil
		}
		if i < 0 {
			i += int64(len(o.Elems))
		}
		if i < 0 || i >= int64(len(o.Elems)) {
			return nil, newExc("IndexError", "index out of range (line %d)", p.Line)
		}
		return o.Elems[i], nil
	case *Range:
		i, ok := toInt(idx)
		if !ok {
			return unknownOf("item at unknown index", idx), nil
		}
		n := o.length()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, newExc("IndexError", "range object index out of range")
		}
		return o.Start + i*o.Step, nil
	case *Dict:
		if v, ok := o.get(idx); ok {
			return v, nil
		}
		if o.Counter && !isUnknown(idx) {
			return int64(0), nil
		}
		if o.Factory != nil && !isUnknown(idx) {
			v, err := c.call(o.Factory, nil, nil, p)
			if err != nil {
				return nil, err
			}
			o.set(idx, v)
			return v, nil
		}
		if isUnknown(idx) {
			return &UnknownValue{Why: "dict item at unknown key"}, nil
		}
		return nil, newExc("KeyError", "%s", repr(idx))
	case *Exc:
		if i, ok := toInt(idx); ok && int(i) < len(o.Args) && i >= 0 {
			return o.Args[i], nil
		}
	case string:
		r := []rune(o)
		i, ok := toInt(idx)
		if !ok {
			return &UnknownValue{Why: "character at unknown index"}, nil
		}
		if i < 0 {
			i += int64(len(r))
		}
		if i < 0 || i >= int64(len(r)) {
			return nil, newExc("IndexError", "string index out of range (line %d)", p.Line)
		}
		return string(r[i]), nil
	}
	if isUnknown(obj) {
		return unknownOf(whyOf(obj)+"[...]", obj, idx), nil
	}
	return c.unmodelled(p, typeName(obj)+"[...]"), nil
}

func (c *ctx) evalComprehension(fr *frame, x *Comprehension) (Value, error) {
	inner := newFrame(fr, fr.globals)
	inner.comprehension = true
	out := &List{Kind: "list"}
	d := &Dict{}
	var rec func(i int) error
	rec = func(i int) error {
		if i == len(x.Gens) {
			if x.Kind == "dict" {
				k, err := c.eval(inner, x.Key)
				if err != nil {
					return err
				}
				v, err := c.eval(inner, x.Elt)
				if err != nil {
					return err
				}
				c.grow(len(d.Keys), "a dict built by a comprehension")
				d.set(k, v)
				return nil
			}
			v, err := c.eval(inner, x.Elt)
			if err != nil {
				return err
			}
			c.grow(len(out.Elems), "a list built by a comprehension")
			out.Elems = append(out.Elems, v)
			return nil
		}
		g := x.Gens[i]
		it, err := c.eval(inner, g.Iter)
		if err != nil {
			return err
		}
		iterate := c.forEach
		if g.Async {
			iterate = c.forEachAsync
		}
		if isUnknown(it) {
			c.s.assumeOn(x.P, 0.5, it, describe(g.Iter), "the number of items of %[1]s is unknown%[3]s; assumed %[2]d", describe(g.Iter), c.s.cfg.UnknownLoopCount)
			it = unknownItems(c.s.cfg.UnknownLoopCount, it)
		}
		defer c.enterLoop("comprehension", g.Iter, x.P.Line)()
		return iterate(it, x.P, func(v Value) (bool, error) {
			c.tick(x.P)
			c.s.cpu(1.7) // an element costs about 40 ns
			if err := c.assign(inner, g.Target, v); err != nil {
				return true, err
			}
			for _, cond := range g.Ifs {
				cv, err := c.eval(inner, cond)
				if err != nil {
					return true, err
				}
				b, ok := c.truth(cv, x.P)
				if !ok {
					c.s.assumeOn(x.P, 0.7, cv, describe(cond), "comprehension filter %s cannot be known statically%s; assumed true", describe(cond))
					b = true
				}
				if !b {
					return false, nil
				}
			}
			return false, rec(i + 1)
		})
	}
	if err := rec(0); err != nil {
		return nil, err
	}
	switch x.Kind {
	case "dict":
		return d, nil
	case "set":
		out.Kind = "set"
		out.Elems = dedupe(out.Elems)
	case "gen":
		out.Iter = true
	}
	return out, nil
}

func (c *ctx) compare(op string, l, r Value) (bool, bool) {
	if res, known, handled := clockCompare(op, l, r); handled {
		if known {
			c.noteClockUse(l, r, res)
		}
		return res, known
	}
	switch op {
	case "is", "is not":
		var same bool
		switch {
		case l == nil || r == nil:
			if isUnknown(l) || isUnknown(r) {
				return false, false
			}
			same = l == nil && r == nil
		default:
			if isUnknown(l) || isUnknown(r) {
				return false, false
			}
			eq, _ := equal(l, r)
			same = eq
			switch l.(type) {
			case *Instance, *List, *Dict, *Exc, *Bytes:
				same = l == r // identity, not equality
			}
			if lb, ok := l.(bool); ok {
				rb, ok2 := r.(bool)
				same = ok2 && lb == rb
			}
		}
		return same == (op == "is"), true
	case "==", "!=":
		eq, ok := c.equal(l, r)
		if !ok {
			return false, false
		}
		return eq == (op == "=="), true
	case "<":
		return c.less(l, r)
	case ">":
		return c.less(r, l)
	case "<=":
		b, ok := c.less(r, l)
		return !b, ok
	case ">=":
		b, ok := c.less(l, r)
		return !b, ok
	case "in", "not in":
		if lf, ln, ok := flagValue(l); ok {
			if rf, rn, ok := flagValue(r); ok && lf.Class == rf.Class {
				return (ln&rn == ln) == (op == "in"), true
			}
		}
		var found, known = false, true
		switch coll := r.(type) {
		case *List:
			if f, ok := coll.setHas(l); ok {
				found = f
				break
			}
			c.scan(len(coll.Elems), Pos{})
			for _, e := range coll.Elems {
				eq, ok := c.equal(e, l)
				if !ok {
					known = false
				}
				if eq || e == l {
					found = true
					break
				}
			}
		case *Dict:
			if isUnknown(l) {
				return false, false
			}
			found = coll.index(l) >= 0
		case *Range:
			if n, ok := toInt(l); ok {
				found = coll.contains(n)
			}
		case string:
			ls, ok := l.(string)
			if !ok {
				return false, false
			}
			found = strings.Contains(coll, ls)
		case *Bytes:
			c.realBytes(coll, Pos{})
			lb, ok := bytesArg(l)
			if !ok {
				return false, false
			}
			found = bytes.Contains(coll.B, lb)
		default:
			return false, false
		}
		if !found && !known {
			return false, false
		}
		return found == (op == "in"), true
	}
	return false, false
}

func (c *ctx) binop(op string, l, r Value, p Pos) (Value, error) {
	if lf, ln, ok := flagValue(l); ok {
		if rf, rn, ok := flagValue(r); ok && lf.Class == rf.Class {
			switch op {
			case "|":
				return flagMember(lf.Class, ln|rn), nil
			case "&":
				return flagMember(lf.Class, ln&rn), nil
			case "^":
				return flagMember(lf.Class, ln^rn), nil
			}
		}
	}
	l, r = enumValue(l), enumValue(r)
	if v, ok := clockArith(op, l, r); ok {
		c.noteClockUse(l, r, v)
		return v, nil
	}
	if rv, ok := randomArith(op, l, r); ok {
		return rv, nil
	}
	if isUnknown(l) || isUnknown(r) {
		return unknownOf("arithmetic on unknown", l, r), nil
	}
	li, lint := l.(int64)
	ri, rint := r.(int64)
	if lb, ok := l.(bool); ok {
		li, lint = b2i(lb), true
	}
	if rb, ok := r.(bool); ok {
		ri, rint = b2i(rb), true
	}
	if lint && rint {
		switch op {
		case "+":
			if sum := li + ri; (sum > li) == (ri > 0) {
				return sum, nil
			}
			return c.bigInt(op, li, ri, 65, p), nil
		case "-":
			if diff := li - ri; (diff < li) == (ri > 0) {
				return diff, nil
			}
			return c.bigInt(op, li, ri, 65, p), nil
		case "*":
			hi, lo := bits.Mul64(uint64(abs64(li)), uint64(abs64(ri)))
			if hi == 0 && lo <= math.MaxInt64 && li != math.MinInt64 && ri != math.MinInt64 {
				return li * ri, nil
			}
			return c.bigInt(op, li, ri, float64(bitLen(li)+bitLen(ri)), p), nil
		case "/":
			if ri == 0 {
				return nil, newExc("ZeroDivisionError", "division by zero")
			}
			return float64(li) / float64(ri), nil
		case "//":
			if ri == 0 {
				return nil, newExc("ZeroDivisionError", "integer division or modulo by zero")
			}
			q := li / ri
			if (li%ri != 0) && ((li < 0) != (ri < 0)) {
				q--
			}
			return q, nil
		case "%":
			if ri == 0 {
				return nil, newExc("ZeroDivisionError", "integer division or modulo by zero")
			}
			m := li % ri
			if m != 0 && (m < 0) != (ri < 0) {
				m += ri
			}
			return m, nil
		case "**":
			if ri >= 0 {
				if res, ok := powInt(li, ri); ok {
					return res, nil
				}
				return c.bigInt(op, li, ri, float64(ri)*math.Log2(math.Abs(float64(li))), p), nil
			}
			return math.Pow(float64(li), float64(ri)), nil
		case "&":
			return li & ri, nil
		case "|":
			return li | ri, nil
		case "^":
			return li ^ ri, nil
		case "<<":
			if ri < 0 {
				return nil, newExc("ValueError", "negative shift count")
			}
			if li == 0 {
				return int64(0), nil
			}
			if ri < 63 && bitLen(li)+int(ri) < 64 {
				return li << uint(ri), nil
			}
			return c.bigInt(op, li, ri, float64(bitLen(li))+float64(ri), p), nil
		case ">>":
			if ri < 0 {
				return nil, newExc("ValueError", "negative shift count")
			}
			return li >> uint(min(ri, 63)), nil

		}
	}
	lf, lok := toFloat(l)
	rf, rok := toFloat(r)
	if lok && rok {
		switch op {
		case "+":
			return lf + rf, nil
		case "-":
			return lf - rf, nil
		case "*":
			return lf * rf, nil
		case "/":
			if rf == 0 {
				return nil, newExc("ZeroDivisionError", "float division by zero")
			}
			return lf / rf, nil
		case "//":
			if rf == 0 {
				return nil, newExc("ZeroDivisionError", "float floor division by zero")
			}
			return math.Floor(lf / rf), nil
		case "%":
			if rf == 0 {
				return nil, newExc("ZeroDivisionError", "float modulo")
			}
			m := math.Mod(lf, rf)
			if m != 0 && (m < 0) != (rf < 0) {
				m += rf
			}
			return m, nil
		case "**":
			return math.Pow(lf, rf), nil
		}
	}
	switch lv := l.(type) {
	case string:
		switch op {
		case "+":
			if rs, ok := r.(string); ok {
				c.sized(int64(len(lv)+len(rs)), "a string", p)
				return lv + rs, nil
			}
		case "*":
			if n, ok := toInt(r); ok {
				c.allocate(product(int64(len(lv)), n), "a repeated string", p)
				return strings.Repeat(lv, int(max(0, n))), nil
			}
		case "%":
			return c.percentFormat(lv, r), nil
		}
	case *List:
		switch op {
		case "+":
			if rl, ok := r.(*List); ok {
				c.sized(int64(len(lv.Elems)+len(rl.Elems)), "a concatenated "+lv.Kind, p)
				return &List{Kind: lv.Kind, Elems: append(append([]Value(nil), lv.Elems...), rl.Elems...)}, nil
			}
		case "*":
			if n, ok := toInt(r); ok {
				c.allocate(product(int64(len(lv.Elems)), n), "a repeated "+lv.Kind, p)
				out := &List{Kind: lv.Kind}
				for i := int64(0); i < n; i++ {
					out.Elems = append(out.Elems, lv.Elems...)
				}
				return out, nil
			}
		case "|", "-", "&":
			if rl, ok := r.(*List); ok && lv.Kind == "set" {
				return setOp(op, lv, rl), nil
			}
		}
	case *Dict:
		if o, ok := r.(*Dict); ok && (op == "+" || op == "-") && lv.Counter && o.Counter {
			// Counter arithmetic keeps the positive counts
			sum := &Dict{Counter: true}
			if err := c.countInto(sum, lv, 1, p); err != nil {
				return nil, err
			}
			sign := int64(1)
			if op == "-" {
				sign = -1
			}
			if err := c.countInto(sum, o, sign, p); err != nil {
				return nil, err
			}
			out := &Dict{Counter: true}
			for i, k := range sum.Keys {
				if n, ok := toFloat(sum.Vals[i]); ok && n > 0 {
					out.set(k, sum.Vals[i])
				} else if !ok {
					return unknownOf("Counter arithmetic", sum.Vals[i]), nil
				}
			}
			return out, nil
		}
		if o, ok := r.(*Dict); ok && op == "|" && !lv.Counter && !o.Counter {
			c.allocate(int64(len(lv.Keys)+len(o.Keys)), "a dict", p)
			out := &Dict{Factory: lv.Factory}
			for i, k := range lv.Keys {
				out.set(k, lv.Vals[i])
			}
			for i, k := range o.Keys {
				out.set(k, o.Vals[i])
			}
			return out, nil
		}
	case *Bytes:
		switch op {
		case "+":
			if rb, ok := r.(*Bytes); ok {
				c.realBytes(lv, p)
				c.realBytes(rb, p)
				return &Bytes{B: append(append([]byte(nil), lv.B...), rb.B...), Mutable: lv.Mutable}, nil
			}
		case "*":
			if n, ok := toInt(r); ok {
				// bytes are compact: 16 count as one element of the budget
				size := product(lv.length(), n)
				if size < 0 {
					c.allocate(-1, "a repeated bytes", p) // overflows
				}
				if lv.length() == 1 || lv.compact() {
					// one byte repeated: held compactly when too large
					fill := lv.fill
					if !lv.compact() {
						fill = lv.B[0]
					}
					c.writeFresh(size)
					return c.filled(max(0, size), fill, lv.Mutable, "a repeated bytes", p), nil
				}
				c.allocate(size/16, "a repeated bytes", p)
				c.writeFresh(size)
				return &Bytes{B: bytes.Repeat(lv.B, int(max(0, n))), Mutable: lv.Mutable}, nil
			}
		}
	case int64:
		if rl, ok := r.(*List); ok && op == "*" {
			return c.binop(op, rl, lv, p)
		}
		if rb, ok := r.(*Bytes); ok && op == "*" {
			return c.binop(op, rb, lv, p)
		}
	}
	return nil, newExc("TypeError", "unsupported operand type(s) for %s: '%s' and '%s' (line %d)", op, typeName(l), typeName(r), p.Line)
}

func setOp(op string, a, b *List) *List {
	inB := newMembers(b.Elems)
	in := func(_ *List, v Value) bool { return inB.has(v) }
	out := &List{Kind: "set"}
	switch op {
	case "|":
		out.Elems = dedupe(append(append([]Value(nil), a.Elems...), b.Elems...))
	case "-":
		for _, e := range a.Elems {
			if !in(b, e) {
				out.Elems = append(out.Elems, e)
			}
		}
	case "&":
		for _, e := range a.Elems {
			if in(b, e) {
				out.Elems = append(out.Elems, e)
			}
		}
	}
	return out
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// SuperObj is super(): attribute lookup starts after Class.
type SuperObj struct {
	Class *Class
	Self  Value
}

func (c *ctx) evalCall(fr *frame, x *Call) (Value, error) {
	if n, ok := x.Fn.(*Name); ok && n.ID == "super" && len(x.Args) == 0 {
		if _, shadowed := fr.lookup("super"); !shadowed {
			for f := fr; f != nil; f = f.parent {
				if f.class != nil {
					return &SuperObj{Class: f.class, Self: f.self}, nil
				}
			}
			c.s.assume(x.P, 0.8, "super() outside a method is not simulated")
			return &UnknownValue{Why: "super()"}, nil
		}
	}
	fn, err := c.eval(fr, x.Fn)
	if err != nil {
		return nil, err
	}
	var args []Value
	var kws []kwarg
	for _, a := range x.Args {
		v, err := c.eval(fr, a.Value)
		if err != nil {
			return nil, err
		}
		switch {
		case a.Star:
			items, err := c.toList(v, x.P)
			if err != nil {
				return nil, err
			}
			args = append(args, items...)
		case a.DoubleStar:
			if d, ok := v.(*Dict); ok {
				for i, k := range d.Keys {
					if ks, ok := k.(string); ok {
						kws = append(kws, kwarg{ks, d.Vals[i]})
					}
				}
			} else {
				c.s.assume(x.P, 0.8, "**%s has unknown keys", describe(a.Value))
			}
		case a.Name != "":
			kws = append(kws, kwarg{a.Name, v})
		default:
			args = append(args, v)
		}
	}
	if x.Latency != nil {
		lat := *x.Latency
		label := describe(x.Fn)
		if fv, ok := fn.(*FuncVal); ok && !fv.Fn.Async {
			c.s.block(c, lat, x.P, label)
			return &UnknownValue{Why: "result of " + label}, nil
		}
		if b, ok := fn.(*External); ok && !isAsyncQual(b.Qual) && blockingLatency(b.Qual) > 0 {
			c.s.block(c, lat, x.P, label)
			return &UnknownValue{Why: "result of " + label}, nil
		}
		return &Coroutine{Name: label, P: x.P, run: func(c *ctx) (Value, error) {
			return &UnknownValue{Why: "result of " + label}, c.sleep(lat, SpanIO, label, x.P)
		}}, nil
	}
	return c.call(fn, args, kws, x.P)
}

// call invokes any callable value.
func (c *ctx) call(fn Value, args []Value, kws []kwarg, p Pos) (Value, error) {
	switch f := fn.(type) {
	case *FuncVal:
		return c.callFunc(f, args, kws, p)
	case *LambdaVal:
		fr := newFrame(f.Closure, f.Closure.globals)
		for i, prm := range f.L.Params {
			switch {
			case i < len(args):
				fr.vars[prm.Name] = args[i]
			case prm.Default != nil:
				d, err := c.eval(f.Closure, prm.Default)
				if err != nil {
					return nil, err
				}
				fr.vars[prm.Name] = d
			}
		}
		for _, kw := range kws {
			fr.vars[kw.Name] = kw.Value
		}
		return c.eval(fr, f.L.Body)
	case *Instance:
		// an object with __call__ (sync or async)
		if call, ok := f.Class.lookup("__call__"); ok {
			if fv, ok := call.(*FuncVal); ok {
				bound := *fv
				bound.Self = f
				return c.callFunc(&bound, args, kws, p)
			}
		}
	case *Class:
		if f.IsExc {
			e := c.newExcFromClass(f, args)
			if init, ok := f.lookup("__init__"); ok {
				if fv, ok := init.(*FuncVal); ok {
					// A custom __init__ sets attributes and passes the
					// message on with super().__init__(...).
					e.Args, e.Msg = nil, ""
					bound := *fv
					bound.Self = e
					if _, err := c.callFunc(&bound, args, kws, p); err != nil {
						return nil, err
					}
				}
			}
			return e, nil
		}
		if f.Members != nil && len(args) == 1 {
			// Color(value) looks a member up by value.
			for _, m := range f.Members {
				if eq, ok := equal(m.Attrs["value"], args[0]); ok && eq {
					return m, nil
				}
			}
			if isUnknown(args[0]) {
				return derivedUnknown(f.Name+" member from "+whyOf(args[0]), args[0]), nil
			}
			return nil, newExc("ValueError", "%s is not a valid %s (line %d)", repr(args[0]), f.Name, p.Line)
		}
		inst := &Instance{Class: f, Attrs: map[string]Value{}}
		if _, hasInit := f.lookup("__init__"); !hasInit && f.Fields != nil {
			if err := c.initFields(f, inst, args, kws, p); err != nil {
				return nil, err
			}
			if post, ok := f.lookup("__post_init__"); ok {
				if fv, ok := post.(*FuncVal); ok {
					bound := *fv
					bound.Self = inst
					if _, err := c.callFunc(&bound, nil, nil, p); err != nil {
						return nil, err
					}
				}
			}
			return inst, nil
		}
		if init, ok := f.lookup("__init__"); ok {
			if fv, ok := init.(*FuncVal); ok {
				bound := *fv
				bound.Self = inst
				if _, err := c.callFunc(&bound, args, kws, p); err != nil {
					return nil, err
				}
			}
		}
		return inst, nil
	case *Builtin:
		return c.callBuiltin(f, args, kws, p)
	case *CMFactory:
		gv, err := c.call(f.Fn, args, kws, p)
		if err != nil {
			return nil, err
		}
		g, ok := gv.(*Generator)
		if !ok {
			return nil, newExc("TypeError", "contextmanager function did not return a generator (line %d)", p.Line)
		}
		return &GenCM{Gen: g, Async: f.Async}, nil
	case *getter:
		return c.callGetter(f, args, p)
	case *Partial:
		return c.call(f.Fn, append(append([]Value(nil), f.Args...), args...), append(append([]kwarg(nil), f.Kws...), kws...), p)
	case *Module:
		return c.callBuiltin(&Builtin{Qual: f.Qual}, args, kws, p)
	case *External:
		if !f.Called && !isAsyncQual(f.Qual) {
			if d, ok := c.s.blockingOf(f.Qual); ok {
				if d < 0 {
					c.s.assume(p, 0.9, "%s blocks for an unknown time; counted as 0 s", f.Qual)
					d = 0
				} else {
					c.s.assume(p, 0.8, "%s blocks for %s (built-in default)", f.Qual, fmtDur(d))
				}
				c.s.block(c, d, p, f.Qual)
				if v, ok := c.callKnownExternal(f.Qual, args, kws, p); ok {
					return v, nil // os.path.exists: blocking, its answer from outside
				}
				return &External{Qual: f.Qual, Called: true}, nil
			}
		}
		if !f.Called {
			if v, ok := c.callKnownExternal(f.Qual, args, kws, p); ok {
				return v, nil
			}
		}
		if !f.Called && mutatesArgs(f.Qual, args) {
			c.s.assume(p, 0.85, "%s() is not simulated; what it does to the list or dict passed to it is unknown", f.Qual)
		}
		if !c.s.modelledExternally(f.Qual) {
			c.s.notModelled(p, f.Qual)
		}
		return &External{Qual: f.Qual, Called: true}, nil
	case *UnknownValue:
		c.s.addAssumption(p, 0.8, true, "call of an unknown value (%s) not modelled: assumed to take no time", f.Why)
		return &UnknownValue{Why: "result of " + f.Why, From: f.From}, nil
	}
	return nil, newExc("TypeError", "'%s' object is not callable (line %d)", typeName(fn), p.Line)
}

func (c *ctx) callFunc(f *FuncVal, args []Value, kws []kwarg, p Pos) (Value, error) {
	c.s.cpu(4) // a Python call (frame, arguments) costs about 60 ns
	fn := f.Fn
	globals := c.s.globals
	if f.globals != nil {
		globals = f.globals // a function of another module of the project
	}
	parent := f.Closure
	fr := newFrame(parent, globals)
	if f.Self != nil {
		args = append([]Value{f.Self}, args...)
	}
	if f.Class != nil && len(args) > 0 && !f.static {
		fr.class, fr.self = f.Class, args[0]
	}
	var extra []Value
	pi := 0
	kwDict := &Dict{}
	hasKw := false
	for i, prm := range fn.Params {
		switch prm.Kind {
		case ParamNormal:
			if pi < len(args) {
				fr.vars[prm.Name] = args[pi]
				pi++
			} else if f.defaults[i] != nil || prm.Default != nil {
				fr.vars[prm.Name] = f.defaults[i]
			}
		case ParamVarArgs:
			if pi < len(args) {
				extra = args[pi:]
				pi = len(args)
			}
			fr.vars[prm.Name] = &List{Kind: "tuple", Elems: append([]Value(nil), extra...)}
		case ParamKwOnly:
			if prm.Default != nil {
				fr.vars[prm.Name] = f.defaults[i]
			}
		case ParamKwArgs:
			hasKw = true
			fr.vars[prm.Name] = kwDict
		}
	}
	if pi < len(args) {
		return nil, newExc("TypeError", "%s() takes %d positional arguments but %d were given (line %d)", fn.Name, pi, len(args), p.Line)
	}
	for _, kw := range kws {
		found := false
		for _, prm := range fn.Params {
			if prm.Name == kw.Name && (prm.Kind == ParamNormal || prm.Kind == ParamKwOnly) {
				fr.vars[kw.Name] = kw.Value
				found = true
			}
		}
		if !found {
			if !hasKw {
				return nil, newExc("TypeError", "%s() got an unexpected keyword argument '%s' (line %d)", fn.Name, kw.Name, p.Line)
			}
			kwDict.set(kw.Name, kw.Value)
		}
	}
	for _, prm := range fn.Params {
		if prm.Kind == ParamNormal || prm.Kind == ParamKwOnly {
			if _, ok := fr.vars[prm.Name]; !ok {
				return nil, newExc("TypeError", "%s() missing required argument '%s' (line %d)", fn.Name, prm.Name, p.Line)
			}
		}
	}
	run := func(c *ctx) (Value, error) {
		c.depth++
		outer, outerLoops := c.fn, c.loops
		c.fn, c.loops = fn.Name, nil
		defer func() { c.depth--; c.fn, c.loops = outer, outerLoops }()
		if c.depth > 900 {
			return nil, newExc("RecursionError", "maximum recursion depth exceeded in %s", fn.Name)
		}
		k, v, err := c.execBlock(fr, fn.Body)
		if err != nil {
			return nil, err
		}
		if k == ctrlReturn {
			return v, nil
		}
		return nil, nil
	}
	if fn.Latency != nil {
		lat := *fn.Latency
		if !fn.Async {
			c.s.block(c, lat, p, fn.Name)
			return &UnknownValue{Why: "result of " + fn.Name}, nil
		}
		run = func(c *ctx) (Value, error) {
			return &UnknownValue{Why: "result of " + fn.Name}, c.sleep(lat, SpanIO, fn.Name, p)
		}
	}
	if fn.Generator {
		return c.s.newGenerator(fn.Name, fn.Async, run), nil
	}
	if fn.Async {
		args := make([]Value, 0, len(fn.Params))
		for _, prm := range fn.Params {
			args = append(args, fr.vars[prm.Name])
		}
		return &Coroutine{Name: fn.Name, P: fn.P, run: run, args: args}, nil
	}
	return run(c)
}

// await implements the await expression on any value.
func (c *ctx) await(v Value, p Pos, label string) (Value, error) {
	switch x := v.(type) {
	case *Coroutine:
		if x.used {
			return nil, newExc("RuntimeError", "cannot reuse already awaited coroutine %s (line %d)", x.Name, p.Line)
		}
		x.used = true
		if c.t == nil {
			return nil, newExc("RuntimeError", "await outside a running task (line %d)", p.Line)
		}
		return x.run(c)
	case *Task:
		return c.awaitFuture(x.F, SpanWait, x.Name, -1, p)
	case *Future:
		kind := SpanWait
		if x.label != "" {
			kind = SpanExecutor
			label = x.label
		}
		return c.awaitFuture(x, kind, label, -1, p)
	case *External:
		if x.Qual == "asyncio.Server.serve_forever" {
			// serves until cancelled: a future nothing completes
			c.s.assume(p, 1, "%s serves until something outside the program stops it (a signal, a cancel)", x.Qual)
			return c.awaitFuture(c.s.newFuture(), SpanIO, x.Qual, -1, p)
		}
		d, src := c.s.latencyOf(x.Qual)
		c.s.assume(p, src.weight(), "await %s takes %s (%s)", x.Qual, fmtDur(d), src)
		// Its answer comes from the network or a service: data from outside.
		from := &Outside{What: "the answer of " + x.Qual, Line: p.Line}
		return &External{Qual: returnType(x.Qual), Called: true, From: from}, c.sleep(d, SpanIO, x.Qual, p)
	case *UnknownValue:
		c.s.addAssumption(p, 0.6, true, "awaited value %s is unknown; assumed to complete at once", label)
		return &UnknownValue{Why: "result of " + label, From: x.From}, c.yieldBare(p)
	case *Instance:
		if m, ok := x.Class.lookup("__await__"); ok {
			_ = m
			c.s.addAssumption(p, 0.6, true, "custom awaitable %s (__await__) not modelled: assumed instantaneous", x.Class.Name)
			return &UnknownValue{Why: "custom awaitable"}, nil
		}
	}
	return nil, newExc("TypeError", "object %s can't be used in 'await' expression (line %d)", typeName(v), p.Line)
}

func (c *ctx) placeholder(fr *frame, x *Placeholder) (Value, error) {
	if x.Type != nil {
		tv, err := c.eval(fr, x.Type)
		if err == nil {
			switch t := tv.(type) {
			case *Class:
				if !t.IsExc {
					return &Instance{Class: t, Attrs: map[string]Value{}}, nil
				}
			case *External:
				return &External{Qual: t.Qual, Called: true}, nil
			}
		}
	}
	c.s.assume(x.P, 0.7, "argument %s is unknown when the function is simulated on its own", x.Name)
	return &UnknownValue{Why: "argument " + x.Name}, nil
}

func (c *ctx) evalYield(fr *frame, x *Yield) (Value, error) {
	if c.gen == nil {
		return nil, newExc("SyntaxError", "'yield' outside a generator (line %d)", x.P.Line)
	}
	var v Value
	if x.Value != nil {
		var err error
		if v, err = c.eval(fr, x.Value); err != nil {
			return nil, err
		}
	}
	if x.From {
		err := c.forEach(v, x.P, func(item Value) (bool, error) {
			in := c.gen.suspend(genMsg{kind: genItem, value: item})
			return false, in.err
		})
		return nil, err
	}
	in := c.gen.suspend(genMsg{kind: genItem, value: v})
	return in.v, in.err
}

// bigInt is the result of integer arithmetic beyond 64 bits, which the
// simulator does not model: an unknown value, or the end of the simulation
// when the integer (of about resultBits bits) is too large to build.
func (c *ctx) bigInt(op string, l, r int64, resultBits float64, p Pos) Value {
	digits := resultBits * math.Log10(2)
	if digits > float64(c.s.cfg.MaxValueSize) {
		c.allocate(int64(min(digits, math.MaxInt64/2)), fmt.Sprintf("an integer (%d %s %d)", l, op, r), p)
	}
	c.s.assume(p, 0.5, "integers beyond 64 bits are not simulated: %d %s %d is unknown", l, op, r)
	return &UnknownValue{Why: "integer beyond 64 bits"}
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// bitLen is the number of bits of |x|.
func bitLen(x int64) int {
	if x == math.MinInt64 {
		return 64
	}
	return bits.Len64(uint64(abs64(x)))
}

// powInt is b**e by squaring; ok is false when it overflows int64.
func powInt(b, e int64) (int64, bool) {
	res := int64(1)
	for e > 0 {
		if e&1 == 1 {
			hi, lo := bits.Mul64(uint64(abs64(res)), uint64(abs64(b)))
			if hi != 0 || lo > math.MaxInt64 || b == math.MinInt64 {
				return 0, false
			}
			res *= b
		}
		e >>= 1
		if e > 0 {
			hi, lo := bits.Mul64(uint64(abs64(b)), uint64(abs64(b)))
			if hi != 0 || lo > math.MaxInt64 {
				if b == 1 || b == -1 || b == 0 {
					break
				}
				return 0, false
			}
			b *= b
		}
	}
	return res, true
}
