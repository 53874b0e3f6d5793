import subprocess


def git_status():
    return subprocess.check_output(["git", "status"])
