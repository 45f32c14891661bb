"""The resources section's fixed vocabularies (leaf module: models, listings, imports and the admin import it, it
imports none of them)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Level(models.TextChoices):
    BEGINNER = "beginner", _("beginner")
    INTERMEDIATE = "intermediate", _("intermediate")
    ADVANCED = "advanced", _("advanced")


class PartnerKind(models.TextChoices):
    AGENCY = "agency", _("public agency")
    INTERNATIONAL = "international", _("international organisation or cooperation")
    REGIONAL_COUNCIL = "regional-council", _("regional council")
    CHAMBER = "chamber", _("professional chamber")
    BANK = "bank", _("bank or microfinance")
    FOUNDATION = "foundation", _("foundation")


class SupportType(models.TextChoices):
    GRANT = "grant", _("grant")
    LOAN = "loan", _("loan")
    EQUIPMENT = "equipment", _("equipment")
    TRAINING = "training", _("training")
    COACHING = "coaching", _("coaching")


class ProjectSource(models.TextChoices):
    STUDY = "study", _("territorial study")
    IDEATHON = "ideathon", _("Ideathon")
    FIELD = "field", _("existing cooperative")
    # A context: programmes count "support programme(s)" with plural forms under the same words.
    PROGRAMME = "programme", pgettext_lazy("project model source", "support programme")
    OTHER = "other", _("other")
