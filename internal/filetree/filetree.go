// Package filetree copies directory trees: tests of lint and server set up
// throwaway copies of the multi-file test projects with it.
package filetree

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Copy copies the directory src, with everything below it, to dst.
func Copy(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
}
