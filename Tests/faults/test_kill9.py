"""kill -9 during a burst of HTTP writes, on SQLite and on PostgreSQL (issue “Proven under load”).

Sixteen clients create milestones and edit them through the API with a token; the server is
killed with SIGKILL in the middle of the burst and started again on the same database. Then:
the database's own integrity check passes (SQLite `PRAGMA integrity_check`, PostgreSQL
`pg_amcheck` over heap and indexes), every write that was acknowledged (2xx received) is there,
every milestone stored has exactly as many audit entries as its version (its creation and each
edit: both or neither, also for the writes whose answer never came), no audit entry names a
milestone that is not stored, and `deltaberaad audit verify` passes.
"""
import threading
import time
import unittest

import faultlib as f

WRITERS = 16


class Burst:
    """Writers that create a milestone, then edit it again and again, recording what was acknowledged."""

    def __init__(self, port, token):
        self.port, self.token = port, token
        self.acked_versions = {}  # id -> highest version acknowledged
        self.sent = set()  # every id a create was sent for
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.errors = []  # answers that are neither success nor the server gone
        self.cut = 0  # writes whose answer never came

    def writer(self, number):
        sequence = 0
        while not self.stop.is_set():
            identifier = f"k9-{number}-{sequence}"
            sequence += 1
            with self.lock:
                self.sent.add(identifier)
            try:
                status, headers, body = f.api(self.port, "POST", "/api/milestones", self.token, f.milestone(identifier, f"Burst {identifier}"), timeout=30)
            except OSError:
                with self.lock:
                    self.cut += 1
                return  # the server is gone
            if status != 201:
                self.errors.append((identifier, status, body[:200]))
                return
            with self.lock:
                self.acked_versions[identifier] = 1
            for version in range(1, 4):
                try:
                    status, headers, body = f.api(self.port, "PUT", f"/api/milestones/{identifier}/record", self.token,
                                                  {"fields": f.milestone(identifier, f"Edit {version} of {identifier}")["fields"]},
                                                  if_match=f'"{version}"', timeout=30)
                except OSError:
                    with self.lock:
                        self.cut += 1
                    return
                if status != 200:
                    self.errors.append((identifier, status, body[:200]))
                    return
                with self.lock:
                    self.acked_versions[identifier] = version + 1


class KillDuringWrites(unittest.TestCase):
    def burst_and_kill(self, db, check_integrity):
        f.add_account(db, "beheer")
        server = f.Server(db)
        try:
            token = f.Session(server.port, "beheer").token()
            burst = Burst(server.port, token)
            threads = [threading.Thread(target=burst.writer, args=(n,)) for n in range(WRITERS)]
            for thread in threads:
                thread.start()
            # Kill once the burst is well under way (at least 60 writes acknowledged), whatever the machine's speed.
            deadline = time.time() + 60
            while time.time() < deadline and sum(burst.acked_versions.values()) < 60:
                time.sleep(0.05)
            time.sleep(0.3)
            server.kill()
            burst.stop.set()
            for thread in threads:
                thread.join(timeout=60)
        finally:
            server.kill()
        self.assertEqual(burst.errors, [], "every answer before the kill was a success")
        self.assertGreaterEqual(sum(burst.acked_versions.values()), 60, "the burst wrote something before the kill")

        check_integrity()
        again = f.Server(db, demo=False)
        try:
            stored = dict(f.query(db, "SELECT id, version FROM milestones WHERE id LIKE 'k9-%'"))
            audited = dict(f.query(db, "SELECT record_id, COUNT(*) FROM audit_log WHERE record_kind = 'milestone' AND record_id LIKE 'k9-%' GROUP BY record_id"))
            for identifier, version in burst.acked_versions.items():
                self.assertIn(identifier, stored, f"acknowledged creation of {identifier} is stored")
                self.assertGreaterEqual(int(stored[identifier]), version, f"acknowledged edit of {identifier} is stored")
                status, headers, body = f.api(again.port, "GET", f"/api/milestones/{identifier}/record", token)
                self.assertEqual(status, 200)
            for identifier, version in stored.items():
                self.assertIn(identifier, burst.sent)
                self.assertEqual(int(audited.get(identifier, 0)), int(version), f"{identifier}: one audit entry per version, no more, no less")
            self.assertEqual(set(audited) - set(stored), set(), "no audit entry for a milestone that is not stored")
            unacknowledged = burst.sent - set(burst.acked_versions)
            print(f"{db.split('/')[-1]}: {len(burst.acked_versions)} creations acknowledged, {sum(burst.acked_versions.values())} writes, "
                  f"{burst.cut} writes cut off by the kill ({len(unacknowledged)} of them creations, {len(unacknowledged & set(stored))} of those stored whole)")
            self.assertGreater(burst.cut, 0, "the kill came in the middle of writes")
            # The restarted server writes on: the chain goes on where the kill left it.
            status, headers, body = f.api(again.port, "POST", "/api/milestones", token, f.milestone("k9-after", "After the restart"))
            self.assertEqual(status, 201)
        finally:
            again.stop()
        verified = f.audit_verify(db)
        self.assertEqual(verified.returncode, 0, verified.stdout + verified.stderr)

    def test_sqlite(self):
        folder = f.temporary_directory()
        try:
            db = f"{folder}/register.sqlite"

            def integrity():
                self.assertEqual(f.sqlite_integrity(db), "ok")
            self.burst_and_kill(db, integrity)
        finally:
            f.remove(folder)

    def test_postgresql(self):
        cluster = f.Cluster()
        try:
            def integrity():
                code, output = cluster.amcheck()
                self.assertEqual(code, 0, output)
            self.burst_and_kill(cluster.url, integrity)
        finally:
            cluster.stop()


if __name__ == "__main__":
    unittest.main()
