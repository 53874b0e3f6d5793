package loopsim

import (
	"encoding/base64"
	"encoding/binary"
	"math"
	"strings"
)

// callCodec implements base64's b64 family, struct.pack/unpack/calcsize and
// textwrap.dedent/indent: their results' sizes and contents feed timing
// (chunk counts, payload sizes). ok is false for other names.
func (c *ctx) callCodec(q string, args []Value, kws []kwarg, p Pos) (Value, bool, error) {
	switch q {
	case "base64.b64encode", "base64.standard_b64encode", "base64.urlsafe_b64encode",
		"base64.b64decode", "base64.standard_b64decode", "base64.urlsafe_b64decode":
		if len(args) != 1 || len(kws) > 0 {
			return nil, false, nil
		}
		var in []byte
		switch x := args[0].(type) {
		case *Bytes:
			in = x.B
		case string:
			if strings.HasSuffix(q, "encode") {
				return nil, true, newExc("TypeError", "a bytes-like object is required, not 'str' (line %d)", p.Line)
			}
			in = []byte(x)
		default:
			if isUnknown(args[0]) {
				return unknownOf(q, args[0]), true, nil
			}
			return nil, false, nil
		}
		enc := base64.StdEncoding
		if strings.Contains(q, "urlsafe") {
			enc = base64.URLEncoding
		}
		c.s.cpu(float64(len(in)) / 16)
		if strings.HasSuffix(q, "encode") {
			c.allocate(int64(enc.EncodedLen(len(in)))/16, "a bytes", p)
			return &Bytes{B: []byte(enc.EncodeToString(in))}, true, nil
		}
		out, err := enc.DecodeString(string(in))
		if err != nil {
			return nil, true, newExc("ValueError", "Incorrect padding or invalid base64 (line %d)", p.Line) // binascii.Error
		}
		return &Bytes{B: out}, true, nil
	case "struct.calcsize", "struct.pack", "struct.unpack":
		if len(args) == 0 || len(kws) > 0 {
			return nil, false, nil
		}
		f, ok := args[0].(string)
		if !ok {
			if isUnknown(args[0]) {
				return unknownOf(q, args[0]), true, nil
			}
			return nil, false, nil
		}
		items, order, ok := parseStructFormat(f)
		if !ok {
			return nil, false, nil // a format it does not simulate: unmodelled
		}
		size := 0
		for _, it := range items {
			size = it.offset(size) + it.size()
		}
		switch q {
		case "struct.calcsize":
			return int64(size), true, nil
		case "struct.pack":
			return packStruct(items, order, size, args[1:], p)
		default:
			if len(args) != 2 {
				return nil, false, nil
			}
			b, ok := args[1].(*Bytes)
			if !ok {
				if isUnknown(args[1]) {
					return unknownOf(q, args[1]), true, nil
				}
				return nil, false, nil
			}
			return unpackStruct(items, order, size, b.B, p)
		}
	case "textwrap.dedent", "textwrap.indent":
		text, ok := firstArg(args).(string)
		if !ok {
			if len(args) > 0 && isUnknown(args[0]) {
				return unknownOf(q, args[0]), true, nil
			}
			return nil, false, nil
		}
		c.s.cpu(float64(len(text)) / 16)
		lines := strings.SplitAfter(text, "\n")
		if q == "textwrap.indent" {
			prefix, ok := argAt(args, kws, 1, "prefix")
			ps, isStr := prefix.(string)
			if !ok || !isStr || len(args)+len(kws) > 2 {
				return nil, false, nil
			}
			var b strings.Builder
			for _, l := range lines {
				if strings.TrimSpace(l) != "" {
					b.WriteString(ps)
				}
				b.WriteString(l)
			}
			return b.String(), true, nil
		}
		// dedent: whitespace-only lines become empty; the common leading
		// whitespace of the others is removed.
		margin, found := "", false
		for i, l := range lines {
			body := strings.TrimRight(l, "\n")
			if strings.TrimLeft(body, " \t") == "" {
				lines[i] = strings.TrimLeft(l, " \t")
				continue
			}
			indent := body[:len(body)-len(strings.TrimLeft(body, " \t"))]
			switch {
			case !found:
				margin, found = indent, true
			case strings.HasPrefix(indent, margin):
			case strings.HasPrefix(margin, indent):
				margin = indent
			default:
				n := 0
				for n < len(margin) && n < len(indent) && margin[n] == indent[n] {
					n++
				}
				margin = margin[:n]
			}
		}
		var b strings.Builder
		for _, l := range lines {
			b.WriteString(strings.TrimPrefix(l, margin))
		}
		return b.String(), true, nil
	}
	return nil, false, nil
}

// structItem is one field of a struct format: a code and its count.
type structItem struct {
	code   byte
	count  int
	native bool // '@': native sizes and alignment
}

func (it structItem) unit() int {
	switch it.code {
	case 'x', 'c', 'b', 'B', '?', 's', 'p':
		return 1
	case 'h', 'H', 'e':
		return 2
	case 'i', 'I', 'f':
		return 4
	case 'l', 'L':
		if it.native {
			return 8
		}
		return 4
	case 'q', 'Q', 'd', 'n', 'N', 'P':
		return 8
	}
	return 0
}

func (it structItem) size() int { return it.unit() * it.count }

// offset aligns at, under native alignment, for this item.
func (it structItem) offset(at int) int {
	if !it.native || it.code == 's' || it.code == 'p' {
		return at
	}
	u := it.unit()
	return (at + u - 1) / u * u
}

// parseStructFormat reads a struct format; ok is false for what it does
// not simulate (half floats, pointers, 'p' strings).
func parseStructFormat(f string) ([]structItem, binary.ByteOrder, bool) {
	var order binary.ByteOrder = binary.LittleEndian // x86-64 native
	native := true
	if f != "" {
		switch f[0] {
		case '@':
			f = f[1:]
		case '=', '<':
			native, f = false, f[1:]
		case '>', '!':
			native, order, f = false, binary.BigEndian, f[1:]
		}
	}
	var items []structItem
	for i := 0; i < len(f); i++ {
		ch := f[i]
		if ch == ' ' || ch == '\t' || ch == '\n' {
			continue
		}
		count, digits := 0, false
		for i < len(f) && f[i] >= '0' && f[i] <= '9' {
			count, digits = count*10+int(f[i]-'0'), true
			if count > 1<<20 {
				return nil, nil, false
			}
			i++
		}
		if i >= len(f) {
			return nil, nil, false
		}
		if !digits {
			count = 1
		}
		it := structItem{code: f[i], count: count, native: native}
		switch it.code {
		case 'e', 'p', 'P':
			return nil, nil, false
		case 'n', 'N':
			if !native {
				return nil, nil, false
			}
		}
		if it.unit() == 0 {
			return nil, nil, false
		}
		items = append(items, it)
	}
	return items, order, true
}

// values reports how many Python values an item packs or unpacks.
func (it structItem) values() int {
	switch it.code {
	case 'x':
		return 0
	case 's', 'p':
		return 1
	}
	return it.count
}

func packStruct(items []structItem, order binary.ByteOrder, size int, vals []Value, p Pos) (Value, bool, error) {
	want := 0
	for _, it := range items {
		want += it.values()
	}
	if len(vals) != want {
		return nil, true, newExc("struct.error", "pack expected %d items for packing (got %d) (line %d)", want, len(vals), p.Line)
	}
	for _, v := range vals {
		if isUnknown(v) {
			return &Bytes{B: make([]byte, size)}, true, nil // the size is known, the content is not needed
		}
	}
	out := make([]byte, size)
	at, vi := 0, 0
	for _, it := range items {
		at = it.offset(at)
		if it.code == 's' {
			b, ok := vals[vi].(*Bytes)
			if !ok {
				return nil, true, newExc("struct.error", "argument for 's' must be a bytes object (line %d)", p.Line)
			}
			copy(out[at:at+it.count], b.B)
			at += it.count
			vi++
			continue
		}
		for k := 0; k < it.count; k++ {
			u := it.unit()
			if it.code == 'x' {
				at += u
				continue
			}
			v := vals[vi]
			vi++
			switch it.code {
			case 'f', 'd':
				f, ok := toFloat(v)
				if !ok {
					return nil, true, newExc("struct.error", "required argument is not a float (line %d)", p.Line)
				}
				if it.code == 'f' {
					order.PutUint32(out[at:], math.Float32bits(float32(f)))
				} else {
					order.PutUint64(out[at:], math.Float64bits(f))
				}
			case 'c':
				b, ok := v.(*Bytes)
				if !ok || len(b.B) != 1 {
					return nil, true, newExc("struct.error", "char format requires a bytes object of length 1 (line %d)", p.Line)
				}
				out[at] = b.B[0]
			default:
				n, ok := toInt(v)
				if !ok {
					return nil, true, newExc("struct.error", "required argument is not an integer (line %d)", p.Line)
				}
				putInt(out[at:at+u], order, uint64(n))
			}
			at += u
		}
	}
	return &Bytes{B: out}, true, nil
}

func putInt(b []byte, order binary.ByteOrder, n uint64) {
	for i := range b {
		shift := 8 * i
		if order == binary.ByteOrder(binary.BigEndian) {
			shift = 8 * (len(b) - 1 - i)
		}
		b[i] = byte(n >> shift)
	}
}

func unpackStruct(items []structItem, order binary.ByteOrder, size int, b []byte, p Pos) (Value, bool, error) {
	if len(b) != size {
		return nil, true, newExc("struct.error", "unpack requires a buffer of %d bytes (line %d)", size, p.Line)
	}
	out := &List{Kind: "tuple"}
	at := 0
	for _, it := range items {
		at = it.offset(at)
		if it.code == 's' {
			out.Elems = append(out.Elems, &Bytes{B: append([]byte(nil), b[at:at+it.count]...)})
			at += it.count
			continue
		}
		for k := 0; k < it.count; k++ {
			u := it.unit()
			chunk := b[at : at+u]
			at += u
			var n uint64
			for i := range chunk {
				shift := 8 * i
				if order == binary.ByteOrder(binary.BigEndian) {
					shift = 8 * (u - 1 - i)
				}
				n |= uint64(chunk[i]) << shift
			}
			switch it.code {
			case 'x':
			case 'f':
				out.Elems = append(out.Elems, float64(math.Float32frombits(uint32(n))))
			case 'd':
				out.Elems = append(out.Elems, math.Float64frombits(n))
			case 'c':
				out.Elems = append(out.Elems, &Bytes{B: []byte{chunk[0]}})
			case '?':
				out.Elems = append(out.Elems, n != 0)
			case 'b', 'h', 'i', 'l', 'q', 'n':
				sh := 64 - 8*u
				out.Elems = append(out.Elems, int64(n<<sh)>>sh)
			default:
				if n > math.MaxInt64 {
					return nil, false, nil // beyond the simulator's integers
				}
				out.Elems = append(out.Elems, int64(n))
			}
		}
	}
	return out, true, nil
}
