package rules_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/asyncls/asyncls/rules"
)

// TestRuleSettings: each rule's default settings pass its own Validate, and
// Configure takes a value of a key's type, refuses another type naming the
// key, and leaves the rule's defaults alone.
func TestRuleSettings(t *testing.T) {
	withSettings := 0
	for _, r := range rules.All() {
		keys := r.SettingKeys()
		if r.Settings == nil {
			continue
		}
		withSettings++
		if len(keys) == 0 {
			t.Errorf("%s: Settings without a key (fields need a toml tag)", r.Code)
		}
		if err := r.Settings.Validate(); err != nil {
			t.Errorf("%s: the defaults do not validate: %v", r.Code, err)
		}
		for _, s := range keys {
			if s.Doc == "" {
				t.Errorf("%s: setting %s has no doc tag", r.Code, s.Key)
			}
			before := reflect.ValueOf(r.Settings).Elem().Interface()
			if _, err := r.Configure(map[string]any{s.Key: struct{}{}}); err == nil || !strings.Contains(err.Error(), s.Key) {
				t.Errorf("%s: a value of another type for %s: error %v, want one naming the key", r.Code, s.Key, err)
			}
			if _, isList := s.Default.([]string); isList {
				// An empty pattern is refused, naming the key.
				if _, err := r.Configure(map[string]any{s.Key: []string{""}}); err == nil || !strings.Contains(err.Error(), s.Key) {
					t.Errorf("%s: %s = [\"\"]: error %v, want one naming the key", r.Code, s.Key, err)
				}
			}
			got, err := r.Configure(map[string]any{s.Key: s.Default})
			if err != nil {
				t.Errorf("%s: %s set to its default: %v", r.Code, s.Key, err)
			} else if got == r.Settings {
				t.Errorf("%s: Configure returned the defaults themselves, not a copy", r.Code)
			}
			if !reflect.DeepEqual(before, reflect.ValueOf(r.Settings).Elem().Interface()) {
				t.Errorf("%s: Configure changed the defaults", r.Code)
			}
		}
	}
	if withSettings == 0 {
		t.Fatal("no rule has settings")
	}
	asl401 := rules.Lookup("ASL401")
	s, err := asl401.Configure(map[string]any{"asl401-min-saving-ms": 75.0})
	if err != nil || s.(*rules.SequentialAwaitsSettings).MinSavingMs != 75 {
		t.Errorf("asl401-min-saving-ms = 75: %#v, %v", s, err)
	}
}
