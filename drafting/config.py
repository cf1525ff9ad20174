"""Embedded defaults; override in instance/config.py or DRAFTING_* environment variables."""


class Defaults:
    SECRET_KEY = None  # from DRAFTING_SECRET_KEY, instance/config.py, or generated into instance/
    # Migrate the schema and build the bank from the bundled corpus on first start.
    BOOTSTRAP = True
    # True: import the bundled corpus (clause_bank/corpus) when missing; False: leave the bank
    # empty; or a function of a session that seeds it.
    SEED_CORPUS = True
    BABEL_DEFAULT_LOCALE = "fr"
    LANGUAGES = ("fr", "en")
    MAX_CONTENT_LENGTH = 10 * 1024 * 1024  # uploads larger than this are refused with 413
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # Secure is also set per request when it arrives over HTTPS (drafting.security).
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    # Number of trusted reverse proxies in front of the app (X-Forwarded-For/-Proto); 0: none.
    PROXY_FIX = 0
    # Failed sign-ins allowed per user name and per address within the window (then 429).
    LOGIN_WINDOW_SECONDS = 300
    LOGIN_MAX_PER_USERNAME = 5
    LOGIN_MAX_PER_ADDRESS = 20
    WTF_CSRF_TIME_LIMIT = None  # a drafter may keep a page open all day
