package loopsim

import "iter"

// Generators and async generators run in a coroutine of their own; their
// body asks the consumer to await futures on its behalf, as Python's
// generator-based coroutines do, so an async generator always runs in the
// task that iterates it.

// Generator is a generator or async generator object.
type Generator struct {
	Name  string
	Async bool
	s     *Sim
	run   func(c *ctx) (Value, error)
	gctx  *ctx

	next     func() (genMsg, bool)
	stop     func()
	yield    func(genMsg) bool
	in       genIn
	finished bool
	running  bool
}

type genKind int

const (
	genItem genKind = iota
	genAwait
	genBare
	genDone
)

// genMsg is what a generator hands its consumer.
type genMsg struct {
	kind  genKind
	value Value
	err   error
	fut   *Future
	span  SpanKind
	label string
	due   float64
	p     Pos
}

// genIn is what the consumer sends back: a value or an exception to raise.
type genIn struct {
	v   Value
	err error
}

func (s *Sim) newGenerator(name string, async bool, run func(c *ctx) (Value, error)) *Generator {
	g := &Generator{Name: name, Async: async, s: s, run: run}
	g.gctx = &ctx{s: s, gen: g}
	s.gens = append(s.gens, g)
	return g
}

func (g *Generator) body(yield func(genMsg) bool) {
	g.yield = yield
	defer func() {
		if r := recover(); r != nil && r != errKilled {
			panic(r)
		}
	}()
	var v Value
	var err error
	if g.in.err != nil {
		err = g.in.err // thrown in before the first step
	} else {
		v, err = g.run(g.gctx)
	}
	g.finished = true
	g.s.liveGens--
	yield(genMsg{kind: genDone, value: v, err: err})
}

// suspend hands msg to the consumer and returns what it sends back.
func (g *Generator) suspend(msg genMsg) genIn {
	if !g.yield(msg) {
		panic(errKilled)
	}
	return g.in
}

// step resumes the generator from consumer context c until it yields an
// item or finishes; awaits inside the generator are done by c.
func (c *ctx) genStep(g *Generator, in genIn, p Pos) (v Value, err error, exhausted bool) {
	if g.finished {
		if in.err != nil {
			return nil, in.err, true
		}
		return nil, nil, true
	}
	if g.running {
		return nil, newExc("RuntimeError", "generator %s is already running (line %d)", g.Name, p.Line), true
	}
	if g.next == nil {
		// Each running generator holds a goroutine until it finishes.
		g.s.checkTasks(len(g.s.tasks)+g.s.liveGens, g.Name)
		g.s.liveGens++
		g.next, g.stop = iter.Pull(g.body)
	}
	for {
		g.gctx.t, g.gctx.thread = c.t, c.thread
		g.in = in
		g.running = true
		msg, ok := g.next()
		g.running = false
		if !ok {
			return nil, nil, true
		}
		switch msg.kind {
		case genItem:
			return msg.value, nil, false
		case genDone:
			return msg.value, msg.err, true
		case genAwait:
			v, err := c.awaitFuture(msg.fut, msg.span, msg.label, msg.due, msg.p)
			in = genIn{v, err}
		case genBare:
			in = genIn{nil, c.yieldBare(msg.p)}
		}
	}
}

// iterGenerator runs fn for each item of a generator.
func (c *ctx) iterGenerator(g *Generator, p Pos, fn func(Value) (bool, error)) error {
	for {
		v, err, done := c.genStep(g, genIn{}, p)
		if err != nil {
			if e, ok := err.(*Exc); ok && (e.Type == "StopIteration" || e.Type == "StopAsyncIteration") && e.Class == nil {
				return nil
			}
			return err
		}
		if done {
			return nil
		}
		if stop, err := fn(v); stop || err != nil {
			return err
		}
	}
}

// forEachAsync iterates an async iterable (async for).
func (c *ctx) forEachAsync(v Value, p Pos, fn func(Value) (bool, error)) error {
	switch x := v.(type) {
	case *Generator:
		if !x.Async {
			return newExc("TypeError", "'async for' requires an object with __aiter__, got a generator (line %d)", p.Line)
		}
		return c.iterGenerator(x, p, fn)
	case *Instance:
		aiter, err := c.getAttr(nil, x, "__aiter__", p)
		if err != nil {
			return err
		}
		it, err := c.call(aiter, nil, nil, p)
		if err != nil {
			return err
		}
		if g, ok := it.(*Generator); ok {
			return c.forEachAsync(g, p, fn)
		}
		for {
			anext, err := c.getAttr(nil, it, "__anext__", p)
			if err != nil {
				return err
			}
			aw, err := c.call(anext, nil, nil, p)
			if err != nil {
				return err
			}
			item, err := c.await(aw, p, "__anext__")
			if err != nil {
				if e, ok := err.(*Exc); ok && e.Type == "StopAsyncIteration" {
					return nil
				}
				return err
			}
			if stop, err := fn(item); stop || err != nil {
				return err
			}
		}
	case *UnknownValue, *External, *RandomValue:
		return c.forEach(v, p, fn)
	}
	return newExc("TypeError", "'async for' requires an object with __aiter__, got %s (line %d)", typeName(v), p.Line)
}

// CMFactory is a function decorated with contextlib.(async)contextmanager.
type CMFactory struct {
	Fn    Value
	Async bool
}

// GenCM is the context manager such a function returns.
type GenCM struct {
	Gen   *Generator
	Async bool
}

func (c *ctx) enterGenCM(cm *GenCM, p Pos) (Value, func(error) error, error) {
	v, err, done := c.genStep(cm.Gen, genIn{}, p)
	if err != nil {
		return nil, nil, err
	}
	if done {
		return nil, nil, newExc("RuntimeError", "generator didn't yield (line %d)", p.Line)
	}
	return v, func(bodyErr error) error {
		_, err, done := c.genStep(cm.Gen, genIn{err: bodyErr}, p)
		if !done {
			return newExc("RuntimeError", "generator didn't stop (line %d)", p.Line)
		}
		if bodyErr == nil {
			return err
		}
		if err == nil {
			return nil // the generator swallowed the exception
		}
		if e, ok := err.(*Exc); ok && (e.Type == "StopIteration" || e.Type == "StopAsyncIteration") {
			return nil
		}
		return err
	}, nil
}

// genMethod implements generator methods (next, send, __anext__, asend, aclose).
func (c *ctx) genMethod(g *Generator, name string, args []Value, p Pos) (Value, error) {
	stopName := "StopIteration"
	if g.Async {
		stopName = "StopAsyncIteration"
	}
	step := func(in genIn) (Value, error) {
		v, err, done := c.genStep(g, in, p)
		if err != nil {
			return nil, err
		}
		if done {
			return nil, &Exc{Type: stopName}
		}
		return v, nil
	}
	var in genIn
	if len(args) > 0 {
		in.v = args[0]
	}
	switch name {
	case "__next__", "send":
		return step(in)
	case "__anext__", "asend":
		return coro("anext", p, func(c *ctx) (Value, error) { return step(in) }), nil
	case "aclose", "close":
		run := func(c *ctx) (Value, error) {
			if g.finished || g.next == nil {
				g.finished = true
				return nil, nil
			}
			_, err, _ := c.genStep(g, genIn{err: &Exc{Type: "GeneratorExit"}}, p)
			if e, ok := err.(*Exc); ok && e.Type == "GeneratorExit" {
				return nil, nil
			}
			return nil, err
		}
		if name == "aclose" {
			return coro("aclose", p, run), nil
		}
		return run(c)
	}
	return c.unmodelled(p, "generator."+name), nil
}
