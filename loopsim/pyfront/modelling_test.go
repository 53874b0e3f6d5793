package pyfront

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// Everyday Python whose values decide the time: each program sleeps for a
// duration computed by the feature under test, so the simulated time
// shows whether the value was right; every step is modelled, so the
// confidence must be high.
func TestEverydayPythonValues(t *testing.T) {
	cases := []struct {
		name, body string
		want       float64
	}{
		{"exception attributes from a custom __init__", `
class ApiError(Exception):
    def __init__(self, status, retry_after=0.0):
        super().__init__(f"status {status}")
        self.status = status
        self.retry_after = retry_after
    def retryable(self):
        return self.status >= 500
async def call():
    raise ApiError(503, retry_after=0.25)
async def main():
    try:
        await call()
    except ApiError as e:
        if e.retryable() and str(e) == "status 503" and e.args == ("status 503",):
            await asyncio.sleep(e.retry_after)
`, 0.25},
		{"except* members keep their attributes", `
class CheckFailed(Exception):
    def __init__(self, after):
        super().__init__("failed")
        self.after = after
async def check(d):
    await asyncio.sleep(d)
    raise CheckFailed(d)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check(0.1))
    except* CheckFailed as eg:
        await asyncio.sleep(sum(e.after for e in eg.exceptions) * 2)
`, 0.3},
		{"object() sentinel compared with is", `
_END = object()
async def main():
    q = asyncio.Queue()
    for item in [0.1, 0.2, _END, 5.0]:
        q.put_nowait(item)
    while True:
        item = await q.get()
        if item is _END:
            break
        await asyncio.sleep(item)
`, 0.3},
		{"dataclass order=True in a PriorityQueue", `
from dataclasses import dataclass, field
@dataclass(order=True)
class Job:
    priority: int
    cost: float = field(compare=False)
async def main():
    q = asyncio.PriorityQueue()
    for job in [Job(3, 0.5), Job(1, 0.1), Job(2, 0.2)]:
        q.put_nowait(job)
    first = await q.get()
    second = await q.get()
    same = Job(1, 9.0) == Job(1, 0.1)
    if same and not (Job(1, 0.0) is Job(1, 0.0)):
        await asyncio.sleep(first.cost + second.cost)
`, 0.3},
		{"bytes and bytearray", `
async def main():
    payload = bytes(range(4)) * 3 + b"end"
    buf = bytearray()
    view = memoryview(payload)
    for off in range(0, len(payload), 4):
        buf.extend(bytes(view[off:off + 4]))
    if buf == payload and payload.endswith(b"end") and payload[1] == 1 and b"\x02\x03" in payload:
        await asyncio.sleep(0.01 * len(buf))
`, 0.15},
		{"urllib.parse", `
from urllib.parse import urlsplit, urljoin
LIMITS = {"api.example.com": 0.2}
async def main():
    parts = urlsplit("https://user@API.example.com:8443/v1/items?page=2#top")
    host = parts.hostname
    if parts.netloc == "user@API.example.com:8443" and parts.port == 8443 and parts.query == "page=2":
        if urljoin("https://a.com/x/", "y") == "https://a.com/x/y":
            await asyncio.sleep(LIMITS[host])
`, 0.2},
		{"random.Random(42) as CPython draws it", `
import random
rng = random.Random(42)
async def main():
    await asyncio.sleep(rng.random())
    await asyncio.sleep(rng.uniform(1, 2))
    await asyncio.sleep(rng.randint(1, 100) / 100)
    if rng.choice("abcdef") == "b" and rng.sample(range(100), 5) == [28, 17, 94, 13, 86]:
        await asyncio.sleep(rng.expovariate(2.0))
`, 0.6394267984578837 + 1.025010755222667 + 0.36 + 0.6748226001483627},
		{"str methods and format", `
async def main():
    host, _, port = "db.local:5432".partition(":")
    head, tail = "a/b/c".rsplit("/", 1)
    label = "{name}-{n:03d}".format(name="job", n=7)
    words = "  one two  three ".split(maxsplit=1)
    if port == "5432" and head == "a/b" and label == "job-007" and words == ["one", "two  three "]:
        if "x".zfill(3) == "00x" and "Hello".startswith(("He", "Xy")) and "a-b".title() == "A-B":
            await asyncio.sleep(int(port) / 10000)
`, 0.5432},
		{"list, dict and iterator helpers", `
import itertools
async def main():
    items = [3, 1, 2, 1]
    counts = {}
    for x in items:
        counts.setdefault(x, []).append(x)
    ids = itertools.count(5)
    first = next(ids)
    second = next(ids)
    found = next((x for x in items if x > 2), None)
    batches = list(itertools.batched(range(5), 2))
    if items.index(2) == 2 and items.count(1) == 2 and len(counts[1]) == 2 and (first, second) == (5, 6):
        if found == 3 and batches == [(0, 1), (2, 3), (4,)] and divmod(7, 2) == (3, 1):
            await asyncio.sleep(0.1)
`, 0.1},
		{"re parses durations from config text", `
import re
DUR = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>ms|s)$")
def parse(text):
    m = DUR.match(text.strip())
    n = float(m.group("n"))
    return n / 1000 if m.group("unit") == "ms" else n
async def main():
    total = sum(parse(t) for t in ["250ms", " 0.1 s"])
    ids = re.findall(r"id=(\d+)", "id=3 x id=14")
    if re.search(r"ERROR", "ok error", re.I) and ids == ["3", "14"] and not re.match("x", "yx"):
        await asyncio.sleep(total)
`, 0.35},
		{"OrderedDict LRU and itemgetter", `
import operator
from collections import OrderedDict
async def main():
    lru = OrderedDict()
    for k in ["a", "b", "c"]:
        lru[k] = len(lru)
    lru.move_to_end("a")
    oldest, _ = lru.popitem(last=False)
    pairs = sorted([("x", 3), ("y", 1), ("z", 2)], key=operator.itemgetter(1))
    if oldest == "b" and list(lru) == ["c", "a"] and pairs[0] == ("y", 1):
        await asyncio.sleep(0.2)
`, 0.2},
		{"__len__, __bool__ and __iter__ of user classes", `
class Batch:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        for it in self.items:
            yield it * 0.01
async def main():
    b = Batch([1, 2, 3])
    for d in b:
        await asyncio.sleep(d)
    await asyncio.sleep(len(b) / 100)
    if Batch([]) or not b:
        await asyncio.sleep(1)
    if round(0.123456, ndigits=2) == 0.12:
        await asyncio.sleep(0.01)
`, 0.1},
		{"statistics", `
import statistics
async def main():
    m = statistics.mean([0.075, 0.09, 0.01])
    if statistics.median([3, 1, 2, 4]) == 2.5 and statistics.mean([1, 2, 3]) == 2 and abs(statistics.stdev([1.0, 2.0, 4.0]) - 1.5275252316519468) < 1e-12:
        await asyncio.sleep(m)
`, 0.058333333333333334},
		{"__init_subclass__ registry and getattr dispatch", `
class Handler:
    registry = {}
    def __init_subclass__(cls, kind=None, **kw):
        super().__init_subclass__(**kw)
        Handler.registry[kind] = cls
    async def handle(self, op):
        return await getattr(self, f"on_{op}")()
class Orders(Handler, kind="orders"):
    async def on_create(self):
        await asyncio.sleep(0.2)
async def main():
    await Handler.registry["orders"]().handle("create")
`, 0.2},
		{"json round trip keeps key order", `
import json
CONFIG = json.loads('{"workers": 3, "delays": [0.1, 0.2], "name": "x"}')
async def main():
    body = json.dumps({"id": 1, "tags": ["a", "b"], "ok": True, "v": None})
    if body == '{"id": 1, "tags": ["a", "b"], "ok": true, "v": null}' and list(CONFIG) == ["workers", "delays", "name"]:
        await asyncio.sleep(sum(CONFIG["delays"]) * CONFIG["workers"])
`, 0.9},
		{"timedelta and clock differences", `
import time
from datetime import datetime, timedelta
async def main():
    start = time.monotonic()
    began = datetime.now()
    await asyncio.sleep(timedelta(milliseconds=150).total_seconds())
    elapsed = time.monotonic() - start
    took = (datetime.now() - began).total_seconds()
    if elapsed >= 0.15 and took >= 0.15:
        await asyncio.sleep(elapsed)
`, 0.3},
	}
	for _, c := range cases {
		res := simulateSrc(t, "import asyncio\n"+c.body, Options{})
		if !res.Finished || res.Outcome != "ok" || math.Abs(res.ConcurrentS-c.want) > 1e-6 {
			t.Errorf("%s: %.6f s (want %.6f), outcome %s %s, assumptions %+v", c.name, res.ConcurrentS, c.want, res.Outcome, res.Problem, res.Assumptions)
			continue
		}
		if res.Level != "high" {
			t.Errorf("%s: confidence %s, assumptions %+v", c.name, res.Level, res.Assumptions)
		}
	}
}

// A step the simulator does not model is named with its line and caps the
// confidence at low, however small its share of the time.
func TestUnmodelledStepsCapConfidence(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"library call", `
import hashlib
async def main():
    await asyncio.sleep(0.1)
    digest = hashlib.sha256(b"x").hexdigest()
`, "`hashlib.sha256` not modelled: assumed instantaneous"},
		{"method of a modelled type", `
async def main():
    await asyncio.sleep(0.1)
    "abc".expandtabs()
`, "`str.expandtabs` not modelled"},
		{"interpreter error where Python would not raise", `
async def main():
    await asyncio.sleep(0.1)
    x = {}.fromkeys("ab")
    x.frobnicate()
`, "not modelled"},
	}
	for _, c := range cases {
		res := simulateSrc(t, "import asyncio\n"+c.body, Options{})
		if res.Level == "high" || res.Level == "medium" || res.Confidence > 0.45 {
			t.Errorf("%s: confidence %s (%.2f), want at most low", c.name, res.Level, res.Confidence)
		}
		found := false
		for _, a := range res.Assumptions {
			if strings.Contains(a.Text, c.want) && a.Line > 0 && a.Unmodelled {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no unmodelled assumption %q with a line: %+v", c.name, c.want, res.Assumptions)
		}
	}
	// logging and the latency table's libraries are accounted for.
	res := simulateSrc(t, `import asyncio, logging
log = logging.getLogger(__name__)
async def main():
    log.info("start %s", 1)
    await asyncio.sleep(0.1)
`, Options{})
	if res.Level != "high" {
		t.Errorf("logging lowered the confidence: %s %+v", res.Level, res.Assumptions)
	}
}

// Wall-clock readings have no known origin: differences are exact, the
// time of day is unknown and says so.
func TestWallClockDependence(t *testing.T) {
	res := simulateSrc(t, `import asyncio, time
from datetime import datetime
async def main():
    if datetime.now().hour < 6:
        await asyncio.sleep(1.0)
    if int(time.time()) % 2 == 0:
        await asyncio.sleep(1.0)
`, Options{})
	if res.Level == "high" {
		t.Errorf("time-of-day program came out high: %+v", res.Assumptions)
	}
	text := ""
	for _, a := range res.Assumptions {
		text += a.Text + "\n"
	}
	if !strings.Contains(text, "time of day (datetime.datetime.now())") || !strings.Contains(text, "time of day (time.time())") {
		t.Errorf("assumptions do not name the clock:\n%s", text)
	}
	res = simulateSrc(t, `import asyncio
async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.3
    while loop.time() < deadline:
        await asyncio.sleep(0.1)
`, Options{})
	if res.Level != "high" || math.Abs(res.ConcurrentS-0.3) > 1e-9 {
		t.Errorf("loop.time() deadline: %.3f s, %s %+v", res.ConcurrentS, res.Level, res.Assumptions)
	}
}

// CPython's selector rounds the select timeout up to whole milliseconds:
// a 0.1 ms sleep waits at least 1 ms.
func TestTimerGranularity(t *testing.T) {
	src := `import asyncio
async def main():
    for _ in range(100):
        await asyncio.sleep(0.0001)
`
	res, err := Simulate(parse(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.ConcurrentS < 0.1 || res.ConcurrentS > 0.13 {
		t.Errorf("100 sleeps of 0.1 ms: %.4f s, want about 0.1-0.12 s (1 ms each)", res.ConcurrentS)
	}
	whole, err := Simulate(parse(strings.Replace(src, "0.0001", "0.002", 1)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if whole.ConcurrentS < 0.2 || whole.ConcurrentS > 0.22 {
		t.Errorf("100 sleeps of 2 ms: %.4f s, want about 0.2 s (no rounding of whole milliseconds)", whole.ConcurrentS)
	}
}

// A script's unguarded module-level asyncio.run(main()) is the entry, run
// once.
func TestUnguardedRunSimulatedOnce(t *testing.T) {
	res := simulateSrc(t, `import asyncio
async def main():
    await asyncio.sleep(0.1)
asyncio.run(main())
`, Options{})
	if math.Abs(res.ConcurrentS-0.1) > 1e-9 {
		t.Errorf("%.3f s, want 0.1 (one run)", res.ConcurrentS)
	}
}

func parse(src string) *analysis.File { return analysis.Parse("t.py", []byte(src)) }

// The GIL runs pure-Python work of threads one at a time: four CPU-bound
// to_thread jobs take about four times as long as one, and the result
// says the figure is machine-dependent. Sleeping threads still overlap.
func TestGILSerialisesThreadCPU(t *testing.T) {
	prog := func(jobs int, body string) *loopsim.Result {
		src := fmt.Sprintf(`import asyncio, time
def work(n):
    total = 0
%s
    return total
async def main():
    await asyncio.gather(*(asyncio.to_thread(work, 200_000) for _ in range(%d)))
`, body, jobs)
		res, err := Simulate(parse(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	cpu := "    for i in range(n):\n        total += i % 7"
	one, four := prog(1, cpu), prog(4, cpu)
	if ratio := four.ConcurrentS / one.ConcurrentS; ratio < 3.8 || ratio > 4.2 {
		t.Errorf("4 CPU-bound threads take %.1fx one (%.4f s vs %.4f s), want about 4x", ratio, four.ConcurrentS, one.ConcurrentS)
	}
	named := false
	for _, a := range four.Assumptions {
		named = named || strings.Contains(a.Text, "GIL") && strings.Contains(a.Text, "machine-dependent")
	}
	if !named || four.Level == "high" {
		t.Errorf("no machine-dependent GIL assumption: %s %+v", four.Level, four.Assumptions)
	}
	sleepy := prog(4, "    time.sleep(0.1)")
	if sleepy.ConcurrentS > 0.11 {
		t.Errorf("4 sleeping threads take %.3f s, want about 0.1 s (time.sleep releases the GIL)", sleepy.ConcurrentS)
	}
}

// A PriorityQueue whose priorities are unknown says its order was assumed;
// known priorities say nothing.
func TestPriorityQueueUnknownOrder(t *testing.T) {
	src := `import asyncio, random
async def main():
    q = asyncio.PriorityQueue()
    for name in ["a", "b", "c"]:
        q.put_nowait((PRIORITY, name))
    while not q.empty():
        _, name = await q.get()
        await asyncio.sleep(0.1)
`
	for _, c := range []struct {
		priority string
		flagged  bool
	}{{"random.random()", true}, {"len(name)", false}} {
		res := simulateSrc(t, strings.Replace(src, "PRIORITY", c.priority, 1), Options{})
		flagged := false
		for _, a := range res.Assumptions {
			flagged = flagged || strings.Contains(a.Text, "PriorityQueue items cannot be ordered")
		}
		if flagged != c.flagged {
			t.Errorf("priority %s: flagged %v, want %v: %+v", c.priority, flagged, c.flagged, res.Assumptions)
		}
	}
}
