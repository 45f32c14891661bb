"""Make sure someone can log in to the admin, without a fixed, known password; say how."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an 'admin' superuser with a random password if there is no superuser yet, and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))

    def handle(self, *args, port, **options):
        User = get_user_model()
        password_file = Path(settings.BASE_DIR) / "var" / "admin-password.txt"
        url = f"http://127.0.0.1:{port}/admin/"
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            # A name, so the admin greets and signs its notifications with one; the e-mail is the owner's to give.
            User.objects.create_superuser("admin", email="", password=password, first_name="مدير", last_name="البوابة")
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        self.stdout.write(f"Admin: {url}")
        if password_file.exists():
            self.stdout.write(
                f"  user 'admin', password in {password_file.relative_to(settings.BASE_DIR)} (random, made on this machine)"
            )
        self.stdout.write("  new password: .venv/bin/python manage.py changepassword admin")
        if User.objects.filter(username="admin", email="").exists():
            self.stdout.write("  e-mail for notifications: Account → Name and Email, in the admin (README)")
