package server

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/rules"
)

// document is one open text document.
type document struct {
	uri  uri.URI
	path string

	// inc is touched only by notification handlers, which run one at a
	// time in wire order on the read loop.
	inc *analysis.Incremental

	snap   atomic.Pointer[snapshot] // the latest version, immutable
	closed atomic.Bool
	pulled atomic.Bool // the client pulls this document's diagnostics

	schedMu sync.Mutex
	timer   *time.Timer
	// cancelAnalysis stops the analysis running, when a newer one is
	// scheduled or the document closes.
	cancelAnalysis context.CancelFunc
	cascade        bool // the next analysis re-analyses dependents too
	// dependent: the next analysis only follows a change of another
	// document (a cascade); it waits for a dependents' slot, so that the
	// document being edited always finds an analysis slot free.
	dependent bool
	// runningCascade: the analysis running took cascade and has not yet
	// re-analysed the dependents; cancelling it hands the duty to the next.
	runningCascade bool
	// base is the module of this path that the other documents were last
	// analysed with (the index's, at first): what a cascade compares with.
	// A document analysed meanwhile for another reason may have seen a
	// newer one: seenProject tells (dependentsOf).
	base *analysis.Module
	// seenProject is the project the latest analysis of this document
	// started with, stored under the workspace's lock (workspace.put).
	seenProject atomic.Pointer[analysis.Project]
	// cascadeTimer runs the cascade of the newest analysed module
	// (cascadeModule, in cascadeProject) once typing pauses (runCascade).
	cascadeTimer   *time.Timer
	cascadeModule  *analysis.Module
	cascadeProject *analysis.Project
	cascadeSeq     uint64 // the analysis whose module was last handed over (handCascade)
	// cascadeDependents: what the last cascade scheduled, postponed while
	// this document is edited on.
	cascadeDependents []*document
	cascaded          bool // a cascade was started: the next ones wait for a pause

	analysisSeq   atomic.Uint64 // analyses started
	publishMu     sync.Mutex
	lastPublished string

	simMu      sync.Mutex
	simulation context.CancelFunc // cancels the running simulation phase
	simSeq     uint64             // the analysis it belongs to
}

// startSimulation records the simulation phase of analysis seq, cancelling
// the running one of an older analysis; it returns false (and records
// nothing) when one of a newer analysis is already recorded.
func (d *document) startSimulation(seq uint64, cancel context.CancelFunc) bool {
	d.simMu.Lock()
	defer d.simMu.Unlock()
	if seq < d.simSeq {
		return false
	}
	if d.simulation != nil {
		d.simulation()
	}
	d.simulation, d.simSeq = cancel, seq
	return true
}

// stopSimulation cancels the running simulation phase, if any: a newer
// analysis is coming, or the document closed.
func (d *document) stopSimulation() {
	d.simMu.Lock()
	defer d.simMu.Unlock()
	if d.simulation != nil {
		d.simulation()
		d.simulation = nil
	}
}

// snapshot is one version of a document: immutable text and syntax, with
// the semantic model and diagnostics computed lazily.
type snapshot struct {
	doc     *document
	version int32
	file    *analysis.File

	mu        sync.Mutex
	module    *analysis.Module
	moduleGen uint64
	result    *result
}

// result is one analysis of a snapshot. It keeps no project snapshot: a
// result lives as long as its document version, and holding projects would
// keep old versions of other modules alive.
type result struct {
	module *analysis.Module
	diags  []rules.Diagnostic
	// deps: what the findings depend on beyond the modules the module may
	// look names up in (the override questions asked: affectedBy).
	deps rules.Dependencies
}

// Module returns the snapshot's semantic model, rebuilt when the layout
// that names modules changed since it was built.
func (s *Server) moduleOf(sn *snapshot) *analysis.Module {
	gen := s.ws.generation()
	sn.mu.Lock()
	defer sn.mu.Unlock()
	if sn.module == nil || sn.moduleGen != gen {
		sn.module, sn.moduleGen = s.ws.buildModule(sn.file)
	}
	return sn.module
}

func (s *Server) getDoc(u uri.URI) *document {
	s.docsMu.RLock()
	defer s.docsMu.RUnlock()
	return s.docs[u]
}

func (s *Server) openDocs() []*document {
	s.docsMu.RLock()
	defer s.docsMu.RUnlock()
	out := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		out = append(out, d)
	}
	return out
}

func (s *Server) openPaths() map[string]bool {
	out := map[string]bool{}
	for _, d := range s.openDocs() {
		out[d.path] = true
	}
	return out
}

func (s *Server) isOpen(path string) bool { return s.openPaths()[path] }

// docPath is the path a document is analysed under: its file path, or a
// stable made-up one for untitled buffers.
func docPath(u uri.URI) string {
	if p, ok := uriPath(u); ok {
		return filepath.Clean(p)
	}
	name := strings.NewReplacer("/", "_", ":", "_", "\\", "_").Replace(string(u))
	if !strings.HasSuffix(name, ".py") {
		name += ".py"
	}
	return name
}

// DidOpen starts tracking a document.
func (s *Server) DidOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) error {
	item := params.TextDocument
	if item.LanguageID != "python" && !strings.HasSuffix(string(item.URI), ".py") && !strings.HasSuffix(string(item.URI), ".pyi") {
		s.log.debugf("not analysing %s (language %q)", item.URI, item.LanguageID)
		return nil
	}
	src := []byte(item.Text)
	if err := analysis.CheckSource(src); err != nil {
		s.showMessage(protocol.MessageTypeWarning, "asyncls: %s is not analysed: %v", item.URI, err)
		return nil
	}
	d := &document{uri: item.URI, path: docPath(item.URI)}
	project, _ := s.ws.snapshot(d.path)
	d.base = project.Module(d.path)
	d.inc = analysis.NewIncremental(d.path, src)
	d.snap.Store(&snapshot{doc: d, version: item.Version, file: d.inc.Parse()})
	s.docsMu.Lock()
	if old := s.docs[item.URI]; old != nil {
		old.closed.Store(true)
		old.inc.Close()
		s.forgetTree(old)
	}
	s.docs[item.URI] = d
	s.docsMu.Unlock()
	s.keepTree(d)
	s.schedule(d, 0, true)
	view := s.ws.view() // as of this message: see adoptProjectOf
	s.goSafe("project of "+d.path, func() { s.ws.adoptProjectOf(d.path, view) })
	return nil
}

// DidChange applies the content changes in order, reparses incrementally,
// and schedules the debounced analysis.
func (s *Server) DidChange(ctx context.Context, params *protocol.DidChangeTextDocumentParams) error {
	d := s.getDoc(params.TextDocument.URI)
	if d == nil {
		return fmt.Errorf("didChange for %s, which is not open", params.TextDocument.URI)
	}
	for i, change := range params.ContentChanges {
		switch c := change.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			d.inc.Replace([]byte(c.Text))
		case *protocol.TextDocumentContentChangePartial:
			// Positions of a later change refer to the text after the
			// earlier ones; the index follows each edit.
			lines := d.inc.Lines()
			start := s.offset(lines, c.Range.Start)
			end := s.offset(lines, c.Range.End)
			if end < start {
				start, end = end, start
			}
			if err := d.inc.Apply(analysis.TextEdit{Start: start, End: end, New: c.Text}); err != nil {
				return s.resync(d, fmt.Errorf("change %d of version %d: %v", i, params.TextDocument.Version, err))
			}
		default:
			return fmt.Errorf("didChange: unknown content change %T", change)
		}
	}
	if err := analysis.CheckSource(d.inc.Src()); err != nil {
		return s.resync(d, err)
	}
	d.snap.Store(&snapshot{doc: d, version: params.TextDocument.Version, file: d.inc.Parse()})
	s.keepTree(d)
	s.schedule(d, s.currentSettings().Debounce(), true)
	return nil
}

// maxTrees is how many documents keep their tree-sitter tree for
// incremental reparsing: the ones edited most recently. The others drop it
// and reparse in full on their next edit (a tree costs several times the
// size of its source, and most open documents are not being typed in).
const maxTrees = 8

// keepTree marks d's tree as recently used and drops the least recently used
// tree beyond maxTrees. Only notification handlers call it (in wire order on
// the read loop), so the list needs no lock.
func (s *Server) keepTree(d *document) {
	s.forgetTree(d)
	s.trees = append([]*document{d}, s.trees...)
	if len(s.trees) > maxTrees {
		s.trees[maxTrees].inc.DropTree()
		s.trees = s.trees[:maxTrees]
	}
}

func (s *Server) forgetTree(d *document) {
	for i, t := range s.trees {
		if t == d {
			s.trees = append(s.trees[:i], s.trees[i+1:]...)
			return
		}
	}
}

// resync reports a change the server could not apply; the document stays at
// its last good version until the client reopens it.
func (s *Server) resync(d *document, err error) error {
	d.inc.Replace(d.snap.Load().file.Src)
	s.showMessage(protocol.MessageTypeError, "asyncls: lost track of %s (%v); close and reopen it", d.uri, err)
	return err
}

// DidSave needs no work for the document itself (the buffer is already
// known); a saved pyproject.toml reloads the configuration, a saved
// .gitignore which files are excluded.
func (s *Server) DidSave(ctx context.Context, params *protocol.DidSaveTextDocumentParams) error {
	if p, ok := uriPath(params.TextDocument.URI); ok && (filepath.Base(p) == "pyproject.toml" || isIgnoreFile(p)) {
		s.configChanged(p, false)
	}
	return nil
}

// DidClose forgets a document, clears its diagnostics, and puts the disk
// version back in the index.
func (s *Server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	s.docsMu.Lock()
	d := s.docs[params.TextDocument.URI]
	delete(s.docs, params.TextDocument.URI)
	s.docsMu.Unlock()
	if d == nil {
		return nil
	}
	d.closed.Store(true)
	d.schedMu.Lock()
	if d.timer != nil {
		d.timer.Stop()
	}
	if d.cascadeTimer != nil {
		d.cascadeTimer.Stop()
	}
	if d.cancelAnalysis != nil {
		d.cancelAnalysis()
	}
	// With a cascade still waiting, the other documents were analysed
	// with d.base, not with the newest analysed module.
	cascadePending, analysedBase := d.cascadeModule != nil, d.base
	d.schedMu.Unlock()
	d.stopSimulation()
	d.inc.Close()
	s.forgetTree(d)
	d.publishMu.Lock()
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
	d.publishMu.Unlock()
	path := d.path
	s.goSafe("revert "+path, func() {
		s.ws.releaseUnusedProjects()
		project, _ := s.ws.snapshot(path)
		before := project.Module(path)
		if cascadePending {
			before = analysedBase
		}
		s.ws.revert(path)
		reverted, _ := s.ws.snapshot(path)
		for _, dep := range s.dependentsOf(project, path, before, reverted.Module(path)) {
			s.scheduleDependent(dep, s.currentSettings().Debounce())
		}
	})
	return nil
}

// snapshotFor returns the snapshot of an open document as it was when the
// request in ctx arrived (see snapshotAtReceipt), else the latest one, or an
// InvalidParams error.
func (s *Server) snapshotFor(ctx context.Context, u uri.URI) (*snapshot, error) {
	var sn *snapshot
	if r, ok := ctx.Value(receivedDocKey{}).(*receivedDoc); ok && r.uri == u {
		sn = r.snap
	} else if d := s.getDoc(u); d != nil {
		sn = d.snap.Load()
	}
	if sn == nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "asyncls: document is not open: "+string(u))
	}
	return sn, nil
}

// receivedDoc is the document a request names, as it was when the request
// was read (snap nil: not open then).
type receivedDoc struct {
	uri  uri.URI
	snap *snapshot
}

type receivedDocKey struct{}

// snapshotAtReceipt reads the textDocument a request's params name and
// returns its current snapshot. Requests run concurrently with the read
// loop, which goes on applying notifications: without this, a hover sent
// before a didChange could be answered on the newer text, and one sent
// before a didClose with "not open".
func (s *Server) snapshotAtReceipt(params []byte) *receivedDoc {
	var p struct {
		TextDocument struct {
			URI uri.URI `json:"uri"`
		} `json:"textDocument"`
	}
	if json.Unmarshal(params, &p) != nil || p.TextDocument.URI == "" {
		return nil
	}
	r := &receivedDoc{uri: p.TextDocument.URI}
	if d := s.getDoc(r.uri); d != nil {
		r.snap = d.snap.Load()
	}
	return r
}

// offset converts an LSP position to a byte offset in the negotiated encoding.
func (s *Server) offset(li *analysis.LineIndex, p protocol.Position) int {
	line, col := int(p.Line), int(p.Character)
	if line >= li.LineCount() {
		return li.Offset(analysis.Position{Line: line})
	}
	if !s.caps.utf8 {
		col = li.ByteColFromUTF16(line, col)
	}
	return li.Offset(analysis.Position{Line: line, Col: col})
}

// position converts a 0-based line and byte column to an LSP position.
func (s *Server) position(li *analysis.LineIndex, p analysis.Position) protocol.Position {
	col := p.Col
	if li != nil && !s.caps.utf8 {
		col = li.UTF16Col(p.Line, p.Col)
	}
	return protocol.Position{Line: uint32(p.Line), Character: uint32(col)}
}

func (s *Server) rangeOf(li *analysis.LineIndex, start, end analysis.Position) protocol.Range {
	return protocol.Range{Start: s.position(li, start), End: s.position(li, end)}
}

func (s *Server) offsetRange(li *analysis.LineIndex, start, end int) protocol.Range {
	return s.rangeOf(li, li.Position(start), li.Position(end))
}
