package rules

import (
	"github.com/asyncls/asyncls/analysis"
)

// closedByEveryCaller reports a private async generator function f (a name
// with a leading underscore: the project's own code is its only caller)
// that every caller in the project closes itself, as this rule advises:
// the call is given to `aclosing(...)`, or bound to a local that the calling
// function closes in a `finally:` after it (`stream = self._events(url)`,
// `try: async for e in stream: ...`, `finally: await stream.aclose()`) or
// hands to `aclosing(stream)`. Then no generator it makes waits for the
// garbage collector to exit its with blocks (on corpus44, aiopnsense's
// `_stream_json_events`, whose one caller, a mixin of another module,
// closes it in `finally:`: 3 findings judged false).
//
// It needs at least one call; every call of a method or function of that
// name anywhere in the project (whatever its receiver) must be closed, and
// a mention of the name other than a call, its definition or an import
// (`callback=self._events`, `self._events = ...`) hands the function to
// code that makes generators out of sight: the generator is still reported
// (analysis.Project.ClosedByEveryCaller, through the project's name index,
// so that a check of part of the project answers as a whole one does).
func closedByEveryCaller(p *Pass, f *analysis.Function) bool {
	if p.Project == nil {
		return p.Module.ClosedByEveryCaller(f.Name)
	}
	return p.Project.ClosedByEveryCaller(f.Name, p.projectUsesAsValue)
}
