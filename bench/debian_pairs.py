#!/usr/bin/env python3
"""Candidate real-bug pairs from two versions of a package tree (how
bench/realbugs35 was mined when the search tool was unavailable).

    python3 bench/debian_pairs.py OLD_DIR NEW_DIR [NAME]

OLD_DIR and NEW_DIR are the same Python package at two versions, e.g. a
precision corpus's copy (/work/corpus9/led-ble) and the next Debian suite's
package unpacked with `apt-get download` + `dpkg-deb -x` (its
usr/lib/python3/dist-packages). For every .py file present in both, prints:

  AWAIT   a line whose call gained `await` in NEW (same hunk);
  TASK    a statement-level create_task/ensure_future in OLD whose argument
          NEW uses in another form (kept in a name/set, awaited, ...);
  THREAD  a hunk whose NEW side moved work into to_thread/run_in_executor/
          sync_to_async and whose OLD side did not;
  SLEEP   a statement-level time.sleep of OLD that NEW no longer has.

Every hit is only a candidate: most are refactors (the callee itself became
async in NEW) or linter silencing (`task = ...  # noqa` keeps no reference).
Read both versions: a case needs the callee async (or the call blocking)
in OLD itself, and a NEW that really fixes it.
"""
import difflib
import os
import re
import sys

TASK = re.compile(r'^\s*([\w.]*\.)?(create_task|ensure_future)\((.*)$')
THREAD = re.compile(r'to_thread|run_in_executor|run_sync|sync_to_async')


def norm(s):
    return re.sub(r'\s+', '', s)


def pyfiles(root):
    out = {}
    for dp, _, fn in os.walk(root):
        for f in fn:
            if f.endswith('.py'):
                p = os.path.join(dp, f)
                out[os.path.relpath(p, root)] = p
    return out


def scan(old, new, name):
    a, b = pyfiles(old), pyfiles(new)
    for rel in sorted(set(a) & set(b)):
        A = open(a[rel], errors='replace').read().splitlines()
        B = open(b[rel], errors='replace').read().splitlines()
        T = '\n'.join(B)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, A, B, autojunk=False).get_opcodes():
            if tag == 'equal':
                continue
            rem, add = '\n'.join(A[i1:i2]), '\n'.join(B[j1:j2])
            if THREAD.search(add) and not THREAD.search(rem) and rem.strip():
                print(f'THREAD {name} {rel}:{i1 + 1}')
            if tag != 'replace':
                continue
            for k, x in enumerate(A[i1:i2]):
                nx = norm(x)
                core = re.sub(r'^(return|\w+=)', '', nx)
                if not nx or nx.startswith('#') or 'await' in nx or len(core) <= 8:
                    continue
                for y in B[j1:j2]:
                    if 'await' in y and core[:25] in norm(y).replace('await', ''):
                        print(f'AWAIT {name} {rel}:{i1 + k + 1}\n   - {x.strip()}\n   + {y.strip()}')
                        break
        for i, line in enumerate(A):
            m = TASK.match(line)
            if m and line.strip() not in T:
                arg = (m.group(3).strip() or (A[i + 1].strip() if i + 1 < len(A) else ''))[:25]
                if len(arg) >= 6:
                    for tl in B:
                        if arg in tl and not TASK.match(tl) and ('create_task' not in tl or '=' in tl):
                            print(f'TASK {name} {rel}:{i + 1} {line.strip()}  ==>  {tl.strip()[:100]}')
                            break
            if re.match(r'^\s*time\.sleep\(', line) and line.strip() not in T:
                print(f'SLEEP {name} {rel}:{i + 1} {line.strip()}')


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    scan(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else os.path.basename(sys.argv[1].rstrip('/')))
