package sitepkgs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncls/asyncls/config"
)

func mkfile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFindLayouts(t *testing.T) {
	t.Setenv("VIRTUAL_ENV", "")
	root := t.TempDir()
	// POSIX, two interpreters: the newer one's first (3.10 after 3.9 by number).
	mkfile(t, filepath.Join(root, ".venv", "lib", "python3.9", "site-packages", "a.py"), "")
	mkfile(t, filepath.Join(root, ".venv", "lib", "python3.10", "site-packages", "a.py"), "")
	env, err := Find(root, nil)
	if err != nil || env == nil || len(env.Dirs) != 2 || filepath.Base(filepath.Dir(env.Dirs[0])) != "python3.10" {
		t.Fatalf("Find = %+v, %v; want python3.10's site-packages first", env, err)
	}
	// Windows layout in venv/.
	win := t.TempDir()
	mkfile(t, filepath.Join(win, "venv", "Lib", "site-packages", "b.py"), "")
	if env, _ := Find(win, nil); env == nil || len(env.Dirs) != 1 {
		t.Fatalf("Windows layout not found: %+v", env)
	}
	// None.
	if env, err := Find(t.TempDir(), nil); env != nil || err != nil {
		t.Fatalf("no environment: got %+v, %v", env, err)
	}
	// Turned off.
	off := false
	if env, _ := Find(root, &config.Config{InstalledLibraries: &off}); env != nil {
		t.Fatal("installed-libraries = false still found an environment")
	}
}

func TestLocatePrefersStubsAndPackages(t *testing.T) {
	site := t.TempDir()
	mkfile(t, filepath.Join(site, "m.py"), "def f(): pass\n")
	mkfile(t, filepath.Join(site, "m.pyi"), "async def f() -> None: ...\n")
	mkfile(t, filepath.Join(site, "p", "__init__.py"), "")
	mkfile(t, filepath.Join(site, "p.py"), "")
	mkfile(t, filepath.Join(site, "s", "__init__.py"), "")
	mkfile(t, filepath.Join(site, "s-stubs", "__init__.pyi"), "")
	env := &Env{Dirs: []string{site}}
	for name, want := range map[string]string{"m": "m.pyi", "p": filepath.Join("p", "__init__.py"), "s": filepath.Join("s-stubs", "__init__.pyi")} {
		if path, _, _ := env.locate(name); path != filepath.Join(site, want) {
			t.Errorf("locate(%q) = %s, want %s", name, path, want)
		}
	}
	for _, bad := range []string{"", "a..b", "../etc", "a/b", "1a"} {
		if env.LibraryModule(bad) != nil {
			t.Errorf("LibraryModule(%q) read something", bad)
		}
	}
	if m := env.LibraryModule("m"); m == nil || !m.Library {
		t.Fatal("m not read as a library module")
	}
	if st := env.Stamps(); st["m"] == "" || !env.Unchanged(st) {
		t.Fatalf("stamps %v not unchanged", st)
	}
}
