"""lspclient - a minimal LSP client over a subprocess's stdin/stdout, in
the Python standard library only, for tests/lsp/run and the benchmark.

Messages are framed with Content-Length; a reader thread collects every
message the server sends, and the test waits for the one it expects (a
response to its id, or a notification matching a predicate) with a
timeout, so a server that never answers fails the test instead of
hanging it."""
import json
import queue
import subprocess
import threading
import time


class Client:
    def __init__(self, argv, cwd=None, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd, env=env)
        self.inbox = queue.Queue()
        self.pending = []          # received, not yet taken
        self.next_id = 1
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr = b""
        self._err_thread = threading.Thread(target=self._read_stderr, daemon=True)
        self._err_thread.start()

    def _read_stderr(self):
        self.stderr = self.proc.stderr.read()

    def stderr_text(self, timeout=20.0):
        """Everything the server wrote on stderr (once it has exited)."""
        self._err_thread.join(timeout)
        return self.stderr

    def _read(self):
        f = self.proc.stdout
        while True:
            length = None
            while True:
                line = f.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    break
                k, _, v = line.partition(b":")
                if k.strip().lower() == b"content-length":
                    length = int(v)
            body = f.read(length)
            self.inbox.put(json.loads(body.decode("utf-8")))

    # ---- sending ---------------------------------------------------------
    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        i = self.next_id
        self.next_id += 1
        m = {"jsonrpc": "2.0", "id": i, "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)
        return i

    def notify(self, method, params=None):
        m = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)

    # ---- receiving -------------------------------------------------------
    def wait(self, pred, timeout=20.0, what="a message"):
        """The first message (pending or new) for which pred is true."""
        for k, m in enumerate(self.pending):
            if pred(m):
                return self.pending.pop(k)
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %s within %.0f s (pending: %r)" % (what, timeout, self.pending[-5:]))
            try:
                m = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if m is None:
                self.closed = True
                raise EOFError("the server closed its output while waiting for %s" % what)
            if pred(m):
                return m
            self.pending.append(m)

    def response(self, i, timeout=20.0):
        return self.wait(lambda m: m.get("id") == i and "method" not in m, timeout,
                         "response to request %r" % i)

    def call(self, method, params=None, timeout=20.0):
        return self.response(self.request(method, params), timeout)

    def diagnostics(self, uri, version=None, timeout=20.0):
        """The next publishDiagnostics for uri (and version, when given)."""
        def ok(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return p["uri"] == uri and (version is None or p.get("version") == version)
        return self.wait(ok, timeout, "diagnostics of %s v%s" % (uri, version))["params"]["diagnostics"]

    def drain(self, seconds):
        """Everything the server sends within seconds."""
        end = time.monotonic() + seconds
        out = list(self.pending)
        self.pending = []
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return out
            try:
                m = self.inbox.get(timeout=left)
            except queue.Empty:
                return out
            if m is None:
                self.closed = True
                return out
            out.append(m)

    def exit_status(self, timeout=20.0):
        """The server's exit status, or None when it is still running after
        timeout seconds (then it is killed)."""
        try:
            st = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            st = None
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except (OSError, ValueError):
                pass
        return st
