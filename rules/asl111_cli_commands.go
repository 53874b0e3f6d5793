package rules

// asyncCommands reports the module's `async def`s registered as commands of
// a command-line framework that calls its callbacks synchronously (Click,
// Typer; analysis.Project.SyncCommandRegistration): every invocation of the
// command makes a coroutine that never runs.
func asyncCommands(p *Pass) {
	for _, f := range p.Module.Functions {
		dec, framework := p.Project.SyncCommandRegistration(f)
		if dec == nil {
			continue
		}
		name := f.Node.ChildByField("name")
		if name == nil {
			continue
		}
		p.Report(name, "`async def "+f.Name+"` is registered with "+framework+" by `"+p.File.Brief(dec)+"`, but "+
			framework+" calls a command's or group's function synchronously: each invocation makes a coroutine that never runs "+
			"(\"coroutine '"+f.Name+"' was never awaited\") and the command does nothing; make it a plain `def` that "+
			"runs the async body with `asyncio.run(...)`")
	}
}
