package server

import (
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"
)

// progress reports one piece of work with $/progress. It is inert when the
// client does not support window/workDoneProgress or refused the token.
type progress struct {
	s     *Server
	token protocol.ProgressToken
}

// startProgress creates a token and sends "begin". It makes a request to the
// client, so it must not run on the read loop.
func (s *Server) startProgress(title string) *progress {
	p := &progress{s: s}
	if !s.caps.workDoneProgress {
		return p
	}
	token := protocol.String(fmt.Sprintf("asyncls-%d", s.progressSeq.Add(1)))
	if err := s.call(protocol.MethodWindowWorkDoneProgressCreate, &protocol.WorkDoneProgressCreateParams{Token: token}, nil); err != nil {
		s.log.debugf("window/workDoneProgress/create: %v", err)
		return p
	}
	p.token = token
	zero := uint32(0)
	p.send(protocol.WorkDoneProgressBegin{Kind: "begin", Title: title, Percentage: &zero})
	return p
}

func (p *progress) send(value any) {
	if p.token == nil {
		return
	}
	raw, err := json.Marshal(value)
	if err != nil {
		return
	}
	p.s.notify(protocol.MethodProgress, &protocol.ProgressParams{Token: p.token, Value: protocol.LSPAny(raw)})
}

func (p *progress) report(msg string, percent uint32) {
	p.send(protocol.WorkDoneProgressReport{Kind: "report", Message: &msg, Percentage: &percent})
}

func (p *progress) end(msg string) {
	p.send(protocol.WorkDoneProgressEnd{Kind: "end", Message: &msg})
}
