"""Is a reference server answering on ``host:port``? Used to wait for one that was just started."""

from __future__ import annotations

import http.client


def is_serving(host: str, port: int, timeout: float = 1.0) -> bool:
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", "/v1/hello")
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()
