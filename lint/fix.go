package lint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"unicode/utf8"
)

// Sources returns the content of every file reported on, by the path it is shown under.
func (r *Result) Sources() map[string][]byte {
	out := map[string][]byte{}
	for _, u := range r.units {
		for _, s := range u.sources {
			if u.target(s.Path) {
				out[u.show(s.Path)] = s.Src
			}
		}
	}
	return out
}

// Reanalyse analyses the same files again, in the same projects and with
// the same configurations, with the content of some of the files reported
// on replaced (by the path they are shown under): how `--fix` sees the
// effect of one round of fixes. Nothing is read from disk.
func (r *Result) Reanalyse(changed map[string][]byte, progress Progress) *Result {
	units := make([]*unit, len(r.units))
	for i, u := range r.units {
		next := *u
		next.sources = append([]Source(nil), u.sources...)
		for j, s := range next.sources {
			if src, ok := changed[u.show(s.Path)]; ok && u.target(s.Path) {
				next.sources[j].Src = src
			}
		}
		units[i] = &next
	}
	out := analyseUnits(units, progress, "", true)
	out.stdin = r.stdin
	// The files that could not be read or decoded are the same again: keep
	// each error once (--fix printed a file that is not UTF-8 once per round).
	out.Errors = uniqueErrors(append(append([]error(nil), r.Errors...), out.Errors...))
	out.Warnings = append([]error(nil), r.Warnings...)
	return out
}

// uniqueErrors drops the errors whose message an earlier one has.
func uniqueErrors(errs []error) []error {
	seen := map[string]bool{}
	out := errs[:0]
	for _, e := range errs {
		if msg := e.Error(); !seen[msg] {
			seen[msg] = true
			out = append(out, e)
		}
	}
	return out
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
	if err == nil && !utf8.Valid(current) {
		// The text analysed was decoded from the encoding the file declares
		// (PEP 263); writing it back would change the file's encoding.
		return errors.New("not fixed: the file is not UTF-8 (it declares another encoding); fixes are written to UTF-8 files only")
	}
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
