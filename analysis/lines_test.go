package analysis

import (
	"math/rand"
	"reflect"
	"testing"
)

func TestLineIndexEncodings(t *testing.T) {
	src := []byte("ab\r\né中😀x\rlast")
	li := NewLineIndex(src)
	if li.LineCount() != 3 {
		t.Fatalf("lines = %d, want 3 (\\r\\n and lone \\r both end lines)", li.LineCount())
	}
	// Line 1 is "é中😀x": é is 2 bytes, 中 3 bytes, 😀 4 bytes (a surrogate pair in UTF-16).
	xByte := 2 + 3 + 4
	if got := li.UTF16Col(1, xByte); got != 4 {
		t.Errorf("UTF16Col = %d, want 4", got)
	}
	if got := li.RuneCol(1, xByte); got != 3 {
		t.Errorf("RuneCol = %d, want 3", got)
	}
	if got := li.ByteColFromUTF16(1, 4); got != xByte {
		t.Errorf("ByteColFromUTF16 = %d, want %d", got, xByte)
	}
	if got := li.ByteColFromUTF16(1, 3); got != 5 {
		t.Errorf("a column inside a surrogate pair clamps to its start: got %d, want 5", got)
	}
	if got := li.ByteColFromRunes(1, 3); got != xByte {
		t.Errorf("ByteColFromRunes = %d", got)
	}
	off := li.Offset(Position{Line: 1, Col: xByte})
	if src[off] != 'x' {
		t.Errorf("Offset points at %q", src[off])
	}
	if p := li.Position(off); p.Line != 1 || p.Col != xByte {
		t.Errorf("Position round trip = %+v", p)
	}
	if got := li.Offset(Position{Line: 0, Col: 99}); got != 2 {
		t.Errorf("a column past the end clamps to the line end: %d", got)
	}
	if got := li.Offset(Position{Line: 9, Col: 0}); got != len(src) {
		t.Errorf("a line past the end clamps to EOF: %d", got)
	}
	if li.LineText(2) != "last" {
		t.Errorf("LineText(2) = %q", li.LineText(2))
	}
}

// TestLineIndexEdited checks the index derived from an edit against a fresh
// one, with edits that join and split "\r\n" and touch both ends.
func TestLineIndexEdited(t *testing.T) {
	pieces := []string{"", "a", "\n", "\r", "\r\n", "\n\r", "é", "xy\rz", "\n\n"}
	r := rand.New(rand.NewSource(7))
	for trial := 0; trial < 3000; trial++ {
		var src []byte
		for i := r.Intn(8); i > 0; i-- {
			src = append(src, pieces[r.Intn(len(pieces))]...)
		}
		li := NewLineIndex(src)
		for step := 0; step < 5; step++ {
			start := r.Intn(len(src) + 1)
			end := start + r.Intn(len(src)-start+1)
			e := TextEdit{Start: start, End: end, New: pieces[r.Intn(len(pieces))]}
			next := append(append(append([]byte{}, src[:start]...), e.New...), src[end:]...)
			got := li.Edited(next, e)
			want := NewLineIndex(next)
			if !reflect.DeepEqual(got.starts, want.starts) {
				t.Fatalf("%q with [%d,%d) replaced by %q: starts %v, want %v", src, start, end, e.New, got.starts, want.starts)
			}
			src, li = next, got
		}
	}
}
