"""django-modeltranslation registration: every taxonomy name exists in Arabic and French."""

from modeltranslation.translator import TranslationOptions, register

from .models import Commune, Province, Region, Sector, TargetGroup


@register([Region, Province, Commune, Sector, TargetGroup])
class TaxonomyTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar", "fr")
