package pyfront

import (
	"math"

	"github.com/asyncls/asyncls/analysis"
	"strings"
	"testing"
)

func near(got, want float64) bool { return math.Abs(got-want) < 0.002 }

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
