"""Saved news pages with known answers: the article, its metadata, and the page furniture around it.

The importer tests and ``bench/import_bench.py`` need web pages as browsers save them, with the right
answer known: which paragraphs are the article, and its title, outlet, author, date and canonical URL.
Each page wraps a hand-written article in what real news pages carry: a navigation bar, a cookie banner,
advertisements, share widgets, a "most read" list, a newsletter box, a comment section and a footer,
and puts the metadata where that kind of site puts it (Open Graph, JSON-LD, plain ``<meta>``, or nothing).

``article_pages()`` returns the hand-written pages, one per layout; ``generated_page(seed)`` wraps a
generated article of the engine's corpus in one of the layouts, for the 200-page import benchmark;
``bench_pages()`` adds a page kept without its metadata and 30 generated pages for the quality table.

Exports: ``SavedPage``, ``article_pages``, ``bench_pages``, ``generated_page``, ``CHROME_PHRASES``.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

# Phrases of the furniture around every article: none of them may reach the extracted text.
CHROME_PHRASES = ("Accept all cookies", "We use cookies", "Share on Facebook", "Share on X", "Advertisement",
                  "Most read", "Sign up for our newsletter", "Skip to main content", "All rights reserved",
                  "Subscribe now", "Terms of use")


@dataclass(frozen=True)
class SavedPage:
    """A saved page and what an importer should find in it."""

    name: str  # what the page is, for test ids and the benchmark table
    html: str
    paragraphs: tuple[str, ...]  # the article's body, in order
    comments: tuple[str, ...]  # readers' comments on the page: never article text
    title: str
    outlet: str
    author: str
    date: str  # ISO, or "" when the page's metadata carries none
    url: str
    furniture: tuple[str, ...] = field(default=CHROME_PHRASES)
    # Inserts inside the article's own container ("Read more:" lines, call-outs, the author's bio) that no
    # setting tells from the article: the benchmark counts them, the tests do not require them gone.
    clutter: tuple[str, ...] = ()


STORIES = {
    "storm": dict(
        title="Storm leaves 40,000 homes without power along the coast",
        paragraphs=(
            "A powerful storm swept across the coast overnight, bringing down power lines and leaving more than "
            "40,000 homes without electricity by Tuesday morning, the regional grid operator said.",
            "Winds of up to 110 kilometres an hour uprooted trees in several towns, and the coastguard reported "
            "waves of six metres at the harbour entrance, where two fishing boats broke their moorings.",
            "“We have crews out in every district, but some of the damage is in places we simply cannot reach "
            "until the wind drops,” said Maria Okafor, a spokeswoman for the operator.",
            "Schools in three municipalities stayed closed, and the rail company cancelled all services on the "
            "coastal line after a fallen tree blocked the track near the old quarry bridge.",
            "Residents in low-lying streets described water coming up through the drains within minutes. “It "
            "was ankle-deep in the kitchen before we had the sandbags out,” said Tom Reyes, a retired teacher.",
            "The weather service expects the wind to ease on Wednesday afternoon but warned that a second, "
            "weaker front could bring heavy rain to the same area over the weekend.",
        ),
        comments=(
            "Typical. Every winter the same lines go down and nobody ever buries the cables properly.",
            "My mother has been without power since midnight and nobody at the operator answers the phone.",
        ),
    ),
    "council": dict(
        title="Council approves new cycle lanes after heated debate",
        paragraphs=(
            "The city council voted 27 to 18 on Thursday evening to build protected cycle lanes on four of the "
            "busiest roads in the centre, ending a year of consultation that split residents and shop owners.",
            "Supporters argued that the lanes would cut traffic deaths and make the centre easier to reach for "
            "families, pointing to the twelve serious accidents involving cyclists recorded last year.",
            "“This is not a war on cars. It is about giving people a safe choice,” said councillor Priya Nair, "
            "who chaired the transport committee during the consultation.",
            "Opponents, led by the traders’ association, said the loss of 300 parking spaces would drive "
            "customers to the out-of-town shopping centre and warned of job losses on the high street.",
            "The first lane, on the river road, is due to open in the spring, with the remaining three to follow "
            "over the next two years at a total cost the council puts at 14 million.",
        ),
        comments=(
            "Another waste of money. Nobody cycles in the rain and it rains nine months a year here.",
            "Finally! I have been waiting for this since my kids started school.",
        ),
    ),
    "museum": dict(
        title="Stolen painting found in attic 30 years after museum theft",
        paragraphs=(
            "A landscape painting stolen from the town museum three decades ago has been found wrapped in a "
            "blanket in the attic of a house that was being cleared after its owner died, police said.",
            "The small oil painting, a view of the river valley by a local artist, disappeared during a break-in "
            "in which thieves also took two silver candlesticks and a collection of old coins.",
            "“When the family opened the blanket they knew at once what it was, because the picture had been on "
            "every poster in town after the theft,” said Inspector Daniel Brooks.",
            "Investigators said there was no sign that the late owner had been involved in the burglary and that "
            "the painting may have changed hands several times before reaching the attic.",
            "The museum’s director said the painting would be cleaned and returned to the gallery where it hung "
            "for forty years, and thanked the family for calling the police straight away.",
        ),
        comments=(
            "Wonderful news. I remember seeing that painting on a school trip when I was eight.",
            "Someone in that family knows more than they are saying, mark my words.",
        ),
    ),
    "bridge": dict(
        title="Engineers close old bridge after cracks found in its arches",
        paragraphs=(
            "The old stone bridge across the river was closed to all traffic after engineers found cracks in "
            "two of its five arches during a routine inspection, the county highways department said.",
            "The bridge, built in the nineteenth century, carries about 9,000 vehicles a day, and drivers now "
            "face a detour of several kilometres through the industrial estate on the north bank.",
            "“Safety comes first. We will not reopen the bridge until we are certain it can carry the load,” "
            "said the department’s chief engineer, Helen Park.",
            "Local businesses on the south bank said the closure came at the worst possible time, weeks before "
            "the summer market that draws visitors from across the region.",
            "A full survey of the structure is expected to take at least a month, after which the county will "
            "decide whether the arches can be repaired or the bridge must be rebuilt.",
        ),
        comments=("The cracks have been there for years, anyone who walks under it can see them.",),
    ),
}


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _furniture_top(site: str) -> str:
    return f"""
<a class="skip" href="#main">Skip to main content</a>
<div id="cookie-banner" class="cookie-consent" role="dialog">
  <p>We use cookies to improve your experience and to show you personalised advertising.</p>
  <button>Accept all cookies</button> <button>Manage settings</button>
</div>
<header class="site-header"><div class="logo"><a href="/">{_esc(site)}</a></div>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li>
<li><a href="/opinion">Opinion</a></li></ul></nav>
<a class="subscribe" href="/subscribe">Subscribe now</a></header>
<div class="ad-slot ad-leaderboard"><span class="ad-label">Advertisement</span>
<img src="https://ads.example.net/banner.gif" alt=""><script src="https://ads.example.net/serve.js"></script></div>
"""


def _share() -> str:
    return """<div class="share-tools"><ul class="social-share">
<li><a href="https://facebook.com/sharer">Share on Facebook</a></li><li><a href="https://x.com/intent">Share on X</a></li>
<li><a href="mailto:?subject=article">Share by email</a></li></ul></div>"""


def _furniture_bottom(comments: tuple[str, ...]) -> str:
    comment_items = "\n".join(
        f'<li class="comment"><div class="comment-author">reader{index}</div>'
        f'<div class="comment-body"><p>{_esc(text)}</p></div><a class="reply">Reply</a></li>'
        for index, text in enumerate(comments, 1))
    return f"""
<aside class="most-read"><h2>Most read</h2><ol>
<li><a href="/a1">Celebrity chef opens third restaurant in the old docks</a></li>
<li><a href="/a2">House prices rise for the sixth month in a row</a></li>
<li><a href="/a3">Quiz: how well do you know the region's history?</a></li></ol></aside>
<div class="newsletter"><h3>Sign up for our newsletter</h3><form><input type="email" placeholder="Your email">
<button>Sign up</button></form></div>
<div class="ad-slot ad-mpu"><span class="ad-label">Advertisement</span></div>
<section id="comments" class="comments"><h2>Comments ({len(comments)})</h2>
<p class="comment-policy">Comments are moderated. Please keep it civil.</p>
<ol class="comment-list">{comment_items}</ol></section>
<footer class="site-footer"><ul><li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li>
<li><a href="/contact">Contact us</a></li></ul><p>© 2024 All rights reserved.</p></footer>
<script>window.dataLayer = window.dataLayer || []; document.write('<img src="https://tracker.example.net/p.gif">');</script>
"""


def _body(story: dict, byline: str, dateline: str) -> str:
    paragraphs = "\n".join(f"<p>{_esc(text)}</p>" for text in story["paragraphs"])
    middle = len(story["paragraphs"]) // 2
    lines = paragraphs.split("\n")
    lines.insert(middle, '<div class="ad-slot ad-inline"><span class="ad-label">Advertisement</span></div>')
    return (f'<main id="main"><article class="story"><h1 class="headline">{_esc(story["title"])}</h1>'
            f'<div class="byline">{byline}</div>{dateline}{_share()}<div class="story-body">'
            + "\n".join(lines) + f"</div>{_share()}</article></main>")


def _page(head: str, body: str) -> str:
    return f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>\n'


def wire_page(story: dict, *, outlet: str, author: str, date: str, url: str, name: str = "wire") -> SavedPage:
    """A wire-service layout: metadata in JSON-LD only (publisher, author, datePublished), canonical link."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story["title"],
          "datePublished": f"{date}T08:30:00Z", "author": [{"@type": "Person", "name": author}],
          "publisher": {"@type": "Organization", "name": outlet}, "mainEntityOfPage": url}
    head = (f"<title>{_esc(story['title'])} | {_esc(outlet)}</title>"
            f'<link rel="canonical" href="{_esc(url)}">'
            f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    body = _furniture_top(outlet) + _body(story, f"By {_esc(author)}", "") + _furniture_bottom(story["comments"])
    return SavedPage(name, _page(head, body), story["paragraphs"], story["comments"], story["title"], outlet,
                     author, date, url)


def open_graph_page(story: dict, *, outlet: str, author: str, date: str, url: str, name: str = "open graph") -> SavedPage:
    """A newspaper layout: Open Graph site name, title and URL, ``<meta name=author>``, article:published_time."""
    head = (f"<title>{_esc(story['title'])} | {_esc(outlet)}</title>"
            f'<meta property="og:site_name" content="{_esc(outlet)}">'
            f'<meta property="og:title" content="{_esc(story["title"])}">'
            f'<meta property="og:type" content="article"><meta property="og:url" content="{_esc(url)}">'
            f'<meta name="author" content="{_esc(author)}">'
            f'<meta property="article:published_time" content="{date}T17:02:11+00:00">'
            f'<link rel="canonical" href="{_esc(url)}">'
            '<link rel="stylesheet" href="https://static.example.net/site.css">')
    body = _furniture_top(outlet) + _body(story, f'<a rel="author" href="/profile">{_esc(author)}</a>', "") \
        + _furniture_bottom(story["comments"])
    return SavedPage(name, _page(head, body), story["paragraphs"], story["comments"], story["title"], outlet,
                     author, date, url)


def local_page(story: dict, *, domain_outlet: str, author: str, date: str, url: str, name: str = "local paper") -> SavedPage:
    """A small paper's layout: no site name anywhere, so the outlet is the canonical URL's domain."""
    head = (f"<title>{_esc(story['title'])}</title>"
            f'<meta name="author" content="{_esc(author)}">'
            f'<meta name="date" content="{date}">'
            f'<link rel="canonical" href="{_esc(url)}">')
    body = _furniture_top("Home") + _body(story, f"By {_esc(author)}", "") + _furniture_bottom(story["comments"])
    return SavedPage(name, _page(head, body), story["paragraphs"], story["comments"], story["title"],
                     domain_outlet, author, date, url)


def undated_page(story: dict, *, outlet: str, url: str, name: str = "dates only in the body") -> SavedPage:
    """A page whose only dates are in its text: the importer must not take one of them for the page's date."""
    paragraphs = (f"On March 3, 2019, inspectors first noted small cracks; a second visit on 14 June 2021 found "
                  f"them wider. {story['paragraphs'][0]}",) + story["paragraphs"][1:]
    story = dict(story, paragraphs=paragraphs)
    head = (f"<title>{_esc(story['title'])}</title>"
            f'<meta property="og:site_name" content="{_esc(outlet)}"><link rel="canonical" href="{_esc(url)}">')
    body = _furniture_top(outlet) + _body(story, "", "") + _furniture_bottom(story["comments"])
    return SavedPage(name, _page(head, body), paragraphs, story["comments"], story["title"], outlet, "", "", url)


TEASERS = (
    "Celebrity chef opens third restaurant in the old docks, promising a menu built on local fish.",
    "House prices rise for the sixth month in a row as buyers return to the market after the summer.",
)
BIO = "Jonas Berg is the paper's crime correspondent. He has covered the courts for fifteen years."
NEWSLETTER_PROMPT = "Sign up for our newsletter to get the day's top stories delivered to your inbox every morning."


def cluttered_page(story: dict, *, outlet: str, author: str, date: str, url: str, name: str = "cluttered") -> SavedPage:
    """A content-management layout with no <article> or <main>: the story's paragraphs sit in plain divs
    between "Read more" teasers written as sentences, a newsletter prompt, picture captions and an author
    box; metadata in itemprop attributes and a <time> element."""
    paragraphs = story["paragraphs"]
    teasers = "".join(f'<div class="teaser"><a href="/t{index}"><p>{_esc(text)}</p></a></div>'
                      for index, text in enumerate(TEASERS))
    body_parts = []
    for index, paragraph in enumerate(paragraphs):
        body_parts.append(f'<p class="text">{_esc(paragraph)}</p>')
        if index == 1:
            body_parts.append('<figure><img src="https://img.example.net/museum.jpg" alt="">'
                              '<figcaption>The museum reopened its upper gallery last year. Photo: Archive</figcaption>'
                              '</figure>')
        if index == 2:
            body_parts.append(f'<div class="inline-related"><h3>Read more</h3>{teasers}</div>')
            body_parts.append(f'<div class="newsletter-inline"><p>{_esc(NEWSLETTER_PROMPT)}</p>'
                              '<button>Subscribe now</button></div>')
    head = (f"<title>{_esc(story['title'])} - {_esc(outlet)}</title>"
            f'<meta property="og:site_name" content="{_esc(outlet)}">'
            f'<meta property="og:url" content="{_esc(url)}">'
            f'<meta itemprop="datePublished" content="{date}">')
    body = (_furniture_top(outlet)
            + f'<div id="page"><div class="col-left"><div class="content" itemscope itemtype="https://schema.org/NewsArticle">'
            + f'<h1 itemprop="headline">{_esc(story["title"])}</h1>'
            + f'<div class="meta"><span itemprop="author">{_esc(author)}</span> · <time datetime="{date}">'
            + f'{date}</time></div>{_share()}' + "\n".join(body_parts)
            + f'<div class="author-box"><p>{_esc(BIO)}</p></div>{_share()}</div></div>'
            + f'<div class="col-right sidebar">{teasers}</div></div>'
            + _furniture_bottom(story["comments"]))
    return SavedPage(name, _page(head, body), paragraphs, story["comments"], story["title"], outlet, author, date,
                     url, furniture=CHROME_PHRASES + TEASERS + (BIO, NEWSLETTER_PROMPT, "Photo: Archive"))


RELATED_LINKS = ("Power cuts: what to do if your fridge defrosts", "Live: storm latest as trains cancelled")
CLUTTER = ("Read more:", "Flood defences failed in three towns", "Have you been affected by the storm?",
           "is a reporter covering energy and climate")


def inline_clutter_page(story: dict, *, outlet: str, author: str, date: str, url: str,
                        name: str = "clutter inside the article", metadata: bool = True) -> SavedPage:
    """Plain divs with no hints in class names: a "Read more:" line, a call-out, a list of related links
    and the author's bio sit among the paragraphs; two one-line paragraphs end the story."""
    paragraphs = story["paragraphs"] + ("He declined to comment.", "More updates to follow.")
    parts = []
    for index, paragraph in enumerate(paragraphs):
        parts.append(f"<p>{_esc(paragraph)}</p>")
        if index == 1:
            parts.append('<p><strong>Read more:</strong> <a href="/x">Flood defences failed in three towns, '
                         "report finds</a></p>")
        if index == 3:
            parts.append('<div class="box"><p>Have you been affected by the storm? Tell us your story by emailing '
                         "our newsroom; we would like to hear from you.</p></div>")
            parts.append("<ul>" + "".join(f'<li><a href="/r{n}">{_esc(text)}</a></li>'
                                          for n, text in enumerate(RELATED_LINKS)) + "</ul>")
    parts.append(f'<div class="box"><p>{_esc(author)} is a reporter covering energy and climate. She joined the '
                 "paper in 2015 after ten years at a regional daily.</p></div>")
    parts.append("<div><p>Topics</p><a>Storms</a> <a>Weather</a> <a>Energy</a></div>")
    head = (f"<title>{_esc(story['title'])}</title>"
            f'<meta property="og:site_name" content="{_esc(outlet)}"><meta name="author" content="{_esc(author)}">'
            f'<meta name="pubdate" content="{date.replace("-", "")}"><link rel="canonical" href="{_esc(url)}">')
    if not metadata:  # a page kept without its <head> (copied from a reader view, say): nothing to go on
        head, outlet, author, date, url = "<title>Coastal Times</title>", "", "", "", ""
    body = (_furniture_top(outlet) + f'<div class="wrap"><div class="c"><h1>{_esc(story["title"])}</h1>'
            + "".join(parts) + "</div></div>" + _furniture_bottom(story["comments"]))
    return SavedPage(name, _page(head, body), paragraphs, story["comments"], story["title"], outlet, author, date,
                     url, furniture=CHROME_PHRASES + RELATED_LINKS, clutter=CLUTTER)


def div_paragraph_page(story: dict, *, outlet: str, author: str, date: str, url: str,
                       name: str = "paragraphs in divs") -> SavedPage:
    """A wire site's React layout: every paragraph a <div data-testid="paragraph-N">, not a <p>; metadata in
    Open Graph and ``article:published_time``, the author in ``<meta name="author">``."""
    paragraphs = "".join(f'<div data-testid="paragraph-{index}" class="text__text__1FZLe article-body__paragraph">'
                         f"{_esc(text)}</div>" for index, text in enumerate(story["paragraphs"]))
    head = (f"<title>{_esc(story['title'])} | {_esc(outlet)}</title>"
            f'<meta property="og:site_name" content="{_esc(outlet)}"><meta property="og:url" content="{_esc(url)}">'
            f'<meta name="author" content="{_esc(author)}">'
            f'<meta property="article:published_time" content="{date}T06:12:00Z">')
    body = (_furniture_top(outlet) + f'<main><article><div class="article-body__container"><h1>{_esc(story["title"])}'
            f'</h1>{_share()}<div class="article-body__content">{paragraphs}</div></div></article></main>'
            + _furniture_bottom(story["comments"]))
    return SavedPage(name, _page(head, body), story["paragraphs"], story["comments"], story["title"], outlet, author,
                     date, url)


def article_pages() -> list[SavedPage]:
    """The hand-written pages, one per layout."""
    return [
        wire_page(STORIES["storm"], outlet="Reuters", author="Anna Lindqvist", date="2024-01-16",
                  url="https://www.reuters.com/world/europe/storm-leaves-40000-homes-without-power-2024-01-16/"),
        open_graph_page(STORIES["council"], outlet="The Guardian", author="Peter Walker", date="2023-09-21",
                        url="https://www.theguardian.com/uk-news/2023/sep/21/council-approves-cycle-lanes"),
        local_page(STORIES["museum"], domain_outlet="valleygazette.co.uk", author="Sarah Whitfield",
                   date="2022-11-04", url="https://www.valleygazette.co.uk/news/stolen-painting-found-attic"),
        undated_page(STORIES["bridge"], outlet="Riverside Echo", url="https://riverside-echo.example/news/bridge-closed"),
        cluttered_page(STORIES["museum"], outlet="Northern Courier", author="Jonas Berg", date="2022-11-05",
                       url="https://northern-courier.example/crime/stolen-painting-found"),
        inline_clutter_page(STORIES["storm"], outlet="Coastal Times", author="Ines Carvalho", date="2024-01-17",
                            url="https://coastal-times.example/2024/storm-day-two"),
        div_paragraph_page(STORIES["bridge"], outlet="Wire Service", author="Tomás Ortega", date="2025-06-30",
                           url="https://wire.example/world/bridge-closed-cracks-2025-06-30/"),
    ]


def bench_pages() -> list[SavedPage]:
    """The test pages, plus one without metadata where the settings differ, plus 30 generated pages."""
    bare = inline_clutter_page(STORIES["storm"], outlet="", author="", date="", url="", metadata=False,
                               name="clutter, no metadata")
    return article_pages() + [bare] + [generated_page(1000 + seed) for seed in range(30)]


def generated_page(seed: int, words: int = 800) -> SavedPage:
    """A page around a generated article of ``words`` words, in one of the layouts (by seed)."""
    from .corpus import generate_article

    article = generate_article(seed, words)
    lines = [line for line in article.text().split("\n") if line.strip()]
    story = dict(title=lines[0], paragraphs=tuple(lines[1:]), comments=(f"Comment number {seed} on this.",))
    layout = seed % 3
    url = f"https://news{seed % 7}.example/story/{seed}"
    if layout == 0:
        return wire_page(story, outlet=f"Wire {seed % 7}", author="Staff", date="2024-02-02", url=url, name="generated")
    if layout == 1:
        return open_graph_page(story, outlet=f"Paper {seed % 7}", author="Staff", date="2024-02-02", url=url,
                               name="generated")
    return local_page(story, domain_outlet=f"news{seed % 7}.example", author="Staff", date="2024-02-02", url=url,
                      name="generated")
