package analysis

import (
	"bytes"
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Position is a 0-based line and a 0-based column in bytes (UTF-8).
type Position struct {
	Line int
	Col  int
}

// LineIndex maps byte offsets to lines and converts columns between the
// encodings the outside world uses: bytes (UTF-8, our internal unit),
// UTF-16 code units (LSP's default and VS Code's only one) and characters
// (code points, for humans and the CLI's JSON output).
type LineIndex struct {
	src []byte
	// starts holds the byte offset where each line begins, sized exactly
	// (a check keeps the index of every module of a project).
	starts []uint32
}

// NewLineIndex indexes src. "\n", "\r\n" and lone "\r" end lines, as in LSP.
func NewLineIndex(src []byte) *LineIndex {
	lines := 1 + bytes.Count(src, []byte{'\n'})
	if bytes.IndexByte(src, '\r') >= 0 {
		for i := range src {
			if src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
				lines++
			}
		}
	}
	starts := make([]uint32, 1, lines)
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, uint32(i+1))
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, uint32(i+1))
		}
	}
	return &LineIndex{src: src, starts: starts}
}

// searchStarts returns the index of the first line starting at or after
// offset x.
func (li *LineIndex) searchStarts(x int) int {
	return sort.Search(len(li.starts), func(i int) bool { return int(li.starts[i]) >= x })
}

// isLineStart reports whether a line starts at offset x > 0 of src: after
// "\n", or after a "\r" that is not followed by "\n".
func isLineStart(src []byte, x int) bool {
	switch src[x-1] {
	case '\n':
		return true
	case '\r':
		return x == len(src) || src[x] != '\n'
	}
	return false
}

// Edited returns the index of next, the source after replacing bytes
// [e.Start, e.End) of li's source with e.New, without rescanning the whole
// source: whether a line starts at x depends only on bytes x-1 and x, so
// only the starts around the replaced text are scanned again and the ones
// after it are shifted. It equals NewLineIndex(next).
func (li *LineIndex) Edited(next []byte, e TextEdit) *LineIndex {
	newEnd := e.Start + len(e.New)
	// Starts before e.Start depend on bytes before it only: unchanged.
	keep := max(li.searchStarts(e.Start), 1) // line 0 starts at 0
	// Starts after e.End in the old source depend on unchanged bytes: shifted.
	tail := li.searchStarts(e.End + 1)
	starts := make([]uint32, keep, keep+(newEnd-e.Start+1)/32+len(li.starts)-tail+1)
	copy(starts, li.starts[:keep])
	for x := max(e.Start, 1); x <= newEnd && x <= len(next); x++ {
		if isLineStart(next, x) {
			starts = append(starts, uint32(x))
		}
	}
	delta := newEnd - e.End
	for _, x := range li.starts[tail:] {
		starts = append(starts, uint32(int(x)+delta))
	}
	return &LineIndex{src: next, starts: starts}
}

// LineCount returns the number of lines.
func (li *LineIndex) LineCount() int { return len(li.starts) }

// LineStart returns the byte offset where line begins (clamped).
func (li *LineIndex) LineStart(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(li.starts) {
		return len(li.src)
	}
	return int(li.starts[line])
}

// lineEnd returns the offset of the end of the line's content (before the terminator).
func (li *LineIndex) lineEnd(line int) int {
	end := len(li.src)
	if line+1 < len(li.starts) {
		end = int(li.starts[line+1])
	}
	for end > int(li.starts[line]) && (li.src[end-1] == '\n' || li.src[end-1] == '\r') {
		end--
	}
	return end
}

// LineText returns the text of line without its terminator.
func (li *LineIndex) LineText(line int) string {
	if line < 0 || line >= len(li.starts) {
		return ""
	}
	return string(li.src[li.starts[line]:li.lineEnd(line)])
}

// Position converts a byte offset into a line and byte column.
func (li *LineIndex) Position(off int) Position {
	if off < 0 {
		off = 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	line := li.searchStarts(off+1) - 1
	return Position{Line: line, Col: off - int(li.starts[line])}
}

// Offset converts a line and byte column into a byte offset, clamping to the line.
func (li *LineIndex) Offset(p Position) int {
	if p.Line >= len(li.starts) {
		return len(li.src)
	}
	if p.Line < 0 {
		return 0
	}
	start := int(li.starts[p.Line])
	end := li.lineEnd(p.Line)
	if p.Col < 0 {
		return start
	}
	if start+p.Col > end {
		return end
	}
	return start + p.Col
}

// UTF16Col converts a byte column on line to UTF-16 code units.
func (li *LineIndex) UTF16Col(line, byteCol int) int {
	text := li.lineBytes(line, byteCol)
	n := 0
	for len(text) > 0 {
		r, size := utf8.DecodeRune(text)
		text = text[size:]
		if r >= 0x10000 && r != utf8.RuneError {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// RuneCol converts a byte column on line to a count of characters (code points).
func (li *LineIndex) RuneCol(line, byteCol int) int {
	return utf8.RuneCount(li.lineBytes(line, byteCol))
}

// ByteColFromUTF16 converts a UTF-16 column on line to a byte column,
// clamping past the end of the line and inside a surrogate pair.
func (li *LineIndex) ByteColFromUTF16(line, col16 int) int {
	text := li.lineBytes(line, -1)
	b, u := 0, 0
	for b < len(text) && u < col16 {
		r, size := utf8.DecodeRune(text[b:])
		w := 1
		if r >= 0x10000 {
			w = len(utf16.Encode([]rune{r}))
		}
		if u+w > col16 {
			break
		}
		u += w
		b += size
	}
	return b
}

// ByteColFromRunes converts a character column on line to a byte column.
func (li *LineIndex) ByteColFromRunes(line, runes int) int {
	text := li.lineBytes(line, -1)
	b := 0
	for i := 0; i < runes && b < len(text); i++ {
		_, size := utf8.DecodeRune(text[b:])
		b += size
	}
	return b
}

// lineBytes returns the first byteCol bytes of line (all of it when byteCol < 0).
func (li *LineIndex) lineBytes(line, byteCol int) []byte {
	if line < 0 || line >= len(li.starts) {
		return nil
	}
	start, end := int(li.starts[line]), li.lineEnd(line)
	if byteCol >= 0 && start+byteCol < end {
		end = start + byteCol
	}
	return li.src[start:end]
}

// Source returns the indexed source (not a copy: do not modify it).
func (li *LineIndex) Source() []byte { return li.src }
