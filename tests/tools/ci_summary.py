#!/usr/bin/env python3
"""ci_summary.py: the last lines of .ci/run: what every stage ran, counted
once per test.

    python3 tests/tools/ci_summary.py DIR

DIR holds, per stage, ctest's JUnit file `junit-<stage>.xml` (ctest
--output-junit) and the Python suites' own records `<stage>.<module>.jsonl`
(tests/cli/run_suite.py, with PUB_TEST_LOG_DIR=DIR).  A Python suite counts
as its tests (a skipped method is a skip even when ctest saw the suite pass);
every other ctest entry counts as one.  Prints each skipped test with its
reason, then one line `N passed, N failed, N skipped`.  Exit 1 when a test
failed, when a skip's reason is a missing tool or package (tests/cli/needs.py
words them so), or when DIR holds no result at all.
"""
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

MISSING = re.compile(r"missing tool|not installed|Debian package", re.I)


def python_records(logdir, stage, entry):
    m = re.match(r"cli_(.+)$", entry)
    if not m:
        return None
    path = os.path.join(logdir, "%s.test_%s.jsonl" % (stage, m.group(1)))
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def last_line(text):
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    logdir = argv[0]
    passed = failed = 0
    skipped, failures = [], []
    junits = sorted(glob.glob(os.path.join(logdir, "junit-*.xml")))
    for junit in junits:
        stage = os.path.basename(junit)[len("junit-"):-len(".xml")]
        for case in ET.parse(junit).getroot().iter("testcase"):
            name, status = case.get("name"), case.get("status")
            recs = python_records(logdir, stage, name)
            if recs:
                for r in recs:
                    if r["outcome"] == "passed":
                        passed += 1
                    elif r["outcome"] == "skipped":
                        skipped.append((stage, r["test"], r["reason"]))
                    else:
                        failed += 1
                        failures.append((stage, r["test"], r["reason"]))
                if status == "fail" and not any(r["outcome"] == "failed" for r in recs):
                    failed += 1  # the suite failed outside its tests
                    failures.append((stage, name, "the suite failed after its tests"))
            elif status == "run":
                passed += 1
            elif status == "notrun":
                out = case.find("system-out")
                reason = last_line(out.text if out is not None else "")
                sk = case.find("skipped")
                skipped.append((stage, name, reason or (sk.get("message") if sk is not None else "")))
            else:
                failed += 1
                failures.append((stage, name, "ctest: %s" % status))
    for stage, name, reason in failures:
        print("failed:  [%s] %s: %s" % (stage, name, reason))
    bad_skips = 0
    for stage, name, reason in skipped:
        mark = MISSING.search(reason or "")
        bad_skips += bool(mark)
        print("skipped: [%s] %s: %s%s" % (stage, name, reason,
                                           "  <- a missing tool: install it" if mark else ""))
    print("%d passed, %d failed, %d skipped" % (passed, failed, len(skipped)))
    if not junits:
        print("ci_summary.py: no ctest results in %s" % logdir, file=sys.stderr)
        return 1
    if bad_skips:
        print("ci_summary.py: %d test(s) skipped for a missing tool or package" % bad_skips,
              file=sys.stderr)
    return 1 if failed or bad_skips else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
