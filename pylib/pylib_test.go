package pylib

import "testing"

func TestLookupRolesAndWildcards(t *testing.T) {
	for _, c := range []struct {
		name string
		role Role
		want bool
	}{
		{"asyncio.sleep", Coroutine, true},
		{"asyncio.gather", Awaitable, true},
		{"asyncio.create_task", TaskFactory, true},
		{"asyncio.create_task", AwaitsArgs, true},
		{"time.sleep", Blocking, true},
		{"time.sleep", Coroutine, false},
		// Every method of an aiobotocore client is a coroutine, except the
		// ones listed as plain methods.
		{"aiobotocore.client.AioBaseClient.put_object", Coroutine, true},
		{"aiobotocore.client.AioBaseClient.get_paginator", Coroutine, false},
		// motor: any attribute of a client is a database, of a database a collection.
		{"motor.motor_asyncio.AsyncIOMotorClient.shop.users.find_one", Coroutine, true},
		{"motor.motor_asyncio.AsyncIOMotorClient.shop.users.find", Coroutine, false},
		{"pyrogram.Client.send_message", InAsyncOnly, true},
		{"json.dumps", ReadsData, true},
	} {
		if got := Is(c.name, c.role); got != c.want {
			t.Errorf("Is(%s, %b) = %v, want %v", c.name, c.role, got, c.want)
		}
	}
	if a, ok := Lookup("time.sleep"); !ok || a.Code != "ASYNC251" || a.Instead == "" {
		t.Errorf("time.sleep: %+v", a)
	}
	if got := AwaitResult("asyncpg.connect"); got != "asyncpg.Connection" {
		t.Errorf("AwaitResult(asyncpg.connect) = %q", got)
	}
	if got, ok := ReturnType("socket.socket.accept"); !ok || got != "" {
		t.Errorf("ReturnType(socket.socket.accept) = %q, %v: known, not an instance", got, ok)
	}
	if _, ok := ReturnType("no.such.function"); ok {
		t.Error("unknown name has a return type")
	}
	if d := Latencies(true)["requests.get"]; d != 0.1 {
		t.Errorf("blocking latency of requests.get = %v", d)
	}
	if _, ok := Latencies(false)["requests.get"]; ok {
		t.Error("a blocking call among awaited latencies")
	}
	if !BlockingCodes()["ASYNC210"] || BlockingCodes()["ASL102"] {
		t.Errorf("BlockingCodes = %v", BlockingCodes())
	}
}

func TestWithinAndUnblock(t *testing.T) {
	for _, c := range []struct {
		name string
		role Role
		want bool
	}{
		{"concurrent.futures.Future.result", ThreadSafeModule, true},
		{"concurrent.futures", ThreadSafeModule, false}, // the module itself does not enclose itself
		{"asyncio.Future.set_result", ThreadSafeModule, false},
		{"asyncio.locks.Lock.acquire", OrdersWork, true},
		{"asyncio", OrdersWork, false},
		{"discord.ext.commands.Bot.listener", NamedEventHandlers, true},
		{"discordant.Client.event", NamedEventHandlers, false},
		{"", OrdersWork, false},
	} {
		if got := Within(c.name, c.role); got != c.want {
			t.Errorf("Within(%q, %b) = %v, want %v", c.name, c.role, got, c.want)
		}
	}
	for name, want := range map[string]Unblocking{
		"threading.Lock.acquire": UnblockedByFlag, "queue.Queue.put": UnblockedQueuePut,
		"socket.socket.recv": UnblockedSocket, "io.TextIOWrapper.close": UnblockedReadOnlyClose,
		"typing.IO.close": AlwaysBlocks, "json.dump": UnblockedMemoryFile, "time.sleep": AlwaysBlocks,
	} {
		if a, _ := Lookup(name); a.Unblock != want {
			t.Errorf("%s: Unblock = %d, want %d", name, a.Unblock, want)
		}
	}
	if a, _ := Lookup("json.dump"); a.FileArg != 1 {
		t.Errorf("json.dump takes its file second, FileArg = %d", a.FileArg)
	}
	if !Is("sqlite3.Cursor.fetchall", MemoryDatabase) || Is("psycopg.Cursor.fetchall", MemoryDatabase) {
		t.Error("MemoryDatabase must cover sqlite3's connection and cursor methods only")
	}
}
