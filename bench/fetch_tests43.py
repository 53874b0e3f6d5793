#!/usr/bin/env python3
"""Build corpus43: the pytest suites of Debian SOURCE packages of async projects.

    python3 bench/fetch_tests43.py /work/corpus43                      # rebuild from bench/heldout43_manifest.tsv
    python3 bench/fetch_tests43.py /work/corpus43 --record SRC:KEEP... # fetch, unpack, (re)write manifest rows

Binary packages ship no tests, so this corpus is made from source packages:
the upstream tarball (`*.orig.tar.*`) of each source package is fetched with
`apt-get source --download-only` from sid, through a private apt tree in
DEST/apt whose only list is sid's `deb-src` (the machine's apt sources are
left alone; run as root). Only the tarball is used (the Debian patches are
not applied, and the .dsc is not needed: dpkg-source is never run).

From the tarball only the `.py` files under the manifest's KEEP paths are
copied to DEST/<project>/, at the same relative paths: the test directory
(`tests/`, with its conftest.py) and the project's own package (`aiohttp/`,
`src/anyio/`...), which the tests import, so the tests' imports resolve
when `asyncls check` runs in DEST/<project>/ (bench/heldout_findings.py).
Nothing else (docs, examples, tools, vendor, setup.py) is kept.

The manifest pins the source version, the tarball's name and sha256, the KEEP
paths and the number of .py files and lines, so a rebuild is checked against
it. A KEEP spec on the command line is `SOURCE:PATH[,PATH...]` with paths
relative to the tarball's top directory.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tarfile

from fetch_heldout import private_apt, sha256, verify  # the same private apt tree, for sources; the same manifest check

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "heldout43_manifest.tsv")
HEADER = "# project\tsource\tversion\torig_tarball\tsha256\tkept\tpy_files\tpy_lines\n"


def fetch_orig(src, version, dl, apt_opts):
    """Download SRC's orig tarball into dl; return (path, version)."""
    os.makedirs(dl, exist_ok=True)
    spec = f"{src}={version}" if version else src
    # The .dsc and the Debian tarball may be missing on the mirror: only the
    # orig tarball is needed, so apt-get's exit status is not trusted, the file is.
    subprocess.run(["apt-get", *apt_opts, "source", "--download-only", spec], cwd=dl,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not version:
        out = subprocess.run(["apt-cache", *apt_opts, "showsrc", src], capture_output=True, text=True).stdout
        version = next(l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith("Version:"))
    upstream = version.split(":", 1)[-1].rsplit("-", 1)[0]
    names = [n for n in os.listdir(dl) if n.startswith(f"{src}_{upstream}.orig.tar.")]
    if not names:
        sys.exit(f"fetch_tests43: no orig tarball for {spec} in {dl}")
    return os.path.join(dl, names[0]), version


def unpack(tarball, kept, out):
    """Copy the .py files under the KEEP paths of the tarball's top directory into out."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    files = lines = 0
    with tarfile.open(tarball) as t:
        for m in t.getmembers():
            if not m.isfile() or not m.name.endswith(".py"):
                continue
            rel = m.name.split("/", 1)[1] if "/" in m.name else m.name
            if not any(rel == k or rel.startswith(k.rstrip("/") + "/") for k in kept):
                continue
            data = t.extractfile(m).read()
            dst = os.path.join(out, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "wb") as f:
                f.write(data)
            files += 1
            lines += data.count(b"\n")
    return files, lines


def project_name(src):
    return src[len("python-"):] if src.startswith("python-") else src


def read_manifest(path):
    rows = []
    if os.path.exists(path):
        with open(path) as f:
            rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dest")
    ap.add_argument("--manifest", default=MANIFEST)
    ap.add_argument("--record", nargs="+", metavar="SRC:PATHS")
    a = ap.parse_args()
    dl = os.path.join(a.dest, "orig")
    apt_opts = private_apt("sid", a.dest, types="deb-src")
    rows = read_manifest(a.manifest)
    if a.record:
        specs = dict(s.split(":", 1) for s in a.record)
        keep = [r for r in rows if r[1] not in specs]
        for src, paths in specs.items():
            tarball, version = fetch_orig(src, None, dl, apt_opts)
            kept = paths.split(",")
            proj = project_name(src)
            files, lines = unpack(tarball, kept, os.path.join(a.dest, proj))
            keep.append([proj, src, version, os.path.basename(tarball), sha256(tarball), ",".join(kept), str(files), str(lines)])
            print(f"{proj}: {src} {version}, {files} files, {lines} lines")
        keep.sort()
        with open(a.manifest, "w") as f:
            f.write(HEADER)
            for r in keep:
                f.write("\t".join(r) + "\n")
        return
    bad = 0
    for proj, src, version, name, want_sha, kept, want_files, want_lines in rows:
        tarball, _ = fetch_orig(src, version, dl, apt_opts)
        if os.path.basename(tarball) != name:
            print(f"{proj}: {tarball} is not the manifest's {name}", file=sys.stderr)
            bad += 1
            continue
        if not verify(proj, f"{src} {version}", tarball, want_sha,
                      lambda: unpack(tarball, kept.split(","), os.path.join(a.dest, proj)), want_files, want_lines):
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
