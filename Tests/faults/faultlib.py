"""What the fault tests share: a throw-away PostgreSQL cluster, served registers as real
`deltaberaad serve` processes on loopback ports, accounts, sign-in and API tokens over HTTP.

Everything runs against 127.0.0.1 only; every wait is bounded.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("DELTABERAAD_BINARY", os.path.join(ROOT, ".build", "debug", "deltaberaad"))
PASSWORD = "fault-tests-password-1"
PG_BIN = "/usr/lib/postgresql/15/bin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(arguments, stdin=None, check=True, timeout=120):
    """Runs the deltaberaad command line (in English) and returns what it printed."""
    env = dict(os.environ, DELTABERAAD_LANG="en")
    done = subprocess.run([BINARY] + arguments, input=stdin, capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout)
    if check and done.returncode != 0:
        raise AssertionError(f"deltaberaad {' '.join(arguments)} exited {done.returncode}: {done.stdout}{done.stderr}")
    return done


class Cluster:
    """A PostgreSQL cluster of its own (scripts/pg-test-cluster), which a test may pause and resume."""

    def __init__(self):
        self.state = tempfile.mktemp(prefix="deltaberaad-fault-pg-")
        self.url = self._script("start").strip()

    def _script(self, *arguments):
        env = dict(os.environ, PG_TEST_CLUSTER_STATE=self.state, PG_TEST_CLUSTER_PORT=str(55400 + os.getpid() % 500))
        done = subprocess.run([os.path.join(ROOT, "scripts", "pg-test-cluster")] + list(arguments),
                              capture_output=True, text=True, env=env, timeout=180)
        if done.returncode != 0:
            raise AssertionError(f"pg-test-cluster {arguments[0]} failed: {done.stderr}")
        return done.stdout

    def pause(self):
        self._script("pause")

    def resume(self):
        self._script("resume")

    def stop(self):
        self._script("stop")
        if os.path.exists(self.state):
            os.remove(self.state)

    def amcheck(self):
        """pg_amcheck over every table and index of the test database (heap and B-tree checks)."""
        parsed = urllib.parse.urlparse(self.url)
        done = subprocess.run([os.path.join(PG_BIN, "pg_amcheck"), "--install-missing", "--heapallindexed",
                               "-h", parsed.hostname, "-p", str(parsed.port), "-U", parsed.username, parsed.path.lstrip("/")],
                              capture_output=True, text=True, timeout=300)
        return done.returncode, done.stdout + done.stderr


class Server:
    """`deltaberaad serve` on a free loopback port, over `db` (a SQLite path or a PostgreSQL URL)."""

    def __init__(self, db, demo=True, extra=()):
        self.db = db
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.NamedTemporaryFile(prefix="deltaberaad-fault-server-", suffix=".log", delete=False)
        arguments = [BINARY, "serve", "--db", db, "--port", str(self.port), "--today", "2026-11-23"] + (["--demo"] if demo else []) + list(extra)
        self.process = subprocess.Popen(arguments, stdout=self.log, stderr=self.log, cwd=ROOT, env=dict(os.environ, DELTABERAAD_LANG="en"))
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited with {self.process.returncode}: {self.log_text()}")
            try:
                if request(self.port, "GET", "/_ping", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.kill()
        raise AssertionError("the server did not answer /_ping within 90 s: " + self.log_text())

    def log_text(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()[-4000:]

    def kill(self):
        """SIGKILL: no shutdown, no flushing, as a crash or the OOM killer does it."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


def request(port, method, path, body=None, headers=None, timeout=30):
    """One request on a fresh connection: (status, headers as a lower-cased dict, body bytes)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = body.encode() if isinstance(body, str) else body
        connection.request(method, path, body=data, headers=headers or {})
        response = connection.getresponse()
        payload = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, payload
    finally:
        connection.close()


def add_account(db, username, role="admin", cost="4", delegation="NL", bodies=""):
    arguments = ["user", "add", "--db", db, username, "--name", username.title(), "--delegation", delegation, "--role", role, "--cost", cost]
    if bodies:
        arguments += ["--bodies", bodies]
    run(arguments, stdin=PASSWORD + "\n")


class Session:
    """A signed-in browser: the session cookie and the page's CSRF token."""

    def __init__(self, port, username, password=PASSWORD):
        self.port = port
        self.cookies = {}
        status, headers, body = self.get("/login")
        token = re.search(rb'name="_csrf" value="([^"]+)"', body).group(1).decode()
        status, headers, body = self.post("/login", {"username": username, "password": password, "_csrf": token})
        self.signed_in = status == 303
        self.status = status

    def _headers(self, extra=None):
        headers = dict(extra or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in sorted(self.cookies.items()))
        return headers

    def _remember(self, headers_list):
        for name, value in headers_list:
            if name.lower() == "set-cookie":
                pair = value.split(";")[0].split("=", 1)
                if len(pair) == 2:
                    if pair[1] and "max-age=0" not in value.lower():
                        self.cookies[pair[0]] = pair[1]
                    else:
                        self.cookies.pop(pair[0], None)

    def send(self, method, path, body=None, headers=None, port=None):
        connection = http.client.HTTPConnection("127.0.0.1", port or self.port, timeout=60)
        try:
            connection.request(method, path, body=body.encode() if isinstance(body, str) else body, headers=self._headers(headers))
            response = connection.getresponse()
            payload = response.read()
            self._remember(response.getheaders())
            return response.status, {k.lower(): v for k, v in response.getheaders()}, payload
        finally:
            connection.close()

    def get(self, path, port=None):
        return self.send("GET", path, port=port)

    def post(self, path, fields, port=None):
        return self.send("POST", path, urllib.parse.urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded"}, port=port)

    def csrf(self, port=None):
        status, headers, body = self.get("/account", port=port)
        return re.search(rb'name="_csrf" value="([^"]+)"', body).group(1).decode()

    def token(self):
        """A new API token, made on the account page as a person makes one."""
        status, headers, body = self.post("/account/tokens", {"name": "faults", "_csrf": self.csrf()})
        assert status == 201, f"token not made: {status}"
        return re.search(rb'id="new-token">([^<]+)<', body).group(1).decode()


def api(port, method, path, token, document=None, if_match=None, timeout=60):
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    if document is not None:
        headers["Content-Type"] = "application/json"
    if if_match is not None:
        headers["If-Match"] = if_match
    return request(port, method, path, json.dumps(document) if document is not None else None, headers, timeout=timeout)


def milestone(identifier, title):
    return {"id": identifier, "fields": {"dossierIDs": "kijfhoek", "title": title, "due": "2027", "status": "planned", "visibility": "public"}}


def audit_verify(db):
    return run(["audit", "verify", "--db", db], check=False)


def sqlite_integrity(path):
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def temporary_directory():
    return tempfile.mkdtemp(prefix="deltaberaad-faults-")


def remove(path):
    shutil.rmtree(path, ignore_errors=True)


def query(db, statement):
    """Rows of a read-only statement, straight from the database (SQLite file or PostgreSQL URL)."""
    if db.startswith("postgres://"):
        parsed = urllib.parse.urlparse(db)
        done = subprocess.run([os.path.join(PG_BIN, "psql"), "-At", "-F", "\t", "-h", parsed.hostname, "-p", str(parsed.port),
                               "-U", parsed.username, "-d", parsed.path.lstrip("/"), "-c", statement],
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise AssertionError(f"psql failed: {done.stderr}")
        return [tuple(line.split("\t")) for line in done.stdout.splitlines() if line]
    with sqlite3.connect(db) as connection:
        return [tuple(str(value) for value in row) for row in connection.execute(statement).fetchall()]
