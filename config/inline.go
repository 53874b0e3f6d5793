package config

import (
	"bytes"
	"os"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"
)

// IsInline reports whether a --config argument is an inline setting
// ('KEY = VALUE', as ruff accepts) rather than the path of a file: it has an
// "=" and names no existing file.
func IsInline(arg string) bool {
	if !strings.Contains(arg, "=") {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}

// Override returns a copy of c with the inline TOML setting ('select =
// ["ASL"]', 'latency.fetch = "50ms"') applied on top; it is checked like
// the file's own keys.
func (c *Config) Override(setting string) (*Config, error) {
	in, err := Parse("", []byte("[tool.asyncls]\n"+setting+"\n"))
	if err != nil {
		msg := err.Error()
		if e, ok := err.(*Error); ok {
			msg = e.Msg
		}
		return nil, &Error{Msg: "--config " + strconvQuote(setting) + ": " + msg}
	}
	out := *c
	ov, iv := reflect.ValueOf(&out).Elem(), reflect.ValueOf(in).Elem()
	for i := 0; i < iv.NumField(); i++ {
		if _, ok := iv.Type().Field(i).Tag.Lookup("toml"); ok && !iv.Field(i).IsNil() {
			ov.Field(i).Set(iv.Field(i))
		}
	}
	if len(in.RuleSettings) > 0 {
		out.RuleSettings = map[string]any{}
		for k, v := range c.RuleSettings {
			out.RuleSettings[k] = v
		}
		for k, v := range in.RuleSettings {
			out.RuleSettings[k] = v
		}
	}
	return &out, nil
}

// Describe renders the settings that are set as a [tool.asyncls] table.
func (c *Config) Describe() string {
	set := map[string]any{}
	v := reflect.ValueOf(c).Elem()
	for i := 0; i < v.NumField(); i++ {
		tag, ok := v.Type().Field(i).Tag.Lookup("toml")
		if ok && !v.Field(i).IsNil() {
			set[tag] = v.Field(i).Interface()
		}
	}
	for k, rv := range c.RuleSettings {
		set[k] = rv
	}
	var b bytes.Buffer
	b.WriteString("[tool.asyncls]\n")
	if len(set) == 0 {
		b.WriteString("# nothing set: every default applies\n")
		return b.String()
	}
	toml.NewEncoder(&b).Encode(set)
	return b.String()
}
