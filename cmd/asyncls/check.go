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
	o := config.Overrides{ExtendSelect: extend.values, Ignore: ignore.values}
	if sel.set {
		o.Select = sel.values
	}
	// Configuration is resolved per file (the nearest pyproject.toml with
	// [tool.asyncls]) unless --config names one for all; a broken one for
	// the paths named stops the run before anything is read.
	var given *config.Config
	if *configPath != "" {
		if given, err = config.LoadFile(*configPath); err != nil {
			fmt.Fprintln(stderr, "asyncls:", err)
			return exitError
		}
	}
	configs := lint.NewConfigs(given, o)
	starts := paths
	if *stdinName != "" {
		starts = []string{*stdinName}
	} else if len(starts) == 0 {
		starts = []string{"."}
	}
	for _, p := range starts {
		dir := p
		if info, statErr := os.Stat(p); statErr != nil || !info.IsDir() {
			dir = filepath.Dir(p)
		}
		if _, err := configs.ForDir(dir); err != nil {
			fmt.Fprintln(stderr, "asyncls:", err)
			return exitError
		}
	}

	req := lint.Request{Paths: paths, Configs: configs}
	if *stdinName != "" {
		if len(paths) > 0 {
			fmt.Fprintln(stderr, "asyncls: --stdin-filename lints standard input; do not also give paths")
			return exitError
		}
		cfg, _ := configs.ForDir(filepath.Dir(*stdinName))
		limit := cfg.MaxBytes()
		if limit <= 0 {
			limit = lint.DefaultMaxFileSize
		}
		src, err := io.ReadAll(io.LimitReader(stdin, limit+1))
		if err != nil {
			fmt.Fprintln(stderr, "asyncls: reading standard input:", err)
			return exitError
		}
		if int64(len(src)) > limit {
			fmt.Fprintf(stderr, "asyncls: standard input is larger than the %d-byte limit (max-file-size in [tool.asyncls])\n", limit)
			return exitError
		}
		req.Stdin = &lint.Source{Path: *stdinName, Src: src}
	} else if len(paths) == 0 {
		req.Paths = []string{"."}
	}
	res := lint.Check(req)

	fixed := 0
	if *fix {
		var stdinSrc []byte
		stdinPath := ""
		if req.Stdin != nil {
			stdinSrc = req.Stdin.Src
			stdinPath, _ = filepath.Abs(*stdinName)
		}
		f := lint.Fix(res, *unsafeFixes, stdinSrc, stdinPath)
		res, fixed = f.Result, f.Applied
		if req.Stdin != nil {
			// As ruff does: with --fix and stdin, the fixed source goes to stdout.
			stdout.Write(f.Stdin)
			stdout = stderr
		}
	}

	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, "asyncls: warning:", w)
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "asyncls: error:", e)
	}
	lines := func(path string) *analysis.LineIndex {
		if m := res.Module(path); m != nil {
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
