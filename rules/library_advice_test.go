package rules

import "testing"

func TestInLibrary(t *testing.T) {
	cases := []struct{ lib, in, want string }{
		{"trio", "use `await asyncio.sleep(...)`", "use `await trio.sleep(...)`"},
		{"anyio", "use `await loop.getaddrinfo(...)` (or `asyncio.to_thread`)",
			"use `await anyio.getaddrinfo(...)` (or `anyio.to_thread.run_sync`)"},
		{"trio", "use asyncio streams (`asyncio.open_connection`) or `await loop.sock_*(...)`",
			"use trio streams (`trio.open_tcp_stream`) or `await trio.socket.*(...)`"},
		{"trio", "use `await asyncio.create_subprocess_exec(...)` (or `asyncio.create_subprocess_shell`)",
			"use `await trio.run_process(...)` (or `trio.run_process` with `shell=True`)"},
		// Longer names that contain a recorded one are left alone.
		{"trio", "use `redis.asyncio.Redis` and await it", "use `redis.asyncio.Redis` and await it"},
		{"anyio", "`asyncio.sleep_forever()` and `asyncio.Lockish`", "`asyncio.sleep_forever()` and `asyncio.Lockish`"},
		// A name with no counterpart keeps asyncio's name.
		{"trio", "`await asyncio.wrap_future(fut)`", "`await asyncio.wrap_future(fut)`"},
		// A sentence ending after a name.
		{"trio", "set an asyncio.Event.", "set a trio.Event."},
		// The article follows the new name; "can" is not an article.
		{"trio", "An `asyncio.Event` can `asyncio.sleep`", "A `trio.Event` can `trio.sleep`"},
		{"anyio", "set an `asyncio.Event`", "set an `anyio.Event`"},
		{"asyncio", "use `await asyncio.sleep(...)`", "use `await asyncio.sleep(...)`"},
	}
	for _, c := range cases {
		if got := inLibrary(c.in, c.lib); got != c.want {
			t.Errorf("inLibrary(%q, %s) = %q, want %q", c.in, c.lib, got, c.want)
		}
	}
}
