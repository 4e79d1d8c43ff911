"""A real S3-compatible server for the media tests: moto's standalone server on the loopback."""

import socket
import uuid

import boto3
import environ
import pytest

ACCESS_KEY = "portal-test-access-key"
SECRET_KEY = "portal-test-secret-key"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server, speaking HTTP on a free loopback port for the whole session."""
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_media(s3_endpoint, settings, monkeypatch):
    """Media in a fresh private bucket, configured from the environment as in production.

    Returns a boto3 client and the bucket's name, to look into the bucket from outside.
    """
    from portal.storage import private_s3_storage, s3_storage

    bucket = f"portal-media-{uuid.uuid4().hex[:12]}"
    environment = {
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        # boto3 reads the credentials from the environment; they are never in the settings.
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(environ.Env()),
        "private": private_s3_storage(environ.Env()),
    }
    return client, bucket


def bucket_keys(s3_media):
    client, bucket = s3_media
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", []))
