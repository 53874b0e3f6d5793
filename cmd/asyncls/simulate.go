package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/loopsim"
	"github.com/asyncls/asyncls/loopsim/pyfront"
)

func init() {
	register(&command{name: "simulate", summary: "estimate how long an async program takes, concurrently and sequentially", run: runSimulate})
}

// simulateJSON is the --format json document.
type simulateJSON struct {
	Path string `json:"path"`
	*loopsim.Result
}

func runSimulate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	entry := fs.String("entry", "", "coroutine function to run (default: the one passed to asyncio.run() under __main__, else main)")
	format := fs.String("format", "text", "output format: text, json or svg")
	workers := fs.Int("workers", 0, "size of the default executor (default: min(32, CPUs+4), or executor-workers from pyproject.toml)")
	configPath := fs.String("config", "", "pyproject.toml to read [tool.asyncls] from (default: the nearest one)")
	explain := fs.Bool("explain", false, "text format: list every assumption with its line, which steps are not modelled, and why the confidence has its level (json always has them all)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: asyncls simulate [flags] FILE\n\nSimulates asyncio.run(entry()) without running the code and prints the\nestimated wall time, the time if everything ran one after another, and the\ntime the loop was blocked. Exit status: 0 ok, 2 usage, I/O or parse error.\n\nFlags:")
		printFlags(fs, stderr)
	}
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitError
	}
	if len(paths) != 1 {
		fmt.Fprintln(stderr, "asyncls simulate: give exactly one Python file")
		fs.Usage()
		return exitError
	}
	if *workers < 0 {
		fmt.Fprintf(stderr, "asyncls simulate: --workers %d is not a number of threads (1 or more)\n", *workers)
		return exitError
	}
	if *format != "text" && *format != "json" && *format != "svg" {
		fmt.Fprintf(stderr, "asyncls simulate: unknown --format %q (want text, json or svg)\n", *format)
		return exitError
	}
	path := paths[0]
	var cfg *config.Config
	if *configPath != "" {
		cfg, err = config.LoadFile(*configPath)
	} else {
		cfg, err = config.Load(filepath.Dir(path))
	}
	if err != nil {
		fmt.Fprintln(stderr, "asyncls simulate:", err)
		return exitError
	}
	// Never read past the size limit (a link named x.py to /dev/zero).
	src, err := lint.ReadSource(path, cfg.MaxBytes())
	if err != nil {
		fmt.Fprintln(stderr, "asyncls simulate:", err)
		return exitError
	}
	src = analysis.DecodeSource(src)
	if err := analysis.CheckSource(src); err != nil {
		fmt.Fprintf(stderr, "asyncls simulate: %s: %v\n", path, err)
		return exitError
	}
	simCfg, err := cfg.Simulator()
	if err != nil {
		fmt.Fprintln(stderr, "asyncls simulate:", err)
		return exitError
	}
	if *workers > 0 {
		simCfg.DefaultWorkers = *workers
	}
	file := analysis.Parse(path, src)
	// The program's imports of its project's other modules are followed;
	// the project is the one `asyncls check FILE` reads.
	project := lint.SimulationProject(path, lint.NewConfigs(cfg, nil))
	res, err := pyfront.Simulate(file, pyfront.Options{Entry: *entry, Config: simCfg, IsolateOnNameError: true, Project: project})
	if err != nil {
		fmt.Fprintln(stderr, "asyncls simulate:", err)
		return exitError
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(simulateJSON{Path: path, Result: res}); err != nil {
			fmt.Fprintln(stderr, "asyncls simulate:", err)
			return exitError
		}
	case "svg":
		loopsim.WriteSVG(stdout, path, res)
	default:
		if *explain {
			loopsim.WriteTextExplained(stdout, path, res)
		} else {
			loopsim.WriteText(stdout, path, res)
		}
	}
	return exitOK
}
