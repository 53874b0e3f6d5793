package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/asyncls/asyncls/server"
)

func init() {
	register(&command{name: "serve", summary: "run the language server on standard input and output", run: runServe})
}

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Bool("stdio", true, "talk LSP over standard input and output (the only transport; accepted for clients that pass it)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: asyncls serve [--stdio]\n\nRuns the language server over standard input and output. Settings come from the\nclient (initializationOptions, workspace/configuration section \"asyncls\") and pyproject.toml.\nThe log goes to standard error and to the client's log.\n\nFlags:")
		printFlags(fs, stderr)
	}
	if err := parseFlags(fs, args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitError
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "asyncls serve: unexpected argument %q\n", fs.Arg(0))
		return exitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if os.Getenv("GOMEMLIMIT") == "" {
		// An editor runs the server for hours next to everything else: make
		// the collector work harder before the heap doubles, rather than
		// after (GOMEMLIMIT overrides this).
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	if stdin == os.Stdin {
		stdin = pollableStdin()
	}
	return server.Serve(ctx, stdio{stdin, stdout}, server.Options{Stderr: stderr, Version: version})
}

// serveMemoryLimit is the soft heap limit of the language server.
const serveMemoryLimit = 100 << 20

// pollableStdin returns standard input in non-blocking mode, so that closing
// it at exit interrupts a pending read instead of leaving it blocked.
func pollableStdin() io.Reader {
	if err := syscall.SetNonblock(0, true); err != nil {
		return os.Stdin
	}
	return os.NewFile(0, "/dev/stdin")
}

// stdio joins standard input and output into the stream the server reads and writes.
type stdio struct {
	in  io.Reader
	out io.Writer
}

func (s stdio) Read(p []byte) (int, error)  { return s.in.Read(p) }
func (s stdio) Write(p []byte) (int, error) { return s.out.Write(p) }
func (s stdio) Close() error {
	if c, ok := s.in.(io.Closer); ok {
		c.Close()
	}
	return nil
}
