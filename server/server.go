// Package server is asyncls's language server: it adapts the analysis and
// rules packages to the Language Server Protocol over go.lsp.dev/protocol and
// go.lsp.dev/jsonrpc2 (wired by hand; see ../shared/notes/dependencies.md for
// why protocol.NewServer is not used).
//
// Documents are reparsed incrementally on every change and published as
// immutable snapshots; diagnostics are computed by the same rules.Check call
// as `asyncls check`, debounced per document on a server-lifetime context.
package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/lint"
	"github.com/asyncls/asyncls/rules"
)

// TimingHints is the seam through which the event-loop simulator adds timing
// estimates to hovers: Markdown about the construct at byte offset of file
// and the byte range it is about, or ok=false when it has nothing to say.
// cfg is the file's configuration ([tool.asyncls.latency] and so on);
// project is the workspace's snapshot of the file's project (nil when not
// known), whose modules the file imports. It must be safe for concurrent
// use on the same immutable File; ctx is cancelled when the hover is.
// DefaultTimingHints asks loopsim.
type TimingHints func(ctx context.Context, file *analysis.File, project *analysis.Project, offset int, cfg *config.Config) (markdown string, start, end int, ok bool)

// Hooks are test seams.
type Hooks struct {
	// BeforeHandle runs before every admitted message is dispatched, on the
	// goroutine that handles it; ctx is the request's context.
	BeforeHandle func(ctx context.Context, method string)
	// Analysed runs when a version's findings are final (the simulator's
	// included, or skipped for the budget), after they were published (or
	// not, when they repeat the last ones), with those findings.
	Analysed func(u uri.URI, version int32, diags []protocol.Diagnostic)
	// ConfigReloaded runs when changed configuration files were applied,
	// with the documents re-analysed for them.
	ConfigReloaded func(files []string, reanalysed []uri.URI)
}

// DefaultSimulationBudget is how long the rules that simulate (ASL401,
// ASL402) may take per version of a document before the rest is skipped.
const DefaultSimulationBudget = 2 * time.Second

// Options configure a server.
type Options struct {
	// Stderr receives the log (nil: discard).
	Stderr io.Writer
	// Version is reported in serverInfo.
	Version string
	// TimingHints adds simulator estimates to hovers; nil means
	// DefaultTimingHints. NoTimingHints turns them off.
	TimingHints   TimingHints
	NoTimingHints bool
	Hooks         Hooks
	// SimulationBudget overrides DefaultSimulationBudget when positive.
	SimulationBudget time.Duration
	// IndexMaxFiles and IndexMaxBytes bound the background workspace index
	// (files, and bytes of their source); 0 means MaxIndexedFiles and
	// MaxIndexedBytes.
	IndexMaxFiles int
	IndexMaxBytes int64
	// ConfigEventDelay overrides configEventDelay (how long a burst of
	// pyproject.toml changes is collected) when positive.
	ConfigEventDelay time.Duration
	// HoverWait overrides defaultHoverWait (how long a hover waits for its
	// timing estimate before answering without it) when positive.
	HoverWait time.Duration
}

type lifecycle int32

const (
	stateCreated lifecycle = iota
	stateInitialized
	stateShutdown
)

// clientCaps is what the server uses of the client's capabilities.
type clientCaps struct {
	utf8             bool
	workDoneProgress bool
	configuration    bool
	pull             bool
	refresh          bool
	watchRegister    bool
	showDocument     bool
}

// Server is one language-server session.
type Server struct {
	protocol.UnimplementedServer

	opts  Options
	hooks Hooks
	log   *logger
	conn  jsonrpc2.Conn

	// ctx lives as long as the session: debounced analyses and indexing run
	// on it (a request's context is recycled when its handler returns).
	ctx        context.Context
	cancel     context.CancelFunc
	background sync.WaitGroup
	// backgroundDone is set (under backgroundMu) before background is
	// waited for: goSafe starts nothing after it.
	backgroundMu   sync.Mutex
	backgroundDone bool
	analyses       chan struct{} // bounds concurrent analyses
	// dependentSlots bounds the analyses of dependents (cascades) to one
	// fewer than analyses, when there are two or more: on a project with
	// many open documents every keystroke in a module they import
	// re-analyses them all, and the edited document must not wait behind
	// them for a slot.
	dependentSlots chan struct{}
	simulating     chan struct{} // bounds concurrent simulator phases (one)

	// simulations caches the simulator rules' findings per function across
	// versions and documents.
	simulations *rules.SimulationCache
	// hoverHints keeps the hovers' timing estimates (hoverhints.go).
	hoverHints *hoverHints

	state    atomic.Int32
	exitOnce sync.Once
	exited   chan struct{}

	caps clientCaps // written by initialize before any concurrent reader exists

	settingsMu   sync.Mutex
	initSettings Settings // from initializationOptions
	wsSettings   Settings // from workspace/configuration or didChangeConfiguration
	// folderSettings are the workspace/configuration answers per workspace
	// folder (a multi-root workspace may configure each folder apart); the
	// files of a folder get initSettings merged with its folder's.
	folderSettings map[string]Settings
	// folderEffective caches initSettings merged with folderSettings.
	folderEffective map[string]*Settings
	settings        atomic.Pointer[Settings]

	// facts: the project-wide facts of the modules affectedBy compared last.
	facts factsMemo

	docsMu sync.RWMutex
	docs   map[uri.URI]*document

	ws *workspace

	trees []*document // documents keeping their parse tree, most recent first (read loop only)

	progressSeq atomic.Int64
	inflight    sync.Map // jsonrpc2.ID -> context.CancelFunc of running requests
	requests    runningRequests

	out          *outbox       // notifications to the client (nil before Serve connects)
	requestSlots chan struct{} // one per request running concurrently
}

// simulationCacheEntries bounds the simulator findings kept: one entry per
// simulated function (a few hundred bytes), enough for the open documents.
const simulationCacheEntries = 20000

// maxConcurrentRequests bounds the requests running at once: past it the
// read loop waits for one to finish, so a client that sends requests but
// never reads the answers stops being read instead of growing the server.
const maxConcurrentRequests = 64

func newServer(opts Options) *Server {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Server{
		opts: opts, hooks: opts.Hooks, log: newLogger(opts.Stderr, LevelInfo),
		ctx: ctx, cancel: cancel, exited: make(chan struct{}),
		analyses:       make(chan struct{}, runtime.GOMAXPROCS(0)),
		dependentSlots: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)-1)),
		// One simulation at a time: the next keystroke's quick analysis
		// keeps the other cores.
		simulating:  make(chan struct{}, 1),
		simulations: rules.NewSimulationCache(simulationCacheEntries),
		hoverHints:  newHoverHints(),
		docs:        map[uri.URI]*document{},

		requestSlots: make(chan struct{}, maxConcurrentRequests),
	}
	if s.opts.TimingHints == nil && !s.opts.NoTimingHints {
		s.opts.TimingHints = DefaultTimingHints
	}
	s.settings.Store(&Settings{})
	s.ws = newWorkspace(s)
	return s
}

// Serve runs a session over rwc until the client sends exit, the stream
// ends, or ctx is cancelled. It returns the process exit code the LSP
// specification asks for: 0 after shutdown, 1 otherwise.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	s := newServer(opts)
	stream := newTolerantStream(rwc, func(msg string) { s.log.warnf("%s", msg) })
	s.conn = jsonrpc2.NewConn(stream, jsonrpc2.WithCodec(lspCodec{}))
	s.out = newOutbox(func(method string, params any) {
		// An error means the connection is gone; logging it would recurse
		// through window/logMessage.
		// It returns once written, so the outbox keeps what the client has
		// not read yet (and supersedes stale diagnostics).
		_ = s.conn.Notify(waitWritten(context.Background()), method, params)
	})
	outDone := make(chan struct{})
	defer close(outDone)
	go s.out.run(outDone)
	s.log.client = func(kind protocol.MessageType, msg string) {
		s.notify(protocol.MethodWindowLogMessage, &protocol.LogMessageParams{Type: kind, Message: msg})
	}
	// The connection gets its own context: cancelling s.ctx at shutdown must
	// not stop the read loop before the client's exit arrives.
	s.conn.Go(context.Background(), s.handler())
	select {
	case <-s.exited:
	case <-s.conn.Done():
		// A clean end of the stream is no error; a frame that cannot be
		// read (no Content-Length header) ends the connection: say why.
		if err := s.conn.Err(); err != nil {
			s.log.errorf("stopping: cannot read the client's messages: %v", err)
		}
	case <-ctx.Done():
	}
	s.cancel()
	// Close waits for in-flight handlers; never from a handler (that
	// deadlocks), and not forever: a handler stuck in a client call must not
	// keep the process alive.
	closed := make(chan struct{})
	go func() {
		s.conn.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
		rwc.Close()
	}
	waited := make(chan struct{})
	go func() {
		s.waitBackground()
		close(waited)
	}()
	select {
	case <-waited:
	case <-time.After(2 * time.Second):
	}
	if lifecycle(s.state.Load()) == stateShutdown {
		return 0
	}
	return 1
}

// notify queues a notification for the client without waiting for it to
// be written (see outbox).
func (s *Server) notify(method string, params any) {
	if s.out == nil {
		return
	}
	s.out.post(method, params)
}

// flushNotifications waits (at most a few seconds: the client may not be
// reading) until the notifications queued so far are written.
func (s *Server) flushNotifications() {
	if s.out != nil {
		s.out.flush(2 * time.Second)
	}
}

// call makes a server-to-client request. It must not run on the read loop
// (the answer is read there): callers run it on their own goroutine.
func (s *Server) call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(waitWritten(s.ctx), 30*time.Second)
	defer cancel()
	_, err := s.conn.Call(ctx, method, params, result)
	return err
}

func (s *Server) showMessage(kind protocol.MessageType, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.log.warnf("%s", msg)
	s.notify(protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: kind, Message: msg})
}

// admitRequest enforces the lifecycle for requests.
func (s *Server) admitRequest(method string) error {
	switch lifecycle(s.state.Load()) {
	case stateCreated:
		if method != protocol.MethodInitialize {
			return jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "asyncls: the server is not initialized yet")
		}
	case stateInitialized:
		if method == protocol.MethodInitialize {
			return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "asyncls: initialize was already received")
		}
	case stateShutdown:
		return jsonrpc2.NewError(jsonrpc2.InvalidRequest, "asyncls: the server is shutting down")
	}
	return nil
}

// admitNotification drops notifications the lifecycle does not allow.
func (s *Server) admitNotification(method string) bool {
	if method == protocol.MethodExit {
		return true
	}
	return lifecycle(s.state.Load()) == stateInitialized
}

func (s *Server) currentSettings() Settings { return *s.settings.Load() }

// Initialize negotiates capabilities.
func (s *Server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	caps := params.Capabilities
	if caps.General != nil {
		for _, enc := range caps.General.PositionEncodings {
			if enc == protocol.PositionEncodingKindUTF8 {
				s.caps.utf8 = true
			}
		}
	}
	if caps.Window != nil && caps.Window.WorkDoneProgress != nil {
		s.caps.workDoneProgress = *caps.Window.WorkDoneProgress
	}
	s.caps.showDocument = caps.Window != nil && caps.Window.ShowDocument != nil && caps.Window.ShowDocument.Support
	if w := caps.Workspace; w != nil {
		s.caps.configuration = w.Configuration != nil && *w.Configuration
		s.caps.refresh = w.Diagnostics != nil && w.Diagnostics.RefreshSupport != nil && *w.Diagnostics.RefreshSupport
		s.caps.watchRegister = w.DidChangeWatchedFiles != nil && w.DidChangeWatchedFiles.DynamicRegistration != nil &&
			*w.DidChangeWatchedFiles.DynamicRegistration
	}
	s.caps.pull = caps.TextDocument != nil && caps.TextDocument.Diagnostic != nil

	var roots []string
	if folders, ok := params.WorkspaceFolders.Get(); ok {
		for _, f := range folders {
			if p, ok := uriPath(f.URI); ok {
				roots = append(roots, p)
			}
		}
	}
	if len(roots) == 0 && params.RootURI != nil {
		if p, ok := uriPath(*params.RootURI); ok {
			roots = append(roots, p)
		}
	}
	if len(roots) == 0 {
		if p, ok := params.RootPath.Get(); ok && p != "" {
			roots = append(roots, p)
		}
	}
	s.ws.setFolders(roots)

	if len(params.InitializationOptions) > 0 {
		set, err := ParseSettings(params.InitializationOptions)
		if err != nil {
			s.showMessage(protocol.MessageTypeError, "asyncls: initializationOptions: %v; using the defaults for them", err)
		} else {
			s.settingsMu.Lock()
			s.initSettings = set
			s.settingsMu.Unlock()
		}
	}
	s.updateSettings()

	encoding := protocol.PositionEncodingKindUTF16
	if s.caps.utf8 {
		encoding = protocol.PositionEncodingKindUTF8
	}
	openClose := true
	change := protocol.TextDocumentSyncKindIncremental
	includeText := false
	supported := true
	result := &protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: encoding,
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: &openClose, Change: &change, Save: &protocol.SaveOptions{IncludeText: &includeText},
			},
			HoverProvider: protocol.Boolean(true),
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, fixAllKind},
			},
			ExecuteCommandProvider: protocol.ExecuteCommandOptions{Commands: []string{showDocumentationCommand}},
			Workspace: &protocol.WorkspaceOptions{WorkspaceFolders: &protocol.WorkspaceFoldersServerCapabilities{
				Supported: &supported, ChangeNotifications: protocol.Boolean(true),
			}},
		},
		ServerInfo: protocol.ServerInfo{Name: "asyncls", Version: protocol.NewOptional(s.opts.Version)},
	}
	if s.caps.pull {
		id := "asyncls"
		result.Capabilities.DiagnosticProvider = &protocol.DiagnosticOptions{Identifier: &id, InterFileDependencies: true}
	}
	s.state.Store(int32(stateInitialized))
	s.log.infof("initialized: position encoding %s, roots %v, pull diagnostics %v, progress %v", encoding, roots, s.caps.pull, s.caps.workDoneProgress)
	return result, nil
}

// Initialized starts what needs the client: its configuration, file
// watching and the workspace index.
func (s *Server) Initialized(ctx context.Context, params *protocol.InitializedParams) error {
	s.goSafe("initialized", func() {
		if s.caps.configuration {
			s.pullConfiguration()
			// Documents opened meanwhile were analysed with the settings
			// from initializationOptions alone.
			s.reanalyseAll()
		}
		if s.caps.watchRegister {
			s.registerWatchers()
		}
		s.ws.index(s.ws.currentRoots())
	})
	return nil
}

// Shutdown stops accepting requests; exit then ends the process with 0.
// The handler has already rejected later requests and waited for the
// running ones.
func (s *Server) Shutdown(ctx context.Context) error {
	// What was published before the shutdown reaches the client before its answer.
	s.flushNotifications()
	s.state.Store(int32(stateShutdown))
	s.cancel()
	return nil
}

// Exit ends the session. The connection is closed by Serve, not here:
// closing it from a handler deadlocks.
func (s *Server) Exit(ctx context.Context) error {
	s.exitOnce.Do(func() { close(s.exited) })
	return nil
}

// SetTrace is accepted and ignored (the log level setting controls logging).
func (s *Server) SetTrace(ctx context.Context, params *protocol.SetTraceParams) error { return nil }

// Progress from the client is ignored.
func (s *Server) Progress(ctx context.Context, params *protocol.ProgressParams) error { return nil }

// WorkDoneProgressCancel is ignored: indexing is cheap to let finish.
func (s *Server) WorkDoneProgressCancel(ctx context.Context, params *protocol.WorkDoneProgressCancelParams) error {
	return nil
}

// Request answers methods the protocol package does not know.
func (s *Server) Request(ctx context.Context, method string, params any) (any, error) {
	return nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, "asyncls: method not found: "+method)
}

// DidChangeConfiguration re-reads the settings: from the client when it
// supports workspace/configuration, else from the notification.
func (s *Server) DidChangeConfiguration(ctx context.Context, params *protocol.DidChangeConfigurationParams) error {
	if s.caps.configuration {
		s.goSafe("configuration", func() {
			s.pullConfiguration()
			s.reanalyseAll()
		})
		return nil
	}
	set, err := ParseSettings(params.Settings)
	if err != nil {
		s.showMessage(protocol.MessageTypeError, "asyncls: settings: %v; using the defaults for them", err)
		set = Settings{}
	}
	s.settingsMu.Lock()
	s.wsSettings = set
	s.folderSettings = nil
	s.settingsMu.Unlock()
	s.updateSettings()
	s.reanalyseAll()
	return nil
}

// pullConfiguration asks the client for section "asyncls", once per
// workspace folder (its scopeUri), so each folder may be configured apart.
func (s *Server) pullConfiguration() {
	section := "asyncls"
	roots := s.ws.currentRoots()
	items := []protocol.ConfigurationItem{{Section: &section}}
	if len(roots) > 0 {
		items = nil
		for _, r := range roots {
			u := uri.File(r)
			items = append(items, protocol.ConfigurationItem{Section: &section, ScopeURI: &u})
		}
	}
	var result []json.RawMessage
	if err := s.call(protocol.MethodWorkspaceConfiguration, &protocol.ConfigurationParams{Items: items}, &result); err != nil {
		s.log.warnf("workspace/configuration failed: %v", err)
		return
	}
	parse := func(i int) Settings {
		if i >= len(result) {
			return Settings{}
		}
		set, err := ParseSettings(result[i])
		if err != nil {
			where := "workspace settings"
			if len(roots) > 1 {
				where = "workspace settings of " + roots[i]
			}
			s.showMessage(protocol.MessageTypeError, "asyncls: %s: %v; using the defaults for them", where, err)
			return Settings{}
		}
		return set
	}
	folders := map[string]Settings{}
	for i, r := range roots {
		folders[r] = parse(i)
	}
	s.settingsMu.Lock()
	// The first folder's settings are the session's (debounce, log level,
	// hovers) and those of files outside every folder.
	s.wsSettings = parse(0)
	s.folderSettings = folders
	s.settingsMu.Unlock()
	s.updateSettings()
}

// settingsFor returns the settings of the files of path: those of the
// innermost workspace folder holding it, else the session's.
func (s *Server) settingsFor(path string) Settings {
	folder := ""
	for _, r := range s.ws.currentRoots() {
		if filepath.IsAbs(path) && lint.Within(r, path) && len(r) > len(folder) {
			folder = r
		}
	}
	s.settingsMu.Lock()
	defer s.settingsMu.Unlock()
	set, ok := s.folderSettings[folder]
	if folder == "" || !ok {
		return s.currentSettings()
	}
	if eff := s.folderEffective[folder]; eff != nil {
		return *eff
	}
	eff := s.initSettings.Merge(set)
	if s.folderEffective == nil {
		s.folderEffective = map[string]*Settings{}
	}
	s.folderEffective[folder] = &eff
	return eff
}

// updateSettings recomputes the effective settings: workspace/configuration
// values win over initializationOptions, key by key.
func (s *Server) updateSettings() {
	s.settingsMu.Lock()
	eff := s.initSettings.Merge(s.wsSettings)
	s.folderEffective = nil
	s.settingsMu.Unlock()
	s.settings.Store(&eff)
	if eff.LogLevel != nil {
		level, _ := parseLevel(*eff.LogLevel)
		s.log.setLevel(level)
	} else {
		s.log.setLevel(LevelInfo)
	}
	s.ws.invalidateConfig()
}

// watchedGlobs are the files the server asks the client to watch: Python
// sources, dependency declarations, every project marker (a `.git` directory created by `git
// init` makes a new project root as a pyproject.toml does), and git's
// ignore files (which files are excluded, remembered while they are
// watched: exclusionCache).
func watchedGlobs() []string {
	globs := []string{"**/*.py", "**/*.pyi", "**/.gitignore", "**/.git/info/exclude",
		// Dependency declarations besides the project markers
		// (analysis.IsDeclarationFile): declarationsChanged.
		"**/requirements*.txt", "**/requirements/*.txt", "**/Pipfile"}
	for _, m := range lint.ProjectMarkers {
		if !strings.HasSuffix(m, ".py") { // setup.py: already a Python source
			globs = append(globs, "**/"+m)
		}
	}
	return globs
}

func (s *Server) registerWatchers() {
	type watcher struct {
		GlobPattern string `json:"globPattern"`
	}
	var watchers []watcher
	for _, g := range watchedGlobs() {
		watchers = append(watchers, watcher{g})
	}
	opts, err := json.Marshal(map[string][]watcher{"watchers": watchers})
	if err != nil {
		s.log.errorf("registering file watchers: %v", err)
		return
	}
	params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID: "asyncls-watch", Method: protocol.MethodWorkspaceDidChangeWatchedFiles, RegisterOptions: protocol.LSPAny(json.RawMessage(opts)),
	}}}
	if err := s.call(protocol.MethodClientRegisterCapability, params, nil); err != nil {
		s.log.warnf("registering file watchers failed: %v", err)
		return
	}
	// From now on a change of an ignore or configuration file is told.
	s.ws.exclusions.enable()
}

// uriPath returns the file-system path of a file: URI.
func uriPath(u uri.URI) (string, bool) {
	if !u.IsFile() {
		return "", false
	}
	return u.FsPath(), true
}
