package rules

import "strings"

// RuffAliases are ruff's own codes for checks asyncls has under
// flake8-async's code: ruff reports a dropped task as RUF006 and an async
// function that never awaits as RUF029. A ruff user's `# noqa: RUF006`,
// `ignore = ["RUF006"]` or per-file-ignores entry means the same check, so
// it silences (or deselects) asyncls's ASYNC300 as written.
var RuffAliases = map[string]string{"RUF006": "ASYNC300", "RUF029": "ASYNC124"}

// AliasOf returns the asyncls code another linter's code names, or "".
func AliasOf(code string) string {
	return RuffAliases[strings.ToUpper(strings.TrimSpace(code))]
}
