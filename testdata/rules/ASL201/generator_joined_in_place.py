# A generator of the project runs its body where it is iterated: a
# literal's join iterates it to the end, as list() does.
import subprocess


def lines_of(cmd):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    for line in proc.stdout:
        yield line


async def output(cmd):
    return "".join(lines_of(cmd))  # want: ASL201


async def output_bytes(cmd):
    return b"\n".join(line.encode() for line in lines_of(cmd))  # want: ASL201


# Quiet: only made here; the join of an unannotated parameter is not read
# as a literal's (its receiver may be anything).
async def later(cmd, sep):
    gen = lines_of(cmd)
    return gen, sep.join(["a", "b"])
