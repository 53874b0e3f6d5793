package rules

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Settings are the settings of one rule: a pointer to a struct whose
// exported fields are keys of [tool.asyncls], each tagged `toml:"key"` and
// described by a `doc:"..."` tag. The rule's value (Rule.Settings) holds
// the defaults; config decodes the keys into a copy (refusing a value of
// another type) and calls Validate, and the rule reads the result with
// settingsOf. Field types are float64, int, bool, string or []string, or
// *bool: an optional boolean whose nil default means "unset" (the rule
// decides per module; its doc says how).
type Settings interface {
	// Validate checks the values beyond their type; its error names the key.
	Validate() error
}

// Setting describes one key of a rule's settings (for config and docs).
type Setting struct {
	Key     string
	Doc     string
	Type    reflect.Type
	Default any
	field   int
}

// TypeName names the setting's type as TOML users read it.
func (s Setting) TypeName() string { return settingTypeName(s.Type) }

func settingTypeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Float64:
		return "number"
	case reflect.Int:
		return "integer"
	case reflect.Bool:
		return "boolean"
	case reflect.String:
		return "string"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "list of strings"
		}
	case reflect.Pointer:
		if t.Elem().Kind() == reflect.Bool {
			return "boolean"
		}
	}
	panic("rules: unsupported setting type " + t.String())
}

// FormatDefault renders the default as TOML ("20", "[]", "true", "\"x\"").
func (s Setting) FormatDefault() string {
	switch v := s.Default.(type) {
	case []string:
		q := make([]string, len(v))
		for i, e := range v {
			q[i] = fmt.Sprintf("%q", e)
		}
		return "[" + strings.Join(q, ", ") + "]"
	case string:
		return fmt.Sprintf("%q", v)
	case *bool:
		if v == nil {
			return "unset"
		}
		return fmt.Sprint(*v)
	}
	return fmt.Sprint(s.Default)
}

// SettingKeys lists the keys of r's settings in declaration order (none
// for a rule without settings).
func (r *Rule) SettingKeys() []Setting {
	if r.Settings == nil {
		return nil
	}
	v := reflect.ValueOf(r.Settings).Elem()
	var out []Setting
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		key, ok := f.Tag.Lookup("toml")
		if !ok || !f.IsExported() {
			continue
		}
		s := Setting{Key: key, Doc: f.Tag.Get("doc"), Type: f.Type, Default: v.Field(i).Interface(), field: i}
		settingTypeName(s.Type) // panics on an unsupported type
		out = append(out, s)
	}
	return out
}

// SettingKeys lists every rule's setting keys, sorted.
func SettingKeys() []string {
	var out []string
	for _, r := range All() {
		for _, s := range r.SettingKeys() {
			out = append(out, s.Key)
		}
	}
	sort.Strings(out)
	return out
}

// RuleOfSetting returns the rule that has the setting key, or nil.
func RuleOfSetting(key string) *Rule {
	for _, r := range All() {
		for _, s := range r.SettingKeys() {
			if s.Key == key {
				return r
			}
		}
	}
	return nil
}

// Configure returns a copy of r's default settings with values (key -> a
// value of the key's type) applied, checked by Validate. Keys of other
// rules are ignored; a value of the wrong type is an error naming the key.
func (r *Rule) Configure(values map[string]any) (Settings, error) {
	if r.Settings == nil {
		return nil, nil
	}
	cp := reflect.New(reflect.TypeOf(r.Settings).Elem())
	cp.Elem().Set(reflect.ValueOf(r.Settings).Elem())
	for _, s := range r.SettingKeys() {
		v, ok := values[s.Key]
		if !ok {
			continue
		}
		rv := reflect.ValueOf(v)
		if rv.IsValid() && s.Type.Kind() == reflect.Pointer && rv.Type() == s.Type.Elem() {
			// An optional setting given a value (config decodes `key =
			// true` to a bool).
			p := reflect.New(s.Type.Elem())
			p.Elem().Set(rv)
			rv = p
		}
		if !rv.IsValid() || rv.Type() != s.Type {
			return nil, fmt.Errorf("%s: want a %s, got %v", s.Key, s.TypeName(), v)
		}
		cp.Elem().Field(s.field).Set(rv)
	}
	out := cp.Interface().(Settings)
	if err := out.Validate(); err != nil {
		return nil, err
	}
	return out, nil
}

// settingsOf returns the settings the pass's rule runs with: the
// configured ones (Options.Settings), else the rule's defaults.
func settingsOf[T Settings](p *Pass) T {
	if p.Options != nil {
		if s, ok := p.Options.Settings[p.Rule.Code].(T); ok {
			return s
		}
	}
	return p.Rule.Settings.(T)
}

// settingsKey is the options' settings as text, for cache keys.
func settingsKey(o *Options) string {
	codes := make([]string, 0, len(o.Settings))
	for code := range o.Settings {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	var b strings.Builder
	for _, code := range codes {
		v := reflect.Indirect(reflect.ValueOf(o.Settings[code]))
		if !v.IsValid() {
			continue
		}
		// Field by field: %+v would print an optional setting's pointer,
		// an address that differs from run to run.
		fmt.Fprintf(&b, "%s{", code)
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if f.Kind() == reflect.Pointer {
				if f.IsNil() {
					fmt.Fprintf(&b, "%s:unset ", v.Type().Field(i).Name)
					continue
				}
				f = f.Elem()
			}
			fmt.Fprintf(&b, "%s:%v ", v.Type().Field(i).Name, f.Interface())
		}
		b.WriteString("};")
	}
	return b.String()
}
