# config: asl201-local-files = true  # mechanics shown with local-file sinks
import os


class Handler:
    verbosity = 1

    def log_vmsize(self):
        # /proc is the kernel's in-memory file system: no disk wait.
        for line in open("/proc/%d/status" % os.getpid()):
            if line.startswith("VmSize:"):
                return line.split()[1]

    def load_state(self):
        with open("/var/lib/app/state.json") as f:
            return f.read()

    def send_response(self, data):
        self.log_vmsize()
        return data

    # Quiet: the helper chain ends in a /proc read.
    async def get(self):
        return self.send_response({"ok": True})

    # Reported: the helper reads a file on disk.
    async def post(self):
        return self.load_state()  # want: ASL201 "`self.load_state\(\)` blocks the event loop"
