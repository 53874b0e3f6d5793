package analysis

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// codingCookie is PEP 263's declaration, looked for on the first two lines.
var codingCookie = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*([-_.a-zA-Z0-9]+)`)

// pythonCodecName matches Python's spellings of ISO 8859 and Windows code
// pages that the IANA and WHATWG indexes do not list.
var pythonCodecName = regexp.MustCompile(`^(iso8859-|iso-?8859-|8859-|cp)(\d+)$`)

// DecodeSource returns src as UTF-8 text, the way Python reads it: a file
// that is not valid UTF-8 is decoded with the encoding its PEP 263 coding
// declaration names (`# -*- coding: latin-1 -*-`; IPython's tests declare
// iso-8859-5). Valid UTF-8 is returned as it is, so nothing changes for the
// usual file, and so is src whose encoding is not declared or not known:
// CheckSource then reports it (with the name it declared).
func DecodeSource(src []byte) []byte {
	if utf8.Valid(src) {
		return src
	}
	enc := declaredEncoding(src)
	if enc == nil {
		return src
	}
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil || !utf8.Valid(out) {
		return src
	}
	return out
}

// InDeclaredEncoding reports text that DecodeSource may have decoded: it
// declares an encoding other than UTF-8 that asyncls knows, and is not
// ASCII. Fixes are not written to such a file (they would be written in
// UTF-8 under a declaration that says otherwise).
func InDeclaredEncoding(src []byte) bool {
	if declaredEncoding(src) == nil {
		return false
	}
	for _, b := range src {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

// DeclaredCoding is the encoding name of src's PEP 263 declaration, or "".
func DeclaredCoding(src []byte) string {
	// Only the first two lines count, and the second only after a first
	// line that is a comment or blank (PEP 263; tokenize.detect_encoding).
	for i := 0; i < 2 && len(src) > 0; i++ {
		line := src
		if j := bytes.IndexByte(src, '\n'); j >= 0 {
			line, src = src[:j], src[j+1:]
		} else {
			src = nil
		}
		if i == 0 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if m := codingCookie.FindSubmatch(line); m != nil {
			return string(m[1])
		}
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			return ""
		}
	}
	return ""
}

// declaredEncoding is the decoder of src's declared encoding, nil when it
// declares none, UTF-8 (invalid UTF-8 stays an error) or one not known here.
func declaredEncoding(src []byte) encoding.Encoding {
	name := strings.ToLower(strings.ReplaceAll(DeclaredCoding(src), "_", "-"))
	if m := pythonCodecName.FindStringSubmatch(name); m != nil {
		// Python's own spellings: iso8859-5, cp1251, 8859-2.
		if m[1] == "cp" {
			name = "windows-" + m[2]
		} else {
			name = "iso-8859-" + m[2]
		}
	}
	switch name {
	case "", "utf-8", "utf8", "utf-8-sig", "u8", "utf":
		return nil
	case "latin-1", "latin1", "latin", "l1", "iso-8859-1", "iso8859-1", "iso-latin-1", "8859", "cp819":
		// Python's latin-1 maps every byte to the code point of its value;
		// the web's "latin1" label is windows-1252, which differs at 0x80-0x9F.
		return charmap.ISO8859_1
	}
	if enc, err := ianaindex.IANA.Encoding(name); err == nil && enc != nil {
		return enc
	}
	if enc, err := htmlindex.Get(name); err == nil && enc != nil {
		return enc
	}
	return nil
}
