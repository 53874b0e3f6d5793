// Command asyncls is a linter, language server and event-loop simulator for
// async Python. Each subcommand lives in a file of its own and registers
// itself here; the work is done by the library packages.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || (args[0] == "help" && len(args) == 1) {
		usage(stdout)
		if len(args) == 0 {
			return exitError
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "version" {
		fmt.Fprintln(stdout, "asyncls", version)
		return exitOK
	}
	if args[0] == "help" && len(args) > 1 {
		args = []string{args[1], "--help"}
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "asyncls: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitError
	}
	if wantsHelp(args[1:]) {
		// Asked for, help is the output: stdout, so that it can be paged.
		stderr = stdout
	}
	if stop := startCPUProfile(); stop != nil {
		defer stop()
	}
	defer writeHeapProfile()
	return c.run(args[1:], stdin, stdout, stderr)
}

// wantsHelp reports whether -h or --help comes before any "--".
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// startCPUProfile honours ASYNCLS_CPUPROFILE=FILE: a CPU profile of the whole
// command, for performance work (`go tool pprof bin/asyncls FILE`); "%p" in
// FILE becomes the pid. It returns the function that writes the profile.
func startCPUProfile() func() {
	path := os.Getenv("ASYNCLS_CPUPROFILE")
	if path == "" {
		return nil
	}
	path = strings.ReplaceAll(path, "%p", strconv.Itoa(os.Getpid()))
	f, err := os.Create(path)
	if err != nil {
		return nil
	}
	if pprof.StartCPUProfile(f) != nil {
		f.Close()
		return nil
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// writeHeapProfile honours ASYNCLS_MEMPROFILE=FILE: the heap profile at
// the end of the command (allocations since the start included), for
// memory work (`go tool pprof -sample_index=alloc_space bin/asyncls FILE`).
func writeHeapProfile() {
	path := os.Getenv("ASYNCLS_MEMPROFILE")
	if path == "" {
		return
	}
	f, err := os.Create(strings.ReplaceAll(path, "%p", strconv.Itoa(os.Getpid())))
	if err != nil {
		return
	}
	defer f.Close()
	runtime.GC() // the profile holds what the last collection saw
	_ = pprof.WriteHeapProfile(f)
}

const version = "0.1.0"

func usage(w io.Writer) {
	fmt.Fprintln(w, "asyncls: find asyncio mistakes, serve them to editors, and estimate how long async code takes.")
	fmt.Fprintln(w, "\nUsage: asyncls <command> [arguments]\n\nCommands:")
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun `asyncls <command> --help` (or `asyncls help <command>`) for a command's flags.")
}

// parseInterleaved parses flags that may appear before, between or after
// positional arguments, as users of ruff and flake8 expect.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// listFlag collects comma-separated, repeatable values.
type listFlag struct {
	values []string
	set    bool
}

func (l *listFlag) String() string { return strings.Join(l.values, ",") }
func (l *listFlag) Set(s string) error {
	l.set = true
	n := len(l.values)
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			l.values = append(l.values, v)
		}
	}
	if len(l.values) == n {
		// `--select ''` would otherwise select the default set silently.
		return fmt.Errorf("no rule code given (codes or prefixes such as ASYNC230, ASL or ALL)")
	}
	return nil
}

// parseFlags parses args with fs. A bad flag is one line naming it as users
// type it ("asyncls check: unknown flag --bogus", not Go's "-bogus" followed
// by the whole usage), with where to find the flags; --help prints the
// usage as before.
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.Usage = usage
	fs.SetOutput(out)
	switch {
	case err == flag.ErrHelp:
		if usage != nil {
			usage()
		} else {
			fs.PrintDefaults()
		}
	case err != nil:
		fmt.Fprintf(out, "asyncls %s: %s\nRun `asyncls %s --help` for its flags.\n", fs.Name(), flagErrorText(err), fs.Name())
	}
	return err
}

// flagErrorText words the flag package's errors with flags spelled
// --name, as the usage and the README spell them.
func flagErrorText(err error) string {
	msg := err.Error()
	for _, r := range [][2]string{
		{"flag provided but not defined: -", "unknown flag --"},
		{"flag needs an argument: -", "flag needs a value: --"},
		{" for flag -", " for flag --"},
	} {
		msg = strings.Replace(msg, r[0], r[1], 1)
	}
	return msg
}

// multiFlag collects repeatable values as given (no comma splitting).
type multiFlag struct{ values []string }

func (m *multiFlag) String() string     { return strings.Join(m.values, " ") }
func (m *multiFlag) Set(s string) error { m.values = append(m.values, s); return nil }

// printFlags lists a command's flags as users type them (--name VALUE),
// one per line with its help below, like flag.PrintDefaults.
func printFlags(fs *flag.FlagSet, w io.Writer) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + strings.ToUpper(name)
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n      %s\n", line, usage)
	})
}
