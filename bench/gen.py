#!/usr/bin/env python3
"""Deterministic synthetic report for the Dossier benchmark (issue "Speed").

    python3 bench/gen.py --events N --out DIR [--hugo HUGODIR] [--seed S]

DIR receives a Dossier content tree that follows /work/shared/content-format.md:
site.yaml, N events (about 2 KB of CommonMark each, in events/<year>/), N/5 actors,
up to 249 countries (the real ISO 3166-1 alpha-2 list), N/2 sources and two pages.
Actors and countries are picked with Zipf weights, so at N=10,000 the most popular
actors take part in thousands of events, as the main figures of a real report would.

HUGODIR, if given, receives the same report as a Hugo site (see write_hugo).

Python 3 standard library only. The output depends only on the arguments: every
random choice comes from one seeded random.Random, and nothing iterates over a set.
"""

import argparse
import bisect
import datetime
import itertools
import json
import os
import random
import re
import sys
import unicodedata

# ISO 3166-1 alpha-2: all 249 officially assigned codes, with short English names
# (from Debian's iso-codes, common names where it has them, a few reworded so that
# they read as names rather than index entries: "Congo, The Democratic Republic of
# the" is written "Democratic Republic of the Congo").
ISO_3166 = """
AD Andorra|AE United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla|AL Albania
AM Armenia|AO Angola|AQ Antarctica|AR Argentina|AS American Samoa|AT Austria|AU Australia
AW Aruba|AX Åland Islands|AZ Azerbaijan|BA Bosnia and Herzegovina|BB Barbados|BD Bangladesh
BE Belgium|BF Burkina Faso|BG Bulgaria|BH Bahrain|BI Burundi|BJ Benin|BL Saint Barthélemy
BM Bermuda|BN Brunei|BO Bolivia|BQ Caribbean Netherlands|BR Brazil|BS Bahamas|BT Bhutan
BV Bouvet Island|BW Botswana|BY Belarus|BZ Belize|CA Canada|CC Cocos Islands
CD Democratic Republic of the Congo|CF Central African Republic|CG Congo|CH Switzerland
CI Côte d'Ivoire|CK Cook Islands|CL Chile|CM Cameroon|CN China|CO Colombia|CR Costa Rica|CU Cuba
CV Cabo Verde|CW Curaçao|CX Christmas Island|CY Cyprus|CZ Czechia|DE Germany|DJ Djibouti
DK Denmark|DM Dominica|DO Dominican Republic|DZ Algeria|EC Ecuador|EE Estonia|EG Egypt
EH Western Sahara|ER Eritrea|ES Spain|ET Ethiopia|FI Finland|FJ Fiji|FK Falkland Islands
FM Micronesia|FO Faroe Islands|FR France|GA Gabon|GB United Kingdom|GD Grenada|GE Georgia
GF French Guiana|GG Guernsey|GH Ghana|GI Gibraltar|GL Greenland|GM Gambia|GN Guinea|GP Guadeloupe
GQ Equatorial Guinea|GR Greece|GS South Georgia and the South Sandwich Islands|GT Guatemala
GU Guam|GW Guinea-Bissau|GY Guyana|HK Hong Kong|HM Heard Island and McDonald Islands|HN Honduras
HR Croatia|HT Haiti|HU Hungary|ID Indonesia|IE Ireland|IL Israel|IM Isle of Man|IN India
IO British Indian Ocean Territory|IQ Iraq|IR Iran|IS Iceland|IT Italy|JE Jersey|JM Jamaica
JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|KH Cambodia|KI Kiribati|KM Comoros
KN Saint Kitts and Nevis|KP North Korea|KR South Korea|KW Kuwait|KY Cayman Islands|KZ Kazakhstan
LA Laos|LB Lebanon|LC Saint Lucia|LI Liechtenstein|LK Sri Lanka|LR Liberia|LS Lesotho
LT Lithuania|LU Luxembourg|LV Latvia|LY Libya|MA Morocco|MC Monaco|MD Moldova|ME Montenegro
MF Saint Martin|MG Madagascar|MH Marshall Islands|MK North Macedonia|ML Mali|MM Myanmar
MN Mongolia|MO Macao|MP Northern Mariana Islands|MQ Martinique|MR Mauritania|MS Montserrat
MT Malta|MU Mauritius|MV Maldives|MW Malawi|MX Mexico|MY Malaysia|MZ Mozambique|NA Namibia
NC New Caledonia|NE Niger|NF Norfolk Island|NG Nigeria|NI Nicaragua|NL Netherlands|NO Norway
NP Nepal|NR Nauru|NU Niue|NZ New Zealand|OM Oman|PA Panama|PE Peru|PF French Polynesia
PG Papua New Guinea|PH Philippines|PK Pakistan|PL Poland|PM Saint Pierre and Miquelon|PN Pitcairn
PR Puerto Rico|PS Palestine|PT Portugal|PW Palau|PY Paraguay|QA Qatar|RE Réunion|RO Romania
RS Serbia|RU Russia|RW Rwanda|SA Saudi Arabia|SB Solomon Islands|SC Seychelles|SD Sudan
SE Sweden|SG Singapore|SH Saint Helena|SI Slovenia|SJ Svalbard and Jan Mayen|SK Slovakia
SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname|SS South Sudan
ST Sao Tome and Principe|SV El Salvador|SX Sint Maarten|SY Syria|SZ Eswatini
TC Turks and Caicos Islands|TD Chad|TF French Southern Territories|TG Togo|TH Thailand
TJ Tajikistan|TK Tokelau|TL Timor-Leste|TM Turkmenistan|TN Tunisia|TO Tonga|TR Türkiye
TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|UA Ukraine|UG Uganda
UM United States Minor Outlying Islands|US United States|UY Uruguay|UZ Uzbekistan|VA Vatican City
VC Saint Vincent and the Grenadines|VE Venezuela|VG British Virgin Islands|VI U.S. Virgin Islands
VN Vietnam|VU Vanuatu|WF Wallis and Futuna|WS Samoa|YE Yemen|YT Mayotte|ZA South Africa|ZM Zambia
ZW Zimbabwe
"""
COUNTRIES = [tuple(item.split(" ", 1)) for item in ISO_3166.replace("\n", "|").split("|") if item]
assert len(COUNTRIES) == 249

# `region` is optional in the format; only these countries get one, so both cases occur.
REGIONS = {
    "Europe": "AT BE BG CH CZ DE DK EE ES FI FR GB GR HR HU IE IT LT LU LV MD MT NL NO PL PT RO RS SE SI SK UA",
    "Middle East": "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    "Africa": "DZ EG ET GH KE MA NG RW SN TN TZ UG ZA ZM ZW",
    "Asia": "BD CN HK ID IN JP KH KR KZ MY PH PK SG TH TW UZ VN",
    "Americas": "AR BO BR CA CL CO EC GT HN MX NI PA PE SV US UY VE",
}
REGION_OF = {code: region for region, codes in REGIONS.items() for code in codes.split()}

PUBLISHERS = [  # (name, domain); about forty outlets and organisations
    ("The Daily Ledger", "dailyledger.example"), ("Morning Courier", "courier.example"),
    ("Northern Herald", "northernherald.example"), ("The Evening Standard Post", "esp.example"),
    ("Global Wire", "globalwire.example"), ("Continental Press Agency", "cpa.example"),
    ("The Capital Observer", "observer.example"), ("Harbour Times", "harbourtimes.example"),
    ("Metro Tribune", "tribune.example"), ("The Investigator", "investigator.example"),
    ("Open Record", "openrecord.example"), ("Civic Monitor", "civicmonitor.example"),
    ("Digital Rights Watch", "drw.example"), ("Citizen Forensics Lab", "cflab.example"),
    ("Privacy Frontier", "privacyfrontier.example"), ("Free Press Collective", "fpc.example"),
    ("Centre for Democratic Security", "cds.example"), ("Amber Institute", "amber.example"),
    ("Lighthouse Reports Desk", "lighthouse.example"), ("Signal & Noise", "signalnoise.example"),
    ("The Public Interest", "publicinterest.example"), ("Parliamentary Record", "record.example"),
    ("Ministry Press Office", "pressoffice.example"), ("Court Records Service", "courts.example"),
    ("Securities Filings Registry", "filings.example"), ("Export Control Bulletin", "ecb.example"),
    ("Weekly Dispatch", "dispatch.example"), ("The Frontier Gazette", "gazette.example"),
    ("Radio Meridian", "meridian.example"), ("Atlas Broadcasting", "atlas.example"),
    ("Le Quotidien Libre", "quotidien.example"), ("El Diario Abierto", "diario.example"),
    ("Die Neue Rundschau", "rundschau.example"), ("Tech Accountability Project", "tap.example"),
    ("Human Rights Desk", "hrdesk.example"), ("Data Journalism Unit", "dju.example"),
    ("Security Research Quarterly", "srq.example"), ("The Policy Review", "policyreview.example"),
    ("Open Contracts Initiative", "opencontracts.example"), ("Standards & Trade Monitor", "stm.example"),
]

FIRST_NAMES = """Amir Ana Anders Aylin Beatriz Carlos Chen Daniel Dina Elena Emeka Fatima Francesca
Gabriel Hana Ibrahim Ines Ivan Jana Javier Jin Karim Kofi Laila Lars Leah Lucia Malik Marco Maria
Mateo Mei Miriam Nadia Naveen Nora Omar Oren Paulo Priya Rafael Rania Ruth Samuel Sara Shira Sofia
Tariq Tomas Uri Valentina Victor Wanjiru Yael Yusuf Zainab Zeynep Adrien Bogdan Camille""".split()
LAST_NAMES = """Abadi Alvarez Andersen Baptiste Barak Bauer Becker Ben-David Castillo Chowdhury Cohen
Costa Dahl Diallo Dimitrov Dubois Eriksen Farouk Fischer Garcia Goldberg Haddad Hansen Hoffmann Ivanova
Jensen Kaplan Kariuki Katz Khalil Kowalski Laurent Levi Lindqvist Lopez Mansour Marin Mendes Mizrahi
Moreau Nakamura Navarro Novak Okafor Olsen Ortiz Park Peretz Petrov Rahman Reyes Rossi Sato Schmidt
Shapiro Silva Sokolov Tanaka Torres Van Dijk Vargas Weiss Yilmaz Zhou Zimmermann Achterberg Brennan""".split()
COMPANY_A = """Blue Silver Quantum Iron Clear North Black Red Bright Deep Prime Cipher Vector Polar
Falcon Summit Nova Atlas Delta Orion""".split()
COMPANY_B = """Harbor Signal Shield Gate Wave Stone Bridge Peak Line Path Forge Grid Lens Core Ridge
Field Tower Root Arc Spark""".split()
COMPANY_C = """Technologies Systems Labs Group Solutions Intelligence Networks Security Analytics Holdings""".split()
AGENCIES = ["Ministry of the Interior", "Ministry of Defence", "National Intelligence Service",
            "Cyber Security Directorate", "Police Special Branch", "Export Control Office",
            "Data Protection Authority", "State Security Bureau", "Office of the Prosecutor",
            "Signals Intelligence Agency"]
ORGS = ["{w} Watch", "Centre for {t}", "{t} Foundation", "{w} Rights Lab", "Coalition for {t}",
        "{w} Legal Defence Fund", "Institute for {t}"]
ORG_WORDS = "Civic Digital Open Free Public Citizen Independent Global Frontline Common".split()
ORG_TOPICS = ["Digital Freedom", "Press Safety", "Privacy Law", "Human Rights Research",
              "Transparent Trade", "Accountable Technology", "Investigative Reporting", "Due Process"]
CITIES = "Lisbon Nairobi Haifa Lyon Bogota Manila Tbilisi Oslo Accra Lima Porto Gdansk Cork Rabat Quito".split()
PAPERS = "Courier Post Chronicle Herald Ledger Review Sentinel Gazette Journal Times".split()
GROUP_A = "Silver Crimson Shadow Jade Ivory Amber Cobalt Scarlet Obsidian Azure Golden Grey".split()
GROUP_B = "Tiger Falcon Kitten Spider Lynx Viper Heron Mantis Jackal Hydra Raven Wolf".split()

THINGS = ["surveillance", "spyware", "interception", "data-retention", "facial-recognition",
          "phone-hacking", "border-monitoring", "lawful-access", "location-tracking", "cloud-hosting"]
TITLE_PATTERNS = [
    "{A} signs {t} contract with {B}",
    "{A} accused of targeting journalists in {C}",
    "Leaked documents link {A} to {t} programme in {C}",
    "Court in {C} hears case against {A}",
    "{A} denies role in {t} campaign",
    "Researchers find {t} tools on phones of activists in {C}",
    "{A} placed on export blacklist",
    "Lawmakers in {C} question {A} deal",
    "{A} and {B} announce {t} partnership",
    "Regulator in {C} opens inquiry into {A}",
    "{A} executive steps down amid {t} scandal",
    "Whistleblower describes {t} work for {B}",
]
SUBJECTS = ["Investigators", "Researchers at a university laboratory", "Two former employees",
            "A parliamentary committee", "Lawyers for the victims", "Forensic analysts",
            "Company filings", "Internal emails", "Officials speaking on condition of anonymity",
            "Court documents", "An independent audit", "Several trade delegations"]
VERBS = ["examined", "questioned", "documented", "disputed", "described", "traced", "confirmed",
         "challenged", "summarised", "revisited"]
OBJECTS = ["the export licences", "the contract's payment schedule", "logs recovered from the phones",
           "the chain of intermediaries", "the procurement records", "the timeline of the deployment",
           "the servers used in the operation", "the terms of the licence", "the list of targets",
           "the company's public statements", "the minutes of the board meetings"]
TAILS = ["over several months", "in documents seen by reporters", "before the hearing",
         "with the help of outside experts", "despite repeated denials", "in unusual detail",
         "for the first time", "according to two people briefed on the matter", ""]
ADVERBS = ["notably", "crucially", "repeatedly", "quietly", "openly", "reportedly"]
LINK_SENTENCES = {
    "actor": ["{L} declined to comment on the allegations when contacted.",
              "According to people familiar with the matter, {L} had been involved from the early stages.",
              "{L} said in a statement that it had acted within the law at all times.",
              "Documents reviewed for this report show payments routed through {L}.",
              "A spokesperson for {L} described the reporting as *misleading*."],
    "country": ["Officials in {L} did not respond to repeated requests for comment.",
                "The case drew wide attention in {L}, where similar tools had been used before.",
                "Authorities in {L} opened a preliminary review the following week.",
                "Export records from {L} list the equipment under a generic heading."],
    "source": ["The details were first described in {L}.",
               "As {L} noted at the time, several of the dates remain uncertain.",
               "Much of the timeline rests on {L}."],
    "event": ["The episode followed {L}, which had raised similar questions.",
              "Observers compared the case to {L}.",
              "It came months after {L}."],
}
KIND_DIR = {"actor": "actors", "country": "countries", "event": "events", "source": "sources", "page": "pages"}


class Zipf:
    """Picks items with weight 1/rank**s: the first items are very popular, the tail is long."""

    def __init__(self, items, s=1.0):
        self.items = items
        self.cum = list(itertools.accumulate(1.0 / rank**s for rank in range(1, len(items) + 1)))

    def one(self, rng):
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]

    def some(self, rng, k):
        """k distinct items (fewer if there are not enough)."""
        k = min(k, len(self.items))
        picked = []
        while len(picked) < k:
            item = self.one(rng)
            if item not in picked:
                picked.append(item)
        return picked


def slugify(text, limit=70):
    """Lower-case a-z0-9 and '-', accents folded ("Côte d'Ivoire" -> "cote-d-ivoire")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug


def unique(slug, taken):
    """slug, or slug-2, slug-3... if it is taken; records the result in `taken`."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate


def by_slug(records):
    return {r["slug"]: r for r in records}


def link(kind, record):
    label = record.get("name") or record["title"]
    return f"[{label}]({kind}:{record['slug']})"


def random_date(rng, lo=2008, hi=2024):
    """A date between lo and hi, weighted towards recent years (day 1 to 28: always valid)."""
    year = hi - min(int(rng.expovariate(0.25)), hi - lo)
    return datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))


def written(date, precision):
    return {"day": date.isoformat(), "month": date.isoformat()[:7], "year": str(date.year)}[precision]


def precision_of(rng):
    # Mostly full dates, some months, a few bare years (content-format: "the precision written").
    return rng.choices(["day", "month", "year"], weights=[80, 15, 5])[0]


def emphasise(rng, sentence):
    """Sometimes puts one longer word of the sentence in *emphasis* or **strong**."""
    words = sentence.split(" ")
    candidates = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 6]
    if candidates and rng.random() < 0.3:
        i = rng.choice(candidates)
        mark = rng.choice(["*", "*", "**"])
        words[i] = f"{mark}{words[i]}{mark}"
    return " ".join(words)


def filler(rng):
    """One plain sentence about the investigation, from combinable parts."""
    tail = rng.choice(TAILS)
    adverb = rng.choice(ADVERBS) + " " if rng.random() < 0.2 else ""
    text = f"{rng.choice(SUBJECTS)} {adverb}{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return emphasise(rng, text + (f" {tail}." if tail else "."))


def paragraph(rng, sentences, n):
    return " ".join(sentences + [filler(rng) for _ in range(n)])


# ---------------------------------------------------------------------------------------------
# The report: records as plain dicts, bodies as CommonMark with `kind:slug` links.


def make_countries(rng, n_events):
    # All 249 from N=1,000 up; fewer for tiny runs so that most countries are used.
    count = min(len(COUNTRIES), max(10, n_events // 4))
    chosen = sorted(rng.sample(COUNTRIES, count))
    countries = []
    for code, name in chosen:
        record = {"slug": slugify(name), "name": name, "code": code}
        if code in REGION_OF:
            record["region"] = REGION_OF[code]
        if rng.random() < 0.7:
            record["summary"] = f"{name} appears in this report as a buyer, seller or target."
        countries.append(record)
    for record in countries:
        record["body"] = paragraph(rng, [], rng.randint(2, 4)) + "\n"
    return countries


def actor_name(rng, kind, countries):
    if kind == "person":
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    if kind == "company":
        return f"{rng.choice(COMPANY_A)}{rng.choice(COMPANY_B).lower()} {rng.choice(COMPANY_C)}"
    if kind == "government":
        return f"Government of {rng.choice(countries)['name']}"
    if kind == "agency":
        return f"{rng.choice(AGENCIES)} of {rng.choice(countries)['name']}"
    if kind == "organization":
        return rng.choice(ORGS).format(w=rng.choice(ORG_WORDS), t=rng.choice(ORG_TOPICS))
    if kind == "media":
        return f"The {rng.choice(CITIES)} {rng.choice(PAPERS)}"
    return f"{rng.choice(GROUP_A)} {rng.choice(GROUP_B)}"


def make_actors(rng, n_events, countries, country_pick):
    kinds = ["person", "company", "government", "agency", "organization", "media", "group"]
    weights = [40, 20, 8, 10, 10, 8, 4]
    actors, names, slugs = [], set(), set()
    for _ in range(max(5, n_events // 5)):
        kind = rng.choices(kinds, weights)[0]
        name = actor_name(rng, kind, countries)
        for attempt in range(40):  # names repeat in the small pools: retry, then add a place
            if name not in names:
                break
            name = actor_name(rng, kind, countries)
            if attempt >= 20:
                name += f", {rng.choice(CITIES)}"
        else:
            name = f"{name} {len(actors)}"
        names.add(name)
        actors.append({"slug": unique(slugify(name), slugs), "name": name, "kind": kind})
    # Second pass: relations can point to any actor, now that all slugs exist.
    organisations = [a for a in actors if a["kind"] != "person"]
    for actor in actors:
        if rng.random() < 0.6:
            actor["countries"] = [c["slug"] for c in country_pick.some(rng, rng.randint(1, 2))]
        if actor["kind"] in ("person", "agency") and organisations and rng.random() < 0.5:
            employer = rng.choice(organisations)
            if employer is not actor:
                actor["affiliations"] = [employer["slug"]]
                if actor["kind"] == "person":
                    actor["role"] = rng.choice(["Chief executive", "Former analyst", "Spokesperson",
                                                "Founder", "Legal counsel"]) + " of " + employer["name"]
        if rng.random() < 0.2:
            initials = "".join(w[0] for w in actor["name"].split() if w[0].isupper())
            actor["aliases"] = [initials] if rng.random() < 0.5 else [initials, actor["name"].upper()]
        if rng.random() < 0.8:
            article = "an" if actor["kind"][0] in "aeiou" else "a"
            actor["summary"] = f"{actor['name']} is {article} {actor['kind']} that recurs in the report."
    country_by, actor_by = by_slug(countries), by_slug(actors)
    for actor in actors:
        sentences = []
        for slug in actor.get("countries", [])[:1]:
            sentences.append(f"Based mainly in {link('country', country_by[slug])}.")
        if "affiliations" in actor:
            other = actor_by[actor["affiliations"][0]]
            sentences.append(f"It is tied to {link('actor', other)}.")
        actor["body"] = paragraph(rng, sentences, rng.randint(3, 5)) + "\n\n" + paragraph(rng, [], 3) + "\n"
    return actors


def make_sources(rng, n_events, actors):
    sources, slugs = [], set()
    for i in range(max(2, n_events // 2)):
        publisher, domain = rng.choice(PUBLISHERS)
        date = random_date(rng)
        topic = rng.choice(THINGS)
        title = rng.choice([
            f"Inside the {topic} trade: {rng.choice(actors)['name']} under scrutiny",
            f"How {rng.choice(actors)['name']} built its {topic} business",
            f"Annual report on {topic} exports, {date.year}",
            f"Statement on recent {topic} allegations",
            f"{rng.choice(actors)['name']} responds to questions about {topic}",
        ])
        slug = unique(slugify(title, 60), slugs)
        record = {"slug": slug, "title": title, "publisher": publisher, "date": written(date, precision_of(rng))}
        kind = rng.choices(["article", "report", "statement", "dataset", "filing", "other", None],
                           weights=[45, 15, 10, 5, 5, 5, 15])[0]
        if kind:  # absent means the default, `article`
            record["kind"] = kind
        record["url"] = f"https://{domain}/{date.year}/{slug}"
        if rng.random() < 0.3:
            record["archive_url"] = f"https://archive.example/{date.strftime('%Y%m%d')}/{record['url']}"
        if rng.random() < 0.4:
            record["accessed"] = (date + datetime.timedelta(days=rng.randint(1, 400))).isoformat()
        if rng.random() < 0.1:
            record["language"] = rng.choice(["fr", "es", "de", "he", "ar", "pt-BR"])
        if rng.random() < 0.5:
            record["authors"] = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                                 for _ in range(rng.randint(1, 3))]
        record["body"] = paragraph(rng, [], rng.randint(1, 3)) + "\n" if rng.random() < 0.7 else ""
        sources.append(record)
    return sources


def make_events(rng, n_events, actors, countries, sources, actor_pick, country_pick):
    events, slugs = [], set()
    for i in range(n_events):  # first pass: everything but the body, so bodies can link any event
        involved = actor_pick.some(rng, rng.randint(2, 4))
        where = country_pick.some(rng, rng.randint(1, 3))
        title = rng.choice(TITLE_PATTERNS).format(
            A=involved[0]["name"], B=involved[1]["name"], C=where[0]["name"], t=rng.choice(THINGS))
        date = random_date(rng)
        precision = precision_of(rng)
        record = {"slug": unique(slugify(title), slugs), "title": title, "year": date.year,
                  "date": written(date, precision),
                  "actors": [a["slug"] for a in involved], "countries": [c["slug"] for c in where],
                  "sources": [s["slug"] for s in rng.sample(sources, rng.randint(1, 2))]}
        if precision == "day" and rng.random() < 0.05:
            record["end_date"] = (date + datetime.timedelta(days=rng.randint(1, 90))).isoformat()
        status = rng.choices(["confirmed", "reported", "alleged", "disputed", "denied", None],
                             weights=[25, 35, 20, 8, 4, 8])[0]
        if status:  # absent means the default, `reported`
            record["status"] = status
        if rng.random() < 0.8:
            record["summary"] = f"{involved[0]['name']} is linked to a {rng.choice(THINGS)} case in {where[0]['name']}."
        if rng.random() < 0.03:
            later = date + datetime.timedelta(days=rng.randint(30, 700))
            record["updates"] = [{"date": later.isoformat(), "note": "Corrected the name of the second company."}]
        events.append(record)
    index = {"actor": by_slug(actors), "country": by_slug(countries), "source": by_slug(sources)}
    for record in events:
        record["body"] = event_body(rng, record, index, events)
    return events


def event_body(rng, event, index, events):
    """About 2 KB: lead, one or two headings, a list, 3 to 6 `kind:slug` links."""
    targets = [(kind, index[kind][slug]) for kind, field in [("actor", "actors"), ("country", "countries"),
                                                             ("source", "sources")] for slug in event[field]]
    rng.shuffle(targets)
    if rng.random() < 0.4:
        other = rng.choice(events)
        if other is not event:
            targets.insert(rng.randint(0, len(targets)), ("event", other))
    linked = [rng.choice(LINK_SENTENCES[kind]).format(L=link(kind, rec))
              for kind, rec in targets[: rng.randint(3, 6)]]
    lead, middle, late = linked[:1], linked[1:3], linked[3:]
    parts = [paragraph(rng, lead, rng.randint(2, 3)),
             "## What happened",
             paragraph(rng, middle, rng.randint(3, 4)),
             "\n".join(f"- {filler(rng)}" for _ in range(rng.randint(3, 5)))]
    if rng.random() < 0.5:
        parts.append("## Reactions")
    parts.append(paragraph(rng, late, 2))
    body = "\n\n".join(parts)
    while len(body) < 1900:  # top up to the target size with plain paragraphs
        body += "\n\n" + paragraph(rng, [], 3)
    return body + "\n"


def make_pages(rng, actors, events):
    about = ["This report is synthetic: it was generated for benchmarking and describes no real case.",
             f"Its most cited actor is {link('actor', actors[0])}, and a typical entry is {link('event', events[0])}."]
    return [
        {"slug": "about", "title": "About this report", "summary": "What this report covers.",
         "body": "\n\n".join([paragraph(rng, about, 3), "## Method", paragraph(rng, [], 4)]) + "\n"},
        {"slug": "methodology", "title": "Methodology",
         "body": "\n\n".join([paragraph(rng, [], 4), "- " + filler(rng), paragraph(rng, [], 3)]) + "\n"},
    ]


# ---------------------------------------------------------------------------------------------
# Writing the Dossier tree.

SAFE_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,'()/&-]*|\d{4}(-\d\d){0,2}")


def yaml_scalar(value, flow=False):
    """Plain when unambiguous (as an author would write it), else a JSON string, which is valid
    YAML. Dossier reads front matter with the core schema's strings, so `code: NO` stays "NO".
    Inside a flow list `[a, b]` a comma would split the item, so such items are quoted."""
    if SAFE_PLAIN.fullmatch(value) and not value.endswith((" ", ":")) and not (flow and "," in value):
        return value
    return json.dumps(value, ensure_ascii=False)


def yaml_front_matter(fields):
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            for item in value:
                first = True
                for k, v in item.items():
                    lines.append(f"  {'- ' if first else '  '}{k}: {yaml_scalar(v)}")
                    first = False
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(yaml_scalar(v, flow=True) for v in value)}]")
        else:
            lines.append(f"{key}: {yaml_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


FIELDS = {  # written in this order; exactly the fields content-format.md allows per kind
    "actor": ["name", "kind", "role", "countries", "affiliations", "aliases", "summary"],
    "country": ["name", "code", "region", "summary"],
    "event": ["title", "date", "end_date", "actors", "countries", "sources", "status", "summary", "updates"],
    "source": ["title", "publisher", "date", "kind", "url", "archive_url", "accessed", "language", "authors"],
    "page": ["title", "summary"],
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_dossier(out, n_events, report):
    write(os.path.join(out, "site.yaml"), yaml_front_matter({
        "title": f"Synthetic report ({n_events} events)",
        "description": "A generated report used to measure how fast Dossier builds a large site.",
        "language": "en",
        "base_url": "https://example.org/report/",
        "author": "Dossier benchmark",
    }).removeprefix("---\n").removesuffix("---\n"))
    for kind, records in report.items():
        for r in records:
            folder = os.path.join(out, KIND_DIR[kind], str(r["year"])) if kind == "event" else os.path.join(out, KIND_DIR[kind])
            fields = {k: r[k] for k in FIELDS[kind] if k in r}
            write(os.path.join(folder, r["slug"] + ".md"), yaml_front_matter(fields) + r["body"])


# ---------------------------------------------------------------------------------------------
# The equivalent Hugo site.
#
# Mapping: events are regular pages in section `events`; actors and countries are Hugo
# taxonomies (events carry `actors = [...]`, `countries = [...]`), and each term has a content
# file `content/<taxonomy>/<slug>/_index.md` carrying the actor's or country's text, so a term
# page shows the same as Dossier's actor page: text, fields and the list of its events. Sources
# are a plain section; a source page lists the events citing it through Hugo's "related
# content" index on the `sources` parameter (the source page carries its own slug in
# `sources`), which is how Hugo answers a reverse lookup without scanning every page.
# Body links `(actor:slug)` become `(/actors/slug/)`; `relativeURLs = true` makes Hugo write
# them relative, as Dossier does (its pages work from file://).
#
# Output formats: Hugo's defaults except feeds. Dossier writes one feed and one sitemap, so
# the Hugo site keeps the sitemap and the home page's RSS feed but not its default feed for
# every section, taxonomy and term (at N=1,000 those 455 extra feeds cost about 15% more CPU,
# and each term's feed lists all its events, which Dossier never does). robots.txt is off by
# default in Hugo. With this, Hugo's own "Pages" count is the HTML pages plus the one feed.
# Front-matter names that Hugo reserves (`aliases`, `url`, `kind`, `summary`...) are renamed
# (`othernames`, `link`, `actorkind`, `description`).

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.description }}{{ end }}">
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header><a class="home" href="/">{{ site.Title }}</a>
<nav><a href="/events/">Events</a> <a href="/actors/">Actors</a> <a href="/countries/">Countries</a> <a href="/sources/">Sources</a> <a href="/pages/about/">About</a></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ site.Params.author }}</footer>
</body>
</html>
""",
    # Free pages (pages/about).
    "_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
</article>{{ end }}
""",
    # Terms are looked up by slug with site.GetPage rather than with .GetTerms: in Hugo 0.111
    # .GetTerms walks the whole taxonomy for every page, which at N=10,000 (2,000 actors) more
    # than doubled Hugo's CPU time (58 s against 25 s). The benchmark compares against the
    # faster way of writing the same page.
    "events/single.html": """{{ define "main" }}<article class="event">
<h1>{{ .Title }}</h1>
<p class="meta"><time>{{ .Params.datetext }}</time>{{ with .Params.enddatetext }} – <time>{{ . }}</time>{{ end }} · {{ .Params.status | default "reported" }}</p>
{{ with .Description }}<p class="summary">{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .Params.updates }}<h2 id="updates">Updates</h2><ul>{{ range . }}<li><time>{{ .date }}</time> {{ .note }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.actors }}<h2 id="actors">Actors</h2><ul>{{ range . }}{{ with site.GetPage (printf "/actors/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> <small>{{ .Params.actorkind }}</small></li>{{ end }}{{ end }}</ul>{{ end }}
{{ with .Params.countries }}<h2 id="countries">Countries</h2><ul>{{ range . }}{{ with site.GetPage (printf "/countries/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
<h2 id="sources">Sources</h2><ul>{{ range .Params.sources }}{{ with site.GetPage (printf "/sources/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>, {{ .Params.publisher }}{{ with .Params.datetext }}, {{ . }}{{ end }}</li>{{ end }}{{ end }}</ul>
</article>{{ end }}
""",
    "sources/single.html": """{{ define "main" }}<article class="source">
<h1>{{ .Title }}</h1>
<p class="meta">{{ .Params.publisher }}{{ with .Params.datetext }} · <time>{{ . }}</time>{{ end }} · {{ .Params.sourcekind | default "article" }}{{ with .Params.byline }} · {{ delimit . ", " }}{{ end }}</p>
{{ with .Params.link }}<p><a href="{{ . }}">Original</a>{{ with $.Params.archivelink }} · <a href="{{ . }}">Archived copy</a>{{ end }}</p>{{ end }}
{{ .Content }}
{{ with site.RegularPages.Related . }}<h2 id="events">Cited by</h2><ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Params.datetext }}</time></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
""",
    # Home and sections (events, sources, pages).
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.datetext }} <time>{{ . }}</time>{{ end }}</li>{{ end }}</ul>
{{ end }}
""",
    # The list of all actors, of all countries.
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages.ByTitle }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>
{{ end }}
""",
    # One actor or country: its fields, text, related actors/countries and its events.
    "_default/term.html": """{{ define "main" }}<article class="term">
<h1>{{ .Title }}</h1>
<p class="meta">{{ with .Params.actorkind }}{{ . }}{{ end }}{{ with .Params.code }}{{ . }}{{ end }}{{ with .Params.region }} · {{ . }}{{ end }}{{ with .Params.role }} · {{ . }}{{ end }}</p>
{{ with .Params.othernames }}<p>Also known as {{ delimit . ", " }}</p>{{ end }}
{{ .Content }}
{{ with .Params.homecountries }}<h2 id="countries">Countries</h2><ul>{{ range . }}{{ with site.GetPage (printf "/countries/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
{{ with .Params.affiliations }}<h2 id="affiliations">Affiliations</h2><ul>{{ range . }}{{ with site.GetPage (printf "/actors/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}
<h2 id="events">Events</h2><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Params.datetext }}</time></li>{{ end }}</ul>
</article>{{ end }}
""",
}

HUGO_CONFIG = """# Generated by bench/gen.py: the Hugo equivalent of the Dossier benchmark report.
# At the root, so that the "/actors/x/" links written in bodies match RelPermalink.
baseURL = "https://example.org/"
languageCode = "en"
title = {title}
relativeURLs = true

[params]
description = "A generated report used to measure how fast Dossier builds a large site."
author = "Dossier benchmark"

[taxonomies]
actor = "actors"
country = "countries"

# A source page lists the events that cite it: "related content" indexed on `sources`.
[related]
includeNewer = true
threshold = 1
toLower = false
[[related.indices]]
name = "sources"
weight = 100

# One feed (home) and the sitemap, as Dossier: no feed per section, taxonomy or term.
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]
"""

STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:auto;padding:1rem}\n"


def toml_value(value):
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "[" + ", ".join("{ " + ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}"
                                                      for k, v in item.items()) + " }" for item in value) + "]"
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def toml_front_matter(fields):
    return "+++\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in fields.items() if v is not None) + "+++\n"


HUGO_LINK = re.compile(r"\]\((actor|country|event|source|page):([a-z0-9-]+)(#[^)\s]*)?\)")


def hugo_body(body):
    return HUGO_LINK.sub(lambda m: f"](/{KIND_DIR[m.group(1)]}/{m.group(2)}/{m.group(3) or ''})", body)


def full_date(text):
    """Hugo wants a full date; `2019` and `2019-04` are padded (the text shown stays as written)."""
    return (text + "-01-01")[:10] if len(text) == 4 else (text + "-01")[:10]


def write_hugo(out, n_events, report):
    write(os.path.join(out, "config.toml"), HUGO_CONFIG.format(title=json.dumps(f"Synthetic report ({n_events} events)")))
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(out, "layouts", name), text)
    write(os.path.join(out, "static", "style.css"), STYLE)
    content = os.path.join(out, "content")
    write(os.path.join(content, "_index.md"), toml_front_matter({"title": "Home"}) + "A synthetic report.\n")
    for section, title in [("events", "Events"), ("sources", "Sources"), ("pages", "Pages"),
                           ("actors", "Actors"), ("countries", "Countries")]:
        write(os.path.join(content, section, "_index.md"), toml_front_matter({"title": title}))
    for e in report["event"]:
        fields = {"title": e["title"], "date": full_date(e["date"]), "datetext": e["date"],
                  "enddatetext": e.get("end_date"), "status": e.get("status"),
                  "description": e.get("summary"), "actors": e["actors"], "countries": e["countries"],
                  "sources": e["sources"], "updates": e.get("updates")}
        write(os.path.join(content, "events", e["slug"] + ".md"), toml_front_matter(fields) + hugo_body(e["body"]))
    for a in report["actor"]:
        fields = {"title": a["name"], "actorkind": a["kind"], "role": a.get("role"),
                  "homecountries": a.get("countries"), "affiliations": a.get("affiliations"),
                  "othernames": a.get("aliases"), "description": a.get("summary")}
        write(os.path.join(content, "actors", a["slug"], "_index.md"), toml_front_matter(fields) + hugo_body(a["body"]))
    for c in report["country"]:
        fields = {"title": c["name"], "code": c["code"], "region": c.get("region"), "description": c.get("summary")}
        write(os.path.join(content, "countries", c["slug"], "_index.md"), toml_front_matter(fields) + hugo_body(c["body"]))
    for s in report["source"]:
        fields = {"title": s["title"], "date": full_date(s["date"]), "datetext": s["date"],
                  "publisher": s["publisher"], "sourcekind": s.get("kind"), "link": s.get("url"),
                  "archivelink": s.get("archive_url"), "sourcelang": s.get("language"),
                  "byline": s.get("authors"), "sources": [s["slug"]]}
        write(os.path.join(content, "sources", s["slug"] + ".md"), toml_front_matter(fields) + hugo_body(s["body"]))
    for p in report["page"]:
        fields = {"title": p["title"], "description": p.get("summary")}
        write(os.path.join(content, "pages", p["slug"] + ".md"), toml_front_matter(fields) + hugo_body(p["body"]))


# ---------------------------------------------------------------------------------------------


def generate(n_events, seed):
    rng = random.Random(seed)
    countries = make_countries(rng, n_events)
    # Popularity order is a shuffle of the list, so the most used are not the alphabetically first.
    country_pick = Zipf(rng.sample(countries, len(countries)))
    actors = make_actors(rng, n_events, countries, country_pick)
    actor_pick = Zipf(rng.sample(actors, len(actors)))
    sources = make_sources(rng, n_events, actors)
    events = make_events(rng, n_events, actors, countries, sources, actor_pick, country_pick)
    pages = make_pages(rng, actor_pick.items, events)
    return {"country": countries, "actor": actors, "source": sources, "event": events, "page": pages}


def require_empty(path):
    if os.path.exists(path) and os.listdir(path):
        sys.exit(f"gen.py: {path} is not empty; remove it first")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, required=True, help="number of events (N)")
    parser.add_argument("--out", required=True, help="directory for the Dossier content tree")
    parser.add_argument("--hugo", help="directory for the equivalent Hugo site")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.events < 10:
        sys.exit("gen.py: --events must be at least 10")
    require_empty(args.out)
    if args.hugo:
        require_empty(args.hugo)
    report = generate(args.events, args.seed)
    write_dossier(args.out, args.events, report)
    if args.hugo:
        write_hugo(args.hugo, args.events, report)
    counts = ", ".join(f"{len(v)} {KIND_DIR[k]}" for k, v in report.items())
    print(f"gen.py: wrote {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
