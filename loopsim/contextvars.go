package loopsim

import "maps"

// ContextVar is contextvars.ContextVar. asyncio runs each task in a copy of
// the context it was created in, so a task sees the values set before its
// creation and its own sets stay its own.
type ContextVar struct {
	Name       string
	Default    Value
	HasDefault bool
}

// contextToken is what ContextVar.set returns, for reset.
type contextToken struct {
	v   *ContextVar
	old Value
	had bool
}

// contextVars is the context the running code sees: the current task's,
// else the one of the code outside tasks (a worker thread sees the task
// that started it, as to_thread copies the context).
func (c *ctx) contextVars() map[*ContextVar]Value {
	if t := c.s.current; t != nil {
		if t.vars == nil {
			t.vars = map[*ContextVar]Value{}
		}
		return t.vars
	}
	if c.s.vars == nil {
		c.s.vars = map[*ContextVar]Value{}
	}
	return c.s.vars
}

// inheritContext gives a new task a copy of its creator's context.
func (s *Sim) inheritContext(t *Task) {
	from := s.vars
	if s.current != nil {
		from = s.current.vars
	}
	if len(from) > 0 {
		t.vars = maps.Clone(from)
	}
}

func (c *ctx) newContextVar(args []Value, kws []kwarg, p Pos) (Value, error) {
	name, _ := argAt(args, kws, 0, "name")
	n, ok := name.(string)
	if !ok {
		return nil, newExc("TypeError", "ContextVar() needs a name (line %d)", p.Line)
	}
	v := &ContextVar{Name: n}
	v.Default, v.HasDefault = argAt(nil, kws, -1, "default")
	return v, nil
}

func (c *ctx) contextVarMethod(v *ContextVar, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	vars := c.contextVars()
	switch name {
	case "get":
		if val, ok := vars[v]; ok {
			return val, nil
		}
		if d, ok := argAt(args, kws, 0, "default"); ok {
			return d, nil
		}
		if v.HasDefault {
			return v.Default, nil
		}
		return nil, newExc("LookupError", "<ContextVar name='%s'> (line %d)", v.Name, p.Line)
	case "set":
		if len(args) != 1 {
			break
		}
		old, had := vars[v]
		vars[v] = args[0]
		return &contextToken{v: v, old: old, had: had}, nil
	case "reset":
		if len(args) != 1 {
			break
		}
		tok, ok := args[0].(*contextToken)
		if !ok || tok.v != v {
			return nil, newExc("ValueError", "token created by a different ContextVar (line %d)", p.Line)
		}
		if tok.had {
			vars[v] = tok.old
		} else {
			delete(vars, v)
		}
		return nil, nil
	}
	return c.unmodelled(p, "contextvars.ContextVar."+name), nil
}
