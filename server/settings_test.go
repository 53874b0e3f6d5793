package server

import (
	"strings"
	"testing"

	"github.com/asyncls/asyncls/config"
)

func TestParseSettings(t *testing.T) {
	s, err := ParseSettings([]byte(`{"select": ["ASYNC"], "debounceMs": 0, "logLevel": "debug", "latency": {"a.b": "5ms"}, "ignore": null}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Select) != 1 || s.DebounceMs == nil || *s.DebounceMs != 0 || s.Debounce() != 0 || s.Ignore != nil || s.Latency["a.b"] != "5ms" {
		t.Fatalf("parsed %+v", s)
	}
	// Wrapped in the section name, as some clients send didChangeConfiguration.
	if s, err := ParseSettings([]byte(`{"asyncls": {"ignore": ["ASYNC251"]}}`)); err != nil || len(s.Ignore) != 1 {
		t.Fatalf("wrapped settings: %+v %v", s, err)
	}
	if s, err := ParseSettings([]byte(`null`)); err != nil || s.Select != nil || s.Debounce() != DefaultDebounce {
		t.Fatalf("null settings: %+v %v", s, err)
	}
	for bad, want := range map[string]string{
		`{"colour": 1}`:                `unknown asyncls setting "colour"`,
		`{"select": ["ASLNOPE9"]}`:     `ASLNOPE9`,
		`{"debounceMs": -5}`:           `debounceMs`,
		`{"debounceMs": "fast"}`:       `bad asyncls setting`,
		`{"logLevel": "loud"}`:         `logLevel`,
		`[1, 2]`:                       `must be an object`,
		`{"timingHints": "sometimes"}`: `bad asyncls setting`,
	} {
		if _, err := ParseSettings([]byte(bad)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to mention %q", bad, err, want)
		}
	}
}

func TestSettingsPrecedence(t *testing.T) {
	d1, d2 := 50, 0
	init := Settings{Select: []string{"ASYNC251"}, DebounceMs: &d1}
	ws := Settings{Ignore: []string{"ASYNC230"}, DebounceMs: &d2}
	eff := init.Merge(ws)
	if len(eff.Select) != 1 || len(eff.Ignore) != 1 || *eff.DebounceMs != 0 {
		t.Fatalf("merge: %+v", eff)
	}
	// Over pyproject.toml, as flags over it for `asyncls check`: select
	// replaces the file's selection (select, extend-select and ignore).
	file := &config.Config{Select: []string{"ASYNC2"}, Ignore: []string{"ASYNC240"}, Latency: map[string]string{"a": "1ms", "b": "2ms"}}
	cfg, err := Settings{Select: []string{"ASYNC251"}, Ignore: []string{"ASYNC230"}, Latency: map[string]string{"b": "3ms"}}.Apply(file)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(cfg.Select, ",") != "ASYNC251" || strings.Join(cfg.Ignore, ",") != "ASYNC230" || cfg.Latency["a"] != "1ms" || cfg.Latency["b"] != "3ms" {
		t.Fatalf("applied: %+v", cfg)
	}
	if file.Latency["b"] != "2ms" {
		t.Fatal("Apply modified the file's configuration")
	}
	// Without select, extendSelect and ignore add to the file's lists.
	cfg, err = Settings{Ignore: []string{"ASYNC230"}}.Apply(file)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(cfg.Select, ",") != "ASYNC2" || strings.Join(cfg.Ignore, ",") != "ASYNC240,ASYNC230" {
		t.Fatalf("applied without select: %+v", cfg)
	}
}
