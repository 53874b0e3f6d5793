package server

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/asyncls/asyncls/rules"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// showDocumentationCommand opens a rule's documentation page; its argument is the rule code.
const showDocumentationCommand = "asyncls.showDocumentation"

// ExecuteCommand runs the commands the server's code actions carry.
func (s *Server) ExecuteCommand(ctx context.Context, params *protocol.ExecuteCommandParams) (protocol.LSPAny, error) {
	if params.Command != showDocumentationCommand {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "asyncls: unknown command "+params.Command)
	}
	var code string
	if len(params.Arguments) == 1 {
		json.Unmarshal(params.Arguments[0], &code)
	}
	r := rules.Lookup(code)
	if r == nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("asyncls: %s wants one rule code, got %v", showDocumentationCommand, params.Arguments))
	}
	if s.caps.showDocument {
		external := true
		var result protocol.ShowDocumentResult
		// Asynchronously: the client may wait for this command's answer before it serves the request.
		go func() {
			if err := s.call(protocol.MethodWindowShowDocument, &protocol.ShowDocumentParams{URI: uri.URI(r.DocURL()), External: &external}, &result); err != nil || !result.Success {
				s.notify(protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: protocol.MessageTypeInfo, Message: r.Code + " documentation: " + r.DocURL()})
			}
		}()
		return nil, nil
	}
	// Clients without window/showDocument get the link in a message.
	s.notify(protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: protocol.MessageTypeInfo,
		Message: fmt.Sprintf("%s (%s): %s\nDocumentation: %s", r.Code, r.Name, r.Summary, r.DocURL())})
	return nil, nil
}
