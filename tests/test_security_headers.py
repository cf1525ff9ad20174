"""Security headers, cookie flags, upload limit and error pages (never a traceback)."""

from __future__ import annotations

import io

import pytest

from drafting import create_app
from drafting.security import HEADERS
from tests.conftest import csrf_token

PAGES = ["/", "/auth/login", "/no/such/page", "/static/app.css"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize(("header", "value"), sorted(HEADERS.items()))
def test_security_headers_on_every_response(client, make_user, path, header, value):
    make_user("alice")
    with client.get(path) as response:
        assert response.headers.get(header) == value


def test_csp_allows_no_inline_script_or_style(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe" not in policy


def test_pages_carry_no_inline_script_or_style(signed_in):
    page = signed_in.get("/").get_data(as_text=True)
    assert "<script>" not in page and "<style" not in page and " style=" not in page
    assert " on" + "click=" not in page


def test_pages_are_not_cached_but_static_files_may_be(client):
    assert client.get("/auth/login").headers["Cache-Control"] == "no-store"
    with client.get("/static/app.css") as response:
        assert "no-store" not in response.headers.get("Cache-Control", "")


def _session_cookie(response) -> str:
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, "no session cookie was set"
    return cookies[-1]


@pytest.mark.parametrize(("base_url", "secure"), [
    ("http://localhost", False),
    ("https://localhost", True),
])
def test_session_cookie_flags(client, make_user, base_url, secure):
    make_user("alice")
    page = client.get("/auth/login", base_url=base_url).get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/auth/login", base_url=base_url, data={
        "username": "alice", "password": "correct horse battery", "csrf_token": token},
        headers={"Referer": f"{base_url}/auth/login"})  # Flask-WTF checks it over HTTPS
    assert response.status_code == 302
    cookie = _session_cookie(response)
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert ("Secure" in cookie) is secure


def test_forwarded_proto_trusted_only_behind_a_configured_proxy(tmp_path):
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    for proxies, secure in ((0, False), (1, True)):
        app = create_app({"TESTING": True, "SECRET_KEY": "k", "PROXY_FIX": proxies,
                          "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/p{proxies}.db"})
        response = app.test_client().get("/auth/setup", headers=headers)
        assert ("Secure" in _session_cookie(response)) is secure
        assert ("Strict-Transport-Security" in response.headers) is secure
        app.extensions["engine"].dispose()


class CountingStream(io.RawIOBase):
    """A request body of *size* bytes that records how much of it the server read."""

    def __init__(self, size: int):
        self.size = size
        self.position = 0
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        # The test client measures the body by seeking; only reads are counted.
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence]
        self.position = base + offset
        return self.position

    def readinto(self, buffer) -> int:
        count = max(0, min(len(buffer), self.size - self.position))
        buffer[:count] = b"x" * count
        self.position += count
        self.consumed += count
        return count


def _post_routes(app) -> list[str]:
    return sorted({str(rule) for rule in app.url_map.iter_rules()
                   if "POST" in rule.methods and not rule.arguments})


def test_upload_over_limit_refused_with_413_before_reading(app, signed_in):
    size = 100 * 1024 * 1024
    for path in _post_routes(app):
        body = CountingStream(size)
        response = signed_in.post(path, input_stream=body, content_length=size,
                                  content_type="multipart/form-data; boundary=x")
        assert response.status_code == 413, path
        assert body.consumed == 0, path
        assert "10 Mo" in response.get_data(as_text=True)


def test_413_in_json_under_api(signed_in):
    size = 100 * 1024 * 1024
    body = CountingStream(size)
    response = signed_in.post("/api/precedents", input_stream=body, content_length=size,
                              content_type="application/json",
                              headers={"X-CSRFToken": csrf_token(signed_in, "/")})
    assert response.status_code == 413 and response.is_json
    assert body.consumed == 0


@pytest.mark.parametrize(("method", "path", "status", "text"), [
    ("get", "/no/such/page", 404, "Page introuvable"),
    ("put", "/auth/login", 405, "Méthode non autorisée"),
    ("post", "/auth/login", 400, "formulaire a expiré"),
])
def test_error_pages_in_french(client, make_user, method, path, status, text):
    make_user("alice")
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response.mimetype == "text/html"
    assert text in response.get_data(as_text=True)


def test_error_pages_in_english(client):
    response = client.get("/no/such/page", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


@pytest.mark.parametrize(("path", "status"), [
    ("/api/no-such-endpoint", 404),
])
def test_api_errors_are_json(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.is_json
    assert response.get_json()["status"] == status
    assert response.get_json()["error"]


def test_405_keeps_allow_header(client):
    response = client.put("/auth/login")
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


@pytest.fixture
def failing_app(tmp_path):
    """Return an app with routes that raise, exceptions not propagated (as in production)."""
    app = create_app({"SECRET_KEY": "k", "PROPAGATE_EXCEPTIONS": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/f.db"})

    def boom():
        raise RuntimeError("secret-detail-do-not-show /home/drafts")

    app.add_url_rule("/boom", "boom", boom)
    app.add_url_rule("/api/boom", "api_boom", boom)
    yield app
    app.extensions["engine"].dispose()


@pytest.mark.parametrize("path", ["/boom", "/api/boom"])
def test_500_never_shows_a_traceback(failing_app, path, caplog):
    response = failing_app.test_client().get(path)
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Traceback" not in body and "secret-detail" not in body and "RuntimeError" not in body
    assert ("Erreur interne" in body) or response.get_json()["status"] == 500
    assert "secret-detail" in caplog.text  # logged for the operator, not shown


@pytest.mark.parametrize("target", [
    "//evil.example/", "/\\evil.example/", "https://evil.example/", "/\t/evil.example",
    "javascript:alert(1)",
])
def test_login_never_redirects_off_site(client, make_user, target):
    make_user("alice")
    token = csrf_token(client, "/auth/login")
    response = client.post(f"/auth/login?next={target}", data={
        "username": "alice", "password": "correct horse battery", "csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_login_follows_a_local_next(client, make_user):
    make_user("alice")
    token = csrf_token(client, "/auth/login")
    response = client.post("/auth/login?next=/drafts/3?rev=2", data={
        "username": "alice", "password": "correct horse battery", "csrf_token": token})
    assert response.headers["Location"] == "/drafts/3?rev=2"


@pytest.mark.parametrize(("method", "path", "kwargs"), [
    ("get", "/drafts/", {"query_string": {"q": "a\x00b"}}),
    ("post", "/auth/login", {"data": {"username": "a\x00b", "password": "x"}}),
    ("post", "/api/precedents", {"json": {"text": ["a\x00b"]}}),
    ("post", "/api/precedents", {"json": {"a\x00b": 1}}),
])
def test_nul_characters_are_refused_before_any_view(signed_in, method, path, kwargs):
    """PostgreSQL refuses NUL in text: one check at the door instead of a 500 in each view."""
    token = csrf_token(signed_in, "/")
    if "data" in kwargs:
        kwargs["data"]["csrf_token"] = token
    response = getattr(signed_in, method)(path, headers={"X-CSRFToken": token}, **kwargs)
    assert response.status_code == 400
    assert "U+0000" in (response.get_json()["error"] if response.is_json
                        else response.get_data(as_text=True))


def test_json_nested_beyond_the_parser_is_a_400(signed_in):
    token = csrf_token(signed_in, "/")
    response = signed_in.post("/api/precedents", data="[" * 100_000,
                              content_type="application/json", headers={"X-CSRFToken": token})
    assert response.status_code == 400 and response.is_json


def _start_app(instance_path, barrier, queue):
    from drafting import _instance_secret

    barrier.wait()
    queue.put(_instance_secret(instance_path))


def test_processes_starting_together_share_one_secret_key(tmp_path):
    """Server workers starting at once on a fresh instance/ must not each invent a key."""
    import multiprocessing
    import stat

    context = multiprocessing.get_context("fork")
    queue, barrier = context.Queue(), context.Barrier(6)
    processes = [context.Process(target=_start_app, args=(tmp_path, barrier, queue))
                 for _ in range(6)]
    for process in processes:
        process.start()
    keys = {queue.get(timeout=60) for _ in processes}
    for process in processes:
        process.join()
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]
