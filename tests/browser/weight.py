"""What a page costs a visitor: every request it makes and the bytes transferred for each, as Chromium counts
them (DevTools protocol, Network.loadingFinished encodedDataLength: compressed body plus headers).

The page is scrolled to its end first, so lazily loaded images are counted too.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

# DevTools resource types grouped the way the page-weight table reports them.
KINDS = {"Document": "html", "Stylesheet": "css", "Font": "fonts", "Image": "images", "Script": "js"}
KIND_ORDER = ("html", "css", "fonts", "images", "js", "other")
# A function, not an expression: the portal's Content-Security-Policy forbids eval, and Playwright evals strings.
IMAGES_LOADED = "() => Array.from(document.images).every((image) => image.complete)"


@dataclass
class Resource:
    url: str
    kind: str = "other"
    status: int = 0
    transferred: int = 0
    content_encoding: str = ""
    cache_control: str = ""
    failed: str = ""


@dataclass
class PageWeight:
    url: str
    requested: list = field(default_factory=list)  # every URL the page asked for, in order
    resources: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)  # e.g. a load the Content-Security-Policy refused

    @property
    def total(self):
        return sum(resource.transferred for resource in self.resources)

    def by_kind(self):
        sizes = dict.fromkeys(KIND_ORDER, 0)
        for resource in self.resources:
            sizes[resource.kind] += resource.transferred
        return sizes

    def hosts(self):
        """host:port of every http(s) request, the page's and the browser's own (data: and blob: stay in the page)."""
        urls = self.requested + [resource.url for resource in self.resources]
        return {urlsplit(url).netloc for url in urls if urlsplit(url).scheme in ("http", "https", "ws", "wss")}


def _header(headers, name):
    return next((value for key, value in headers.items() if key.lower() == name), "")


def measure(context, url, viewport=None):
    """Open ``url`` in a new page of ``context``, scroll to its end, wait for the network to settle; PageWeight."""
    page = context.new_page()
    if viewport:
        page.set_viewport_size(viewport)
    cdp = context.new_cdp_session(page)
    by_id = {}

    def resource(request_id):
        return by_id.setdefault(request_id, Resource(url=""))

    def on_request(event):
        item = resource(event["requestId"])
        item.url = event["request"]["url"]
        item.kind = KINDS.get(event.get("type"), "other")

    def on_response(event):
        item = resource(event["requestId"])
        response = event["response"]
        item.url = response["url"]
        item.kind = KINDS.get(event.get("type"), "other")
        item.status = response["status"]
        item.content_encoding = _header(response.get("headers", {}), "content-encoding")
        item.cache_control = _header(response.get("headers", {}), "cache-control")

    def on_finished(event):
        resource(event["requestId"]).transferred = int(event["encodedDataLength"])

    def on_failed(event):
        resource(event["requestId"]).failed = event.get("blockedReason") or event.get("errorText", "failed")

    cdp.on("Network.requestWillBeSent", on_request)
    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    cdp.on("Network.loadingFailed", on_failed)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    weight = PageWeight(url=url)
    page.on("request", lambda request: weight.requested.append(request.url))
    page.on("console", lambda message: message.type == "error" and weight.console_errors.append(message.text))
    page.on("pageerror", lambda error: weight.console_errors.append(str(error)))
    try:
        page.goto(url, wait_until="networkidle")
        page.evaluate(
            """async () => {
                for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
                    window.scrollTo(0, y);
                    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
                }
                window.scrollTo(0, document.documentElement.scrollHeight);
            }"""
        )
        page.wait_for_function(IMAGES_LOADED)
        page.wait_for_timeout(300)
    finally:
        weight.resources = [item for item in by_id.values() if item.url]
        cdp.detach()
        page.close()
    return weight
