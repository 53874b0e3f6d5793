#!/usr/bin/env python3
"""Build the held-out corpus: real async packages that are NOT in /work/corpus/src.

    python3 bench/fetch_heldout.py [DEST]            # rebuild DEST (default /work/corpus2) from the manifest
    python3 bench/fetch_heldout.py --record PKG...   # download PKGs, (re)write the manifest rows for them
    python3 bench/fetch_heldout.py --manifest bench/heldout3_manifest.tsv /work/corpus3   # the third corpus
    python3 bench/fetch_heldout.py --manifest bench/heldout4_manifest.tsv /work/corpus4   # the fourth
    python3 bench/fetch_heldout.py --manifest bench/heldout5_manifest.tsv /work/corpus5   # the fifth (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout6_manifest.tsv /work/corpus6   # the sixth (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout7_manifest.tsv /work/corpus7   # the seventh (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout8_manifest.tsv /work/corpus8   # the eighth (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout9_manifest.tsv /work/corpus9   # the ninth (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout10_manifest.tsv /work/corpus10  # the tenth (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout11_manifest.tsv /work/corpus11  # the eleventh (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout12_manifest.tsv /work/corpus12  # the twelfth (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout13_manifest.tsv /work/corpus13  # the thirteenth (trixie)
    python3 bench/fetch_heldout.py --manifest bench/heldout16_manifest.tsv /work/corpus16  # the sixteenth (trixie; applications, bench/heldout16_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout18_manifest.tsv /work/corpus18  # the eighteenth (trixie; applications, bench/heldout18_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout19_manifest.tsv /work/corpus19  # the nineteenth (trixie; bench/heldout19_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout21_manifest.tsv /work/corpus21  # the twenty-first (trixie; bench/heldout21_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout22_manifest.tsv /work/corpus22  # the twenty-second (sid; applications, bench/heldout22_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout35_manifest.tsv /work/corpus35  # the thirty-fifth (sid; applications, bench/heldout35_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout36_manifest.tsv /work/corpus36  # the thirty-sixth (sid; asyncio libraries and clients, bench/heldout36_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout41_manifest.tsv /work/corpus41  # the forty-first (sid; asyncio SDKs, libraries, device clients, python3-m..z, bench/heldout41_README.md; placed here to merge cleanly)
    python3 bench/fetch_heldout.py --manifest bench/heldout37_manifest.tsv /work/corpus37  # the thirty-seventh (sid; device clients, SDKs, bench/heldout37_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout38_manifest.tsv /work/corpus38  # the thirty-eighth (sid; python3-a..l, an application, SDKs, device clients, bench/heldout38_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout39_manifest.tsv /work/corpus39  # the thirty-ninth (sid; asyncio libraries and SDKs, python3-m..z, bench/heldout39_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout40_manifest.tsv /work/corpus40  # the fortieth (sid; python3-a..l, protocols, a framework, device clients, bench/heldout40_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout42_manifest.tsv /work/corpus42  # the forty-second (sid and experimental; fetched-and-dropped libraries and an experimental-only application, bench/heldout42_README.md)
    python3 bench/fetch_heldout.py --manifest bench/heldout44_manifest.tsv /work/corpus44  # the forty-fourth (sid; applications and services, bench/heldout44_README.md)
    python3 bench/fetch_heldout.py DEST --suite trixie --manifest M.tsv --record PKG...  # from another suite (DEST first: --record takes the rest)
    python3 bench/fetch_heldout.py DEST --suite "sid experimental" --manifest M.tsv --record PKG...  # from sid, and from experimental what sid lacks

The sources are Debian packages (bookworm), fetched with `apt-get download` and
unpacked with `dpkg-deb -x`, never installed; run `apt-get update` once first.
Each project lands in DEST/<project>/ as its dist-packages tree, so the project's
own imports resolve when `asyncls check` runs on that directory. The manifest
(bench/heldout_manifest.tsv, or the one --manifest names) pins package, version and the .deb's sha256, and
the number of .py files and lines, so a rebuild is checked against it: a
different archive version is reported, not silently used.

--suite SUITE (e.g. trixie) fetches from another Debian suite than the
machine's. The machine's apt sources are left alone: the suite's source list,
package lists and download cache live in DEST/apt/, passed to apt-get with
-o Dir::... options, and `apt-get update` runs there first. The manifest records
the suite on a `# suite\tSUITE` line, so a rebuild needs no --suite.

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


def verify(proj, label, path, want_sha, unpack_into, want_files, want_lines):
    """Checks one fetched package against its manifest row: path's sha256,
    then (unpack_into() unpacks it and gives its file and line counts) the
    counts. Prints what was unpacked, the reason on stderr when a check
    fails; returns whether both held."""
    got = sha256(path)
    if got != want_sha:
        print(f"{proj}: {path} sha256 {got} differs from the manifest's {want_sha}", file=sys.stderr)
        return False
    files, lines = unpack_into()
    ok = (str(files), str(lines)) == (want_files, want_lines)
    if not ok:
        print(f"{proj}: {files} files / {lines} lines, manifest says {want_files} / {want_lines}", file=sys.stderr)
    print(f"{proj}: {label}, {files} files, {lines} lines")
    return ok


def private_apt(suite, dest, types="deb"):
    """apt-get options for a private apt tree in DEST/apt that reads only SUITE
    (its binary packages, or with types="deb-src" its sources)."""
    base = os.path.abspath(os.path.join(dest, "apt"))
    for d in ("etc", "lists/partial", "cache/archives/partial"):
        os.makedirs(os.path.join(base, d), exist_ok=True)
    # SUITE may name several suites ("sid experimental": a package that only
    # experimental has, next to sid's); apt skips a .sources file whose name
    # has a space, so the file is named with underscores.
    name = suite.replace(" ", "_") + ("-src" if types == "deb-src" else "")
    with open(os.path.join(base, "etc", name + ".sources"), "w") as f:
        f.write(f"Types: {types}\nURIs: http://deb.debian.org/debian\n"
                f"Suites: {suite}\nComponents: main\n"
                "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n")
    status = os.path.join(base, "status")
    open(status, "a").close()
    opts = ["-o", "Dir::Etc::SourceList=/dev/null",
            "-o", "Dir::Etc::SourceParts=" + os.path.join(base, "etc"),
            "-o", "Dir::State::Lists=" + os.path.join(base, "lists"),
            "-o", "Dir::Cache=" + os.path.join(base, "cache"),
            "-o", "Dir::State::status=" + status]
    subprocess.run(["apt-get", *opts, "update"], check=True, stdout=subprocess.DEVNULL)
    return opts


def download(pkg, version, debs, apt_opts=()):
    os.makedirs(debs, exist_ok=True)
    spec = f"{pkg}={version}" if version else pkg
    subprocess.run(["apt-get", *apt_opts, "download", spec], cwd=debs, check=True,
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
    """The manifest's rows and the suite its `# suite` line names (or None)."""
    rows, suite = [], None
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if line.startswith("# suite\t"):
                    suite = line.split("\t", 1)[1].strip()
                if line.startswith("#") or not line.strip():
                    continue
                rows.append(line.rstrip("\n").split("\t"))
    return rows, suite


def project_name(pkg):
    return pkg[len("python3-"):] if pkg.startswith("python3-") else pkg


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dest", nargs="?", default="/work/corpus2")
    ap.add_argument("--manifest", default=MANIFEST, help="the manifest to read and write (default bench/heldout_manifest.tsv)")
    ap.add_argument("--record", nargs="+", metavar="PKG", help="download these packages and record them in the manifest")
    ap.add_argument("--suite", help="fetch from this Debian suite through a private apt tree in DEST/apt (default: the manifest's, else the machine's)")
    a = ap.parse_args()
    debs = os.path.join(a.dest, "debs")
    rows, suite = read_manifest(a.manifest)
    suite = a.suite or suite
    apt_opts = private_apt(suite, a.dest) if suite else []
    if a.record:
        keep = [r for r in rows if r[1] not in a.record]
        for pkg in a.record:
            deb = download(pkg, None, debs, apt_opts)
            version = subprocess.run(["dpkg-deb", "-f", deb, "Version"], check=True,
                                     capture_output=True, text=True).stdout.strip()
            proj = project_name(pkg)
            files, lines = unpack(deb, os.path.join(a.dest, proj))
            keep.append([proj, pkg, version, sha256(deb), str(files), str(lines)])
            print(f"{proj}: {pkg} {version}, {files} files, {lines} lines")
        keep.sort()
        with open(a.manifest, "w") as f:
            f.write(HEADER)
            if suite:
                f.write(f"# suite\t{suite}\n")
            for r in keep:
                f.write("\t".join(r) + "\n")
        return
    bad = 0
    for proj, pkg, version, want_sha, want_files, want_lines in rows:
        deb = download(pkg, version, debs, apt_opts)
        if not verify(proj, f"{pkg} {version}", deb, want_sha,
                      lambda: unpack(deb, os.path.join(a.dest, proj)), want_files, want_lines):
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
