package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/report"
	"github.com/asyncls/asyncls/rules"
)

func init() {
	register(&command{name: "check", summary: "lint files or directories (default .)", run: runCheck})
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text, json, sarif or github")
	var sel, extend, ignore listFlag
	fs.Var(&sel, "select", "rule codes or prefixes to enable, replacing the configured set (ALL enables every rule)")
	fs.Var(&extend, "extend-select", "rule codes or prefixes to enable in addition")
	fs.Var(&ignore, "ignore", "rule codes or prefixes to disable")
	configPath := fs.String("config", "", "pyproject.toml to read [tool.asyncls] from (default: the nearest one)")
	stdinName := fs.String("stdin-filename", "", "lint standard input, reporting it under this file name")
	fix := fs.Bool("fix", false, "apply safe fixes to the files")
	unsafeFixes := fs.Bool("unsafe-fixes", false, "with --fix, also apply fixes that may change behaviour")
	exitZero := fs.Bool("exit-zero", false, "exit 0 even when there are findings")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: asyncls check [flags] [PATHS...]\n\nExit status: 0 clean, 1 findings, 2 usage, configuration or I/O error.\n\nFlags:")
		fs.PrintDefaults()
	}
	if os.Getenv("GOGC") == "" {
		// A check run is a batch job whose live heap (every module's tree
		// and model, kept for cross-module rules) only grows: collecting
		// half as often saves ~8% of the run for a few % more peak memory.
		debug.SetGCPercent(200)
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitError
	}
	if !validFormat(*format) {
		fmt.Fprintf(stderr, "asyncls: unknown --format %q (want text, json, sarif or github)\n", *format)
		return exitError
	}
	var cfg *config.Config
	if *configPath != "" {
		cfg, err = config.LoadFile(*configPath)
	} else {
		start := "."
		if len(paths) > 0 {
			start = paths[0]
			if info, statErr := os.Stat(start); statErr == nil && !info.IsDir() {
				start = filepath.Dir(start)
			}
		}
		cfg, err = config.Load(start)
	}
	if err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	o := config.Overrides{ExtendSelect: extend.values, Ignore: ignore.values}
	if sel.set {
		o.Select = sel.values
	}
	if cfg, err = cfg.Apply(o); err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}

	var res *lint.Result
	var stdinSrc []byte
	if *stdinName != "" {
		if len(paths) > 0 {
			fmt.Fprintln(stderr, "asyncls: --stdin-filename lints standard input; do not also give paths")
			return exitError
		}
		stdinSrc, err = io.ReadAll(io.LimitReader(stdin, analysis.MaxFileSize+1))
		if err != nil {
			fmt.Fprintln(stderr, "asyncls: reading standard input:", err)
			return exitError
		}
		res = lint.Analyse([]lint.Source{{Path: *stdinName, Src: stdinSrc}}, cfg)
	} else {
		if len(paths) == 0 {
			paths = []string{"."}
		}
		files, errs := lint.Collect(paths, cfg)
		res = lint.Run(files, nil, cfg)
		res.Errors = append(errs, res.Errors...)
	}

	fixed := 0
	if *fix {
		var fixErrs []error
		res, fixed, stdinSrc, fixErrs = applyFixes(res, cfg, *unsafeFixes, *stdinName, stdinSrc)
		res.Errors = append(res.Errors, fixErrs...)
		if *stdinName != "" {
			// As ruff does: with --fix and stdin, the fixed source goes to stdout.
			stdout.Write(stdinSrc)
			stdout = stderr
		}
	}

	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "asyncls: error:", e)
	}
	lines := func(path string) *analysis.LineIndex {
		if m := res.Project.Module(path); m != nil {
			return m.File.Lines
		}
		return nil
	}
	if err := report.Write(stdout, *format, res.Diagnostics, lines); err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	if *format == "text" && (fixed > 0 || *fix) {
		fmt.Fprintf(stderr, "Fixed %d finding(s); %d remaining.\n", fixed, len(res.Diagnostics))
	}
	switch {
	case len(res.Errors) > 0:
		return exitError
	case len(res.Diagnostics) > 0 && !*exitZero:
		return exitFindings
	}
	return exitOK
}

func validFormat(f string) bool {
	for _, v := range report.Formats {
		if v == f {
			return true
		}
	}
	return false
}

// applyFixes applies fixes file by file, re-analysing after each round so
// one fix cannot hide another rule's finding, until nothing changes (at most
// a few rounds). Files are written only when their content changed.
func applyFixes(res *lint.Result, cfg *config.Config, unsafe bool, stdinName string, stdinSrc []byte) (*lint.Result, int, []byte, []error) {
	total := 0
	var errs []error
	for round := 0; round < 5; round++ {
		byPath := map[string][]rules.Diagnostic{}
		for _, d := range res.Diagnostics {
			byPath[d.Path] = append(byPath[d.Path], d)
		}
		changed := false
		var sources []lint.Source
		for _, m := range res.Project.Modules() {
			src := m.File.Src
			if diags := byPath[m.File.Path]; len(diags) > 0 {
				newSrc, n := rules.ApplyFixes(src, diags, unsafe)
				if n > 0 {
					// Never write a fix that breaks the file's syntax.
					if len(analysis.Parse(m.File.Path, newSrc).SyntaxErrors) > len(m.File.SyntaxErrors) {
						errs = append(errs, fmt.Errorf("%s: a fix produced invalid Python and was not applied (please report it)", m.File.Path))
					} else {
						src = newSrc
						total += n
						changed = true
						if m.File.Path == stdinName {
							stdinSrc = src
						} else if err := writeFile(m.File.Path, src); err != nil {
							errs = append(errs, err)
						}
					}
				}
			}
			sources = append(sources, lint.Source{Path: m.File.Path, Src: src})
		}
		if !changed {
			break
		}
		prevErrs := res.Errors
		res = lint.Analyse(sources, cfg)
		res.Errors = append(prevErrs, res.Errors...)
	}
	return res, total, stdinSrc, errs
}

// writeFile replaces path atomically so an interrupted run never leaves a
// half-written source file.
func writeFile(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".asyncls-fix-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	os.Chmod(tmp.Name(), info.Mode().Perm())
	return os.Rename(tmp.Name(), path)
}
