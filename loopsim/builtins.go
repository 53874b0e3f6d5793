package loopsim

import (
	"errors"
	"math"
	"math/big"
	"math/bits"
	"sort"
	"strconv"
	"strings"
)

// modelled lists the qualified names the simulator implements natively.
// Not pylib records: what the simulator implements itself (its Python),
// not facts about a library's API.
var modelled = map[string]bool{}

func init() {
	for _, q := range []string{
		"asyncio.sleep", "asyncio.create_task", "asyncio.ensure_future", "asyncio.gather",
		"asyncio.wait", "asyncio.wait_for", "asyncio.timeout", "asyncio.timeout_at",
		"asyncio.TaskGroup", "asyncio.as_completed", "asyncio.shield", "asyncio.to_thread",
		"asyncio.get_running_loop", "asyncio.get_event_loop", "asyncio.current_task",
		"asyncio.all_tasks", "asyncio.Lock", "asyncio.Semaphore", "asyncio.BoundedSemaphore",
		"asyncio.Event", "asyncio.Condition", "asyncio.Queue", "asyncio.LifoQueue",
		"asyncio.PriorityQueue", "asyncio.Barrier", "asyncio.run", "asyncio.iscoroutine",
		"asyncio.wrap_future", "asyncio.Future", "asyncio.Task", "asyncio.isfuture",
		"asyncio.iscoroutinefunction",
		"time.sleep", "time.time", "time.perf_counter", "time.monotonic", "time.process_time",
		"time.perf_counter_ns", "time.monotonic_ns", "time.time_ns",
		"concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor",
		"functools.partial", "random.uniform", "random.random", "random.randint",
		"random.choice", "random.seed", "random.randrange", "random.shuffle", "random.Random", "random.sample", "random.expovariate", "math.ceil", "math.floor", "math.sqrt",
		"math.inf", "math.pi", "operator.itemgetter", "operator.attrgetter",
		"contextlib.asynccontextmanager", "contextlib.contextmanager",
		"dataclasses.dataclass", "dataclasses.field", "typing.NamedTuple", "threading.Thread", "threading.Lock", "threading.RLock", "contextvars.ContextVar", "itertools.groupby",
		"base64.b64encode", "base64.standard_b64encode", "base64.urlsafe_b64encode",
		"base64.b64decode", "base64.standard_b64decode", "base64.urlsafe_b64decode",
		"struct.calcsize", "struct.pack", "struct.unpack", "textwrap.dedent", "textwrap.indent",
		"itertools.takewhile", "itertools.dropwhile", "itertools.filterfalse", "itertools.starmap", "heapq.merge",
		"operator.neg", "operator.not_", "operator.truth", "operator.abs", "operator.index",
		"html.escape", "html.unescape", "types.SimpleNamespace", "copy.copy", "copy.deepcopy", "os.path.join", "os.path.basename", "os.path.dirname",
		"os.path.split", "os.path.splitext", "os.path.isabs",
		"bisect.bisect_left", "bisect.bisect_right", "bisect.bisect", "bisect.insort_left", "bisect.insort_right", "bisect.insort",
		"functools.wraps", "functools.lru_cache", "functools.cache", "contextlib.suppress",
		"collections.deque", "collections.defaultdict", "collections.Counter", "collections.OrderedDict",
		"itertools.count", "itertools.chain", "itertools.islice", "itertools.product", "itertools.repeat",
		"asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
		"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
		"contextlib.ExitStack", "contextlib.AsyncExitStack", "collections.namedtuple",
		"dataclasses.replace", "dataclasses.asdict", "dataclasses.astuple",
		"heapq.heappush", "heapq.heappop", "heapq.heapify", "heapq.heappushpop", "heapq.heapreplace",
		"heapq.nsmallest", "heapq.nlargest", "functools.reduce",
		"enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag", "enum.auto",
		"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today", "datetime.timedelta",
		"itertools.batched", "itertools.pairwise", "itertools.accumulate", "itertools.cycle",
		"contextlib.aclosing", "contextlib.closing", "contextlib.nullcontext",
		"math.log", "math.log2", "math.log10", "math.exp", "math.sin", "math.cos", "math.tan", "math.atan",
		"math.fabs", "math.log1p", "math.expm1", "math.trunc", "math.isfinite", "math.isinf", "math.isnan",
		"math.pow", "math.hypot", "math.atan2", "math.copysign", "math.fmod", "math.isclose", "math.gcd",
		"math.factorial", "math.isqrt", "math.prod", "math.fsum",
		"datetime.date.today", "time.strftime", "time.localtime", "time.gmtime", "time.ctime", "time.asctime",
	} {
		modelled[q] = true
	}
}

// asyncioConsts are the values of asyncio's constants as the simulator
// represents them (interpreter values, not library facts; not in pylib).
var asyncioConsts = map[string]Value{
	"asyncio.FIRST_COMPLETED":            "FIRST_COMPLETED",
	"asyncio.FIRST_EXCEPTION":            "FIRST_EXCEPTION",
	"asyncio.ALL_COMPLETED":              "ALL_COMPLETED",
	"concurrent.futures.FIRST_COMPLETED": "FIRST_COMPLETED",
	"concurrent.futures.FIRST_EXCEPTION": "FIRST_EXCEPTION",
	"concurrent.futures.ALL_COMPLETED":   "ALL_COMPLETED",
	"math.inf":                           float64(math.Inf(1)),
	"math.pi":                            math.Pi,
	"math.e":                             math.E,
	"math.tau":                           2 * math.Pi,
	"math.nan":                           math.NaN(),
	"string.ascii_lowercase":             "abcdefghijklmnopqrstuvwxyz",
	"string.ascii_uppercase":             "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	"string.ascii_letters":               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
	"string.digits":                      "0123456789",
	"string.hexdigits":                   "0123456789abcdefABCDEF",
	"string.octdigits":                   "01234567",
	"string.punctuation":                 "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
	"string.whitespace":                  " \t\n\r\x0b\x0c",
}

// knownModules are the modules the simulator's interpreter can import
// (its own implementation; not in pylib).
var knownModules = map[string]bool{
	"asyncio": true, "time": true, "concurrent": true, "concurrent.futures": true,
	"functools": true, "random": true, "math": true, "operator": true, "sys": true, "os": true,
	"collections": true, "itertools": true, "logging": true, "contextlib": true,
	"dataclasses": true, "typing": true, "threading": true, "subprocess": true, "enum": true, "heapq": true, "asyncio.subprocess": true,
	"datetime": true, "datetime.datetime": true, "datetime.date": true, "urllib": true, "urllib.parse": true, "re": true,
	"statistics": true, "string": true, "contextvars": true, "bisect": true, "base64": true, "struct": true, "textwrap": true, "types": true, "copy": true, "os.path": true, "html": true,
}

var excClasses = map[string]*Class{}

func excClass(name string) *Class {
	if c, ok := excClasses[name]; ok {
		return c
	}
	c := &Class{Name: name, IsExc: true, Attrs: map[string]Value{"__builtin_exc__": name}}
	excClasses[name] = c
	return c
}

func init() {
	excClass("BaseException")
	for n := range builtinExcParents {
		excClass(n)
	}
}

// resolveQual maps a qualified name to the value the simulator uses for it.
func resolveQual(q string) Value {
	if q == "typing.TYPE_CHECKING" || q == "typing_extensions.TYPE_CHECKING" {
		return false // True only for a type checker, never at run time
	}
	if v, ok := asyncioConsts[q]; ok {
		return v
	}
	if v, ok := reFlags[q]; ok {
		return v
	}
	if alias, ok := excAliases[q]; ok {
		return excClass(alias)
	}
	if strings.HasPrefix(q, "asyncio.") {
		if _, ok := builtinExcParents[q[len("asyncio."):]]; ok {
			return excClass(q[len("asyncio."):])
		}
	}
	if modelled[q] || strings.HasPrefix(q, "urllib.parse.") || strings.HasPrefix(q, "re.") || statisticsFuncs[q] {
		return &Builtin{Qual: q}
	}
	if knownModules[q] || q == "asyncio.tasks" || q == "asyncio.exceptions" {
		return &Module{Qual: q}
	}
	if strings.HasPrefix(q, "asyncio.") {
		// asyncio.tasks.gather and similar spellings
		parts := strings.Split(q, ".")
		short := "asyncio." + parts[len(parts)-1]
		if modelled[short] {
			return &Builtin{Qual: short}
		}
	}
	return &External{Qual: q}
}

var pyBuiltins = map[string]bool{
	"print": true, "len": true, "range": true, "min": true, "max": true, "sum": true,
	"abs": true, "round": true, "int": true, "float": true, "str": true, "bool": true,
	"list": true, "tuple": true, "set": true, "dict": true, "enumerate": true, "zip": true,
	"sorted": true, "reversed": true, "isinstance": true, "any": true, "all": true,
	"map": true, "filter": true, "divmod": true, "pow": true, "repr": true, "id": true,
	"hash": true, "type": true, "iter": true, "next": true, "input": true, "open": true,
	"super": true, "getattr": true, "setattr": true, "hasattr": true, "callable": true,
	"frozenset": true, "format": true, "staticmethod": true, "classmethod": true, "property": true,
	"object": true, "chr": true, "ord": true, "hex": true, "bin": true, "anext": true, "aiter": true,
	"oct": true, "bytes": true, "bytearray": true, "memoryview": true,
}

// pySample is CPython 3.11's Random.sample: a pool for small populations,
// rejection from a set of chosen indices for large ones.
func pySample(r *pyRandom, pop []Value, k int64, p Pos) (Value, error) {
	n := int64(len(pop))
	if k < 0 || k > n {
		return nil, newExc("ValueError", "Sample larger than population or is negative (line %d)", p.Line)
	}
	result := make([]Value, k)
	setsize := int64(21)
	if k > 5 {
		setsize += int64(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
	}
	if n <= setsize {
		pool := append([]Value(nil), pop...)
		for i := int64(0); i < k; i++ {
			j := r.randbelow(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
	} else {
		selected := map[int64]bool{}
		for i := int64(0); i < k; i++ {
			j := r.randbelow(n)
			for selected[j] {
				j = r.randbelow(n)
			}
			selected[j] = true
			result[i] = pop[j]
		}
	}
	return &List{Kind: "list", Elems: result}, nil
}

// objectClass is the class of object() sentinels.
var objectClass = &Class{Name: "object", Attrs: map[string]Value{}}

func firstArg(args []Value) Value {
	if len(args) == 0 {
		return nil
	}
	return args[0]
}

// noneType is type(None).
var noneType = &Class{Name: "NoneType", Attrs: map[string]Value{}}

// notImplemented is the NotImplemented a comparison method returns to let
// the other operand's reflected method decide.
var notImplemented = &Builtin{Qual: "NotImplemented"}

func builtinName(id string) (Value, bool) {
	switch id {
	case "__name__":
		return "loopsim", true
	case "True":
		return true, true
	case "False":
		return false, true
	case "None":
		return nil, true
	case "NotImplemented":
		return notImplemented, true
	}
	if pyBuiltins[id] {
		return &Builtin{Qual: id}, true
	}
	if alias, ok := excAliases[id]; ok {
		return excClass(alias), true
	}
	if _, ok := builtinExcParents[id]; ok || id == "BaseException" {
		if id == "CancelledError" || id == "QueueEmpty" || id == "QueueFull" || id == "InvalidStateError" || id == "BrokenBarrierError" {
			return nil, false
		}
		return excClass(id), true
	}
	return nil, false
}

// typeKey names the native type of a value for method dispatch.
func typeKey(v Value) string {
	switch x := v.(type) {
	case *Task:
		return "Task"
	case *Future:
		return "Future"
	case *Lock:
		return "Lock"
	case *Semaphore:
		return "Semaphore"
	case *Event:
		return "Event"
	case *Condition:
		return "Condition"
	case *Queue:
		return "Queue"
	case *Barrier:
		return "Barrier"
	case *TaskGroup:
		return "TaskGroup"
	case *Timeout:
		return "Timeout"
	case *LoopObj:
		return "Loop"
	case *PoolObj:
		return "Pool"
	case *CFuture:
		return "CFuture"
	case *TimerHandle:
		return "Handle"
	case *List:
		if x.Kind == "set" {
			return "set"
		}
		return "list"
	case *Dict:
		return "dict"
	case string:
		return "str"
	case *Exc:
		return "Exc"
	case *Partial:
		return "partial"
	case *Generator:
		return "generator"
	case *ThreadObj:
		return "Thread"
	case *ThreadLock:
		return "ThreadLock"
	case *ContextVar:
		return "ContextVar"
	case *ProcessObj:
		return "Process"
	case *ExitStack:
		return "ExitStack"
	case *ClockReading:
		return "datetime"
	case *Bytes:
		return "bytes"
	case *RandomObj:
		return "Random"
	case *RePattern:
		return "Pattern"
	case *ReMatch:
		return "Match"
	case *Timedelta:
		return "timedelta"
	}
	return ""
}

func (c *ctx) getAttr(fr *frame, obj Value, name string, p Pos) (Value, error) {
	switch o := obj.(type) {
	case *UserModule:
		return c.moduleAttr(o, name, p)
	case *Module:
		q := o.Qual + "." + name
		if v, ok := fr.globals.vars[q]; ok {
			return v, nil
		}
		return resolveQual(q), nil
	case *Instance:
		if v, ok := o.Attrs[name]; ok {
			return v, nil
		}
		if v, ok := o.Class.lookup(name); ok {
			if cm, ok := v.(*CMFactory); ok {
				// an (async)contextmanager method
				if fv, ok := cm.Fn.(*FuncVal); ok && !fv.static {
					b := *fv
					b.Self = o
					return &CMFactory{Fn: &b, Async: cm.Async}, nil
				}
			}
			return c.bindMember(v, o, o.Class, p)
		}
		if c.s.cfg.UnknownNames {
			return &UnknownValue{Why: o.Class.Name + "." + name}, nil
		}
		return nil, newExc("AttributeError", "'%s' object has no attribute '%s' (line %d)", o.Class.Name, name, p.Line)
	case *Class:
		if v, ok := o.lookup(name); ok {
			if fv, ok := v.(*FuncVal); ok && fv.classMethod {
				b := *fv
				b.Self = o
				return &b, nil
			}
			return v, nil
		}
		if name == "__name__" || name == "__qualname__" {
			return o.Name, nil
		}
		return nil, newExc("AttributeError", "type object '%s' has no attribute '%s'", o.Name, name)
	case *External:
		return &External{Qual: strings.TrimSuffix(o.Qual, "()") + "." + name, From: o.From}, nil
	case *SuperObj:
		for _, b := range o.Class.Bases {
			if v, ok := b.lookup(name); ok {
				if fv, ok := v.(*FuncVal); ok && !fv.static {
					bound := *fv
					bound.Self = o.Self
					if inst, ok := o.Self.(*Instance); ok && fv.classMethod {
						bound.Self = inst.Class
					}
					if fv.property {
						return c.call(&bound, nil, nil, p)
					}
					return &bound, nil
				}
				return v, nil
			}
		}
		if name == "__init__" {
			// object.__init__ (or an exception's): nothing to simulate
			return &Builtin{Qual: "object.__init__", Self: o.Self}, nil
		}
		if name == "__init_subclass__" {
			return &Builtin{Qual: "object.__init__"}, nil // object's does nothing
		}
		return nil, newExc("AttributeError", "'super' object has no attribute '%s' (line %d)", name, p.Line)
	case *UnknownValue:
		return &UnknownValue{Why: o.Why + "." + name, From: o.From}, nil
	case *ClockReading:
		return c.clockAttr(o, name, p), nil
	case *Timedelta:
		if v, ok := timedeltaAttr(o, name); ok {
			return v, nil
		}
	case *Exc:
		if v, ok := o.Attrs[name]; ok {
			return v, nil
		}
		if o.Class != nil {
			if v, ok := o.Class.lookup(name); ok {
				return c.bindMember(v, o, o.Class, p)
			}
		}
		switch name {
		case "__class__":
			if o.Class != nil {
				return o.Class, nil
			}
			return excClass(o.Type), nil
		case "__cause__":
			if o.Cause != nil {
				return o.Cause, nil
			}
			return nil, nil
		case "__context__":
			if o.Context != nil {
				return o.Context, nil
			}
			return nil, nil
		case "__traceback__":
			return nil, nil
		case "message":
			if len(o.Group) > 0 || o.Type == "ExceptionGroup" || o.Type == "BaseExceptionGroup" {
				return o.Msg, nil
			}
		case "exceptions":
			l := &List{Kind: "tuple"}
			for _, m := range o.Group {
				l.Elems = append(l.Elems, m)
			}
			return l, nil
		case "args":
			return &List{Kind: "tuple", Elems: o.Args}, nil
		}
		return nil, newExc("AttributeError", "'%s' object has no attribute '%s' (line %d)", o.Type, name, p.Line)
	case *Builtin:
		if o.Self == nil && unboundTypes[o.Qual] {
			return &Builtin{Qual: unboundPrefix + o.Qual + "." + name}, nil
		}
		if o.Qual == "itertools.chain" && name == "from_iterable" {
			return &Builtin{Qual: "itertools.chain.from_iterable"}, nil
		}
		return c.unmodelled(p, o.Qual+"."+name), nil
	case *FuncVal:
		if name == "__name__" {
			return o.Fn.Name, nil
		}
		if o.property && name == "setter" {
			return &propertySetter{prop: o}, nil
		}
	case *Queue:
		if name == "maxsize" {
			return int64(o.maxsize), nil
		}
	case *ProcessObj:
		switch name {
		case "returncode":
			if c.now() >= o.end {
				return int64(0), nil
			}
			return nil, nil
		case "pid":
			return int64(4242), nil
		}
	case *Barrier:
		switch name {
		case "parties":
			return int64(o.parties), nil
		case "n_waiting":
			return int64(len(o.waiters)), nil
		case "broken":
			return false, nil
		}
	}
	if k := typeKey(obj); k != "" {
		return &Builtin{Qual: k + "." + name, Self: obj}, nil
	}
	switch obj.(type) {
	case int64, float64:
		if numberMethods[name] {
			return &Builtin{Qual: "number." + name, Self: obj}, nil
		}
	}
	return c.unmodelled(p, typeName(obj)+"."+name), nil
}

// parsePyInt is int(s, base) for literals that fit 64 bits: whitespace,
// a sign, underscores between digits, and the 0x/0o/0b prefix of base 16,
// 8, 2 or (base 0) the one that picks the base.
// valid is false for what Python rejects; fits is false beyond 64 bits.
func parsePyInt(s string, base int64) (n int64, valid, fits bool) {
	var err error
	s = strings.TrimSpace(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	low := strings.ToLower(s)
	prefixes := map[string]int64{"0x": 16, "0o": 8, "0b": 2}
	if len(low) > 2 {
		if b, ok := prefixes[low[:2]]; ok && (base == 0 || base == b) {
			s, base = s[2:], b
			s = strings.TrimPrefix(s, "_")
		}
	}
	if base == 0 {
		if strings.Trim(s, "0_") == "" && s != "" {
			return 0, true, true
		}
		if strings.HasPrefix(s, "0") {
			return 0, false, false // "010" is not a base-0 literal
		}
		base = 10
	}
	if s == "" || strings.ContainsAny(s[:1], "_+-") || strings.HasSuffix(s, "_") || strings.Contains(s, "__") || base < 2 || base > 36 {
		return 0, false, false
	}
	n, err = strconv.ParseInt(strings.ReplaceAll(s, "_", ""), int(base), 64)
	if err != nil {
		// a valid literal beyond 64 bits is not an error in Python
		return 0, errors.Is(err, strconv.ErrRange), false
	}
	if neg {
		n = -n
	}
	return n, true, true
}

// numberMethods are the int and float methods simulated.
var numberMethods = map[string]bool{"bit_length": true, "is_integer": true, "conjugate": true, "bit_count": true}

// numberMethod runs an int or float method.
func (c *ctx) numberMethod(self Value, name string, args []Value, p Pos) (Value, error) {
	if len(args) > 0 {
		return c.unmodelled(p, typeName(self)+"."+name), nil
	}
	switch x := self.(type) {
	case int64:
		u := uint64(x)
		if x < 0 {
			u = uint64(-x)
		}
		switch name {
		case "bit_length":
			return int64(bits.Len64(u)), nil
		case "bit_count":
			return int64(bits.OnesCount64(u)), nil
		case "conjugate":
			return x, nil
		}
	case float64:
		switch name {
		case "is_integer":
			return x == math.Trunc(x) && !math.IsInf(x, 0), nil
		case "conjugate":
			return x, nil
		}
	}
	return c.unmodelled(p, typeName(self)+"."+name), nil
}

// argAt returns the i-th positional argument or the keyword name.
func argAt(args []Value, kws []kwarg, i int, name string) (Value, bool) {
	if i >= 0 && i < len(args) {
		return args[i], true
	}
	for _, kw := range kws {
		if kw.Name == name {
			return kw.Value, true
		}
	}
	return nil, false
}

// seconds converts a duration argument; unknown values become an
// assumption of 0 s.
func (c *ctx) seconds(v Value, p Pos, what string) float64 {
	if rv, ok := v.(*RandomValue); ok {
		return rv.Mean
	}
	if f, ok := toFloat(v); ok {
		return f
	}
	if v == nil {
		return 0
	}
	c.s.assumeOn(p, 0.3, v, what, "duration of %s cannot be known statically%s; assumed 0 s", what)
	return 0
}

func (c *ctx) callBuiltin(b *Builtin, args []Value, kws []kwarg, p Pos) (Value, error) {
	q := b.Qual
	if q == "object.__init__" {
		if e, ok := b.Self.(*Exc); ok {
			// Exception.__init__(self, *args): the message and args.
			e.Args = args
			e.Msg = ""
			if len(args) == 1 {
				e.Msg = repr(args[0])
			} else if len(args) > 1 {
				e.Msg = repr(&List{Kind: "tuple", Elems: args})
			}
		}
		return nil, nil
	}
	if v, ok := c.callSubprocess(q, args, kws, p); ok {
		return v, nil
	}
	if strings.HasPrefix(q, "asyncio.") {
		return c.callAsyncio(q, args, kws, p)
	}
	if name, ok := strings.CutPrefix(q, "number."); ok && b.Self != nil {
		return c.numberMethod(b.Self, name, args, p)
	}
	if i := strings.IndexByte(q, '.'); i > 0 && typeKey(b.Self) != "" {
		return c.callMethod(q[:i], q[i+1:], b.Self, args, kws, p)
	}
	if strings.HasPrefix(q, unboundPrefix) {
		return c.callUnbound(q, args, kws, p)
	}
	if v, ok, err := c.callPathOrCopy(q, args, kws, p); ok {
		return v, err
	}
	if v, ok, err := c.callOperatorItertools(q, args, kws, p); ok {
		return v, err
	}
	if v, ok, err := c.callStdlibExtra(q, args, kws, p); ok {
		return v, err
	}
	if strings.HasPrefix(q, "re.") {
		return c.callRe(q[len("re."):], args, kws, p)
	}
	switch q {
	case "enum.auto":
		return &enumAuto{}, nil
	case "operator.itemgetter", "operator.attrgetter":
		if len(args) == 0 {
			return nil, newExc("TypeError", "%s expected 1 argument (line %d)", q, p.Line)
		}
		return &getter{keys: args, attr: q == "operator.attrgetter"}, nil
	case "time.sleep":
		d := 0.0
		if v, ok := argAt(args, kws, 0, "secs"); ok {
			d = c.seconds(v, p, "time.sleep")
		}
		switch {
		case math.IsNaN(d):
			return nil, newExc("ValueError", "Invalid value NaN (not a number)")
		case d < 0:
			return nil, newExc("ValueError", "sleep length must be non-negative")
		case d > math.MaxInt64/1e9: // CPython converts to int64 nanoseconds
			return nil, newExc("OverflowError", "timestamp out of range for platform time_t")
		}
		if d > 0 {
			d += c.s.cfg.SleepOverhead
		}
		c.s.block(c, d, p, "time.sleep")
		return nil, nil
	case "time.time", "time.perf_counter", "time.monotonic", "time.process_time",
		"time.perf_counter_ns", "time.monotonic_ns", "time.time_ns",
		"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today":
		return c.readClock(q, p), nil
	case "time.strftime", "time.localtime", "time.gmtime", "time.ctime", "time.asctime", "datetime.date.today":
		return &UnknownValue{Why: "the time of day (" + q + "())", From: &Outside{What: "the time of day (" + q + "())", Line: p.Line}}, nil
	case "datetime.timedelta":
		v, _ := newTimedelta(args, kws)
		return v, nil
	case "concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor":
		n := 0
		if v, ok := argAt(args, kws, 0, "max_workers"); ok && v != nil {
			k, ok := toInt(v)
			if !ok {
				c.s.assume(p, 0.7, "max_workers unknown; assumed the default")
			}
			n = int(k)
		}
		if n <= 0 {
			n = c.s.cfg.workers()
			if q == "concurrent.futures.ProcessPoolExecutor" {
				n = max(1, n-4)
			}
		}
		pool := c.s.newPool(n)
		if q == "concurrent.futures.ProcessPoolExecutor" {
			pool.Process = true
			c.s.assume(p, 0.8, "process pool costs estimated (machine-dependent): %s to fork each worker, %s per job, %s to shut down",
				fmtDur(processSpawnCost), fmtDur(processJobCost), fmtDur(processShutdownCost))
		}
		return &PoolObj{pool: pool}, nil
	case "contextvars.ContextVar":
		return c.newContextVar(args, kws, p)
	case "threading.Lock", "threading.RLock":
		return &ThreadLock{Reentrant: q == "threading.RLock"}, nil
	case "threading.Thread":
		th := &ThreadObj{}
		th.target, _ = argAt(nil, kws, -1, "target")
		if a, ok := argAt(nil, kws, -1, "args"); ok {
			if l, ok := a.(*List); ok {
				th.args = l.Elems
			}
		}
		if k, ok := argAt(nil, kws, -1, "kwargs"); ok {
			if d, ok := k.(*Dict); ok {
				for i, key := range d.Keys {
					if ks, ok := key.(string); ok {
						th.kws = append(th.kws, kwarg{ks, d.Vals[i]})
					}
				}
			}
		}
		return th, nil
	case "dataclasses.dataclass", "functools.wraps", "functools.lru_cache":
		// @dataclass and @dataclass(...) both end up as the decorator;
		// wraps(fn) and lru_cache(...) decorate without changing timing.
		if q != "dataclasses.dataclass" && len(args) == 1 {
			if _, isFn := args[0].(*FuncVal); isFn && q == "functools.lru_cache" {
				return args[0], nil
			}
		}
		if q == "dataclasses.dataclass" {
			opts := &dataclassOpts{eq: true}
			if v, ok := argAt(nil, kws, -1, "eq"); ok {
				opts.eq, _ = truth(v)
			}
			if v, ok := argAt(nil, kws, -1, "order"); ok {
				opts.order, _ = truth(v)
			}
			return &Builtin{Qual: q, Self: opts}, nil
		}
		return &Builtin{Qual: q}, nil
	case "functools.cache":
		if len(args) == 1 {
			return args[0], nil
		}
	case "contextlib.suppress":
		return &Suppress{Types: args}, nil
	case "collections.deque":
		l := &List{Kind: "list", Deque: true}
		if len(args) >= 1 && args[0] != nil {
			items, err := c.toList(args[0], p)
			if err != nil {
				return nil, err
			}
			l.Elems = items
		}
		return l, nil
	case "collections.defaultdict", "collections.OrderedDict":
		d := &Dict{}
		if q == "collections.defaultdict" && len(args) >= 1 {
			d.Factory = args[0]
		}
		return d, nil
	case "collections.Counter":
		d := &Dict{Counter: true}
		if len(args) == 1 {
			if isUnknown(args[0]) {
				return unknownOf(q, args[0]), nil
			}
			if err := c.countInto(d, args[0], 1, p); err != nil {
				return nil, err
			}
		}
		for _, kw := range kws {
			d.set(kw.Name, kw.Value)
		}
		return d, nil
	case "itertools.count":
		start, step := int64(0), int64(1)
		if len(args) >= 1 {
			start, _ = toInt(args[0])
		}
		if len(args) >= 2 {
			step, _ = toInt(args[1])
		}
		stop := int64(math.MaxInt64 / 2)
		if step < 0 {
			stop = -stop
		}
		return &Range{start, stop, step}, nil
	case "itertools.repeat":
		if len(args) == 2 {
			if n, ok := toInt(args[1]); ok {
				c.allocate(n, "itertools.repeat", p)
				out := &List{Kind: "list"}
				for i := int64(0); i < n; i++ {
					out.Elems = append(out.Elems, args[0])
				}
				return out, nil
			}
		}
		return c.unmodelled(p, "itertools.repeat"), nil
	case "itertools.chain":
		out := &List{Kind: "list"}
		for _, a := range args {
			items, err := c.toList(a, p)
			if err != nil {
				return nil, err
			}
			out.Elems = append(out.Elems, items...)
		}
		return out, nil
	case "itertools.islice":
		if len(args) >= 2 {
			start, stop := int64(0), int64(0)
			var ok bool
			if len(args) == 2 {
				stop, ok = toInt(args[1])
			} else {
				start, _ = toInt(args[1])
				stop, ok = toInt(args[2])
			}
			if ok {
				if r, isRange := args[0].(*Range); isRange {
					n := min(r.length(), stop)
					return &Range{r.Start + start*r.Step, r.Start + n*r.Step, r.Step}, nil
				}
				if it, isIter := args[0].(*List); isIter && it.Iter {
					// islice consumes what it takes from an iterator
					stop = min(stop, int64(len(it.Elems)))
					start = min(start, stop)
					out := &List{Kind: "list", Elems: append([]Value(nil), it.Elems[start:stop]...), Iter: true}
					it.Elems = it.Elems[stop:]
					return out, nil
				}
				items, err := c.toList(args[0], p)
				if err != nil {
					return nil, err
				}
				stop = min(stop, int64(len(items)))
				start = min(start, stop)
				return &List{Kind: "list", Elems: items[start:stop], Iter: true}, nil
			}
		}
		return c.unmodelled(p, "itertools.islice"), nil
	case "itertools.product":
		result := [][]Value{{}}
		for _, a := range args {
			items, err := c.toList(a, p)
			if err != nil {
				return nil, err
			}
			c.allocate(product(int64(len(result)), int64(len(items))), "itertools.product", p)
			var next [][]Value
			for _, prefix := range result {
				for _, it := range items {
					next = append(next, append(append([]Value(nil), prefix...), it))
				}
			}
			result = next
		}
		out := &List{Kind: "list"}
		for _, tup := range result {
			out.Elems = append(out.Elems, &List{Kind: "tuple", Elems: tup})
		}
		return out, nil
	case "dataclasses.field":
		fs := &FieldSpec{}
		if v, ok := argAt(nil, kws, -1, "default"); ok {
			fs.Default, fs.HasDef = v, true
		}
		if v, ok := argAt(nil, kws, -1, "default_factory"); ok {
			fs.Factory = v
		}
		if v, ok := argAt(nil, kws, -1, "compare"); ok {
			if b, known := truth(v); known && !b {
				fs.NoCompare = true
			}
		}
		return fs, nil
	case "functools.partial":
		if len(args) == 0 {
			return nil, newExc("TypeError", "partial needs a function")
		}
		return &Partial{Fn: args[0], Args: args[1:], Kws: kws}, nil
	case "random.seed":
		v, _ := argAt(args, kws, 0, "a")
		c.s.rng = seedRandom(v)
		return nil, nil
	case "random.Random":
		v, _ := argAt(args, kws, 0, "x")
		return &RandomObj{rng: seedRandom(v)}, nil
	case "random.random", "random.uniform", "random.randint", "random.randrange", "random.choice", "random.shuffle",
		"random.sample", "random.expovariate":
		return c.callRandom(q, args, kws, p)
	case "math.ceil", "math.floor", "math.sqrt":
		if len(args) == 1 {
			if f, ok := toFloat(args[0]); ok {
				switch q {
				case "math.ceil":
					return int64(math.Ceil(f)), nil
				case "math.floor":
					return int64(math.Floor(f)), nil
				default:
					return math.Sqrt(f), nil
				}
			}
		}
		return unknownOf(q, args...), nil
	}
	if !strings.Contains(q, ".") {
		return c.callPyBuiltin(q, args, kws, p)
	}
	return c.unmodelled(p, q), nil
}

// Partial is functools.partial.
type Partial struct {
	Fn   Value
	Args []Value
	Kws  []kwarg
}

// builtinKeywords are the keyword arguments each builtin is simulated
// with; any other keyword would be ignored, so it makes the call unmodelled.
var builtinKeywords = map[string]string{
	"print": "*", "sorted": "key reverse", "min": "key default", "max": "key default", "sum": "start",
	"enumerate": "start", "dict": "*", "round": "ndigits", "zip": "strict", "open": "*", "next": "",
	"range": "", "len": "", "int": "", "float": "", "str": "", "list": "", "tuple": "", "set": "",
	"any": "", "all": "", "abs": "", "divmod": "", "isinstance": "", "getattr": "", "hasattr": "",
	"map": "", "filter": "", "reversed": "", "iter": "", "bool": "", "repr": "", "format": "",
	"chr": "", "ord": "", "hex": "", "bin": "", "oct": "", "type": "", "callable": "", "pow": "",
	"bytes": "", "bytearray": "", "memoryview": "", "frozenset": "", "object": "",
}

func (c *ctx) callPyBuiltin(q string, args []Value, kws []kwarg, p Pos) (Value, error) {
	if allowed, ok := builtinKeywords[q]; ok && allowed != "*" {
		for _, kw := range kws {
			if !strings.Contains(" "+allowed+" ", " "+kw.Name+" ") {
				return c.unmodelled(p, q+"(..., "+kw.Name+"=...)"), nil
			}
		}
	}
	switch q {
	case "print":
		return nil, nil
	case "setattr":
		if len(args) == 3 {
			if name, ok := args[1].(string); ok {
				switch o := args[0].(type) {
				case *Instance:
					o.Attrs[name] = args[2]
					return nil, nil
				case *Class:
					o.Attrs[name] = args[2]
					return nil, nil
				}
			}
		}
		return c.unmodelled(p, "setattr"), nil
	case "hash":
		// hash() of small ints is the int; of str and bytes it is salted per
		// process (PYTHONHASHSEED), so unknown.
		if n, ok := firstArg(args).(int64); ok && len(args) == 1 && n > -(1<<61) && n < 1<<61 && n != -1 {
			return n, nil
		}
		return &UnknownValue{Why: "hash() (salted per process)"}, nil
	case "id":
		return &UnknownValue{Why: "id() (a memory address)"}, nil
	case "input":
		c.s.assume(p, 0.5, "input() waits for a user; assumed to return at once")
		return &UnknownValue{Why: "user input", From: &Outside{What: "input()", Line: p.Line}}, nil
	case "open":
		return &UnknownValue{Why: "file object", From: &Outside{What: "a file read with open()", Line: p.Line}}, nil
	case "len":
		if len(args) != 1 {
			break
		}
		switch x := args[0].(type) {
		case *Class:
			if x.Members != nil {
				return int64(len(x.Members)), nil
			}
		case *List:
			return int64(len(x.Elems)), nil
		case *Dict:
			return int64(len(x.Keys)), nil
		case string:
			return int64(len(x)), nil
		case *Bytes:
			return x.length(), nil
		case *Instance:
			if m, err := c.getAttr(c.s.globals, x, "__len__", p); err == nil {
				return c.call(m, nil, nil, p)
			}
		case *Range:
			return x.length(), nil
		case *Queue:
			return int64(len(x.items)), nil
		}
		return unknownOf("length of unknown", args...), nil
	case "range":
		var ints []int64
		for _, a := range args {
			if rv, ok := a.(*RandomValue); ok && rv.Int {
				// the assumption made when the value was drawn covers this
				a = int64(math.Round(rv.Mean))
			}
			n, ok := toInt(a)
			if !ok {
				return unknownOf("range with unknown bound", a), nil
			}
			ints = append(ints, n)
		}
		switch len(ints) {
		case 1:
			return &Range{0, ints[0], 1}, nil
		case 2:
			return &Range{ints[0], ints[1], 1}, nil
		case 3:
			if ints[2] == 0 {
				return nil, newExc("ValueError", "range() arg 3 must not be zero")
			}
			return &Range{ints[0], ints[1], ints[2]}, nil
		}
	case "min", "max", "sum", "sorted", "any", "all", "list", "tuple", "set", "frozenset", "reversed", "enumerate", "zip", "map", "filter", "iter":
		return c.callIterBuiltin(q, args, kws, p)
	case "abs":
		if len(args) == 1 {
			switch x := args[0].(type) {
			case int64:
				if x < 0 {
					return -x, nil
				}
				return x, nil
			case float64:
				return math.Abs(x), nil
			}
		}
		return unknownOf("abs of unknown", args...), nil
	case "round":
		if len(args) >= 1 {
			if f, ok := toFloat(args[0]); ok {
				nd, given := argAt(args, kws, 1, "ndigits")
				if !given || nd == nil {
					return int64(math.RoundToEven(f)), nil
				}
				if n, ok := toInt(nd); ok {
					m := math.Pow(10, float64(n))
					return math.RoundToEven(f*m) / m, nil
				}
			}
		}
		return unknownOf("round of unknown", args...), nil
	case "int":
		if len(args) == 0 {
			return int64(0), nil
		}
		switch x := args[0].(type) {
		case int64:
			return x, nil
		case float64:
			return int64(x), nil
		case bool:
			return b2i(x), nil
		case string:
			base := int64(10)
			if v, ok := argAt(args, kws, 1, "base"); ok {
				n, known := toInt(v)
				if !known {
					return unknownOf("int of unknown", v), nil
				}
				base = n
			}
			n, valid, fits := parsePyInt(x, base)
			if valid && fits {
				return n, nil
			}
			if !valid && (base == 0 || (base >= 2 && base <= 36)) {
				return nil, newExc("ValueError", "invalid literal for int() with base %d: %s (line %d)", base, repr(x), p.Line)
			}
		}
		return unknownOf("int of unknown", args...), nil
	case "float":
		if len(args) == 0 {
			return 0.0, nil
		}
		if f, ok := toFloat(args[0]); ok {
			return f, nil
		}
		if s, ok := args[0].(string); ok {
			if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
				return f, nil
			}
		}
		return unknownOf("float of unknown", args...), nil
	case "str", "repr":
		if len(args) == 0 {
			return "", nil
		}
		if len(args) == 1 && !isUnknown(args[0]) {
			return str(args[0], q == "repr"), nil
		}
		return &UnknownValue{Why: "string"}, nil
	case "format":
		if len(args) >= 1 && !isUnknown(args[0]) {
			spec := ""
			if len(args) == 2 {
				spec, _ = args[1].(string)
			}
			if s, ok := c.pyFormat(args[0], spec, ""); ok {
				return s, nil
			}
		}
		return &UnknownValue{Why: "string"}, nil
	case "chr":
		if n, ok := toInt(firstArg(args)); ok && len(args) == 1 {
			return string(rune(n)), nil
		}
		return unknownOf("chr", args...), nil
	case "ord":
		if s, ok := firstArg(args).(string); ok && len([]rune(s)) == 1 {
			return int64([]rune(s)[0]), nil
		}
		if b, ok := firstArg(args).(*Bytes); ok && b.length() == 1 {
			return int64(b.B[0]), nil
		}
		return unknownOf("ord", args...), nil
	case "hex", "bin", "oct":
		if n, ok := toInt(firstArg(args)); ok && len(args) == 1 {
			base, prefix := map[string]int{"hex": 16, "bin": 2, "oct": 8}[q], map[string]string{"hex": "0x", "bin": "0b", "oct": "0o"}[q]
			if n < 0 {
				return "-" + prefix + strconv.FormatInt(-n, base), nil
			}
			return prefix + strconv.FormatInt(n, base), nil
		}
		return unknownOf(q, args...), nil
	case "type":
		if len(args) == 1 {
			switch x := args[0].(type) {
			case *Instance:
				return x.Class, nil
			case *Exc:
				if x.Class != nil {
					return x.Class, nil
				}
				return excClass(x.Type), nil
			}
			if isUnknown(args[0]) {
				return unknownOf("type", args...), nil
			}
			if name := typeName(args[0]); pyBuiltins[name] {
				return &Builtin{Qual: name}, nil
			}
			if args[0] == nil {
				return noneType, nil
			}
		}
		return c.unmodelled(p, "type"), nil
	case "object":
		// object() is a unique sentinel compared with `is`.
		return &Instance{Class: objectClass, Attrs: map[string]Value{}}, nil
	case "getattr", "hasattr":
		if len(args) >= 2 {
			name, ok := args[1].(string)
			if !ok || isUnknown(args[0]) {
				return unknownOf(q, args...), nil
			}
			v, err := c.getAttr(c.s.globals, args[0], name, p)
			if e, isExc := err.(*Exc); isExc && e.Type == "AttributeError" {
				if q == "hasattr" {
					return false, nil
				}
				if len(args) == 3 {
					return args[2], nil
				}
				return nil, err
			}
			if err != nil {
				return nil, err
			}
			if q == "hasattr" {
				if u, ok := v.(*UnknownValue); ok {
					return u, nil
				}
				return true, nil
			}
			return v, nil
		}
	case "callable":
		if len(args) == 1 {
			switch x := args[0].(type) {
			case *FuncVal, *LambdaVal, *Builtin, *Class, *Partial, *CMFactory, *getter:
				return true, nil
			case *Instance:
				_, ok := x.Class.lookup("__call__")
				return ok, nil
			case nil, bool, int64, float64, string, *List, *Dict:
				return false, nil
			}
			return unknownOf("callable", args...), nil
		}
	case "bool":
		if len(args) == 0 {
			return false, nil
		}
		b, ok := truth(args[0])
		if !ok {
			return unknownOf("bool of unknown", args...), nil
		}
		return b, nil
	case "dict":
		d := &Dict{}
		if len(args) == 1 {
			if src, ok := args[0].(*Dict); ok {
				d.Keys = append(d.Keys, src.Keys...)
				d.Vals = append(d.Vals, src.Vals...)
			} else if isUnknown(args[0]) {
				return derivedUnknown("dict of "+whyOf(args[0]), args[0]), nil
			} else {
				// dict(pairs): zip(...), a list of tuples, enumerate(...).
				items, err := c.toList(args[0], p)
				if err != nil {
					return nil, err
				}
				for _, it := range items {
					pair, ok := it.(*List)
					if !ok || len(pair.Elems) != 2 {
						return &UnknownValue{Why: "dict of unknown pairs"}, nil
					}
					d.set(pair.Elems[0], pair.Elems[1])
				}
			}
		}
		for _, kw := range kws {
			d.set(kw.Name, kw.Value)
		}
		return d, nil
	case "divmod":
		if len(args) == 2 {
			qv, err := c.binop("//", args[0], args[1], p)
			if err != nil {
				return nil, err
			}
			mv, err := c.binop("%", args[0], args[1], p)
			if err != nil {
				return nil, err
			}
			return &List{Kind: "tuple", Elems: []Value{qv, mv}}, nil
		}
	case "pow":
		if len(args) == 2 {
			return c.binop("**", args[0], args[1], p)
		}
	case "next", "anext":
		if len(args) >= 1 {
			if g, ok := args[0].(*Generator); ok {
				m := "__next__"
				if q == "anext" {
					m = "__anext__"
				}
				v, err := c.genMethod(g, m, nil, p)
				if e, ok := err.(*Exc); ok && len(args) == 2 && (e.Type == "StopIteration" || e.Type == "StopAsyncIteration") {
					return args[1], nil
				}
				return v, err
			}
			if q == "next" {
				// A list or range here is an iterator Python made (iter(),
				// a generator expression, itertools.count()): next()
				// consumes its first item.
				switch it := args[0].(type) {
				case *List:
					if len(it.Elems) > 0 {
						v := it.Elems[0]
						it.Elems = it.Elems[1:]
						return v, nil
					}
				case *Range:
					if it.length() > 0 {
						v := it.Start
						it.Start += it.Step
						return v, nil
					}
				default:
					if isUnknown(it) {
						return unknownOf("next", it), nil
					}
					return c.unmodelled(p, "next"), nil
				}
				if len(args) == 2 {
					return args[1], nil
				}
				return nil, &Exc{Type: "StopIteration"}
			}
		}
		return c.unmodelled(p, q), nil
	case "aiter":
		if len(args) == 1 {
			return args[0], nil
		}
	case "isinstance":
		if len(args) == 2 {
			if isUnknown(args[0]) {
				return &UnknownValue{Why: "isinstance of unknown"}, nil
			}
			if l, ok := args[1].(*List); ok {
				for _, cl := range l.Elems {
					if isInstanceOf(args[0], cl) {
						return true, nil
					}
				}
				return false, nil
			}
			if _, ok := args[1].(*Class); ok {
				return isInstanceOf(args[0], args[1]), nil
			}
			if b, ok := args[1].(*Builtin); ok && pyBuiltins[b.Qual] {
				return isInstanceOf(args[0], args[1]), nil
			}
		}
		return c.unmodelled(p, "isinstance"), nil
	case "super":
		return c.unmodelled(p, "super"), nil
	case "bytes", "bytearray", "memoryview":
		return c.newBytes(q, args, p)
	case "staticmethod", "classmethod", "property":
		if len(args) == 1 {
			return args[0], nil
		}
	}
	return c.unmodelled(p, q), nil
}

func (c *ctx) callIterBuiltin(q string, args []Value, kws []kwarg, p Pos) (Value, error) {
	if len(args) == 0 {
		switch q {
		case "list", "tuple", "set", "frozenset":
			return &List{Kind: strings.Replace(q, "frozenset", "set", 1)}, nil
		}
		return nil, newExc("TypeError", "%s expected an argument", q)
	}
	if q == "map" {
		if len(args) < 2 {
			return nil, newExc("TypeError", "map() needs a function and an iterable")
		}
		lists := make([][]Value, len(args)-1)
		n := -1
		for i, a := range args[1:] {
			l, err := c.toList(a, p)
			if err != nil {
				return nil, err
			}
			lists[i] = l
			if n < 0 || len(l) < n {
				n = len(l)
			}
		}
		out := &List{Kind: "list"}
		for i := 0; i < n; i++ {
			var callArgs []Value
			for _, l := range lists {
				callArgs = append(callArgs, l[i])
			}
			v, err := c.call(args[0], callArgs, nil, p)
			if err != nil {
				return nil, err
			}
			out.Elems = append(out.Elems, v)
		}
		out.Iter = true
		return out, nil
	}
	if q == "filter" {
		items, err := c.toList(args[1], p)
		if err != nil {
			return nil, err
		}
		out := &List{Kind: "list"}
		for _, it := range items {
			keep := it
			if args[0] != nil {
				r, err := c.call(args[0], []Value{it}, nil, p)
				if err != nil {
					return nil, err
				}
				keep = r
			}
			if b, ok := truth(keep); ok && b {
				out.Elems = append(out.Elems, it)
			}
		}
		out.Iter = true
		return out, nil
	}
	if q == "zip" {
		// Ranges (itertools.count() is one) are read only as far as the
		// shortest other argument goes.
		lists := make([][]Value, len(args))
		n := -1
		for i, a := range args {
			if r, ok := a.(*Range); ok {
				if m := int(min(r.length(), maxMaterialized)); n < 0 || m < n {
					n = m
				}
				continue
			}
			l, err := c.toList(a, p)
			if err != nil {
				return nil, err
			}
			lists[i] = l
			if n < 0 || len(l) < n {
				n = len(l)
			}
		}
		for i, a := range args {
			if r, ok := a.(*Range); ok {
				for k := 0; k < n; k++ {
					lists[i] = append(lists[i], r.Start+int64(k)*r.Step)
				}
				if r.Stop == math.MaxInt64/2 || r.Stop == -math.MaxInt64/2 {
					r.Start += int64(n) * r.Step // an itertools.count() advances
				}
			}
		}
		out := &List{Kind: "list"}
		for i := 0; i < n; i++ {
			t := &List{Kind: "tuple"}
			for _, l := range lists {
				t.Elems = append(t.Elems, l[i])
			}
			out.Elems = append(out.Elems, t)
		}
		out.Iter = true
		return out, nil
	}
	if (q == "min" || q == "max") && len(args) > 1 {
		args = []Value{&List{Kind: "tuple", Elems: args}}
	}
	if isUnknown(args[0]) {
		return unknownOf(q+" of unknown", args[0]), nil
	}
	if r, ok := args[0].(*Range); ok && r.length() > c.s.cfg.MaxValueSize {
		if q == "sum" && len(args) == 1 {
			n := r.length()
			c.s.cpu(0.8 * float64(n))
			return n*r.Start + r.Step*n*(n-1)/2, nil
		}
		// CPython walks the whole range: too long to simulate.
		c.allocate(r.length(), q+"() of a range", p)
	}
	items, err := c.toList(args[0], p)
	if err != nil {
		return nil, err
	}
	c.s.cpu(0.3 * float64(len(items)))
	switch q {
	case "list", "tuple", "set", "frozenset", "iter":
		kind := q
		if q == "frozenset" {
			kind = "set"
		}
		if q == "iter" {
			kind = "list"
		}
		l := &List{Kind: kind, Elems: items, Iter: q == "iter"}
		if kind == "set" {
			l.Elems = dedupe(items)
		}
		return l, nil
	case "reversed":
		out := make([]Value, len(items))
		for i, v := range items {
			out[len(items)-1-i] = v
		}
		return &List{Kind: "list", Elems: out}, nil
	case "enumerate":
		start := int64(0)
		if v, ok := argAt(args, kws, 1, "start"); ok {
			start, _ = toInt(v)
		}
		out := &List{Kind: "list"}
		for i, v := range items {
			out.Elems = append(out.Elems, &List{Kind: "tuple", Elems: []Value{start + int64(i), v}})
		}
		out.Iter = true
		return out, nil
	case "sum":
		var total Value = int64(0)
		if v, ok := argAt(args, kws, 1, "start"); ok {
			total = v
		}
		for _, v := range items {
			total, err = c.binop("+", total, v, p)
			if err != nil {
				return nil, err
			}
		}
		return total, nil
	case "any", "all":
		for _, v := range items {
			b, ok := truth(v)
			if !ok {
				return unknownOf(q+" of unknown", items...), nil
			}
			if q == "any" && b {
				return true, nil
			}
			if q == "all" && !b {
				return false, nil
			}
		}
		return q == "all", nil
	case "sorted":
		out, ok, err := c.sortItems(items, kws, p)
		if err != nil {
			return nil, err
		}
		if !ok {
			return &UnknownValue{Why: "sorted unknown"}, nil
		}
		return &List{Kind: "list", Elems: out}, nil
	case "min", "max":
		if len(items) == 0 {
			if d, ok := argAt(nil, kws, -1, "default"); ok {
				return d, nil
			}
			return nil, newExc("ValueError", "%s() arg is an empty sequence", q)
		}
		keys, err := c.sortKeys(items, kws, p)
		if err != nil {
			return nil, err
		}
		best, bestKey := items[0], keys[0]
		for i, v := range items[1:] {
			k := keys[i+1]
			var better, ok bool
			if q == "min" {
				better, ok = c.less(k, bestKey)
			} else {
				better, ok = c.less(bestKey, k)
			}
			if !ok {
				return unknownOf(q+" of unknown", items...), nil
			}
			if better {
				best, bestKey = v, k
			}
		}
		return best, nil
	}
	return c.unmodelled(p, q), nil
}

// callMethod dispatches methods of native values.
func (c *ctx) callMethod(typ, name string, self Value, args []Value, kws []kwarg, p Pos) (Value, error) {
	switch o := self.(type) {
	case *ExitStack:
		return c.exitStackMethod(o, name, args, kws, p)
	case *ThreadLock:
		return c.threadLockMethod(o, name, args, kws, p)
	case *ContextVar:
		return c.contextVarMethod(o, name, args, kws, p)
	case *ClockReading:
		return c.clockMethod(o, name, args, kws, p)
	case *Bytes:
		return c.bytesMethod(o, name, args, p)
	case *RandomObj:
		return c.randomMethod(o, name, args, kws, p)
	case *RePattern:
		return c.patternMethod(o, name, args, kws, p)
	case *ReMatch:
		return c.matchMethod(o, name, args, p)
	case *Timedelta:
		if name == "total_seconds" {
			return o.S, nil
		}
		return c.unmodelled(p, "timedelta."+name), nil
	case *List:
		if name == "sort" {
			out, ok, err := c.sortItems(o.Elems, kws, p)
			if err != nil {
				return nil, err
			}
			if !ok {
				return &UnknownValue{Why: "list.sort of unknown"}, nil
			}
			copy(o.Elems, out)
			return nil, nil
		}
		return c.listMethod(o, name, args, p)
	case *Dict:
		return c.dictMethod(o, name, args, kws, p)
	case string:
		for _, a := range args {
			if isUnknown(a) {
				return unknownOf("str."+name, a), nil
			}
		}
		if name == "encode" {
			return &Bytes{B: []byte(o)}, nil
		}
		if n, ok := strMethodArgs[name]; ok && len(args) > n {
			// start/end, count: not simulated
			return c.unmodelled(p, "str."+name+" with "+strconv.Itoa(len(args))+" arguments"), nil
		}
		for _, kw := range kws {
			if isUnknown(kw.Value) {
				return unknownOf("str."+name, kw.Value), nil
			}
		}
		if v, ok := c.strMethod(o, name, args, kws); ok {
			return v, nil
		}
		return c.unmodelled(p, "str."+name), nil
	case *Partial:
		return c.unmodelled(p, "partial."+name), nil
	case *Generator:
		return c.genMethod(o, name, args, p)
	case *ThreadObj:
		return c.threadMethod(o, name, args, kws, p)
	case *ProcessObj:
		return c.processMethod(o, name, p)
	case *Exc:
		return c.unmodelled(p, o.Type+"."+name), nil
	}
	return c.callAsyncioMethod(typ, name, self, args, kws, p)
}

func (c *ctx) listMethod(l *List, name string, args []Value, p Pos) (Value, error) {
	switch name {
	case "append", "add":
		if len(args) == 1 {
			c.grow(len(l.Elems), "a "+l.Kind)
			if f, ok := l.setHas(args[0]); ok {
				if !f {
					l.Elems = append(l.Elems, args[0])
				}
				return nil, nil
			}
			if l.Kind == "set" {
				c.scan(len(l.Elems), p)
				for _, e := range l.Elems {
					if e == args[0] {
						return nil, nil
					}
					if eq, ok := c.equal(e, args[0]); ok && eq {
						return nil, nil
					}
				}
			}
			l.Elems = append(l.Elems, args[0])
		}
		return nil, nil
	case "extend", "update":
		for _, a := range args {
			items, err := c.toList(a, p)
			if err != nil {
				return nil, err
			}
			c.sized(int64(len(l.Elems)+len(items)), "an extended "+l.Kind, p)
			l.Elems = append(l.Elems, items...)
		}
		if l.Kind == "set" {
			l.Elems = dedupe(l.Elems)
			l.dropIndex()
		}
		return nil, nil
	case "pop":
		if len(l.Elems) == 0 {
			c.noteNonBlockingTake(l, false, 0, p)
			return nil, newExc("IndexError", "pop from empty list")
		}
		if l.Kind != "tuple" {
			defer func() { c.noteNonBlockingTake(l, true, len(l.Elems), p) }()
		}
		l.dropIndex()
		i := len(l.Elems) - 1
		if len(args) == 1 {
			n, ok := toInt(args[0])
			if !ok {
				return &UnknownValue{Why: "pop at unknown index"}, nil
			}
			if n < 0 {
				n += int64(len(l.Elems))
			}
			if n < 0 || n >= int64(len(l.Elems)) {
				return nil, newExc("IndexError", "pop index out of range")
			}
			i = int(n)
		}
		v := l.Elems[i]
		l.Elems = append(l.Elems[:i:i], l.Elems[i+1:]...)
		return v, nil
	case "popleft":
		if len(l.Elems) == 0 {
			c.noteNonBlockingTake(l, false, 0, p)
			return nil, newExc("IndexError", "pop from an empty deque")
		}
		v := l.Elems[0]
		l.Elems = l.Elems[1:]
		c.noteNonBlockingTake(l, true, len(l.Elems), p)
		return v, nil
	case "appendleft":
		if len(args) == 1 {
			l.Elems = append([]Value{args[0]}, l.Elems...)
		}
		return nil, nil
	case "insert":
		if len(args) == 2 {
			n, _ := toInt(args[0])
			n = max(0, min(n, int64(len(l.Elems))))
			l.Elems = append(l.Elems[:n:n], append([]Value{args[1]}, l.Elems[n:]...)...)
		}
		return nil, nil
	case "remove", "discard":
		c.scan(len(l.Elems), p)
		l.dropIndex()
		for i, e := range l.Elems {
			if eq, ok := c.equal(e, args[0]); (ok && eq) || e == args[0] {
				l.Elems = append(l.Elems[:i:i], l.Elems[i+1:]...)
				return nil, nil
			}
		}
		if name == "remove" {
			return nil, newExc("ValueError", "list.remove(x): x not in list")
		}
		return nil, nil
	case "clear":
		l.Elems = nil
		l.dropIndex()
		return nil, nil
	case "copy":
		return &List{Kind: l.Kind, Elems: append([]Value(nil), l.Elems...)}, nil
	case "sort":
		c.sortValues(l.Elems)
		return nil, nil
	case "reverse":
		for i, j := 0, len(l.Elems)-1; i < j; i, j = i+1, j-1 {
			l.Elems[i], l.Elems[j] = l.Elems[j], l.Elems[i]
		}
		return nil, nil
	case "index", "count":
		if len(args) != 1 {
			break
		}
		n := int64(0)
		for i, e := range l.Elems {
			eq, ok := c.equal(e, args[0])
			if !ok {
				return unknownOf(l.Kind+"."+name, e, args[0]), nil
			}
			if !eq && e != args[0] {
				continue
			}
			if name == "index" {
				return int64(i), nil
			}
			n++
		}
		if name == "index" {
			return nil, newExc("ValueError", "%s is not in list (line %d)", repr(args[0]), p.Line)
		}
		return n, nil
	case "rotate":
		if l.Deque && len(l.Elems) > 0 {
			k := int64(1)
			if len(args) == 1 {
				k, _ = toInt(args[0])
			}
			n := int64(len(l.Elems))
			k = ((k % n) + n) % n
			l.Elems = append(append([]Value(nil), l.Elems[n-k:]...), l.Elems[:n-k]...)
			return nil, nil
		}
	case "difference", "union", "intersection":
		if l.Kind == "set" && len(args) == 1 {
			items, err := c.toList(args[0], p)
			if err != nil {
				return nil, err
			}
			op := map[string]string{"difference": "-", "union": "|", "intersection": "&"}[name]
			return setOp(op, l, &List{Kind: "set", Elems: dedupe(items)}), nil
		}
	}
	return c.unmodelled(p, l.Kind+"."+name), nil
}

// countInto adds sign times the counts of v to the Counter d: each item of
// an iterable counts 1, a mapping gives its values.
func (c *ctx) countInto(d *Dict, v Value, sign int64, p Pos) error {
	add := func(k, n Value) error {
		cur, _ := d.get(k)
		if cur == nil {
			cur = int64(0)
		}
		sum, err := c.binop("+", cur, n, p)
		if err != nil {
			return err
		}
		d.set(k, sum)
		return nil
	}
	if m, ok := v.(*Dict); ok {
		for i, k := range m.Keys {
			n := m.Vals[i]
			if sign < 0 {
				var err error
				if n, err = c.binop("*", n, int64(-1), p); err != nil {
					return err
				}
			}
			if err := add(k, n); err != nil {
				return err
			}
		}
		return nil
	}
	items, err := c.toList(v, p)
	if err != nil {
		return err
	}
	c.allocate(int64(len(d.Keys)+len(items)), "a Counter", p)
	for _, it := range items {
		if err := add(it, sign); err != nil {
			return err
		}
	}
	return nil
}

func (c *ctx) dictMethod(d *Dict, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	switch name {
	case "get":
		if len(args) >= 1 {
			if v, ok := d.get(args[0]); ok {
				return v, nil
			}
			if isUnknown(args[0]) {
				return unknownOf("dict.get", args[0]), nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
		}
		return nil, nil
	case "keys":
		return &List{Kind: "list", Elems: append([]Value(nil), d.Keys...)}, nil
	case "values":
		return &List{Kind: "list", Elems: append([]Value(nil), d.Vals...)}, nil
	case "most_common":
		out := &List{Kind: "list"}
		for i := range d.Keys {
			out.Elems = append(out.Elems, &List{Kind: "tuple", Elems: []Value{d.Keys[i], d.Vals[i]}})
		}
		return out, nil
	case "items":
		out := &List{Kind: "list"}
		for i := range d.Keys {
			out.Elems = append(out.Elems, &List{Kind: "tuple", Elems: []Value{d.Keys[i], d.Vals[i]}})
		}
		return out, nil
	case "setdefault":
		if len(args) >= 1 {
			if v, ok := d.get(args[0]); ok {
				return v, nil
			}
			var def Value
			if len(args) == 2 {
				def = args[1]
			}
			d.set(args[0], def)
			return def, nil
		}
	case "pop":
		if len(args) >= 1 {
			if i := d.index(args[0]); i >= 0 {
				v := d.Vals[i]
				d.Keys = append(d.Keys[:i:i], d.Keys[i+1:]...)
				d.hash = nil
				d.Vals = append(d.Vals[:i:i], d.Vals[i+1:]...)
				return v, nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, newExc("KeyError", "%s", repr(args[0]))
		}
	case "update", "subtract":
		if d.Counter {
			// Counter.update adds counts (of an iterable's items or a
			// mapping's values); subtract takes them away.
			sign := int64(1)
			if name == "subtract" {
				sign = -1
			}
			if len(args) == 1 {
				if isUnknown(args[0]) {
					return c.unmodelled(p, "Counter."+name+" of "+whyOf(args[0])), nil
				}
				if err := c.countInto(d, args[0], sign, p); err != nil {
					return nil, err
				}
			}
			for _, kw := range kws {
				if err := c.countInto(d, &Dict{Keys: []Value{kw.Name}, Vals: []Value{kw.Value}}, sign, p); err != nil {
					return nil, err
				}
			}
			return nil, nil
		}
		if name == "subtract" {
			break
		}
		if len(args) == 1 {
			o, err := c.call(&Builtin{Qual: "dict"}, args, nil, p)
			if err != nil {
				return nil, err
			}
			od, ok := o.(*Dict)
			if !ok {
				return c.unmodelled(p, "dict.update of "+whyOf(args[0])), nil
			}
			for i := range od.Keys {
				d.set(od.Keys[i], od.Vals[i])
			}
		}
		for _, kw := range kws {
			d.set(kw.Name, kw.Value)
		}
		return nil, nil
	case "popitem":
		if len(d.Keys) == 0 {
			return nil, newExc("KeyError", "popitem(): dictionary is empty (line %d)", p.Line)
		}
		n := len(d.Keys) - 1
		if v, ok := argAt(args, kws, 0, "last"); ok {
			// OrderedDict.popitem(last=False) takes the oldest item
			if b, known := truth(v); !known {
				return c.unmodelled(p, "OrderedDict.popitem with an unknown last="), nil
			} else if !b {
				n = 0
			}
		}
		k, v := d.Keys[n], d.Vals[n]
		c.dictRemove(d, n)
		return &List{Kind: "tuple", Elems: []Value{k, v}}, nil
	case "move_to_end":
		if len(args) == 0 {
			break
		}
		i := d.index(args[0])
		if i < 0 {
			if isUnknown(args[0]) {
				return unknownOf("move_to_end", args[0]), nil
			}
			return nil, newExc("KeyError", "%s (line %d)", repr(args[0]), p.Line)
		}
		last := true
		if v, ok := argAt(args, kws, 1, "last"); ok {
			last, _ = truth(v)
		}
		k, v := d.Keys[i], d.Vals[i]
		c.dictRemove(d, i)
		if last {
			d.set(k, v)
		} else {
			d.Keys = append([]Value{k}, d.Keys...)
			d.Vals = append([]Value{v}, d.Vals...)
			d.hash = nil
		}
		return nil, nil
	case "clear":
		d.Keys, d.Vals, d.hash = nil, nil, nil
		return nil, nil
	case "copy":
		return &Dict{Keys: append([]Value(nil), d.Keys...), Vals: append([]Value(nil), d.Vals...)}, nil
	}
	return c.unmodelled(p, "dict."+name), nil
}

// callRandom reproduces the random module after random.seed(); without a
// seed, values are unknown and uniform/randint are assumed to return their
// means.
func (c *ctx) callRandom(q string, args []Value, kws []kwarg, p Pos) (Value, error) {
	return c.callRandomWith(c.s.rng, q, args, kws, p)
}

// RandomObj is a random.Random instance; rng is nil when it was not seeded.
type RandomObj struct{ rng *pyRandom }

// seedRandom is random.seed(a) on the module or an instance: the generator
// CPython builds for an int or str seed, or nil (unknowable) for no seed,
// None, or any other value.
func seedRandom(v Value) *pyRandom {
	r := &pyRandom{}
	switch x := v.(type) {
	case int64:
		r.seedInt(big.NewInt(x))
	case string:
		r.seedString(x)
	case bool:
		r.seedInt(big.NewInt(b2i(x)))
	default:
		return nil
	}
	return r
}

func (c *ctx) randomMethod(o *RandomObj, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	if name == "seed" {
		v, _ := argAt(args, kws, 0, "a")
		o.rng = seedRandom(v)
		return nil, nil
	}
	return c.callRandomWith(o.rng, "random."+name, args, kws, p)
}

func (c *ctx) callRandomWith(r *pyRandom, q string, args []Value, kws []kwarg, p Pos) (Value, error) {
	ints := func() (int64, int64, bool) {
		if len(args) < 2 {
			if len(args) == 1 && q == "random.randrange" {
				b, ok := toInt(args[0])
				return 0, b, ok
			}
			return 0, 0, false
		}
		a, ok1 := toInt(args[0])
		b, ok2 := toInt(args[1])
		return a, b, ok1 && ok2
	}
	switch q {
	case "random.random":
		if r != nil {
			return r.random(), nil
		}
		c.s.assume(p, 0.45, "random.random() without random.seed() is unknown; as a duration it counts its mean 0.5")
		return &RandomValue{Mean: 0.5, Why: "random.random()", From: &Outside{What: "random.random()", Line: p.Line}}, nil
	case "random.uniform":
		if len(args) == 2 {
			a, ok1 := toFloat(args[0])
			b, ok2 := toFloat(args[1])
			if ok1 && ok2 {
				if r != nil {
					return a + (b-a)*r.random(), nil
				}
				c.s.assume(p, 0.45, "random.uniform(%s, %s) without random.seed() is unknown; as a duration it counts its mean %.4g", repr(args[0]), repr(args[1]), (a+b)/2)
				return &RandomValue{Mean: (a + b) / 2, Why: "random.uniform(...)", From: &Outside{What: "random.uniform()", Line: p.Line}}, nil
			}
		}
	case "random.randint", "random.randrange":
		if a, b, ok := ints(); ok {
			if q == "random.randint" {
				b++
			}
			if b <= a {
				return nil, newExc("ValueError", "empty range for %s (line %d)", q, p.Line)
			}
			if r != nil {
				return a + r.randbelow(b-a), nil
			}
			m := a + (b-1-a)/2
			c.s.assume(p, 0.45, "%s without random.seed() is unknown; as a count or duration it counts %d (the middle of its range)", q, m)
			return &RandomValue{Mean: float64(m), Int: true, Why: q + "(...)", From: &Outside{What: q + "()", Line: p.Line}}, nil
		}
	case "random.choice":
		if len(args) == 1 && r != nil && !isUnknown(args[0]) {
			items, err := c.toList(args[0], p)
			if err != nil {
				return nil, err
			}
			if len(items) == 0 {
				return nil, newExc("IndexError", "Cannot choose from an empty sequence (line %d)", p.Line)
			}
			return items[r.randbelow(int64(len(items)))], nil
		}
		c.s.assume(p, 0.6, "random.choice without random.seed() is unknown")
		return &UnknownValue{Why: "random choice", From: &Outside{What: "random.choice()", Line: p.Line}}, nil
	case "random.shuffle":
		if len(args) == 1 {
			if l, ok := args[0].(*List); ok && r != nil {
				for i := len(l.Elems) - 1; i > 0; i-- {
					j := r.randbelow(int64(i + 1))
					l.Elems[i], l.Elems[j] = l.Elems[j], l.Elems[i]
				}
				return nil, nil
			}
		}
		c.s.assume(p, 0.7, "random.shuffle without random.seed(): order unknown, left as is")
		return nil, nil
	case "random.sample":
		pop, ok1 := argAt(args, kws, 0, "population")
		kv, ok2 := argAt(args, kws, 1, "k")
		k, kok := toInt(kv)
		if ok1 && ok2 && kok && r != nil && !isUnknown(pop) {
			items, err := c.toList(pop, p)
			if err != nil {
				return nil, err
			}
			return pySample(r, items, k, p)
		}
		c.s.assume(p, 0.6, "random.sample without random.seed() is unknown")
		return &UnknownValue{Why: "random.sample()", From: &Outside{What: "random.sample()", Line: p.Line}}, nil
	case "random.expovariate":
		if v, ok := argAt(args, kws, 0, "lambd"); ok {
			if l, ok := toFloat(v); ok && l != 0 {
				if r != nil {
					return -math.Log(1-r.random()) / l, nil
				}
				c.s.assume(p, 0.45, "random.expovariate without random.seed() is unknown; as a duration it counts its mean %.4g", 1/l)
				return &RandomValue{Mean: 1 / l, Why: "random.expovariate(...)", From: &Outside{What: "random.expovariate()", Line: p.Line}}, nil
			}
		}
	}
	if r == nil {
		c.s.assume(p, 0.45, "%s without random.seed() is unknown", q)
		return &UnknownValue{Why: q + "()", From: &Outside{What: q + "()", Line: p.Line}}, nil
	}
	return c.unmodelled(p, q), nil
}

// ThreadObj is a threading.Thread: its target runs in parallel with the
// loop from start(); join() blocks the caller until it ends.
type ThreadObj struct {
	target  Value
	args    []Value
	kws     []kwarg
	started bool
	end     float64
}

func (c *ctx) threadMethod(th *ThreadObj, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	switch name {
	case "start":
		if th.started {
			return nil, newExc("RuntimeError", "threads can only be started once (line %d)", p.Line)
		}
		th.started = true
		c.flushCPU()
		start := c.now()
		if th.target != nil {
			tc := &ctx{s: c.s, thread: &threadRun{base: start}}
			_, _ = tc.call(th.target, th.args, th.kws, p)
			tc.flushCPU()
			th.end = start + tc.thread.elapsed
			c.s.work += tc.thread.elapsed
		} else {
			th.end = start
		}
		return nil, nil
	case "join":
		if !th.started {
			return nil, newExc("RuntimeError", "cannot join thread before it is started (line %d)", p.Line)
		}
		wait := th.end - c.now()
		if v, ok := argAt(args, kws, 0, "timeout"); ok && v != nil {
			if t, ok := toFloat(v); ok {
				wait = min(wait, t)
			}
		}
		if wait > 0 {
			c.s.block(c, wait, p, "Thread.join")
		}
		return nil, nil
	case "is_alive":
		return th.started && c.now() < th.end, nil
	}
	return c.unmodelled(p, "Thread."+name), nil
}

// Suppress is contextlib.suppress(*exceptions).
type Suppress struct{ Types []Value }

// sortKeys applies the key= function of sorted/min/max/list.sort to each
// item (the items themselves without one).
func (c *ctx) sortKeys(items []Value, kws []kwarg, p Pos) ([]Value, error) {
	key, ok := argAt(nil, kws, -1, "key")
	if !ok || key == nil {
		return items, nil
	}
	keys := make([]Value, len(items))
	for i, v := range items {
		k, err := c.call(key, []Value{v}, nil, p)
		if err != nil {
			return nil, err
		}
		keys[i] = k
	}
	return keys, nil
}

// sortItems is Python's stable sort with key= and reverse=; ok is false
// when some keys cannot be compared (unknown values).
func (c *ctx) sortItems(items []Value, kws []kwarg, p Pos) ([]Value, bool, error) {
	keys, err := c.sortKeys(items, kws, p)
	if err != nil {
		return nil, false, err
	}
	reverse := false
	if r, ok := argAt(nil, kws, -1, "reverse"); ok {
		reverse, _ = truth(r)
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	comparable := true
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := keys[idx[a]], keys[idx[b]]
		if reverse {
			// Python's reverse sort keeps equal items in their original order.
			x, y = y, x
		}
		l, ok := c.less(x, y)
		if !ok {
			comparable = false
		}
		return l
	})
	out := make([]Value, len(items))
	for i, j := range idx {
		out[i] = items[j]
	}
	return out, comparable, nil
}

// dictRemove deletes the i-th item, keeping the order of the others.
func (c *ctx) dictRemove(d *Dict, i int) {
	d.Keys = append(d.Keys[:i:i], d.Keys[i+1:]...)
	d.Vals = append(d.Vals[:i:i], d.Vals[i+1:]...)
	d.hash = nil
}

// getter is operator.itemgetter/attrgetter: calling it on an object picks
// the item or attribute (a tuple of them for several).
type getter struct {
	keys []Value
	attr bool
}

func (c *ctx) callGetter(g *getter, args []Value, p Pos) (Value, error) {
	if len(args) != 1 {
		return nil, newExc("TypeError", "a getter takes one argument (line %d)", p.Line)
	}
	pick := func(k Value) (Value, error) {
		if !g.attr {
			return c.index(args[0], k, p)
		}
		name, _ := k.(string)
		var v Value = args[0]
		for _, part := range strings.Split(name, ".") {
			var err error
			if v, err = c.getAttr(c.s.globals, v, part, p); err != nil {
				return nil, err
			}
		}
		return v, nil
	}
	if len(g.keys) == 1 {
		return pick(g.keys[0])
	}
	out := &List{Kind: "tuple"}
	for _, k := range g.keys {
		v, err := pick(k)
		if err != nil {
			return nil, err
		}
		out.Elems = append(out.Elems, v)
	}
	return out, nil
}

// strMethodArgs is how many positional arguments each str method is
// simulated with (start/end and count arguments are not).
var strMethodArgs = map[string]int{
	"split": 2, "rsplit": 2, "strip": 1, "lstrip": 1, "rstrip": 1, "startswith": 1, "endswith": 1,
	"count": 1, "find": 1, "rfind": 1, "index": 1, "rindex": 1, "replace": 2, "join": 1, "partition": 1,
	"rpartition": 1, "zfill": 1, "ljust": 2, "rjust": 2, "center": 2, "upper": 0, "lower": 0,
	"removeprefix": 1, "removesuffix": 1, "splitlines": 0, "title": 0, "capitalize": 0,
}

// bindMember is what reading a class member through an instance (or an
// exception object) gives: a method bound to self (to the class for a
// classmethod), a property's value, anything else as it is.
func (c *ctx) bindMember(v, self Value, class *Class, p Pos) (Value, error) {
	fv, ok := v.(*FuncVal)
	if !ok || fv.static {
		return v, nil
	}
	b := *fv
	b.Self = self
	if fv.classMethod {
		b.Self = class
	}
	if fv.property {
		return c.call(&b, nil, nil, p)
	}
	return &b, nil
}
