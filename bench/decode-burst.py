#!/usr/bin/env python3
"""The client side of bench/decode-burst.sh: a burst of parallel uploads of one large PNG, and meanwhile, from other
connections, GET /health and POST /api/generations (address input) one after the other, each timed.

  decode-burst.py png PATH                 writes the PNG of issue 14: 7296 x 5440 grey pixels (39.7 megapixels)
                                           in about 50 KB: squares of 256 pixels, every row repeating the one above
  decode-burst.py burst PORT UPLOAD_TOKEN PROBE_TOKEN FILE COUNT
                                           warms up (two uploads, then three unmeasured bursts), then fires COUNT
                                           uploads of FILE at once and prints the figures, with when (from the
                                           burst's start) the three slowest probes of each kind began

Only the standard library: the bench needs no packages. Latencies are measured by this client on the same machine,
so they include its own scheduling delays when the cores are busy.
"""

import http.client
import json
import statistics
import struct
import sys
import threading
import time
import uuid
import zlib

WIDTH, HEIGHT, SQUARE = 7296, 5440, 256
HEALTH_PAUSE = 0.02  # seconds between two health checks of the prober
ACCEPT_PAUSE = 0.05  # and between two accepts
WARM_UP_BURSTS = 3  # unmeasured bursts first
QUIET = 5  # seconds of the same probes before the burst, for comparison


def write_png(path):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    light_first = bytes(200 if (x // SQUARE) % 2 == 0 else 60 for x in range(WIDTH))
    dark_first = bytes(60 if (x // SQUARE) % 2 == 0 else 200 for x in range(WIDTH))
    repeat = b"\x02" + bytes(WIDTH)  # filter "up": the row above again
    compressor = zlib.compressobj(9)
    idat = bytearray()
    for y in range(HEIGHT):
        if y % SQUARE == 0:
            row = b"\x00" + (light_first if (y // SQUARE) % 2 == 0 else dark_first)
        else:
            row = repeat
        idat += compressor.compress(row)
    idat += compressor.flush()
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 0, 0, 0, 0)  # 8-bit grey
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", bytes(idat)) + chunk(b"IEND", b""))


def multipart(png):
    boundary = uuid.uuid4().hex
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"yard.png\"\r\n"
        "Content-Type: image/png\r\n\r\n"
    ).encode() + png + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def timed(connection, method, path, body=None, headers=None):
    """(status, seconds); status 0 when the request failed without an answer."""
    start = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    except (OSError, http.client.HTTPException):
        connection.close()
        return 0, time.perf_counter() - start


class Prober(threading.Thread):
    """One request after another on one connection, with a pause between them, until stopped; each result goes to
    the list that `results` names at the time (None: not recorded)."""

    def __init__(self, port, method, path, body, headers, pause):
        super().__init__(daemon=True)
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.method, self.path, self.body, self.headers, self.pause = method, path, body, headers, pause
        self.quiet, self.burst = [], []  # (status, seconds, start as time.perf_counter())
        self.results = None
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            results = self.results
            started = time.perf_counter()
            status, seconds = timed(self.connection, self.method, self.path, self.body, self.headers)
            if results is not None:
                results.append((status, seconds, started))
            time.sleep(self.pause)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def slowest(name, results, start, count=3):
    """When the slowest requests began, counted from the burst's start: whether they met its first moments, its
    refusals or the decodes."""
    ordered = sorted(results, key=lambda result: result[1], reverse=True)[:count]
    return (f"{name}, slowest {len(ordered)}: "
            + ", ".join(f"{seconds * 1000:.0f} ms at +{started - start:.2f} s" for _, seconds, started in ordered))


def summary(name, results):
    times = [seconds * 1000 for _, seconds, _ in results]
    statuses = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    if not times:
        return f"{name}: no request completed"
    return (f"{name}: {len(times)} requests, p50 {statistics.median(times):.0f} ms, p99 {percentile(times, 0.99):.0f} ms,"
            f" max {max(times):.0f} ms; statuses {json.dumps(statuses, sort_keys=True)}")


def fire(port, body, headers, count, started):
    """COUNT uploads at once, each on a connection of its own: (their (status, seconds), start, seconds taken).
    `started` runs just before they go."""
    results = [None] * count
    go = threading.Barrier(count + 1)

    def upload(i):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        go.wait()
        results[i] = timed(connection, "POST", "/api/uploads", body, headers)

    uploaders = [threading.Thread(target=upload, args=(i,), daemon=True) for i in range(count)]
    for uploader in uploaders:
        uploader.start()
    started()
    start = time.perf_counter()
    go.wait()
    for uploader in uploaders:
        uploader.join()
    return results, start, time.perf_counter() - start


def burst(port, upload_token, probe_token, png_path, count):
    with open(png_path, "rb") as f:
        png = f.read()
    body, content_type = multipart(png)
    upload_headers = {"Authorization": f"Bearer {upload_token}", "Content-Type": content_type}
    accept_body = json.dumps({"input_type": "address", "input_address": "1428 Elm Street, Springfield",
                              "style": "japanese_zen"})
    accept_headers = {"Authorization": f"Bearer {probe_token}", "Content-Type": "application/json"}

    health = Prober(port, "GET", "/health", None, {}, HEALTH_PAUSE)
    accept = Prober(port, "POST", "/api/generations", accept_body, accept_headers, ACCEPT_PAUSE)
    health.start()
    accept.start()

    def measure(health_results, accept_results):
        health.results, accept.results = health_results, accept_results
    # warm-up: the decode and request paths, refusals included, are compiled before anything is measured (a burst on
    # a service that never had one measures its JIT compilers, which then take half a core)
    warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for _ in range(2):
        status, seconds = timed(warm, "POST", "/api/uploads", body, upload_headers)
        print(f"warm-up upload: {status} in {seconds * 1000:.0f} ms", file=sys.stderr)
    for _ in range(WARM_UP_BURSTS):
        warm_results, _, seconds = fire(port, body, upload_headers, count, lambda: None)
        print(f"warm-up burst: {sorted(status for status, _ in warm_results)} in {seconds:.1f} s", file=sys.stderr)
        time.sleep(2)
    # the same probes with no burst: what this machine gives them anyway
    health.results, accept.results = health.quiet, accept.quiet
    time.sleep(QUIET)
    health.results = accept.results = None

    results, start, elapsed = fire(port, body, upload_headers, count, lambda: measure(health.burst, accept.burst))
    health.results = accept.results = None
    health.stopped.set()
    accept.stopped.set()

    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    upload_times = sorted(seconds * 1000 for _, seconds in results)
    refused_times = [seconds * 1000 for status, seconds in results if status in (429, 503)]
    print(f"burst: {count} uploads of {len(png)} bytes at once, over {elapsed:.1f} s")
    print(f"uploads: statuses {json.dumps(statuses, sort_keys=True)}; p50 {statistics.median(upload_times):.0f} ms,"
          f" max {max(upload_times):.0f} ms"
          + (f"; refused ones answered within {max(refused_times):.0f} ms" if refused_times else ""))
    print(summary("GET /health, during the burst", health.burst))
    print(summary("POST /api/generations (address), during the burst", accept.burst))
    print(slowest("GET /health", health.burst, start))
    print(slowest("POST /api/generations", accept.burst, start))
    print(summary(f"GET /health, {QUIET} s before it", health.quiet))
    print(summary(f"POST /api/generations (address), {QUIET} s before it", accept.quiet))


def main(args):
    if len(args) == 2 and args[0] == "png":
        write_png(args[1])
    elif len(args) == 6 and args[0] == "burst":
        burst(int(args[1]), args[2], args[3], args[4], int(args[5]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv[1:])
