# Interface strings of the default theme (English). Every message here must exist in every
# language's main.ftl; `handbook build` names any that is missing.

language-name = English
# The name of each language, written in this language (used in "not yet translated into …").
lang-en = English
lang-hi = Hindi
site-title = After the No
site-tagline = A handbook for getting through job rejection: real stories, practical tips and worksheets you can print.

skip-link = Skip to content
nav-label = Main menu
nav-home = Home
language-switcher-label = Language
not-translated = not yet translated into { $language }
breadcrumb-label = You are here

section-stories = Stories
section-guidance = Guidance
section-tips = Tips
section-worksheets = Worksheets
section-stories-blurb = People who were turned down, and what they did next.
section-guidance-blurb = Longer articles on handling rejection and planning your next steps.
section-tips-blurb = Short, practical ideas you can try today.
section-worksheets-blurb = Printable worksheets to fill in by hand, at home or at a career centre.

count-stories = { $count ->
    [one] { $count } story
   *[other] { $count } stories
}
count-guidance = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
count-tips = { $count ->
    [one] { $count } tip
   *[other] { $count } tips
}
count-worksheets = { $count ->
    [one] { $count } worksheet
   *[other] { $count } worksheets
}
section-empty = Nothing here yet.

home-sections-heading = What you will find here
page-tags = Tags
published-on = Published { $date }
source-label = Based on a public report:
illustrative-note = This story is an illustrative composite: it draws on common experiences and does not describe one real person.
worksheet-name = Name
worksheet-date = Date
worksheet-print-hint = Print this worksheet (your browser's Print command, Ctrl+P) and fill it in by hand.
print-button = Print this worksheet
pdf-download = Download PDF:
print-pack-link = Print all worksheets at once
print-pack-title = Worksheets to print
print-pack-intro = Every worksheet of the handbook in one document. Print it on A4 or Letter paper and hand out the sheets one by one or as a set.
print-pack-button = Print all worksheets
print-pack-hint = To print, use your browser's Print command (Ctrl+P, or ⌘P on a Mac). Each worksheet starts on a new page.
print-pack-contents = Contents
print-pack-sheet-number = Worksheet { $number } of { $count }
print-pack-sheet-link = Open this worksheet on its own page
print-licence = Text: CC BY 4.0, free to copy, share and adapt with credit.
print-version = version of { $date }
print-qr-label = QR code of this page's address, { $url }
print-notes = Notes
print-blank = This page is intentionally left blank.
print-bilingual-link = Print it in { $language } and English together
print-pack-tag-title = Worksheets about { $tag }
print-pack-tag-link = Print the worksheets about this topic
print-pack-workshop-title = Worksheets for the workshop
print-pack-workshop-link = Print the worksheets for this workshop, in the order of the session
print-pack-made-from = Made from:
print-pack-page = page { $page }
print-sides-label = How will you print?
print-sides-two = On both sides of the paper: blank backs are added, so every worksheet starts on a front
print-sides-one = On one side of the paper only
fill-intro = You can fill in this worksheet here. Your answers are saved only in this browser on this device: nothing you type leaves your phone.
fill-erase = Erase my answers
fill-erased = Your answers were erased.

tags-title = Tags
tags-summary = Every topic in the handbook, and how many pages cover it.
tagged-pages-summary = Pages about { $tag }.
all-tags = All tags
pages-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
related-heading = Read next
home-latest-stories = Latest stories
home-tip-of-the-day = Tip of the day
feed-title = { $site }: stories and guidance
filter-label = Show tips about
filter-all = All tips
# Shown by the tag filter script; %n is replaced by the number of tips shown.
filter-shown-one = Showing %n tip
filter-shown-other = Showing %n tips

search-title = Search
search-summary = Search every story, tip and worksheet, in English or Hindi.
search-label = Search the handbook
search-placeholder = e.g. feedback, interview, naukri
search-button = Search
search-hint = You can type in English, in Hindi, or Hindi in Latin letters (naukri, asafalta).
search-needs-js = Search needs JavaScript. You can still browse by section or by tag.
search-tags-label = Narrow by tag
# Read by the search script: each plural form is written into the search page.
search-count = { $count ->
    [0] No results. Try another word or a shorter one.
    [one] { $count } result
   *[other] { $count } results
}
# Shown when there are more results than the list shows: %n is how many are shown ($shown,
# which picks the plural form), { $count } how many there are in all.
search-count-of = { $shown ->
    [one] { $shown } of { $count } results
   *[other] { $shown } of { $count } results
}
search-searching = Searching…
search-more = Show more results
# Shown under "No results": words of the handbook close to what was typed, then links.
search-suggest-words = Words in the handbook close to yours:
search-suggest-tags = Browse all topics
search-suggest-help = If it all feels too much:

choose-language = Choose your language
not-found-title = Page not found
not-found-text = This page does not exist, or it has moved. Try the home page of your language:

footer-note = Written by volunteers. Text licensed under CC BY 4.0.
footer-about = About this handbook

# Help for a reader in distress. The help line at the foot of every page reads
# "<help-line-lead> <words from handbook.yaml>: <service> <number> · <help page title>"; the
# service, its number and the words before it come from `help:` in handbook.yaml.
help-line-lead = Feeling overwhelmed?
# Said before the service's name when handbook.yaml gives it no `line` of its own.
help-line-offer = Someone can listen
# The box on pages about feelings, the home page and the 404 page (printed on worksheets).
help-box-label = Help if things feel too heavy
help-box-lead = If this is weighing on you, you do not have to carry it alone.
help-box-danger = In danger right now? Call
help-box-more = What to do now, and how to help a friend:
# Between two numbers of one service.
help-or = or
# The help page, above the page's own text.
help-page-services = Call now
help-service-hours = When
help-service-languages = Languages
help-service-website = Official website
help-service-sources = Where these numbers come from
help-service-checked = checked { $date }
# Services of another country are grouped under this heading.
help-in-country = If you are in { $country }
# Country names, for the groups above: `country-` and the code used in handbook.yaml.
country-IN = India
country-PK = Pakistan

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Finding your way, the phone and offline (issue 19)
app-short-name = Handbook
not-found-home = Go to the home page
heading-link = Link to this section
toc-title = On this page
pager-label = More in this section
pager-prev = Previous
pager-next = Next
back-to-top = Back to top
start-heading = Start here
start-rejected = Start here
start-story = Read a story
start-worksheet = Fill in a worksheet
theme-toggle = Dark mode
share-button = Share
share-copied = Link copied. Paste it into WhatsApp or a message.
share-copy-failed = Copy this link:
offline-heading = Read without internet
offline-intro = Save this handbook on your phone once, and read it later without a connection.
offline-save = Save this handbook for offline use
offline-size = It takes about { $size } on your phone.
offline-saving = Saving… { $done } of { $total } files
offline-saved = Saved: { $size }. You can now read this handbook without internet.
offline-failed = Saving stopped: the connection was lost. Try again when you are online.
offline-update = A newer version of the handbook is ready.
offline-reload = Show it
# Under every page, when handbook.yaml names the repository (partials/edit-links.html).
edit-this-page = Edit this page
report-a-problem = Report a problem
last-updated = Last updated { $date }
