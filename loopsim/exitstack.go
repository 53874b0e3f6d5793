package loopsim

// ExitStack is contextlib.ExitStack / AsyncExitStack: context managers and
// callbacks entered one by one, exited in reverse order when the stack
// closes.
type ExitStack struct {
	Async bool
	exits []func(error) error
}

// unwind runs the registered exits, last first, threading the error
// through as Python does (an exit may swallow or replace it).
func (x *ExitStack) unwind(err error) error {
	for len(x.exits) > 0 {
		exit := x.exits[len(x.exits)-1]
		x.exits = x.exits[:len(x.exits)-1]
		err = exit(err)
	}
	return err
}

// doneWith is an already finished future holding v: methods of
// AsyncExitStack are coroutines, and the work they do happens where they
// are called, which is where they are awaited in practice.
func (c *ctx) doneWith(v Value) *Future {
	f := c.s.newFuture()
	f.setResult(v)
	return f
}

func (c *ctx) exitStackMethod(x *ExitStack, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	switch name {
	case "enter_context", "enter_async_context":
		if len(args) != 1 {
			break
		}
		async := name == "enter_async_context"
		val, exit, err := c.enter(args[0], async, p, nil)
		if err != nil {
			return nil, err
		}
		x.exits = append(x.exits, exit)
		if async {
			return c.doneWith(val), nil
		}
		return val, nil
	case "callback", "push_async_callback":
		if len(args) < 1 {
			break
		}
		fn, rest := args[0], append([]Value(nil), args[1:]...)
		async := name == "push_async_callback"
		x.exits = append(x.exits, func(err error) error {
			r, cerr := c.call(fn, rest, kws, p)
			if cerr == nil && async {
				_, cerr = c.await(r, p, "exit callback")
			}
			if cerr != nil {
				return cerr
			}
			return err
		})
		if async {
			return fn, nil
		}
		return fn, nil
	case "close", "aclose":
		err := x.unwind(nil)
		if err != nil {
			return nil, err
		}
		if name == "aclose" {
			return c.doneWith(nil), nil
		}
		return nil, nil
	case "pop_all":
		moved := &ExitStack{Async: x.Async, exits: x.exits}
		x.exits = nil
		return moved, nil
	}
	return c.unmodelled(p, "ExitStack."+name), nil
}
