#!/usr/bin/env python3
"""Build the held-out corpus: real async packages that are NOT in /work/corpus/src.

    python3 bench/fetch_heldout.py [DEST]            # rebuild DEST (default /work/corpus2) from the manifest
    python3 bench/fetch_heldout.py --record PKG...   # download PKGs, (re)write the manifest rows for them
    python3 bench/fetch_heldout.py --manifest bench/heldout3_manifest.tsv /work/corpus3   # the third corpus
    python3 bench/fetch_heldout.py --manifest bench/heldout4_manifest.tsv /work/corpus4   # the fourth

The sources are Debian packages (bookworm), fetched with `apt-get download` and
unpacked with `dpkg-deb -x`, never installed; run `apt-get update` once first.
Each project lands in DEST/<project>/ as its dist-packages tree, so the project's
own imports resolve when `asyncls check` runs on that directory. The manifest
(bench/heldout_manifest.tsv, or the one --manifest names) pins package, version and the .deb's sha256, and
the number of .py files and lines, so a rebuild is checked against it: a
different archive version is reported, not silently used.

Why Debian and not the repository index: the search tool's file look-ups return
text to the session, not to a script, so a rebuild by a script needs a source a
script can fetch; the Debian archive is the one such source reachable here.
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "heldout_manifest.tsv")
HEADER = "# project\tpackage\tversion\tdeb_sha256\tpy_files\tpy_lines\n"


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def download(pkg, version, debs):
    os.makedirs(debs, exist_ok=True)
    spec = f"{pkg}={version}" if version else pkg
    subprocess.run(["apt-get", "download", spec], cwd=debs, check=True,
                   stdout=subprocess.DEVNULL)
    names = sorted(n for n in os.listdir(debs) if n.startswith(pkg + "_") and n.endswith(".deb"))
    if version:
        quoted = version.replace(":", "%3a")
        names = [n for n in names if f"_{quoted}_" in n]
    if not names:
        sys.exit(f"fetch_heldout: no .deb for {spec} in {debs}")
    return os.path.join(debs, names[-1])


def unpack(deb, out):
    """Copy every .py file of the package's dist-packages tree into out."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    with tempfile.TemporaryDirectory() as x:
        subprocess.run(["dpkg-deb", "-x", deb, x], check=True)
        trees = []
        for root, dirs, _ in os.walk(x):
            for d in list(dirs):
                if d in ("dist-packages", "site-packages"):
                    trees.append(os.path.join(root, d))
                    dirs.remove(d)
        if not trees:
            # An application that ships its modules in its own directory
            # (usr/share/NAME, usr/lib/NAME: localslackirc, weechat-matrix)
            # is kept from that directory, so its own imports resolve.
            for base in ("usr/share", "usr/lib"):
                b = os.path.join(x, base)
                if os.path.isdir(b):
                    trees += [os.path.join(b, d) for d in sorted(os.listdir(b)) if d != "doc"]
        for dp in trees:
            for r2, _, files in os.walk(dp):
                for f in files:
                    if f.endswith(".py"):
                        src = os.path.join(r2, f)
                        dst = os.path.join(out, os.path.relpath(src, dp))
                        os.makedirs(os.path.dirname(dst), exist_ok=True)
                        shutil.copy2(src, dst)
    files = lines = 0
    for r, _, fs in os.walk(out):
        for f in fs:
            files += 1
            with open(os.path.join(r, f), "rb") as fh:
                lines += fh.read().count(b"\n")
    return files, lines


def read_manifest(path):
    rows = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                rows.append(line.rstrip("\n").split("\t"))
    return rows


def project_name(pkg):
    return pkg[len("python3-"):] if pkg.startswith("python3-") else pkg


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dest", nargs="?", default="/work/corpus2")
    ap.add_argument("--manifest", default=MANIFEST, help="the manifest to read and write (default bench/heldout_manifest.tsv)")
    ap.add_argument("--record", nargs="+", metavar="PKG", help="download these packages and record them in the manifest")
    a = ap.parse_args()
    debs = os.path.join(a.dest, "debs")
    rows = read_manifest(a.manifest)
    if a.record:
        keep = [r for r in rows if r[1] not in a.record]
        for pkg in a.record:
            deb = download(pkg, None, debs)
            version = subprocess.run(["dpkg-deb", "-f", deb, "Version"], check=True,
                                     capture_output=True, text=True).stdout.strip()
            proj = project_name(pkg)
            files, lines = unpack(deb, os.path.join(a.dest, proj))
            keep.append([proj, pkg, version, sha256(deb), str(files), str(lines)])
            print(f"{proj}: {pkg} {version}, {files} files, {lines} lines")
        keep.sort()
        with open(a.manifest, "w") as f:
            f.write(HEADER)
            for r in keep:
                f.write("\t".join(r) + "\n")
        return
    bad = 0
    for proj, pkg, version, want_sha, want_files, want_lines in rows:
        deb = download(pkg, version, debs)
        got = sha256(deb)
        if got != want_sha:
            print(f"{proj}: {deb} sha256 {got} differs from the manifest's {want_sha}", file=sys.stderr)
            bad += 1
            continue
        files, lines = unpack(deb, os.path.join(a.dest, proj))
        if (str(files), str(lines)) != (want_files, want_lines):
            print(f"{proj}: {files} files / {lines} lines, manifest says {want_files} / {want_lines}", file=sys.stderr)
            bad += 1
        print(f"{proj}: {pkg} {version}, {files} files, {lines} lines")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
