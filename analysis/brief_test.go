package analysis

import "testing"

// TestBrief: a message quotes code on one line, without comments, with long
// or multi-line argument lists and strings elided; short code as written.
func TestBrief(t *testing.T) {
	cases := []struct{ src, want string }{
		{"conn.execute(q).fetchone()\n", "conn.execute(q).fetchone()"},
		{"x = 'a  b'\n", "x = 'a  b'"}, // short: as written, spaces in the string kept
		{"pri_dao.connect().execute(\n    rf'''\n        SELECT value\n    ''',  # nosec\n    [KEY],\n).fetchone()\n",
			"pri_dao.connect().execute(...).fetchone()"},
		{"client.get(\n    url,  # the endpoint\n    timeout=5,\n)\n", "client.get(...)"},
		{"foo(a,\n    b)\n", "foo(...)"},
		{"self.a \\\n    .b(x)\n", "self.a .b(x)"},
		{"open('very/long/path/that/goes/on/and/on/and/on/for/ever.txt').read()\n", "open('very/long/path/that/goes/on/and/on/and/on/for/ever.txt').read()"},
		{"open('/a/very/long/path/that/goes/on/and/on/and/on/and/on/for/ever.txt', 'rb').read()\n", "open(...).read()"},
		{"db.collection('users').document(user_id).collection('orders').where('status', '==', 'open').stream()\n",
			"db.collection('users').document(user_id).collection('orders').where('status', '==', 'open').stream()"},
	}
	for _, c := range cases {
		f := Parse("t.py", []byte(c.src))
		stmt := f.Root.NamedChildren()[0]
		n := stmt
		if named := stmt.NamedChildren(); stmt.Type() == "expression_statement" && len(named) == 1 {
			n = named[0]
		}
		if got := f.Brief(n); got != c.want {
			t.Errorf("Brief(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}
