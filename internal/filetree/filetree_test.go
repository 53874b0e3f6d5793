package filetree

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCopy(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "copy")
	os.MkdirAll(filepath.Join(src, "pkg"), 0o755)
	os.WriteFile(filepath.Join(src, "pkg", "a.py"), []byte("x = 1\n"), 0o644)
	if err := Copy(src, dst); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dst, "pkg", "a.py")); err != nil || string(got) != "x = 1\n" {
		t.Fatalf("copied file: %q, %v", got, err)
	}
	if err := Copy(filepath.Join(src, "missing"), dst); err == nil {
		t.Error("copying a missing directory succeeded")
	}
}
