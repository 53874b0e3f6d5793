package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/rules"
)

func init() {
	register(&command{name: "rules", summary: "list the rules (asyncls rules [PREFIX...]), or print a rule's documentation (asyncls rules CODE)", run: runRules})
}

// ruleJSON is one rule in `asyncls rules --format json`.
type ruleJSON struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Summary  string `json:"summary"`
	Severity string `json:"severity"`
	Default  bool   `json:"default"`
	Fix      string `json:"fix,omitempty"`
	URL      string `json:"url"`
	// CrossFile: findings depend on other modules of the project;
	// Simulates: the rule runs the event-loop simulator.
	CrossFile   bool          `json:"cross_file"`
	Simulates   bool          `json:"simulates"`
	Settings    []settingJSON `json:"settings,omitempty"`
	Explanation string        `json:"explanation,omitempty"`
}

// settingJSON is one key of [tool.asyncls] a rule reads (rules.Setting).
type settingJSON struct {
	Key     string `json:"key"`
	Type    string `json:"type"`
	Default any    `json:"default"`
	Doc     string `json:"doc"`
}

func runRules(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	all := fs.Bool("all", false, "print the documentation of every selected rule, not the table")
	format := fs.String("format", "text", "output format: text or json")
	fs.StringVar(format, "output-format", "text", "alias of --format")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: asyncls rules [flags] [CODE|PREFIX ...]

Without arguments, a table of every rule (code, on by default, has a fix,
summary). A prefix (ASYNC2, ASL) narrows the table; a full code (ASYNC251)
prints that rule's documentation. --all prints the documentation of every
rule selected.

Flags:
`)
		printFlags(fs, stderr)
	}
	sels, err := parseInterleaved(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitError
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "asyncls rules: unknown --format %q (want text or json)\n", *format)
		return exitError
	}
	var selected []*rules.Rule
	// Full codes only: their documentation; any prefix: the table.
	docs := *all || len(sels) > 0
	status := exitOK
	seen := map[string]bool{}
	for _, sel := range sels {
		// ruff's names of two checks asyncls has (RUF006 is ASYNC300), as
		// in select lists and noqa comments.
		if alias := rules.AliasOf(sel); alias != "" {
			sel = alias
		}
		if r := rules.Lookup(sel); r != nil {
			if !seen[r.Code] {
				seen[r.Code] = true
				selected = append(selected, r)
			}
			continue
		}
		docs = *all
		matched := false
		for _, r := range rules.All() {
			if strings.HasPrefix(r.Code, strings.ToUpper(sel)) {
				matched = true
				if !seen[r.Code] {
					seen[r.Code] = true
					selected = append(selected, r)
				}
			}
		}
		if !matched {
			if config.ForeignCode(sel) {
				fmt.Fprintf(stderr, "asyncls: %q is not an asyncls rule (a flake8-async or ruff code asyncls does not implement?); run `asyncls rules` for the list\n", sel)
			} else {
				fmt.Fprintf(stderr, "asyncls: unknown rule or prefix %q (run `asyncls rules` for the list)\n", sel)
			}
			status = exitError
		}
	}
	if len(sels) == 0 {
		selected = rules.All()
	}
	if *format == "json" {
		out := make([]ruleJSON, 0, len(selected))
		for _, r := range selected {
			j := ruleJSON{Code: r.Code, Name: r.Name, Summary: r.Summary, Severity: r.Severity.String(), Default: r.Default, Fix: r.Fix, URL: r.DocURL(),
				CrossFile: r.CrossFile, Simulates: r.Simulates}
			for _, s := range r.SettingKeys() {
				j.Settings = append(j.Settings, settingJSON{Key: s.Key, Type: s.TypeName(), Default: s.Default, Doc: s.Doc})
			}
			if docs {
				j.Explanation = rules.Markdown(r)
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		enc.Encode(out)
		return status
	}
	if docs {
		for i, r := range selected {
			if i > 0 {
				fmt.Fprintln(stdout)
			}
			fmt.Fprint(stdout, rules.Markdown(r))
		}
		return status
	}
	if len(selected) > 0 {
		fmt.Fprintf(stdout, "%-9s %-8s %-8s %s\n", "CODE", "DEFAULT", "FIX", "SUMMARY")
	}
	for _, r := range selected {
		on := "off"
		if r.Default {
			on = "on"
		} else if r.DefaultOnStrictLoop {
			on = "off/HA" // on in Home Assistant integrations
		}
		fix := ""
		if r.Fix != "" {
			fix = "yes"
		}
		fmt.Fprintf(stdout, "%-9s %-8s %-8s %s\n", r.Code, on, fix, r.Summary)
	}
	return status
}
