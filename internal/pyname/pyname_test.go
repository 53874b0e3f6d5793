package pyname

import "testing"

func TestRelative(t *testing.T) {
	cases := []struct {
		name      string
		isPackage bool
		dots      int
		rest      string
		want      string
		ok        bool
	}{
		{"app.client", false, 1, "util", "app.util", true},
		{"app.client", false, 1, "", "app", true},
		{"app", true, 1, "client", "app.client", true},
		{"app.sub.mod", false, 2, "util", "app.util", true},
		{"app.sub", true, 2, "", "app", true},
		{"main", false, 1, "", "", true},
		{"main", false, 1, "util", "util", true},
		{"app.client", false, 3, "x", "", false},
		{"", false, 1, "x", "x", true},
	}
	for _, c := range cases {
		got, ok := Relative(c.name, c.isPackage, c.dots, c.rest)
		if got != c.want || ok != c.ok {
			t.Errorf("Relative(%q, %v, %d, %q) = %q, %v; want %q, %v", c.name, c.isPackage, c.dots, c.rest, got, ok, c.want, c.ok)
		}
	}
}
