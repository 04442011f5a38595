"""Reading pages in tests as a person reads them: the text, without markup."""

import re

_INLINE = re.compile(r"</?(a|span|strong|em|abbr|small|time)\b[^>]*>")
_BLOCK = re.compile(r"<[^>]+>")


def text_of(page) -> str:
    """The visible text of a response or an HTML string, whitespace collapsed.

    Inline tags vanish (so "Xã An Bình</a>, " reads "Xã An Bình, "); other tags
    become a space, so table cells and list items stay apart.
    """
    html = page if isinstance(page, str) else page.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(_BLOCK.sub(" ", _INLINE.sub("", html)).split())
