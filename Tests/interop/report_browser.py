"""Drives headless Chromium over the DevTools protocol to look at the HTML report.

No third-party package: Chromium's --remote-debugging-pipe speaks the protocol as JSON messages
ended by a NUL byte on file descriptors 3 (commands in) and 4 (replies and events out).

As a script it writes the screenshots people look at:

    python3 Tests/interop/report_browser.py build/report --shots build/report-shots
    python3 Tests/interop/report_browser.py build/report --docs-png docs/report-document.png
"""
import argparse
import base64
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

# The seed document whose page the screenshots and the README show.
SHOWN_DOCUMENT = "000_9e598d26d3e3c964"


def chromium_path():
    """The Chromium binary, or None when none is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """One headless Chromium with one page, driven over the DevTools pipe."""

    def __init__(self, width=1100, height=900):
        binary = chromium_path()
        if binary is None:
            raise RuntimeError("chromium is not installed (apt-get install -y chromium; `make test` installs it)")
        self.profile = tempfile.mkdtemp(prefix="standoff-chromium-")
        to_browser_read, self._write = os.pipe()
        self._read, from_browser_write = os.pipe()

        def descriptors():
            # Copied first, so neither end already sits on 3 or 4: dup2 onto itself would keep close-on-exec.
            commands, replies = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        arguments = [binary, "--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
                     "--no-default-browser-check", "--hide-scrollbars", "--force-color-profile=srgb",
                     "--disable-extensions", "--disable-background-networking", f"--user-data-dir={self.profile}",
                     f"--window-size={width},{height}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            arguments.append("--no-sandbox")  # Chromium refuses to run as root inside its sandbox
        self.process = subprocess.Popen(arguments + ["about:blank"], preexec_fn=descriptors, close_fds=False,
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._next_id = 0
        self._replies = {}
        self._events = queue.Queue()
        self._lock = threading.Condition()
        threading.Thread(target=self._reader, daemon=True).start()
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.resize(width, height)

    def _reader(self):
        buffer = b""
        while True:
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                with self._lock:
                    self._lock.notify_all()
                return
            buffer += chunk
            while b"\0" in buffer:
                message, buffer = buffer.split(b"\0", 1)
                data = json.loads(message)
                if "id" in data:
                    with self._lock:
                        self._replies[data["id"]] = data
                        self._lock.notify_all()
                else:
                    self._events.put(data)

    def call(self, method, session=False, timeout=30, **params):
        """Sends one command and returns its result; raises on a protocol error."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._next_id not in self._replies:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise RuntimeError(f"no reply to {method}")
                self._lock.wait(left)
            reply = self._replies.pop(self._next_id)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def resize(self, width, height):
        self.width, self.height = width, height
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height, deviceScaleFactor=1, mobile=False)

    def open(self, url, timeout=30):
        """Loads `url` and returns every console error, uncaught exception, error log entry and
        dialog (an `alert` that ran) seen while it loaded, as readable strings."""
        self._drain()
        self.call("Page.navigate", session=True, url=url)
        problems = []
        deadline = time.monotonic() + timeout
        loaded = False
        while time.monotonic() < deadline:
            try:
                event = self._events.get(timeout=0.2)
            except queue.Empty:
                if loaded:
                    break  # quiet for 200 ms after the load event: late errors have had their chance
                continue
            problems += self._problem(event)
            if event.get("method") == "Page.javascriptDialogOpening":
                self.call("Page.handleJavaScriptDialog", session=True, accept=True)  # or the page would wait for it for ever
            if event.get("method") == "Page.loadEventFired":
                loaded = True
        if not loaded:
            raise RuntimeError(f"{url} did not load")
        return problems

    def _drain(self):
        while not self._events.empty():
            self._events.get_nowait()

    @staticmethod
    def _problem(event):
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            return [f"uncaught: {details.get('exception', {}).get('description') or details.get('text')}"]
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
            return [f"console.{params['type']}: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", []))]
        if method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            entry = params["entry"]
            return [f"log {entry.get('source')}: {entry.get('text')}"]
        if method == "Page.javascriptDialogOpening":
            return [f"a dialog opened: {params.get('message')}"]
        return []

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (JSON-serialisable)."""
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluating failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path, full_page=True, clip=None, media="screen"):
        """Writes a PNG of the page: the whole page, or `clip` (x, y, width, height) of it."""
        self.call("Emulation.setEmulatedMedia", session=True, media=media)
        if clip is None and full_page:
            size = self.call("Page.getLayoutMetrics", session=True)["cssContentSize"]
            clip = (0, 0, self.width, min(int(size["height"]), 12000))
        params = {"format": "png", "captureBeyondViewport": True}
        if clip is not None:
            params["clip"] = {"x": clip[0], "y": clip[1], "width": clip[2], "height": clip[3], "scale": 1}
        data = self.call("Page.captureScreenshot", session=True, **params)["data"]
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(base64.b64decode(data))
        self.call("Emulation.setEmulatedMedia", session=True, media="")

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except RuntimeError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._write)
        shutil.rmtree(self.profile, ignore_errors=True)


def shoot(report, shots):
    """The screenshots of a report folder: the index, one document page on screen and as printed."""
    report = Path(report).resolve()
    browser = Browser(width=1200, height=900)
    problems = []
    try:
        problems += browser.open((report / "index.html").as_uri())
        browser.screenshot(Path(shots) / "index.png")
        browser.resize(1000, 900)
        problems += browser.open((report / "documents" / f"{SHOWN_DOCUMENT}.html").as_uri())
        browser.screenshot(Path(shots) / "document.png")
        browser.screenshot(Path(shots) / "document-print.png", media="print")
    finally:
        browser.close()
    return problems


def docs_png(report, path):
    """The small screenshot the README embeds: the top of one document page."""
    report = Path(report).resolve()
    browser = Browser(width=900, height=1000)
    try:
        problems = browser.open((report / "documents" / f"{SHOWN_DOCUMENT}.html").as_uri())
        browser.screenshot(path, clip=(0, 0, 900, 1000))
    finally:
        browser.close()
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", help="the report folder, e.g. build/report")
    parser.add_argument("--shots", help="folder for index.png, document.png and document-print.png")
    parser.add_argument("--docs-png", help="path of the small document screenshot for the README")
    arguments = parser.parse_args()
    problems = []
    if arguments.shots:
        problems += shoot(arguments.report, arguments.shots)
    if arguments.docs_png:
        problems += docs_png(arguments.report, arguments.docs_png)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
