package server

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/asyncls/asyncls/analysis"
)

// TestAskedQuestionsOwnTheirWords: a caller question kept for the life of
// the server shares no memory with the module text its word was read
// from (that would keep the source of the module's version the question
// was first asked in).
func TestAskedQuestionsOwnTheirWords(t *testing.T) {
	src := "def fetch(session):\n    return session.get('x')\n" + strings.Repeat("# padding\n", 1000)
	word := src[4:9]
	var q askedQuestions
	q.addCaller(analysis.CallerQuery{Word: word, Path: "/p/a.py"})
	q.addCaller(analysis.CallerQuery{Word: word, Path: "/p/a.py"})
	lo := uintptr(unsafe.Pointer(unsafe.StringData(src)))
	hi := lo + uintptr(len(src))
	if len(q.callers) != 1 {
		t.Fatalf("%d questions kept, want 1", len(q.callers))
	}
	for c := range q.callers {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(c.word))); c.word != "fetch" || p >= lo && p < hi {
			t.Errorf("question word %q kept in the module's text", c.word)
		}
	}
}
