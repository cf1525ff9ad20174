"""Production serving: ``.venv/bin/gunicorn -c gunicorn.conf.py`` (see the README).

Bound to 127.0.0.1: put a reverse proxy (TLS) in front and set DRAFTING_PROXY_FIX=1 so that
the app trusts its X-Forwarded-For/-Proto (Secure cookies, the real client address for the
sign-in limits).
"""

import multiprocessing
import os

wsgi_app = "drafting:create_app()"
bind = os.environ.get("DRAFTING_BIND", "127.0.0.1:8000")
# Threads overlap the waits on the database; processes use the cores.
workers = int(os.environ.get("DRAFTING_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("DRAFTING_THREADS", 4))
# Migrate, seed the bank and read the secret key once, in the master, before forking:
# workers starting together would otherwise race on a fresh database.
preload_app = True
timeout = 60  # a worker stuck this long is killed and replaced (its transaction rolls back)
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then, with jitter so they do not all go at once
max_requests_jitter = 200
# Request line, headers: small limits, refused with 4xx before the app sees them.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# No runtime control socket: its default path is shared by every instance of the user.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
loglevel = "info"


def when_ready(server):
    """Warm the app up in the master: workers fork warm, recycled ones too."""
    from drafting.warmup import warm_up

    warm_up(server.app.callable)


def post_fork(server, worker):
    """Give each worker its own database connections (never share a socket across a fork)."""
    app = server.app.callable
    engine = getattr(app, "extensions", {}).get("engine")
    if engine is not None:
        engine.dispose(close=False)
