package loopsim

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Value is a simulated Python value: nil (None), bool, int64, float64,
// string, or one of the pointer types below.
type Value any

// UnknownValue is a value the simulator cannot know statically (input,
// randomness, network data). Operations on it yield unknown values too,
// keeping From.
type UnknownValue struct {
	Why string
	// From is set when the value was read from outside the program.
	From *Outside
}

// Outside is where a value the program reads from outside its source came
// from: a clock where its origin matters (the time of day, loop.time()
// compared with a constant), unseeded randomness, the command line, the
// environment, input, files or the network. It differs from run to run or
// machine to machine, so a run whose path depends on it has no timing the
// source determines: the result is unknown, not a low-confidence guess.
// (A value the simulator merely fails to compute has no Outside.)
type Outside struct {
	What string // "time.time()", "random.random()", "sys.argv", ...
	Line int    // where it was read; 0 when not known
}

func (o *Outside) String() string {
	if o.Line > 0 {
		return fmt.Sprintf("%s at line %d", o.What, o.Line)
	}
	return o.What
}

// outsideQuals are library values read from outside the program; a value
// reached through them (sys.argv[1], os.environ["X"], sys.stdin.read())
// is too.
// Interpreter semantics (values from outside the run), not in pylib.
var outsideQuals = []string{"sys.argv", "sys.stdin", "os.environ", "sys.orig_argv"}

// outsideOf is where v was read from outside the program, or nil.
func outsideOf(v Value) *Outside {
	switch x := v.(type) {
	case *UnknownValue:
		return x.From
	case *RandomValue:
		return x.From
	case *ClockReading:
		return &Outside{What: x.why(), Line: x.Line}
	case *External:
		if x.From != nil {
			return x.From
		}
		for _, q := range outsideQuals {
			if x.Qual == q || strings.HasPrefix(x.Qual, q+".") {
				return &Outside{What: q}
			}
		}
	}
	return nil
}

// derivedUnknown is an unknown value computed from v: it keeps v's origin
// outside the program, if any.
func derivedUnknown(why string, v Value) *UnknownValue {
	return &UnknownValue{Why: why, From: outsideOf(v)}
}

// List is a list, tuple or set.
type List struct {
	Elems []Value
	Kind  string // list, tuple, set
	Deque bool   // collections.deque
	// index answers membership in a large set (see setHas) while it
	// covers all of Elems; removing an element drops it.
	index *members
	// indexed is how many elements index covers.
	indexed int
	// Iter marks a one-shot iterator (iter(), map, zip, filter, enumerate,
	// a generator expression): iterating it consumes its items.
	Iter bool
}

// setHas is `v in l` for a large set whose elements are all known, through
// its index; ok is false when it cannot answer (use a scan).
func (l *List) setHas(v Value) (found, ok bool) {
	if l.Kind != "set" || len(l.Elems) <= 8 || isUnknown(v) {
		return false, false
	}
	if l.index == nil || l.indexed > len(l.Elems) {
		l.index, l.indexed = newMembers(nil), 0
	}
	for ; l.indexed < len(l.Elems); l.indexed++ {
		l.index.add(l.Elems[l.indexed])
	}
	if l.index.unknown {
		return false, false
	}
	return l.index.has(v), true
}

// dropIndex is called when elements leave a set.
func (l *List) dropIndex() { l.index, l.indexed = nil, 0 }

// Dict is an insertion-ordered dictionary.
type Dict struct {
	Keys, Vals []Value
	// Factory makes missing items (collections.defaultdict).
	Factory Value
	// Counter marks collections.Counter: a missing key counts 0 and is not
	// inserted by reading it.
	Counter bool
	// hash indexes the first hashed keys (see rehash); code that removes
	// or reorders keys sets it to nil.
	hash   map[dictKey]int
	hashed int
}

// Range is a lazy range().
type Range struct{ Start, Stop, Step int64 }

// Module is an imported module or an attribute path inside one.
type Module struct{ Qual string }

// Builtin is a native callable identified by its qualified name; Self is
// the bound receiver for methods of native objects.
type Builtin struct {
	Qual string
	Self Value
}

// External is an object from a library loopsim does not model (aiohttp,
// asyncpg, ...); awaiting a call on it costs a latency from the table.
type External struct {
	Qual   string
	Called bool
	// From is set for data the program received from outside (an
	// awaited library call's answer).
	From *Outside
}

// FuncVal is a user function with its defining scope.
type FuncVal struct {
	Fn      *Func
	Closure *frame
	globals *frame // its module's (nil: the simulated program's)
	Self    Value  // bound receiver for methods
	Class   *Class

	defaults    []Value
	static      bool
	classMethod bool     // @classmethod: binds the class
	property    bool     // @property: read as an attribute, the getter runs
	setter      *FuncVal // @<property>.setter: runs on assignment
}

// propertySetter is `<property>.setter`, the decorator that adds a setter.
type propertySetter struct{ prop *FuncVal }

// LambdaVal is a lambda expression with its defining scope.
type LambdaVal struct {
	L       *Lambda
	Closure *frame
}

// Class is a user class; exception classes have IsExc set.
type Class struct {
	Name  string
	Bases []*Class
	Attrs map[string]Value
	IsExc bool
	// Fields, when set, generate __init__ (dataclasses, NamedTuple).
	Fields   []string
	Defaults map[string]Value
	// Members, for an enum.Enum subclass, are its members in definition
	// order (Instances with name and value); MixinValue marks IntEnum,
	// StrEnum and IntFlag, whose members act as their values.
	Members    []*Instance
	MixinValue bool
	Flag       bool // enum.Flag/IntFlag: members combine with | & ^
	// DataEq and DataOrder are a dataclass's generated __eq__ and
	// __lt__/__le__/... (order=True): they compare the fields not marked
	// field(compare=False), as tuples.
	DataEq, DataOrder bool
	NoCompare         map[string]bool
	// Tuple marks a named tuple: its instances index, iterate and unpack
	// as their fields.
	Tuple bool
}

// dataclassOpts are the arguments of @dataclass(...).
type dataclassOpts struct{ eq, order bool }

// compareKey is the tuple a dataclass compares by.
func (cl *Class) compareKey(in *Instance) *List {
	t := &List{Kind: "tuple"}
	for _, f := range cl.Fields {
		if !cl.NoCompare[f] {
			t.Elems = append(t.Elems, in.Attrs[f])
		}
	}
	return t
}

// enumAuto is the value of enum.auto() before the class numbers it.
type enumAuto struct{}

// enumValue unwraps a member of an IntEnum/StrEnum to its value.
func enumValue(v Value) Value {
	if in, ok := v.(*Instance); ok && in.Class.MixinValue {
		if val, ok := in.Attrs["value"]; ok {
			return val
		}
	}
	return v
}

// FieldSpec is dataclasses.field(default=..., default_factory=...).
type FieldSpec struct {
	Default   Value
	Factory   Value
	HasDef    bool
	NoCompare bool // field(compare=False)
}

// Instance is an object of a user class.
type Instance struct {
	Class *Class
	Attrs map[string]Value
}

// Exc is a raised exception. Type names follow Python's builtin names;
// Group holds the members of an ExceptionGroup.
type Exc struct {
	Type  string
	Class *Class // user-defined exception class, if any
	Msg   string
	Group []*Exc
	Args  []Value
	// User is set for exceptions the program constructs itself (raise
	// ValueError(...)), as opposed to errors the interpreter raises.
	User bool
	// Attrs are attributes set on the exception object (self.status in a
	// custom __init__, e.retry_after = ... after constructing it).
	Attrs map[string]Value
	// Cause and Context are __cause__ (raise ... from) and __context__.
	Cause, Context *Exc
}

func (e *Exc) Error() string {
	if e.Msg == "" {
		return e.Type
	}
	return e.Type + ": " + e.Msg
}

// builtinExcParents maps exception names to their parent class.
var builtinExcParents = map[string]string{
	"Exception":           "BaseException",
	"CancelledError":      "BaseException",
	"KeyboardInterrupt":   "BaseException",
	"SystemExit":          "BaseException",
	"GeneratorExit":       "BaseException",
	"BaseExceptionGroup":  "BaseException",
	"ExceptionGroup":      "Exception",
	"ArithmeticError":     "Exception",
	"ZeroDivisionError":   "ArithmeticError",
	"OverflowError":       "ArithmeticError",
	"LookupError":         "Exception",
	"KeyError":            "LookupError",
	"IndexError":          "LookupError",
	"ValueError":          "Exception",
	"TypeError":           "Exception",
	"RuntimeError":        "Exception",
	"NotImplementedError": "RuntimeError",
	"RecursionError":      "RuntimeError",
	"AttributeError":      "Exception",
	"NameError":           "Exception",
	"AssertionError":      "Exception",
	"StopIteration":       "Exception",
	"StopAsyncIteration":  "Exception",
	"OSError":             "Exception",
	"ConnectionError":     "OSError",
	"TimeoutError":        "OSError",
	"InvalidStateError":   "Exception",
	"QueueEmpty":          "Exception",
	"QueueFull":           "Exception",
	"BrokenBarrierError":  "RuntimeError",
	"IncompleteReadError": "EOFError",
	"EOFError":            "Exception",
	"LimitOverrunError":   "Exception",
	// the rest of CPython's builtin hierarchy
	"BufferError":            "Exception",
	"FloatingPointError":     "ArithmeticError",
	"ImportError":            "Exception",
	"ModuleNotFoundError":    "ImportError",
	"MemoryError":            "Exception",
	"UnboundLocalError":      "NameError",
	"ReferenceError":         "Exception",
	"SyntaxError":            "Exception",
	"SystemError":            "Exception",
	"UnicodeError":           "ValueError",
	"UnicodeDecodeError":     "UnicodeError",
	"UnicodeEncodeError":     "UnicodeError",
	"BlockingIOError":        "OSError",
	"ChildProcessError":      "OSError",
	"BrokenPipeError":        "ConnectionError",
	"ConnectionAbortedError": "ConnectionError",
	"ConnectionRefusedError": "ConnectionError",
	"ConnectionResetError":   "ConnectionError",
	"FileExistsError":        "OSError",
	"FileNotFoundError":      "OSError",
	"InterruptedError":       "OSError",
	"IsADirectoryError":      "OSError",
	"NotADirectoryError":     "OSError",
	"PermissionError":        "OSError",
	"ProcessLookupError":     "OSError",
	"Warning":                "Exception",
	"UserWarning":            "Warning",
	"DeprecationWarning":     "Warning",
	"RuntimeWarning":         "Warning",
}

// excAliases maps qualified spellings to builtin names.
// Python's own aliases of exception classes, which the interpreter must
// resolve to run `except` clauses (not in pylib).
var excAliases = map[string]string{
	"asyncio.CancelledError":          "CancelledError",
	"asyncio.TimeoutError":            "TimeoutError",
	"asyncio.exceptions.TimeoutError": "TimeoutError",
	"concurrent.futures.TimeoutError": "TimeoutError",
	"asyncio.InvalidStateError":       "InvalidStateError",
	"asyncio.QueueEmpty":              "QueueEmpty",
	"asyncio.QueueFull":               "QueueFull",
	"asyncio.BrokenBarrierError":      "BrokenBarrierError",
	"asyncio.IncompleteReadError":     "IncompleteReadError",
	"asyncio.LimitOverrunError":       "LimitOverrunError",
	"builtins.Exception":              "Exception",
	"socket.timeout":                  "TimeoutError",
	"IOError":                         "OSError",
	"EnvironmentError":                "OSError",
}

// excIsSubclass reports whether an exception of type name (or user class c)
// is caught by handler type want.
func excIsSubclass(e *Exc, want string, wantClass *Class) bool {
	if wantClass != nil {
		for c := e.Class; c != nil; {
			if c == wantClass {
				return true
			}
			if len(c.Bases) == 0 {
				break
			}
			c = c.Bases[0]
		}
		// A user class matches only its own subclasses (above); a builtin
		// class also matches by name below.
		b, ok := wantClass.Attrs["__builtin_exc__"].(string)
		if !ok {
			return false
		}
		want = b
	}
	name := e.Type
	if e.Class != nil {
		name = e.Class.builtinExcRoot()
	}
	for name != "" {
		if name == want {
			return true
		}
		name = builtinExcParents[name]
	}
	return false
}

// builtinExcRoot returns the nearest builtin exception a user class derives
// from, or "" if the class is not rooted in one.
func (c *Class) builtinExcRoot() string {
	for k := c; k != nil; {
		if k.Attrs != nil {
			if b, ok := k.Attrs["__builtin_exc__"].(string); ok {
				return b
			}
		}
		if len(k.Bases) == 0 {
			return ""
		}
		k = k.Bases[0]
	}
	return ""
}

func newExc(typ, format string, args ...any) *Exc {
	return &Exc{Type: typ, Msg: fmt.Sprintf(format, args...)}
}

func cancelledError() *Exc { return &Exc{Type: "CancelledError"} }

func isCancelled(err error) bool {
	e, ok := err.(*Exc)
	return ok && e.Type == "CancelledError" && e.Class == nil
}

// truth implements Python truthiness; ok is false for unknown values.
func truth(v Value) (b bool, ok bool) {
	switch x := v.(type) {
	case nil:
		return false, true
	case bool:
		return x, true
	case int64:
		return x != 0, true
	case float64:
		return x != 0, true
	case string:
		return x != "", true
	case *List:
		return len(x.Elems) > 0, true
	case *Dict:
		return len(x.Keys) > 0, true
	case *Range:
		return x.length() > 0, true
	case *Bytes:
		return x.length() > 0, true
	case *Instance:
		// __bool__/__len__ run user code, which truth cannot: unknown.
		if _, ok := x.Class.lookup("__bool__"); ok {
			return false, false
		}
		if _, ok := x.Class.lookup("__len__"); ok {
			return false, false
		}
		return true, true
	case *UnknownValue, *External, *RandomValue:
		return false, false
	}
	return true, true
}

// contains is `n in range(...)`, computed as CPython does for ints.
func (r *Range) contains(n int64) bool {
	switch {
	case r.Step > 0:
		return n >= r.Start && n < r.Stop && (n-r.Start)%r.Step == 0
	case r.Step < 0:
		return n <= r.Start && n > r.Stop && (r.Start-n)%(-r.Step) == 0
	}
	return false
}

func (r *Range) length() int64 {
	if r.Step > 0 && r.Stop > r.Start {
		return (r.Stop - r.Start + r.Step - 1) / r.Step
	}
	if r.Step < 0 && r.Stop < r.Start {
		return (r.Start - r.Stop - r.Step - 1) / -r.Step
	}
	return 0
}

func toFloat(v Value) (float64, bool) {
	switch x := enumValue(v).(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func toInt(v Value) (int64, bool) {
	switch x := enumValue(v).(type) {
	case int64:
		return x, true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	case float64:
		if x == math.Trunc(x) {
			return int64(x), true
		}
	}
	return 0, false
}

func isUnknown(v Value) bool {
	switch v.(type) {
	case *UnknownValue, *External, *RandomValue, *ClockReading:
		return true
	}
	return false
}

// repr renders a value roughly as Python would, for messages and str().
func repr(v Value) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e16 {
			return strconv.FormatFloat(x, 'f', 1, 64)
		}
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return x
	case *List:
		parts := make([]string, len(x.Elems))
		for i, e := range x.Elems {
			parts[i] = repr(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *Exc:
		return x.Error()
	case *Bytes:
		return bytesRepr(x)
	case *Task:
		return "<Task " + x.Name + ">"
	case *UnknownValue:
		return "<unknown>"
	case *External:
		return "<" + x.Qual + ">"
	}
	return fmt.Sprintf("<%T>", v)
}

func typeName(v Value) string {
	switch x := v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int64:
		return "int"
	case float64:
		return "float"
	case string:
		return "str"
	case *List:
		return x.Kind
	case *Dict:
		return "dict"
	case *Instance:
		return x.Class.Name
	case *Exc:
		return x.Type
	case *Bytes:
		return x.kind()
	case *UserModule:
		return "module"
	}
	return fmt.Sprintf("%T", v)
}

// equal implements ==; ok is false when unknown.
func equal(a, b Value) (bool, bool) { return equalIn(nil, a, b) }

// equalIn is equal running user classes' __eq__ when c is set.
func equalIn(c *ctx, a, b Value) (bool, bool) {
	a, b = enumValue(a), enumValue(b)
	if r, ok, handled := c.userCompare("__eq__", "__eq__", a, b); handled {
		return r, ok
	}
	if isUnknown(a) || isUnknown(b) {
		return false, false
	}
	if fa, ok := toFloat(a); ok {
		if fb, ok := toFloat(b); ok {
			return fa == fb, true
		}
		return false, true
	}
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y, true
	case *Bytes:
		y, ok := b.(*Bytes)
		if ok && (x.compact() || y.compact()) {
			// equal only as two compact buffers of one length and fill;
			// a compact one is larger than any materialized one.
			return x.compact() && y.compact() && x.n == y.n && x.fill == y.fill, true
		}
		return ok && string(x.B) == string(y.B), true
	case *Instance:
		y, ok := b.(*Instance)
		if ok && x != y && x.Class == y.Class && x.Class.DataEq {
			return equalIn(c, x.Class.compareKey(x), y.Class.compareKey(y))
		}
	case nil:
		return b == nil, true
	case *List:
		y, ok := b.(*List)
		if !ok || len(x.Elems) != len(y.Elems) {
			return false, true
		}
		for i := range x.Elems {
			eq, ok := equalIn(c, x.Elems[i], y.Elems[i])
			if !ok {
				return false, false
			}
			if !eq {
				return false, true
			}
		}
		return true, true
	}
	return a == b, true
}

// less implements <; ok is false when the values cannot be ordered.
func less(a, b Value) (bool, bool) { return lessIn(nil, a, b) }

// lessIn is less running user classes' __lt__ (or the other's __gt__) when
// c is set.
func lessIn(c *ctx, a, b Value) (bool, bool) {
	a, b = enumValue(a), enumValue(b)
	if r, ok, handled := c.userCompare("__lt__", "__gt__", a, b); handled {
		return r, ok
	}
	if fa, ok := toFloat(a); ok {
		if fb, ok := toFloat(b); ok {
			return fa < fb, true
		}
	}
	if sa, ok := a.(string); ok {
		if sb, ok := b.(string); ok {
			return sa < sb, true
		}
	}
	if ia, ok := a.(*Instance); ok {
		if ib, ok := b.(*Instance); ok && ia.Class == ib.Class && ia.Class.DataOrder {
			return lessIn(c, ia.Class.compareKey(ia), ib.Class.compareKey(ib))
		}
	}
	if la, ok := a.(*List); ok {
		if lb, ok := b.(*List); ok {
			for i := 0; i < len(la.Elems) && i < len(lb.Elems); i++ {
				if eq, ok := equalIn(c, la.Elems[i], lb.Elems[i]); ok && eq {
					continue
				}
				return lessIn(c, la.Elems[i], lb.Elems[i])
			}
			return len(la.Elems) < len(lb.Elems), true
		}
	}
	return false, false
}

func (c *ctx) sortValues(vals []Value) bool {
	ok := true
	sort.SliceStable(vals, func(i, j int) bool {
		l, k := lessIn(c, vals[i], vals[j])
		if !k {
			ok = false
		}
		return l
	})
	return ok
}

func (c *ctx) less(a, b Value) (bool, bool)  { return lessIn(c, a, b) }
func (c *ctx) equal(a, b Value) (bool, bool) { return equalIn(c, a, b) }

// userCompare runs a user class's comparison method: a.op(b), else the
// reflection b.reflected(a), as Python does. handled is false when neither
// operand is an instance of a class defining them (dataclass-generated
// orderings are handled by their compare keys), or c is nil.
func (c *ctx) userCompare(op, reflected string, a, b Value) (res, ok, handled bool) {
	if c == nil {
		return false, false, false
	}
	try := func(x, y Value, name string) (bool, bool, bool) {
		in, isInst := x.(*Instance)
		if !isInst {
			return false, false, false
		}
		if _, has := in.Class.lookup(name); !has {
			return false, false, false
		}
		m, err := c.getAttr(nil, in, name, Pos{})
		if err != nil {
			return false, false, true
		}
		r, err := c.call(m, []Value{y}, nil, Pos{})
		if err != nil {
			return false, false, true
		}
		if r == notImplemented {
			return false, false, false
		}
		t, known := truth(r)
		return t, known, true
	}
	if r, k, h := try(a, b, op); h {
		return r, k, true
	}
	return try(b, a, reflected)
}

// whyOf names where an unknown value came from, for assumptions.
func whyOf(v Value) string {
	switch x := v.(type) {
	case *RandomValue:
		return x.Why
	case *UnknownValue:
		return x.Why
	case *External:
		return x.Qual
	case *ClockReading:
		return x.why()
	}
	return "unknown"
}

// unknownOf is the unknown result of an operation on vals: it keeps the
// origin of the first unknown operand (sys.argv, random value, ...) so
// assumptions can name it, else says what failed.
func unknownOf(fallback string, vals ...Value) *UnknownValue {
	for _, v := range vals {
		if o := outsideOf(v); o != nil {
			return &UnknownValue{Why: whyOf(v), From: o}
		}
	}
	for _, v := range vals {
		if isUnknown(v) {
			return &UnknownValue{Why: whyOf(v)}
		}
	}
	return &UnknownValue{Why: fallback}
}

// dependsOn names, for an assumption about desc, the origin of the unknown
// value v when that says more than desc itself.
func dependsOn(v Value, desc string) string {
	why := whyOf(v)
	if !isUnknown(v) || why == "" || why == desc || why == "unknown" {
		return ""
	}
	return " (it depends on " + why + ")"
}

// RandomValue is a number drawn without random.seed(): unknown, so
// comparisons and branches on it are unknown, but arithmetic keeps its mean
// so that a random duration counts its mean (an assumption says so).
type RandomValue struct {
	Mean float64
	Int  bool // randint/randrange
	Why  string
	From *Outside
}

// randomArith computes arithmetic on random values with their means.
func randomArith(op string, l, r Value) (Value, bool) {
	lr, lok := l.(*RandomValue)
	rr, rok := r.(*RandomValue)
	if !lok && !rok {
		return nil, false
	}
	switch op {
	case "+", "-", "*", "/", "//", "**", "%":
	default:
		return nil, false
	}
	why := ""
	var from *Outside
	lf, ok1 := toFloat(l)
	if lok {
		lf, ok1, why, from = lr.Mean, true, lr.Why, lr.From
	}
	rf, ok2 := toFloat(r)
	if rok {
		rf, ok2 = rr.Mean, true
		if why == "" {
			why, from = rr.Why, rr.From
		}
	}
	if !ok1 || !ok2 {
		return nil, false
	}
	var m float64
	switch op {
	case "+":
		m = lf + rf
	case "-":
		m = lf - rf
	case "*":
		m = lf * rf
	case "/", "//":
		if rf == 0 {
			return nil, false
		}
		m = lf / rf
	case "**":
		m = math.Pow(lf, rf)
	case "%":
		return &UnknownValue{Why: why, From: from}, true
	}
	return &RandomValue{Mean: m, Why: why, From: from}, true
}

// truth is Python truthiness, running __bool__ or __len__ of user classes;
// ok is false for unknown values.
func (c *ctx) truth(v Value, p Pos) (b bool, ok bool) {
	in, isInst := v.(*Instance)
	if !isInst {
		if l, ok := v.(*List); ok && len(l.Elems) == 0 {
			c.noteNonBlockingTake(l, false, 0, p) // `while jobs:` found it emptied
		}
		return truth(v)
	}
	if _, n, ok := flagValue(v); ok {
		return n != 0, true
	}
	for _, name := range []string{"__bool__", "__len__"} {
		if _, has := in.Class.lookup(name); !has {
			continue
		}
		m, err := c.getAttr(c.s.globals, in, name, p)
		if err != nil {
			return false, false
		}
		r, err := c.call(m, nil, nil, p)
		if err != nil {
			return false, false
		}
		return truth(r)
	}
	return true, true
}
