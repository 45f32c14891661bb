"""``{% contentcache "name" part … %}…{% endcontentcache %}``: Wagtail's ``{% wagtailcache %}`` under the portal's
one invalidation rule (docs/caching.md).

The enclosed HTML is cached under its name, its parts and the request's content version: the site, the active
language, the content generation (serving.generation: renewed by every change of public content) and the next
time-driven change of that language (serving.freshness: a call's status turning, an event becoming past). So a
fragment is rendered again after any content change and once a status may have turned, and never otherwise; what
it shows must depend on nothing else than what its parts name (the page, the normalised filters and page number).

As with ``{% wagtailcache %}``, previews are never cached. A part that is None stands for bad input (a dropped
filter value, an odd page number): that fragment is rendered every time and never stored, so a query string
cannot fill the cache. With no content generation yet (a database where nothing was saved), nothing is stored.
"""

from django import template
from django.utils.translation import get_language
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from portal.sites import site_id
from serving import freshness, generation

register = template.Library()

VERSION_VARIABLE = "content_cache_version"


def content_version(request):
    """What every cached fragment of this request varies on (see the module's docstring), or None: store nothing."""
    token = generation.token_for(request)
    if token is None:
        return None
    language = get_language()
    horizon = freshness.next_change(language, request=request)
    return f"{site_id(request)}:{language}:{token}:{horizon.isoformat() if horizon else '-'}"


class ContentCacheNode(WagtailCacheNode):
    def __init__(self, nodelist, expire_time, name, parts, version):
        super().__init__(nodelist, expire_time, name, [*parts, version], None)
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        version = content_version(request) if request is not None else None
        if version is None or any(part.resolve(context) is None for part in self.parts):
            return self.nodelist.render(context)
        with context.update({VERSION_VARIABLE: version}):
            return super().render(context)


@register.tag
def contentcache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('{% contentcache %} needs a quoted name: {% contentcache "name" part … %}')
    nodelist = parser.parse(("endcontentcache",))
    parser.delete_first_token()
    return ContentCacheNode(
        nodelist,
        parser.compile_filter(str(generation.TIMEOUT)),
        bits[1][1:-1],
        [parser.compile_filter(bit) for bit in bits[2:]],
        parser.compile_filter(VERSION_VARIABLE),
    )
