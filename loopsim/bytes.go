package loopsim

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
)

// Bytes is bytes, or bytearray when Mutable. memoryview(b) is b itself
// (slicing copies, which only matters for timing through sizes).
type Bytes struct {
	B       []byte
	Mutable bool
	// A buffer too large for the value-size budget whose bytes are all
	// one value (bytearray(n), b"\0" * n) is held compactly: B is nil,
	// n its length and fill its byte. Its length, truth, indexing and
	// copies need no bytes; anything that reads them materializes the
	// buffer (realBytes), which exceeds the budget as before.
	n    int64
	fill byte
}

// compact reports whether b is held as a length and a fill byte.
func (b *Bytes) compact() bool { return b.B == nil && b.n > 0 }

// length is len(b).
func (b *Bytes) length() int64 {
	if b.compact() {
		return b.n
	}
	return int64(len(b.B))
}

// filled is a buffer of n bytes of fill, compact when it is too large for
// the value-size budget (its bytes cannot be built anyway).
func (c *ctx) filled(n int64, fill byte, mutable bool, what string, p Pos) *Bytes {
	if n/16 > c.s.cfg.MaxValueSize {
		c.produce(1, p)
		return &Bytes{n: n, fill: fill, Mutable: mutable}
	}
	c.allocate(n/16, what, p)
	return &Bytes{B: bytes.Repeat([]byte{fill}, int(max(0, n))), Mutable: mutable}
}

// realBytes materializes a compact buffer before code reads its bytes:
// that exceeds the value-size budget, as building it would have.
func (c *ctx) realBytes(b *Bytes, p Pos) {
	if b.compact() {
		c.allocate(b.n/16, "the bytes of a "+b.kind(), p)
		b.B, b.n = bytes.Repeat([]byte{b.fill}, int(b.n)), 0
	}
}

func (b *Bytes) kind() string {
	if b.Mutable {
		return "bytearray"
	}
	return "bytes"
}

// newBytes is bytes(x) / bytearray(x): a size, an iterable of ints, a
// string with an encoding, or another bytes-like object.
func (c *ctx) newBytes(q string, args []Value, p Pos) (Value, error) {
	out := &Bytes{Mutable: q == "bytearray"}
	if len(args) == 0 {
		return out, nil
	}
	switch x := args[0].(type) {
	case *Bytes:
		if q == "memoryview" {
			return x, nil
		}
		c.writeFresh(x.length()) // copied into new memory
		if x.compact() {
			out.n, out.fill = x.n, x.fill
			return out, nil
		}
		out.B = append([]byte(nil), x.B...)
		return out, nil
	case string:
		if len(args) < 2 {
			return nil, newExc("TypeError", "string argument without an encoding (line %d)", p.Line)
		}
		out.B = []byte(x)
		return out, nil
	}
	if n, ok := toInt(args[0]); ok {
		if n < 0 {
			return nil, newExc("ValueError", "negative count (line %d)", p.Line)
		}
		out = c.filled(n, 0, out.Mutable, "a "+q, p)
		if q == "bytearray" {
			c.writeFresh(n)
		} // bytes(n) is calloc'ed: its zero pages cost nothing until read
		return out, nil
	}
	if isUnknown(args[0]) {
		return unknownOf(q, args[0]), nil
	}
	items, err := c.toList(args[0], p)
	if err != nil {
		return nil, err
	}
	for _, it := range items {
		n, ok := toInt(it)
		if !ok {
			return unknownOf(q+" of unknown items", it), nil
		}
		if n < 0 || n > 255 {
			return nil, newExc("ValueError", "bytes must be in range(0, 256) (line %d)", p.Line)
		}
		out.B = append(out.B, byte(n))
	}
	return out, nil
}

// freshBytesPerStep is how many bytes of a freshly allocated buffer CPython
// fills per interpreted-step cost (about 1.2 ns a byte, mostly the page
// faults of new memory; measured on CPython 3.11/x86-64 with bytearray(n)
// and b"x" * n for n = 10**8; machine-dependent like all CPU work).
const freshBytesPerStep = 12

// writeFresh charges the time to fill n bytes of new memory.
func (c *ctx) writeFresh(n int64) {
	if n > 0 {
		c.s.cpu(float64(n) / freshBytesPerStep)
	}
}

// bytesArg is the bytes content of a bytes-like argument.
func bytesArg(v Value) ([]byte, bool) {
	switch x := v.(type) {
	case *Bytes:
		return x.B, !x.compact()
	case int64:
		if x >= 0 && x < 256 {
			return []byte{byte(x)}, true
		}
	}
	return nil, false
}

func (c *ctx) bytesMethod(b *Bytes, name string, args []Value, p Pos) (Value, error) {
	for _, a := range args {
		if isUnknown(a) {
			return unknownOf(b.kind()+"."+name, a), nil
		}
	}
	arg := func(i int) ([]byte, bool) {
		if i >= len(args) {
			return nil, false
		}
		return bytesArg(args[i])
	}
	c.realBytes(b, p)
	c.s.cpu(float64(len(b.B)) / 256)
	switch name {
	case "decode":
		return string(b.B), nil
	case "hex":
		return hex.EncodeToString(b.B), nil
	case "startswith", "endswith":
		if a, ok := arg(0); ok {
			if name == "startswith" {
				return bytes.HasPrefix(b.B, a), nil
			}
			return bytes.HasSuffix(b.B, a), nil
		}
	case "count":
		if a, ok := arg(0); ok {
			return int64(bytes.Count(b.B, a)), nil
		}
	case "find", "index":
		if a, ok := arg(0); ok {
			i := bytes.Index(b.B, a)
			if i < 0 && name == "index" {
				return nil, newExc("ValueError", "subsection not found (line %d)", p.Line)
			}
			return int64(i), nil
		}
	case "split":
		var parts [][]byte
		if a, ok := arg(0); ok {
			parts = bytes.Split(b.B, a)
		} else {
			parts = bytes.Fields(b.B)
		}
		out := &List{Kind: "list"}
		for _, part := range parts {
			out.Elems = append(out.Elems, &Bytes{B: part, Mutable: b.Mutable})
		}
		return out, nil
	case "strip", "lstrip", "rstrip":
		cut := " \t\n\r\v\f"
		if a, ok := arg(0); ok {
			cut = string(a)
		}
		switch name {
		case "strip":
			return &Bytes{B: bytes.Trim(b.B, cut), Mutable: b.Mutable}, nil
		case "lstrip":
			return &Bytes{B: bytes.TrimLeft(b.B, cut), Mutable: b.Mutable}, nil
		}
		return &Bytes{B: bytes.TrimRight(b.B, cut), Mutable: b.Mutable}, nil
	case "upper":
		return &Bytes{B: bytes.ToUpper(b.B), Mutable: b.Mutable}, nil
	case "lower":
		return &Bytes{B: bytes.ToLower(b.B), Mutable: b.Mutable}, nil
	case "replace":
		x, ok1 := arg(0)
		y, ok2 := arg(1)
		if ok1 && ok2 {
			return &Bytes{B: bytes.ReplaceAll(b.B, x, y), Mutable: b.Mutable}, nil
		}
	case "join":
		if len(args) == 1 {
			items, err := c.toList(args[0], p)
			if err != nil {
				return nil, err
			}
			var parts [][]byte
			for _, it := range items {
				ib, ok := it.(*Bytes)
				if !ok {
					return nil, newExc("TypeError", "sequence item: expected a bytes-like object (line %d)", p.Line)
				}
				parts = append(parts, ib.B)
			}
			return &Bytes{B: bytes.Join(parts, b.B), Mutable: b.Mutable}, nil
		}
	case "tobytes", "copy":
		return &Bytes{B: append([]byte(nil), b.B...), Mutable: name == "copy" && b.Mutable}, nil
	case "release":
		return nil, nil
	}
	if b.Mutable {
		switch name {
		case "extend", "append", "__iadd__":
			a, ok := arg(0)
			if !ok && len(args) == 1 {
				items, err := c.toList(args[0], p)
				if err != nil {
					return nil, err
				}
				for _, it := range items {
					if ib, ok := bytesArg(it); ok {
						a = append(a, ib...)
					}
				}
			}
			b.B = append(b.B, a...)
			return nil, nil
		case "clear":
			b.B = b.B[:0]
			return nil, nil
		case "pop":
			if len(b.B) == 0 {
				return nil, newExc("IndexError", "pop from empty bytearray (line %d)", p.Line)
			}
			v := b.B[len(b.B)-1]
			b.B = b.B[:len(b.B)-1]
			return int64(v), nil
		}
	}
	return c.unmodelled(p, b.kind()+"."+name), nil
}

// bytesRepr is repr(b): b'...' with Python's escapes.
func bytesRepr(b *Bytes) string {
	if b.compact() {
		// Python's repr would be too large for the value-size budget;
		// this one evaluates to the same value.
		return fmt.Sprintf("b'\\x%02x' * %d", b.fill, b.n)
	}
	var s strings.Builder
	s.WriteString("b'")
	for _, ch := range b.B {
		switch {
		case ch == '\\' || ch == '\'':
			s.WriteByte('\\')
			s.WriteByte(ch)
		case ch == '\n':
			s.WriteString(`\n`)
		case ch == '\r':
			s.WriteString(`\r`)
		case ch == '\t':
			s.WriteString(`\t`)
		case ch < 32 || ch >= 127:
			s.WriteString(`\x`)
			s.WriteString(hex.EncodeToString([]byte{ch}))
		default:
			s.WriteByte(ch)
		}
	}
	s.WriteByte('\'')
	if b.Mutable {
		return "bytearray(" + s.String() + ")"
	}
	return s.String()
}
