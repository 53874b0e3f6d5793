package loopsim

import "testing"

// Expected strings printed by CPython 3.11.
func TestPyFormat(t *testing.T) {
	cases := []struct {
		v    Value
		spec string
		conv string
		want string
	}{
		{0.5, ".1%", "", "50.0%"},
		{"ok", ">6", "r", "  'ok'"},
		{int64(80), "05d", "", "00080"},
		{3.14159, ".2f", "", "3.14"},
		{int64(1234567), ",", "", "1,234,567"},
		{2.5, "", "", "2.5"},
		{1.0, "", "", "1.0"},
		{int64(-42), "+d", "", "-42"},
		{int64(7), "^5", "", "  7  "},
		{12345.678, "e", "", "1.234568e+04"},
		{"abc", "", "", "abc"},
		{int64(255), "x", "", "ff"},
	}
	fc := &ctx{s: newSim(Config{})}
	for _, c := range cases {
		got, ok := fc.pyFormat(c.v, c.spec, c.conv)
		if !ok || got != c.want {
			t.Errorf("format(%v, %q) conv %q = %q, %v; want %q", c.v, c.spec, c.conv, got, ok, c.want)
		}
	}
	if got := fc.percentFormat("%s/%d %.2f%%", &List{Kind: "tuple", Elems: []Value{"x", int64(1), 0.5}}); got != "x/1 0.50%" {
		t.Errorf("percent format = %v", got)
	}
}
