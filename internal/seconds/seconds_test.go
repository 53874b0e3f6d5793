package seconds

import "testing"

func TestFormat(t *testing.T) {
	for s, want := range map[float64]string{12.34: "12.3 s", 10: "10.0 s", 0.25: "0.25 s", 0.1: "0.10 s", 0.04: "40 ms", 0: "0 ms"} {
		if got := Format(s); got != want {
			t.Errorf("Format(%v) = %q, want %q", s, got, want)
		}
	}
}
