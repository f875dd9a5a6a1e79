"""Every page carries a strict Content-Security-Policy, as defence in depth: scripts only from
the site itself and the theme's own inline scripts, each allowed by the hash of its exact text
(no 'unsafe-inline'), so a script that slipped into a page would not run; no plugins (object),
no <base> elsewhere, forms only to the site. A <meta> policy, as a static host gives no
headers; it stands first in <head>, before any script. Knows nothing of MkDocs.

Only the theme's own inline scripts are hashed: Material 9.8's three, known by their text (the
one part that differs between pages, the relative address of the site's root, aside). Any
other inline script in a page is not allowed by the policy, and the output check names it."""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script\b", re.I)
_SCRIPT_END = re.compile(r"</script\s*>", re.I)
_NOT_RUN = re.compile(r"""\b(?:src\s*=|type\s*=\s*["']?application/(?:ld\+)?json)""", re.I)
_CHARSET = '<meta charset="utf-8">'
_BASE = re.compile(r'new URL\("[^"\\<>]*",location\)')  # the site root: relative, or the site_url's path
# Material 9.8's inline scripts (base.html), with the site root's address as BASE.
THEME_SCRIPTS = frozenset(
    {
        "__md_scope=new URL(BASE,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),"
        '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
        '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
        'var palette=__md_get("__palette");if(palette&&palette.color){'
        'if("(prefers-color-scheme)"===palette.color.media)'
        '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
        "\"[data-md-color-media='(prefers-color-scheme: light)']\":"
        "\"[data-md-color-media='(prefers-color-scheme: dark)']\");"
        'palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute('
        '"data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),'
        'palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries('
        'palette.color))document.body.setAttribute("data-md-color-"+key,value)}',
        "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
        '(target.checked=target.name.startsWith("__tabbed_"))',
    }
)


def is_theme_script(text: str) -> bool:
    return _BASE.sub("new URL(BASE,location)", text, count=1) in THEME_SCRIPTS


POLICY = (
    "default-src 'self'; script-src 'self'{hashes}; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script that a browser runs (not a file's, not a JSON block).
    One pass: each search starts where the last ended."""
    found, pos = [], 0
    while (script := _SCRIPT.search(html, pos)) is not None:
        tag_end = html.find(">", script.end())
        end = _SCRIPT_END.search(html, tag_end + 1) if tag_end >= 0 else None
        if end is None:
            break
        if not _NOT_RUN.search(html, script.end(), tag_end):
            found.append(html[tag_end + 1 : end.start()])
        pos = end.end()
    return found


def policy(html: str) -> str:
    hashes = sorted(
        {base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() for s in inline_scripts(html)}
    )
    return POLICY.format(hashes="".join(f" 'sha256-{h}'" for h in hashes))


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in <head> after the character set."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    at = html.find(_CHARSET)
    if at >= 0:
        return html[: at + len(_CHARSET)] + meta + html[at + len(_CHARSET) :]
    head = re.search(r"<head\b[^>]*>", html[:4096], re.I)
    if head is None:
        return html  # not a page (a fragment): nothing to protect
    return html[: head.end()] + meta + html[head.end() :]
