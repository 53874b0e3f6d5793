package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/report"
)

func init() {
	register(&command{name: "check", summary: "lint files or directories (default .)", run: runCheck})
}

// checkFlags are the flags of `asyncls check`.
type checkFlags struct {
	format                   string
	sel, extend, ignore      listFlag
	configs                  multiFlag
	stdinName                string
	fix, unsafeFixes         bool
	diff, showFixes          bool
	statistics               bool
	exitZero, exitNonZeroFix bool
	addNoqa                  bool
	watch                    bool
	showSettings, showFiles  bool
	noCache                  bool
	forceExclude             bool
}

func newCheckFlags(stderr io.Writer) (*flag.FlagSet, *checkFlags) {
	f := &checkFlags{}
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	formatHelp := "output format: full (the finding, its source and fix), concise (one line each), json, json-lines, sarif, github, gitlab or junit"
	fs.StringVar(&f.format, "output-format", "full", formatHelp)
	fs.StringVar(&f.format, "format", "full", "alias of --output-format")
	fs.Var(&f.sel, "select", "rule codes or prefixes to enable, replacing the configured set (ALL enables every rule)")
	fs.Var(&f.extend, "extend-select", "rule codes or prefixes to enable in addition")
	fs.Var(&f.ignore, "ignore", "rule codes or prefixes to disable")
	fs.Var(&f.configs, "config", "pyproject.toml to read [tool.asyncls] from (default: the nearest one), or an inline setting 'KEY = VALUE' (TOML, repeatable) that overrides it")
	fs.StringVar(&f.stdinName, "stdin-filename", "", "lint standard input, reporting it under this file name (the path - reads standard input too)")
	fs.BoolVar(&f.fix, "fix", false, "apply safe fixes to the files")
	fs.BoolVar(&f.unsafeFixes, "unsafe-fixes", false, "let --fix and --diff also apply fixes that may change behaviour, and mark them [*]")
	fs.BoolVar(&f.diff, "diff", false, "print the fixes as a unified diff and change nothing (exit 1 when there is one)")
	fs.BoolVar(&f.showFixes, "show-fixes", false, "list the fixes applied (with --fix) or that would be (otherwise)")
	fs.BoolVar(&f.statistics, "statistics", false, "print how many findings each rule has instead of the findings (a JSON array with --output-format json)")
	fs.BoolVar(&f.exitZero, "exit-zero", false, "exit 0 even when there are findings")
	fs.BoolVar(&f.exitNonZeroFix, "exit-non-zero-on-fix", false, "exit 1 when --fix changed a file, even if nothing remains")
	fs.BoolVar(&f.addNoqa, "add-noqa", false, "add '# noqa: CODE' to the line of every finding (merging existing noqa comments)")
	fs.BoolVar(&f.watch, "watch", false, "check again whenever a Python file or the configuration (pyproject.toml) changes (stop with Ctrl-C)")
	fs.BoolVar(&f.showSettings, "show-settings", false, "print the resolved settings and exit")
	fs.BoolVar(&f.showFiles, "show-files", false, "print the files that would be checked and exit")
	fs.BoolVar(&f.noCache, "no-cache", false, "neither read nor write the cache (.asyncls_cache at the project root, or $ASYNCLS_CACHE_DIR)")
	fs.BoolVar(&f.forceExclude, "force-exclude", false, "apply exclude and .gitignore to files named explicitly too (the pre-commit hook does)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: asyncls check [flags] [PATHS...]      (PATHS default to .; - is standard input)

Output: by default each finding with its source line(s) underlined and, when
it has one, its fix as a diff; then a summary on stderr. [*] marks findings
that --fix repairs (with --unsafe-fixes, also those whose fix may change
behaviour).

Exit status: 0 clean, 1 findings (or fixes, with --diff / --exit-non-zero-on-fix),
2 usage, configuration or I/O error.

Flags:
`)
		printFlags(fs, stderr)
	}
	return fs, f
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs, f := newCheckFlags(stderr)
	if os.Getenv("GOGC") == "" {
		// A check run is a batch job whose live heap (every module's tree
		// and model, kept for cross-module rules) only grows: collecting
		// half as often saves 3-10% of the CPU (issue 9's budget against
		// be5ddda) for ~20% more peak memory than GOGC 100 (still ~25% below
		// be5ddda's; docs/performance.md, "Memory"). GOGC=100 in the
		// environment trades back.
		debug.SetGCPercent(200)
		// Once a project is built its models hardly grow: its checks
		// run at GOGC 100 after one collection, which bounds the peak to
		// about twice the models. GOGC 25 (1.25 times) made the checks'
		// goroutines pay ~1 s of mark assists on /work/corpus/src and
		// cost ~3 times the collector's CPU, while the peak was a third
		// of be5ddda's: the memory budget had room, the CPU budget none
		// (docs/performance.md, "Thirty-second session").
		lint.CollectForChecks(100)
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitError
	}
	if !report.Valid(f.format) {
		fmt.Fprintf(stderr, "asyncls: unknown --output-format %q (want one of %v)\n", f.format, report.Formats)
		return exitError
	}
	if len(paths) == 1 && paths[0] == "-" {
		paths = nil
		if f.stdinName == "" {
			f.stdinName = "-"
		}
	}
	if f.unsafeFixes && !f.fix && !f.diff {
		fmt.Fprintln(stderr, "asyncls: note: --unsafe-fixes only widens --fix (and --diff); without them nothing is changed, unsafe fixes are only marked [*]")
	}
	if f.diff && f.fix {
		fmt.Fprintln(stderr, "asyncls: --diff shows the fixes without applying them; do not combine it with --fix")
		return exitError
	}
	if f.addNoqa && (f.fix || f.diff) {
		// Otherwise --fix was ignored without a word: noqa comments were
		// written for the findings it would have fixed.
		fmt.Fprintln(stderr, "asyncls: --add-noqa silences the findings instead of fixing them; do not combine it with --fix or --diff")
		return exitError
	}
	cfg, err := loadCheckConfig(f, paths)
	if err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	if f.stdinName != "" && len(paths) > 0 {
		fmt.Fprintln(stderr, "asyncls: --stdin-filename lints standard input; do not also give paths")
		return exitError
	}
	if len(paths) == 0 && f.stdinName == "" {
		paths = []string{"."}
	}
	if f.showSettings {
		// (A check reports the warnings of every file's configuration.)
		for _, w := range cfg.Warnings() {
			fmt.Fprintln(stderr, "asyncls: warning:", w)
		}
		return showSettings(stdout, cfg, paths)
	}
	if f.showFiles {
		configs, err := checkConfigs(f)
		if err != nil {
			fmt.Fprintln(stderr, "asyncls:", err)
			return exitError
		}
		files, errs, warnings := lint.Files(paths, configs, f.forceExclude)
		for _, w := range warnings {
			fmt.Fprintln(stderr, "asyncls: warning:", w)
		}
		for _, e := range errs {
			fmt.Fprintln(stderr, "asyncls: error:", e)
		}
		for _, p := range files {
			fmt.Fprintln(stdout, p)
		}
		if len(errs) > 0 {
			return exitError
		}
		return exitOK
	}
	if f.watch {
		if f.stdinName != "" || f.fix || f.diff || f.addNoqa {
			fmt.Fprintln(stderr, "asyncls: --watch re-checks files on disk; it does not combine with standard input, --fix, --diff or --add-noqa")
			return exitError
		}
		return watch(f, cfg, paths, stdout, stderr, nil)
	}
	return checkOnce(f, cfg, paths, stdin, stdout, stderr)
}

// configFlags splits --config values into the file named (or "") and
// the inline settings.
func configFlags(f *checkFlags) (file string, inline []string, err error) {
	for _, c := range f.configs.values {
		if config.IsInline(c) {
			inline = append(inline, c)
		} else if file != "" {
			return "", nil, fmt.Errorf("--config names two files (%s and %s)", file, c)
		} else {
			file = c
		}
	}
	return file, inline, nil
}

// commandLineSettings returns what the command line changes in a file's
// configuration: the inline --config settings, then the rule-selection flags.
func commandLineSettings(f *checkFlags, inline []string) func(*config.Config) (*config.Config, error) {
	return func(cfg *config.Config) (*config.Config, error) {
		var err error
		for _, s := range inline {
			if cfg, err = cfg.Override(s); err != nil {
				return nil, err
			}
		}
		o := config.Overrides{ExtendSelect: f.extend.values, Ignore: f.ignore.values}
		if f.sel.set {
			o.Select = f.sel.values
		}
		return cfg.Apply(o)
	}
}

// checkConfigs resolves each file's configuration: --config FILE for all,
// else the nearest pyproject.toml with [tool.asyncls] (as ruff does), with
// the command line's settings on top.
func checkConfigs(f *checkFlags) (*lint.Configs, error) {
	file, inline, err := configFlags(f)
	if err != nil {
		return nil, err
	}
	var fixed *config.Config
	if file != "" {
		if fixed, err = config.LoadFile(file); err != nil {
			return nil, err
		}
	}
	return lint.NewConfigs(fixed, commandLineSettings(f, inline)), nil
}

// loadCheckConfig returns the configuration of the first path (for
// --show-settings and --watch): --config PATH or the nearest
// pyproject.toml, with the command line's settings on top.
func loadCheckConfig(f *checkFlags, paths []string) (*config.Config, error) {
	file, inline, err := configFlags(f)
	if err != nil {
		return nil, err
	}
	var cfg *config.Config
	if file != "" {
		cfg, err = config.LoadFile(file)
	} else {
		start := "."
		if len(paths) > 0 && paths[0] != "-" {
			start = paths[0]
			if info, statErr := os.Stat(start); statErr == nil && !info.IsDir() {
				start = filepath.Dir(start)
			}
		}
		cfg, err = config.Load(start)
	}
	if err != nil {
		return nil, err
	}
	return commandLineSettings(f, inline)(cfg)
}

// checkOnce lints, fixes or annotates once and reports; it returns the exit status.
func checkOnce(f *checkFlags, cfg *config.Config, paths []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var stdinSrc []byte
	configs, err := checkConfigs(f)
	if err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	if file, _, _ := configFlags(f); file != "" && !config.HasTable(file) {
		fmt.Fprintf(stderr, "asyncls: warning: --config %s has no [tool.asyncls] table; the defaults apply\n", file)
	}
	progress := newProgress(stderr)
	req := lint.Request{Paths: paths, Configs: configs, Progress: progress.update, ForceExclude: f.forceExclude}
	if f.stdinName != "" {
		limit := cfg.MaxBytes()
		if c, err := configs.ForDir(filepath.Dir(f.stdinName)); err == nil && c.MaxBytes() > 0 {
			limit = c.MaxBytes()
		}
		if limit <= 0 {
			limit = lint.DefaultMaxFileSize
		}
		stdinSrc, err = io.ReadAll(io.LimitReader(stdin, limit+1))
		if err != nil {
			fmt.Fprintln(stderr, "asyncls: reading standard input:", err)
			return exitError
		}
		if int64(len(stdinSrc)) > limit {
			fmt.Fprintf(stderr, "asyncls: standard input is larger than the %d-byte limit (max-file-size in [tool.asyncls])\n", limit)
			return exitError
		}
		req.Paths = nil
		src := stdinSrc
		if !f.fix && !f.diff && !f.addNoqa {
			// As files are read (lint's readAll): in the encoding it
			// declares. Fixes and noqa comments are written to UTF-8 text only.
			src = analysis.DecodeSource(stdinSrc)
		}
		req.Stdin = &lint.Source{Path: f.stdinName, Src: src}
	}
	// Fixing and annotating need every module's tree.
	req.KeepModules = f.fix || f.diff || f.addNoqa
	if !f.noCache && !req.KeepModules {
		req.CacheVersion = cacheVersion()
	}
	res := lint.Check(req)
	progress.done()
	if req.CacheVersion != "" && os.Getenv("ASYNCLS_CACHE_STATS") != "" {
		// For benchmarks: what the cache spared.
		fmt.Fprintf(stderr, "asyncls: cache: %d files, %d parsed, %d checked\n", res.Cache.Files, res.Cache.Parsed, res.Cache.Checked)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, "asyncls: warning:", w)
	}
	if res.Files == 0 && len(res.Errors) == 0 && req.Stdin == nil {
		// As ruff says it: a path with no Python file in it (or all of
		// them excluded) is more likely a mistake than a clean project.
		fmt.Fprintf(stderr, "asyncls: warning: no Python files found under %s\n", strings.Join(shownPaths(paths), ", "))
	}

	if f.addNoqa {
		return addNoqa(res, res.StdinPath(), stdinSrc, stdout, stderr)
	}
	found := len(res.Diagnostics)
	var applied []appliedFix
	switch {
	case f.fix || f.diff:
		var fixErrs []error
		var changed map[string][]byte
		original := res.Sources()
		res, applied, changed, fixErrs = computeFixes(res, f.unsafeFixes)
		res.Errors = append(res.Errors, fixErrs...)
		if f.diff {
			return printDiff(f, res, original, changed, applied, stdout, stderr)
		}
		stdinShown := ""
		if req.Stdin != nil {
			stdinShown = res.StdinPath()
		}
		unwritten := map[string][]byte{}
		for _, path := range sortedKeys(changed) {
			if path == stdinShown {
				stdinSrc = changed[path]
			} else if err := lint.WriteFile(path, original[path], changed[path]); err != nil {
				res.Errors = append(res.Errors, &lint.FileError{Path: path, Err: err})
				unwritten[path] = original[path]
			}
		}
		if len(unwritten) > 0 {
			// What is reported is what is on disk: the files not written
			// keep their findings, and their fixes do not count.
			res = res.Reanalyse(unwritten, nil)
			kept := applied[:0]
			for _, a := range applied {
				if _, ok := unwritten[a.Path]; !ok {
					kept = append(kept, a)
				}
			}
			applied = kept
		}
		if f.stdinName != "" {
			// As ruff does: with --fix and stdin, the fixed source goes to stdout.
			stdout.Write(stdinSrc)
			stdout = stderr
		}
	}

	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "asyncls: error:", e)
	}
	lines := linesOf(res)
	if f.statistics {
		writeStatistics(stdout, res.Diagnostics, f.unsafeFixes, f.format)
	} else if err := report.Write(stdout, f.format, res.Diagnostics, lines, report.Options{UnsafeFixes: f.unsafeFixes}); err != nil {
		fmt.Fprintln(stderr, "asyncls:", err)
		return exitError
	}
	if f.showFixes {
		writeShowFixes(stderr, f, res.Diagnostics, applied)
	}
	if report.Textual(f.format) {
		fmt.Fprintln(stderr, summary(res.Diagnostics, found, len(applied), f.fix, f.unsafeFixes, len(res.Errors)))
	}
	switch {
	case len(res.Errors) > 0:
		return exitError
	case len(res.Diagnostics) > 0 && !f.exitZero:
		return exitFindings
	case len(applied) > 0 && f.exitNonZeroFix:
		return exitFindings
	}
	return exitOK
}

func linesOf(res *lint.Result) report.Lines {
	return res.Lines
}

// shownPaths lists the paths checked (. when none was given) for a message.
func shownPaths(paths []string) []string {
	if len(paths) == 0 {
		return []string{"."}
	}
	return paths
}
