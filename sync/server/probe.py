"""Starting and stopping a reference server (or another helper process) run by the local stack and the tests:
is it answering on ``host:port`` yet, and a stop that cannot hang."""

from __future__ import annotations

import http.client
import subprocess


def is_serving(host: str, port: int, timeout: float = 1.0) -> bool:
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", "/v1/hello")
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


def stop_process(process: subprocess.Popen | None, timeout: float = 5.0) -> None:
    """Ask a child process to stop (SIGTERM) and kill it if it has not within ``timeout`` seconds."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)
