package loopsim

import "math"

// ClockReading is a value read from a clock (time.time(), time.monotonic(),
// loop.time(), datetime.now()). Its origin is unknowable statically (the
// time of day, the machine's boot time), so the reading is Scale*origin + K
// with K known: differences and comparisons of readings of the same clock
// are exact, a reading plus a duration is a reading, and anything else
// (printing it, its hour, reading % 60, comparing it with a constant) is
// unknown and says that it depends on the clock.
type ClockReading struct {
	Clock string  // "wall", "monotonic", "perf_counter", "process"
	Name  string  // the call that produced it, for assumptions
	Line  int     // where it was read
	Scale float64 // 1 for seconds, 1e9 for *_ns, 1000 after * 1000
	K     float64
	Date  bool // a datetime.datetime
}

// Timedelta is datetime.timedelta, in seconds.
type Timedelta struct{ S float64 }

// clockWhy names what a reading depends on.
func (r *ClockReading) why() string {
	if r.Clock == "wall" {
		return "the time of day (" + r.Name + ")"
	}
	return "the clock's origin (" + r.Name + ")"
}

// unknown is a value computed from r that needs the clock's origin (the
// hour, r % 60, r compared with a constant): read from outside the program.
func (r *ClockReading) unknown() *UnknownValue {
	return &UnknownValue{Why: r.why(), From: &Outside{What: r.why(), Line: r.Line}}
}

// clockQuals maps clock functions to their clock and unit scale.
var clockQuals = map[string]struct {
	clock string
	scale float64
}{
	"time.time":                       {"wall", 1},
	"time.time_ns":                    {"wall", 1e9},
	"time.monotonic":                  {"monotonic", 1},
	"time.monotonic_ns":               {"monotonic", 1e9},
	"time.perf_counter":               {"perf_counter", 1},
	"time.perf_counter_ns":            {"perf_counter", 1e9},
	"time.process_time":               {"process", 1},
	"datetime.datetime.now":           {"wall", 1},
	"datetime.datetime.utcnow":        {"wall", 1},
	"datetime.datetime.today":         {"wall", 1},
	"datetime.datetime.fromtimestamp": {"wall", 1},
}

func (c *ctx) readClock(q string, p Pos) *ClockReading {
	k := clockQuals[q]
	r := &ClockReading{Clock: k.clock, Name: q + "()", Line: p.Line, Scale: k.scale, K: c.now() * k.scale}
	if q == "time.process_time" {
		// CPU time of this process: only the loop thread's busy time counts,
		// which the simulator does not track apart; a wall reading is close
		// for CPU-bound code and wrong for I/O-bound code.
		r.Clock = "process"
	}
	if len(q) > 17 && q[:17] == "datetime.datetime" {
		r.Date = true
	}
	return r
}

// clockArith is arithmetic involving a clock reading or a timedelta; ok
// is false when neither operand is one.
func clockArith(op string, l, r Value) (Value, bool) {
	lc, lok := l.(*ClockReading)
	rc, rok := r.(*ClockReading)
	ltd, ltdok := l.(*Timedelta)
	rtd, rtdok := r.(*Timedelta)
	if !lok && !rok && !ltdok && !rtdok {
		return nil, false
	}
	unknown := func() (Value, bool) {
		switch {
		case lok:
			return lc.unknown(), true
		case rok:
			return rc.unknown(), true
		}
		return &UnknownValue{Why: "timedelta arithmetic"}, true
	}
	if ltdok || rtdok {
		switch {
		case ltdok && rtdok:
			switch op {
			case "+":
				return &Timedelta{ltd.S + rtd.S}, true
			case "-":
				return &Timedelta{ltd.S - rtd.S}, true
			case "/":
				if rtd.S != 0 {
					return ltd.S / rtd.S, true
				}
			}
		case ltdok && !rok:
			if f, ok := toFloat(r); ok {
				switch op {
				case "*":
					return &Timedelta{ltd.S * f}, true
				case "/":
					if f != 0 {
						return &Timedelta{ltd.S / f}, true
					}
				}
			}
		case rtdok && !lok:
			if f, ok := toFloat(l); ok && op == "*" {
				return &Timedelta{rtd.S * f}, true
			}
		case lok && lc.Date && (op == "+" || op == "-"):
			k := lc.K + rtd.S
			if op == "-" {
				k = lc.K - rtd.S
			}
			return &ClockReading{Clock: lc.Clock, Name: lc.Name, Line: lc.Line, Scale: lc.Scale, K: k, Date: true}, true
		case rok && rc.Date && op == "+":
			return &ClockReading{Clock: rc.Clock, Name: rc.Name, Line: rc.Line, Scale: rc.Scale, K: rc.K + ltd.S, Date: true}, true
		}
		return unknown()
	}
	if lok && rok {
		if op == "-" && lc.Clock == rc.Clock && lc.Scale == rc.Scale && lc.Date == rc.Date {
			if lc.Date {
				return &Timedelta{lc.K - rc.K}, true
			}
			return lc.K - rc.K, true
		}
		return unknown()
	}
	if lc != nil && lc.Date || rc != nil && rc.Date {
		return unknown()
	}
	if lok {
		f, ok := toFloat(r)
		if !ok {
			return unknown()
		}
		switch op {
		case "+":
			return &ClockReading{Clock: lc.Clock, Name: lc.Name, Line: lc.Line, Scale: lc.Scale, K: lc.K + f}, true
		case "-":
			return &ClockReading{Clock: lc.Clock, Name: lc.Name, Line: lc.Line, Scale: lc.Scale, K: lc.K - f}, true
		case "*":
			return &ClockReading{Clock: lc.Clock, Name: lc.Name, Line: lc.Line, Scale: lc.Scale * f, K: lc.K * f}, true
		case "/":
			if f != 0 {
				return &ClockReading{Clock: lc.Clock, Name: lc.Name, Line: lc.Line, Scale: lc.Scale / f, K: lc.K / f}, true
			}
		}
		return unknown()
	}
	f, ok := toFloat(l)
	if !ok {
		return unknown()
	}
	switch op {
	case "+":
		return &ClockReading{Clock: rc.Clock, Name: rc.Name, Line: rc.Line, Scale: rc.Scale, K: rc.K + f}, true
	case "*":
		return &ClockReading{Clock: rc.Clock, Name: rc.Name, Line: rc.Line, Scale: rc.Scale * f, K: rc.K * f}, true
	}
	return unknown()
}

// clockCompare orders two readings of the same clock (or two timedeltas);
// known is false otherwise.
func clockCompare(op string, l, r Value) (result, known, handled bool) {
	lc, lok := l.(*ClockReading)
	rc, rok := r.(*ClockReading)
	ltd, ltdok := l.(*Timedelta)
	rtd, rtdok := r.(*Timedelta)
	var a, b float64
	switch {
	case lok && rok:
		if lc.Clock != rc.Clock || lc.Scale != rc.Scale || lc.Scale <= 0 {
			return false, false, true
		}
		a, b = lc.K, rc.K
	case ltdok && rtdok:
		a, b = ltd.S, rtd.S
	case lok || rok:
		// a reading against a constant depends on the unknown origin
		return false, false, true
	default:
		return false, false, false
	}
	switch op {
	case "<":
		return a < b, true, true
	case "<=":
		return a <= b, true, true
	case ">":
		return a > b, true, true
	case ">=":
		return a >= b, true, true
	case "==":
		return a == b, true, true
	case "!=":
		return a != b, true, true
	}
	return false, false, true
}

// loopTime converts an absolute deadline in the loop's clock (loop.time() +
// delay, as taken by call_at and timeout_at) to simulated time.
func (c *ctx) loopTime(v Value, p Pos, what string) float64 {
	if r, ok := v.(*ClockReading); ok && r.Clock == "monotonic" && r.Scale == 1 && !r.Date {
		return r.K
	}
	if f, ok := toFloat(v); ok {
		// A deadline built from a constant: loop.time() starts at the
		// machine's uptime, so a small constant lies in the past.
		c.s.assume(p, 0.5, "%s is an absolute loop time given as a number; it depends on the clock's origin (loop.time()), assumed %s from now", what, fmtDur(f))
		return c.now() + f
	}
	return c.now() + c.seconds(v, p, what)
}

func (c *ctx) clockMethod(r *ClockReading, name string, args []Value, kws []kwarg, p Pos) (Value, error) {
	if r.Date {
		switch name {
		case "timestamp":
			return &ClockReading{Clock: r.Clock, Name: r.Name, Line: r.Line, Scale: 1, K: r.K}, nil
		case "isoformat", "strftime", "date", "time", "replace", "astimezone", "weekday", "isoweekday", "ctime":
			return r.unknown(), nil
		}
	}
	return c.unmodelled(p, "datetime."+name), nil
}

func (c *ctx) clockAttr(r *ClockReading, name string, p Pos) Value {
	if r.Date {
		switch name {
		case "year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo":
			return r.unknown()
		}
	}
	return &Builtin{Qual: "datetime." + name, Self: r}
}

func timedeltaAttr(td *Timedelta, name string) (Value, bool) {
	switch name {
	case "days":
		return int64(math.Floor(td.S / 86400)), true
	case "seconds":
		return int64(math.Floor(td.S - 86400*math.Floor(td.S/86400))), true
	case "microseconds":
		return int64(math.Round((td.S - math.Floor(td.S)) * 1e6)), true
	}
	return nil, false
}

// newTimedelta is datetime.timedelta(days, seconds, microseconds,
// milliseconds, minutes, hours, weeks).
func newTimedelta(args []Value, kws []kwarg) (Value, bool) {
	units := []struct {
		name string
		s    float64
	}{{"days", 86400}, {"seconds", 1}, {"microseconds", 1e-6}, {"milliseconds", 1e-3}, {"minutes", 60}, {"hours", 3600}, {"weeks", 604800}}
	total := 0.0
	for i, u := range units {
		v, ok := argAt(args, kws, i, u.name)
		if !ok {
			continue
		}
		f, ok := toFloat(v)
		if !ok {
			return unknownOf("timedelta", v), false
		}
		total += f * u.s
	}
	return &Timedelta{S: total}, true
}
