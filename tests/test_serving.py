"""The production server: gunicorn with gunicorn.conf.py, spoken to over a real socket."""

from __future__ import annotations

import runpy
import socket

import pytest

from bench.load import prepare_database, start_server, stop_server
from tests.conftest import ROOT

CONFIG = runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_configuration_binds_to_localhost_and_preloads():
    assert CONFIG["bind"].startswith("127.0.0.1:")
    assert CONFIG["preload_app"] is True
    assert CONFIG["wsgi_app"] == "drafting:create_app()"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serving")
    url = f"sqlite:///{folder / 'serving.sqlite'}"
    prepare_database(url, 1)
    process, port, log = start_server(url, 2, 2, folder)
    yield port
    stop_server(process, log)


def raw_request(port: int, head: bytes, body: bytes = b"") -> bytes:
    """Send *head* and *body* as they are; return what the server answers first."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        connection.sendall(head + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    return answer


def test_100_mb_upload_answered_413_before_the_body_is_sent(server):
    """Announce 100 MB, send 64 kB, wait: the 413 must come without the other 99.9 MB."""
    head = (b"POST /bank/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            b"Content-Length: 104857600\r\n\r\n")
    answer = raw_request(server, head, b"--x\r\n" + b"a" * 65536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_security_headers_through_gunicorn(server):
    answer = raw_request(server, b"GET /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 b"Connection: close\r\n\r\n")
    assert b"Content-Security-Policy: default-src 'self'" in answer
    assert b"X-Frame-Options: DENY" in answer


@pytest.mark.parametrize("head", [
    b"GET /" + b"a" * 10000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"b" * 10000 + b"\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-Many: 1\r\n" * 200 + b"\r\n",
    b"NONSENSE\r\n\r\n",
])
def test_oversized_or_broken_requests_are_refused_by_the_server(server, head):
    answer = raw_request(server, head)
    assert answer.startswith(b"HTTP/1.1 4") or answer.startswith(b"HTTP/1.0 4"), answer[:100]
    # and the server still serves
    assert raw_request(server, b"GET /static/app.css HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               b"Connection: close\r\n\r\n").startswith(b"HTTP/1.1 200")
