package analysis

import (
	"strings"
	"testing"
)

func TestDecodeSourceDeclaredEncodings(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"latin-1 on the first line", "# -*- coding: latin-1 -*-\nx = '\xe9'\n", "x = 'é'"},
		{"iso-8859-5 (IPython's nonascii.py)", "# coding: iso-8859-5\nu = '\xae\xe2\xf0\xc4'\n", "u = 'Ўт№Ф'"},
		{"Python's spelling iso8859_15", "# coding=iso8859_15\nx = '\xa4'\n", "x = '€'"},
		{"cp1252 after a shebang", "#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nx = '\x80'\n", "x = '€'"},
		{"windows-1251", "# coding: windows-1251\nx = '\xc0'\n", "x = 'А'"},
	}
	for _, c := range cases {
		got := DecodeSource([]byte(c.src))
		if err := CheckSource(got); err != nil {
			t.Errorf("%s: still not UTF-8 after decoding: %v", c.name, err)
			continue
		}
		if !strings.Contains(string(got), c.want) {
			t.Errorf("%s: decoded to %q, want it to contain %q", c.name, got, c.want)
		}
	}
}

func TestDecodeSourceLeavesOthersAlone(t *testing.T) {
	valid := "# coding: latin-1\nx = 'é'\n" // valid UTF-8 stays byte for byte
	if got := DecodeSource([]byte(valid)); string(got) != valid {
		t.Errorf("valid UTF-8 changed: %q", got)
	}
	for _, src := range []string{
		"x = '\xe9'\n",                           // no declaration
		"x = 1\n# coding: latin-1\ny = '\xe9'\n", // second line after a code line does not count
		"# coding: no-such-codec\nx = '\xe9'\n",
		"# coding: utf-8\nx = '\xe9'\n",
	} {
		if got := DecodeSource([]byte(src)); string(got) != src {
			t.Errorf("%q decoded to %q; want it left for CheckSource to report", src, got)
		}
		if CheckSource(DecodeSource([]byte(src))) == nil {
			t.Errorf("%q accepted", src)
		}
	}
	err := CheckSource([]byte("# coding: no-such-codec\nx = '\xe9'\n"))
	if err == nil || !strings.Contains(err.Error(), `"no-such-codec"`) {
		t.Errorf("want the error to name the declared encoding, got %v", err)
	}
}

func TestInDeclaredEncoding(t *testing.T) {
	decoded := DecodeSource([]byte("# coding: latin-1\nx = '\xe9'\n"))
	for src, want := range map[string]bool{
		string(decoded):              true,  // decoded from latin-1: fixes would be written in UTF-8
		"# coding: latin-1\nx = 1\n": false, // ASCII is the same in both
		"x = 'é'\n":                  false, // UTF-8, no declaration
		"# coding: utf-8\nx = 'é'\n": false,
	} {
		if got := InDeclaredEncoding([]byte(src)); got != want {
			t.Errorf("InDeclaredEncoding(%q) = %v, want %v", src, got, want)
		}
	}
}
