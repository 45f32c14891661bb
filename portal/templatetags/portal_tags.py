"""Template tags of the base layout: language alternates and the blocks sections add to the home page."""

from django import template
from django.utils.translation import get_language

from portal import sections
from portal.i18n import language_alternates

register = template.Library()


@register.simple_tag(takes_context=True)
def alternates(context):
    request = context["request"]
    return language_alternates(request, context.get("page"), get_language())


@register.simple_tag(takes_context=True)
def section_home_blocks(context):
    return sections.home_blocks(context["request"], context.get("page"))


@register.simple_tag(takes_context=True)
def section_cross_links(context, obj):
    return sections.cross_links(obj, context["request"])


@register.filter
def absolute(url, request):
    return request.build_absolute_uri(url)
