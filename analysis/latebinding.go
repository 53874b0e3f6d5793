package analysis

// Late binding of self: a method a base class defines and calls through
// self (`return self.process(msg)`, with `process` only an abstract hook in
// the base) runs the subclass's definition when called on a subclass
// instance. Asking "does this synchronous method return a coroutine?" for
// a call on an instance of a known class must look self's methods up from
// that class, not from the class that defines the method.

// ReturnsCoroutineFor reports whether the synchronous function f returns a
// coroutine on some path when called with self an instance of class self
// (nil: unknown, or f is no method): some return statement returns a call
// of a coroutine function, or of a synchronous function of the project
// that does so in turn (through at most six such calls). A call through
// f's self parameter is looked up from self's class, so a base class's
// `def on_message(self, m): return self.process(m)` reaching an abstract
// `def on_start(self, ...): raise NotImplementedError` returns a coroutine
// for a subclass that defines `async def on_start`. asked is called with
// each method the answer asked Project.IsCoroutineFunction's overriding
// question about (may be nil).
func (p *Project) ReturnsCoroutineFor(self *Class, f *Function, asked func(*Function)) bool {
	return p.returnsCoroutineFor(self, f, asked, 0, map[*Function]bool{})
}

func (p *Project) returnsCoroutineFor(self *Class, f *Function, asked func(*Function), depth int, seen map[*Function]bool) bool {
	if f == nil || f.Async || f.Generator || f.Lambda || depth > 6 || seen[f] {
		return false
	}
	seen[f] = true
	for _, ret := range f.returnStatements() {
		named := ret.NamedChildren()
		if len(named) != 1 {
			continue
		}
		value := Unparen(named[0])
		if value.Type() != "call" {
			continue
		}
		for _, c := range f.Calls {
			if c.Node != value {
				continue
			}
			if m := p.selfMethod(self, c); m != nil {
				if m.isCoroutineFunctionIn(p) || p.returnsCoroutineFor(self, m, asked, depth+1, seen) {
					return true
				}
				continue
			}
			if p.isCoroutineFunctionCall(c, asked) {
				return true
			}
			if t := p.Target(c); t != nil && !t.Async && p.returnsCoroutineFor(nil, t, asked, depth+1, seen) {
				return true
			}
		}
	}
	return false
}

// selfMethod returns the method a call `self.name(...)` in f runs for an
// instance of class self, or nil when the call is not through f's self
// parameter (Call.SelfClass) or the class has no such method.
func (p *Project) selfMethod(self *Class, c *Call) *Function {
	if self == nil || c.SelfClass() == nil {
		return nil
	}
	fn := c.Node.ChildByField("function")
	return p.projectMethod(self, c.Func.module.File.Text(fn.ChildByField("attribute")), 0)
}

// SelfClass returns the class of the method call c is made in when c calls
// an attribute of that method's self parameter (`self.m(...)`), nil for any
// other call: also in a staticmethod or classmethod, whose first parameter
// is no instance of the class.
func (c *Call) SelfClass() *Class {
	f := c.Func
	if f == nil || f.Class == nil || len(f.Params) == 0 || f.decoratedWith("staticmethod") || f.decoratedWith("classmethod") {
		return nil
	}
	fn := c.Node.ChildByField("function")
	if fn == nil || fn.Type() != "attribute" {
		return nil
	}
	obj := fn.ChildByField("object")
	if obj == nil || obj.Type() != "identifier" || f.module.File.Text(obj) != f.Params[0] {
		return nil
	}
	return f.Class
}
