"""Backup archives: the database copied by its engine's own tool, the media files, a manifest.

The database part is exact by construction — ``pg_dump`` (custom format) for PostgreSQL, SQLite's
online backup API for SQLite — where a JSON dump cut datetimes to milliseconds, dropped the
admin log and mixed up translated fields. Used by ``backup_portal`` and ``restore_portal``.

Secrets: with ``BACKUP_ENCRYPTION_KEY`` (a Fernet key) the whole archive is encrypted and holds
everything; without it, the two-factor devices' secrets are left out, so that a superuser enrols
an authenticator again after a restore. Sessions are never copied: they are transient, and
restoring them would bring back logins ended since.
"""

import os
import shutil
import sqlite3
import struct
import subprocess
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 2
MAGIC = b"PORTAL-BACKUP-FERNET-1\n"
CHUNK = 1024 * 1024


class BackupError(Exception):
    pass


# --- What is left out --------------------------------------------------------------------------


def secret_tables():
    """The two-factor devices' tables (TOTP, static backup codes...): their rows are secrets."""
    return sorted(
        model._meta.db_table for model in apps.get_models() if model._meta.app_label.startswith("otp_")
    )


def transient_tables():
    return [apps.get_model("sessions", "Session")._meta.db_table]


# --- Database ------------------------------------------------------------------------------------


def engine():
    return connection.vendor  # "postgresql" or "sqlite"


def applied_migrations():
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def code_migrations():
    return sorted(
        [app, name] for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    )


def _pg_environment():
    settings = connection.settings_dict
    env = dict(os.environ)
    for variable, value in (
        ("PGHOST", settings["HOST"]),
        ("PGPORT", settings["PORT"]),
        ("PGUSER", settings["USER"]),
        ("PGPASSWORD", settings["PASSWORD"]),
        ("PGDATABASE", settings["NAME"]),
        ("PGSSLMODE", settings.get("OPTIONS", {}).get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(command):
    try:
        subprocess.run(command, env=_pg_environment(), check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (the PostgreSQL client tools).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def dump_database(path: Path, *, with_secrets: bool):
    left_out = transient_tables() + ([] if with_secrets else secret_tables())
    if engine() == "postgresql":
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                *[f"--exclude-table-data={table}" for table in left_out],
                f"--file={path}",
            ]
        )
        return
    if engine() != "sqlite":
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine()}.")
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
        for table in left_out:
            copy.execute(f'DELETE FROM "{table}"')
        copy.commit()
        copy.execute("VACUUM")  # deleted rows must not survive in free pages
    finally:
        copy.close()


def restore_database(path: Path):
    """Replace the whole database in one transaction (pg_restore --single-transaction, SQLite's
    backup API): a damaged archive leaves the database as it was."""
    if engine() == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                "--no-owner",
                "--no-privileges",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ]
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connection.close()


def check_compatible(manifest):
    """Refuse an archive the running code cannot take as it is: another engine, or another
    state of the migrations (restore with the release that made it, then migrate)."""
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"Archive format {manifest.get('format')!r}, this release reads format {FORMAT}: "
            "restore it with the release that made it."
        )
    if manifest["engine"] != engine():
        raise BackupError(
            f"The archive holds a {manifest['engine']} database and this portal runs on {engine()}: "
            "restore it on the same engine."
        )
    archived = {tuple(item) for item in manifest["migrations"]}
    code = {tuple(item) for item in code_migrations()}
    problems = []
    if missing := sorted(code - archived):
        problems.append("not applied in the archive: " + ", ".join(f"{a}.{n}" for a, n in missing[:10]))
    if extra := sorted(archived - code):
        problems.append("unknown to this release: " + ", ".join(f"{a}.{n}" for a, n in extra[:10]))
    if problems:
        raise BackupError(
            "The archive's migrations do not match this release's ("
            + "; ".join(problems)
            + "). Restore it with the release that made it, then upgrade."
        )


# --- Files ---------------------------------------------------------------------------------------


def private_file(path: Path):
    """A new file that only its owner can read, created so from the start (no chmod afterwards)."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def fernet(key: str):
    try:
        return Fernet(key.encode() if isinstance(key, str) else key)
    except (ValueError, TypeError) as error:
        raise BackupError(
            "BACKUP_ENCRYPTION_KEY is not a Fernet key (32 bytes, URL-safe base64): generate one with "
            "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
        ) from error


class EncryptingWriter:
    """Writes an encrypted archive chunk by chunk, so that a large one never sits in memory.

    Each chunk is a Fernet token (authenticated) over its index, a last-chunk flag and the data:
    chunks cannot be reordered, dropped or cut off without the reading failing.
    """

    def __init__(self, raw, key):
        self.raw, self.fernet, self.buffer, self.index = raw, fernet(key), bytearray(), 0
        raw.write(MAGIC)

    def write(self, data):
        self.buffer += data
        while len(self.buffer) > CHUNK:
            self._emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def _emit(self, data, *, last):
        token = self.fernet.encrypt(struct.pack(">Q?", self.index, last) + data)
        self.raw.write(struct.pack(">I", len(token)) + token)
        self.index += 1

    def close(self):
        self._emit(bytes(self.buffer), last=True)
        self.buffer.clear()


def is_encrypted(path: Path):
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def decrypt(path: Path, target: Path, key: str):
    box = fernet(key)
    with path.open("rb") as source, private_file(target) as out:
        source.read(len(MAGIC))
        index, last = 0, False
        while not last:
            header = source.read(4)
            if len(header) < 4:
                raise BackupError("The encrypted archive is cut short.")
            try:
                plain = box.decrypt(source.read(struct.unpack(">I", header)[0]))
            except InvalidToken as error:
                raise BackupError(
                    "Cannot decrypt the archive: wrong BACKUP_ENCRYPTION_KEY, or a damaged file."
                ) from error
            number, last = struct.unpack(">Q?", plain[:9])
            if number != index:
                raise BackupError("The encrypted archive's chunks are out of order.")
            out.write(plain[9:])
            index += 1


def copy_file(source: Path, target: Path):
    with source.open("rb") as handle, private_file(target) as out:
        shutil.copyfileobj(handle, out)
