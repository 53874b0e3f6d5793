package analysis

import (
	"sort"
	"strings"
)

// ScanImports returns the module names the import statements of src name,
// as Module.ImportNames does for the module the layout names n, read from
// the bytes without parsing: a check can learn how a project's modules
// import each other before it builds any model (to order or group them).
// It over-approximates: every name ImportNames holds is among them (for
// names written without spaces or comments inside), but a statement the
// parser would reject, or one in code that never runs, counts too.
//
// It skips comments and strings (any prefix, triple-quoted or not) and
// reads `import a.b [as c], ...` and `from [.]*m import (x [as y], ...)`
// wherever they stand (any indentation, inside try, if or def), across
// parentheses and backslash continuations. Imports the source names
// otherwise (`importlib.import_module("x")`, `__import__`) are not
// imports to the model either.
func ScanImports(src []byte, n Naming) []string {
	toks := importTokens(src)
	seen := map[string]bool{}
	var out []string
	emit := func(name string) {
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	absolute := func(module string) string {
		top, _, _ := strings.Cut(module, ".")
		return n.Local[top] + module
	}
	// dotted reads name(.name)* from toks[i]; it returns "" when toks[i]
	// is no name.
	dotted := func(i int) (string, int) {
		if i >= len(toks) || toks[i].kind != tokName {
			return "", i
		}
		var b strings.Builder
		b.Write(toks[i].text)
		i++
		for i+1 < len(toks) && toks[i].kind == tokDot && toks[i+1].kind == tokName {
			b.WriteByte('.')
			b.Write(toks[i+1].text)
			i += 2
		}
		return b.String(), i
	}
	// alias skips `as NAME`.
	alias := func(i int) int {
		if i+1 < len(toks) && toks[i].is("as") && toks[i+1].kind == tokName {
			return i + 2
		}
		return i
	}
	// The import keywords of from-imports that begin a statement, which
	// are not plain imports. (After `raise E from e` or `yield from x`, a
	// `from` begins none; a plain import that follows, the line break
	// hidden by an unclosed bracket, is still read as one.)
	ofFrom := map[int]bool{}
	for i := 0; i < len(toks); i++ {
		switch {
		case toks[i].is("from"):
			j := i + 1
			dots := 0
			for j < len(toks) && toks[j].kind == tokDot {
				dots++
				j++
			}
			written := ""
			if j < len(toks) && !toks[j].is("import") {
				written, j = dotted(j)
			}
			if j >= len(toks) || !toks[j].is("import") || dots == 0 && written == "" {
				continue
			}
			atStart := i == 0 || toks[i-1].kind == tokNewline || toks[i-1].kind == tokColon
			if atStart {
				ofFrom[j] = true
				if dots == 0 && written == "__future__" {
					// A compiler directive, no import to the model.
					continue
				}
			}
			mod := absolute(written)
			if dots > 0 {
				mod = relativeModule(n.Name, n.IsPackage, dots, written)
			}
			emit(mod)
			j++
			if j < len(toks) && toks[j].kind == tokOpen {
				j++
			}
			if j < len(toks) && toks[j].kind == tokStar {
				emit(mod + ".*")
				continue
			}
			for {
				name, k := dotted(j)
				if name == "" {
					break
				}
				if mod != "" {
					emit(mod + "." + name)
				} else {
					emit(name)
				}
				j = alias(k)
				if j >= len(toks) || toks[j].kind != tokComma {
					break
				}
				j++
			}
		case toks[i].is("import") && !ofFrom[i]:
			j := i + 1
			for {
				written, k := dotted(j)
				if written == "" {
					break
				}
				emit(absolute(written))
				j = alias(k)
				if j == k {
					// `import a.b` binds a (`import a.b as c` binds a.b).
					first, _, _ := strings.Cut(written, ".")
					emit(absolute(first))
				}
				if j >= len(toks) || toks[j].kind != tokComma {
					break
				}
				j++
			}
			i = j - 1
		}
	}
	sort.Strings(out)
	return out
}

type importTokenKind uint8

const (
	tokName importTokenKind = iota
	tokDot
	tokComma
	tokOpen
	tokStar
	tokColon
	tokNewline // the end of a logical line, or a semicolon
	tokOther
)

type importToken struct {
	kind importTokenKind
	text []byte // of a name, in the source
}

func (t importToken) is(keyword string) bool { return t.kind == tokName && string(t.text) == keyword }

// importTokens splits src into the tokens ScanImports reads: names, dots,
// commas, opening parentheses, stars, colons and the ends of logical lines
// (line breaks outside brackets, not continued by a backslash, and
// semicolons); strings, numbers and any other punctuation become tokOther,
// comments and other line breaks nothing.
func importTokens(src []byte) []importToken {
	isStart := func(c byte) bool { return c == '_' || c >= 0x80 || c|0x20 >= 'a' && c|0x20 <= 'z' }
	isPart := func(c byte) bool { return isStart(c) || c >= '0' && c <= '9' }
	toks := make([]importToken, 0, len(src)/8)
	other := func() {
		if len(toks) == 0 || toks[len(toks)-1].kind != tokOther {
			toks = append(toks, importToken{kind: tokOther})
		}
	}
	depth := 0 // of brackets
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i += 2
			if src[i-1] == '\r' && i < len(src) && src[i] == '\n' {
				i++
			}
		case c == '\n' || c == '\r' || c == ';':
			if depth == 0 || c == ';' {
				if len(toks) > 0 && toks[len(toks)-1].kind != tokNewline {
					toks = append(toks, importToken{kind: tokNewline})
				}
			}
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '"' || c == '\'':
			i = skipString(src, i)
			other()
		case isStart(c):
			j := i + 1
			for j < len(src) && isPart(src[j]) {
				j++
			}
			if j < len(src) && (src[j] == '"' || src[j] == '\'') && stringPrefix(src[i:j]) {
				i = skipString(src, j)
				other()
				continue
			}
			toks = append(toks, importToken{kind: tokName, text: src[i:j]})
			i = j
		case c >= '0' && c <= '9':
			// A number (with its exponent, suffix or fraction) is no name.
			for i < len(src) && (isPart(src[i]) || src[i] == '.') {
				i++
			}
			other()
		case c == '.':
			toks = append(toks, importToken{kind: tokDot})
			i++
		case c == ',':
			toks = append(toks, importToken{kind: tokComma})
			i++
		case c == '(' || c == '[' || c == '{':
			depth++
			if c == '(' {
				toks = append(toks, importToken{kind: tokOpen})
			} else {
				other()
			}
			i++
		case c == ')' || c == ']' || c == '}':
			depth = max(depth-1, 0)
			other()
			i++
		case c == ':':
			toks = append(toks, importToken{kind: tokColon})
			i++
		case c == '*':
			toks = append(toks, importToken{kind: tokStar})
			i++
		case c == ' ' || c == '\t' || c == '\f':
			i++
		default:
			other()
			i++
		}
	}
	return toks
}

// stringPrefix reports whether word may prefix a string literal: letters
// among r, b, u, f and t (Python 2's ur included), at most three.
func stringPrefix(word []byte) bool {
	if len(word) > 3 {
		return false
	}
	for _, c := range word {
		switch c | 0x20 {
		case 'r', 'b', 'u', 'f', 't':
		default:
			return false
		}
	}
	return true
}

// skipString returns the index after the string literal whose opening
// quote is at src[i]. A backslash escapes the next byte (in raw strings
// too, as far as ending the literal goes); a line break ends an
// unterminated one-line string.
func skipString(src []byte, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		for j := i + 3; j < len(src); j++ {
			switch {
			case src[j] == '\\':
				j++
			case src[j] == q && j+2 < len(src) && src[j+1] == q && src[j+2] == q:
				return j + 3
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case q:
			return j + 1
		case '\n', '\r':
			return j
		}
	}
	return len(src)
}
