"""Real servers for Redis faults: a throwaway redis-server on a free port, to stop and start
again in a test; a server that accepts connections and never answers (a hung Redis); an address
whose connections never complete (a black-holed one)."""

import socket
import subprocess
import threading
import time

import redis


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_caches(port, timeout=0.5):
    """The caches as config/settings.py makes them with REDIS_URL, on a server of the test's own
    (the same socket timeouts unless told)."""
    location = f"redis://127.0.0.1:{port}/0"
    options = {
        "SOCKET_CONNECT_TIMEOUT": timeout,
        "SOCKET_TIMEOUT": timeout,
        "REDIS_CLIENT_CLASS": "portal.cache.CircuitBreakerRedis",
    }
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "test",
            "OPTIONS": {**options, "IGNORE_EXCEPTIONS": True},
        },
        "ratelimit": {
            "BACKEND": "portal.cache.RateLimitCache",
            "LOCATION": location,
            "KEY_PREFIX": "test",
            "OPTIONS": options,
        },
    }


def start_redis(port):
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    for _attempt in range(100):
        try:
            client.ping()
            return server, client
        except redis.ConnectionError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError("redis-server did not start")


def stop_redis(server):
    server.terminate()
    server.wait(timeout=10)


class HungServer:
    """Accepts every connection and never answers nor reads, as a Redis that hangs does (stopped
    by a signal, stuck on a disk, or a proxy in front of a dead one). ``connections``: how many
    times it was called."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self._serving = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while self._serving:
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            self.connections.append(connection)

    def close(self):
        self._serving = False
        self._thread.join()
        self.listener.close()
        for connection in self.connections:
            connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class BlackHole:
    """An address where connections never complete, as behind a firewall that drops packets or
    a host that is gone: a listener that never accepts, whose queue (one place) is taken, so the
    kernel drops every further connection attempt unanswered."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0)
        self.port = self.listener.getsockname()[1]
        self._queued = socket.create_connection(("127.0.0.1", self.port), timeout=1)

    def close(self):
        self._queued.close()
        self.listener.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
