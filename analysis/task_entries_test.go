package analysis

import "testing"

func TestMethodTaskEntries(t *testing.T) {
	m := build(t, `import asyncio
import uvicorn


class Protocol:
    def connection_made(self, transport):
        self._task = asyncio.get_running_loop().create_task(self.serve())
        coro = self.cycle.run_app(transport)
        asyncio.ensure_future(coro)
        kept = self.flush()
        asyncio.ensure_future(kept)
        self.pending = kept

    def start(self, nursery):
        nursery.start_soon(self.watch, 5)
        uvicorn.main()

    async def stop(self):
        await self.watch(0)
`)
	for _, tc := range []struct {
		name           string
		started, other bool
	}{
		{"serve", true, false},
		{"run_app", true, false},  // through a local name only handed to a task starter
		{"flush", false, true},    // the local name is also stored
		{"watch", true, true},     // started by name, and awaited
		{"main", false, false},    // a function of a module bound by import, not a method
		{"missing", false, false}, // never mentioned
	} {
		if got := m.StartsMethodAsTask(tc.name); got != tc.started {
			t.Errorf("StartsMethodAsTask(%q) = %v, want %v", tc.name, got, tc.started)
		}
		if got := m.ReferencesMethodOtherThanAsTask(tc.name); got != tc.other {
			t.Errorf("ReferencesMethodOtherThanAsTask(%q) = %v, want %v", tc.name, got, tc.other)
		}
		if got := NewProject("", []*Module{m}).UsesMethodOtherThanAsTask(tc.name); got != tc.other {
			t.Errorf("project: UsesMethodOtherThanAsTask(%q) = %v, want %v", tc.name, got, tc.other)
		}
	}
	// The index entries never answer a question about a plain name.
	if !m.UsesAsValue("pkg.mod.Protocol.watch") || m.UsesAsValue(TaskEntryIndexKey("serve")) {
		t.Error("task-entry keys mixed up with the names used as values")
	}
	if IndexedIdentifier(TaskEntryIndexKey("serve")) != "serve" || IndexedIdentifier("serve") != "serve" {
		t.Error("IndexedIdentifier does not give back the identifier")
	}
}
