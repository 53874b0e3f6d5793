package loopsim

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// FString is an f-string: literal parts and interpolated expressions.
type FString struct {
	Parts []FPart
	P     Pos
}

// FPart is a literal (X nil) or an interpolation {X!Conv:Spec}.
type FPart struct {
	Lit  string
	X    Expr
	Conv string
	Spec string
}

func (e *FString) exprPos() Pos { return e.P }

func (c *ctx) evalFString(fr *frame, x *FString) (Value, error) {
	var b strings.Builder
	for _, part := range x.Parts {
		if part.X == nil {
			b.WriteString(part.Lit)
			continue
		}
		v, err := c.eval(fr, part.X)
		if err != nil {
			return nil, err
		}
		if isUnknown(v) {
			return &UnknownValue{Why: "formatted string"}, nil
		}
		s, ok := c.pyFormat(v, part.Spec, part.Conv)
		if !ok {
			return &UnknownValue{Why: "formatted string"}, nil
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

var specRE = regexp.MustCompile(`^(?:(.)?([<>^=]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$`)

// pyFormat implements format(v, spec) for the common cases; ok is false
// for specs it does not know.
func (c *ctx) pyFormat(v Value, spec, conv string) (string, bool) {
	if conv == "r" || conv == "s" || conv == "a" {
		v = str(v, conv == "r" || conv == "a")
	}
	if spec == "" {
		return str(v, false).(string), true
	}
	m := specRE.FindStringSubmatch(spec)
	if m == nil {
		return "", false
	}
	fill, align, sign, zero, width, group, prec, typ := m[1], m[2], m[3], m[5], m[6], m[7], m[8], m[9]
	if prec != "" {
		if n, err := strconv.Atoi(prec); err != nil || n > 64 {
			// Digits beyond a float's precision cost memory, not meaning.
			c.allocate(int64(max(n, -1)), "a formatted field's precision", Pos{})
		}
	}
	var s string
	f, isNum := toFloat(v)
	_, isBoolV := v.(bool)
	switch {
	case typ == "s" || (typ == "" && !isNum) || (isBoolV && typ == ""):
		s = str(v, false).(string)
		if prec != "" {
			n, _ := strconv.Atoi(prec)
			if n < len(s) {
				s = s[:n]
			}
		}
	case isNum:
		p := -1
		if prec != "" {
			p, _ = strconv.Atoi(prec)
		}
		switch typ {
		case "f", "F":
			if p < 0 {
				p = 6
			}
			s = strconv.FormatFloat(f, 'f', p, 64)
		case "%":
			if p < 0 {
				p = 6
			}
			s = strconv.FormatFloat(f*100, 'f', p, 64) + "%"
		case "e", "E":
			if p < 0 {
				p = 6
			}
			s = strconv.FormatFloat(f, 'e', p, 64)
			s = fixExponent(s)
			if typ == "E" {
				s = strings.ToUpper(s)
			}
		case "d", "n":
			i, ok := toInt(v)
			if !ok {
				return "", false
			}
			s = strconv.FormatInt(i, 10)
		case "x", "X", "o", "b":
			i, ok := toInt(v)
			if !ok {
				return "", false
			}
			base := map[string]int{"x": 16, "X": 16, "o": 8, "b": 2}[typ]
			s = strconv.FormatInt(i, base)
			if typ == "X" {
				s = strings.ToUpper(s)
			}
		case "g", "G", "":
			if typ == "" && p < 0 {
				s = str(v, false).(string)
			} else {
				if p < 0 {
					p = 6
				}
				if p == 0 {
					p = 1
				}
				s = strconv.FormatFloat(f, 'g', p, 64)
				s = fixExponent(s)
			}
		default:
			return "", false
		}
		if group != "" && !strings.ContainsAny(s, "eE") {
			s = groupDigits(s, group)
		}
		if sign == "+" && f >= 0 {
			s = "+" + s
		} else if sign == " " && f >= 0 {
			s = " " + s
		}
		if zero != "" && align == "" {
			fill, align = "0", "="
		}
		if align == "" {
			align = ">"
		}
	default:
		return "", false
	}
	if width != "" {
		w, err := strconv.Atoi(width)
		if err != nil {
			w = -1 // more digits than an int: CPython refuses it too
		}
		if fill == "" {
			fill = " "
		}
		if align == "" {
			align = "<"
		}
		if pad := w - len([]rune(s)); pad > 0 || w < 0 {
			c.allocate(int64(w), "a formatted field", Pos{})
			left, right := "", ""
			switch align {
			case "<":
				right = strings.Repeat(fill, pad)
			case "^":
				left, right = strings.Repeat(fill, pad/2), strings.Repeat(fill, pad-pad/2)
			default:
				left = strings.Repeat(fill, pad)
			}
			if align == "=" && len(s) > 0 && (s[0] == '-' || s[0] == '+' || s[0] == ' ') {
				s = s[:1] + left + s[1:]
			} else {
				s = left + s + right
			}
		}
	}
	return s, true
}

func fixExponent(s string) string {
	// Go writes e+06 like Python; only single-digit exponents differ (e+6).
	if i := strings.LastIndexAny(s, "eE"); i >= 0 && len(s)-i == 3 {
		return s[:i+2] + "0" + s[i+2:]
	}
	return s
}

func groupDigits(s, sep string) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	out := b.String() + frac
	if neg {
		out = "-" + out
	}
	return out
}

// str is Python's str() (or repr() when asRepr) for simulated values.
func str(v Value, asRepr bool) Value {
	switch x := v.(type) {
	case string:
		if asRepr {
			return "'" + strings.ReplaceAll(x, "'", "\\'") + "'"
		}
		return x
	case float64:
		if math.IsInf(x, 1) {
			return "inf"
		}
		if math.IsInf(x, -1) {
			return "-inf"
		}
		if x == math.Trunc(x) && math.Abs(x) < 1e16 {
			return strconv.FormatFloat(x, 'f', 1, 64)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case *List:
		parts := make([]string, len(x.Elems))
		for i, e := range x.Elems {
			parts[i] = str(e, true).(string)
		}
		switch x.Kind {
		case "tuple":
			if len(parts) == 1 {
				return "(" + parts[0] + ",)"
			}
			return "(" + strings.Join(parts, ", ") + ")"
		case "set":
			if len(parts) == 0 {
				return "set()"
			}
			return "{" + strings.Join(parts, ", ") + "}"
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *Dict:
		parts := make([]string, len(x.Keys))
		for i := range x.Keys {
			parts[i] = str(x.Keys[i], true).(string) + ": " + str(x.Vals[i], true).(string)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case *Exc:
		if asRepr {
			return fmt.Sprintf("%s(%s)", x.Type, str(x.Msg, true))
		}
		return x.Msg
	}
	return repr(v)
}

// strMethod implements the str methods that can matter for values the
// program computes (keys, counts, loop items).
func (c *ctx) strMethod(s, name string, args []Value, kws []kwarg) (Value, bool) {
	arg := func(i int) (string, bool) {
		if i >= len(args) {
			return "", false
		}
		a, ok := args[i].(string)
		return a, ok
	}
	switch name {
	case "translate":
		table, ok := firstArg(args).(*Dict)
		if !ok || len(args) != 1 {
			return nil, false
		}
		var b strings.Builder
		for _, r := range s {
			v, found := table.get(int64(r))
			switch x := v.(type) {
			case nil:
				if !found {
					b.WriteRune(r)
				} // mapped to None: deleted
			case string:
				b.WriteString(x)
			case int64:
				b.WriteRune(rune(x))
			default:
				return nil, false
			}
		}
		c.s.cpu(float64(len(s)) / 4)
		return b.String(), true
	case "upper":
		return strings.ToUpper(s), true
	case "lower":
		return strings.ToLower(s), true
	case "strip", "lstrip", "rstrip":
		cut := " \t\n\r\v\f"
		if a, ok := arg(0); ok {
			cut = a
		}
		switch name {
		case "strip":
			return strings.Trim(s, cut), true
		case "lstrip":
			return strings.TrimLeft(s, cut), true
		}
		return strings.TrimRight(s, cut), true
	case "split", "rsplit":
		limit := int64(-1)
		if v, ok := argAt(args, kws, 1, "maxsplit"); ok {
			if limit, ok = toInt(v); !ok {
				return nil, false
			}
		}
		sep, hasSep := arg(0)
		if v, ok := argAt(nil, kws, -1, "sep"); ok {
			sep, hasSep = v.(string)
		}
		parts := pySplit(s, sep, hasSep, int(limit), name == "rsplit")
		out := &List{Kind: "list"}
		for _, p := range parts {
			out.Elems = append(out.Elems, p)
		}
		return out, true
	case "partition", "rpartition":
		sep, ok := arg(0)
		if !ok || sep == "" {
			return nil, false
		}
		var i int
		if name == "partition" {
			i = strings.Index(s, sep)
		} else {
			i = strings.LastIndex(s, sep)
		}
		if i < 0 {
			if name == "partition" {
				return &List{Kind: "tuple", Elems: []Value{s, "", ""}}, true
			}
			return &List{Kind: "tuple", Elems: []Value{"", "", s}}, true
		}
		return &List{Kind: "tuple", Elems: []Value{s[:i], sep, s[i+len(sep):]}}, true
	case "splitlines":
		out := &List{Kind: "list"}
		lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
		if len(lines) > 0 && lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		for _, l := range lines {
			out.Elems = append(out.Elems, l)
		}
		return out, true
	case "removeprefix":
		if a, ok := arg(0); ok {
			return strings.TrimPrefix(s, a), true
		}
	case "removesuffix":
		if a, ok := arg(0); ok {
			return strings.TrimSuffix(s, a), true
		}
	case "title", "capitalize", "casefold", "swapcase":
		switch name {
		case "casefold":
			return strings.ToLower(s), true
		case "capitalize":
			if s == "" {
				return s, true
			}
			r := []rune(strings.ToLower(s))
			return strings.ToUpper(string(r[0])) + string(r[1:]), true
		case "title":
			r := []rune(s)
			up := true
			for i, c := range r {
				isLetter := unicode.IsLetter(c)
				if isLetter && up {
					r[i] = unicode.ToUpper(c)
				} else if isLetter {
					r[i] = unicode.ToLower(c)
				}
				up = !isLetter
			}
			return string(r), true
		}
		r := []rune(s)
		for i, c := range r {
			if unicode.IsUpper(c) {
				r[i] = unicode.ToLower(c)
			} else {
				r[i] = unicode.ToUpper(c)
			}
		}
		return string(r), true
	case "zfill", "ljust", "rjust", "center":
		w, ok := toInt(firstArg(args))
		if !ok {
			return nil, false
		}
		fill := " "
		if f, ok := arg(1); ok {
			fill = f
		}
		n := int(w) - len([]rune(s))
		if n <= 0 {
			return s, true
		}
		switch name {
		case "zfill":
			if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
				return s[:1] + strings.Repeat("0", n) + s[1:], true
			}
			return strings.Repeat("0", n) + s, true
		case "ljust":
			return s + strings.Repeat(fill, n), true
		case "rjust":
			return strings.Repeat(fill, n) + s, true
		}
		left := n / 2
		if n%2 == 1 && int(w)%2 == 1 {
			left++
		}
		return strings.Repeat(fill, left) + s + strings.Repeat(fill, n-left), true
	case "isalpha", "isalnum", "isspace", "isupper", "islower", "isnumeric", "isdecimal", "isidentifier":
		if s == "" {
			return false, true
		}
		cased := false
		for i, r := range s {
			var ok bool
			switch name {
			case "isalpha":
				ok = unicode.IsLetter(r)
			case "isalnum":
				ok = unicode.IsLetter(r) || unicode.IsDigit(r)
			case "isspace":
				ok = unicode.IsSpace(r)
			case "isnumeric", "isdecimal":
				ok = unicode.IsDigit(r)
			case "isidentifier":
				ok = r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)
			case "isupper":
				ok = !unicode.IsLower(r)
				cased = cased || unicode.IsUpper(r)
			case "islower":
				ok = !unicode.IsUpper(r)
				cased = cased || unicode.IsLower(r)
			}
			if !ok {
				return false, true
			}
		}
		if name == "isupper" || name == "islower" {
			return cased, true
		}
		return true, true
	case "index", "rfind", "rindex":
		a, ok := arg(0)
		if !ok {
			return nil, false
		}
		i := strings.Index(s, a)
		if name != "index" {
			i = strings.LastIndex(s, a)
		}
		if i < 0 && name != "rfind" {
			return nil, false // ValueError: left to the caller as unknown
		}
		return int64(len([]rune(s[:max(0, i)]))) + min(0, int64(i)), true
	case "join":
		if len(args) != 1 {
			return nil, false
		}
		l, ok := args[0].(*List)
		if !ok {
			return nil, false
		}
		var parts []string
		size := int64(len(s)) * int64(max(0, len(l.Elems)-1))
		for _, e := range l.Elems {
			es, ok := e.(string)
			if !ok {
				return nil, false
			}
			parts = append(parts, es)
			size += int64(len(es))
		}
		c.allocate(size, "a joined string", Pos{})
		return strings.Join(parts, s), true
	case "replace":
		a, ok1 := arg(0)
		b, ok2 := arg(1)
		if ok1 && ok2 {
			n := int64(strings.Count(s, a)) // len(s)+1 for an empty a, as in Python
			size := product(n, int64(len(b)))
			if size >= 0 {
				size += int64(len(s)) - n*int64(len(a))
			}
			c.allocate(size, "a replaced string", Pos{})
			return strings.ReplaceAll(s, a, b), true
		}
	case "startswith", "endswith":
		if t, ok := firstArg(args).(*List); ok && t.Kind == "tuple" {
			for _, e := range t.Elems {
				es, ok := e.(string)
				if !ok {
					return nil, false
				}
				if name == "startswith" && strings.HasPrefix(s, es) || name == "endswith" && strings.HasSuffix(s, es) {
					return true, true
				}
			}
			return false, true
		}
		if a, ok := arg(0); ok {
			if name == "startswith" {
				return strings.HasPrefix(s, a), true
			}
			return strings.HasSuffix(s, a), true
		}
	case "count":
		if a, ok := arg(0); ok {
			return int64(strings.Count(s, a)), true
		}
	case "find":
		if a, ok := arg(0); ok {
			return int64(strings.Index(s, a)), true
		}
	case "isdigit":
		if s == "" {
			return false, true
		}
		for _, r := range s {
			if r < '0' || r > '9' {
				return false, true
			}
		}
		return true, true
	case "format":
		var b strings.Builder
		auto := 0
		for i := 0; i < len(s); i++ {
			ch := s[i]
			if ch == '{' {
				if i+1 < len(s) && s[i+1] == '{' {
					b.WriteByte('{')
					i++
					continue
				}
				j := strings.IndexByte(s[i:], '}')
				if j < 0 {
					return nil, false
				}
				field := s[i+1 : i+j]
				i += j
				spec := ""
				if k := strings.IndexByte(field, ':'); k >= 0 {
					field, spec = field[:k], field[k+1:]
				}
				var v Value
				if field == "" {
					if auto >= len(args) {
						return nil, false
					}
					v = args[auto]
					auto++
				} else if n, err := strconv.Atoi(field); err == nil && n < len(args) {
					v = args[n]
				} else if kv, ok := argAt(nil, kws, -1, field); ok {
					v = kv
				} else {
					return nil, false // attribute or item fields: unknown
				}
				if isUnknown(v) {
					return nil, false
				}
				out, ok := c.pyFormat(v, spec, "")
				if !ok {
					return nil, false
				}
				b.WriteString(out)
				continue
			}
			if ch == '}' && i+1 < len(s) && s[i+1] == '}' {
				i++
			}
			b.WriteByte(ch)
		}
		return b.String(), true
	}
	return nil, false
}

// pySplit is str.split/rsplit with an optional separator and maxsplit.
func pySplit(s, sep string, hasSep bool, limit int, fromRight bool) []string {
	if !hasSep {
		fields := strings.Fields(s)
		if limit < 0 || len(fields) <= limit {
			return fields
		}
		// Split off limit words from one end; the rest keeps its spacing.
		if fromRight {
			rest := strings.TrimRightFunc(s, unicode.IsSpace)
			var tail []string
			for len(tail) < limit {
				i := strings.LastIndexFunc(rest, unicode.IsSpace)
				tail = append([]string{rest[i+1:]}, tail...)
				rest = strings.TrimRightFunc(rest[:i+1], unicode.IsSpace)
			}
			return append([]string{rest}, tail...)
		}
		rest := strings.TrimLeftFunc(s, unicode.IsSpace)
		var head []string
		for len(head) < limit {
			i := strings.IndexFunc(rest, unicode.IsSpace)
			head = append(head, rest[:i])
			rest = strings.TrimLeftFunc(rest[i:], unicode.IsSpace)
		}
		return append(head, rest)
	}
	if limit < 0 {
		return strings.Split(s, sep)
	}
	if !fromRight {
		return strings.SplitN(s, sep, limit+1)
	}
	var tail []string
	rest := s
	for len(tail) < limit {
		i := strings.LastIndex(rest, sep)
		if i < 0 {
			break
		}
		tail = append([]string{rest[i+len(sep):]}, tail...)
		rest = rest[:i]
	}
	return append([]string{rest}, tail...)
}

// percentFormat is "..." % args for %s, %d, %r and %.Nf; other
// conversions make the result unknown.
func (c *ctx) percentFormat(f string, arg Value) Value {
	var args []Value
	if l, ok := arg.(*List); ok && l.Kind == "tuple" {
		args = l.Elems
	} else {
		args = []Value{arg}
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			b.WriteByte(f[i])
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		j := i + 1
		for j < len(f) && strings.IndexByte("0123456789.-+ ", f[j]) >= 0 {
			j++
		}
		if j >= len(f) || n >= len(args) || isUnknown(args[n]) {
			return &UnknownValue{Why: "formatted string"}
		}
		spec, conv := f[i+1:j], f[j]
		v := args[n]
		n++
		var out string
		var ok bool
		switch conv {
		case 's':
			out, ok = c.pyFormat(v, spec, "s")
		case 'r':
			out, ok = c.pyFormat(v, spec, "r")
		case 'd', 'i', 'f', 'e', 'g', 'x':
			t := string(conv)
			if t == "i" {
				t = "d"
			}
			if strings.HasPrefix(spec, "-") {
				spec = "<" + spec[1:]
			}
			out, ok = c.pyFormat(v, spec+t, "")
		}
		if !ok {
			return &UnknownValue{Why: "formatted string"}
		}
		b.WriteString(out)
		i = j
	}
	return b.String()
}
