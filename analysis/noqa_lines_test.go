package analysis

import (
	"reflect"
	"testing"
)

// TestNoQALogicalLines: a noqa comment covers every line of the simple
// statement or compound statement header it ends, not the body below a
// header nor the statements around it.
func TestNoQALogicalLines(t *testing.T) {
	src := `class E(
    ExceptionGroup
):  # noqa: ASYNC126
    x = f(
        1,  # noqa: ASL102
        2,
    )
    y = 1  # noqa
    z = g(
        3,
    )
`
	f := Parse("m.py", []byte(src))
	m := BuildModule(f, "m", false)
	got := m.NoQALogicalLines()
	want := map[int]int{0: 2, 1: 2, 3: 4, 5: 4, 6: 4}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NoQALogicalLines = %v, want %v", got, want)
	}
}
