package server

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
)

// Level is a log level; lower is more severe.
type Level int32

const (
	LevelError Level = iota
	LevelWarn
	LevelInfo
	LevelDebug
)

func parseLevel(s string) (Level, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return LevelError, true
	case "warn", "warning":
		return LevelWarn, true
	case "info", "":
		return LevelInfo, true
	case "debug", "trace", "verbose":
		return LevelDebug, true
	}
	return LevelInfo, false
}

var levelNames = [...]string{"error", "warn", "info", "debug"}

// logger writes to stderr and, once connected, to the client's
// window/logMessage, dropping messages below its level.
type logger struct {
	level  atomic.Int32
	mu     sync.Mutex
	stderr io.Writer
	client func(protocol.MessageType, string) // nil until the connection exists
}

func newLogger(stderr io.Writer, level Level) *logger {
	l := &logger{stderr: stderr}
	l.level.Store(int32(level))
	return l
}

func (l *logger) setLevel(level Level) { l.level.Store(int32(level)) }

func (l *logger) logf(level Level, format string, args ...any) {
	if int32(level) > l.level.Load() {
		return
	}
	msg := fmt.Sprintf(format, args...)
	l.mu.Lock()
	if l.stderr != nil {
		fmt.Fprintf(l.stderr, "%s asyncls %s: %s\n", time.Now().Format("15:04:05.000"), levelNames[level], msg)
	}
	client := l.client
	l.mu.Unlock()
	if client != nil {
		kind := []protocol.MessageType{protocol.MessageTypeError, protocol.MessageTypeWarning, protocol.MessageTypeInfo, protocol.MessageTypeLog}[level]
		client(kind, msg)
	}
}

func (l *logger) errorf(format string, args ...any) { l.logf(LevelError, format, args...) }
func (l *logger) warnf(format string, args ...any)  { l.logf(LevelWarn, format, args...) }
func (l *logger) infof(format string, args ...any)  { l.logf(LevelInfo, format, args...) }
func (l *logger) debugf(format string, args ...any) { l.logf(LevelDebug, format, args...) }
