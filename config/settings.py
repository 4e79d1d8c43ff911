"""Settings for the portal, read from the environment.

Every value has a safe development default so that ``make run`` works on a fresh machine
with SQLite and a local-memory cache; production sets the variables listed in
``.env.example`` (see README, "Configuration"). With production values,
``manage.py check --deploy`` reports nothing.
"""

from pathlib import Path

import environ
from csp import constants as csp
from django.conf.locale import LANG_INFO
from django.core.checks.security import base as security_checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal import language, process, storage

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

# --- Core -----------------------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=False)
DEVELOPMENT_SECRET_KEY = "django-insecure-development-key-never-use-in-production"
SECRET_KEY = env("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
if (
    not DEBUG
    and process.serves_requests()
    and not process.running_tests()
    and not security_checks._check_secret_key(SECRET_KEY)
):
    # Production refuses to serve with a key anyone can read here, an empty one or a weak one
    # (the rules of check --deploy, security.W009): sessions, password-reset links and signed
    # values would be forgeable. DEBUG=true, the tests and management commands keep the
    # development key (check --deploy still reports it).
    raise ImproperlyConfigured(
        "SECRET_KEY is missing, empty, the development key or too weak (at least "
        f"{security_checks.SECRET_KEY_MIN_LENGTH} characters, "
        f"{security_checks.SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones, random): production "
        "(DEBUG=false) refuses to serve without a real one. Generate one with "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    # The admin on the portal's own site class (portal.admin_site: two-factor authentication).
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "solo",
    "import_export",
    "adminsortable2",
    "simple_history",
    "portal.apps.ThumbnailsConfig",  # easy-thumbnails, named in the portal's languages
    "phonenumber_field",
    "django_otp",
    # django-otp's authenticator apps (TOTP) and backup codes (static tokens), named in the
    # portal's languages (portal.apps).
    "portal.apps.AuthenticatorAppsConfig",
    "portal.apps.BackupCodesConfig",
    "portal.apps.LoginAttemptsConfig",
    "portal.apps.MailerConfig",  # django-mailer, named in the portal's languages
    "django_prose_editor",
    "portal",
    "association",
    "press",
    "members",
    "bureau",
    "events",
    "training",
    "assembly",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.language.ArabicFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A NUL character in the address answers 400 before any view sends it to PostgreSQL.
    "portal.middleware.NulCharacterMiddleware",
    "portal.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    # /ar/events/2022/05/ → /ar/events/2022/5/: one address per page, whatever the zeros.
    "portal.middleware.CanonicalNumberMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
    # Turns django-ratelimit's refusal into the translated 429 page (portal.views.rate_limited).
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
                "association.context_processors.association",
            ],
        },
    },
]

# --- Database, cache, sessions -------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# A read replica (PostgreSQL streaming replication): reads go to it, writes and whatever follows
# a write in the same request go to the primary (portal.db). Tests use the primary as the replica.
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["portal.db.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(0, "portal.db.PrimaryPinningMiddleware")
# Seconds a browser keeps reading from the primary after a request of its own wrote (0: off).
DATABASE_REPLICA_PIN_SECONDS = env.int("DATABASE_REPLICA_PIN_SECONDS", default=10)
# A hung database must not hang every request until gunicorn kills the worker: connecting gives
# up after DATABASE_CONNECT_TIMEOUT seconds, and in the processes that serve requests
# (portal.process) a statement is cancelled after DATABASE_STATEMENT_TIMEOUT_MS; both end in the
# 503 page (config.middleware) and /health/ says 503. Management commands (migrate, backups,
# imports) may run long: DATABASE_COMMAND_STATEMENT_TIMEOUT_MS, none by default.
DATABASE_CONNECT_TIMEOUT = env.int("DATABASE_CONNECT_TIMEOUT", default=3)
DATABASE_STATEMENT_TIMEOUT_MS = (
    env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=10_000)
    if process.serves_requests()
    else env.int("DATABASE_COMMAND_STATEMENT_TIMEOUT_MS", default=0)
)
for _database in DATABASES.values():
    if _database["ENGINE"] != "django.db.backends.sqlite3":
        _database["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
        _database["CONN_HEALTH_CHECKS"] = True
    if _database["ENGINE"] in {"django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis"}:
        _options = _database.setdefault("OPTIONS", {})
        _options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
        if DATABASE_STATEMENT_TIMEOUT_MS:
            _options["options"] = (
                f"{_options.get('options', '')} -c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
            ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# URLs typed without a scheme in forms are taken as https (Django 6 default).
FORMS_URLFIELD_ASSUME_HTTPS = True

REDIS_URL = env("REDIS_URL", default="")
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", default="portal")
# Seconds a process goes without Redis after a timeout or a connection error, before it tries
# again (portal.cache); 0 tries on every call.
REDIS_SKIP_SECONDS = env.float("REDIS_SKIP_SECONDS", default=5)
if REDIS_URL:
    # django-redis: one client per process (Django's RedisCache builds one per call), and with
    # IGNORE_EXCEPTIONS a Redis down or hung (short socket timeouts) is a miss, not an error page.
    # After a timeout or a connection error the process skips Redis for REDIS_SKIP_SECONDS
    # (portal.cache.CircuitBreakerRedis), so that a hung Redis costs a page one timeout at
    # most, not one per cache call.
    _redis_options = {
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
        "REDIS_CLIENT_CLASS": "portal.cache.CircuitBreakerRedis",
    }
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {**_redis_options, "IGNORE_EXCEPTIONS": True},
        },
        # The public forms' rate limits: counted in Redis, or per process while it is down.
        "ratelimit": {
            "BACKEND": "portal.cache.RateLimitCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": _redis_options,
        },
    }
    RATELIMIT_USE_CACHE = "ratelimit"
    # Sessions are read from Redis and written through to the database, so that any app
    # server can serve any request and a Redis outage logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Authentication -------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# Login throttling (django-axes): five failures for one account, from any address and under
# any spelling of it (user name, e-mail in any case: portal.lockout), lock it for an hour; the
# attempts are kept in the database, so every app server sees them.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "portal.lockout.account_key"
# Login posts per client address, whatever the account (portal.ratelimit.limit_login_posts).
PORTAL_LOGIN_RATE = env("PORTAL_LOGIN_RATE", default="30/h")
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_VERBOSE = False
# Public forms (membership application, contact): submissions per client address (portal.ratelimit).
PORTAL_FORM_RATE = env("PORTAL_FORM_RATE", default="10/h")
# Password-reset mails: at most so many per address and per client; past either, the form
# answers the same "sent" page and sends nothing (members.views.PasswordResetView).
PORTAL_RESET_ADDRESS_RATE = env("PORTAL_RESET_ADDRESS_RATE", default="3/h")
PORTAL_RESET_CLIENT_RATE = env("PORTAL_RESET_CLIENT_RATE", default="10/h")
# How long the link confirming a new e-mail address stays valid (seconds).
MEMBERS_EMAIL_CHANGE_MAX_AGE = env.int("MEMBERS_EMAIL_CHANGE_MAX_AGE", default=2 * 24 * 3600)
RATELIMIT_VIEW = "portal.views.rate_limited"
# One rule for whose address counts, in rate limits and login records (django-ipware).
RATELIMIT_IP_META_KEY = "portal.ratelimit.client_ip"
AXES_CLIENT_IP_CALLABLE = "portal.ratelimit.client_ip"
# Two-factor authentication (django-otp, TOTP): required for superusers (portal.admin_site).
PORTAL_SUPERUSER_2FA = env.bool("PORTAL_SUPERUSER_2FA", default=True)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Portal")

# --- Languages ------------------------------------------------------------------------------

# Django knows no Standard Moroccan Tamazight; registering it here lets a deployment add
# ``zgh`` to PORTAL_LANGUAGES without touching code (Tifinagh is written left to right).
LANG_INFO.setdefault(
    "zgh",
    {"bidi": False, "code": "zgh", "name": "Standard Moroccan Tamazight", "name_local": "ⵜⴰⵎⴰⵣⵉⵖⵜ"},
)

PORTAL_LANGUAGES = env.list("PORTAL_LANGUAGES", default=["ar", "fr"])
LANGUAGE_CODE = PORTAL_LANGUAGES[0]
# Named in the admin's language (Django's catalogue translates its own language names).
LANGUAGES = [(code, _(LANG_INFO[code]["name"])) for code in PORTAL_LANGUAGES]
# Arabic first: a visitor's browser preference (often French in Morocco) does not override the
# association's first language; an explicit choice (URL prefix, switcher cookie) does.
PORTAL_HONOUR_ACCEPT_LANGUAGE = env.bool("PORTAL_HONOUR_ACCEPT_LANGUAGE", default=False)
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env("TIME_ZONE", default="Africa/Casablanca")
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(PORTAL_LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
MODELTRANSLATION_REQUIRED_LANGUAGES = (LANGUAGE_CODE,)
# Labels of translated fields in the admin's language: "الاسم (بالعربية)", not "name [ar]".
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = language.translated_field_label

PHONENUMBER_DEFAULT_REGION = "MA"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "INTERNATIONAL"

# --- Static and media files -----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Several static files served as one on the heaviest admin pages (portal.staticbundles).
    "portal.staticbundles.BundleFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Files not for everyone (documents, assembly papers, people's photos: portal.private_media), on
# the local disk outside MEDIA_ROOT, where no web server looks; read only through the views.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private_media")
if Path(PRIVATE_MEDIA_ROOT).resolve().is_relative_to(Path(MEDIA_ROOT).resolve()) or Path(
    MEDIA_ROOT
).resolve().is_relative_to(Path(PRIVATE_MEDIA_ROOT).resolve()):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must lie outside MEDIA_ROOT (the proxy serves /media/).")
# Uploads on the local disk (MEDIA_ROOT), or in an S3-compatible bucket shared by every app host
# with MEDIA_STORAGE=s3 / AWS_STORAGE_BUCKET_NAME (portal.storage); thumbnails go to the same place.
# The private files go to PRIVATE_MEDIA_ROOT, or to a private bucket or prefix.
STORAGES = {
    "default": storage.s3_storage(env) if storage.uses_s3(env) else {"BACKEND": storage.FILESYSTEM_BACKEND},
    "private": storage.private_storage_entry(env),
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Members-only documents: 0 streams them through the view that checks access; N redirects to a
# bucket address signed for N seconds (S3 only).
MEDIA_SIGNED_URL_SECONDS = env.int("MEDIA_SIGNED_URL_SECONDS", default=0)
PORTAL_MAX_DOCUMENT_BYTES = env.int("PORTAL_MAX_DOCUMENT_BYTES", default=20 * 1024 * 1024)
PORTAL_MAX_IMAGE_BYTES = env.int("PORTAL_MAX_IMAGE_BYTES", default=8 * 1024 * 1024)
PORTAL_MAX_IMAGE_PIXELS = env.int("PORTAL_MAX_IMAGE_PIXELS", default=40_000_000)
# The association's logo is shown on every page: a small file (an SVG, or a raster image that the
# portal scales down), so the page stays light.
PORTAL_MAX_LOGO_BYTES = env.int("PORTAL_MAX_LOGO_BYTES", default=1024 * 1024)

THUMBNAIL_ALIASES = {
    "": {
        "logo": {"size": (240, 240), "crop": False},
        "card": {"size": (480, 320), "crop": "smart"},
    }
}

# Backups (make backup): a Fernet key encrypts the archive, two-factor secrets included; without
# one they are left out (portal.backups).
BACKUP_ENCRYPTION_KEY = env("BACKUP_ENCRYPTION_KEY", default="")

# --- E-mail -----------------------------------------------------------------------------------

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Mail is queued in the database (django-mailer) and handed to the transport EMAIL_URL chose by
# cron's `send_mail`, so that it survives the mail server being down (portal.mail).
MAILER_EMAIL_BACKEND = EMAIL_BACKEND  # noqa: F821 - set from EMAIL_CONFIG just above
EMAIL_BACKEND = "mailer.backend.DbBackend"
MAILER_ERROR_HANDLER = "portal.mail.defer_without_personal_data"
# The log of attempts keeps no copy of the messages (addresses, bodies: Law 09-08).
MAILER_EMAIL_LOG_MESSAGE_DATA = False
# Each message is locked in the database while it is sent (SELECT ... FOR UPDATE NOWAIT), so
# send_mail may run on several hosts at once; a file lock would guard only one host.
MAILER_USE_FILE_LOCK = False
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
ADMINS = [("Admin", addr) for addr in env.list("ADMINS", default=[])]

# --- Security -------------------------------------------------------------------------------

# SECURE=true when the portal is served over HTTPS (always, in production).
SECURE = env.bool("SECURE", default=False)
SECURE_SSL_REDIRECT = SECURE
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
# The language chosen with the switcher (portal.views.switch_language) is kept a year.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
# Preload is a promise to the browsers' built-in list, for the domain and all its subdomains,
# that anyone may submit once the header is sent: opt in when the whole domain is ready.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# "check --deploy" warns when preload is off (security.W021): off is the deliberate default.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# django-axes asks for "ip_address" among the lockout parameters (axes.W006); the lock is per
# account from any address on purpose, and addresses are limited by PORTAL_LOGIN_RATE
# (portal.lockout says why).
SILENCED_SYSTEM_CHECKS.append("axes.W006")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# A form sent without a valid CSRF token (left open too long, cookies off): the portal's page in
# the visitor's language, saying to reload the form, instead of Django's bare English one.
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
# Content-Security-Policy (django-csp): scripts only from the portal itself, none inline (the
# templates carry no inline script or event handler, so no nonce is needed and cached pages stay
# valid); inline style attributes are allowed for the admin's widgets and the calendar's colours.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF, csp.UNSAFE_INLINE],
        "img-src": [csp.SELF, "data:", *storage.media_origins(STORAGES["default"])],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "object-src": [csp.NONE],
        "base-uri": [csp.NONE],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
    }
}
# Permissions-Policy (django-permissions-policy): the portal uses none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
# Behind the proxy, the client's address is the one it appended last to X-Forwarded-For; with
# proxies in front of it (a CDN), their number, or their addresses and ranges (portal.ratelimit).
PORTAL_PROXY_COUNT = env.int("PORTAL_PROXY_COUNT", default=1)
PORTAL_TRUSTED_PROXIES = env.list("PORTAL_TRUSTED_PROXIES", default=[])

# Error reports (e-mails to ADMINS, debug pages) hide phones, e-mails, addresses and secrets.
DEFAULT_EXCEPTION_REPORTER_FILTER = "portal.reporting.PortalExceptionReporterFilter"

# --- Logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Successful logins and resets are routine; failures and lockouts (warnings) are logged.
        "axes": {"level": "WARNING"},
        # django-mailer logs each message's subject and recipients at INFO (personal data).
        "mailer": {"level": "WARNING"},
    },
}

# Import and export in the admin need the model's own permissions (django-import-export
# otherwise lets any staff member import into any model that has an import button).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# --- Portal -----------------------------------------------------------------------------------

PORTAL_NAME_FALLBACK = _("Association of territorial elected officials")
# The association profile is read on every page: django-solo keeps it in the cache and
# clears it on save.
SOLO_CACHE = "default"
SOLO_CACHE_TIMEOUT = 60 * 60
# modeltranslation's tabbed admin would load jQuery UI from a CDN; serve our own copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
# Arabic dates without the Levantine comma ("29 يناير 2022"); weeks start on Monday.
FORMAT_MODULE_PATH = ["config.formats"]

# --- Press releases and news ----------------------------------------------------------------

# Thumbnails in WebP (with or without transparency); press images in three widths for srcset.
THUMBNAIL_EXTENSION = "webp"
THUMBNAIL_TRANSPARENCY_EXTENSION = "webp"
THUMBNAIL_ALIASES[""].update(
    {
        "press_small": {"size": (480, 0), "crop": False},
        "press_medium": {"size": (960, 0), "crop": False},
        "press_large": {"size": (1440, 0), "crop": False},
    }
)

# --- Members (members app) ----------------------------------------------------------------------

# Members sign in on the public site with their e-mail; staff keep the admin's own login page.
LOGIN_URL = "members:login"
LOGIN_REDIRECT_URL = "members:account"
LOGOUT_REDIRECT_URL = "association:home"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "members.backends.EmailBackend",
]
# Who holds a new membership: "person" (the elected official) or "council" (associations of
# council presidents such as the AMPCP, where the council stays the member when its president changes).
MEMBERS_MEMBERSHIP_HOLDER = env("MEMBERS_MEMBERSHIP_HOLDER", default="person")

# --- Page cache (portal.pagecache, portal.content_version) --------------------------------------

# Anonymous pages from the shared cache, kept under a content version that every change of the
# content replaces (portal/content_version.py). On by default only with Redis: a per-process
# cache cannot be invalidated across several app processes.
INSTALLED_APPS.append("portal.content_version.ContentVersionConfig")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "portal.pagecache.PageCacheMiddleware",
)
# Hits for requests that can only be anonymous (no session cookie), served before the session,
# language, CSRF, authentication and messages middleware (portal.pagecache).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "portal.pagecache.EarlyPageCacheMiddleware",
)
PAGE_CACHE = env.bool("PAGE_CACHE", default=bool(REDIS_URL))
# Values derived from the data (counts, menu checks, lists of years) kept per content version
# (portal.content_version.per_version); the test settings turn it off.
CONTENT_DATA_CACHE = env.bool("CONTENT_DATA_CACHE", default=True)
# Seconds a page or a value is kept at most (pages: never past local midnight).
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=600)
# max-age for browsers and proxies; 0 = they revalidate every time (ETag, 304), never stale.
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=0)
PAGE_CACHE_APPS = ["association", "press", "members", "bureau", "events", "training", "assembly"]
# Written by visitors, shown on no public page: their writes leave the cache as it is.
PAGE_CACHE_QUIET_MODELS = [
    "association.ContactMessage",
    "members.MembershipApplication",
    "events.CalendarToken",
    # Deliveries and replies of convocations: only the member's own page shows them.
    "assembly.Convocation",
    "assembly.Attendance",
]
