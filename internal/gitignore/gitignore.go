// Package gitignore decides whether paths are ignored by the .gitignore
// files of a tree, with git's semantics: blank lines and `#` comments,
// `!` negation (the last matching pattern wins, and a deeper .gitignore
// overrides a shallower one), patterns anchored to their file's directory
// when they contain a slash other than a trailing one, directory-only
// patterns ending in `/`, `*`, `?`, `[...]` classes, `**` across
// directories, backslash escapes, and "a file whose directory is ignored
// is ignored" (a negation cannot re-include it). .git/info/exclude at the
// top counts as a .gitignore there.
package gitignore

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// pattern is one line of a .gitignore.
type pattern struct {
	re      *regexp.Regexp // matches the slash-separated path relative to the file's directory
	negate  bool
	dirOnly bool
}

// Parse compiles the lines of one .gitignore. Invalid patterns are skipped,
// as git does.
func Parse(data []byte) []pattern {
	var out []pattern
	for _, line := range bytes.Split(data, []byte("\n")) {
		if p, ok := compile(strings.TrimSuffix(string(line), "\r")); ok {
			out = append(out, p)
		}
	}
	return out
}

func compile(line string) (pattern, bool) {
	var p pattern
	// Trailing spaces are ignored unless escaped with a backslash.
	for strings.HasSuffix(line, " ") && !strings.HasSuffix(line, "\\ ") {
		line = line[:len(line)-1]
	}
	if line == "" || line[0] == '#' {
		return p, false
	}
	if line[0] == '!' {
		p.negate = true
		line = line[1:]
	} else if strings.HasPrefix(line, "\\!") || strings.HasPrefix(line, "\\#") {
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") && !strings.HasSuffix(line, "\\/") {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return p, false
	}
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	var b strings.Builder
	b.WriteString("^")
	if !anchored {
		b.WriteString("(?:.*/)?")
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\' && i+1 < len(line):
			i++
			b.WriteString(regexp.QuoteMeta(line[i : i+1]))
		case c == '*' && i+1 < len(line) && line[i+1] == '*' && (i == 0 || line[i-1] == '/') &&
			(i+2 == len(line) || line[i+2] == '/'):
			// `**` as a whole path component.
			switch {
			case i+2 == len(line): // trailing `/**` (or a lone `**`): everything inside
				b.WriteString(".*")
			default: // `**/`: zero or more directories
				b.WriteString("(?:.*/)?")
				i++ // the slash
			}
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			end := classEnd(line, i)
			if end < 0 {
				b.WriteString(`\[`)
				continue
			}
			b.WriteString(classRE(line[i+1 : end]))
			i = end
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return p, false
	}
	p.re = re
	return p, true
}

// classEnd returns the index of the `]` closing the class opened at i, or -1.
func classEnd(s string, i int) int {
	j := i + 1
	if j < len(s) && (s[j] == '!' || s[j] == '^') {
		j++
	}
	if j < len(s) && s[j] == ']' { // a leading `]` is a member
		j++
	}
	for ; j < len(s); j++ {
		if s[j] == '\\' {
			j++
			continue
		}
		if s[j] == ']' {
			return j
		}
	}
	return -1
}

func classRE(body string) string {
	var b strings.Builder
	b.WriteString("[")
	if body != "" && (body[0] == '!' || body[0] == '^') {
		b.WriteString("^/") // a negated class never matches the separator
		body = body[1:]
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i+1 < len(body) {
			i++
			c = body[i]
		}
		if c == '-' && i > 0 && i+1 < len(body) {
			b.WriteByte('-')
			continue
		}
		b.WriteString(regexp.QuoteMeta(string(c)))
	}
	b.WriteString("]")
	return b.String()
}

// Matcher answers for the tree below Top, reading each directory's
// .gitignore once. It is safe for concurrent use.
type Matcher struct {
	Top string

	mu    sync.Mutex
	files map[string][]pattern // directory -> its patterns (nil: none)
}

// New returns a matcher whose .gitignore chain starts at top (normally the
// repository's root, the directory holding .git).
func New(top string) *Matcher {
	return &Matcher{Top: filepath.Clean(top), files: map[string][]pattern{}}
}

func (m *Matcher) patterns(dir string) []pattern {
	m.mu.Lock()
	defer m.mu.Unlock()
	if ps, ok := m.files[dir]; ok {
		return ps
	}
	var ps []pattern
	if dir == m.Top {
		if data, err := readSmall(filepath.Join(dir, ".git", "info", "exclude")); err == nil {
			ps = append(ps, Parse(data)...)
		}
	}
	if data, err := readSmall(filepath.Join(dir, ".gitignore")); err == nil {
		ps = append(ps, Parse(data)...)
	}
	m.files[dir] = ps
	return ps
}

// readSmall reads a regular file of at most 1 MB: a .gitignore that is a
// link to a device or a huge file is not a list of patterns.
func readSmall(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() > 1<<20 {
		return nil, os.ErrInvalid
	}
	return os.ReadFile(path)
}

// Match reports whether path (below Top) is ignored by the patterns of the
// .gitignore files from Top down to its directory, assuming none of its
// parent directories is ignored (what a walk that skips ignored
// directories needs).
func (m *Matcher) Match(path string, isDir bool) bool {
	rel, ok := m.rel(path)
	if !ok {
		return false
	}
	return m.match(strings.Split(rel, "/"), isDir)
}

// Ignored reports whether path is ignored, itself or through one of its
// parent directories below Top.
func (m *Matcher) Ignored(path string, isDir bool) bool {
	rel, ok := m.rel(path)
	if !ok {
		return false
	}
	parts := strings.Split(rel, "/")
	for n := 1; n <= len(parts); n++ {
		if m.match(parts[:n], n < len(parts) || isDir) {
			return true
		}
	}
	return false
}

func (m *Matcher) rel(path string) (string, bool) {
	rel, err := filepath.Rel(m.Top, filepath.Clean(path))
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// match applies the .gitignore files of Top and of each directory above the
// entry parts names, shallow to deep; the last matching pattern decides.
func (m *Matcher) match(parts []string, isDir bool) bool {
	ignored := false
	dir := m.Top
	for i := 0; i < len(parts); i++ {
		rel := strings.Join(parts[i:], "/")
		for _, p := range m.patterns(dir) {
			if p.dirOnly && !isDir {
				continue
			}
			if p.re.MatchString(rel) {
				ignored = !p.negate
			}
		}
		dir = filepath.Join(dir, parts[i])
	}
	return ignored
}
