package lint

import (
	"strings"
	"testing"
)

// TestReadSized: the source is read whole whatever the size hint says (a
// file may change between stat and read), into a buffer no larger than
// needed when the hint is right.
func TestReadSized(t *testing.T) {
	src := strings.Repeat("x = 1\n", 1000)
	for _, hint := range []int64{0, 1, int64(len(src)) - 1, int64(len(src)), int64(len(src)) + 100} {
		data, err := readSized(strings.NewReader(src), hint)
		if err != nil || string(data) != src {
			t.Fatalf("hint %d: read %d bytes (err %v), want %d", hint, len(data), err, len(src))
		}
		if hint == int64(len(src)) && cap(data) != len(src)+1 {
			t.Fatalf("hint %d: buffer of %d bytes for %d", hint, cap(data), len(src))
		}
	}
}
