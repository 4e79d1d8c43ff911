"""Load test: 100 concurrent clients for 60 seconds on the public pages and training registration.

``make load`` (PostgreSQL by default: ``DATABASE_URL``, database ``portal_load``). The script
loads the demo content, adds an upcoming 18-seat training session and 100 signed-in members,
starts gunicorn (2 workers, loopback only), and drives it with ``wrk``: most requests read the
public pages, one in five is a member registering for the session (the first 18 get a seat,
the others the waiting list, repeated clicks change nothing). It prints the throughput and the
latency percentiles, writes them to ``bench/results/load-<time>.json`` and exits non-zero if
any request failed (socket error, 5xx or 4xx).
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGES = ["/ar/", "/fr/", "/ar/press/", "/ar/events/", "/ar/events/agenda/", "/ar/bureau/", "/ar/training/"]
PAGES += ["/ar/search/?q=%D8%A7%D9%84%D8%A7%D9%82%D8%A7%D9%84%D9%8A%D9%85", "/fr/members/"]

SETUP = r"""
import datetime, json, django
django.setup()
from django.contrib.auth import get_user_model
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.utils import timezone
from tests.training.factories import SessionFactory, member

session = SessionFactory(
    event__start_date=timezone.localdate() + datetime.timedelta(days=30),
    registration_opens_at=timezone.now() - datetime.timedelta(days=1),
    registration_closes_at=timezone.now() + datetime.timedelta(days=20),
)
User = get_user_model()
clients = []
for index in range(%(members)d):
    user = member(User, username=f"load-member-{session.pk}-{index}")
    client = Client()
    client.force_login(user)
    clients.append({"session": client.cookies["sessionid"].value, "csrf": _get_new_csrf_string()})
print(json.dumps({"session_pk": session.pk, "clients": clients}))
"""

LUA = r"""
local pages = {%(pages)s}
local members = {%(members)s}
local register = "%(register)s"
local counter = 0
request = function()
  counter = counter + 1
  if counter %% 5 == 0 then
    local m = members[math.random(#members)]
    local headers = {}
    headers["Cookie"] = "sessionid=" .. m[1] .. "; csrftoken=" .. m[2]
    headers["X-CSRFToken"] = m[2]
    headers["Referer"] = "%(base)s" .. register
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", register, headers, "")
  end
  return wrk.format("GET", pages[math.random(#pages)])
end
local failures = 0
response = function(status, headers, body)
  if status >= 400 then failures = failures + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("LATENCY p50=%%d p90=%%d p99=%%d max=%%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, text=True, **kwargs)


def ensure_database(url):
    if not url.startswith("postgres"):
        return
    name = url.rsplit("/", 1)[-1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    check = subprocess.run(
        ["psql", admin_url, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
    )
    if check.stdout.strip() != "1":
        subprocess.run(
            ["psql", admin_url, "-c", f'CREATE DATABASE "{name}"'], check=True, capture_output=True
        )


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--port", type=int, default=8765)
    options = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_load"),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "PORTAL_FORM_RATE": "100000/h",
    }
    ensure_database(env["DATABASE_URL"])
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "load_demo", "-v0"], env, stdout=subprocess.DEVNULL)
    setup = run([PYTHON, "-c", SETUP % {"members": options.clients}], env, capture_output=True)
    data = json.loads(setup.stdout.strip().splitlines()[-1])
    base = f"http://127.0.0.1:{options.port}"
    register = f"/ar/training/session/{data['session_pk']}/register/"

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            LUA
            % {
                "pages": ", ".join(f'"{page}"' for page in PAGES),
                "members": ", ".join(f'{{"{c["session"]}", "{c["csrf"]}"}}' for c in data["clients"]),
                "register": register,
                "base": base,
            }
        )
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "-b", f"127.0.0.1:{options.port}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(base + "/ar/")
        result = subprocess.run(
            [
                "wrk",
                "-t4",
                f"-c{options.clients}",
                f"-d{options.duration}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                script.name,
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        os.unlink(script.name)

    output = result.stdout
    total = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    socket_errors = sum(int(n) for n in errors.groups()) if errors else 0
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    bad_responses = int(bad.group(1)) if bad else 0
    latency = dict(re.findall(r"p(\d+)=(\d+)", output))
    summary = {
        "clients": options.clients,
        "duration_s": options.duration,
        "requests": total,
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "latency_ms": {f"p{k}": int(v) / 1000 for k, v in latency.items()},
        "socket_errors": socket_errors,
        "error_responses": bad_responses,
        "database": env["DATABASE_URL"].split("://")[0],
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    (out / f"load-{stamp}.json").write_text(json.dumps(summary, indent=2))
    print(output)
    print(json.dumps(summary, indent=2))
    if socket_errors or bad_responses:
        raise SystemExit(f"{socket_errors} socket errors and {bad_responses} error responses")
    print(f"No errors in {total} requests.")


if __name__ == "__main__":
    main()
