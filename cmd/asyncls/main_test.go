package main

import (
	"os"
	"testing"
)

// TestMain keeps the cache of `check` out of the source tree: the tests'
// runs share one temporary cache directory.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "asyncls-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("ASYNCLS_CACHE_DIR", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
