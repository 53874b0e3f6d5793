package loopsim

import (
	"strings"

	"github.com/asyncls/asyncls/pylib"
)

// latencySource says where a latency came from; it sets how much the
// estimate can be trusted.
type latencySource string

const (
	srcUser    latencySource = "user setting"
	srcTable   latencySource = "built-in default"
	srcUnknown latencySource = "unknown awaitable, assumed instantaneous"
)

func (l latencySource) weight() float64 {
	switch l {
	case srcUser:
		return 1
	case srcTable:
		return 0.85
	}
	return 0.5
}

// DefaultLatency is the built-in table of awaited I/O latencies in seconds,
// by qualified name, from the library table (pylib). Module prefixes (ending
// in ".") apply to any name under that module without an exact entry.
var DefaultLatency = pylib.Latencies(false)

// DefaultBlocking is the built-in table of synchronous calls that hold the
// loop (or a worker thread), in seconds, from the library table.
var DefaultBlocking = pylib.Latencies(true)

// isAsyncQual reports whether a qualified name belongs to an async API.
func isAsyncQual(q string) bool {
	for _, m := range pylib.AsyncModules {
		if strings.HasPrefix(q, m) {
			return true
		}
	}
	return false
}

// blockingLatency is the cost of a synchronous blocking call, or 0.
func blockingLatency(q string) float64 {
	return DefaultBlocking[q]
}

// blockingOf looks up a synchronous call: d < 0 means it blocks for an
// unknown time; ok is false when it is not known to block.
func (s *Sim) blockingOf(q string) (d float64, ok bool) {
	if d, ok := s.cfg.Blocking[q]; ok {
		return d, true
	}
	d, ok = DefaultBlocking[q]
	return d, ok
}

// latencyOf looks up an awaited call: user setting, exact table entry,
// module prefix, then unknown.
func (s *Sim) latencyOf(q string) (float64, latencySource) {
	if d, ok := lookupQual(s.cfg.Latency, q); ok {
		return d, srcUser
	}
	if d, ok := lookupQual(DefaultLatency, q); ok {
		return d, srcTable
	}
	return 0, srcUnknown
}

// exactLatency is like latencyOf but without module-prefix defaults (for
// entering "async with" on library objects such as sessions).
func (s *Sim) exactLatency(q string) (float64, latencySource, bool) {
	if d, ok := s.cfg.Latency[q]; ok {
		return d, srcUser, true
	}
	if d, ok := DefaultLatency[q]; ok {
		return d, srcTable, true
	}
	return 0, srcUnknown, false
}

func lookupQual(table map[string]float64, q string) (float64, bool) {
	if d, ok := table[q]; ok {
		return d, true
	}
	for p := q; ; {
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return 0, false
		}
		p = p[:i]
		if d, ok := table[p+"."]; ok {
			return d, true
		}
	}
}

// returnType names the object an awaited library call produces.
func returnType(q string) string {
	if r := pylib.AwaitResult(q); r != "" {
		return r
	}
	return q + "()"
}

// HasAwaitLatency reports whether awaiting the qualified name q costs time
// in the simulation (a user setting or a table entry, exact or by module):
// other unknown awaitables are instantaneous.
func HasAwaitLatency(user map[string]float64, q string) bool {
	if _, ok := lookupQual(user, q); ok {
		return true
	}
	_, ok := lookupQual(DefaultLatency, q)
	return ok
}
