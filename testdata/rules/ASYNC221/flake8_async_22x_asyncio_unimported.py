# type: ignore
# Cases from flake8-async's eval_files/async22x_asyncio.py: no imports at all,
# so `subprocess` and `os` are read as the modules.


async def foo():
    await async_fun(
        subprocess.getoutput()  # want: ASYNC221
    )
    subprocess.Popen()  # want: ASYNC220
    os.system()  # want: ASYNC221

    system()
    os.system.anything()
    os.anything()

    subprocess.run()  # want: ASYNC221
    subprocess.call()  # want: ASYNC221
    subprocess.check_call()  # want: ASYNC221
    subprocess.check_output()  # want: ASYNC221
    subprocess.getoutput()  # want: ASYNC221
    subprocess.getstatusoutput()  # want: ASYNC221

    await async_fun(
        subprocess.getoutput()  # want: ASYNC221
    )

    subprocess.anything()
    subprocess.foo()
    subprocess.bar.foo()
    subprocess()

    os.posix_spawn()  # want: ASYNC221
    os.posix_spawnp()  # want: ASYNC221

    os.spawn()
    os.spawn
    os.spawnllll()

    os.spawnl()  # want: ASYNC221
    os.spawnle()  # want: ASYNC221
    os.spawnlp()  # want: ASYNC221
    os.spawnlpe()  # want: ASYNC221
    os.spawnv()  # want: ASYNC221
    os.spawnve()  # want: ASYNC221
    os.spawnvp()  # want: ASYNC221
    os.spawnvpe()  # want: ASYNC221

    os.spawnl(os.P_NOWAIT)  # want: ASYNC220
    os.spawnl(P_NOWAIT)  # want: ASYNC220
    os.spawnl(mode=os.P_NOWAIT)  # want: ASYNC220
    os.spawnl(mode=P_NOWAIT)  # want: ASYNC220

    os.spawnl(os.P_WAIT)  # want: ASYNC221
    os.spawnl(P_WAIT)  # want: ASYNC221
    os.spawnl(mode=os.P_WAIT)  # want: ASYNC221
    os.spawnl(mode=P_WAIT)  # want: ASYNC221
    os.spawnl(foo.P_WAIT)  # want: ASYNC221

    os.spawnl(0)  # want: ASYNC220
    os.spawnl(1)  # want: ASYNC220
    os.spawnl(foo())  # want: ASYNC220

    os.wait()  # want: ASYNC222
    os.wait3()  # want: ASYNC222
    os.wait4()  # want: ASYNC222
    os.waitid()  # want: ASYNC222
    os.waitpid()  # want: ASYNC222

    os.waitpi()
    os.waiti()
