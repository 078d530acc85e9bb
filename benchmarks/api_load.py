"""Load test: N concurrent clients for D seconds against a local `octa serve`.

Starts uvicorn (`octa serve`) in a subprocess on 127.0.0.1 with a temporary copy of the
embedded default data, warms the caches, then hammers the country page and the JSON endpoints
and prints p50 / p95 / p99 latency and requests per second for each. Localhost only, bounded.

    .venv/bin/python benchmarks/api_load.py                 # 50 clients, 30 s
    .venv/bin/python benchmarks/api_load.py --clients 20 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

TARGETS = {
    "country page (HTML)": "/countries/BEL",
    "scores (JSON)": "/api/v1/scores?country=BE",
    "country (JSON)": "/api/v1/countries/BE",
}
MAX_CLIENTS, MAX_SECONDS = 200, 300


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help=f"concurrent clients (max {MAX_CLIENTS})")
    parser.add_argument("--seconds", type=float, default=30.0, help=f"duration (max {MAX_SECONDS})")
    parser.add_argument("--db", help="existing store to serve (default: a temp copy of the embedded data)")
    args = parser.parse_args()
    args.clients = max(1, min(args.clients, MAX_CLIENTS))
    args.seconds = max(1.0, min(args.seconds, MAX_SECONDS))
    return args


def default_store(folder: Path) -> str:
    from octa.store.db import open_store
    from octa.store.embedded import read_embedded
    from octa.store.scores import import_batch

    path = folder / "octa.db"
    store = open_store(str(path))
    import_batch(store, read_embedded())
    store.dispose()
    return str(path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-c",
        "from octa.cli import main; main()",
        "serve",
        "--db",
        db,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"octa serve exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/editions", timeout=2).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("octa serve did not start within 30 s")


class Connection:
    """A minimal keep-alive HTTP/1.1 client on asyncio streams.

    httpx costs about a millisecond of CPU per request, which on a small machine measures the
    client more than the server; this reads just the status line, Content-Length and body.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: */*\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        match = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
        if match is None:
            raise ConnectionError("response without Content-Length")
        await self.reader.readexactly(int(match.group(1)))
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def client(
    port: int,
    paths: list[str],
    offset: int,
    stop: float,
    samples: dict[str, list[float]],
    errors: dict[str, int],
) -> None:
    """One client on its own connection: cycle through the targets until the deadline."""
    connection = Connection("127.0.0.1", port)
    n = offset
    try:
        while time.monotonic() < stop:
            path = paths[n % len(paths)]
            n += 1
            started = time.perf_counter()
            try:
                ok = await connection.get(path) == 200
            except (OSError, asyncio.IncompleteReadError, ConnectionError):
                ok = False
                await connection.close()
                connection = Connection("127.0.0.1", port)
            if ok:
                samples[path].append((time.perf_counter() - started) * 1000)
            else:
                errors[path] += 1
    finally:
        await connection.close()


async def run_load(
    port: int, clients: int, seconds: float
) -> tuple[dict[str, list[float]], dict[str, int], float]:
    samples: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    paths = list(TARGETS.values())
    warm = Connection("127.0.0.1", port)
    for path in paths:  # fill the per-edition caches before timing
        if await warm.get(path) != 200:
            raise SystemExit(f"{path} does not answer 200")
    await warm.close()
    started = time.monotonic()
    stop = started + seconds
    await asyncio.gather(*(client(port, paths, i, stop, samples, errors) for i in range(clients)))
    return samples, errors, time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]
    )


def report(samples: dict[str, list[float]], errors: dict[str, int], elapsed: float, clients: int) -> None:
    print(f"{clients} clients, {elapsed:.1f} s")
    columns = ("requests", "req/s", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'endpoint':<22} " + " ".join(f"{c:>9}" for c in columns) + f" {'errors':>7}")
    total = 0
    for name, path in TARGETS.items():
        values = samples.get(path, [])
        total += len(values)
        if not values:
            print(f"{name:<22} {'0':>9}")
            continue
        print(
            f"{name:<22} {len(values):>9} {len(values) / elapsed:>8.1f} {percentile(values, 50):>9.1f} "
            f"{percentile(values, 95):>9.1f} {percentile(values, 99):>9.1f} {errors.get(path, 0):>7}"
        )
    print(f"{'all':<22} {total:>9} {total / elapsed:>9.1f}")


def main() -> None:
    args = parse()
    with tempfile.TemporaryDirectory(prefix="octa-bench-") as folder:
        db = args.db or default_store(Path(folder))
        port = free_port()
        server = start_server(db, port)
        try:
            samples, errors, elapsed = asyncio.run(run_load(port, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=10)
    report(samples, errors, elapsed, args.clients)


if __name__ == "__main__":
    main()
