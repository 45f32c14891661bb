# Varnish 7 in front of the portal's gunicorn: anonymous pages cached per URL (the language is in the URL),
# purged by Wagtail (serving/purge.py) and never kept beyond the lifetime Django gives (s-maxage, capped at the
# next change of a call's status: serving/freshness.py).
#
# The backend is defined in portal-backend.vcl, looked up in vcl_path: `make serve` and the tests write their
# own (gunicorn / the test server on a free port); deploy/varnish/portal-backend.vcl is the server's default.
vcl 4.1;

import std;

include "portal-backend.vcl";

# PURGE only from the machine itself (Wagtail runs there).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Method not allowed"));
        }
        # One ban per request. X-Purge-Regex (serving/purge.py) matches lower-cased URLs: "^(?:/ar/calls/(?:[?]|$)|…)".
        # Without it, the request's own path with any query string: PURGE /ar/calls/ clears /ar/calls/?region=…
        if (req.http.X-Purge-Regex) {
            ban("obj.http.x-url ~ " + req.http.X-Purge-Regex);
        } else {
            ban("obj.http.x-url ~ ^" + regsuball(std.tolower(regsub(req.url, "[?].*$", "")), "([^a-z0-9/%_~-])", "[\1]") + "(?:[?]|$)");
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        set req.http.X-Cache-Pass = "1";
        return (pass);
    }
    # The admin, previews (under /admin/) and Django's admin are never cached.
    if (req.url ~ "^/(admin|django-admin)(/|[?]|$)") {
        set req.http.X-Cache-Pass = "1";
        return (pass);
    }
    # "/" redirects after Accept-Language and the language cookie: answered by Django each time.
    if (req.url ~ "^/([?].*)?$") {
        set req.http.X-Cache-Pass = "1";
        return (pass);
    }
    # A session (a logged-in editor, a private page's password) sees pages of its own: never cached, never a cached one.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        set req.http.X-Cache-Pass = "1";
        return (pass);
    }
    # Any other cookie (csrftoken, django_language…) changes nothing an anonymous visitor is shown.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # What purges match on (lower-cased, so %D8%B9 and %d8%b9 go together); removed before delivery.
    set beresp.http.x-url = std.tolower(bereq.url);
    # s-maxage is for this cache only (it is purged); a cache further on must not keep the page that long. The
    # lifetime (beresp.ttl) has been read from it already; removed once here, not at each hit.
    if (beresp.http.Cache-Control ~ "s-maxage") {
        set beresp.http.Cache-Control = regsub(beresp.http.Cache-Control, ",\s*s-maxage=[0-9]+|s-maxage=[0-9]+,\s*", "");
    }
    # Never serve an expired copy: a call page must not outlive its status. Keep lets Varnish revalidate an
    # expired copy with If-None-Match (a 304 from Django saves rendering the bytes again).
    set beresp.grace = 0s;
    set beresp.keep = 1h;
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what Django says may be shared: "public" with a lifetime, no cookie set, nothing private.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "public"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.ttl <= 0s) {
        # Hit-for-miss: later requests go to Django without waiting on each other, and a response that becomes
        # cacheable (a page published again) is stored at once.
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    if (!beresp.http.Content-Encoding && beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|atom\+xml|javascript)|image/svg\+xml)") {
        set beresp.do_gzip = true;
        if (!beresp.http.Vary) {
            set beresp.http.Vary = "Accept-Encoding";
        } elsif (beresp.http.Vary !~ "(?i)Accept-Encoding") {
            set beresp.http.Vary = beresp.http.Vary + ", Accept-Encoding";
        }
    }
    return (deliver);
}

sub vcl_deliver {
    if (req.http.X-Cache-Pass) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.x-url;
    return (deliver);
}
