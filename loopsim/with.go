package loopsim

// execWith runs a with/async with statement, one item at a time (nested).
func (c *ctx) execWith(fr *frame, items []WithItem, st *With) (ctrl, Value, error) {
	if len(items) == 0 {
		return c.execBlock(fr, st.Body)
	}
	item := items[0]
	cm, err := c.eval(fr, item.Ctx)
	if err != nil {
		return ctrlNext, nil, err
	}
	val, exit, err := c.enter(cm, st.Async, st.P, item.Ctx)
	if err != nil {
		return ctrlNext, nil, err
	}
	if item.Target != nil {
		if err := c.assign(fr, item.Target, val); err != nil {
			return ctrlNext, nil, err
		}
	}
	k, v, bodyErr := c.execWith(fr, items[1:], st)
	exitErr := exit(bodyErr)
	if exitErr != bodyErr {
		if exitErr == nil { // swallowed
			return ctrlNext, nil, nil
		}
		return ctrlNext, nil, exitErr
	}
	return k, v, bodyErr
}

// acquirer is a primitive entered with `async with` (Lock, Semaphore).
type acquirer interface {
	acquire(c *ctx, p Pos) (Value, error)
	release(p Pos) error
}

// enterAcquired acquires lk for an `async with` body and releases it on exit;
// overhead is the CPU cost of acquire and release, which are Python code.
func (c *ctx) enterAcquired(lk acquirer, overhead float64, p Pos) (Value, func(error) error, error) {
	c.overhead(overhead)
	if _, err := lk.acquire(c, p); err != nil {
		return nil, nil, err
	}
	return nil, func(err error) error {
		if rerr := lk.release(p); rerr != nil && err == nil {
			return rerr
		}
		return err
	}, nil
}

// enter enters a context manager; exit receives the body's error and
// returns the error to propagate (nil to swallow).
func (c *ctx) enter(cm Value, async bool, p Pos, e Expr) (Value, func(error) error, error) {
	same := func(err error) error { return err }
	switch o := cm.(type) {
	case *Lock:
		if async {
			return c.enterAcquired(o, 0.35e-6, p)
		}
	case *Semaphore:
		if async {
			return c.enterAcquired(o, 0.55e-6, p)
		}
	case *ThreadLock:
		if async {
			break
		}
		if _, err := c.threadLockAcquire(o, true, p); err != nil {
			return nil, nil, err
		}
		return true, func(err error) error {
			if rerr := c.threadLockRelease(o, p); rerr != nil && err == nil {
				return rerr
			}
			return err
		}, nil
	case *Condition:
		if !async {
			break
		}
		if _, err := o.lock.acquire(c, p); err != nil {
			return nil, nil, err
		}
		return nil, func(err error) error {
			o.lock.release(p)
			return err
		}, nil
	case *TaskGroup:
		if !async {
			break
		}
		if o.entered {
			return nil, nil, newExc("RuntimeError", "TaskGroup has already been entered")
		}
		if c.t == nil {
			return nil, nil, newExc("RuntimeError", "TaskGroup cannot determine the parent task")
		}
		o.entered = true
		o.parent = c.t
		return o, func(err error) error { return o.aexit(c, err, p) }, nil
	case *Timeout:
		if !async {
			break
		}
		if err := o.aenter(c, p); err != nil {
			return nil, nil, err
		}
		return o, func(err error) error { return o.aexit(c, err) }, nil
	case *PoolObj:
		return o, func(err error) error {
			c.waitPool(o.pool, p)
			return err
		}, nil
	case *External:
		if async {
			d, src, known := c.s.exactLatency(o.Qual)
			val := Value(o)
			if o.Called && !known {
				d, src = c.s.latencyOf(o.Qual)
				known = src != srcUnknown
			}
			if known && d > 0 {
				c.s.assume(p, src.weight(), "async with %s takes %s (%s)", o.Qual, fmtDur(d), src)
				if err := c.sleep(d, SpanIO, o.Qual, p); err != nil {
					return nil, nil, err
				}
				val = &External{Qual: returnType(o.Qual), Called: true}
			} else if err := c.yieldBare(p); err != nil {
				return nil, nil, err
			}
			return val, same, nil
		}
		return o, same, nil
	case *Instance:
		enterName, exitName := "__enter__", "__exit__"
		if async {
			enterName, exitName = "__aenter__", "__aexit__"
		}
		ev, err := c.getAttr(nil, o, enterName, p)
		if err != nil {
			return nil, nil, err
		}
		val, err := c.call(ev, nil, nil, p)
		if err != nil {
			return nil, nil, err
		}
		if async {
			if val, err = c.await(val, p, enterName); err != nil {
				return nil, nil, err
			}
		}
		return val, func(bodyErr error) error {
			xv, err := c.getAttr(nil, o, exitName, p)
			if err != nil {
				return err
			}
			var et, ev Value
			if e, ok := bodyErr.(*Exc); ok {
				ev = e
				et = excClass(e.Type)
				if e.Class != nil {
					et = e.Class
				}
			}
			r, err := c.call(xv, []Value{et, ev, nil}, nil, p)
			if err != nil {
				return err
			}
			if async {
				if r, err = c.await(r, p, exitName); err != nil {
					return err
				}
			}
			if bodyErr != nil {
				if b, ok := truth(r); ok && b {
					return nil
				}
			}
			return bodyErr
		}, nil
	case *ExitStack:
		if o.Async != async {
			break
		}
		return o, o.unwind, nil
	case *closingCM:
		if o.async && !async {
			break
		}
		return o.obj, func(bodyErr error) error {
			if !o.close || o.obj == nil {
				return bodyErr
			}
			name := "close"
			if o.async {
				name = "aclose"
			}
			m, err := c.getAttr(nil, o.obj, name, p)
			if err == nil {
				var r Value
				if r, err = c.call(m, nil, nil, p); err == nil && o.async {
					_, err = c.await(r, p, name)
				}
			}
			if err != nil && bodyErr == nil {
				return err
			}
			return bodyErr
		}, nil
	case *Suppress:
		return nil, func(err error) error {
			e, ok := err.(*Exc)
			if !ok {
				return err
			}
			for _, tv := range o.Types {
				if cl, ok := tv.(*Class); ok && excIsSubclass(e, "", cl) {
					return nil
				}
			}
			return err
		}, nil
	case *GenCM:
		if o.Async != async {
			break
		}
		return c.enterGenCM(o, p)
	case *UnknownValue:
		c.s.addAssumption(p, 0.7, true, "context manager %s is unknown; assumed to take no time", describe(e))
		return &UnknownValue{Why: "context value", From: o.From}, same, nil
	}
	kind := "with"
	if async {
		kind = "async with"
	}
	return nil, nil, newExc("TypeError", "'%s' object does not support the %s statement (line %d)", typeName(cm), kind, p.Line)
}
