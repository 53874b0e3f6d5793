package pylib

// Coroutine methods of realtime and agent frameworks whose objects are
// built by a plain constructor call: calling one without await does
// nothing (the socket never joins the room, the voice session never
// starts, the pipeline is never cancelled).
func init() {
	// python-socketio's asyncio server, namespaces and client. enter_room,
	// leave_room and close_room are coroutines since python-socketio 5.10
	// (they were plain methods of AsyncServer before).
	for _, typ := range []string{"socketio.AsyncServer", "socketio.async_server.AsyncServer"} {
		returns(typ, "socketio.AsyncServer")
	}
	coroutineMethods("socketio.AsyncServer", "emit", "send", "call", "enter_room", "leave_room", "close_room",
		"disconnect", "save_session", "get_session", "sleep", "shutdown", "handle_request")
	coroutineMethods("socketio.AsyncNamespace", "emit", "send", "call", "enter_room", "leave_room", "close_room",
		"disconnect", "save_session", "get_session")
	for _, typ := range []string{"socketio.AsyncClient", "socketio.async_client.AsyncClient"} {
		returns(typ, "socketio.AsyncClient")
	}
	coroutineMethods("socketio.AsyncClient", "connect", "emit", "send", "call", "disconnect", "wait", "sleep", "shutdown")

	// LiveKit Agents (1.x): AgentSession.start joins the room and runs the
	// STT/LLM/TTS pipeline; say() and generate_reply() return a SpeechHandle
	// and are not coroutines.
	for _, typ := range []string{"livekit.agents.AgentSession", "livekit.agents.voice.AgentSession"} {
		returns(typ, "livekit.agents.AgentSession")
	}
	coroutineMethods("livekit.agents.AgentSession", "start", "aclose")

	// Pipecat: PipelineTask.cancel is a coroutine (unlike asyncio.Task.cancel),
	// as are the ways to feed and stop a task and to run it.
	for _, typ := range []string{"pipecat.pipeline.task.PipelineTask"} {
		returns(typ, typ)
		coroutineMethods(typ, "cancel", "queue_frame", "queue_frames", "stop_when_done", "run")
	}
	returns("pipecat.pipeline.runner.PipelineRunner", "pipecat.pipeline.runner.PipelineRunner")
	coroutineMethods("pipecat.pipeline.runner.PipelineRunner", "run", "cancel", "stop_when_done")

	// Reflex: a state reaches another state (or a var of one) through
	// coroutine methods of its base class.
	for _, typ := range []string{"reflex.State", "reflex.state.State", "reflex.state.BaseState"} {
		coroutineMethods(typ, "get_state", "get_var_value")
	}
}
