package server

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// gatedFrames writes a frame each time its gate lets one through, checking
// the writeQueue's bound on every write.
type gatedFrames struct {
	t       *testing.T
	q       *writeQueue
	gate    chan struct{}
	written []uint32 // sequence numbers, in write order (writer goroutine only)
	most    int      // the most answer bytes seen queued
}

func (g *gatedFrames) ReadFrame(context.Context) ([]byte, int64, error) { return nil, 0, io.EOF }

func (g *gatedFrames) WriteFrame(_ context.Context, data []byte) (int64, error) {
	<-g.gate
	g.q.mu.Lock()
	g.most = max(g.most, g.q.answerBytes)
	g.q.mu.Unlock()
	g.written = append(g.written, uint32(data[0])<<16|uint32(data[1])<<8|uint32(data[2]))
	return int64(len(data)), nil
}

// TestWriteQueueBoundsAnswers: while the client does not read, answers are
// queued up to maxQueuedAnswerBytes (then the answering goroutine waits), and
// everything is written in the order it was queued.
func TestWriteQueueBoundsAnswers(t *testing.T) {
	const size = 64 << 10
	const items = 3 * maxQueuedAnswerBytes / size
	g := &gatedFrames{t: t, gate: make(chan struct{})}
	g.q = newWriteQueue(g)
	queued := make(chan error, 1)
	go func() {
		for i := range items {
			data := make([]byte, size)
			data[0], data[1], data[2] = byte(i>>16), byte(i>>8), byte(i)
			if err := g.q.enqueue(context.Background(), data, false); err != nil {
				queued <- err
				return
			}
		}
		queued <- nil
	}()
	// The client reads nothing until the answers have filled the queue to
	// its bound (less the frame the writer holds): releasing frames at once
	// made how full it got depend on the scheduler. The minute is a hang
	// guard, not a speed limit.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(time.Millisecond) {
		g.q.mu.Lock()
		n := g.q.answerBytes
		g.q.mu.Unlock()
		if n >= maxQueuedAnswerBytes-2*size {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("answers stopped being queued at %d bytes, below the bound (%d)", n, maxQueuedAnswerBytes)
		}
	}
	for range items {
		g.gate <- struct{}{}
	}
	if err := <-queued; err != nil {
		t.Fatal(err)
	}
	g.q.close(waitTimeout)
	if len(g.written) != items {
		t.Fatalf("%d frames written, want %d", len(g.written), items)
	}
	for i, seq := range g.written {
		if seq != uint32(i) {
			t.Fatalf("frame %d written in position %d", seq, i)
		}
	}
	// An answer is admitted while fewer than the bound's bytes wait.
	if g.most >= maxQueuedAnswerBytes+size {
		t.Errorf("%d bytes of answers were queued, the bound is %d", g.most, maxQueuedAnswerBytes)
	}
	if g.most < maxQueuedAnswerBytes/2 {
		t.Errorf("at most %d bytes were queued: the answers waited for the writer long before the bound (%d)", g.most, maxQueuedAnswerBytes)
	}
}

// TestCodecResultsOwnTheirBytes: what the codec decodes stays intact when
// jsonrpc2 reuses the buffer it lent (the next message overwrites it).
func TestCodecResultsOwnTheirBytes(t *testing.T) {
	data := []byte(`[{"title":"Show documentation for ASL100","kind":"quickfix"}]`)
	var actions []protocol.CommandOrCodeAction
	if err := (lspCodec{}).Unmarshal(data, &actions); err != nil {
		t.Fatal(err)
	}
	copy(data, strings.Repeat("X", len(data)))
	if len(actions) != 1 || actions[0].(*protocol.CodeAction).Title != "Show documentation for ASL100" {
		t.Fatalf("decoded %+v, which changed with the buffer it was read from", actions)
	}
}
