package pylib

// Iterables that support only `async for` (ASL111): their classes define
// __aiter__/__anext__ and neither __iter__ nor __getitem__ (through which a
// plain `for` would fall back to indexing), so `for x in obj` raises
// TypeError ("'AsyncIOMotorCursor' object is not iterable") before the
// loop's body runs.
func init() {
	asyncForOnly(
		// motor's cursors and change streams (motor/core.py:
		// AgnosticBaseCursor and AgnosticChangeStream define `__aiter__`
		// and `__anext__ = next`, an `async def`, on AgnosticBase, which
		// has neither __iter__ nor __getitem__). PyMongo's own asyncio
		// cursors are not listed: AsyncCursor defines __getitem__.
		"motor.motor_asyncio.AsyncIOMotorCursor", "motor.motor_asyncio.AsyncIOMotorCommandCursor",
		"motor.motor_asyncio.AsyncIOMotorLatentCommandCursor", "motor.motor_asyncio.AsyncIOMotorChangeStream",
		"motor.motor_tornado.MotorCursor", "motor.motor_tornado.MotorCommandCursor",
		"motor.motor_tornado.MotorChangeStream",
		// aiokafka's consumer (aiokafka/consumer/consumer.py: `__aiter__`
		// and `async def __anext__`, no __iter__).
		"aiokafka.AIOKafkaConsumer", "aiokafka.consumer.AIOKafkaConsumer",
		// aio-pika's queue and its iterator (aio_pika/queue.py: Queue and
		// QueueIterator define `__aiter__`; `iterator()` returns the
		// QueueIterator at once).
		"aio_pika.Queue", "aio_pika.RobustQueue", "aio_pika.queue.Queue", "aio_pika.robust_queue.RobustQueue",
		"aio_pika.abc.AbstractQueue", "aio_pika.abc.AbstractRobustQueue", "aio_pika.queue.QueueIterator",
		"aio_pika.abc.AbstractQueueIterator",
		"aio_pika.Queue.iterator", "aio_pika.RobustQueue.iterator", "aio_pika.queue.Queue.iterator",
		"aio_pika.abc.AbstractQueue.iterator", "aio_pika.abc.AbstractRobustQueue.iterator",
		// redis.asyncio's PubSub.listen is an async generator
		// (redis/asyncio/client.py `async def listen(self) ->
		// AsyncIterator`, with `yield`).
		"redis.asyncio.client.PubSub.listen",
	)
	for _, q := range []string{"aio_pika.Queue", "aio_pika.RobustQueue", "aio_pika.queue.Queue", "aio_pika.abc.AbstractQueue",
		"aio_pika.abc.AbstractRobustQueue"} {
		returns(q+".iterator", "aio_pika.queue.QueueIterator")
	}
	// `async with queue.iterator() as it` gives the iterator itself
	// (QueueIterator.__aenter__ returns self).
	returns("aio_pika.queue.QueueIterator.__aenter__", "aio_pika.queue.QueueIterator")
	for _, mod := range []string{"motor.motor_asyncio.AsyncIOMotor", "motor.motor_tornado.Motor"} {
		client, db, coll := mod+"Client", mod+"Database", mod+"Collection"
		// `watch()` returns the change stream at once (motor/core.py:
		// "Returns a MotorChangeStream"; its `next` is the coroutine).
		for _, c := range []string{coll, client + ".*.*", db + ".*", db, client} {
			returns(c+".watch", mod+"ChangeStream")
		}
	}
}

// asyncForOnly marks types and iterable factories that support only
// `async for`.
func asyncForOnly(names ...string) {
	for _, n := range names {
		entry(n).AsyncForOnly = true
	}
}

// AsyncForOnly reports whether name (a type, or a function returning an
// iterable) supports only `async for`.
func AsyncForOnly(name string) bool {
	a, ok := Lookup(name)
	return ok && a.AsyncForOnly
}
