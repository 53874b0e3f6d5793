package loopsim

import (
	"regexp"
	"strings"
)

// Regular expressions (the re module) run on Go's RE2 engine when the
// pattern compiles there; patterns using what only Python's engine has
// (backreferences, lookaround) are unmodelled steps.

// RePattern is a compiled re pattern (re.compile).
type RePattern struct {
	re  *regexp.Regexp
	src string
}

// ReMatch is a re match object.
type ReMatch struct {
	re  *regexp.Regexp
	s   string
	loc []int
}

// re flags, as CPython numbers them.
// Interpreter values (CPython's flag numbers), not in pylib.
var reFlags = map[string]Value{
	"re.I": int64(2), "re.IGNORECASE": int64(2), "re.M": int64(8), "re.MULTILINE": int64(8),
	"re.S": int64(16), "re.DOTALL": int64(16), "re.X": int64(64), "re.VERBOSE": int64(64), "re.A": int64(256), "re.ASCII": int64(256),
}

func (c *ctx) compileRe(pat Value, flags Value, p Pos) (*RePattern, Value) {
	if pp, ok := pat.(*RePattern); ok {
		return pp, nil
	}
	s, ok := pat.(string)
	if !ok {
		if isUnknown(pat) {
			return nil, unknownOf("re pattern", pat)
		}
		return nil, c.unmodelled(p, "re with a "+typeName(pat)+" pattern")
	}
	prefix := ""
	if f, ok := toInt(flags); ok && f != 0 {
		if f&64 != 0 {
			return nil, c.unmodelled(p, "re.VERBOSE")
		}
		if f&2 != 0 {
			prefix += "i"
		}
		if f&8 != 0 {
			prefix += "m"
		}
		if f&16 != 0 {
			prefix += "s"
		}
	}
	src := strings.ReplaceAll(s, "(?P<", "(?P<") // Go accepts Python's named groups
	if prefix != "" {
		src = "(?" + prefix + ")" + src
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, c.unmodelled(p, "re pattern "+repr(s)+" (Python-only syntax)")
	}
	return &RePattern{re: re, src: s}, nil
}

// callRe is re.NAME(pattern, ...) at module level.
func (c *ctx) callRe(name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	if name == "escape" {
		if s, ok := firstArg(args).(string); ok {
			return regexp.QuoteMeta(s), nil
		}
		return unknownOf("re.escape", args...), nil
	}
	pat, _ := argAt(args, kws, 0, "pattern")
	// flags is the last positional parameter of each function
	flagsAt := map[string]int{"compile": 1, "match": 2, "search": 2, "fullmatch": 2, "findall": 2, "finditer": 2, "split": 3, "sub": 4, "subn": 4}[name]
	flags, _ := argAt(nil, kws, -1, "flags")
	if flagsAt > 0 && len(args) > flagsAt {
		flags = args[flagsAt]
		args = args[:flagsAt]
	}
	var rest []kwarg
	for _, kw := range kws {
		if kw.Name != "flags" && kw.Name != "pattern" {
			rest = append(rest, kw)
		}
	}
	kws = rest
	pp, bad := c.compileRe(pat, flags, p)
	if bad != nil {
		return bad, nil
	}
	if name == "compile" {
		return pp, nil
	}
	var after []Value
	if len(args) > 1 {
		after = args[1:]
	}
	return c.patternMethod(pp, name, after, kws, p)
}

func (c *ctx) patternMethod(pp *RePattern, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	for _, a := range args {
		if isUnknown(a) {
			return unknownOf("re."+name, a), nil
		}
	}
	str := func(i int, kw string) (string, bool) {
		v, ok := argAt(args, kws, i, kw)
		if !ok {
			return "", false
		}
		s, ok := v.(string)
		return s, ok
	}
	positional := map[string]int{"match": 1, "search": 1, "fullmatch": 1, "findall": 1, "split": 1, "sub": 2}
	if n, ok := positional[name]; ok && (len(args) > n || len(kws) > 0 && name != "sub") {
		// pos/endpos, maxsplit, count: not modelled
		return c.unmodelled(p, "re."+name+" with extra arguments"), nil
	}
	switch name {
	case "match", "search", "fullmatch":
		s, ok := str(0, "string")
		if !ok {
			break
		}
		c.s.cpu(float64(len(s)) / 16)
		var loc []int
		switch name {
		case "search":
			loc = pp.re.FindStringSubmatchIndex(s)
		default:
			anchored := regexp.MustCompile(`^(?:` + pp.re.String() + `)`)
			if name == "fullmatch" {
				anchored = regexp.MustCompile(`^(?:` + pp.re.String() + `)$`)
			}
			loc = anchored.FindStringSubmatchIndex(s)
		}
		if loc == nil {
			return nil, nil
		}
		return &ReMatch{re: pp.re, s: s, loc: loc}, nil
	case "findall":
		s, ok := str(0, "string")
		if !ok {
			break
		}
		c.s.cpu(float64(len(s)) / 16)
		out := &List{Kind: "list"}
		for _, m := range pp.re.FindAllStringSubmatch(s, -1) {
			switch len(m) {
			case 1:
				out.Elems = append(out.Elems, m[0])
			case 2:
				out.Elems = append(out.Elems, m[1])
			default:
				t := &List{Kind: "tuple"}
				for _, g := range m[1:] {
					t.Elems = append(t.Elems, g)
				}
				out.Elems = append(out.Elems, t)
			}
		}
		return out, nil
	case "split":
		s, ok := str(0, "string")
		if !ok || pp.re.NumSubexp() > 0 {
			break
		}
		out := &List{Kind: "list"}
		for _, part := range pp.re.Split(s, -1) {
			out.Elems = append(out.Elems, part)
		}
		return out, nil
	case "sub":
		repl, ok1 := str(0, "repl")
		s, ok2 := str(1, "string")
		if !ok1 || !ok2 || strings.Contains(repl, `\`) {
			break
		}
		return pp.re.ReplaceAllLiteralString(s, repl), nil
	}
	return c.unmodelled(p, "re."+name), nil
}

func (c *ctx) matchMethod(m *ReMatch, name string, args []Value, p Pos) (Value, error) {
	group := func(g Value) (Value, bool) {
		i := -1
		switch x := g.(type) {
		case int64:
			i = int(x)
		case string:
			i = m.re.SubexpIndex(x)
		}
		if i < 0 || 2*i+1 >= len(m.loc) {
			return nil, false
		}
		if m.loc[2*i] < 0 {
			return nil, true
		}
		return m.s[m.loc[2*i]:m.loc[2*i+1]], true
	}
	switch name {
	case "group":
		if len(args) == 0 {
			args = []Value{int64(0)}
		}
		if len(args) == 1 {
			if v, ok := group(args[0]); ok {
				return v, nil
			}
			return nil, newExc("IndexError", "no such group (line %d)", p.Line)
		}
		t := &List{Kind: "tuple"}
		for _, a := range args {
			v, ok := group(a)
			if !ok {
				return nil, newExc("IndexError", "no such group (line %d)", p.Line)
			}
			t.Elems = append(t.Elems, v)
		}
		return t, nil
	case "groups":
		t := &List{Kind: "tuple"}
		for i := 1; i <= m.re.NumSubexp(); i++ {
			v, _ := group(int64(i))
			if v == nil && len(args) == 1 {
				v = args[0]
			}
			t.Elems = append(t.Elems, v)
		}
		return t, nil
	case "groupdict":
		d := &Dict{}
		for i, n := range m.re.SubexpNames() {
			if n != "" {
				v, _ := group(int64(i))
				d.set(n, v)
			}
		}
		return d, nil
	case "start", "end", "span":
		i := int64(0)
		if len(args) == 1 {
			i, _ = toInt(args[0])
		}
		if 2*int(i)+1 >= len(m.loc) {
			return nil, newExc("IndexError", "no such group (line %d)", p.Line)
		}
		st, en := int64(m.loc[2*i]), int64(m.loc[2*i+1])
		switch name {
		case "start":
			return st, nil
		case "end":
			return en, nil
		}
		return &List{Kind: "tuple", Elems: []Value{st, en}}, nil
	}
	return c.unmodelled(p, "re.Match."+name), nil
}
