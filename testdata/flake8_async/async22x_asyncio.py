# upstream: tests/eval_files/async22x_asyncio.py @ 8b1a1cf91b09d8c34dbfb2e954eafcc727d288e2
# codes: ASYNC220 ASYNC221 ASYNC222
# Restated from flake8-async's test suite (MIT, flake8-async contributors); see README.md.
# As upstream, `subprocess` and `os` are not imported: a module name that is
# not bound in the file is read as that module.


async def consume(value): ...


async def processes(helper):
    await consume(
        subprocess.getoutput("ls")  # want: ASYNC221
    )
    subprocess.Popen(["ls"])  # want: ASYNC220
    os.system("ls")  # want: ASYNC221

    system("ls")
    os.system.attribute()
    os.getcwd()

    subprocess.run(["ls"])  # want: ASYNC221
    subprocess.call(["ls"])  # want: ASYNC221
    subprocess.check_call(["ls"])  # want: ASYNC221
    subprocess.check_output(["ls"])  # want: ASYNC221
    subprocess.getstatusoutput("ls")  # want: ASYNC221

    subprocess.unknown()
    subprocess.helpers.run()
    subprocess()

    os.posix_spawn("/bin/ls", ["ls"], {})  # want: ASYNC221
    os.posix_spawnp("ls", ["ls"], {})  # want: ASYNC221

    os.spawn()
    os.spawnxyz()

    os.spawnl(os.P_WAIT, "/bin/ls", "ls")  # want: ASYNC221
    os.spawnle(os.P_WAIT, "/bin/ls", "ls", {})  # want: ASYNC221
    os.spawnlp(os.P_WAIT, "ls", "ls")  # want: ASYNC221
    os.spawnlpe(os.P_WAIT, "ls", "ls", {})  # want: ASYNC221
    os.spawnv(os.P_WAIT, "/bin/ls", ["ls"])  # want: ASYNC221
    os.spawnve(os.P_WAIT, "/bin/ls", ["ls"], {})  # want: ASYNC221
    os.spawnvp(os.P_WAIT, "ls", ["ls"])  # want: ASYNC221
    os.spawnvpe(os.P_WAIT, "ls", ["ls"], {})  # want: ASYNC221

    # a mode other than P_WAIT starts the process without waiting: ASYNC220
    os.spawnl(os.P_NOWAIT, "/bin/ls")  # want: ASYNC220
    os.spawnl(P_NOWAIT, "/bin/ls")  # want: ASYNC220
    os.spawnl(mode=os.P_NOWAIT)  # want: ASYNC220
    os.spawnl(mode=P_NOWAIT)  # want: ASYNC220

    os.spawnl(P_WAIT, "/bin/ls")  # want: ASYNC221
    os.spawnl(mode=os.P_WAIT)  # want: ASYNC221
    os.spawnl(mode=P_WAIT)  # want: ASYNC221
    os.spawnl(helper.P_WAIT, "/bin/ls")  # want: ASYNC221

    os.spawnl(0, "/bin/ls")  # want: ASYNC220
    os.spawnl(1, "/bin/ls")  # want: ASYNC220
    os.spawnl(helper(), "/bin/ls")  # want: ASYNC220

    os.wait()  # want: ASYNC222
    os.wait3(0)  # want: ASYNC222
    os.wait4(1, 0)  # want: ASYNC222
    os.waitid(os.P_ALL, 0, os.WEXITED)  # want: ASYNC222
    os.waitpid(1, 0)  # want: ASYNC222

    os.waitpi()
    os.waiti()
