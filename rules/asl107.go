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
	Severity:  Error,
	Default:   true,
	CrossFile: true,
	Notes: "Recognises `threading.Lock`, `RLock`, `Semaphore`, `BoundedSemaphore`, `Condition` and their " +
		"`multiprocessing` counterparts when the lock's type is known (module global, local, `self.` attribute or " +
		"annotation, or the return of a project function, of any module, that makes one: `self._lock = " +
		"create_handler_lock()`), held by `with lock:` or by `lock.acquire()` ... `lock.release()` in the same block. " +
		"A `with` that enters a `@contextlib.contextmanager` generator of the project holds the lock that generator " +
		"holds where it yields (`with self._lock: yield`, or `self._lock.acquire()` before a `try: yield` that releases " +
		"it in `finally`), so `with self._protected_lock(): await ...` is reported with the lock it takes.",
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
					lock := ""
					if isSyncLock(p, p.Module, e) {
						lock = "`" + p.File.Brief(e) + "`"
					} else if held := lockEnteredBy(p, p.Module, e, 0); held != "" {
						lock = "`" + held + "` (taken by `" + p.File.Brief(e) + "`)"
					}
					if lock == "" {
						continue
					}
					if hasCheckpoint(p.Module, n.ChildByField("body"), false, nil) {
						p.Report(e, "synchronous lock "+lock+" is held across an `await`: another task taking it blocks the "+
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
	if !isSyncLock(p, p.Module, recv) {
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

// isSyncLock reports whether expression e of module m is a synchronous
// lock, following a value another module of the project makes
// (`self._lock = create_handler_lock()` where the factory, in another
// module, returns `threading.Lock()`).
func isSyncLock(p *Pass, m *analysis.Module, e *analysis.Node) bool {
	r := projectValue(p, m, e) // also a lock kept in another module (`from .locks import lock`)
	return r.Instance && r.Name != "" && pylib.Is(r.Name, pylib.SyncLock)
}

// lockEnteredBy returns the synchronous lock that entering context
// expression e holds for the body of the `with`: e calls a generator of the
// project decorated with contextlib.contextmanager whose `yield` is inside
// `with lock:` (or after `lock.acquire()` in its block, before any
// `lock.release()`), or inside the `with` of another such generator. The
// lock is written as its generator's source has it; "" when e holds none.
func lockEnteredBy(p *Pass, m *analysis.Module, e *analysis.Node, depth int) string {
	e = analysis.Unparen(e)
	if e == nil || e.Type() != "call" || depth > 3 {
		return ""
	}
	r := m.Resolve(e.ChildByField("function"))
	f := r.Func
	if f == nil && r.Via != "" && p.Project != nil {
		f = p.Project.ResolveVia(r.Via).Func
	}
	if f == nil && r.Name != "" && !r.Instance && p.Project != nil {
		f = p.Project.Lookup(r.Name).Func // a function imported from another module
	}
	if f == nil || f.Async || f.Lambda || !f.Generator || r.Instance || !isContextManagerDef(f) {
		return ""
	}
	fm := f.Module()
	held := ""
	walkBody(f.Node.ChildByField("body"), func(n *analysis.Node) bool {
		if held != "" {
			return false
		}
		if n.Type() == "yield" {
			held = lockAroundYield(p, fm, n, f.Node, depth)
			return false
		}
		return true
	})
	return held
}

// lockAroundYield returns the synchronous lock held where the `yield` y of
// generator fn (of module m) suspends: a `with` around it, or a
// `lock.acquire()` statement before the statement holding it in an
// enclosing block with no `lock.release()` between.
func lockAroundYield(p *Pass, m *analysis.Module, y, fn *analysis.Node, depth int) string {
	for n := y; n != nil && n != fn; n = n.Parent() {
		parent := n.Parent()
		if parent == nil {
			return ""
		}
		if parent.Type() == "with_statement" && n.Field() == "body" && !isAsyncStmt(parent) {
			exprs, _ := withItems(parent)
			for _, e := range exprs {
				if isSyncLock(p, m, e) {
					return m.File.Brief(e)
				}
				if held := lockEnteredBy(p, m, e, depth+1); held != "" {
					return held
				}
			}
		}
		if parent.Type() != "block" && parent.Type() != "module" {
			continue
		}
		acquired := map[string]string{} // receiver text -> its brief
		for _, s := range parent.NamedChildren() {
			if s == n {
				break
			}
			walkBody(s, func(c *analysis.Node) bool {
				if c.Type() != "call" {
					return true
				}
				callee := c.ChildByField("function")
				if callee == nil || callee.Type() != "attribute" {
					return true
				}
				recv := callee.ChildByField("object")
				switch m.File.Text(callee.ChildByField("attribute")) {
				case "acquire":
					if s.Type() == "expression_statement" && isSyncLock(p, m, recv) {
						acquired[m.File.Text(recv)] = m.File.Brief(recv)
					}
				case "release":
					delete(acquired, m.File.Text(recv))
				}
				return true
			})
		}
		for _, brief := range acquired {
			return brief
		}
	}
	return ""
}
