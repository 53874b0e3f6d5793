package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileKeepsTheFile(t *testing.T) {
	dir := t.TempDir()
	old, next := []byte("old\n"), []byte("new\n")
	p := filepath.Join(dir, "x.py")
	must(t, os.WriteFile(p, old, 0o751))
	must(t, os.Chmod(p, 0o751))
	must(t, WriteFile(p, old, next))
	if got, _ := os.ReadFile(p); string(got) != "new\n" {
		t.Errorf("content %q", got)
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o751 {
		t.Errorf("mode %v, want 0751", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left behind: %v", entries)
	}

	// Through a symbolic link: the target changes, the link stays a link.
	link := filepath.Join(dir, "link.py")
	must(t, os.Symlink(p, link))
	must(t, WriteFile(link, next, []byte("linked\n")))
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(p); string(got) != "linked\n" {
		t.Errorf("target content %q", got)
	}
}

func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	content := []byte("x = 1\n")
	for name, setup := range map[string]func(p string){
		"read-only": func(p string) { must(t, os.Chmod(p, 0o444)) },
		"hard links": func(p string) {
			must(t, os.Link(p, p+".other"))
		},
		"changed on disk": func(p string) { must(t, os.WriteFile(p, []byte("x = 2\n"), 0o644)) },
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".py")
		must(t, os.WriteFile(p, content, 0o644))
		setup(p)
		before, _ := os.ReadFile(p)
		err := WriteFile(p, content, []byte("fixed\n"))
		if err == nil || !strings.HasPrefix(err.Error(), "not fixed:") {
			t.Errorf("%s: err = %v, want a refusal", name, err)
		}
		if after, _ := os.ReadFile(p); string(after) != string(before) {
			t.Errorf("%s: the file changed to %q", name, after)
		}
	}
}
