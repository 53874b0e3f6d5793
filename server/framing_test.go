package server

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// A frame without a Content-Length header cannot be read past, so the
// server stops; it says why in its log instead of ending without a word.
// A clean end of the stream is not logged as an error.
func TestUnreadableFrameIsLogged(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"Content-Lngth: 2\r\n\r\n{}", "stopping: cannot read the client's messages"},
		{"", ""},
	} {
		var logBuf syncBuilder
		code := Serve(context.Background(), &pipeConn{Reader: strings.NewReader(tc.in), Writer: io.Discard},
			Options{Stderr: &logBuf, NoTimingHints: true})
		got := logBuf.String()
		if code != 1 {
			t.Errorf("%q: exit %d, want 1 (no shutdown)", tc.in, code)
		}
		if tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%q: log %q does not say %q", tc.in, got, tc.want)
		}
		if tc.want == "" && bytes.Contains([]byte(got), []byte("error")) {
			t.Errorf("clean end logged an error: %q", got)
		}
	}
}
