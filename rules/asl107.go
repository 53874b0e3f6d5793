package rules

import (
	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASL107 reports synchronous locks held across an await.
var ASL107 = register(&Rule{
	Code:    "ASL107",
	Name:    "sync-lock-across-await",
	Summary: "`threading.Lock` (or another synchronous lock) held across an `await`",
	Rationale: "While a coroutine is suspended at an `await`, other tasks run on the same thread. If one of them " +
		"tries to take the same `threading.Lock`, it blocks the whole event loop waiting for a lock that can only be " +
		"released by the suspended coroutine, which can never resume: a deadlock. Even without contention, the lock is " +
		"held for as long as the awaited operation takes. Use `asyncio.Lock` (`async with lock:`) between tasks.",
	Bad: `import threading

lock = threading.Lock()

async def update(db, key):
    with lock:
        value = await db.get(key)
        await db.set(key, value + 1)`,
	Good: `import asyncio

lock = asyncio.Lock()

async def update(db, key):
    async with lock:
        value = await db.get(key)
        await db.set(key, value + 1)`,
	Severity: Error,
	Default:  true,
	Notes: "Recognises `threading.Lock`, `RLock`, `Semaphore`, `BoundedSemaphore`, `Condition` and their " +
		"`multiprocessing` counterparts when the lock's type is known (module global, local, `self.` attribute or " +
		"annotation), held by `with lock:` or by `lock.acquire()` ... `lock.release()` in the same block.",
	Run: runSyncLockAcrossAwait,
})

func runSyncLockAcrossAwait(p *Pass) {
	for _, f := range p.Module.Functions {
		if !f.Async || f.Lambda {
			continue
		}
		walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
			switch n.Type() {
			case "with_statement":
				if isAsyncStmt(n) {
					return true
				}
				exprs, _ := withItems(n)
				for _, e := range exprs {
					if !pylib.Is(receiverType(p.Module, e), pylib.SyncLock) {
						continue
					}
					if hasCheckpoint(p.Module, n.ChildByField("body"), false, nil) {
						p.Report(e, "synchronous lock `"+p.File.Brief(e)+"` is held across an `await`: another task taking it blocks the "+
							"event loop forever; use `asyncio.Lock` with `async with`")
					}
				}
			case "expression_statement":
				checkAcquireRelease(p, n)
			}
			return true
		})
	}
}

// checkAcquireRelease handles `lock.acquire()` followed, in the same block,
// by an await before `lock.release()`.
func checkAcquireRelease(p *Pass, stmt *analysis.Node) {
	named := stmt.NamedChildren()
	if len(named) != 1 || named[0].Type() != "call" {
		return
	}
	call := named[0]
	fn := call.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" || p.File.Text(fn.ChildByField("attribute")) != "acquire" {
		return
	}
	recv := fn.ChildByField("object")
	if !pylib.Is(receiverType(p.Module, recv), pylib.SyncLock) {
		return
	}
	release := p.File.Text(recv) + ".release"
	started := false
	for _, s := range stmt.Parent().NamedChildren() {
		if s == stmt {
			started = true
			continue
		}
		if !started {
			continue
		}
		releaseAt := uint32(0)
		walkBody(s, func(c *analysis.Node) bool {
			if releaseAt == 0 && c.Type() == "call" && p.File.Text(c.ChildByField("function")) == release {
				releaseAt = c.Start
			}
			return true
		})
		awaitAt := uint32(0)
		walkBody(s, func(c *analysis.Node) bool {
			if awaitAt != 0 {
				return false
			}
			if c.Type() == "await" || ((c.Type() == "for_statement" || c.Type() == "with_statement") && isAsyncStmt(c)) {
				awaitAt = c.Start
			}
			return true
		})
		if awaitAt != 0 && (releaseAt == 0 || awaitAt < releaseAt) {
			p.Report(call, "synchronous lock `"+p.File.Brief(recv)+"` is held across an `await`: another task taking it blocks the "+
				"event loop forever; use `asyncio.Lock` with `async with`")
			return
		}
		if releaseAt != 0 {
			return
		}
	}
}
