package server

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkIndexWorkspace times indexing a workspace folder (finding its
// projects, walking each as check does, parsing and building every module):
// $ASYNCLS_BENCH_WORKSPACE, else the multi-file test projects copied side
// by side, each a project of its own.
func BenchmarkIndexWorkspace(b *testing.B) {
	folder := os.Getenv("ASYNCLS_BENCH_WORKSPACE")
	if folder == "" {
		folder = b.TempDir()
		for _, p := range multiFileProjects(b) {
			copyTree(b, p, filepath.Join(folder, projectName(p)), true)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := newServer(Options{})
		s.ws.setFolders([]string{folder})
		s.ws.index([]string{folder})
		s.cancel()
		s.waitBackground()
	}
}
