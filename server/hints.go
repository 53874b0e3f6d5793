package server

import (
	"context"
	"time"

	"github.com/asyncls/asyncls/analysis"
	"github.com/asyncls/asyncls/config"
	"github.com/asyncls/asyncls/loopsim/pyfront"
)

// hoverSimulationBudget bounds the simulation behind one hover's estimate.
const hoverSimulationBudget = 100 * time.Millisecond

// DefaultTimingHints estimates with loopsim how long the coroutine, await or
// gather/create_task statement at offset takes (see docs/loopsim.md),
// following the file's imports of the other modules of project.
func DefaultTimingHints(ctx context.Context, file *analysis.File, project *analysis.Project, offset int, cfg *config.Config) (string, int, int, bool) {
	if cfg == nil {
		cfg = config.Default()
	}
	// A bad latency entry is reported when the configuration loads; the
	// hover then estimates with the defaults.
	simCfg, err := cfg.Simulator()
	if err != nil {
		simCfg, _ = config.Default().Simulator()
	}
	if ctx.Err() != nil {
		return "", 0, 0, false
	}
	// $/cancelRequest or a newer hover ends the simulation; its budgets
	// bound it otherwise: a hover must answer quickly, so a construct that
	// takes longer to simulate gets no estimate rather than a late one.
	simCfg.Context = ctx
	// A coroutine that cannot end gets its reason at once, not after the
	// budget: the total of a run that ends on a budget is no estimate.
	simCfg.EndlessLoopRuns = pyfront.EndlessLoopRuns
	if simCfg.MaxWallTime <= 0 || simCfg.MaxWallTime > hoverSimulationBudget {
		simCfg.MaxWallTime = hoverSimulationBudget
	}
	hint, ok := pyfront.EstimateAt(file, offset, pyfront.Options{Config: simCfg, Project: pyfront.SnapshotProject(project)})
	if !ok {
		return "", 0, 0, false
	}
	return hint.Markdown(), hint.Start, hint.End, true
}
