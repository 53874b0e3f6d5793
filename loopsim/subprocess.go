package loopsim

import (
	"strconv"
	"strings"
)

// Subprocess costs measured with CPython 3.11 on Linux: spawning a child
// (fork/exec, held by the caller), noticing its exit (the child watcher),
// a shell in between, and a Python interpreter's start-up.
const (
	spawnCost       = 0.001
	exitNoticeCost  = 0.0015
	shellCost       = 0.001
	pythonStartCost = 0.025
)

// ProcessObj is an asyncio.subprocess.Process.
type ProcessObj struct {
	end float64
}

// commandDuration estimates how long a command runs: `sleep N` is known,
// a Python interpreter costs its start-up plus unknown work, anything else
// is unknown (ok false).
func commandDuration(argv []Value) (d float64, known bool, python bool) {
	if len(argv) == 0 {
		return 0, false, false
	}
	prog, _ := argv[0].(string)
	if e, ok := argv[0].(*External); ok && e.Qual == "sys.executable" {
		prog = "python3"
	}
	base := prog[strings.LastIndexByte(prog, '/')+1:]
	switch {
	case base == "sleep" && len(argv) == 2:
		if s, ok := argv[1].(string); ok {
			if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 {
				return f, true, false
			}
		}
	case base == "true" || base == "false" || base == "echo":
		return 0, true, false
	case strings.HasPrefix(base, "python"):
		return pythonStartCost, false, true
	}
	return 0, false, false
}

// shellWords splits a simple shell command ("sleep 0.1").
func shellWords(cmd string) []Value {
	var out []Value
	for _, w := range strings.Fields(cmd) {
		out = append(out, w)
	}
	return out
}

// spawn starts a child process from the current context and returns
// when it will have exited.
func (c *ctx) spawn(argv []Value, shell bool, p Pos, what string) float64 {
	d, known, python := commandDuration(argv)
	switch {
	case python:
		c.s.assume(p, 0.6, "%s runs a Python program: its start-up is estimated at %s, its own work is unknown", what, fmtDur(pythonStartCost))
	case !known:
		c.s.assume(p, 0.5, "%s runs a command of unknown duration; counted as 0 s", what)
	}
	c.s.block(c, spawnCost, p, what)
	if shell {
		d += shellCost
	}
	return c.now() + d + exitNoticeCost
}

func argvOf(c *ctx, args []Value, p Pos) []Value {
	if len(args) == 1 {
		if l, ok := args[0].(*List); ok {
			return l.Elems
		}
		if s, ok := args[0].(string); ok {
			return shellWords(s)
		}
	}
	return args
}

// callSubprocess handles asyncio.create_subprocess_* and the blocking
// subprocess.run family; ok is false for calls it does not model.
func (c *ctx) callSubprocess(q string, args []Value, kws []kwarg, p Pos) (Value, bool) {
	switch q {
	case "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell":
		shell := q == "asyncio.create_subprocess_shell"
		argv := args
		if shell && len(args) >= 1 {
			s, _ := args[0].(string)
			argv = shellWords(s)
		}
		return coro("create_subprocess", p, func(c *ctx) (Value, error) {
			return &ProcessObj{end: c.spawn(argv, shell, p, q)}, nil
		}), true
	case "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output":
		shell := false
		if v, ok := argAt(nil, kws, -1, "shell"); ok {
			shell, _ = truth(v)
		}
		if len(args) == 0 {
			return nil, false
		}
		end := c.spawn(argvOf(c, args[:1], p), shell, p, q)
		if d := end - c.now(); d > 0 {
			c.s.block(c, d, p, q)
		}
		return &UnknownValue{Why: "result of " + q, From: &Outside{What: "the output of " + q, Line: p.Line}}, true
	}
	return nil, false
}

func (c *ctx) processMethod(o *ProcessObj, name string, p Pos) (Value, error) {
	switch name {
	case "wait", "communicate":
		return coro("Process."+name, p, func(c *ctx) (Value, error) {
			if d := o.end - c.now(); d > 0 {
				if err := c.sleep(d, SpanIO, "subprocess", p); err != nil {
					return nil, err
				}
			}
			if name == "communicate" {
				return &List{Kind: "tuple", Elems: []Value{&UnknownValue{Why: "stdout", From: &Outside{What: "a subprocess's output", Line: p.Line}}, &UnknownValue{Why: "stderr", From: &Outside{What: "a subprocess's output", Line: p.Line}}}}, nil
			}
			return int64(0), nil
		}), nil
	case "kill", "terminate", "send_signal":
		o.end = c.now()
		return nil, nil
	}
	return c.unmodelled(p, "Process."+name), nil
}
