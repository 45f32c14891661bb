"""What the portal's content is classified by (sectors, regions, target groups), and the one rule every section
follows when it matches content across sections: content with no sector (region, target group) listed applies to
all of them.

A model of any section declares, in ``taxonomy_fields``, which of its fields hold each kind of term (a
many-to-many or a foreign key to portal.models' Sector, Region or TargetGroup). The core and the other sections
then read its codes with ``taxonomy_codes()`` and narrow a queryset with ``applying_to()``: listings, cross-links
and the calls that fit a cooperative all go through these two methods.
"""

from django.db.models import Q

TAXONOMY_KEYS = ("sector", "region", "target_group")


class Classified:
    """Mixin of a model classified by the portal's taxonomy."""

    # key of TAXONOMY_KEYS → the name of the field that holds its terms; a key left out: not classified by it.
    taxonomy_fields = {}

    def taxonomy_codes(self):
        """{"sector": [...], "region": [...], "target_group": [...]}: the codes of the terms this content lists."""
        codes = {key: [] for key in TAXONOMY_KEYS}
        for key, name in self.taxonomy_fields.items():
            terms = getattr(self, name)
            if self._meta.get_field(name).many_to_many:
                codes[key] = [term.code for term in terms.all()]
            elif terms is not None:
                codes[key] = [terms.code]
        return codes

    @classmethod
    def applying_to(cls, queryset, codes):
        """``queryset`` (of this model) narrowed to the content that applies to ``codes`` (as taxonomy_codes gives
        them): for each kind given, content listing one of those terms, or listing none of that kind."""
        for key, name in cls.taxonomy_fields.items():
            if codes.get(key):
                matching = queryset.filter(Q(**{f"{name}__code__in": codes[key]}) | Q(**{name: None}))
                queryset = queryset.filter(pk__in=matching.values("pk"))
        return queryset
