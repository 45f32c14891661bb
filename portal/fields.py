"""Model fields shared by the sections."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    """A list of values from a fixed set of choices, stored as JSON (works the same on SQLite and PostgreSQL)."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        valid = {choice for choice, _label in self.item_choices}
        unknown = [item for item in value or [] if item not in valid]
        if unknown:
            raise ValidationError(_("Unknown choice: %(values)s"), params={"values": ", ".join(map(str, unknown))})

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def labels(self, values):
        """The display labels of ``values``, in the order of the choices."""
        chosen = set(values or [])
        return [label for value, label in self.item_choices if value in chosen]
