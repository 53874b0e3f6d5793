package lint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/rules"
)

// Fixed is the outcome of Fix.
type Fixed struct {
	*Result
	Applied int    // fixes applied (and written)
	Stdin   []byte // the fixed standard input, when the request had one
}

// Fix applies the fixes of res's findings (safe ones, and unsafe ones when
// unsafe is true) to the files reported on, writing each changed file with
// WriteFile, and re-analyses after each round so one fix cannot hide another
// rule's finding, until nothing changes (at most a few rounds). A fix is
// applied only when the fixed file parses no worse than before; a file that
// cannot be written is an error and keeps its findings. stdin names the
// analysed path of standard input (never written; its fixed source is
// returned), or "".
func Fix(res *Result, unsafe bool, stdin []byte, stdinPath string) *Fixed {
	out := &Fixed{Result: res, Stdin: stdin}
	var errs []error
	for round := 0; round < 5; round++ {
		byPath := map[string][]rules.Diagnostic{}
		for _, d := range out.Diagnostics {
			byPath[d.Path] = append(byPath[d.Path], d)
		}
		changed := false
		units := make([]*unit, len(out.units))
		for i, u := range out.units {
			next := *u
			next.sources = append([]Source(nil), u.sources...)
			for j, s := range next.sources {
				if !u.target(s.Path) {
					continue
				}
				m := u.project.Module(s.Path)
				diags := byPath[u.show(s.Path)]
				if m == nil || len(diags) == 0 {
					continue
				}
				newSrc, n := rules.ApplyFixes(s.Src, diags, unsafe)
				if n == 0 {
					continue
				}
				if err := fixedSourceOK(m.File, newSrc); err != nil {
					errs = append(errs, &FileError{Path: u.show(s.Path), Err: err})
					continue
				}
				if s.Path == stdinPath {
					out.Stdin = newSrc
				} else if err := WriteFile(s.Path, s.Src, newSrc); err != nil {
					errs = append(errs, &FileError{Path: u.show(s.Path), Err: err})
					continue
				}
				next.sources[j].Src = newSrc
				out.Applied += n
				changed = true
			}
			units[i] = &next
		}
		if !changed {
			break
		}
		prev := out.Result
		out.Result = analyseUnits(units)
		out.Errors = append(append([]error(nil), prev.Errors...), out.Errors...)
		out.Warnings = prev.Warnings
	}
	out.Errors = append(out.Errors, errs...)
	return out
}

// fixedSourceOK re-parses a fixed source before it is written: it must be
// valid UTF-8 within the limits and have no more syntax errors than the file had.
func fixedSourceOK(before *analysis.File, src []byte) error {
	if err := analysis.CheckSource(src); err != nil {
		return fmt.Errorf("a fix produced an unusable file and was not applied (please report it): %v", err)
	}
	if len(analysis.Parse(before.Path, src).SyntaxErrors) > len(before.SyntaxErrors) {
		return errors.New("a fix produced invalid Python and was not applied (please report it)")
	}
	return nil
}

// WriteFile replaces the content of the file at path, which was read as
// old, with data without damaging it: through a symbolic link it writes
// the link's target; it keeps the file's permissions (and owner, when
// allowed); it writes a temporary file in the same directory and renames
// it over the file, so an interrupted run never leaves half a file; and it
// refuses, with the reason, a read-only file, a file with other hard links
// (a rename would split them), and a file that changed since it was read.
func WriteFile(path string, old, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("not fixed: %v", unwrapPathError(err))
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("not fixed: %v", unwrapPathError(err))
	}
	if !info.Mode().IsRegular() {
		return errors.New("not fixed: not a regular file")
	}
	if info.Mode().Perm()&0o222 == 0 || syscall.Access(target, 2 /* W_OK */) != nil {
		return errors.New("not fixed: the file is read-only")
	}
	st, _ := info.Sys().(*syscall.Stat_t)
	if st != nil && st.Nlink > 1 {
		return fmt.Errorf("not fixed: the file has %d hard links that rewriting it would separate", st.Nlink)
	}
	current, err := ReadSource(target, int64(len(old))+1)
	if err != nil || !bytes.Equal(current, old) {
		return errors.New("not fixed: the file changed on disk while asyncls was running")
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".asyncls-*")
	if err != nil {
		return fmt.Errorf("not fixed: cannot create a temporary file next to it: %v", unwrapPathError(err))
	}
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("not fixed: %v", unwrapPathError(err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		return fail(err)
	}
	if st != nil {
		// Only root may give the file away; for others it is theirs already.
		_ = tmp.Chown(int(st.Uid), int(st.Gid))
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("not fixed: %v", unwrapPathError(err))
	}
	return nil
}
