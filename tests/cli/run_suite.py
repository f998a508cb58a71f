#!/usr/bin/env python3
"""run_suite.py: runs one Python test module as `python3 -m unittest -v`
does, and when PUB_TEST_LOG_DIR is set also writes each test's outcome to
PUB_TEST_LOG_DIR/<stage>.<module>.jsonl (one JSON object a line: stage,
suite, test, outcome = passed | failed | skipped, reason), so that .ci/run
can count and list the suites' own skips (tests/tools/ci_summary.py).
PUB_TEST_STAGE names the stage (default "plain").

    python3 tests/cli/run_suite.py MODULE
"""
import json
import os
import sys
import unittest


class LoggingResult(unittest.TextTestResult):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.records = []

    def record(self, test, outcome, reason=""):
        self.records.append({"test": test.id(), "outcome": outcome, "reason": reason})

    def addSuccess(self, test):
        super().addSuccess(test)
        self.record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.record(test, "failed", str(err[1]).splitlines()[0] if str(err[1]) else err[0].__name__)

    def addError(self, test, err):
        super().addError(test, err)
        self.record(test, "failed", "%s: %s" % (err[0].__name__, str(err[1]).splitlines()[:1]))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self.record(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self.record(test, "passed", "expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.record(test, "failed", "unexpected success")


def main(argv):
    if len(argv) != 1:
        print("usage: run_suite.py MODULE", file=sys.stderr)
        return 2
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    module = argv[0]
    suite = unittest.defaultTestLoader.loadTestsFromName(module)
    runner = unittest.TextTestRunner(verbosity=2, resultclass=LoggingResult)
    result = runner.run(suite)
    logdir = os.environ.get("PUB_TEST_LOG_DIR")
    if logdir:
        stage = os.environ.get("PUB_TEST_STAGE", "plain")
        os.makedirs(logdir, exist_ok=True)
        with open(os.path.join(logdir, "%s.%s.jsonl" % (stage, module)), "w") as f:
            for r in result.records:
                f.write(json.dumps(dict(stage=stage, suite=module, **r)) + "\n")
    if result.testsRun == 0:
        print("run_suite.py: %s ran no test" % module, file=sys.stderr)
        return 1
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
