package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/asyncls/asyncls/config"
)

// Settings are the editor-side settings, with the camelCase keys VS Code
// settings use. They come from initializationOptions and from the
// workspace/configuration section "asyncls". A nil field is "not set".
type Settings struct {
	Select       []string          `json:"select"`
	ExtendSelect []string          `json:"extendSelect"`
	Ignore       []string          `json:"ignore"`
	Latency      map[string]string `json:"latency"`
	DebounceMs   *int              `json:"debounceMs"`
	LogLevel     *string           `json:"logLevel"`
	// TimingHints turns the simulator's estimates in hovers on or off (default on).
	TimingHints *bool `json:"timingHints"`
}

// SettingKeys lists the accepted keys, for messages and docs.
var SettingKeys = []string{"select", "extendSelect", "ignore", "latency", "debounceMs", "logLevel", "timingHints"}

// DefaultDebounce is how long the server waits after the last change of a
// document before analysing it.
const DefaultDebounce = 100 * time.Millisecond

// ParseSettings decodes a settings object. null, an empty value or an
// empty array is "no settings". Some clients wrap the section in {"asyncls": {...}}, which is
// accepted too. Unknown keys and bad values are errors that name them.
func ParseSettings(raw []byte) (Settings, error) {
	var s Settings
	raw = bytes.TrimSpace(raw)
	// An empty array is what Lua clients (Neovim) send for an empty table.
	if len(raw) == 0 || string(raw) == "null" || isEmptyArray(raw) {
		return s, nil
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return s, fmt.Errorf("asyncls settings must be an object: %v", err)
	}
	if inner, ok := obj["asyncls"]; ok && len(obj) == 1 {
		return ParseSettings(inner)
	}
	var unknown []string
	for k := range obj {
		if !contains(SettingKeys, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return s, fmt.Errorf("unknown asyncls setting %q (known settings: %s)", unknown[0], strings.Join(SettingKeys, ", "))
	}
	// null values mean "not set", as VS Code sends for cleared settings.
	for k, v := range obj {
		if string(bytes.TrimSpace(v)) == "null" {
			delete(obj, k)
		}
	}
	clean, _ := json.Marshal(obj)
	dec := json.NewDecoder(bytes.NewReader(clean))
	if err := dec.Decode(&s); err != nil {
		return Settings{}, fmt.Errorf("bad asyncls setting: %v", err)
	}
	if err := s.validate(); err != nil {
		return Settings{}, err
	}
	return s, nil
}

func (s Settings) validate() error {
	for _, list := range []struct {
		key   string
		codes []string
	}{{"select", s.Select}, {"extendSelect", s.ExtendSelect}, {"ignore", s.Ignore}} {
		for _, c := range list.codes {
			if _, err := config.Expand(c); err != nil {
				return fmt.Errorf("asyncls setting %s: %v", list.key, err)
			}
		}
	}
	if err := config.ValidateLatency(s.Latency); err != nil {
		return fmt.Errorf("asyncls setting %v", err)
	}
	if s.DebounceMs != nil && (*s.DebounceMs < 0 || *s.DebounceMs > 10000) {
		return fmt.Errorf("asyncls setting debounceMs: %d is outside 0..10000", *s.DebounceMs)
	}
	if s.LogLevel != nil {
		if _, ok := parseLevel(*s.LogLevel); !ok {
			return fmt.Errorf("asyncls setting logLevel: unknown level %q (want error, warn, info or debug)", *s.LogLevel)
		}
	}
	return nil
}

// Warnings lists the codes of select, extendSelect and ignore that are
// another linter's (accepted, without effect), as config.Warnings does for
// pyproject.toml.
func (s Settings) Warnings() []string {
	var out []string
	for _, w := range (&config.Config{Select: s.Select, ExtendSelect: s.ExtendSelect, Ignore: s.Ignore}).Warnings() {
		out = append(out, strings.Replace(w, "extend-select:", "extendSelect:", 1))
	}
	return out
}

// Merge returns s with every key set in over replacing s's value.
func (s Settings) Merge(over Settings) Settings {
	if over.Select != nil {
		s.Select = over.Select
	}
	if over.ExtendSelect != nil {
		s.ExtendSelect = over.ExtendSelect
	}
	if over.Ignore != nil {
		s.Ignore = over.Ignore
	}
	if over.Latency != nil {
		s.Latency = over.Latency
	}
	if over.DebounceMs != nil {
		s.DebounceMs = over.DebounceMs
	}
	if over.LogLevel != nil {
		s.LogLevel = over.LogLevel
	}
	if over.TimingHints != nil {
		s.TimingHints = over.TimingHints
	}
	return s
}

// Debounce returns the configured debounce delay.
func (s Settings) Debounce() time.Duration {
	if s.DebounceMs == nil {
		return DefaultDebounce
	}
	return time.Duration(*s.DebounceMs) * time.Millisecond
}

// Apply layers the editor settings over a file's configuration exactly as
// command-line flags layer over pyproject.toml for `asyncls check`
// (config.Apply: select replaces the file's selection, otherwise
// extendSelect and ignore add to its lists); latency entries override the
// file's entries of the same name.
func (s Settings) Apply(cfg *config.Config) (*config.Config, error) {
	out, err := cfg.Apply(config.Overrides{Select: s.Select, ExtendSelect: s.ExtendSelect, Ignore: s.Ignore,
		Names: [3]string{"select", "extendSelect", "ignore"}})
	if err != nil {
		return nil, err
	}
	if len(s.Latency) > 0 {
		merged := map[string]string{}
		for k, v := range cfg.Latency {
			merged[k] = v
		}
		for k, v := range s.Latency {
			merged[k] = v
		}
		out.Latency = merged
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func isEmptyArray(raw []byte) bool {
	var a []json.RawMessage
	return raw[0] == '[' && json.Unmarshal(raw, &a) == nil && len(a) == 0
}
