"""Editorial fixtures: one user per role, a real SMTP server on loopback, and the admin's own forms."""

import email
import email.policy
import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from editorial.roles import ADMINISTRATORS, EDITORS, MODERATORS, TRANSLATORS
from tests.programs.conftest import call_index, news_index, program_index  # noqa: F401  (fixtures)

PASSWORD = "a-long-password-1"


def make_user(username, role, language="ar"):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@cooperatives.example.ma", password=PASSWORD, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=role))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", EDITORS, language="ar")


@pytest.fixture
def moderator(db):
    return make_user("moderator", MODERATORS, language="fr")


@pytest.fixture
def translator(db):
    return make_user("translator", TRANSLATORS, language="fr")


@pytest.fixture
def administrator(db):
    return make_user("administrator", ADMINISTRATORS, language="ar")


def admin_form(client, url, form_id="page-edit-form", model=None):
    """The fields of an admin form as the browser would post them (CSRF checks are off in the test client).

    StreamFields are drawn by JavaScript, so their fields are not in the HTML: ``model``'s StreamFields are sent
    empty, which is what the pages built here hold.
    """
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id=form_id).copy()
    for field in model._meta.get_fields() if model else ():
        if isinstance(field, StreamField):
            data[f"{field.name}-count"] = "0"
    return data


class Mailbox:
    """What the SMTP server received: parsed messages with their envelope recipients."""

    def __init__(self):
        self.messages = []
        self.received = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.received:
            self.messages.append({"to": list(envelope.rcpt_tos), "message": message})
            self.received.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count, timeout=10):
        with self.received:
            self.received.wait_for(lambda: len(self.messages) >= count, timeout=timeout)
        return self.messages

    def to(self, address):
        return [
            {"subject": m["message"]["subject"], "body": m["message"].get_body(("plain",)).get_content()}
            for m in self.messages
            if address in m["to"]
        ]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1 (aiosmtpd); Django sends through its SMTP backend to it."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = controller.hostname
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = "portal@cooperatives.example.ma"
    settings.WAGTAILADMIN_BASE_URL = "https://cooperatives.example.ma"
    try:
        yield mailbox
    finally:
        controller.stop()
