"""A list of values from a fixed set of choices, stored as JSON so it works the same on SQLite and PostgreSQL."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class MultipleChoiceField(models.JSONField):
    """A JSON list of choice values, edited as checkboxes.

    ``choices`` would make Django validate the whole list against them, so the item choices live in
    ``item_choices``. Values are kept in the order of the choices, without duplicates.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        # Migrations keep the values only (labels are translated at run time); the model passes (value, label).
        self.item_choices = [
            choice if isinstance(choice, list | tuple) else (choice, choice) for choice in item_choices
        ]
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = [value for value, _label in self.item_choices]
        return name, path, args, kwargs

    def normalise(self, values):
        """``values`` in the order of the choices, unknown ones and duplicates dropped."""
        chosen = set(values or [])
        return [value for value, _label in self.item_choices if value in chosen]

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        valid = {choice for choice, _label in self.item_choices}
        unknown = [str(item) for item in value or [] if item not in valid]
        if unknown:
            raise ValidationError(
                _("Unknown choice: %(values)s"), code="invalid_choice", params={"values": ", ".join(unknown)}
            )

    def pre_save(self, model_instance, add):
        value = self.normalise(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

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


def contains_any(field_name, values):
    """A Q object: the JSON list in ``field_name`` holds at least one of ``values``.

    JSON ``contains`` is not available on SQLite; a quoted substring match on the stored JSON text is exact
    here because every value is a slug from a fixed set (no value is a quoted substring of another).
    """
    query = Q()
    for value in values:
        query |= Q(**{f"{field_name}__icontains": f'"{value}"'})
    return query
