package loopsim

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
)

// callMoreStdlib implements urllib.parse, more of math and itertools, and
// contextlib.aclosing/nullcontext; ok is false for other names.
func (c *ctx) callMoreStdlib(q string, args []Value, kws []kwarg, p Pos) (Value, bool, error) {
	if strings.HasPrefix(q, "urllib.parse.") {
		v, err := c.urllibParse(q[len("urllib.parse."):], args, kws, p)
		return v, true, err
	}
	if strings.HasPrefix(q, "statistics.") {
		return c.statisticsCall(q[len("statistics."):], args, p)
	}
	if strings.HasPrefix(q, "math.") {
		if v, ok := c.mathCall(q[len("math."):], args, p); ok {
			return v, true, nil
		}
		return nil, false, nil
	}
	if v, ok, err := c.callCodec(q, args, kws, p); ok {
		return v, true, err
	}
	switch q {
	case "itertools.batched":
		if len(args) != 2 {
			break
		}
		n, ok := toInt(args[1])
		if !ok || isUnknown(args[0]) {
			return unknownOf(q, args...), true, nil
		}
		if n < 1 {
			return nil, true, newExc("ValueError", "n must be at least one (line %d)", p.Line)
		}
		items, err := c.toList(args[0], p)
		if err != nil {
			return nil, true, err
		}
		out := &List{Kind: "list"}
		for i := 0; i < len(items); i += int(n) {
			out.Elems = append(out.Elems, &List{Kind: "tuple", Elems: items[i:min(len(items), i+int(n))]})
		}
		return out, true, nil
	case "bisect.bisect_left", "bisect.bisect_right", "bisect.bisect", "bisect.insort_left", "bisect.insort_right", "bisect.insort":
		if len(args) < 2 {
			break
		}
		l, ok := args[0].(*List)
		if !ok || l.Kind == "set" {
			break
		}
		keyFn, _ := argAt(nil, kws, -1, "key")
		lo, hi := 0, len(l.Elems)
		if v, ok := argAt(args, kws, 2, "lo"); ok {
			n, known := toInt(v)
			if !known {
				return unknownOf(q, v), true, nil
			}
			lo = int(max(0, min(n, int64(hi))))
		}
		if v, ok := argAt(args, kws, 3, "hi"); ok && v != nil {
			n, known := toInt(v)
			if !known {
				return unknownOf(q, v), true, nil
			}
			hi = int(max(int64(lo), min(n, int64(hi))))
		}
		x := args[1]
		xk := x
		if keyFn != nil && strings.HasPrefix(q, "bisect.bisect") {
			// bisect's key applies to the list's items only; insort's to x too
		} else if keyFn != nil {
			var err error
			if xk, err = c.call(keyFn, []Value{x}, nil, p); err != nil {
				return nil, true, err
			}
		}
		right := !strings.HasSuffix(q, "_left")
		// CPython's binary search, comparing with < only
		for lo < hi {
			mid := (lo + hi) / 2
			mk := l.Elems[mid]
			if keyFn != nil {
				var err error
				if mk, err = c.call(keyFn, []Value{mk}, nil, p); err != nil {
					return nil, true, err
				}
			}
			c.s.cpu(2)
			var lt, known bool
			if right {
				lt, known = c.less(xk, mk) // x < a[mid]: go left
			} else {
				lt, known = c.less(mk, xk) // a[mid] < x: go right
			}
			if !known {
				return unknownOf(q, x, mk), true, nil
			}
			if right == lt {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		if strings.HasPrefix(q, "bisect.insort") {
			if l.Kind == "tuple" {
				return nil, true, newExc("AttributeError", "'tuple' object has no attribute 'insert' (line %d)", p.Line)
			}
			c.allocate(int64(len(l.Elems)+1), "a list", p)
			l.Elems = append(l.Elems[:lo:lo], append([]Value{x}, l.Elems[lo:]...)...)
			return nil, true, nil
		}
		return int64(lo), true, nil
	case "itertools.groupby":
		if len(args) == 0 || isUnknown(args[0]) {
			return unknownOf(q, args...), true, nil
		}
		items, err := c.toList(args[0], p)
		if err != nil {
			return nil, true, err
		}
		keyFn, _ := argAt(args, kws, 1, "key")
		out := &List{Kind: "list", Iter: true}
		var group *List
		var last Value
		for _, it := range items {
			k := it
			if keyFn != nil {
				if k, err = c.call(keyFn, []Value{it}, nil, p); err != nil {
					return nil, true, err
				}
			}
			if group != nil {
				eq, known := c.equal(k, last)
				if !known {
					return unknownOf(q, k, last), true, nil
				}
				if eq {
					group.Elems = append(group.Elems, it)
					continue
				}
			}
			group = &List{Kind: "list", Iter: true, Elems: []Value{it}}
			last = k
			out.Elems = append(out.Elems, &List{Kind: "tuple", Elems: []Value{k, group}})
		}
		return out, true, nil
	case "itertools.pairwise":
		if len(args) != 1 || isUnknown(args[0]) {
			return unknownOf(q, args...), true, nil
		}
		items, err := c.toList(args[0], p)
		if err != nil {
			return nil, true, err
		}
		out := &List{Kind: "list"}
		for i := 0; i+1 < len(items); i++ {
			out.Elems = append(out.Elems, &List{Kind: "tuple", Elems: []Value{items[i], items[i+1]}})
		}
		return out, true, nil
	case "itertools.accumulate":
		if len(args) == 0 || isUnknown(args[0]) {
			return unknownOf(q, args...), true, nil
		}
		items, err := c.toList(args[0], p)
		if err != nil {
			return nil, true, err
		}
		out := &List{Kind: "list"}
		var acc Value
		if v, ok := argAt(nil, kws, -1, "initial"); ok && v != nil {
			acc = v
			out.Elems = append(out.Elems, acc)
		}
		for _, it := range items {
			if acc == nil {
				acc = it
			} else if len(args) > 1 && args[1] != nil {
				if acc, err = c.call(args[1], []Value{acc, it}, nil, p); err != nil {
					return nil, true, err
				}
			} else if acc, err = c.binop("+", acc, it, p); err != nil {
				return nil, true, err
			}
			out.Elems = append(out.Elems, acc)
		}
		return out, true, nil
	case "itertools.cycle":
		if len(args) == 1 && !isUnknown(args[0]) {
			items, err := c.toList(args[0], p)
			if err != nil {
				return nil, true, err
			}
			if len(items) > 0 {
				// Materialised up to the simulator's bound: loops over a
				// cycle end with break, long before that.
				out := &List{Kind: "list"}
				for len(out.Elems) < maxMaterialized {
					out.Elems = append(out.Elems, items...)
				}
				return out, true, nil
			}
			return &List{Kind: "list"}, true, nil
		}
	case "contextlib.aclosing", "contextlib.closing", "contextlib.nullcontext":
		var obj Value
		if len(args) > 0 {
			obj = args[0]
		}
		return &closingCM{obj: obj, async: q == "contextlib.aclosing", close: q != "contextlib.nullcontext"}, true, nil
	}
	return nil, false, nil
}

// closingCM is contextlib.closing/aclosing/nullcontext: entering gives the
// object, leaving calls its close()/aclose() (nothing for nullcontext).
type closingCM struct {
	obj          Value
	async, close bool
}

// splitResultClass is urllib.parse's SplitResult/ParseResult named tuple.
var splitResultClass = &Class{Name: "SplitResult", Attrs: map[string]Value{}, Tuple: true,
	Fields: []string{"scheme", "netloc", "path", "query", "fragment"}}

func (c *ctx) urllibParse(name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	for _, a := range args {
		if isUnknown(a) {
			return unknownOf("urllib.parse."+name, a), nil
		}
	}
	str := func(i int) (string, bool) {
		if i >= len(args) {
			return "", false
		}
		s, ok := args[i].(string)
		return s, ok
	}
	switch name {
	case "urlsplit", "urlparse":
		s, ok := str(0)
		if !ok {
			break
		}
		return splitURL(s), nil
	case "urljoin":
		base, ok1 := str(0)
		ref, ok2 := str(1)
		if !ok1 || !ok2 {
			break
		}
		b, err1 := url.Parse(base)
		r, err2 := url.Parse(ref)
		if err1 != nil || err2 != nil {
			break
		}
		return b.ResolveReference(r).String(), nil
	case "quote", "quote_plus":
		s, ok := str(0)
		if !ok {
			break
		}
		if name == "quote_plus" {
			return url.QueryEscape(s), nil
		}
		return strings.ReplaceAll(url.PathEscape(s), "%2F", "/"), nil
	case "unquote", "unquote_plus":
		s, ok := str(0)
		if !ok {
			break
		}
		if name == "unquote_plus" {
			s = strings.ReplaceAll(s, "+", " ")
		}
		if u, err := url.PathUnescape(s); err == nil {
			return u, nil
		}
	case "urlencode":
		if len(args) == 1 {
			if d, ok := args[0].(*Dict); ok {
				var parts []string
				for i, k := range d.Keys {
					ks, ok1 := str2(k)
					vs, ok2 := str2(d.Vals[i])
					if !ok1 || !ok2 {
						return &UnknownValue{Why: "urlencode of unknown"}, nil
					}
					parts = append(parts, url.QueryEscape(ks)+"="+url.QueryEscape(vs))
				}
				return strings.Join(parts, "&"), nil
			}
		}
	case "parse_qs", "parse_qsl":
		s, ok := str(0)
		if !ok {
			break
		}
		vals, err := url.ParseQuery(s)
		if err != nil {
			break
		}
		// Go's map loses the order; rebuild it from the string.
		d, l := &Dict{}, &List{Kind: "list"}
		for _, pair := range strings.FieldsFunc(s, func(r rune) bool { return r == '&' || r == ';' }) {
			k, _, _ := strings.Cut(pair, "=")
			k, _ = url.QueryUnescape(k)
			if _, seen := d.get(k); seen || len(vals[k]) == 0 {
				continue
			}
			vl := &List{Kind: "list"}
			for _, v := range vals[k] {
				vl.Elems = append(vl.Elems, v)
				l.Elems = append(l.Elems, &List{Kind: "tuple", Elems: []Value{k, v}})
			}
			d.set(k, vl)
		}
		if name == "parse_qs" {
			return d, nil
		}
		return l, nil
	}
	return c.unmodelled(p, "urllib.parse."+name), nil
}

func str2(v Value) (string, bool) {
	if isUnknown(v) {
		return "", false
	}
	s, ok := str(v, false).(string)
	return s, ok
}

// splitURL is urllib.parse.urlsplit: scheme, netloc, path, query,
// fragment, plus hostname/port/username/password as attributes.
func splitURL(s string) *Instance {
	scheme, rest := "", s
	if i := strings.IndexByte(s, ':'); i > 0 {
		valid := true
		for j, r := range s[:i] {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
				valid = false
				break
			}
		}
		if valid {
			scheme, rest = strings.ToLower(s[:i]), s[i+1:]
		}
	}
	netloc := ""
	if strings.HasPrefix(rest, "//") {
		rest = rest[2:]
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		netloc, rest = rest[:end], rest[end:]
	}
	fragment := ""
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest, fragment = rest[:i], rest[i+1:]
	}
	query := ""
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest, query = rest[:i], rest[i+1:]
	}
	in := &Instance{Class: splitResultClass, Attrs: map[string]Value{
		"scheme": scheme, "netloc": netloc, "path": rest, "query": query, "fragment": fragment,
	}}
	host := netloc
	var user, pass Value
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		u, pw, hasPw := strings.Cut(host[:i], ":")
		user = u
		if hasPw {
			pass = pw
		}
		host = host[i+1:]
	}
	var port Value
	if strings.HasPrefix(host, "[") {
		if j := strings.IndexByte(host, ']'); j > 0 {
			if after := host[j+1:]; strings.HasPrefix(after, ":") {
				if n, err := strconv.Atoi(after[1:]); err == nil {
					port = int64(n)
				}
			}
			host = host[1:j]
		}
	} else if h, ps, ok := strings.Cut(host, ":"); ok {
		host = h
		if n, err := strconv.Atoi(ps); err == nil {
			port = int64(n)
		}
	}
	var hostname Value
	if host != "" {
		hostname = strings.ToLower(host)
	}
	in.Attrs["hostname"], in.Attrs["port"], in.Attrs["username"], in.Attrs["password"] = hostname, port, user, pass
	return in
}

// mathCall implements the math functions timing code uses.
func (c *ctx) mathCall(name string, args []Value, p Pos) (Value, bool) {
	fs := make([]float64, len(args))
	for i, a := range args {
		f, ok := toFloat(a)
		if !ok {
			if isUnknown(a) {
				return unknownOf("math."+name, a), true
			}
			if name == "prod" || name == "fsum" {
				break
			}
			return nil, false
		}
		fs[i] = f
	}
	one := len(args) == 1
	switch name {
	case "log":
		if one {
			return math.Log(fs[0]), true
		}
		if len(args) == 2 {
			return math.Log(fs[0]) / math.Log(fs[1]), true
		}
	case "log2", "log10", "exp", "sin", "cos", "tan", "atan", "fabs", "log1p", "expm1":
		if one {
			fn := map[string]func(float64) float64{"log2": math.Log2, "log10": math.Log10, "exp": math.Exp, "sin": math.Sin,
				"cos": math.Cos, "tan": math.Tan, "atan": math.Atan, "fabs": math.Abs, "log1p": math.Log1p, "expm1": math.Expm1}[name]
			return fn(fs[0]), true
		}
	case "trunc":
		if one {
			return int64(math.Trunc(fs[0])), true
		}
	case "isfinite", "isinf", "isnan":
		if one {
			switch name {
			case "isfinite":
				return !math.IsInf(fs[0], 0) && !math.IsNaN(fs[0]), true
			case "isinf":
				return math.IsInf(fs[0], 0), true
			}
			return math.IsNaN(fs[0]), true
		}
	case "pow", "hypot", "atan2", "copysign", "fmod":
		if len(args) == 2 {
			fn := map[string]func(float64, float64) float64{"pow": math.Pow, "hypot": math.Hypot, "atan2": math.Atan2,
				"copysign": math.Copysign, "fmod": math.Mod}[name]
			return fn(fs[0], fs[1]), true
		}
	case "isclose":
		if len(args) == 2 {
			return math.Abs(fs[0]-fs[1]) <= 1e-9*math.Max(math.Abs(fs[0]), math.Abs(fs[1])), true
		}
	case "gcd":
		if len(args) == 2 {
			a, ok1 := toInt(args[0])
			b, ok2 := toInt(args[1])
			if ok1 && ok2 {
				for b != 0 {
					a, b = b, a%b
				}
				if a < 0 {
					a = -a
				}
				return a, true
			}
		}
	case "factorial", "isqrt":
		if n, ok := toInt(firstArg(args)); ok && one && n >= 0 && n <= 20 {
			if name == "isqrt" {
				return int64(math.Sqrt(float64(n))), true
			}
			r := int64(1)
			for i := int64(2); i <= n; i++ {
				r *= i
			}
			return r, true
		}
	case "prod", "fsum":
		if !one {
			break
		}
		items, err := c.toList(args[0], p)
		if err != nil {
			return nil, false
		}
		var acc Value = int64(1)
		if name == "fsum" {
			acc = 0.0
		}
		op := map[string]string{"prod": "*", "fsum": "+"}[name]
		for _, it := range items {
			v, err := c.binop(op, acc, it, p)
			if err != nil {
				return nil, false
			}
			acc = v
		}
		if name == "fsum" {
			if f, ok := toFloat(acc); ok {
				return f, true
			}
		}
		return acc, true
	}
	return nil, false
}

// environmentCalls return values that depend on the machine, its
// environment or its files: instantaneous, their values unknown (an
// assumption names them where a value matters).
// Interpreter semantics of stdlib calls (what their values are), not in pylib.
var environmentCalls = map[string]bool{
	"os.getenv": true, "os.environ.get": true, "os.cpu_count": true, "os.getpid": true, "os.getcwd": true,
	"os.listdir": true, "os.path.exists": true, "os.path.isfile": true, "os.path.isdir": true,
	"os.path.getsize": true, "os.stat": true, "socket.gethostname": true, "getpass.getuser": true,
	"platform.system": true, "platform.node": true, "platform.machine": true, "platform.python_version": true,
	"shutil.which": true, "multiprocessing.cpu_count": true,
}

// randomCalls return random values: instantaneous, values unknowable.
// Interpreter semantics of stdlib calls, not in pylib.
var randomCalls = map[string]bool{
	"uuid.uuid4": true, "uuid.uuid1": true, "os.urandom": true, "secrets.token_hex": true,
	"secrets.token_bytes": true, "secrets.token_urlsafe": true, "secrets.randbelow": true, "secrets.choice": true,
}

// callKnownExternal models synchronous calls into libraries the simulator
// does not implement as objects but whose cost and result it knows: the
// environment and randomness (instantaneous, value unknown, and said so
// where the value matters) and json. ok is false for other names.
func (c *ctx) callKnownExternal(q string, args []Value, kws []kwarg, p Pos) (Value, bool) {
	switch {
	case environmentCalls[q]:
		return &UnknownValue{Why: q + "() (the machine, its environment or files)", From: &Outside{What: q + "()", Line: p.Line}}, true
	case randomCalls[q]:
		return &UnknownValue{Why: q + "() (random)", From: &Outside{What: q + "()", Line: p.Line}}, true
	case q == "json.dumps":
		if len(args) == 1 && len(kws) == 0 {
			if s, ok := jsonDump(args[0]); ok {
				c.s.cpu(float64(len(s)) / 8)
				return s, true
			}
		}
	case q == "json.loads":
		if len(args) == 1 {
			var s string
			switch x := args[0].(type) {
			case string:
				s = x
			case *Bytes:
				s = string(x.B)
			default:
				return nil, false
			}
			dec := json.NewDecoder(strings.NewReader(s))
			dec.UseNumber()
			if v, err := decodeJSON(dec); err == nil && !dec.More() {
				c.s.cpu(float64(len(s)) / 8)
				return v, true
			}
		}
	}
	return nil, false
}

// jsonDump is json.dumps(v) with its default separators, for plain data.
func jsonDump(v Value) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "null", true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return "", false
		}
		return repr(x), true
	case string:
		b, err := json.Marshal(x)
		if err != nil {
			return "", false
		}
		// Python escapes non-ASCII (ensure_ascii) and not <, >, &.
		out := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(string(b))
		var esc strings.Builder
		for _, r := range out {
			if r > 127 {
				if r > 0xFFFF {
					r1, r2 := utf16.EncodeRune(r)
					fmt.Fprintf(&esc, `\u%04x\u%04x`, r1, r2)
				} else {
					fmt.Fprintf(&esc, `\u%04x`, r)
				}
				continue
			}
			esc.WriteRune(r)
		}
		return esc.String(), true
	case *List:
		if x.Kind == "set" {
			return "", false
		}
		parts := make([]string, len(x.Elems))
		for i, e := range x.Elems {
			s, ok := jsonDump(e)
			if !ok {
				return "", false
			}
			parts[i] = s
		}
		return "[" + strings.Join(parts, ", ") + "]", true
	case *Dict:
		parts := make([]string, len(x.Keys))
		for i, k := range x.Keys {
			var ks string
			switch kk := k.(type) {
			case string:
				ks, _ = jsonDump(kk)
			case int64, float64, bool, nil:
				s, _ := jsonDump(kk)
				ks, _ = jsonDump(s)
			default:
				return "", false
			}
			vs, ok := jsonDump(x.Vals[i])
			if !ok {
				return "", false
			}
			parts[i] = ks + ": " + vs
		}
		return "{" + strings.Join(parts, ", ") + "}", true
	}
	return "", false
}

// decodeJSON reads one JSON value keeping the order of object keys, as
// json.loads does.
func decodeJSON(dec *json.Decoder) (Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch x := tok.(type) {
	case json.Delim:
		switch x {
		case '[':
			l := &List{Kind: "list"}
			for dec.More() {
				v, err := decodeJSON(dec)
				if err != nil {
					return nil, err
				}
				l.Elems = append(l.Elems, v)
			}
			_, err := dec.Token()
			return l, err
		case '{':
			d := &Dict{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeJSON(dec)
				if err != nil {
					return nil, err
				}
				d.set(kt.(string), v)
			}
			_, err := dec.Token()
			return d, err
		}
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n, nil
		}
		f, _ := x.Float64()
		return f, nil
	case nil, bool, string:
		return x, nil
	}
	return nil, fmt.Errorf("unexpected JSON token %v", tok)
}

// statisticsCall implements statistics.mean/fmean/median(_low/_high) and
// (p)stdev/(p)variance over known numbers; mean is exact, as CPython's
// (a correctly rounded mean of the exact sum).
func (c *ctx) statisticsCall(name string, args []Value, p Pos) (Value, bool, error) {
	if len(args) != 1 {
		return nil, false, nil
	}
	if isUnknown(args[0]) {
		return unknownOf("statistics."+name, args[0]), true, nil
	}
	items, err := c.toList(args[0], p)
	if err != nil {
		return nil, true, err
	}
	if len(items) == 0 {
		return nil, true, &Exc{Type: "StatisticsError", Msg: name + " requires at least one data point"}
	}
	fs := make([]float64, len(items))
	allInt := true
	for i, it := range items {
		f, ok := toFloat(it)
		if !ok {
			return unknownOf("statistics."+name, it), true, nil
		}
		if _, isInt := it.(int64); !isInt {
			allInt = false
		}
		fs[i] = f
	}
	c.s.cpu(float64(len(fs)) * 20) // exact fractions: slow
	exactMean := func() float64 {
		sum := new(big.Rat)
		for _, f := range fs {
			sum.Add(sum, new(big.Rat).SetFloat64(f))
		}
		m, _ := sum.Quo(sum, new(big.Rat).SetInt64(int64(len(fs)))).Float64()
		return m
	}
	switch name {
	case "mean":
		m := exactMean()
		if allInt && m == math.Trunc(m) {
			return int64(m), true, nil // ints with an integral mean give an int
		}
		return m, true, nil
	case "fmean":
		return exactMean(), true, nil
	case "median", "median_low", "median_high":
		sorted := append([]float64(nil), fs...)
		sort.Float64s(sorted)
		n := len(sorted)
		if n%2 == 1 {
			return items[indexOfSorted(items, sorted[n/2])], true, nil
		}
		switch name {
		case "median_low":
			return items[indexOfSorted(items, sorted[n/2-1])], true, nil
		case "median_high":
			return items[indexOfSorted(items, sorted[n/2])], true, nil
		}
		return (sorted[n/2-1] + sorted[n/2]) / 2, true, nil
	case "pstdev", "stdev", "pvariance", "variance":
		n := float64(len(fs))
		if (name == "stdev" || name == "variance") && len(fs) < 2 {
			return nil, true, &Exc{Type: "StatisticsError", Msg: name + " requires at least two data points"}
		}
		m := exactMean()
		ss := 0.0
		for _, f := range fs {
			ss += (f - m) * (f - m)
		}
		v := ss / n
		if name == "stdev" || name == "variance" {
			v = ss / (n - 1)
		}
		if strings.HasSuffix(name, "stdev") {
			return math.Sqrt(v), true, nil
		}
		return v, true, nil
	}
	return nil, false, nil
}

func indexOfSorted(items []Value, f float64) int {
	for i, it := range items {
		if g, _ := toFloat(it); g == f {
			return i
		}
	}
	return 0
}

// statisticsFuncs are the statistics functions the interpreter computes
// (its own implementation; not in pylib).
var statisticsFuncs = map[string]bool{
	"statistics.mean": true, "statistics.fmean": true, "statistics.median": true, "statistics.median_low": true,
	"statistics.median_high": true, "statistics.pstdev": true, "statistics.stdev": true,
	"statistics.pvariance": true, "statistics.variance": true,
}
