"""Name the four roles in both admin languages, Arabic first, as the workflow and its task are named: their
English names ("Editors"…) were the English words of the Arabic admin's users and groups pages."""

from django.db import migrations

NAMES = {
    "Editors": "المحررون · Rédacteurs",
    "Moderators": "المشرفون · Modérateurs",
    "Translators": "المترجمون · Traducteurs",
    "Administrators": "المديرون · Administrateurs",
}


def rename(apps, names):
    Group = apps.get_model("auth", "Group")
    for old, new in names.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)


def name_roles(apps, schema_editor):
    rename(apps, NAMES)


def unname_roles(apps, schema_editor):
    rename(apps, {new: old for old, new in NAMES.items()})


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_roles_and_moderation")]

    operations = [migrations.RunPython(name_roles, unname_roles)]
