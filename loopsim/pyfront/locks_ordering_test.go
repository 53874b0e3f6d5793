package pyfront

import (
	"math"

	"github.com/asyncls/asyncls/analysis"
	"strings"
	"testing"
)

// near: the tests run with ideal timers, so times are exact up to rounding;
// 0.3 ms tells apart counts that differ by one in sums of milliseconds.
func near(got, want float64) bool { return math.Abs(got-want) < 0.0003 }

// A threading.Lock serialises the parts of worker threads run under it;
// work outside it overlaps.
func TestThreadingLockSerialisesWorkers(t *testing.T) {
	cases := []struct {
		name, src string
		want      float64
	}{
		{"with lock in to_thread workers", `import asyncio, threading, time
lock = threading.Lock()
def work():
    with lock:
        time.sleep(0.05)
async def main():
    await asyncio.gather(*(asyncio.to_thread(work) for _ in range(4)))
`, 0.2},
		{"acquire and release", `import asyncio, threading, time
lock = threading.RLock()
def work():
    lock.acquire()
    try:
        with lock:
            time.sleep(0.05)
    finally:
        lock.release()
async def main():
    await asyncio.gather(asyncio.to_thread(work), asyncio.to_thread(work))
`, 0.1},
		{"a thread asking earlier fills the lock's idle time", `import asyncio, threading, time
lock = threading.Lock()
def work(before):
    time.sleep(before)
    with lock:
        time.sleep(0.04)
async def main():
    await asyncio.gather(asyncio.to_thread(work, 0.05), asyncio.to_thread(work, 0.0))
`, 0.09},
		// quiet: outside the lock, or one lock per worker, threads overlap
		{"work outside the lock overlaps", `import asyncio, threading, time
lock = threading.Lock()
def work():
    time.sleep(0.05)
    with lock:
        pass
async def main():
    await asyncio.gather(*(asyncio.to_thread(work) for _ in range(4)))
`, 0.05},
		{"a lock per worker", `import asyncio, threading, time
def work():
    with threading.Lock():
        time.sleep(0.05)
async def main():
    await asyncio.gather(*(asyncio.to_thread(work) for _ in range(4)))
`, 0.05},
	}
	for _, c := range cases {
		res := simulateSrc(t, c.src, Options{})
		if !near(res.ConcurrentS, c.want) || res.Level != "high" {
			t.Errorf("%s: %.4f s (%s), want %.4f s (high); assumptions %+v", c.name, res.ConcurrentS, res.Level, c.want, res.Assumptions)
		}
	}
}

// Hand-written __lt__/__eq__ decide the order of a PriorityQueue, heapq,
// sorted, min and max, and membership; NotImplemented defers to the other
// operand.
func TestUserComparisonMethods(t *testing.T) {
	src := `import asyncio, heapq
class Job:
    def __init__(self, name, prio, cost):
        self.name, self.prio, self.cost = name, prio, cost
    def __lt__(self, other):
        if not isinstance(other, Job):
            return NotImplemented
        return self.prio > other.prio  # higher priority first
    def __eq__(self, other):
        return isinstance(other, Job) and self.name == other.name
JOBS = [Job("a", 1, 0.01), Job("b", 5, 0.1), Job("c", 3, 0.03)]
async def main():
    q = asyncio.PriorityQueue()
    for j in JOBS:
        q.put_nowait(j)
    first = await q.get()
    await asyncio.sleep(first.cost)              # b: 0.1
    await asyncio.sleep(sorted(JOBS)[-1].cost)   # a: 0.01
    await asyncio.sleep(min(JOBS).cost)          # b: 0.1
    await asyncio.sleep(max(JOBS).cost)          # a: 0.01
    h = list(JOBS)
    heapq.heapify(h)
    await asyncio.sleep(heapq.heappop(h).cost)   # b: 0.1
    if Job("c", 0, 0) in JOBS:
        await asyncio.sleep(0.03)
    if Job("z", 0, 0) in JOBS:
        await asyncio.sleep(1)
`
	res := simulateSrc(t, src, Options{})
	if !near(res.ConcurrentS, 0.35) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want 0.35 s (high); assumptions %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
	// quiet: without comparison methods, instances cannot be ordered and
	// the queue says its order was assumed
	res = simulateSrc(t, `import asyncio
class Job:
    def __init__(self, cost):
        self.cost = cost
async def main():
    q = asyncio.PriorityQueue()
    q.put_nowait(Job(0.1))
    q.put_nowait(Job(0.01))
    await asyncio.sleep((await q.get()).cost)
`, Options{})
	if res.Level == "high" {
		t.Errorf("unorderable PriorityQueue items came out high: %+v", res.Assumptions)
	}
}

// A metaclass is named as a step the simulator does not model, never
// silently ignored.
func TestMetaclassNamed(t *testing.T) {
	res := simulateSrc(t, `import asyncio
class Meta(type):
    pass
class Base(metaclass=Meta):
    delay = 0.01
async def main():
    await asyncio.sleep(Base.delay)
`, Options{})
	found := false
	for _, a := range res.Assumptions {
		found = found || (a.Unmodelled && a.Line == 4 && strings.Contains(a.Text, "metaclass"))
	}
	if !found || res.Level == "high" {
		t.Errorf("metaclass not named (level %s): %+v", res.Level, res.Assumptions)
	}
}

// Filling new memory costs time (bytearray(n), b"x" * n); bytes(n) is
// calloc'ed zero pages and costs nothing until read.
func TestLargeBuffersCostTime(t *testing.T) {
	cases := []struct {
		name, expr string
		min, max   float64
	}{
		{"bytearray(n)", "bytearray(8_000_000)", 0.008, 0.013},
		{"repeated bytes", `b"x" * 8_000_000`, 0.008, 0.013},
		{"bytes(n)", "bytes(8_000_000)", 0, 0.001},
		{"small buffer", "bytearray(1024)", 0, 0.001},
	}
	for _, c := range cases {
		// the CPU cost model is on (simulateSrc turns it off)
		res, err := Simulate(analysis.Parse("t.py", []byte("import asyncio\nasync def main():\n    buf = "+c.expr+"\n    await asyncio.sleep(0)\n")), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.ConcurrentS < c.min || res.ConcurrentS > c.max || !res.Finished {
			t.Errorf("%s: %.4f s (finished %v), want %.3f-%.3f s", c.name, res.ConcurrentS, res.Finished, c.min, c.max)
		}
	}
}

// contextvars: a task sees its creator's values at creation and keeps its
// own sets; itertools.groupby groups runs of equal keys; string constants.
func TestContextVarsGroupbyStringConstants(t *testing.T) {
	res := simulateSrc(t, `import asyncio, contextvars, itertools, string
delay = contextvars.ContextVar("delay", default=0.01)
async def child():
    await asyncio.sleep(delay.get())   # 0.02: set before it was created
    delay.set(1.0)                     # its own copy
async def main():
    tok = delay.set(0.02)
    await asyncio.create_task(child())
    await asyncio.sleep(delay.get())   # still 0.02
    delay.reset(tok)
    await asyncio.sleep(delay.get())   # the default again: 0.01
    runs = [(k, len(list(g))) for k, g in itertools.groupby("aaabccdd")]
    await asyncio.sleep(0.01 * len(runs))   # 4 runs
    await asyncio.sleep(0.001 * len(string.ascii_lowercase + string.digits))  # 36
`, Options{})
	if !near(res.ConcurrentS, 0.126) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want 0.126 s (high); assumptions %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
	res = simulateSrc(t, `import asyncio, contextvars
missing = contextvars.ContextVar("missing")
async def main():
    try:
        missing.get()
    except LookupError:
        await asyncio.sleep(0.05)
`, Options{})
	if !near(res.ConcurrentS, 0.05) || res.Level != "high" {
		t.Errorf("unset ContextVar: %.4f s (%s), want LookupError handled: 0.05 s; %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
}

// A property's setter runs on assignment (decorators in a class body see the
// names defined above them); bisect searches and inserts as CPython's does.
func TestPropertySetterAndBisect(t *testing.T) {
	res := simulateSrc(t, `import asyncio, bisect
class Conn:
    def __init__(self):
        self._delay = 0.01
        self.changes = 0
    @property
    def delay(self):
        return self._delay
    @delay.setter
    def delay(self, value):
        self.changes += 1
        self._delay = min(value, 0.05)
LIMITS = [0.01, 0.02, 0.05]
async def main():
    c = Conn()
    c.delay = 1.0                       # capped: 0.05
    await asyncio.sleep(c.delay * c.changes)
    i = bisect.bisect_left(LIMITS, 0.02)      # 1
    j = bisect.bisect_right(LIMITS, 0.02)     # 2
    xs = [3, 1]
    xs.sort()
    bisect.insort(xs, 2)
    await asyncio.sleep(0.01 * (i + j) + 0.001 * xs[1] + 0.01 * bisect.bisect(xs, 10, key=lambda v: v * 10))
`, Options{})
	if !near(res.ConcurrentS, 0.05+0.03+0.002+0.01) || res.Level != "high" { // bisect with key: keys 10, 20, 30: 1
		t.Errorf("%.4f s (%s), want 0.092 s (high); %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
	// quiet: a property without a setter refuses assignment, as in Python
	res = simulateSrc(t, `import asyncio
class C:
    @property
    def x(self):
        return 1
async def main():
    try:
        C().x = 2
    except AttributeError:
        await asyncio.sleep(0.03)
`, Options{})
	if !near(res.ConcurrentS, 0.03) {
		t.Errorf("assignment to a read-only property: %.4f s, want the AttributeError path (0.03 s); %+v", res.ConcurrentS, res.Assumptions)
	}
}

// struct, base64 and textwrap give results of the right size (payload sizes
// drive chunk counts); dict | dict merges and |= updates in place.
func TestCodecsAndDictMerge(t *testing.T) {
	res := simulateSrc(t, `import asyncio, base64, struct, textwrap
async def main():
    hdr = struct.pack(">IHb", 1, 2, -3)          # 7 bytes
    n, m, k = struct.unpack(">IHb", hdr)         # 1, 2, -3
    aligned = struct.calcsize("@bi")            # 8: native alignment
    enc = base64.b64encode(b"x" * 10)            # 16 bytes
    back = base64.b64decode(enc)                 # 10 bytes
    text = textwrap.dedent("""
        a
          b
    """)                                         # "\na\n  b\n"
    merged = {"a": 1, "b": 2} | {"b": 5}
    merged |= {"c": 1}
    await asyncio.sleep(0.001 * (len(hdr) + n + m - k + aligned + len(enc) + len(back) + len(text) + merged["b"] + len(merged)))
`, Options{})
	want := 0.001 * float64(7+1+2+3+8+16+10+7+5+3)
	if !near(res.ConcurrentS, want) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want %.4f s (high); %+v", res.ConcurrentS, res.Level, want, res.Assumptions)
	}
	// quiet: a format it does not simulate is a named unmodelled step
	res = simulateSrc(t, `import asyncio, struct
async def main():
    struct.pack("e", 1.0)
    await asyncio.sleep(0.01)
`, Options{})
	if res.Level == "high" {
		t.Errorf("struct half floats came out high: %+v", res.Assumptions)
	}
}

// Unbound builtin methods (key=str.lower), dict.fromkeys, os.path's string
// functions, SimpleNamespace, copy and TypedDict classes.
func TestPathsCopiesAndUnboundMethods(t *testing.T) {
	res := simulateSrc(t, `import asyncio, copy, os.path
from types import SimpleNamespace
from typing import TypedDict
class Spec(TypedDict):
    name: str
async def main():
    names = sorted(["b", "A", "c"], key=str.lower)           # A b c
    stripped = list(map(str.strip, [" x ", "yy "]))        # x yy
    root, ext = os.path.splitext(os.path.basename("/a/b/.cfg.tar.gz"))  # .cfg.tar .gz
    joined = os.path.join("/srv", "data", "/abs", "f")      # /abs/f
    d = dict.fromkeys(names, 0)
    ns = SimpleNamespace(delay=0.01, n=2)
    orig = {"l": [1, 2]}
    deep, shallow = copy.deepcopy(orig), copy.copy(orig)
    orig["l"].append(3)
    spec = Spec(name="x")
    total = (len(names[0]) + len(stripped[1]) + len(root) + len(ext) + len(joined) + len(d)
             + ns.n + len(deep["l"]) + len(shallow["l"]) + len(spec) + os.path.dirname("/a/b/").count("/"))
    await asyncio.sleep(0.001 * total)
`, Options{})
	want := 0.001 * float64(1+2+8+3+6+3+2+2+3+1+2)
	if !near(res.ConcurrentS, want) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want %.4f s (high); %+v", res.ConcurrentS, res.Level, want, res.Assumptions)
	}
	// quiet: copying an object with its own __deepcopy__ is not guessed
	res = simulateSrc(t, `import asyncio, copy
class C:
    def __deepcopy__(self, memo):
        return self
async def main():
    copy.deepcopy(C())
    await asyncio.sleep(0.01)
`, Options{})
	if res.Level == "high" {
		t.Errorf("custom __deepcopy__ came out high: %+v", res.Assumptions)
	}
}

// Counter.update/subtract count an iterable's items or add a mapping's
// values; Counter + Counter and - keep the positive counts; Counter(mapping).
func TestCounterArithmetic(t *testing.T) {
	res := simulateSrc(t, `import asyncio
from collections import Counter
async def main():
    a = Counter(["x", "y", "x"])       # x2 y1
    a.update(["y", "z"])               # x2 y2 z1
    a.update({"x": 3})                 # x5
    a.subtract(["z", "z"])             # z-1
    b = Counter({"x": 1, "w": 4})
    s = a + b                          # x6 y2 w4 (z dropped)
    d = a - b                          # x4 y2
    a += Counter(z=2)                  # z1
    await asyncio.sleep(0.001 * (s["x"] + len(s) + d["x"] + len(d) + a["z"]))
`, Options{})
	if want := 0.001 * float64(6+3+4+2+1); !near(res.ConcurrentS, want) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want %.4f s (high); %+v", res.ConcurrentS, res.Level, want, res.Assumptions)
	}
}

// raise ... from sets __cause__, raising while handling sets __context__,
// and type() of them names their class.
func TestExceptionCauseAndContext(t *testing.T) {
	res := simulateSrc(t, `import asyncio
class AppError(Exception):
    pass
async def main():
    try:
        try:
            {}["k"]
        except KeyError as e:
            raise AppError("wrapped") from e
    except AppError as err:
        if type(err.__cause__).__name__ == "KeyError" and err.__context__ is err.__cause__:
            await asyncio.sleep(0.02)
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise AppError("during") from None
    except AppError as err:
        if err.__cause__ is None and type(err.__context__) is ZeroDivisionError:
            await asyncio.sleep(0.03)
`, Options{})
	if !near(res.ConcurrentS, 0.05) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want 0.05 s (high); %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
}

// operator's functions, takewhile/dropwhile/filterfalse/starmap, heapq.merge.
func TestOperatorAndMoreItertools(t *testing.T) {
	res := simulateSrc(t, `import asyncio, functools, heapq, itertools, operator
async def main():
    xs = [1, 2, 5, 1, 7]
    head = list(itertools.takewhile(lambda x: x < 5, xs))      # 1 2
    tail = list(itertools.dropwhile(lambda x: x < 5, xs))      # 5 1 7
    odd = list(itertools.filterfalse(lambda x: x % 2 == 0, xs))  # 1 5 1 7
    prods = list(itertools.starmap(operator.mul, [(2, 3), (4, 5)]))  # 6 20
    total = functools.reduce(operator.add, xs)                 # 16
    merged = list(heapq.merge([1, 4], [2, 3], key=operator.neg))   # neg key: inputs are not sorted by it, as Python
    ok = operator.contains(xs, 7) and operator.lt(1, 2)
    flat = list(itertools.chain.from_iterable([[1, 2], {"a": 1}, "xy"]))   # 1 2 a x y
    await asyncio.sleep(0.001 * (len(head) + len(tail) + len(odd) + prods[1] + total + len(merged) + ok + 10 * len(flat)))
`, Options{})
	if want := 0.001 * float64(2+3+4+20+16+4+1+50); !near(res.ConcurrentS, want) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want %.4f s (high); %+v", res.ConcurrentS, res.Level, want, res.Assumptions)
	}
}

// enum.Flag: auto() numbers powers of two, members combine with | & ^,
// `in` tests bits, and an empty flag is false.
func TestEnumFlag(t *testing.T) {
	res := simulateSrc(t, `import asyncio, enum
class Perm(enum.Flag):
    READ = enum.auto()
    WRITE = enum.auto()
    ADMIN = enum.auto()
async def main():
    rw = Perm.READ | Perm.WRITE
    n = Perm.ADMIN.value                       # 4
    if Perm.WRITE in rw and Perm.ADMIN not in rw:
        n += 10
    if not (rw & Perm.ADMIN):
        n += 100
    if (rw ^ Perm.READ) is Perm.WRITE:
        n += 1000
    await asyncio.sleep(0.01 * n)
`, Options{})
	if !near(res.ConcurrentS, 11.14) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want 11.14 s (high); %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
}

// str.maketrans/translate and html.escape/unescape.
func TestTranslateAndHTML(t *testing.T) {
	res := simulateSrc(t, `import asyncio, html
async def main():
    slug = "A & B c".lower().translate(str.maketrans({" ": "-", "&": "and"}))   # a-and-b-c
    gone = "abcabc".translate(str.maketrans("ab", "xy", "c"))                 # xyxy
    esc = html.escape("<a href='x'>&</a>")                  # &lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;
    text = html.unescape("Intro &amp; setup &lt;1&gt; &#39;")   # Intro & setup <1> '
    await asyncio.sleep(0.001 * (len(slug) + len(gone) + len(esc) + len(text)))
`, Options{})
	if want := 0.001 * float64(9+4+43+19); !near(res.ConcurrentS, want) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want %.4f s (high); %+v", res.ConcurrentS, res.Level, want, res.Assumptions)
	}
}

// int(s, base) as Python parses it (prefixes, underscores, base 0), a
// ValueError for what it rejects, and int/float methods.
func TestIntParsingAndNumberMethods(t *testing.T) {
	res := simulateSrc(t, `import asyncio
async def main():
    n = int("0x1f", 16) + int("ff", 16) + int("0b101", 0) + int(" 1_000 ") + int("-7")   # 31+255+5+1000-7
    n += (31).bit_length() + (2.0).is_integer()                                       # 5 + 1
    try:
        int("12abc")
    except ValueError:
        n += 1000
    await asyncio.sleep(0.001 * n)
`, Options{})
	if want := 0.001 * float64(31+255+5+1000-7+5+1+1000); !near(res.ConcurrentS, want) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want %.4f s (high); %+v", res.ConcurrentS, res.Level, want, res.Assumptions)
	}
}

// CPython's whole builtin exception hierarchy is known (a ConnectionResetError
// raised in a child is a ConnectionError, not a NameError the program
// swallows), and a name the simulation does not know is a named unmodelled
// step even when the program catches the NameError.
func TestBuiltinExceptionsAndUnknownNames(t *testing.T) {
	res := simulateSrc(t, `import asyncio
async def child():
    await asyncio.sleep(0.01)
    raise ConnectionResetError("peer")
async def main():
    r = await asyncio.gather(child(), return_exceptions=True)
    if isinstance(r[0], ConnectionError) and isinstance(r[0], OSError):
        await asyncio.sleep(0.02)
`, Options{})
	if !near(res.ConcurrentS, 0.03) || res.Level != "high" {
		t.Errorf("%.4f s (%s), want 0.03 s (high); %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
	res = simulateSrc(t, `import asyncio
async def child():
    return undefined_helper()
async def main():
    await asyncio.gather(child(), return_exceptions=True)
    await asyncio.sleep(0.01)
`, Options{})
	named := false
	for _, a := range res.Assumptions {
		named = named || (a.Unmodelled && a.Line == 3 && strings.Contains(a.Text, "undefined_helper"))
	}
	if !named || res.Level == "high" {
		t.Errorf("a swallowed NameError was not named (level %s): %+v", res.Level, res.Assumptions)
	}
}
