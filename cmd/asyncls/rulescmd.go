package main

import (
	"fmt"
	"io"

	"github.com/asyncls/asyncls/rules"
)

func init() {
	register(&command{name: "rules", summary: "list the rules, or print one rule's documentation (asyncls rules CODE)", run: runRules})
}

func runRules(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stdout, "%-9s %-8s %-8s %s\n", "CODE", "DEFAULT", "FIX", "SUMMARY")
		for _, r := range rules.All() {
			on := "off"
			if r.Default {
				on = "on"
			}
			fix := ""
			if r.Fix != "" {
				fix = "yes"
			}
			fmt.Fprintf(stdout, "%-9s %-8s %-8s %s\n", r.Code, on, fix, r.Summary)
		}
		return exitOK
	}
	status := exitOK
	for i, code := range args {
		r := rules.Lookup(code)
		if r == nil {
			fmt.Fprintf(stderr, "asyncls: unknown rule %q (run `asyncls rules` for the list)\n", code)
			status = exitError
			continue
		}
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprint(stdout, rules.Markdown(r))
	}
	return status
}
