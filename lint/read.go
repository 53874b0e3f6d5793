package lint

import (
	"fmt"
	"io"
	"os"
)

// DefaultMaxFileSize is the largest file read when the configuration does
// not set max-file-size: bigger files are generated data, not code to lint,
// and would stall an editor or a CI run.
const DefaultMaxFileSize = 10 << 20

// Warning is a file or link skipped on purpose (too large, a link leading
// out of the tree): it is shown, but the run goes on and the exit status
// does not change.
type Warning struct {
	Path, Msg string
	capped    bool // a walk stopped at its limit of files
}

func (w *Warning) Error() string {
	if w.Path == "" {
		return w.Msg
	}
	return w.Path + ": " + w.Msg
}

func tooLarge(path string, limit int64) *Warning {
	return &Warning{Path: path, Msg: fmt.Sprintf("skipped: larger than the %d-byte limit (max-file-size in [tool.asyncls])", limit)}
}

// ReadSource reads the regular file at path (following links), never more
// than limit bytes: a link named x.py to /dev/zero, a FIFO or a device is
// refused before it is opened, and a file that grows past the limit while
// being read is skipped.
func ReadSource(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	if !info.Mode().IsRegular() {
		return nil, &FileError{Path: path, Err: fmt.Errorf("not a regular file (%s)", fileKind(info.Mode()))}
	}
	if info.Size() > limit {
		return nil, tooLarge(path, limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	defer f.Close()
	data, err := readSized(io.LimitReader(f, limit+1), info.Size())
	if err != nil {
		return nil, &FileError{Path: path, Err: unwrapPathError(err)}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(path, limit)
	}
	return data, nil
}

// readSized reads r to its end into a buffer sized for size bytes (what
// the file held when it was stat'ed) and grown only if it has more: every
// source stays in memory for the whole run, and io.ReadAll's doubling would
// leave a fifth of the buffers unused.
func readSized(r io.Reader, size int64) ([]byte, error) {
	data := make([]byte, 0, size+1) // one byte more to see the end without growing
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// fileKind names what a file that is not a regular file is.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file: " + m.Type().String()
}
