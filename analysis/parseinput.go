package analysis

import (
	"bytes"
	"fmt"
	"sort"
)

// maxScannerIndent is the first indentation (in columns) that
// tree-sitter-python's scanner cannot keep: it saves each level of its
// indentation stack in one byte, so a level of 256 columns or more comes
// back wrong and the parse fails ("false" syntax errors, or a tree with no
// module at all).
const maxScannerIndent = 256

// parserInput returns the bytes given to tree-sitter for src: src itself
// or, when src needs it, a copy of the same length, so every offset of the
// tree still refers to src. The copy works around two limits of the
// scanner on valid Python:
//   - a lone "\r" (old Mac line endings, which Python accepts) does not end
//     a line for it: it becomes "\n";
//   - indentation of 256 columns or more: each line's indentation is
//     replaced by its rank among the file's indentation widths (the scanner
//     only compares widths, so the ranks give the same tree), written as
//     form feeds (which reset the scanner's count) then rank spaces.
//
// problem is not empty when the indentation cannot be represented that way;
// the parse is then not to be trusted.
func parserInput(src []byte) (in []byte, problem string) {
	in = src
	isCopy := false
	copied := func() {
		if !isCopy {
			in, isCopy = append([]byte(nil), src...), true
		}
	}
	deep := false
	col := 0
	atLineStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			copied()
			in[i] = '\n'
			c = '\n'
		}
		switch {
		case c == '\n':
			atLineStart, col = true, 0
		case !atLineStart:
		case c == ' ':
			col++
		case c == '\t':
			col += 8
		case c == '\f':
			col = 0
		default:
			atLineStart = false
			if col >= maxScannerIndent {
				deep = true
			}
		}
	}
	if commas := unparenthesizedExceptCommas(src); len(commas) > 0 {
		copied()
		for _, i := range commas {
			in[i] = '<'
		}
	}
	if !deep {
		return in, ""
	}
	copied()
	return compressIndentation(in)
}

// unparenthesizedExceptCommas returns the offsets of the commas that
// separate the types of an `except A, B, C:` clause written without
// parentheses and without `as`: valid Python since 3.14
// (PEP 758), which tree-sitter-python's grammar does not know (it reads
// `except A, B:` as two loose children and fails on a third type). Each
// such comma becomes `<` in the parser input, a same-length copy: the
// clause then parses as one chained comparison, whose flat operands
// lower() turns back into the tuple Python means (exceptTypesTuple). A
// header with a string, a comment, a line continuation, `as` or a trailing
// comma is left alone, and so is `except* A, B:` (the parser then reads
// `except` and a starred `*A`, not the group clause).
func unparenthesizedExceptCommas(src []byte) []int {
	var out []int
	for lineStart := 0; lineStart < len(src); {
		i := lineStart
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f') {
			i++
		}
		next := bytes.IndexByte(src[i:], '\n')
		if next < 0 {
			next = len(src)
		} else {
			next += i + 1
		}
		if bytes.HasPrefix(src[i:], []byte("except")) && i+6 < len(src) &&
			(src[i+6] == ' ' || src[i+6] == '\t') {
			out = append(out, exceptHeaderCommas(src, i+6)...)
		}
		lineStart = next
	}
	return out
}

// exceptHeaderCommas scans an except clause's header from just after its
// keyword to the colon that ends it and returns its top-level commas, or
// nil when the header is not a plain comma-separated list of types.
func exceptHeaderCommas(src []byte, i int) []int {
	var commas []int
	depth := 0
	lastComma := -1
	for ; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
			if depth < 0 {
				return nil
			}
		case c == '"' || c == '\'' || c == '#' || c == '\\':
			return nil
		case c == '\n' || c == '\r':
			if depth == 0 {
				return nil
			}
		case depth > 0:
		case c == ',':
			commas = append(commas, i)
			lastComma = i
		case c == ':':
			if lastComma >= 0 && len(bytes.TrimSpace(src[lastComma+1:i])) == 0 {
				return nil
			}
			return commas
		case c == 'a' && i+2 <= len(src) && string(src[i:i+2]) == "as" &&
			!isNameByte(src[i-1]) && (i+2 == len(src) || !isNameByte(src[i+2])):
			return nil
		}
	}
	return nil
}

// indentedLine is the leading whitespace [start, end) of a line with code,
// and its width as the scanner counts it.
type indentedLine struct {
	start, end, width int
}

func compressIndentation(in []byte) ([]byte, string) {
	var lines []indentedLine
	widths := map[int]bool{}
	for start := 0; start < len(in); {
		i, width := start, 0
		for ; i < len(in); i++ {
			switch in[i] {
			case ' ':
				width++
				continue
			case '\t':
				width += 8
				continue
			case '\f':
				width = 0
				continue
			}
			break
		}
		if i < len(in) && in[i] != '\n' { // blank lines open no block
			lines = append(lines, indentedLine{start, i, width})
			widths[width] = true
		}
		for i < len(in) && in[i] != '\n' {
			i++
		}
		start = i + 1
	}
	sorted := make([]int, 0, len(widths))
	for w := range widths {
		sorted = append(sorted, w)
	}
	sort.Ints(sorted)
	if len(sorted) > maxScannerIndent {
		return in, fmt.Sprintf("the file has %d different indentation widths; the parser keeps at most %d", len(sorted), maxScannerIndent)
	}
	rank := make(map[int]int, len(sorted))
	for i, w := range sorted {
		rank[w] = i
	}
	for _, l := range lines {
		r := rank[l.width]
		if r > l.end-l.start {
			return in, fmt.Sprintf("indentation too deep for the parser at byte %d", l.start)
		}
		for i := l.start; i < l.end; i++ {
			if i < l.end-r {
				in[i] = '\f'
			} else {
				in[i] = ' '
			}
		}
	}
	return in, ""
}

// untrusted records, on a parsed file, that the parser could not be trusted
// with it: the whole file failed to parse (tree-sitter gave up and its root
// is an error) or parserInput found a limit. It is a syntax error at the
// start of the file saying that nothing else was checked reliably.
func untrusted(f *File, problem string) {
	if problem == "" && f.Root.Type() != "ERROR" {
		return
	}
	if problem == "" {
		problem = "the parser could not read the file as a whole"
	}
	end := uint32(f.Lines.LineStart(1))
	if f.Lines.LineCount() <= 1 {
		end = uint32(len(f.Src))
	}
	msg := "syntax error: " + problem + "; findings for this file are incomplete"
	f.SyntaxErrors = append([]SyntaxError{{Start: 0, End: end, Message: msg}}, f.SyntaxErrors...)
}
