package server

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// TestCheckModuleEqualsCheck runs both over every rule's test data with
// every rule enabled, and requires the same findings in the same order.
func TestCheckModuleEqualsCheck(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/rules/*")
	dirs = append(dirs, "../examples/tutorial")
	all := &rules.Options{Enabled: map[string]bool{}}
	for _, r := range rules.All() {
		all.Enabled[r.Code] = true
	}
	compared := 0
	for _, dir := range dirs {
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			continue
		}
		cfg := config.Default()
		files, _ := lint.Collect([]string{dir}, cfg)
		res := lint.Run(files, nil, cfg)
		for _, m := range res.Project.Modules() {
			want := rules.Check(m, res.Project, all)
			got := checkModule(m, res.Project, all)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: checkModule differs from rules.Check\n got %v\nwant %v", m.File.Path, got, want)
			}
			compared += len(want)
		}
	}
	if compared == 0 {
		t.Fatal("nothing compared")
	}
	t.Logf("%d findings compared", compared)
}
