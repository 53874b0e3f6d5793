package pyfront

import (
	"strings"
	"testing"
)

// Control flow or a duration that depends on a value read from outside the
// program makes the timing unknown, naming the value and where it was read;
// values the source determines (seeded random, clock differences) and
// values the simulator merely cannot compute do not.
func TestOutsideValuesMakeTimingUnknown(t *testing.T) {
	fire := []struct{ name, src, want string }{
		{"wall-clock loop", `import asyncio, time
async def main():
    while int(time.time()) % 5 != 0:
        await asyncio.sleep(0.1)
`, "time.time()) at line 3"},
		{"unseeded random branch", `import asyncio, random
async def main():
    if random.random() < 0.5:
        await asyncio.sleep(1)
`, "random.random() at line 3"},
		{"random choice decides a match", `import asyncio, random
async def main():
    match random.choice(["a", "b"]):
        case "a":
            await asyncio.sleep(1)
`, "random.choice() at line 3"},
		{"environment bounds a loop", `import asyncio, os
async def main():
    n = int(os.environ.get("WORKERS", "3"))
    for _ in range(n):
        await asyncio.sleep(0.1)
`, "os.environ.get() at line 3"},
		{"command line", `import asyncio, sys
async def main():
    if len(sys.argv) > 1:
        await asyncio.sleep(1)
`, "sys.argv"},
		{"file contents", `import asyncio
async def main():
    with open("jobs.txt") as f:
        jobs = f.read().splitlines()
    for job in jobs:
        await asyncio.sleep(0.1)
`, "open() at line 3"},
		{"loop clock compared with a constant", `import asyncio
async def main():
    loop = asyncio.get_running_loop()
    if loop.time() > 1000:
        await asyncio.sleep(1)
`, "loop.time()) at line 4"},
		{"network answer", `import asyncio, aiohttp
async def main():
    async with aiohttp.ClientSession() as s:
        r = await s.get("https://example.com")
        while r.status != 200:
            r = await s.get("https://example.com")
`, "at line 4"},
		{"wall-clock duration", `import asyncio, time
async def main():
    await asyncio.sleep(60 - time.time() % 60)
`, "time.time()) at line 3"},
		{"Condition predicate on the time of day", `import asyncio, datetime
async def main():
    cond = asyncio.Condition()
    async with cond:
        await cond.wait_for(lambda: datetime.datetime.now().minute == 0)
`, "datetime.datetime.now()) at line 5"},
	}
	for _, c := range fire {
		res := simulateSrc(t, c.src, Options{})
		if res.Level != "unknown" || !strings.Contains(res.Unknowable, c.want) {
			t.Errorf("%s: level %s, unknowable %q, want unknown naming %q; assumptions %+v", c.name, res.Level, res.Unknowable, c.want, res.Assumptions)
		}
		flagged := false
		for _, a := range res.Assumptions {
			flagged = flagged || (a.Unknowable && a.Line > 0 && strings.Contains(a.Text, c.want))
		}
		if !flagged {
			t.Errorf("%s: no unknowable assumption with a line names %q: %+v", c.name, c.want, res.Assumptions)
		}
	}
	quiet := []struct {
		name, src string
		level     string
		seconds   float64
	}{
		{"seeded random branch", `import asyncio, random
async def main():
    random.seed(7)
    if random.random() < 0.5:
        await asyncio.sleep(0.2)
    await asyncio.sleep(0.1)
`, "high", -1},
		{"monotonic only printed as a duration", `import asyncio, time
async def main():
    t0 = time.monotonic()
    await asyncio.sleep(0.1)
    print(f"took {time.monotonic() - t0:.2f}s at {time.monotonic()}")
`, "high", 0.1},
		{"monotonic deadline loop", `import asyncio, time
async def main():
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        await asyncio.sleep(0.1)
`, "high", 0.3},
		{"unseeded random duration counts its mean", `import asyncio, random
async def main():
    await asyncio.sleep(random.uniform(0.1, 0.3))
`, "low", 0.2},
		{"a value the simulator cannot compute is a gap, not outside", `import asyncio, hashlib
async def main():
    if hashlib.sha256(b"x").hexdigest().startswith("0"):
        await asyncio.sleep(0.1)
`, "low", -1},
	}
	for _, c := range quiet {
		res := simulateSrc(t, c.src, Options{})
		if res.Unknowable != "" || res.Level != c.level {
			t.Errorf("%s: level %s (want %s), unknowable %q; assumptions %+v", c.name, res.Level, c.level, res.Unknowable, res.Assumptions)
		}
		if c.seconds >= 0 && (res.ConcurrentS < c.seconds-0.001 || res.ConcurrentS > c.seconds+0.001) {
			t.Errorf("%s: %.4f s, want %.4f", c.name, res.ConcurrentS, c.seconds)
		}
	}
}

// An unknown condition whose branch only raises is a guard clause (`if not
// cfg.ready(): raise ...`): the simulation takes the path on which the
// program goes on, and says so; other unknown conditions are still assumed
// true.
func TestUnknownGuardClauseAssumedToPass(t *testing.T) {
	cases := []struct {
		name, src, assumption string
		want                  float64
	}{
		{"guard raises", `import asyncio, somelib
async def main():
    cfg = somelib.load()
    if not cfg.ready():
        raise RuntimeError("not ready")
    await asyncio.sleep(0.2)
`, "its branch only raises (a guard), assumed false", 0.2},
		{"guard with else that goes on", `import asyncio, somelib
async def main():
    cfg = somelib.load()
    if cfg.broken():
        raise RuntimeError("broken")
    else:
        await asyncio.sleep(0.3)
`, "assumed false", 0.3},
		{"plain branch", `import asyncio, somelib
async def main():
    cfg = somelib.load()
    if cfg.slow():
        await asyncio.sleep(0.1)
`, "assumed true", 0.1},
		{"both branches raise", `import asyncio, somelib
async def main():
    await asyncio.sleep(0.1)
    cfg = somelib.load()
    if cfg.a():
        raise RuntimeError("a")
    else:
        raise ValueError("b")
`, "assumed true", 0.1},
	}
	for _, c := range cases {
		res := simulateSrc(t, c.src, Options{})
		found := false
		for _, a := range res.Assumptions {
			found = found || strings.Contains(a.Text, c.assumption)
		}
		if !found || res.ConcurrentS < c.want-0.001 || res.ConcurrentS > c.want+0.001 {
			t.Errorf("%s: concurrent %.3f s (want %.3f), assumptions %+v (want one saying %q)", c.name, res.ConcurrentS, c.want, res.Assumptions, c.assumption)
		}
	}
}
