#!/usr/bin/env python3
"""Rebuild and check a held-out corpus taken from the search tool's GitHub index.

The GitHub-index corpora (corpus14, 15, 17, 20, 23-34) are not fetched by a
script: each file is read with the search tool's ``read_file`` (repo, path,
commit or the manifest's read_file id), page by page (``offset`` 0, 16000,
...), and written under ``ROOT/<owner>__<repo>/<path>``. This helper does the
two mechanical halves, so that the text is written exactly as stored:

    put ROOT RELPATH [--append] < LITERAL
        LITERAL is the ``text`` value of one read_file answer, copied as the
        JSON string literal it is (quotes and escapes included). It is decoded
        with json.loads and written (or, with --append, appended: the next
        page) with no newline translation, so tabs, trailing blanks and a
        missing final newline stay as stored.

    check MANIFEST ROOT [--crlf]
        Compares every manifest row's file with the row's ``chars`` (Python
        characters, read_file's total_chars) and ``lines`` (newline-terminated
        lines plus a final unterminated one). A file whose text is shorter by
        exactly its line count was stored with CRLF line ends (read_file gives
        LF text but counts the CR): it is reported, and --crlf rewrites it with
        CRLF, as the corpus READMEs record (corpus31's rye-tui modals.py).

Exit status 1 when a file is missing or does not match.
"""

import argparse
import json
import os
import sys


def put(root, rel, append):
    text = json.loads(sys.stdin.read().strip("\n"))
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "a" if append else "w", encoding="utf-8", newline="") as f:
        f.write(text)
    with open(path, encoding="utf-8", newline="") as f:
        print(rel, len(f.read()))
    return 0


def count_lines(text):
    return text.count("\n") + (0 if text.endswith("\n") or not text else 1)


def check(manifest, root, crlf):
    ok = bad = missing = 0
    for line in open(manifest, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        proj, _repo, rel, _commit, _rid, chars, lines = line.rstrip("\n").split("\t")
        path = os.path.join(root, proj, rel)
        if not os.path.exists(path):
            missing += 1
            print("MISSING", proj, rel)
            continue
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        n = count_lines(text)
        if len(text) == int(chars) and n == int(lines):
            ok += 1
            continue
        if "\r" not in text and n == int(lines) and len(text) + n == int(chars):
            if crlf:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text.replace("\n", "\r\n"))
                print("CRLF rewritten", proj, rel)
                ok += 1
                continue
            print("CRLF?", proj, rel, "(LF text short by exactly its", n, "lines; --crlf rewrites it)")
        else:
            print("MISMATCH", proj, rel, "chars", len(text), "want", chars, "lines", n, "want", lines)
        bad += 1
    print("ok", ok, "bad", bad, "missing", missing)
    return 0 if bad == 0 and missing == 0 else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("put")
    p.add_argument("root")
    p.add_argument("relpath")
    p.add_argument("--append", action="store_true")
    c = sub.add_parser("check")
    c.add_argument("manifest")
    c.add_argument("root")
    c.add_argument("--crlf", action="store_true")
    args = ap.parse_args()
    if args.cmd == "put":
        return put(args.root, args.relpath, args.append)
    return check(args.manifest, args.root, args.crlf)


if __name__ == "__main__":
    sys.exit(main())
