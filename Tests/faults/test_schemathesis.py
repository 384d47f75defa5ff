"""schemathesis over /openapi.yaml (issue “Proven under load”): anonymous and with an admin token.

The served demo register is fuzzed from its own OpenAPI document; every answer must be no server
error, conform to the documented schema and have a documented status code. By default a short
deterministic pass (a few examples per operation, well under two minutes); with
DELTABERAAD_LONG_TESTS=1 (`scripts/test --long`) the full run: many examples per operation and the
coverage phase (boundary and invalid values of every parameter). Traffic goes to 127.0.0.1 only.
"""
import os
import subprocess
import unittest

import faultlib as f

LONG = os.environ.get("DELTABERAAD_LONG_TESTS") == "1"
CHECKS = "not_a_server_error,response_schema_conformance,status_code_conformance"


class Schemathesis(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = f.temporary_directory()
        cls.db = f"{cls.folder}/register.sqlite"
        f.add_account(cls.db, "beheer")
        cls.server = f.Server(cls.db)
        cls.token = f.Session(cls.server.port, "beheer").token()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        f.remove(cls.folder)

    def fuzz(self, headers):
        arguments = ["st", "run", f"{self.server.base}/openapi.yaml", "--url", self.server.base, "--checks", CHECKS,
                     "--request-timeout", "30", "--max-failures", "50", "--no-color"]
        if LONG:
            arguments += ["-n", "100", "--phases", "examples,coverage,fuzzing"]
        else:
            arguments += ["-n", "5", "--generation-deterministic", "--phases", "examples,fuzzing"]
        for header in headers:
            arguments += ["-H", header]
        # In the register's folder: schemathesis keeps a cache (.schemathesis) where it runs.
        done = subprocess.run(arguments, capture_output=True, text=True, timeout=3600 if LONG else 240, cwd=self.folder)
        self.assertEqual(done.returncode, 0, done.stdout[-20000:] + done.stderr[-4000:])
        summary = [line for line in done.stdout.splitlines() if "generated" in line]
        print(" ".join(summary).strip())

    def test_anonymous(self):
        self.fuzz([])

    def test_admin_token(self):
        self.fuzz([f"Authorization: Bearer {self.token}"])


if __name__ == "__main__":
    unittest.main()
