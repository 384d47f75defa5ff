"""Two server instances on one PostgreSQL, on two loopback ports (issue “Proven under load”).

A session made on one works on the other; a version conflict between them is detected (409);
writes through both at once leave one audit chain (`deltaberaad audit verify`, one entry per
write); and the sign-in throttle counts failures made on both: ten failures, five on each server,
lock the account, which neither server alone would have seen.
"""
import threading
import unittest

import faultlib as f


class TwoInstances(unittest.TestCase):
    def test_two_servers_one_database(self):
        cluster = f.Cluster()
        first = second = None
        try:
            f.add_account(cluster.url, "beheer")
            first = f.Server(cluster.url)
            f.add_account(cluster.url, "anna", role="editor", bodies="werkgroep-3rx")
            second = f.Server(cluster.url, demo=False)

            # A session made on the first server is the same session on the second.
            session = f.Session(first.port, "beheer")
            self.assertTrue(session.signed_in)
            status, headers, body = session.get("/account", port=second.port)
            self.assertEqual(status, 200, "the session cookie of one server signs in on the other")
            self.assertIn(b"Beheer", body)
            token = session.token()

            # A version conflict between them: both edit version 1; the second to save gets 409.
            path = "/api/milestones/two-conflict/record"
            self.assertEqual(f.api(first.port, "POST", "/api/milestones", token, f.milestone("two-conflict", "Start"))[0], 201)
            fields = {"fields": f.milestone("two-conflict", "First server")["fields"]}
            self.assertEqual(f.api(first.port, "PUT", path, token, fields, if_match='"1"')[0], 200)
            fields = {"fields": f.milestone("two-conflict", "Second server")["fields"]}
            status, headers, body = f.api(second.port, "PUT", path, token, fields, if_match='"1"')
            self.assertEqual(status, 409, "the second server sees the first server's version")

            # Writes through both at once: one chain.
            before = int(f.query(cluster.url, "SELECT COUNT(*) FROM audit_log")[0][0])
            failures = []

            def writer(server, number):
                for sequence in range(15):
                    identifier = f"two-{number}-{sequence}"
                    status = f.api(server.port, "POST", "/api/milestones", token, f.milestone(identifier, "Both"))[0]
                    if status != 201:
                        failures.append((identifier, status))
            threads = [threading.Thread(target=writer, args=(first if n % 2 else second, n)) for n in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=300)
            self.assertEqual(failures, [])
            after = int(f.query(cluster.url, "SELECT COUNT(*) FROM audit_log")[0][0])
            self.assertEqual(after - before, 8 * 15, "one entry per write")
            verified = f.audit_verify(cluster.url)
            self.assertEqual(verified.returncode, 0, verified.stdout + verified.stderr)

            # The throttle counts across both: five wrong passwords on each, in parallel.
            results = []

            def attempt(server):
                results.append(f.Session(server.port, "anna", password="wrong password, really").status)
            threads = [threading.Thread(target=attempt, args=(first if n % 2 else second,)) for n in range(10)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
            self.assertEqual(len(results), 10)
            for server in (first, second):
                self.assertFalse(f.Session(server.port, "anna").signed_in, "after ten failures on two servers the account is locked on both")
            failures_counted = f.query(cluster.url, "SELECT * FROM login_failures")
            self.assertTrue(failures_counted, "the attempts are in the shared database")
        finally:
            for server in (first, second):
                if server:
                    server.stop()
            cluster.stop()


if __name__ == "__main__":
    unittest.main()
