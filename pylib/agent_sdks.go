package pylib

// LLM agent SDKs: the entry points that run an agent are coroutine
// functions (a call without await runs nothing, and the caller then reads
// the coroutine object as the run's result: `result = agent.run(q);
// result.output`), and their synchronous conveniences start an event loop
// of their own, which fails inside a running one (ASL101). Receivers are
// typed by their constructors (`agent = Agent("openai:gpt-4o")` at module
// level, as the SDKs' docs write them); a method name alone says nothing
// (`run` is everyone's).
func init() {
	// Pydantic AI (docs/agents.md, "Running Agents"): `agent.run()` is "an
	// async function"; `agent.run_sync()` is "a plain, synchronous function
	// ... (internally, this just calls loop.run_until_complete(self.run()))",
	// and its docstring (pydantic_ai/agent/abstract.py, AbstractAgent.
	// run_sync) says "You therefore can't use this method inside async code
	// or if there's an active event loop"; `agent.run_stream()` is "an async
	// context manager" and `agent.iter()` is entered with `async with
	// my_agent.iter(...) as agent_run` (pydantic_ai/run.py, AgentRun), both
	// @asynccontextmanager functions, so a plain `with` raises.
	for _, typ := range []string{"pydantic_ai.Agent", "pydantic_ai.agent.Agent"} {
		returns(typ, "pydantic_ai.Agent")
		coroutineMethods(typ, "run")
		a := entry(typ + ".run_sync")
		a.Roles |= RefusesRunningLoop
		a.Instead = "await `run(...)` instead"
		a.Note = "pydantic-ai: loop.run_until_complete(self.run(...)); \"can't use this method inside async code\""
		asyncWithOnly(typ+".run_stream", typ+".iter")
	}

	// OpenAI Agents SDK (openai-agents, imported as `agents`;
	// src/agents/run.py): Runner.run is an `async def` classmethod;
	// Runner.run_sync's docstring says "it will not work if there's already
	// an event loop (e.g. inside an async function ...). For those cases, use
	// the `run` method instead", and AgentRunner.run_sync raises
	// RuntimeError("AgentRunner.run_sync() cannot be called when an event
	// loop is already running."); Runner.run_streamed is a plain classmethod
	// that returns a RunResultStreaming at once (its stream_events() is
	// iterated with `async for`).
	for _, typ := range []string{"agents.Runner", "agents.run.Runner"} {
		coroutineMethods(typ, "run")
		a := entry(typ + ".run_sync")
		a.Roles |= RefusesRunningLoop
		a.Instead = "await `Runner.run(...)` instead"
		a.Note = "openai-agents: raises RuntimeError when an event loop is already running"
		returns(typ+".run_streamed", "agents.result.RunResultStreaming")
	}

	// AutoGen AgentChat 0.4+ (autogen_agentchat/agents/_base_chat_agent.py):
	// BaseChatAgent's run, on_messages, on_reset, on_pause, on_resume,
	// save_state, load_state and close are `async def`; run_stream and
	// on_messages_stream are async generators (iterated, not awaited), not
	// listed. Teams (base/_task.py, TaskRunner.run; teams/_group_chat/
	// _base_group_chat.py, BaseGroupChat.reset) run and reset with `async
	// def`s; every team "inherits from the BaseGroupChat class"
	// (teams/__init__.py, which exports the four below).
	// autogen_agentchat.ui.Console is `async Console(stream, ...)`, which
	// "Consumes the message stream from run_stream()" (API reference).
	const ac = "autogen_agentchat."
	for _, agent := range []string{"AssistantAgent", "UserProxyAgent", "CodeExecutorAgent", "SocietyOfMindAgent",
		"BaseChatAgent"} {
		typ := ac + "agents." + agent
		returns(typ, typ)
		coroutineMethods(typ, "run", "on_messages", "on_reset", "on_pause", "on_resume", "save_state", "load_state",
			"close")
	}
	for _, team := range []string{"RoundRobinGroupChat", "SelectorGroupChat", "Swarm", "MagenticOneGroupChat",
		"BaseGroupChat"} {
		typ := ac + "teams." + team
		returns(typ, typ)
		coroutineMethods(typ, "run", "reset")
	}
	coroutines(ac + "ui.Console")

	// Semantic Kernel: Kernel.invoke and Kernel.invoke_prompt are `async
	// def` (python/semantic_kernel/kernel.py; invoke_stream is an async
	// generator). Its agents share one invocation surface (Semantic Kernel
	// docs, "The Semantic Kernel Common Agent API surface"): `await
	// agent.get_response(messages=...)`; invoke() and invoke_stream() are
	// iterated with `async for`, not listed.
	for _, typ := range []string{"semantic_kernel.Kernel", "semantic_kernel.kernel.Kernel"} {
		returns(typ, "semantic_kernel.Kernel")
		coroutineMethods(typ, "invoke", "invoke_prompt")
	}
	for _, agent := range []string{"ChatCompletionAgent", "OpenAIAssistantAgent", "AzureAIAgent", "OpenAIResponsesAgent"} {
		typ := "semantic_kernel.agents." + agent
		returns(typ, typ)
		coroutineMethods(typ, "get_response")
	}
	returns("semantic_kernel.agents.chat_completion.chat_completion_agent.ChatCompletionAgent",
		"semantic_kernel.agents.ChatCompletionAgent")

	// browser-use (docs.browser-use.com, Agent basics: "The agent is
	// executed using the async run() method", `history = await
	// agent.run(max_steps=100)`).
	for _, typ := range []string{"browser_use.Agent", "browser_use.agent.service.Agent"} {
		returns(typ, "browser_use.Agent")
		coroutineMethods(typ, "run")
	}

	// nats-py, "Python3 Client for Asyncio" (README.md): `nc = await
	// nats.connect(...)`, and the client's subscribe, publish, request,
	// drain and close are awaited, as is flush (nats/aio/client.py, `async
	// def flush`); nc.jetstream() returns the JetStream context at once, and
	// its publish, subscribe, pull_subscribe and add_stream are awaited.
	const client, js = "nats.aio.client.Client", "nats.js.client.JetStreamContext"
	coroutines("nats.connect")
	awaitReturns("nats.connect", client)
	returns(client, client)
	coroutineMethods(client, "connect", "publish", "subscribe", "request", "flush", "drain", "close")
	returns(client+".jetstream", js)
	coroutineMethods(js, "publish", "subscribe", "pull_subscribe", "add_stream")

	// A2A, the Agent2Agent protocol's Python SDK (a2a-sdk, imported as
	// `a2a`): an AgentExecutor's `async def execute(self, context,
	// event_queue)` answers the client only through the EventQueue it is
	// handed, directly or through a TaskUpdater built on it. Since a2a-sdk
	// 0.2.6 EventQueue.enqueue_event is an `async def` (a2aproject/
	// a2a-python#151, "Backwards incompatible change, as
	// `EventQueue.enqueue_event()` becomes async", which made TaskUpdater's
	// update_status async with it; a2aproject/a2a-samples#104, "Add missing
	// `await` in `event_queue.enqueue_event` usage. Bump `a2a-sdk>=0.2.6`");
	// src/a2a/server/tasks/task_updater.py has update_status, add_artifact,
	// complete, failed, reject, submit, start_work, cancel, requires_input
	// and requires_auth as `async def`s that await enqueue_event, and
	// new_agent_message as a plain method (it only builds the Message).
	// Before 0.2.6 they were plain methods (put_nowait on the queue), so a
	// project that pins an older a2a-sdk calls them without await
	// correctly. A call without await publishes nothing: the client never
	// sees the task's working, completed or failed state.
	a2a026 := Release{Dists: []string{"a2a-sdk"}, Version: "0.2.6"}
	const a2aNote = "a coroutine function since a2a-sdk 0.2.6, a plain method before"
	for _, typ := range []string{"a2a.server.events.EventQueue", "a2a.server.events.event_queue.EventQueue"} {
		returns(typ, "a2a.server.events.EventQueue")
		coroutineMethodsSince(a2a026, a2aNote, typ, "enqueue_event")
	}
	for _, typ := range []string{"a2a.server.tasks.TaskUpdater", "a2a.server.tasks.task_updater.TaskUpdater"} {
		returns(typ, "a2a.server.tasks.TaskUpdater")
		coroutineMethodsSince(a2a026, a2aNote, typ, "update_status", "add_artifact", "complete", "failed", "reject",
			"submit", "start_work", "cancel", "requires_input", "requires_auth")
	}

	// Inspect AI (inspect_ai, the UK AI Security Institute's evaluation
	// framework), its inspect_ai.model reference: `def get_model(model, *,
	// role, default, config, base_url, api_key, memoize, **model_args) ->
	// Model`, used as `async with get_model("openai/gpt-4o") as model:
	// response = await model.generate("Say hello")`; Model.generate is an
	// `async def` (src/inspect_ai/model/_model.py) whose ModelOutput has the
	// `.completion` text. A script that drives a model by hand outside a
	// Task (multi-turn evals, judges) calls it from its own code.
	for _, f := range []string{"inspect_ai.model.get_model", "inspect_ai.model._model.get_model"} {
		returns(f, "inspect_ai.model.Model")
	}
	returns("inspect_ai.model._model.Model", "inspect_ai.model.Model")
	coroutineMethods("inspect_ai.model.Model", "generate")
}
