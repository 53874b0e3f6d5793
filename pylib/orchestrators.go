package pylib

// Data orchestrators' async hooks: what the triggers of Apache Airflow's
// deferrable operators await on the triggerer's single event loop.

func init() {
	// apache-airflow-providers-google, common/hooks/base_google.py:
	// GoogleBaseAsyncHook is the base of the provider's async hooks
	// (BigQueryAsyncHook, DataprocAsyncHook, GCSAsyncHook...); each sets
	// the class attribute `sync_hook_class` to its synchronous twin
	// (`sync_hook_class = BigQueryHook`), and `async def get_sync_hook(self)`
	// builds that hook once, `await sync_to_async(self.sync_hook_class)(**
	// self._hook_kwargs)`, and returns it. The synchronous hook's methods
	// are the blocking ones (google-cloud clients, HTTP): calling them on
	// the awaited hook inside the coroutine blocks the triggerer
	// (apache/airflow#63230, BigQueryAsyncHook._get_job).
	for _, base := range []string{
		"airflow.providers.google.common.hooks.base_google.GoogleBaseAsyncHook",
	} {
		a := entry(base + ".get_sync_hook")
		a.Roles |= Coroutine
		a.AwaitReturnsClassAttr = "sync_hook_class"
	}
}
