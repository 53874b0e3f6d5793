package server

import (
	"context"
	"encoding/json"
	"runtime/debug"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/rules"
)

// diagnosticData is stored in a diagnostic's data field so code actions can
// offer the fix without analysing again.
type diagnosticData struct {
	Version int32    `json:"version"`
	Fix     *fixData `json:"fix,omitempty"`
}

type fixData struct {
	Title string              `json:"title"`
	Safe  bool                `json:"safe"`
	Edits []protocol.TextEdit `json:"edits"`
}

// schedule (re)starts a document's debounce timer. cascade also re-analyses
// the open documents that import it once it has been analysed.
func (s *Server) schedule(d *document, delay time.Duration, cascade bool) {
	s.scheduleAs(d, delay, cascade, false)
}

// dependentDelay is the wait after an edited document's analysis before
// the open documents that depend on it are found and re-analysed: each
// keystroke's analysis restarts it, so while the user types they wait, and
// run once typing pauses, instead of re-analysing every dependent per
// keystroke (with 200 files of a project open, a keystroke that changes a
// name cost ~200 ms of CPU and made the edited document's own publication
// ~160 ms late).
const dependentDelay = 250 * time.Millisecond

// scheduleDependent schedules a re-analysis of d that only follows a
// change of another document: it runs in a dependents' slot
// (Server.dependentSlots), unless a schedule of d's own is still waiting.
func (s *Server) scheduleDependent(d *document, delay time.Duration) {
	s.scheduleAs(d, delay, false, true)
}

func (s *Server) scheduleAs(d *document, delay time.Duration, cascade, dependent bool) {
	if d.closed.Load() || s.ctx.Err() != nil {
		return
	}
	d.schedMu.Lock()
	defer d.schedMu.Unlock()
	if d.timer != nil && d.timer.Stop() && dependent && !d.dependent {
		// A schedule of d's own was still waiting: it stays d's own, on
		// its own debounce, rather than a dependent's slot and delay.
		dependent, delay = false, min(delay, s.currentSettings().Debounce())
	}
	d.dependent = dependent
	if d.cancelAnalysis != nil {
		d.cancelAnalysis() // superseded: its simulations stop, it publishes nothing
		// nor re-analyses the dependents: the next analysis must (a change
		// of this document followed by, say, a cascade from another that
		// schedules it without one lost the change's cascade).
		cascade = cascade || d.runningCascade
		d.runningCascade = false
	}
	// So is the simulation phase of the previous analysis.
	d.stopSimulation()
	d.cascade = d.cascade || cascade
	d.timer = time.AfterFunc(delay, func() { s.runAnalysis(d) })
}

// runAnalysis analyses the latest snapshot of d and publishes the result
// unless a newer version arrived meanwhile.
func (s *Server) runAnalysis(d *document) {
	defer func() {
		if r := recover(); r != nil {
			s.log.errorf("panic analysing %s: %v\n%s", d.path, r, debug.Stack())
		}
	}()
	d.schedMu.Lock()
	dependent := d.dependent
	d.schedMu.Unlock()
	if dependent {
		select {
		case s.dependentSlots <- struct{}{}:
		case <-s.ctx.Done():
			return
		}
		defer func() { <-s.dependentSlots }()
	}
	select {
	case s.analyses <- struct{}{}:
	case <-s.ctx.Done():
		return
	}
	defer func() { <-s.analyses }()
	if d.closed.Load() || s.ctx.Err() != nil {
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	// Analyses of one document may overlap (a change, then a module it
	// imports changes): only the one started last may publish, since it saw
	// the newest project. seq is counted with the cascade taken, so that
	// runningCascade belongs to the analysis whose seq is the latest
	// (handCascade).
	d.schedMu.Lock()
	cascade := d.cascade
	d.cascade = false
	d.runningCascade = cascade
	d.cancelAnalysis = cancel
	seq := d.analysisSeq.Add(1)
	d.schedMu.Unlock()

	sn := d.snap.Load()
	// The simulator takes far longer than the rest: publish at once what
	// needs no simulation (and what it found before in the parts this
	// version did not change), the rest when it is ready.
	res, project, complete := s.analyse(ctx, sn, rules.QuickRules)
	if ctx.Err() != nil {
		// A newer edit (or a change it depends on) scheduled the next one.
		s.log.debugf("analysis of %s version %d superseded", d.path, sn.version)
		return
	}
	follow := ""
	if !complete {
		follow = " (simulator findings follow)"
	}
	s.log.debugf("analysed %s version %d: %d finding(s)%s", d.path, sn.version, len(res.diags), follow)
	s.publish(sn, res, seq)
	if complete {
		s.analysed(sn, res)
	} else {
		s.simulateLater(sn, res.module, project, seq)
	}
	if cascade {
		// Which dependents to re-analyse is decided once typing pauses
		// (runCascade), not per keystroke: finding them compares the
		// module's project-wide facts and walks the import graph, ~10 ms
		// of CPU a keystroke with 200 files open, spent while the next
		// keystroke waits for a core.
		if s.handCascade(d, seq, res.module, project) {
			// A document just opened is not being typed in: its cascade
			// runs now, in this analysis's slot, as the documents opened
			// with it are being analysed anyway (put off, the cascades of
			// an editor restoring 200 files ran into the first keystrokes).
			s.runCascade(d, true)
		}
	}
}

// handCascade hands the cascade of the analysis seq of d (its module, in
// project) to the cascade timer, restarting it, and restarts the wait of
// the dependents the last cascade scheduled (they wait while the user
// types on, as the cascade does: run mid-burst, a few hundred analyses
// stalled keystrokes by ~300 ms). An analysis that hands over after a
// newer one did (it was cancelled past its last check, and the newer one,
// which took its cascade, ran meanwhile) leaves the newer module in place:
// comparing the older one with d.base could find no change, and the newer
// edit's dependents would keep their findings; nor does it clear the newer
// one's runningCascade. It reports whether the cascade is to run at once
// instead: the first after the document was opened.
func (s *Server) handCascade(d *document, seq uint64, mod *analysis.Module, project *analysis.Project) (now bool) {
	d.schedMu.Lock()
	if d.analysisSeq.Load() == seq {
		// Handed to the cascade timer, whatever is scheduled next (a
		// newer analysis's flag is its own).
		d.runningCascade = false
	}
	if seq < d.cascadeSeq {
		d.schedMu.Unlock()
		return false
	}
	d.cascadeSeq = seq
	d.cascadeModule, d.cascadeProject = mod, project
	if d.cascadeTimer != nil {
		d.cascadeTimer.Stop()
	}
	if !d.cascaded {
		d.cascaded = true
		d.schedMu.Unlock()
		return true
	}
	d.cascadeTimer = time.AfterFunc(dependentDelay, func() { s.runCascade(d, false) })
	waiting := d.cascadeDependents
	d.schedMu.Unlock()
	for _, dep := range waiting {
		s.postponeDependent(dep, max(s.currentSettings().Debounce(), dependentDelay))
	}
	return false
}

// postponeDependent restarts the wait of d's re-analysis when it is still
// waiting and only follows another document's change.
func (s *Server) postponeDependent(d *document, delay time.Duration) {
	d.schedMu.Lock()
	defer d.schedMu.Unlock()
	if d.dependent && d.timer != nil && d.timer.Stop() {
		d.timer = time.AfterFunc(delay, func() { s.runAnalysis(d) })
	}
}

// runCascade re-analyses the open documents that depend on d's newest
// analysed module: those whose answers may change since they were last
// analysed with d.base.
func (s *Server) runCascade(d *document, inAnalysisSlot bool) {
	defer func() {
		if r := recover(); r != nil {
			s.log.errorf("panic finding the dependents of %s: %v\n%s", d.path, r, debug.Stack())
		}
	}()
	if d.closed.Load() || s.ctx.Err() != nil {
		return
	}
	if !inAnalysisSlot {
		// In a dependents' slot, as the analyses it schedules: finding
		// dependents must not take the core the edited document's next
		// analysis needs.
		select {
		case s.dependentSlots <- struct{}{}:
		case <-s.ctx.Done():
			return
		}
		defer func() { <-s.dependentSlots }()
	}
	d.schedMu.Lock()
	before, after, project := d.base, d.cascadeModule, d.cascadeProject
	d.cascadeModule, d.cascadeProject = nil, nil
	if after != nil {
		d.base = after
	}
	d.schedMu.Unlock()
	if after == nil {
		return // a concurrent run took it
	}
	deps := s.dependentsOf(project, d.path, before, after)
	s.log.debugf("%d open document(s) depend on %s", len(deps), d.path)
	d.schedMu.Lock()
	d.cascadeDependents = deps
	d.schedMu.Unlock()
	for _, dep := range deps {
		if dep != d {
			// The dependents' own wait gathers the cascades of several
			// documents (opening many at once, a rename touching several)
			// into one analysis of each dependent.
			s.scheduleDependent(dep, max(s.currentSettings().Debounce(), dependentDelay))
		}
	}
	if len(deps) > 0 {
		s.refreshPulled()
	}
}

// analyse checks a snapshot against the current project, after putting its
// module into the project when it is still the document's latest version.
// When ctx ends first the result is incomplete and is not kept. complete
// is false when simulator findings are missing (the phase, or ctx); the
// project is the one it was checked in.
func (s *Server) analyse(ctx context.Context, sn *snapshot, phase rules.Phase) (res *result, project *analysis.Project, complete bool) {
	mod := s.moduleOf(sn)
	d := sn.doc
	project = s.ws.put(mod, func() bool { return !d.closed.Load() && d.snap.Load() == sn }, &d.seenProject)
	if project.Module(mod.File.Path) != mod {
		// A newer version is in the project: check this one on its own terms.
		project = s.ws.questions.record(project.With(mod))
	}
	diags, deps, complete := s.checkDocument(d.path, mod, project, rules.Run{Phase: phase, Simulations: s.simulations, Context: ctx})
	res = &result{module: mod, diags: diags, deps: deps}
	if ctx.Err() != nil {
		return res, project, false
	}
	sn.mu.Lock()
	sn.result = res
	sn.mu.Unlock()
	return res, project, complete
}

// checkDocument runs the rules on a document's module with its options. A
// file that `asyncls check .` skips (exclude, the default excludes,
// .gitignore) gets no findings, as from the pre-commit hook
// (--force-exclude): one answer everywhere, and none on a library's code
// opened from a virtual environment.
func (s *Server) checkDocument(path string, mod *analysis.Module, project *analysis.Project, run rules.Run) ([]rules.Diagnostic, rules.Dependencies, bool) {
	if s.ws.excluded(path) {
		return nil, rules.Dependencies{}, true
	}
	return rules.CheckRunRecorded(mod, project, s.ws.options(path), run)
}

// simulateLater checks a snapshot whose quick analysis was published again
// with the simulator (what the cache does not hold), within the simulation
// budget, and publishes the complete findings, unless a newer analysis of
// the document starts first (which cancels it).
func (s *Server) simulateLater(sn *snapshot, mod *analysis.Module, project *analysis.Project, seq uint64) {
	d := sn.doc
	ctx, cancel := context.WithCancel(s.ctx)
	// Analyses of one document may finish out of order: the simulation of
	// an older one must neither run nor cancel a newer one's.
	if d.analysisSeq.Load() != seq || !d.startSimulation(seq, cancel) {
		cancel()
		return
	}
	s.goSafe("simulate "+d.path, func() {
		defer cancel()
		// Wait for a pause in typing: keystrokes in quick succession would
		// each start a simulation that the next one cancels.
		select {
		case <-time.After(simulationDelay):
		case <-ctx.Done():
			return
		}
		// One simulation phase at a time, so the quick analyses of the next
		// keystrokes keep a core.
		select {
		case s.simulating <- struct{}{}:
		case <-ctx.Done():
			return
		}
		defer func() { <-s.simulating }()
		if d.snap.Load() != sn || d.analysisSeq.Load() != seq {
			return
		}
		budget, stop := context.WithTimeout(ctx, s.simulationBudget())
		defer stop()
		diags, deps, complete := s.checkDocument(d.path, mod, project, rules.Run{Simulations: s.simulations, Context: budget})
		if ctx.Err() != nil {
			return // a newer analysis started
		}
		res := &result{module: mod, diags: diags, deps: deps}
		sn.mu.Lock()
		sn.result = res
		sn.mu.Unlock()
		if complete {
			s.log.debugf("simulated %s version %d: %d finding(s)", d.path, sn.version, len(res.diags))
		} else {
			s.log.infof("simulating %s version %d took longer than %v: the rest of its simulator findings (ASL401, ASL402, delays of blocking calls) are skipped until it changes",
				d.path, sn.version, s.simulationBudget())
		}
		s.publish(sn, res, seq)
		s.analysed(sn, res)
	})
}

// simulationDelay is how long after its quick publication a version's
// simulation phase starts, unless a newer version arrives first.
const simulationDelay = 50 * time.Millisecond

// simulationBudget is how long the simulator may take for one version of a
// document before the rest is skipped.
func (s *Server) simulationBudget() time.Duration {
	if s.opts.SimulationBudget > 0 {
		return s.opts.SimulationBudget
	}
	return DefaultSimulationBudget
}

// analysed tells the test hook that a version's findings are final.
func (s *Server) analysed(sn *snapshot, res *result) {
	if s.hooks.Analysed != nil {
		project, _ := s.ws.snapshot(sn.doc.path)
		s.hooks.Analysed(sn.doc.uri, sn.version, s.toLSPDiagnostics(sn, res, project))
	}
}

// resultOf returns the latest analysis of a snapshot, analysing it now
// when none exists yet (a hover can arrive before the debounce fires); the
// simulator's findings are then those already cached.
func (s *Server) resultOf(ctx context.Context, sn *snapshot) *result {
	sn.mu.Lock()
	res := sn.result
	sn.mu.Unlock()
	if res != nil {
		return res
	}
	res, _, _ = s.analyse(ctx, sn, rules.QuickRules)
	return res
}

// publish sends the diagnostics of a snapshot, dropping them when the
// document changed or closed meanwhile, when a newer analysis (seq) started,
// or when they repeat the last ones.
func (s *Server) publish(sn *snapshot, res *result, seq uint64) {
	d := sn.doc
	project, _ := s.ws.snapshot(d.path)
	diags := s.toLSPDiagnostics(sn, res, project)
	key, _ := json.Marshal(struct {
		V int32
		D []protocol.Diagnostic
	}{sn.version, diags})
	d.publishMu.Lock()
	defer d.publishMu.Unlock()
	// pulled is read under publishMu: Diagnostic sets it and clears the
	// pushed diagnostics under the same lock.
	if d.pulled.Load() || d.closed.Load() || d.snap.Load() != sn || d.analysisSeq.Load() != seq || string(key) == d.lastPublished {
		return
	}
	d.lastPublished = string(key)
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{
		URI: d.uri, Version: protocol.NewOptional(sn.version), Diagnostics: diags,
	})
}

// toLSPDiagnostics converts findings, positions through the snapshot's line index.
// project supplies the line indexes of other modules named by related information.
func (s *Server) toLSPDiagnostics(sn *snapshot, res *result, project *analysis.Project) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(res.diags))
	for _, d := range res.diags {
		out = append(out, s.toLSP(sn, d, project))
	}
	return out
}

func (s *Server) toLSP(sn *snapshot, d rules.Diagnostic, project *analysis.Project) protocol.Diagnostic {
	li := sn.file.Lines
	diag := protocol.Diagnostic{
		Range:    s.rangeOf(li, d.Start, d.End),
		Severity: lspSeverity(d.Severity),
		Code:     protocol.String(d.Code),
		Source:   protocol.NewOptional("asyncls"),
		Message:  protocol.String(d.Message),
	}
	if r := rules.Lookup(d.Code); r != nil {
		diag.CodeDescription = protocol.CodeDescription{Href: uri.URI(r.DocURL())}
	}
	if d.Unnecessary {
		diag.Tags = protocol.NewDiagnosticTags(protocol.DiagnosticTagUnnecessary)
	}
	for _, r := range d.Related {
		var rli *analysis.LineIndex
		if m := project.Module(r.Path); m != nil {
			rli = m.File.Lines
		}
		if r.Path == d.Path {
			rli = li
		}
		diag.RelatedInformation = append(diag.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: s.uriFor(r.Path), Range: s.rangeOf(rli, r.Start, r.End)},
			Message:  r.Message,
		})
	}
	data := diagnosticData{Version: sn.version}
	if d.Fix != nil && len(d.Fix.Edits) > 0 {
		fd := &fixData{Title: d.Fix.Title, Safe: d.Fix.Safe}
		for _, e := range d.Fix.Edits {
			fd.Edits = append(fd.Edits, protocol.TextEdit{Range: s.offsetRange(li, e.Start, e.End), NewText: e.New})
		}
		data.Fix = fd
	}
	raw, _ := json.Marshal(data)
	diag.Data = protocol.LSPAny(raw)
	return diag
}

func lspSeverity(sev rules.Severity) protocol.DiagnosticSeverity {
	switch sev {
	case rules.Error:
		return protocol.DiagnosticSeverityError
	case rules.Warning:
		return protocol.DiagnosticSeverityWarning
	case rules.Info:
		return protocol.DiagnosticSeverityInformation
	}
	return protocol.DiagnosticSeverityHint
}

// uriFor returns the URI of a path: the open document's own URI when there
// is one (so untitled buffers and client spellings round-trip).
func (s *Server) uriFor(path string) uri.URI {
	for _, d := range s.openDocs() {
		if d.path == path {
			return d.uri
		}
	}
	return uri.File(path)
}

// reanalyseAll re-checks every open document (configuration or index
// changed) and asks pulling clients to pull again.
func (s *Server) reanalyseAll() {
	for _, d := range s.openDocs() {
		s.schedule(d, 0, false)
	}
	s.refreshPulled()
}

// refreshPulled asks a pulling client to pull again (the server cannot push
// to it).
func (s *Server) refreshPulled() {
	pulled := false
	for _, d := range s.openDocs() {
		if d.pulled.Load() {
			pulled = true
		}
	}
	if pulled && s.caps.refresh {
		s.goSafe("diagnostic refresh", func() {
			if err := s.call(protocol.MethodWorkspaceDiagnosticRefresh, nil, nil); err != nil {
				s.log.debugf("workspace/diagnostic/refresh: %v", err)
			}
		})
	}
}

// Diagnostic answers a pull-diagnostics request. A document the client pulls
// is no longer pushed (VS Code and Neovim keep pulled and pushed diagnostics
// in separate collections, which would show every finding twice); its pushed
// diagnostics are cleared once.
func (s *Server) Diagnostic(ctx context.Context, params *protocol.DocumentDiagnosticParams) (protocol.DocumentDiagnosticReport, error) {
	sn, err := s.snapshotFor(ctx, params.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	d := sn.doc
	d.publishMu.Lock()
	if !d.pulled.Swap(true) {
		d.lastPublished = ""
		s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
	}
	d.publishMu.Unlock()
	budget, stop := context.WithTimeout(ctx, s.simulationBudget())
	res, _, _ := s.analyse(budget, sn, rules.AllRules)
	stop()
	if ctx.Err() != nil {
		return nil, protocol.ErrRequestCancelled
	}
	project, _ := s.ws.snapshot(d.path)
	return &protocol.RelatedFullDocumentDiagnosticReport{FullDocumentDiagnosticReport: protocol.FullDocumentDiagnosticReport{
		Kind: "full", Items: s.toLSPDiagnostics(sn, res, project),
	}}, nil
}
