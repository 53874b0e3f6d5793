package loopsim

import (
	"math/big"
	"testing"
)

// Values printed by CPython 3.11 for the same calls.
func TestPyRandomMatchesCPython(t *testing.T) {
	r := &pyRandom{}
	r.seedInt(big.NewInt(42))
	if got := r.random(); got != 0.6394267984578837 {
		t.Errorf("seed(42); random() = %v", got)
	}
	if got := r.random(); got != 0.025010755222666936 {
		t.Errorf("second random() = %v", got)
	}
	r.seedInt(big.NewInt(1))
	var ints []int64
	for range 5 {
		ints = append(ints, 1+r.randbelow(10))
	}
	want := []int64{3, 10, 2, 5, 2}
	for i := range want {
		if ints[i] != want[i] {
			t.Fatalf("seed(1); randint(1, 10) x5 = %v, want %v", ints, want)
		}
	}
	r.seedString("asyncls")
	if got := r.random(); got != 0.44943694492518427 {
		t.Errorf(`seed("asyncls"); random() = %v`, got)
	}
}
