package rules

import (
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/pylib"
)

// ASYNC400 reports attribute access on an except* group as if it were one exception.
var ASYNC400 = register(&Rule{
	Code:    "ASYNC400",
	Name:    "except-star-invalid-attribute",
	Summary: "Attribute of a single exception read from the ExceptionGroup bound by `except*`",
	Rationale: "In `except* ValueError as eg:` the name is bound to an `ExceptionGroup` holding the matching " +
		"exceptions, never to one exception. Reading an attribute of the exception type (`eg.errno`, `eg.response`) " +
		"raises AttributeError inside the handler. Iterate `eg.exceptions` instead.",
	Bad: `try:
    await fetch()
except* OSError as eg:
    log(eg.errno)`,
	Good: `try:
    await fetch()
except* OSError as eg:
    for exc in eg.exceptions:
        log(exc.errno)`,
	Severity: Error,
	Default:  true,
	Notes: "ExceptionGroup's own attributes (`message`, `exceptions`, `subgroup`, `split`, `derive`, `args`, " +
		"`with_traceback`, `add_note`, `__notes__`, other dunders) are fine. Reassigning the name stops the check; a " +
		"nested `except ... as` handler binding the same name stops it only inside that handler (after it the name " +
		"holds the outer group again, or nothing if the inner handler ran), as in flake8-async.",
	Run: runExceptStarAttribute,
})

func runExceptStarAttribute(p *Pass) {
	p.File.Root.Walk(func(n *analysis.Node) bool {
		if n.Type() != "except_group_clause" {
			return true
		}
		_, name, body := exceptParts(n)
		if name == nil || body == nil || name.Type() != "identifier" {
			return true
		}
		group := p.File.Text(name)
		// From a rebinding on, the name holds something else; a nested
		// handler binding the same name (`except* E as group:`) shadows it
		// only inside that handler (Python deletes the name at its end, so
		// after it the name holds the outer group, or nothing).
		rebound := uint32(^uint32(0))
		var shadowed [][2]uint32
		walkBody(body, func(c *analysis.Node) bool {
			if c.Type() == "assignment" || c.Type() == "augmented_assignment" || c.Type() == "for_statement" || c.Type() == "named_expression" ||
				c.Type() == "as_pattern" {
				target := c.ChildByField("left")
				if c.Type() == "named_expression" {
					target = c.ChildByField("name")
				}
				if c.Type() == "as_pattern" {
					target = c.ChildByField("alias")
				}
				handler := c.Parent()
				if c.Type() != "as_pattern" || handler == nil || (handler.Type() != "except_clause" && handler.Type() != "except_group_clause") {
					handler = nil
				}
				if target != nil {
					target.Walk(func(t *analysis.Node) bool {
						if t.Type() != "identifier" || p.File.Text(t) != group {
							return true
						}
						if handler != nil {
							shadowed = append(shadowed, [2]uint32{handler.Start, handler.End})
						} else if t.Start < rebound {
							rebound = t.Start
						}
						return true
					})
				}
			}
			return true
		})
		walkBody(body, func(c *analysis.Node) bool {
			if c.Type() != "attribute" || c.Start > rebound {
				return true
			}
			for _, r := range shadowed {
				if r[0] <= c.Start && c.Start < r[1] {
					return true
				}
			}
			obj := c.ChildByField("object")
			attr := p.File.Text(c.ChildByField("attribute"))
			if obj == nil || obj.Type() != "identifier" || p.File.Text(obj) != group {
				return true
			}
			if pylib.Method(attr, pylib.ExceptionGroupAttribute) || (strings.HasPrefix(attr, "__") && strings.HasSuffix(attr, "__")) {
				return true
			}
			p.Report(c, "`"+group+"` is an ExceptionGroup, not a single exception: `."+attr+"` is not one of its attributes; "+
				"iterate `"+group+".exceptions` instead")
			return true
		})
		return true
	})
}
