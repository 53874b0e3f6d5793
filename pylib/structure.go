package pylib

// APIs the structural rules (timeouts, task groups, busy waits, locks held
// across await) recognise.
func init() {
	with(TimeoutScope, "asyncio.timeout", "asyncio.timeout_at", "asyncio.timeouts.timeout", "asyncio.timeouts.timeout_at",
		"trio.move_on_after", "trio.move_on_at", "trio.fail_after", "trio.fail_at", "trio.CancelScope",
		"anyio.move_on_after", "anyio.fail_after", "anyio.CancelScope")
	with(TaskGroupOpener, "asyncio.TaskGroup", "asyncio.taskgroups.TaskGroup", "trio.open_nursery", "anyio.create_task_group")
	with(Sleep, "asyncio.sleep", "asyncio.tasks.sleep", "trio.sleep", "trio.sleep_until", "anyio.sleep",
		"anyio.sleep_until", "trio.lowlevel.checkpoint", "anyio.lowlevel.checkpoint")
	with(TakesTimeout, "asyncio.timeout", "asyncio.timeout_at", "asyncio.wait_for", "asyncio.wait",
		"asyncio.as_completed", "asyncio.timeouts.timeout", "asyncio.tasks.wait_for",
		"trio.fail_after", "trio.move_on_after", "trio.fail_at", "trio.move_on_at",
		"anyio.fail_after", "anyio.move_on_after")
	with(SyncLock, "threading.Lock", "threading.RLock", "threading.Semaphore", "threading.BoundedSemaphore",
		"threading.Condition", "multiprocessing.Lock", "multiprocessing.RLock", "multiprocessing.Semaphore",
		"_thread.LockType", "_thread.allocate_lock")
	with(ExceptionGroupClass, "ExceptionGroup", "BaseExceptionGroup", "exceptiongroup.ExceptionGroup",
		"exceptiongroup.BaseExceptionGroup", "builtins.ExceptionGroup", "builtins.BaseExceptionGroup")
	with(CancellationClass, "asyncio.CancelledError", "asyncio.exceptions.CancelledError", "trio.Cancelled")
	with(Startable, "trio.serve_tcp", "trio.serve_ssl_over_tcp", "trio.serve_listeners", "trio.run_process")
	with(KeepsNoReference, prefixed("asyncio.Task.", "add_done_callback", "remove_done_callback", "set_name", "get_name",
		"done", "get_coro", "get_loop", "get_context")...)
	with(AsyncLibrary|FaceValue, "asyncio", "trio", "anyio")
	with(FaceValue, "pytest", "exceptiongroup")
	with(ContextManagerDecorator, "contextlib.asynccontextmanager", "contextlib.contextmanager", "pytest.fixture",
		"pytest.yield_fixture")
	with(ConcurrencyHint, prefixed("asyncio.", "gather", "create_task", "ensure_future", "wait", "wait_for",
		"as_completed", "TaskGroup", "to_thread", "shield")...)
	with(ConcurrencyHint, "asyncio.AbstractEventLoop.run_in_executor")
}
