package rules

import "github.com/asyncls/asyncls/pylib"

// ASYNC126 reports ExceptionGroup subclasses without derive().
var ASYNC126 = register(&Rule{
	Code:    "ASYNC126",
	Name:    "exceptiongroup-subclass-missing-derive",
	Summary: "ExceptionGroup subclass that does not override `derive`",
	Rationale: "`except*`, `split()` and `subgroup()` build new groups with `derive()`. Without an override they " +
		"build a plain `ExceptionGroup`, so a handler receives a group of the wrong class, with the subclass's extra " +
		"attributes lost.",
	Bad: `class RequestErrors(ExceptionGroup):
    def __new__(cls, msg, excs, request):
        self = super().__new__(cls, msg, excs)
        self.request = request
        return self`,
	Good: `class RequestErrors(ExceptionGroup):
    def __new__(cls, msg, excs, request):
        self = super().__new__(cls, msg, excs)
        self.request = request
        return self

    def derive(self, excs):
        return RequestErrors(self.message, excs, self.request)`,
	CrossFile: true,
	Severity:  Warning,
	Default:   true,
	Notes: "A `derive` inherited from a base class of the project (in any module) counts: `class NonBaseMultiError(MultiError, ExceptionGroup)` gets `MultiError.derive`. " +
		"Reported on the `class` line, as flake8-async's current eval file async126.py expects (its class names were " +
		"shortened so each header fits one line); an earlier version split the headers with black and wrote the " +
		"expectations on their last line (`):`, where black puts the comment). A `# noqa: ASYNC126` on any line of " +
		"the header silences it, as flake8 reads a noqa comment for the whole logical line.",
	Run: runExceptionGroupDerive,
})

func runExceptionGroupDerive(p *Pass) {
	for _, c := range p.Module.Classes {
		for _, b := range c.Bases {
			if b.Type() == "keyword_argument" {
				continue
			}
			target := b
			if b.Type() == "subscript" { // ExceptionGroup[ValueError]
				target = b.ChildByField("value")
			}
			name := qualName(p.Module, target)
			if name == "" && target.Type() == "identifier" && p.Module.IsBuiltin(target, p.File.Text(target)) {
				name = p.File.Text(target)
			}
			if !pylib.Is(name, pylib.ExceptionGroupClass) {
				continue
			}
			if !definesMethod(p, c, "derive", 0) {
				p.Report(c.Node.ChildByField("name"), "`"+c.Name+"` subclasses "+p.File.Brief(target)+" without overriding `derive`: "+
					"`except*`, `split()` and `subgroup()` will produce plain ExceptionGroups; define `derive(self, excs)`")
			}
			break
		}
	}
}
