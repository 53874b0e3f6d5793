package loopsim

import (
	"fmt"
	"github.com/asyncls/asyncls/pylib"
	"math"
	"strings"
)

// frame is one scope: a function call, the module, or a comprehension.
type frame struct {
	vars          map[string]Value
	parent        *frame // enclosing scope (closures); nil for the module
	globals       *frame
	globalDecl    map[string]bool
	nonlocal      map[string]bool
	comprehension bool
	// class and self of a method call, for super()
	class *Class
	self  Value
	// module is the project module whose globals this frame holds (set on
	// globals frames only; relative imports are resolved from it).
	module *UserModule
}

func newFrame(parent, globals *frame) *frame {
	f := &frame{vars: map[string]Value{}, parent: parent, globals: globals}
	if globals == nil {
		f.globals = f
	}
	return f
}

// comprehension marks a comprehension's own scope: an assignment
// expression inside it binds in the enclosing function.
func (f *frame) setNamed(name string, v Value) {
	for s := f; s != nil; s = s.parent {
		if !s.comprehension {
			s.set(name, v)
			return
		}
	}
	f.set(name, v)
}

func (f *frame) lookup(name string) (Value, bool) {
	if f.globalDecl[name] {
		v, ok := f.globals.vars[name]
		return v, ok
	}
	for s := f; s != nil; s = s.parent {
		if v, ok := s.vars[name]; ok {
			return v, true
		}
	}
	v, ok := f.globals.vars[name]
	return v, ok
}

func (f *frame) set(name string, v Value) {
	if f.globalDecl[name] {
		f.globals.vars[name] = v
		return
	}
	if f.nonlocal[name] {
		for s := f.parent; s != nil; s = s.parent {
			if _, ok := s.vars[name]; ok {
				s.vars[name] = v
				return
			}
		}
	}
	f.vars[name] = v
}

// threadRun accumulates the duration of a synchronous function executed in
// a worker thread.
// a worker thread; base is when the thread started on the virtual clock.
type threadRun struct{ base, elapsed float64 }

// ctx is the execution context: the running task (nil at import time or in
// a worker thread).
type ctx struct {
	s        *Sim
	t        *Task
	thread   *threadRun
	handling []*Exc
	depth    int
	gen      *Generator // set inside a generator's body
	// fn is the function running and loops describe the loops it is in,
	// innermost last: where a budget ran out and why (budget.go).
	fn    string
	loops []loopNote
	line  int // of the statement running
}

// loopNote is a loop being run: a while loop's condition, or what a for
// loop or comprehension iterates.
type loopNote struct {
	kind string // while, for, comprehension
	x    Expr
	line int
}

func (l loopNote) String() string {
	at := ""
	if l.line > 0 {
		at = fmt.Sprintf(" (line %d)", l.line)
	}
	switch l.kind {
	case "while":
		return "a loop whose exit depends on " + describe(l.x) + at
	case "comprehension":
		return "a comprehension over " + describe(l.x) + " with too many items to simulate" + at
	}
	return "a loop over " + describe(l.x) + " with too many iterations to simulate" + at
}

// enterLoop notes a loop for budget messages; the returned func leaves it.
func (c *ctx) enterLoop(kind string, x Expr, line int) func() {
	c.loops = append(c.loops, loopNote{kind, x, line})
	n := len(c.loops)
	return func() { c.loops = c.loops[:n-1] }
}

// now is the virtual time as seen by the running code.
func (c *ctx) now() float64 {
	c.flushCPU()
	if c.thread != nil {
		return c.thread.base + c.thread.elapsed
	}
	return c.s.now
}

type ctrl int

const (
	ctrlNext ctrl = iota
	ctrlBreak
	ctrlContinue
	ctrlReturn
)

type kwarg struct {
	Name  string
	Value Value
}

func (c *ctx) execBlock(fr *frame, stmts []Stmt) (ctrl, Value, error) {
	for _, st := range stmts {
		k, v, err := c.exec(fr, st)
		if err != nil || k != ctrlNext {
			return k, v, err
		}
	}
	return ctrlNext, nil, nil
}

func (c *ctx) exec(fr *frame, st Stmt) (ctrl, Value, error) {
	c.tick(st.stmtPos())
	switch st := st.(type) {
	case *ExprStmt:
		_, err := c.eval(fr, st.X)
		return ctrlNext, nil, err
	case *Assign:
		v, err := c.eval(fr, st.Value)
		if err != nil {
			return ctrlNext, nil, err
		}
		for _, t := range st.Targets {
			if err := c.assign(fr, t, v); err != nil {
				return ctrlNext, nil, err
			}
		}
		return ctrlNext, nil, nil
	case *AugAssign:
		cur, err := c.eval(fr, st.Target)
		if err != nil {
			return ctrlNext, nil, err
		}
		v, err := c.eval(fr, st.Value)
		if err != nil {
			return ctrlNext, nil, err
		}
		if l, ok := cur.(*List); ok && st.Op == "+" && l.Kind == "list" {
			if err := c.forEach(v, st.P, func(e Value) (bool, error) {
				c.grow(len(l.Elems), "a list")
				l.Elems = append(l.Elems, e)
				return false, nil
			}); err != nil {
				return ctrlNext, nil, err
			}
			return ctrlNext, nil, nil
		}
		if d, ok := cur.(*Dict); ok && st.Op == "|" {
			if o, ok := v.(*Dict); ok { // d |= other updates d in place
				c.allocate(int64(len(d.Keys)+len(o.Keys)), "a dict", st.P)
				for i, k := range o.Keys {
					d.set(k, o.Vals[i])
				}
				return ctrlNext, nil, nil
			}
		}
		nv, err := c.binop(st.Op, cur, v, st.P)
		if err != nil {
			return ctrlNext, nil, err
		}
		return ctrlNext, nil, c.assign(fr, st.Target, nv)
	case *If:
		cond, err := c.eval(fr, st.Cond)
		if err != nil {
			return ctrlNext, nil, err
		}
		b, ok := c.truth(cond, st.P)
		if !ok {
			if guardClause(st) {
				// `if not path.is_absolute(): raise ValueError(...)`: a
				// program is simulated on the path where it runs, not
				// where it refuses its input.
				c.s.assumeOn(st.P, 0.7, cond, describe(st.Cond), "condition %s cannot be known statically%s; its branch only raises (a guard), assumed false", describe(st.Cond))
				b = false
			} else {
				c.s.assumeOn(st.P, 0.7, cond, describe(st.Cond), "condition %s cannot be known statically%s; assumed true", describe(st.Cond))
				b = true
			}
		}
		if b {
			return c.execBlock(fr, st.Body)
		}
		return c.execBlock(fr, st.Else)
	case *For:
		return c.execFor(fr, st)
	case *While:
		unknownRuns := 0
		defer c.enterLoop("while", st.Cond, st.P.Line)()
		endless := c.watchEndless(st)
		for {
			c.tick(st.P)
			if endless != nil {
				endless.next(c, fr, st)
			}
			cond, err := c.eval(fr, st.Cond)
			if err != nil {
				return ctrlNext, nil, err
			}
			b, ok := c.truth(cond, st.P)
			if !ok {
				if unknownRuns == 0 {
					c.s.assumeOn(st.P, 0.5, cond, describe(st.Cond), "while condition %[1]s cannot be known statically%[3]s; assumed to loop %[2]d time(s)", describe(st.Cond), c.s.cfg.UnknownLoopCount)
				}
				unknownRuns++
				b = unknownRuns <= c.s.cfg.UnknownLoopCount
			}
			if !b {
				return c.execBlock(fr, st.Else)
			}
			k, v, err := c.execBlock(fr, st.Body)
			if err != nil || k == ctrlReturn {
				return k, v, err
			}
			if k == ctrlBreak {
				return ctrlNext, nil, nil
			}
		}
	case *Break:
		return ctrlBreak, nil, nil
	case *Continue:
		return ctrlContinue, nil, nil
	case *Pass:
		return ctrlNext, nil, nil
	case *Return:
		if st.Value == nil {
			return ctrlReturn, nil, nil
		}
		v, err := c.eval(fr, st.Value)
		return ctrlReturn, v, err
	case *Raise:
		return ctrlNext, nil, c.execRaise(fr, st)
	case *Try:
		return c.execTry(fr, st)
	case *With:
		return c.execWith(fr, st.Items, st)
	case *FuncDef:
		fv, err := c.makeFunc(fr, st.Func, nil)
		if err != nil {
			return ctrlNext, nil, err
		}
		fr.set(st.Func.Name, fv)
		return ctrlNext, nil, nil
	case *ClassDef:
		return ctrlNext, nil, c.execClass(fr, st)
	case *Import:
		if c.execImport(fr, st) {
			return ctrlNext, nil, nil
		}
		name := st.As
		if name == "" {
			name = strings.SplitN(st.Module, ".", 2)[0]
			fr.set(name, &Module{Qual: name})
			return ctrlNext, nil, nil
		}
		fr.set(name, resolveQual(st.Module))
		return ctrlNext, nil, nil
	case *ImportFrom:
		if c.execImportFrom(fr, st) {
			return ctrlNext, nil, nil
		}
		if st.Level > 0 {
			// Not a module of the project the simulation was given.
			c.s.assume(st.P, 0.8, "%s is not simulated; assumed to take no time", "relative import")
			return ctrlNext, nil, nil
		}
		for _, n := range st.Names {
			if n[0] == "*" {
				c.s.assume(st.P, 0.9, "names from \"from %s import *\" are not tracked", st.Module)
				continue
			}
			fr.set(n[1], resolveQual(st.Module+"."+n[0]))
		}
		return ctrlNext, nil, nil
	case *Global:
		if st.Nonlocal {
			if fr.nonlocal == nil {
				fr.nonlocal = map[string]bool{}
			}
			for _, n := range st.Names {
				fr.nonlocal[n] = true
			}
			return ctrlNext, nil, nil
		}
		if fr.globalDecl == nil {
			fr.globalDecl = map[string]bool{}
		}
		for _, n := range st.Names {
			fr.globalDecl[n] = true
		}
		return ctrlNext, nil, nil
	case *Match:
		return c.execMatch(fr, st)
	case *Mark:
		if c.s.marks == nil {
			c.s.marks = map[int][]MarkTime{}
		}
		c.s.marks[st.ID] = append(c.s.marks[st.ID], MarkTime{At: c.now(), Work: c.s.work})
		return ctrlNext, nil, nil
	case *Unsupported:
		c.s.assume(st.P, 0.8, "%s is not simulated; assumed to take no time", st.What)
		return ctrlNext, nil, nil
	}
	return ctrlNext, nil, fmt.Errorf("loopsim: unknown statement %T", st)
}

func (c *ctx) execFor(fr *frame, st *For) (ctrl, Value, error) {
	it, err := c.eval(fr, st.Iter)
	if err != nil {
		return ctrlNext, nil, err
	}
	var res ctrl
	var rv Value
	broke := false
	iterate := c.forEach
	if st.Async {
		iterate = c.forEachAsync
	}
	if isUnknown(it) {
		c.s.assumeOn(st.P, 0.5, it, describe(st.Iter), "the number of items of %[1]s is unknown%[3]s; the loop is assumed to run %[2]d time(s)", describe(st.Iter), c.s.cfg.UnknownLoopCount)
		it = unknownItems(c.s.cfg.UnknownLoopCount, it)
	}
	defer c.enterLoop("for", st.Iter, st.P.Line)()
	err = iterate(it, st.P, func(v Value) (bool, error) {
		c.tick(st.P)
		c.s.cpu(0.5) // a for iteration costs about 23 ns before its body
		if err := c.assign(fr, st.Target, v); err != nil {
			return true, err
		}
		k, val, err := c.execBlock(fr, st.Body)
		if err != nil {
			return true, err
		}
		switch k {
		case ctrlReturn:
			res, rv = ctrlReturn, val
			return true, nil
		case ctrlBreak:
			broke = true
			return true, nil
		}
		return false, nil
	})
	if err != nil || res == ctrlReturn {
		return res, rv, err
	}
	if !broke {
		return c.execBlock(fr, st.Else)
	}
	return ctrlNext, nil, nil
}

// forEach iterates a value; fn returns stop=true to end early.
func (c *ctx) forEach(v Value, p Pos, each func(Value) (bool, error)) error {
	// Every element counts against the allocation budget: builtins such
	// as list() and sorted() iterate without interpreted steps.
	fn := func(v Value) (bool, error) {
		c.produce(1, p)
		return each(v)
	}
	if cl, ok := v.(*Class); ok && cl.Members != nil {
		members := &List{Kind: "list"}
		for _, m := range cl.Members {
			members.Elems = append(members.Elems, m)
		}
		v = members
	}
	if in, ok := v.(*Instance); ok && in.Class.Tuple {
		v = in.Class.compareKey(in)
	} else if ok {
		// a class with __iter__ (often a generator method)
		if m, err := c.getAttr(c.s.globals, in, "__iter__", p); err == nil {
			it, err := c.call(m, nil, nil, p)
			if err != nil {
				return err
			}
			if it == v {
				return newExc("TypeError", "%s.__iter__ returned itself; __next__ is not simulated (line %d)", in.Class.Name, p.Line)
			}
			return c.forEach(it, p, fn)
		}
	}
	switch x := v.(type) {
	case *List:
		if x.Iter {
			for len(x.Elems) > 0 {
				e := x.Elems[0]
				x.Elems = x.Elems[1:]
				if stop, err := fn(e); stop || err != nil {
					return err
				}
			}
			return nil
		}
		elems := x.Elems
		if x.Kind != "list" {
			elems = append([]Value(nil), elems...)
		}
		for i := 0; i < len(x.Elems) && (x.Kind == "list" || i < len(elems)); i++ {
			e := elems[i]
			if x.Kind == "list" {
				e = x.Elems[i]
			}
			if stop, err := fn(e); stop || err != nil {
				return err
			}
		}
		return nil
	case *Range:
		n := x.length()
		for i := int64(0); i < n; i++ {
			if stop, err := fn(x.Start + i*x.Step); stop || err != nil {
				return err
			}
		}
		return nil
	case *Dict:
		keys := append([]Value(nil), x.Keys...)
		for _, k := range keys {
			if stop, err := fn(k); stop || err != nil {
				return err
			}
		}
		return nil
	case string:
		for _, r := range x {
			if stop, err := fn(string(r)); stop || err != nil {
				return err
			}
		}
		return nil
	case *Bytes:
		c.realBytes(x, p)
		for _, b := range append([]byte(nil), x.B...) {
			if stop, err := fn(int64(b)); stop || err != nil {
				return err
			}
		}
		return nil
	case *Generator:
		if x.Async {
			return newExc("TypeError", "'async_generator' object is not iterable (line %d)", p.Line)
		}
		return c.iterGenerator(x, p, fn)
	case *UnknownValue, *External, *RandomValue:
		c.s.assumeOn(p, 0.5, v, repr(v), "the number of items in %[1]s is unknown%[3]s; assumed %[2]d", repr(v), c.s.cfg.UnknownLoopCount)
		for i := 0; i < c.s.cfg.UnknownLoopCount; i++ {
			if stop, err := fn(derivedUnknown("item of "+whyOf(v), v)); stop || err != nil {
				return err
			}
		}
		return nil
	}
	return newExc("TypeError", "'%s' object is not iterable", typeName(v))
}

// unknownItems stands for an iterable of unknown length.
func unknownItems(n int, of Value) *List {
	l := &List{Kind: "list"}
	for range n {
		l.Elems = append(l.Elems, derivedUnknown("item of "+whyOf(of), of))
	}
	return l
}

func (c *ctx) toList(v Value, p Pos) ([]Value, error) {
	var out []Value
	err := c.forEach(v, p, func(e Value) (bool, error) {
		c.grow(len(out), "a list")
		out = append(out, e)
		return false, nil
	})
	return out, err
}

func (c *ctx) execRaise(fr *frame, st *Raise) error {
	if st.Exc == nil {
		if len(c.handling) == 0 {
			return newExc("RuntimeError", "No active exception to reraise")
		}
		return c.handling[len(c.handling)-1]
	}
	v, err := c.eval(fr, st.Exc)
	if err != nil {
		return err
	}
	exc := c.toExc(v, st.P)
	e, ok := exc.(*Exc)
	if !ok {
		return exc
	}
	// __context__ is the exception being handled; `from` sets __cause__.
	if len(c.handling) > 0 && c.handling[len(c.handling)-1] != e {
		e.Context = c.handling[len(c.handling)-1]
	}
	if st.Cause != nil {
		cv, err := c.eval(fr, st.Cause)
		if err != nil {
			return err
		}
		e.Cause = nil
		if cv != nil {
			ce, ok := c.toExc(cv, st.P).(*Exc)
			if !ok {
				return newExc("TypeError", "exception causes must derive from BaseException (line %d)", st.P.Line)
			}
			e.Cause = ce
		}
	}
	return e
}

func (c *ctx) toExc(v Value, p Pos) error {
	switch x := v.(type) {
	case *Exc:
		return x
	case *Class:
		if x.IsExc {
			return c.newExcFromClass(x, nil)
		}
	case *UnknownValue, *External, *RandomValue:
		c.s.assume(p, 0.8, "raised exception of unknown type; assumed Exception")
		return &Exc{Type: "Exception"}
	}
	return newExc("TypeError", "exceptions must derive from BaseException")
}

func (c *ctx) newExcFromClass(cl *Class, args []Value) *Exc {
	e := &Exc{Args: args, User: true}
	if b, ok := cl.Attrs["__builtin_exc__"].(string); ok {
		e.Type = b
	} else {
		e.Type, e.Class = cl.Name, cl
	}
	if len(args) > 0 {
		e.Msg = repr(args[0])
	}
	if e.Type == "ExceptionGroup" || e.Type == "BaseExceptionGroup" {
		if len(args) > 1 {
			if l, ok := args[1].(*List); ok {
				for _, m := range l.Elems {
					if me, ok := m.(*Exc); ok {
						e.Group = append(e.Group, me)
					}
				}
			}
		}
	}
	return e
}

func (c *ctx) handlerMatches(fr *frame, h Handler, e *Exc) (bool, error) {
	if h.Types == nil {
		return true, nil
	}
	for _, te := range h.Types {
		tv, err := c.eval(fr, te)
		if err != nil {
			return false, err
		}
		var classes []Value
		if l, ok := tv.(*List); ok {
			classes = l.Elems
		} else {
			classes = []Value{tv}
		}
		for _, cv := range classes {
			cl, ok := cv.(*Class)
			if !ok {
				if isUnknown(cv) {
					c.s.assume(h.P, 0.8, "except clause with unknown exception type; assumed it does not match")
				}
				continue
			}
			if excIsSubclass(e, "", cl) {
				return true, nil
			}
			// except* T matches a group containing T.
			for _, m := range e.Group {
				if excIsSubclass(m, "", cl) {
					return true, nil
				}
			}
		}
	}
	return false, nil
}

func (c *ctx) execTry(fr *frame, st *Try) (ctrl, Value, error) {
	k, v, err := c.execBlock(fr, st.Body)
	if e, ok := err.(*Exc); ok && len(st.Handlers) > 0 {
		for _, h := range st.Handlers {
			m, herr := c.handlerMatches(fr, h, e)
			if herr != nil {
				k, v, err = ctrlNext, nil, herr
				break
			}
			if !m {
				continue
			}
			if h.Name != "" {
				fr.set(h.Name, e)
			}
			c.handling = append(c.handling, e)
			k, v, err = c.execBlock(fr, h.Body)
			c.handling = c.handling[:len(c.handling)-1]
			break
		}
	} else if err == nil && k == ctrlNext && len(st.Else) > 0 {
		k, v, err = c.execBlock(fr, st.Else)
	}
	if len(st.Finally) > 0 {
		fk, fv, ferr := c.execBlock(fr, st.Finally)
		if ferr != nil || fk != ctrlNext {
			return fk, fv, ferr
		}
	}
	return k, v, err
}

func (c *ctx) makeFunc(fr *frame, fn *Func, class *Class) (Value, error) {
	return c.makeFuncIn(fr, fr, fn, class)
}

// makeFuncIn makes a function closing over fr whose decorators are
// evaluated in decoFr (a class body, for a method: `@x.setter` names the
// property x defined above it).
func (c *ctx) makeFuncIn(fr, decoFr *frame, fn *Func, class *Class) (Value, error) {
	fv := &FuncVal{Fn: fn, Closure: fr, Class: class, globals: fr.globals}
	if fr == fr.globals {
		fv.Closure = nil
	}
	fv.defaults = make([]Value, len(fn.Params))
	for i, p := range fn.Params {
		if p.Default != nil {
			d, err := c.eval(fr, p.Default)
			if err != nil {
				return nil, err
			}
			fv.defaults[i] = d
		}
	}
	var out Value = fv
	for i := len(fn.Decorators) - 1; i >= 0; i-- {
		d := fn.Decorators[i]
		dv, err := c.eval(decoFr, d)
		if err != nil {
			return nil, err
		}
		switch x := dv.(type) {
		case *propertySetter:
			withSetter := *x.prop
			withSetter.setter = fv
			out = &withSetter
		case *FuncVal, *LambdaVal:
			r, err := c.call(x, []Value{out}, nil, d.exprPos())
			if err != nil {
				return nil, err
			}
			out = r
		case *Builtin:
			if x.Qual == "contextlib.asynccontextmanager" || x.Qual == "contextlib.contextmanager" {
				out = &CMFactory{Fn: out, Async: x.Qual == "contextlib.asynccontextmanager"}
				continue
			}
			if x.Qual == "staticmethod" {
				fv.static = true
				continue
			}
			if x.Qual == "classmethod" {
				fv.classMethod = true
				continue
			}
			if x.Qual == "property" || x.Qual == "functools.cached_property" {
				fv.property = true
				continue
			}
			if strings.HasPrefix(x.Qual, "functools.") {
				continue
			}
			c.s.assume(fn.P, 0.9, "decorator %s on %s is ignored", x.Qual, fn.Name)
		case *External:
			if pylib.Is(x.Qual, pylib.KeepsBehaviour) {
				continue
			}
			c.s.assume(fn.P, 0.9, "decorator %s on %s is ignored", describe(d), fn.Name)
		default:
			c.s.assume(fn.P, 0.9, "decorator %s on %s is ignored", describe(d), fn.Name)
		}
	}
	return out, nil
}

func (c *ctx) execClass(fr *frame, st *ClassDef) error {
	cl := &Class{Name: st.Name, Attrs: map[string]Value{}}
	withFields, isEnum := false, false
	for _, d := range st.Decorators {
		dv, err := c.eval(fr, d)
		if err != nil {
			return err
		}
		if b, ok := dv.(*Builtin); ok && b.Qual == "dataclasses.dataclass" {
			withFields = true
			cl.DataEq = true
			if o, ok := b.Self.(*dataclassOpts); ok {
				cl.DataEq, cl.DataOrder = o.eq, o.order
			}
		}
	}
	for _, b := range st.Bases {
		bv, err := c.eval(fr, b)
		if err != nil {
			return err
		}
		if isTypedDict(bv) {
			// At run time a TypedDict class makes plain dicts.
			fr.set(st.Name, &Builtin{Qual: "dict"})
			return nil
		}
		if bb, ok := bv.(*Builtin); ok && bb.Qual == "typing.NamedTuple" {
			withFields = true
			cl.Tuple, cl.DataEq, cl.DataOrder = true, true, true
			continue
		}
		if bb, ok := bv.(*Builtin); ok && enumBases[bb.Qual] != 0 {
			isEnum = true
			cl.MixinValue = cl.MixinValue || enumBases[bb.Qual] == 2
			cl.Flag = cl.Flag || bb.Qual == "enum.Flag" || bb.Qual == "enum.IntFlag"
			continue
		}
		if bc, ok := bv.(*Class); ok {
			cl.Bases = append(cl.Bases, bc)
			if bc.IsExc {
				cl.IsExc = true
			}
			if bc.Members != nil {
				isEnum = true
				cl.MixinValue = cl.MixinValue || bc.MixinValue
				cl.Flag = cl.Flag || bc.Flag
			}
		}
	}
	body := newFrame(fr, fr.globals)
	for _, s := range st.Body {
		if fd, ok := s.(*FuncDef); ok {
			fv, err := c.makeFuncIn(fr, body, fd.Func, cl)
			if err != nil {
				return err
			}
			body.set(fd.Func.Name, fv) // later decorators may name it
			continue
		}
		if _, _, err := c.exec(body, s); err != nil {
			return err
		}
	}
	for k, v := range body.vars {
		cl.Attrs[k] = v
	}
	if isEnum {
		c.makeEnumMembers(cl, st, body)
	}
	if withFields {
		cl.Defaults = map[string]Value{}
		for _, b := range cl.Bases {
			for _, f := range b.Fields {
				cl.Fields = append(cl.Fields, f)
				if d, ok := b.Defaults[f]; ok {
					cl.Defaults[f] = d
				}
			}
		}
		for _, f := range st.Fields {
			cl.Fields = append(cl.Fields, f.Name)
			if v, ok := body.vars[f.Name]; ok {
				cl.Defaults[f.Name] = v
			}
		}
		cl.NoCompare = map[string]bool{}
		for _, b := range cl.Bases {
			for f := range b.NoCompare {
				cl.NoCompare[f] = true
			}
		}
		for f, d := range cl.Defaults {
			if fs, ok := d.(*FieldSpec); ok && fs.NoCompare {
				cl.NoCompare[f] = true
			}
		}
	}
	fr.set(st.Name, cl)
	return c.initSubclass(fr, cl, st)
}

// isTypedDict reports typing.TypedDict (or typing_extensions') as a base.
func isTypedDict(v Value) bool {
	switch x := v.(type) {
	case *Builtin:
		return x.Qual == "typing.TypedDict"
	case *External:
		return x.Qual == "typing.TypedDict" || x.Qual == "typing_extensions.TypedDict"
	}
	return false
}

// initSubclass runs the nearest base's __init_subclass__ (an implicit
// classmethod) with the class keywords.
func (c *ctx) initSubclass(fr *frame, cl *Class, st *ClassDef) error {
	var kws []kwarg
	for _, a := range st.Keywords {
		v, err := c.eval(fr, a.Value)
		if err != nil {
			return err
		}
		if a.Name == "metaclass" {
			c.s.notModelled(st.P, "metaclass")
			continue
		}
		kws = append(kws, kwarg{a.Name, v})
	}
	for _, b := range cl.Bases {
		v, ok := b.lookup("__init_subclass__")
		if !ok {
			continue
		}
		fv, ok := v.(*FuncVal)
		if !ok {
			break
		}
		bound := *fv
		bound.Self = cl
		bound.Class = b
		_, err := c.callFunc(&bound, nil, kws, st.P)
		return err
	}
	if len(kws) > 0 {
		c.s.notModelled(st.P, "class keywords without __init_subclass__")
	}
	return nil
}

// initFields is the generated __init__ of a dataclass or NamedTuple.
func (c *ctx) initFields(cl *Class, inst *Instance, args []Value, kws []kwarg, p Pos) error {
	if len(args) > len(cl.Fields) {
		return newExc("TypeError", "%s() takes %d positional arguments but %d were given (line %d)", cl.Name, len(cl.Fields), len(args), p.Line)
	}
	for i, f := range cl.Fields {
		if i < len(args) {
			inst.Attrs[f] = args[i]
		}
	}
	for _, kw := range kws {
		inst.Attrs[kw.Name] = kw.Value
	}
	for _, f := range cl.Fields {
		if _, ok := inst.Attrs[f]; ok {
			continue
		}
		d, ok := cl.Defaults[f]
		if !ok {
			return newExc("TypeError", "%s() missing required argument '%s' (line %d)", cl.Name, f, p.Line)
		}
		if fs, ok := d.(*FieldSpec); ok {
			switch {
			case fs.Factory != nil:
				v, err := c.call(fs.Factory, nil, nil, p)
				if err != nil {
					return err
				}
				d = v
			case fs.HasDef:
				d = fs.Default
			default:
				return newExc("TypeError", "%s() missing required argument '%s' (line %d)", cl.Name, f, p.Line)
			}
		}
		inst.Attrs[f] = d
	}
	return nil
}

func (cl *Class) lookup(name string) (Value, bool) {
	for k := cl; k != nil; {
		if v, ok := k.Attrs[name]; ok {
			return v, true
		}
		if len(k.Bases) == 0 {
			break
		}
		for _, b := range k.Bases[1:] {
			if v, ok := b.lookup(name); ok {
				return v, true
			}
		}
		k = k.Bases[0]
	}
	return nil, false
}

func (c *ctx) assign(fr *frame, target Expr, v Value) error {
	switch t := target.(type) {
	case *Name:
		fr.set(t.ID, v)
		return nil
	case *ListExpr:
		if isUnknown(v) {
			// as many values as targets (else Python raises): no count to assume
			for _, e := range t.Elts {
				if s, ok := e.(*Starred); ok {
					e = s.X
				}
				if err := c.assign(fr, e, derivedUnknown("unpacked unknown", v)); err != nil {
					return err
				}
			}
			return nil
		}
		vals, err := c.toList(v, t.P)
		if err != nil {
			return err
		}
		star := -1
		for i, e := range t.Elts {
			if _, ok := e.(*Starred); ok {
				star = i
			}
		}
		if star < 0 {
			if len(vals) != len(t.Elts) {
				return newExc("ValueError", "cannot unpack %d values into %d targets (line %d)", len(vals), len(t.Elts), t.P.Line)
			}
			for i, e := range t.Elts {
				if err := c.assign(fr, e, vals[i]); err != nil {
					return err
				}
			}
			return nil
		}
		after := len(t.Elts) - star - 1
		if len(vals) < star+after {
			return newExc("ValueError", "not enough values to unpack (line %d)", t.P.Line)
		}
		for i := 0; i < star; i++ {
			if err := c.assign(fr, t.Elts[i], vals[i]); err != nil {
				return err
			}
		}
		mid := &List{Kind: "list", Elems: append([]Value(nil), vals[star:len(vals)-after]...)}
		if err := c.assign(fr, t.Elts[star].(*Starred).X, mid); err != nil {
			return err
		}
		for i := 0; i < after; i++ {
			if err := c.assign(fr, t.Elts[star+1+i], vals[len(vals)-after+i]); err != nil {
				return err
			}
		}
		return nil
	case *Starred:
		return c.assign(fr, t.X, v)
	case *Attr:
		obj, err := c.eval(fr, t.X)
		if err != nil {
			return err
		}
		switch o := obj.(type) {
		case *Instance:
			if pv, ok := o.Class.lookup(t.Name); ok {
				if prop, ok := pv.(*FuncVal); ok && prop.property {
					if prop.setter == nil {
						return newExc("AttributeError", "property '%s' of '%s' object has no setter (line %d)", t.Name, o.Class.Name, t.P.Line)
					}
					bound := *prop.setter
					bound.Self = o
					_, err := c.callFunc(&bound, []Value{v}, nil, t.P)
					return err
				}
			}
			o.Attrs[t.Name] = v
		case *Class:
			o.Attrs[t.Name] = v
		case *Module:
			fr.globals.vars[o.Qual+"."+t.Name] = v
		case *UserModule:
			o.Globals.vars[t.Name] = v
		case *Exc:
			if o.Attrs == nil {
				o.Attrs = map[string]Value{}
			}
			o.Attrs[t.Name] = v
		}
		return nil
	case *Subscript:
		obj, err := c.eval(fr, t.X)
		if err != nil {
			return err
		}
		idx, err := c.eval(fr, t.Index)
		if err != nil {
			return err
		}
		switch o := obj.(type) {
		case *List:
			i, ok := toInt(idx)
			if !ok {
				return nil
			}
			if i < 0 {
				i += int64(len(o.Elems))
			}
			if i < 0 || i >= int64(len(o.Elems)) {
				return newExc("IndexError", "list assignment index out of range")
			}
			o.Elems[i] = v
		case *Dict:
			o.set(idx, v)
		}
		return nil
	}
	return fmt.Errorf("loopsim: cannot assign to %T", target)
}

func (d *Dict) index(k Value) int {
	if len(d.Keys) > 8 {
		if hk, ok := hashKey(k); ok {
			if d.hash == nil || d.hashed != len(d.Keys) {
				d.rehash()
			}
			if i, ok := d.hash[hk]; ok {
				return i
			}
			return -1
		}
	}
	for i, kk := range d.Keys {
		if eq, ok := equal(kk, k); ok && eq {
			return i
		}
	}
	return -1
}

// rehash indexes the keys that hashKey knows, so lookups in large dicts
// (a dict comprehension over a range) do not scan.
func (d *Dict) rehash() {
	d.hash = make(map[dictKey]int, len(d.Keys))
	for i, k := range d.Keys {
		if hk, ok := hashKey(k); ok {
			if _, dup := d.hash[hk]; !dup {
				d.hash[hk] = i
			}
		}
	}
	d.hashed = len(d.Keys)
}

// dictKey is a key hashKey knows: a number by its float value (as ==
// compares numbers and bools), or a string.
type dictKey struct {
	num   float64
	str   string
	isStr bool
}

// hashKey maps the keys equal() compares by value to a Go map key. Other
// keys are never equal to these.
func hashKey(k Value) (dictKey, bool) {
	k = enumValue(k)
	if f, ok := toFloat(k); ok {
		if f != f { // NaN equals nothing
			return dictKey{}, false
		}
		return dictKey{num: f}, true
	}
	if s, ok := k.(string); ok {
		return dictKey{str: s, isStr: true}, true
	}
	return dictKey{}, false
}

func (d *Dict) set(k, v Value) {
	if i := d.index(k); i >= 0 {
		d.Vals[i] = v
		return
	}
	d.Keys = append(d.Keys, k)
	d.Vals = append(d.Vals, v)
	if d.hash != nil && d.hashed == len(d.Keys)-1 {
		if hk, ok := hashKey(k); ok {
			d.hash[hk] = len(d.Keys) - 1
		}
		d.hashed = len(d.Keys)
	}
}

func (d *Dict) get(k Value) (Value, bool) {
	if i := d.index(k); i >= 0 {
		return d.Vals[i], true
	}
	return nil, false
}

// describe renders an expression briefly for assumption texts.
func describe(e Expr) string {
	switch x := e.(type) {
	case *Name:
		return x.ID
	case *Attr:
		return describe(x.X) + "." + x.Name
	case *Call:
		return describe(x.Fn) + "(...)"
	case *Const:
		return repr(x.Value)
	case *BinOp:
		return describe(x.L) + " " + x.Op + " ..."
	case *Compare:
		return describe(x.L) + " " + strings.Join(x.Ops, " ") + " ..."
	case *Await:
		return "await " + describe(x.X)
	case *Subscript:
		return describe(x.X) + "[...]"
	case *UnaryOp:
		return x.Op + " " + describe(x.X)
	case *BoolOp:
		return describe(x.Values[0]) + " " + x.Op + " ..."
	case *Unknown:
		return x.Why
	}
	return "expression"
}

func fmtDur(d float64) string {
	if d < 1 {
		return fmt.Sprintf("%.0f ms", math.Round(d*1000))
	}
	return fmt.Sprintf("%.3g s", d)
}

// enumBases are the enum module's base classes: 1 plain, 2 with a value
// mixin (members compare and compute as their values).
// Interpreter semantics of the enum module, not in pylib.
var enumBases = map[string]int{
	"enum.Enum": 1, "enum.Flag": 1,
	"enum.IntEnum": 2, "enum.StrEnum": 2, "enum.IntFlag": 2,
}

// makeEnumMembers turns the class body's plain assignments into members,
// in definition order; enum.auto() numbers from 1.
func (c *ctx) makeEnumMembers(cl *Class, st *ClassDef, body *frame) {
	cl.Members = []*Instance{}
	var last int64
	for _, s := range st.Body {
		as, ok := s.(*Assign)
		if !ok || len(as.Targets) != 1 {
			continue
		}
		nm, ok := as.Targets[0].(*Name)
		if !ok || strings.HasPrefix(nm.ID, "_") {
			continue
		}
		v, ok := body.vars[nm.ID]
		if !ok {
			continue
		}
		if _, ok := v.(*enumAuto); ok {
			if cl.Flag {
				// a Flag's auto() is the next power of two
				next := int64(1)
				for next <= last {
					next <<= 1
				}
				last = next
			} else {
				last++
			}
			v = last
		} else if i, ok := v.(int64); ok {
			last = i
		}
		// An alias (same value as an earlier member) is that member.
		var alias *Instance
		for _, m := range cl.Members {
			if eq, ok := equal(m.Attrs["value"], v); ok && eq {
				alias = m
				break
			}
		}
		if alias != nil {
			cl.Attrs[nm.ID] = alias
			continue
		}
		m := &Instance{Class: cl, Attrs: map[string]Value{"name": nm.ID, "value": v, "_name_": nm.ID, "_value_": v}}
		cl.Members = append(cl.Members, m)
		cl.Attrs[nm.ID] = m
	}
}

// flagValue is the integer value of a Flag member (or composite).
func flagValue(v Value) (*Instance, int64, bool) {
	in, ok := v.(*Instance)
	if !ok || !in.Class.Flag {
		return nil, 0, false
	}
	n, ok := in.Attrs["value"].(int64)
	return in, n, ok
}

// flagMember is the member of a Flag class with value n, or the composite
// of members Python makes (name "A|B").
func flagMember(cl *Class, n int64) *Instance {
	var names []string
	for _, m := range cl.Members {
		mv, _ := m.Attrs["value"].(int64)
		if mv == n {
			return m
		}
		if mv != 0 && mv&n == mv {
			names = append(names, m.Attrs["name"].(string))
		}
	}
	var name Value
	if len(names) > 0 {
		name = strings.Join(names, "|")
	}
	return &Instance{Class: cl, Attrs: map[string]Value{"name": name, "value": n, "_name_": name, "_value_": n}}
}

// mutatesArgs reports an unmodelled call that gets a list or dict it may
// change (bisect.insort, json.load into, a library filling a buffer);
// logging and printing only read their arguments.
func mutatesArgs(qual string, args []Value) bool {
	if strings.HasPrefix(qual, "logging.") || strings.HasPrefix(qual, "json.dump") || strings.HasPrefix(qual, "pprint.") ||
		strings.HasSuffix(qual, ".debug") || strings.HasSuffix(qual, ".info") || strings.HasSuffix(qual, ".warning") ||
		strings.HasSuffix(qual, ".error") || strings.HasSuffix(qual, ".exception") {
		return false
	}
	for _, a := range args {
		switch a.(type) {
		case *List, *Dict:
			return true
		}
	}
	return false
}

// guardClause reports an `if` whose body ends by raising and whose else
// branch (if any) does not: the check of a precondition. Unknown, its
// condition is taken to be false, the path on which the program goes on.
func guardClause(st *If) bool {
	endsRaising := func(b []Stmt) bool {
		if len(b) == 0 {
			return false
		}
		_, ok := b[len(b)-1].(*Raise)
		return ok
	}
	return endsRaising(st.Body) && !endsRaising(st.Else)
}
