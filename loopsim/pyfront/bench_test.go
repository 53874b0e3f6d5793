package pyfront

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/loopsim"
)

// largeProgram builds a crawler-like program: a bounded queue, a pool of
// workers behind a semaphore, nested gathers, executor jobs, a TaskGroup and
// a heartbeat: about tasks*9 tasks and tasks*40 timer wake-ups.
func largeProgram(tasks int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `import asyncio
import time

N = %d
WORKERS = 50


def parse(page):
    total = 0
    for i in range(20):
        total += i
    return total


async def fetch(sem, i):
    async with sem:
        await asyncio.sleep(0.01 + (i %% 7) * 0.001)
        return i


async def worker(queue, sem, results):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            return
        pages = await asyncio.gather(*(fetch(sem, item * 4 + k) for k in range(4)))
        for p in pages:
            results.append(parse(p))
        queue.task_done()


async def heartbeat(stop):
    while not stop.is_set():
        await asyncio.sleep(0.05)


async def main():
    queue = asyncio.Queue(maxsize=100)
    sem = asyncio.Semaphore(64)
    results = []
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(stop))
    workers = [asyncio.create_task(worker(queue, sem, results)) for _ in range(WORKERS)]
    for i in range(N):
        await queue.put(i)
    for _ in range(WORKERS):
        await queue.put(None)
    await queue.join()
    async with asyncio.TaskGroup() as tg:
        for i in range(N // 10):
            tg.create_task(asyncio.to_thread(time.sleep, 0.002))
    stop.set()
    await beat
    return len(results)


if __name__ == "__main__":
    asyncio.run(main())
`, tasks)
	return b.String()
}

// BenchmarkSimulateLarge measures source -> front end -> simulation for a
// program of about 9000 tasks and 40000 timer wake-ups.
func BenchmarkSimulateLarge(b *testing.B) {
	src := []byte(largeProgram(1000))
	var res *loopsim.Result
	for b.Loop() {
		f := analysis.Parse("large.py", src)
		var err error
		res, err = Simulate(f, Options{})
		if err != nil || !res.Finished {
			b.Fatalf("err=%v problem=%s", err, res.Problem)
		}
	}
	b.ReportMetric(float64(len(res.Tasks)), "tasks")
	b.ReportMetric(res.ConcurrentS, "simulated-s")
}

// BenchmarkEstimateAt measures one hover hint on a mid-sized file.
func BenchmarkEstimateAt(b *testing.B) {
	src := largeProgram(50)
	f := analysis.Parse("hover.py", []byte(src))
	off := strings.Index(src, "await asyncio.gather(*(fetch")
	for b.Loop() {
		if _, ok := EstimateAt(f, off+1, Options{}); !ok {
			b.Fatal("no hint")
		}
	}
}

func TestLargeProgramFinishes(t *testing.T) {
	res, err := Simulate(analysis.Parse("large.py", []byte(largeProgram(200))), Options{})
	if err != nil || !res.Finished {
		t.Fatalf("err=%v res=%+v", err, res)
	}
	// 200 items x 4 fetches of ~13 ms average, 64 at a time; plus the executor.
	if res.ConcurrentS < 0.15 || res.ConcurrentS > 0.5 {
		t.Errorf("concurrent %.3f s out of the plausible range", res.ConcurrentS)
	}
}

// BenchmarkBudgets times how long the default budgets take to end the
// reproducers of unbounded work (docs/loopsim.md, Budgets): an endless
// loop must stop within a second, and the others sooner; B/op shows the
// memory each may take.
func BenchmarkBudgets(b *testing.B) {
	for _, name := range []string{"endless_poll.py", "many_tasks.py", "gather_main.py", "dictcomp.py", "dbl.py", "fmt.py"} {
		src, err := os.ReadFile(filepath.Join(limitsDir, name))
		if err != nil {
			b.Fatal(err)
		}
		file := analysis.Parse(name, src)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				res, err := Simulate(file, Options{})
				if err != nil || res.Budget == "" {
					b.Fatalf("%v, budget %q", err, res.Budget)
				}
			}
		})
	}
}
