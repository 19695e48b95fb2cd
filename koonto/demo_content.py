"""The Finnish demo content that `manage.py load_demo` creates, as plain data.

Every fact comes from the project's source material (../shared/content/, the Koonto project
presentation), except where a comment says otherwise. Rich text is Wagtail's stored HTML;
StreamField bodies use the BodyBlock vocabulary (koonto.blocks). The marker TODAY is replaced
with the date of the first load (d.m.yyyy) when a page is created.

Natural keys: pages by slug under their parent, organisations and contacts by name, themes by
slug (all in the Finnish locale). The English translation of every string here is in
koonto/demo_content_en.py: a Finnish text changed here needs its English entry changed too.
"""

TODAY = "[[today]]"

# --- Tiny helpers for StreamField bodies (JSON-like values) -------------------------------


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


def callout(title: str, html: str, variant: str = "info") -> dict:
    return {"type": "callout", "value": {"variant": variant, "title": title, "text": html}}


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


# --- Shared facts --------------------------------------------------------------------------

PSSOTU = "Pohjois-Savon Sosiaaliturvayhdistys ry"
PSL = "Pohjois-Savon Liikunta ry"
KUOPION_ROUVASVAENYHDISTYS = "Kuopion Rouvasväenyhdistys ry"
TATU = "Tatu ry"
KIIPULASAATIO = "Kiipulasäätiö"
PALLOKISSAT = "Pallokissat Kuopio ry"
BALANSSI = "Balanssi ry"

AIMS = (
    "Koordinoida kansalaistoimijalähtöistä kehittämishanketoimintaa ja vastata kokonaisuuteen liittyvästä "
    "viestinnästä Pohjois-Savon alueella.",
    "Lisätä ja vahvistaa järjestöjen ja yhdistysten ESR-hankeosaamista.",
    "Edistää kansalaistoimijalähtöisten hankkeiden verkostoitumista ja yhteistyötä.",
    "Rohkaista, tukea ja kehittää kansalaistoimijuutta ja kansalaistoimijoiden toimintamahdollisuuksia rakennerahastossa.",
    "Vahvistaa ja edistää osallisuutta koordinoimalla ja tukemalla järjestö- ja yhdistystoimijoiden osallisuusosaamista.",
)

MUNICIPALITIES_TEXT = (
    "Kuopio, Siilinjärvi, Lapinlahti, Iisalmi, Vieremä, Kiuruvesi, Pielavesi, Keitele, Vesanto, Tervo, "
    "Rautalampi, Suonenjoki, Leppävirta, Varkaus, Joroinen, Tuusniemi, Kaavi, Rautavaara ja Sonkajärvi"
)

KAKE_STATEMENTS = (
    "Hankkeilla edistetään asukkaiden yhteisöllisyyttä, osallisuutta ja hyvinvointia.",
    "Hankkeilla vähennetään yksinäisyyttä ja huono-osaisuutta.",
    "Hankkeilla vahvistetaan heikoimmassa työmarkkina-asemassa ja suurimmassa huono-osaisuusriskissä olevien "
    "henkilöiden kiinnittymistä koulutukseen tai työelämään.",
    "Hankkeilla luodaan uusia tapoja toimia ja uusia toimintamalleja, joilla voidaan auttaa haavoittuvimmassa "
    "asemassa olevia kohderyhmiä.",
)

OFFERINGS = (
    "Tietoa rahoitushakujen ajankohdista ja toimintalinjoista",
    "Hanke- ja osallisuusosaamista pohjoissavolaisille yhdistyksille",
    "Kokonaisvaltaista tukea hankkeen suunnittelusta sen toteutukseen",
    "Pohjoissavolaisten hankkeiden välisen yhteistyön ja verkostoitumisen lisäämistä",
    "Viestinnällistä näkyvyyttä",
    "Hyvien käytäntöjen ja tulosten levittämistä ja juurruttamista koko maakuntaan",
)

SUPPORT_LEVEL = "Hankkeiden tukitaso on pääsääntöisesti 80 % hankkeen kokonaiskustannuksista."

CONTACTS_HTML = (
    "<p><b>Pohjois-Savon Sosiaaliturvayhdistys ry</b> (päähankkeen toteuttaja)<br/>"
    'Projektipäällikkö Tuomas Puustinen, <a href="mailto:tuomas.puustinen@pssotu.fi">tuomas.puustinen@pssotu.fi</a>, '
    "puh. 050 541 5188</p>"
    "<p><b>Pohjois-Savon Liikunta ry</b> (osahankkeen toteuttaja)<br/>"
    'Hankeneuvoja Tiina Kiiskinen, <a href="mailto:tiina.kiiskinen@pohjois-savonliikunta.fi">'
    "tiina.kiiskinen@pohjois-savonliikunta.fi</a>, puh. 044 702 1915</p>"
)

# --- Snippets ------------------------------------------------------------------------------

ORGANISATIONS = [
    {
        "name": PSSOTU,
        "organisation_type": "association",
        "website": "https://www.pssotu.fi/",
        "description": (
            "Pohjois-Savon Sosiaaliturvayhdistyksen tarkoituksena on edistää kansalaisten hyvinvointiin tähtäävää "
            "sosiaali- ja terveyspolitiikkaa erityisesti aluenäkökohdat huomioon ottaen. Yhdistys toimii "
            "tasa-arvoisuuden ja sosiaalisten perusoikeuksien toteuttamiseksi ja kansalaisten osallistumis- ja "
            "vaikutusmahdollisuuksien lisäämiseksi sekä syrjäytymisen ja huono-osaisuuden vähentämiseksi. Se toteuttaa "
            "tehtäväänsä yhteistyössä muiden hyvinvoinnin edistämiseen tähtäävien yhteisöjen kanssa. Yhdistys on "
            "Koonto-hankkeen päähankkeen toteuttaja ja toteuttaa myös Järjestöjen sote-muutostukea Pohjois-Savossa, "
            "Keski-Suomessa, Etelä-Savossa ja Pohjois-Karjalassa."
        ),
    },
    {
        "name": PSL,
        "organisation_type": "association",
        "website": "https://www.pohjois-savonliikunta.fi/",
        "description": (
            "Yksi Suomen viidestätoista liikunnan aluejärjestöstä, perustettu 7.10.1997. Maakunnallinen palvelu-, "
            "asiantuntija- ja yhteistyöjärjestö, jolla on 169 jäsentä, lähes kaikki urheiluseuroja. Tarjoaa "
            "monipuolisia liikunnan ja hyvinvoinnin palveluita, muun muassa neuvontaa, koulutus-, testaus- ja "
            "ohjauspalveluita sekä kokonaisten kehitysprosessien suunnittelua. Toiminnan osa-alueita ovat lasten ja "
            "nuorten liikunta, seura- ja yhdistystoiminta, aikuis- ja työyhteisöliikunta sekä tapahtumat. Pitkä "
            "kokemus ihmisten osaamista, osallisuutta ja hyvinvointia lisäävistä hankkeista. Koonto-hankkeen "
            "osahankkeen toteuttaja."
        ),
    },
    # Organisations of the earlier KAKE projects: the source names them, nothing more.
    {"name": KUOPION_ROUVASVAENYHDISTYS, "organisation_type": "association", "municipality": "297"},
    {"name": TATU, "organisation_type": "association"},
    {"name": KIIPULASAATIO, "organisation_type": "foundation"},
    {"name": PALLOKISSAT, "organisation_type": "association", "municipality": "297"},
    {"name": BALANSSI, "organisation_type": "association"},
]

CONTACTS = [
    {
        "name": "Tuomas Puustinen",
        "role": "Projektipäällikkö",
        "organisation": PSSOTU,
        "email": "tuomas.puustinen@pssotu.fi",
        "phone": "050 541 5188",
    },
    {
        "name": "Tiina Kiiskinen",
        "role": "Hankeneuvoja",
        "organisation": PSL,
        "email": "tiina.kiiskinen@pohjois-savonliikunta.fi",
        "phone": "044 702 1915",
    },
]

THEMES = [
    {"slug": "osallisuus", "name": "Osallisuus", "description": "Mahdollisuus osallistua, vaikuttaa ja kuulua joukkoon."},
    {"slug": "tyollisyys", "name": "Työllisyys", "description": "Tie koulutukseen ja työelämään, työ- ja toimintakyky."},
    {"slug": "nuoret", "name": "Nuoret", "description": "Nuorille suunnattu toiminta."},
    {"slug": "maahanmuuttajat", "name": "Maahanmuuttajat", "description": "Maahanmuuttajataustaiset ihmiset ja kotoutuminen."},
    {"slug": "mielenterveys", "name": "Mielenterveys", "description": "Mielen hyvinvointi, kuntoutujat ja vertaistuki."},
    {"slug": "liikunta", "name": "Liikunta", "description": "Liikunta ja urheilu osallisuuden ja hyvinvoinnin keinona."},
    {"slug": "yhteisollisyys", "name": "Yhteisöllisyys", "description": "Asukkaiden ja yhdistysten yhteinen tekeminen."},
]

PROJECT_DESCRIPTION = {
    "title": "Koonto-hanke",
    "text": (
        "<p>Koonto eli Kansalaistoimijalähtöisen kehittämisen koordinaatio- ja viestintähanke (1.8.2023–30.11.2025) "
        "tukee pohjoissavolaisia yhdistyksiä ja järjestöjä kansalaistoimijalähtöisessä kehittämisessä. Hankkeen "
        "toteuttavat Pohjois-Savon Sosiaaliturvayhdistys ry (päähanke) ja Pohjois-Savon Liikunta ry (osahanke).</p>"
        "<p>Hankkeen tavoitteet:</p>" + ol(*AIMS)
    ),
}

# Site settings (one line per implementer, shown in the footer).
IMPLEMENTERS = f"{PSSOTU} – päähankkeen toteuttaja\n{PSL} – osahankkeen toteuttaja"

# --- Home pages ----------------------------------------------------------------------------

HOME = {
    "title": "Koonto",
    "slug": "koonto",
    "intro": (
        "<p>Koonto eli Kansalaistoimijalähtöisen kehittämisen koordinaatio- ja viestintähanke tukee pohjoissavolaisia "
        "yhdistyksiä ja järjestöjä kansalaistoimijalähtöisessä kehittämisessä. Täältä löydät tietoa "
        "rahoitushakujen ajankohdista, tukea hankkeen suunnitteluun ja esimerkkejä aiemmista KAKE-hankkeista.</p>"
    ),
}

# --- About ---------------------------------------------------------------------------------

ABOUT = {
    "title": "Tietoa Koonto-hankkeesta",
    "slug": "tietoa-koonto-hankkeesta",
    "show_in_menus": True,
    "summary": (
        "Koonto koordinoi kansalaistoimijalähtöistä kehittämistä Pohjois-Savossa ja vahvistaa yhdistysten "
        "ESR-hankeosaamista 1.8.2023–30.11.2025."
    ),
    "body": [
        paragraph(
            "<p><b>Koonto</b> eli Kansalaistoimijalähtöisen kehittämisen koordinaatio- ja viestintähanke tukee "
            "pohjoissavolaisia yhdistyksiä ja järjestöjä kansalaistoimijalähtöisessä kehittämisessä (KAKE). "
            "Hankeaika on 1.8.2023–30.11.2025.</p>"
        ),
        quote(
            "Oletko kuullut Euroopan sosiaalirahastosta? Tai kansalaistoimijalähtöisestä kehittämisestä?",
            "Koonto-hankkeen esittely",
        ),
        heading("Hankkeen tavoitteet"),
        paragraph(ol(*AIMS)),
        heading("Kohderyhmä"),
        paragraph(
            "<p>Hankkeen kohderyhmänä ovat kaikki pohjoissavolaiset eri toimialoja edustavat järjestöt, jotka ovat "
            "kiinnostuneita kansalaistoimijalähtöisestä kehittämistyöstä – noin 5 000 järjestöä.</p>"
        ),
        heading("Toiminta-alue", "h3"),
        paragraph(f"<p>Hanke toimii Pohjois-Savon 19 kunnassa: {MUNICIPALITIES_TEXT}.</p>"),
        heading("Hankkeen tausta"),
        paragraph(
            "<p>Ohjelmakaudella 2014–2020 kansalaistoimijalähtöinen paikallinen kehittäminen tehtiin "
            "kaupunkialueella. Ohjelmakaudella 2021–2027 kansalaistoimijalähtöinen kehittämistyö on laajentunut "
            "maakunnalliseksi.</p>"
        ),
        heading("Toteuttajat"),
        heading(f"{PSSOTU} – päähankkeen toteuttaja", "h3"),
        paragraph(
            "<p>Pohjois-Savon Sosiaaliturvayhdistyksen tarkoituksena on edistää kansalaisten hyvinvointiin tähtäävää "
            "sosiaali- ja terveyspolitiikkaa erityisesti aluenäkökohdat huomioon ottaen.</p>"
            "<p>Yhdistys toimii tasa-arvoisuuden ja sosiaalisten perusoikeuksien toteuttamiseksi ja kansalaisten "
            "osallistumis- ja vaikutusmahdollisuuksien lisäämiseksi sekä syrjäytymisen ja huono-osaisuuden "
            "vähentämiseksi. Se toteuttaa tehtäväänsä yhteistyössä muiden hyvinvoinnin edistämiseen tähtäävien "
            "yhteisöjen kanssa.</p>"
            "<p>Yhdistyksen toimintaan kuuluvat Koonto-hanke sekä Järjestöjen sote-muutostuki Pohjois-Savossa, "
            "Keski-Suomessa, Etelä-Savossa ja Pohjois-Karjalassa. "
            '<a href="https://www.pssotu.fi/koonto-hanke/">Koonto-hanke yhdistyksen sivuilla</a></p>'
        ),
        heading(f"{PSL} – osahankkeen toteuttaja", "h3"),
        paragraph(
            ul(
                "Yksi Suomen viidestätoista liikunnan aluejärjestöstä, perustettu 7.10.1997",
                "Maakunnallinen palvelu-, asiantuntija- ja yhteistyöjärjestö",
                "169 jäsentä, joista lähes kaikki urheiluseuroja",
                "Monipuolisia palveluita liikunnan ja hyvinvoinnin saralta, muun muassa neuvonta-, koulutus-, testaus- "
                "ja ohjauspalveluita sekä kokonaisten kehitysprosessien suunnittelua",
                "Toiminnan osa-alueita ovat lasten ja nuorten liikunta, seura- ja yhdistystoiminta, aikuis- ja "
                "työyhteisöliikunta sekä tapahtumat",
                "Pitkä kokemus ihmisten osaamista, osallisuutta ja hyvinvointia lisäävistä hankkeista",
            )
            + '<p><a href="https://www.pohjois-savonliikunta.fi/">www.pohjois-savonliikunta.fi</a></p>'
        ),
        heading("Hankeaika ja rahoitus"),
        paragraph(
            "<p>Hankeaika on 1.8.2023–30.11.2025.</p>"
            + ul("Euroopan unionin rahoittama", "Uudistuva ja osaava Suomi 2021–2027", "Työ- ja elinkeinoministeriö")
        ),
        callout("Yhteystiedot", CONTACTS_HTML),
    ],
}

# --- Funding guides and the call -----------------------------------------------------------

GUIDE_INDEX = {
    "title": "Rahoitusoppaat",
    "slug": "rahoitus",
    "show_in_menus": True,
    "intro": (
        "<p>Tietoa kansalaistoimijalähtöisistä kehittämishankkeista, rahoitushakujen ajankohdista ja "
        "toimintalinjoista pohjoissavolaisille yhdistyksille ja järjestöille.</p>"
    ),
}

GUIDE = {
    "title": "Kansalaistoimijalähtöiset kehittämishankkeet (KAKE)",
    "slug": "kake-hankkeet",
    "summary": (
        "Mitä kansalaistoimijalähtöiset kehittämishankkeet ovat, keitä ne auttavat, paljonko tukea voi saada ja "
        "miten Koonto tukee yhdistyksiä hankkeen suunnittelusta sen toteutukseen."
    ),
    "audience": "Pohjoissavolaiset yhdistykset ja järjestöt",
    "project_phase": "idea",
    "tags": ["KAKE", "ESR+", "rahoitus"],
    "body": [
        heading("Mitä KAKE-hankkeet ovat?"),
        paragraph(
            "<p>Kansalaistoimijalähtöiset kehittämishankkeet (KAKE) ovat järjestöjen ja yhdistysten "
            "kehittämishankkeita, joita rahoitetaan Euroopan sosiaalirahastosta (ESR+) Uudistuva ja osaava Suomi "
            "2021–2027 -ohjelmassa.</p>" + ul(*KAKE_STATEMENTS)
        ),
        heading("Keitä hankkeet auttavat?"),
        paragraph(
            "<p>Hankkeilla autetaan haavoittuvimmassa asemassa olevia kohderyhmiä, muun muassa:</p>"
            + ul(
                "opiskelun, työn ja palveluiden ulkopuolella olevia henkilöitä",
                "maahanmuuttajataustaisia ihmisiä",
                "syrjäytymisvaarassa olevia ihmisiä",
                "heikoimmassa työmarkkina-asemassa ja suurimmassa huono-osaisuusriskissä olevia henkilöitä",
            )
            + "<p>Esimerkkejä aiemmista KAKE-hankkeista löydät Hankeesittelyistä.</p>"
        ),
        heading("Paljonko tukea voi saada?"),
        paragraph(f"<p>{SUPPORT_LEVEL} Tarkista tukitaso aina kyseisen haun hakuilmoituksesta.</p>"),
        heading("Näin Koonto tukee yhdistyksiä"),
        paragraph("<p>Koonto tarjoaa pohjoissavolaisille yhdistyksille ja järjestöille:</p>" + ul(*OFFERINGS)),
        heading("Kysy lisää"),
        paragraph(CONTACTS_HTML),
    ],
}

# The source gives only the date ("SEURAAVA HAKU 15.1.2024"); 16.15 is the usual closing time of
# the ELY centres' calls, and the body tells readers to check it from the official notice.
CALL = {
    "title": "Seuraava hankehaku 15.1.2024",
    "slug": "hankehaku-15-1-2024",
    "summary": (
        "Kansalaistoimijalähtöisten kehittämishankkeiden haku 15.1.2024. Rahoitus Euroopan sosiaalirahastosta "
        "(ESR+), Uudistuva ja osaava Suomi 2021–2027 -ohjelma."
    ),
    "closes_at": (2024, 1, 15, 16, 15),  # Europe/Helsinki
    "fund": "ESR+",
    "support_rate": 80,
    "tags": ["KAKE", "ESR+", "hankehaku"],
    "body": [
        quote(
            "Tietoa rahoitushakujen ajankohdista ja toimintalinjoista – SEURAAVA HAKU 15.1.2024",
            "Koonto-hankkeen esittely",
        ),
        paragraph(
            "<p>Koonto-hanke kertoi esittelyssään seuraavasta kansalaistoimijalähtöisten kehittämishankkeiden haun "
            "päivämäärästä. Hankkeet rahoitetaan Euroopan sosiaalirahastosta (ESR+) Uudistuva ja osaava Suomi "
            f"2021–2027 -ohjelmassa. {SUPPORT_LEVEL}</p>"
        ),
        callout(
            "Tarkista kellonaika virallisesta hakuilmoituksesta",
            "<p>Lähdeaineisto kertoo vain haun päivämäärän 15.1.2024. Tällä sivulla näkyvä kellonaika klo 16.15 on "
            "ELY-keskusten hankehakujen tavallinen päättymisaika: tarkista kellonaika ja haun ehdot virallisesta "
            "hakuilmoituksesta.</p>",
            "warning",
        ),
        paragraph(
            "<p>Koonto auttaa yhdistyksiä ja järjestöjä hankkeen suunnittelusta sen toteutukseen. Kysy lisää "
            "alla mainituilta yhteyshenkilöiltä.</p>"
        ),
    ],
}

# --- Showcases: the twelve earlier KAKE projects (programme period 2014–2020) -----------------

SHOWCASE_INDEX = {
    "title": "Hankeesittelyt",
    "slug": "hankkeet",
    "show_in_menus": True,
    "intro": (
        "<p>Kokemuksia aikaisemmista kansalaistoimijalähtöisen kehittämisen (KAKE) hankkeista: mitä niissä "
        "tehtiin, kenen kanssa ja mitä niistä jäi elämään.</p>"
    ),
}

# Target groups are ShowcaseTargetGroup.Group values; themes are Theme slugs; municipalities are
# Statistics Finland codes; operating models are (title, description).
SHOWCASES = [
    {
        "title": "Työpajatoimintaa Lieksassa",
        "slug": "tyopajatoimintaa-lieksassa",
        "summary": "Hankkeessa aloitettiin aikuisille tarkoitettu työpaja pitkään työttömänä olleille lieksalaisille.",
        "objectives": (
            "<p>Työpaja on tarkoitettu lieksalaisille pitkään työttömänä olleille henkilöille, jotka ovat "
            "moniammatillisen tuen tarpeessa ja tarvitsevat työ- ja toimintakyvyn vahvistamista.</p>"
        ),
        "activities": "<p>Hankkeessa aloitettiin aikuisille tarkoitettu työpaja.</p>",
        "continuation": (
            "<p>Työpajatoiminta jatkuu nykyisin Lieksan kaupungin omana toimintana työllisyyspalveluissa vuoden 2017 "
            "alusta alkaen.</p>"
        ),
        "organisations": [],
        "municipalities": ["422"],
        "target_groups": ["unemployed"],
        "themes": ["tyollisyys", "osallisuus"],
        "tags": ["työpaja", "pitkäaikaistyöttömät", "työllisyyspalvelut"],
    },
    {
        "title": "Avoimet tilat",
        "slug": "avoimet-tilat",
        "summary": "Hankkeessa toteutettiin erilaisia omaehtoisen tekemisen tiloja Kuopion keskustan alueella.",
        "objectives": (
            "<p>Hankkeessa haettiin ratkaisumalleja sosiaalisen yhteenkuuluvuuden, kaupunkitilan aktivoimisen sekä "
            "syrjäytymisuhan alla olevien henkilöiden ja marginaalissa olevien ryhmien osallistamisen ongelmiin.</p>"
        ),
        "activities": "<p>Hankkeessa toteutettiin erilaisia omaehtoisen tekemisen tiloja Kuopion keskustan alueella.</p>",
        "results": "<p>Hankkeen tuotoksiin kuului pop-up-tiloja ja torinalueen aktivoimista taiteen keinoin.</p>",
        "continuation": (
            "<p>Pop-up-tilakokeilut ovat synnyttäneet yhteisöllistä kansalaisliikehdintää, joka pyrkii vastaavan "
            "tilan perustamiseen ja toiminnan vakiinnuttamiseen.</p>"
        ),
        "organisations": [],
        "municipalities": ["297"],
        "target_groups": ["at_risk", "residents"],
        "themes": ["yhteisollisyys", "osallisuus"],
        "tags": ["pop-up-tilat", "kaupunkitila", "taide"],
    },
    {
        "title": "Nuorten oma Kuopio!",
        "slug": "nuorten-oma-kuopio",
        "summary": (
            "Kuopion Rouvasväenyhdistyksen hanke auttoi kuopiolaisia, erityisesti nuoria, kehittämään omaa "
            "elinympäristöään muotoilun työpajoissa."
        ),
        "objectives": (
            "<p>Hankkeen tavoitteena oli auttaa Kuopion kaupungin asukkaita, erityisesti nuoria, kiinnittämään "
            "huomiota ja kehittämään omaa elinympäristöään, oppimaan uusia kädentaitoja ja uusia tapoja ilmaista "
            "itseään muotoilun työpajoissa.</p>"
        ),
        "activities": (
            "<p>Nuorisotalojen nuoret suunnittelivat ja toteuttivat yhdessä nuorisotyönohjaajien kanssa "
            "kaupunkimuotoiluprojekteja muotoilijoiden ohjaamina osallistavissa muotoilutyöpajoissa.</p>"
        ),
        "organisations": [KUOPION_ROUVASVAENYHDISTYS],
        "municipalities": ["297"],
        "target_groups": ["young_people", "residents"],
        "themes": ["nuoret", "osallisuus"],
        "tags": ["muotoilu", "kaupunkimuotoilu", "nuorisotyö"],
    },
    {
        "title": "Hanaa!",
        "slug": "hanaa",
        "summary": (
            "Tatu ry:n hankkeessa järjestettiin harrastus- ja vapaa-ajan toimintaa 16–29-vuotiaille erityistä tukea "
            "tarvitseville nuorille yli diagnoosirajojen."
        ),
        "activities": (
            "<p>Hankkeessa järjestettiin harrastus- ja vapaa-ajan toimintaa 16–29-vuotiaille erityistä tukea "
            "tarvitseville nuorille yli diagnoosirajojen. Toiminta on sisältänyt monipuolisesti kulttuuria eri "
            "muodoissaan, liikuntaa ja ajan viettämistä yhdessä.</p>"
            "<p>Toimintaa on järjestetty muun muassa yhteistyössä harrastusseurojen kanssa sekä paikoissa, joissa "
            "myös muut nuoret viettävät vapaa-aikaansa. Hanke syntyi järjestöyhteistyönä seitsemän eri järjestön ja "
            "yhdistyksen voimin. Monipuolisen toiminnan toteuttamiseksi laaja yhteistyö on ollut erittäin "
            "tärkeää.</p>"
        ),
        "results": (
            "<p>Ryhmien kautta nuoret tutustuivat muihin nuoriin ja löysivät uusia kavereita. Toiminnan kautta nuoret "
            "tutustuivat uusiin harrastus- ja vapaa-ajanviettopaikkoihin ja saivat ideoita toimintaan. Nuoret "
            "rohkaistuivat vaikuttamaan, ja heidän aktiivisuutensa kasvoi myös elämän muilla osa-alueilla.</p>"
        ),
        "key_figures": [("7", "järjestöä ja yhdistystä toteutti hankkeen yhdessä")],
        "continuation": (
            "<p>Toiminnalla on paljon kysyntää, ja sitä tullaan jatkamaan Kuopion alueella sekä laajentamaan lähikuntiin.</p>"
        ),
        "organisations": [TATU],
        "municipalities": ["297"],
        "target_groups": ["young_people", "partial_work_ability"],
        "themes": ["nuoret", "liikunta", "osallisuus"],
        "tags": ["harrastukset", "kulttuuri", "erityistä tukea tarvitsevat nuoret"],
    },
    {
        "title": "Osallisuutta osuuskunnista",
        "slug": "osallisuutta-osuuskunnista",
        "summary": (
            "Kiipulasäätiön hanke kehitti osuuskuntatoiminnan mallin, joka tarjoaa heikoimmassa "
            "työmarkkina-asemassa oleville matalan kynnyksen ohjausta, valmennusta ja pienimuotoisia työtehtäviä."
        ),
        "objectives": (
            "<p>Hankkeen kohderyhmänä olivat heikoimmassa työmarkkina-asemassa olevat: vammaiset, "
            "mielenterveyskuntoutujat, osatyökykyiset, pitkäaikaistyöttömät sekä työvoiman ulkopuolella olevat ryhmät "
            "(työkyvyttömyyseläke ym.), joiden osallisuuden ja työllistymisen lisäämiseen tarvittiin uudenlaisia "
            "toimintakeinoja.</p>"
            "<p>Hankkeen tavoitteena oli kehittää toimintapaikkakunnilla innovatiivinen osuuskuntatoiminnan malli, "
            "joka tarjoaa kohderyhmille matalan kynnyksen ohjaus- ja valmennuspalvelua sekä mahdollisuuden "
            "osallisuuden lisäämiseen ja pienimuotoisten työtehtävien kautta työllistymispolulla etenemiseen.</p>"
        ),
        "results": (
            "<p>Hankkeen tuloksena syntyivät kuvaukset innovatiivisesta osuuskunnasta, valmennuskäytännöistä ja "
            "osuuskunnan tarvitsemista tukimuodoista.</p>"
        ),
        "continuation": (
            "<p>Hankkeen tulokset ovat toiminnallisesti ja rahoituksellisesti ankkuroitavissa kunnissa jo toimiviin "
            "palvelujärjestelmiin.</p>"
        ),
        "operating_models": [
            (
                "Osuuskuntatoiminnan malli",
                "Innovatiivinen osuuskuntatoiminnan malli, joka tarjoaa heikoimmassa työmarkkina-asemassa oleville "
                "matalan kynnyksen ohjaus- ja valmennuspalvelua, mahdollisuuden osallisuuden lisäämiseen sekä "
                "pienimuotoisten työtehtävien kautta työllistymispolulla etenemiseen. Osuuskuntaympäristö tarjoaa "
                "mahdollisuuden yhteistoiminnalliseen sosiaaliseen kuntoutumiseen ja yrittämiseen. Mallista on "
                "kuvaukset osuuskunnasta, valmennuskäytännöistä ja osuuskunnan tarvitsemista tukimuodoista.",
            )
        ],
        "organisations": [KIIPULASAATIO],
        "municipalities": [],
        "target_groups": ["partial_work_ability", "mental_health", "unemployed"],
        "themes": ["tyollisyys", "osallisuus", "mielenterveys"],
        "tags": ["osuuskunta", "valmennus", "osatyökykyiset"],
    },
    {
        "title": "Työelämän avaimet",
        "slug": "tyoelaman-avaimet",
        "summary": (
            "Hankkeessa kannustettiin ja ohjattiin alle 30-vuotiaita nuoria kohti elämänhallintaa ja tuettiin heidän "
            "työllistymistään tai hakeutumistaan ammatilliseen koulutukseen."
        ),
        "objectives": (
            "<p>Hankkeen kohderyhmänä olivat alle 30-vuotiaat nuoret, joilla ei vielä ollut ammatillista koulutusta, "
            "jotka olivat syrjäytymisvaarassa pitkittyneen työttömyyden takia tai joilla oli elämänhallintaan "
            "liittyviä haasteita, kuten päihde- ja mielenterveysongelmia.</p>"
        ),
        "activities": (
            "<p>Hankkeen aikana kohderyhmää kannustettiin ja ohjattiin kohti elämänhallintaa sekä tuettiin heidän "
            "työllistymistään tai ammatilliseen koulutukseen hakeutumistaan. Kaikille Työelämän avaimet -kursseille "
            "osallistuneille tehtiin kurssin päättymisen jälkeiseen elämään suuntautuva päivitetty aktivointi- ja "
            "jatkosuunnitelma.</p>"
        ),
        "results": "<p>Suurin osa kurssin päättäneistä halusi jatkaa ja jatkoi kurssin jälkeen työkokeilussa.</p>",
        "organisations": [],
        "municipalities": [],
        "target_groups": ["young_people", "unemployed", "at_risk"],
        "themes": ["tyollisyys", "nuoret"],
        "tags": ["nuoret", "työkokeilu", "elämänhallinta"],
    },
    {
        "title": "KaMu-hankkeen Perhefutis",
        "slug": "kamu-hankkeen-perhefutis",
        "summary": (
            "Pallokissat Kuopio ry:n KaMu-hankkeen Perhefutiksessa olivat mukana 2–4-vuotiaat lapset vanhempineen "
            "eri puolilla Kuopiota."
        ),
        "activities": (
            "<p>Perhefutis-toiminnassa oli mukana 2–4-vuotiaita lapsia vanhempineen. Perhefutikseen luotiin "
            "toimintamalli, jota testattiin. Perhefutis toteutettiin kolmena päivänä viikossa eri puolilla Kuopion "
            "kaupunkia.</p>"
        ),
        "results": (
            "<p>Lapset ja vanhemmat antoivat pääsääntöisesti hyvää palautetta toiminnasta, muun muassa siihen "
            "osallistumisen helppoudesta ja maksuttomuudesta.</p>"
        ),
        "key_figures": [("3", "päivänä viikossa Perhefutista eri puolilla Kuopiota")],
        "operating_models": [
            (
                "Perhefutiksen toimintamalli",
                "Hankkeessa luotu ja testattu toimintamalli 2–4-vuotiaiden lasten ja heidän vanhempiensa "
                "jalkapallotoimintaan. Perhefutis toteutettiin kolmena päivänä viikossa eri puolilla Kuopion "
                "kaupunkia; osallistujat kiittivät osallistumisen helppoutta ja maksuttomuutta.",
            )
        ],
        "organisations": [PALLOKISSAT],
        "municipalities": ["297"],
        "target_groups": ["children_families"],
        "themes": ["liikunta", "yhteisollisyys"],
        "tags": ["jalkapallo", "perheet", "lapset"],
    },
    {
        "title": "Hyvä arki",
        "slug": "hyva-arki",
        "summary": (
            "Hankkeessa luotiin Kuhmoon paikallinen opinollistamisen malli, jonka avulla työmarkkinoiden ulkopuolella "
            "olevat voivat kehittää osaamistaan ilman päätoimista oppilaitosopiskelua."
        ),
        "objectives": (
            "<p>Hankkeen tavoitteena oli luoda Kuhmoon paikallinen opinollistamisen malli, jonka avulla hankkeen "
            "kohderyhmään kuuluvat, ainakin osin työmarkkinoiden ulkopuolella olevat henkilöt voisivat kehittää "
            "osaamistaan ja oppia uutta. Heille haluttiin luoda mahdollisuus kehittää osaamistaan niin, että he "
            "voisivat parantaa työmarkkinakelpoisuuttaan ja liikkua kohti työelämää ilman päätoimista "
            "oppilaitosopiskelua.</p>"
            "<p>Lisäksi tavoitteena oli lisätä hankeosallistujien yhteiskunnallista ja sosiaalista osallisuutta sekä "
            "kohentaa heidän hyvinvointiaan.</p>"
        ),
        "activities": (
            "<p>Hankkeessa kehitettyyn opinollistamisen malliin kuului olennaisena osana oppimisympäristöjen tunnistaminen.</p>"
        ),
        "results": (
            "<p>Monelle hankeosallistujalle osaamistodistuksen saaminen oli ensimmäinen todistus peruskoulun tai jopa "
            "kesken jääneen peruskoulun jälkeen. Heille myönnetty osaamistodistus oli tunnustus uusista taidoista ja "
            "toisten arvostuksesta omaa osaamista kohtaan.</p>"
        ),
        "continuation": (
            "<p>Hyvä arki -hankkeen päätyttyä hankkeessa kehitettyä paikallista opinollistamisen mallia jatkokehittää "
            "Kuhmon kaupungin ja Kuhmon Työvire ry:n yhdessä toteuttama Kuhmon Elinvoimasampo (ELSA) -hanke.</p>"
        ),
        "operating_models": [
            (
                "Paikallinen opinollistamisen malli",
                "Malli, jonka avulla työmarkkinoiden ulkopuolella olevat voivat kehittää osaamistaan, oppia uutta ja "
                "parantaa työmarkkinakelpoisuuttaan ilman päätoimista oppilaitosopiskelua. Olennainen osa mallia on "
                "oppimisympäristöjen tunnistaminen; osallistujat saavat osaamistodistuksen.",
            )
        ],
        "organisations": [],
        "municipalities": ["290"],
        "target_groups": ["unemployed", "at_risk"],
        "themes": ["tyollisyys", "osallisuus"],
        "tags": ["opinollistaminen", "osaamistodistus", "osaaminen"],
    },
    {
        "title": "Pallo Haltuun",
        "slug": "pallo-haltuun",
        "summary": (
            "Hanke edisti maahanmuuttajanuorten ja heidän perheidensä kotoutumista Kuopioon muotoiluajatteluun "
            "perustuvien työpajojen ja jalkapallon avulla."
        ),
        "objectives": (
            "<p>Hankkeen tavoitteena oli edistää maahanmuuttajanuorten ja heidän perheidensä kotoutumista Kuopioon "
            "sekä muokata muotoiluajatteluun perustuvien työpajojen kautta Savon Sanomat Areenaa entistä "
            "toimivammaksi.</p>"
        ),
        "activities": (
            "<p>Kuopion Muotoiluakatemia, Kalevalan koulun valmistavan luokan maahanmuuttajanuoret ja Haapaniemen "
            "alakoulun oppilaat sekä joukko huippuasiantuntijoita suunnittelivat ja toteuttivat kevään 2017 aikana "
            "Kuopion Palloseuran kotistadionille KuPS-fanialueen.</p>"
            "<p>Jalkapalloa lähestyttiin kokonaisvaltaisesti muotoilun, käsityön, sosiaalisen median sekä "
            "yhteiskunta- ja käyttäytymistieteiden näkökulmista. Tämä kokonaisuus yhdistettiin maahanmuuttaja- ja "
            "nuorisotyöhön sekä osallisuuden vahvistamiseen.</p>"
        ),
        "results": (
            "<p>Työpajoissa nuoret oppivat muun muassa yhdessä toimimisen taitoja, ongelmanratkaisua sekä kykyä "
            "ymmärtää erilaisuutta ja erilaisia näkökulmia. Yhteistyö suomalaisnuorten kanssa aktivoi lisäksi "
            "maahanmuuttajanuorten suomen kielen oppimista ja vuorovaikutustaitojen kehittymistä. Tätä kautta "
            "voitiin vaikuttaa myös maahanmuuttajien kotoutumiseen Suomeen.</p>"
        ),
        "organisations": [KUOPION_ROUVASVAENYHDISTYS],
        "municipalities": ["297"],
        "target_groups": ["immigrants", "young_people", "children_families"],
        "themes": ["maahanmuuttajat", "nuoret", "liikunta"],
        "tags": ["kotoutuminen", "muotoilu", "jalkapallo"],
    },
    {
        "title": "Kokemusasiantuntijatoimintaa Lapissa",
        "slug": "kokemusasiantuntijatoimintaa-lapissa",
        "summary": (
            "Balanssi ry:n hanke kehitti kokemusasiantuntijatoimintaa koko Lapin alueella yhteistyössä eri toimijoiden "
            "kanssa ja pyrki vaikuttamaan mielenterveyttä koskeviin asenteisiin."
        ),
        "objectives": (
            "<p>Tavoitteena oli vaikuttaa mielenterveyttä koskeviin asenteisiin sekä lisätä vertaistuen "
            "mahdollisuuksia etäyhteyden avulla. Kokemusasiantuntijatoiminnan ja ammattilaisten koulutuksen avulla "
            "pyritään lisäämään kokemuksellisen tiedon merkitystä ja sen ymmärrystä psykiatrisen sairaanhoidon "
            "suunnittelussa ja toteutuksessa.</p>"
        ),
        "activities": (
            "<p>Balanssi ry teki kokemusasiantuntijatoimintaa koko Lapin alueella yhteistyössä eri toimijoiden kanssa. "
            "Kokemusasiantuntijatoiminnan kehittämiseen kuului jo toimivien ja uusien toiminnasta kiinnostuneiden "
            "kokemusasiantuntijoiden sekä ammattihenkilöiden koulutusta.</p>"
            "<p>Hankkeessa vietiin eteenpäin psykiatrista hoitotahtoa ja toteutettiin kampanjoita stigman "
            "hälventämiseksi. Ennakkoluulojen hälventämiseksi hankkeessa järjestettiin lukuisia tilaisuuksia, ja hanke "
            "osallistui verkoston tilaisuuksiin mielen hyvinvoinnin merkitystä tutuksi tuoden.</p>"
        ),
        "results": (
            "<p>Hankkeen keskeisimpiä tuloksia on kokemusasiantuntijoiden välitystoiminnan hioutuminen jatkoa varten "
            "toimivaan muotoon. Tietoa kokemusasiantuntijuudesta ja kokemustiedon merkityksestä on viety eteenpäin, ja "
            "yhteistyöverkosto on saatu tietoiseksi toiminnan merkityksestä. Lisääntyvät pyynnöt kertovat "
            "kokemusasiantuntijoiden tarpeesta ja merkityksestä ammattilaisten, opiskelijoiden ja potilaiden "
            "tukena.</p>"
            "<p>Vertaistukitoiminnassa kokemusasiantuntijoiden rooli on korvaamaton. Hankkeessa parannettiin "
            "mielenterveyden häiriöitä kokeneiden osallisuutta ja tarjottiin mahdollisuuksia omien vahvuuksien "
            "etsimiseen ja vaikeuksien kääntämiseen voimaksi itsen ja toisten hyväksi.</p>"
        ),
        "continuation": (
            "<p>Kokemusasiantuntijatoiminta on vakiintunut osaksi hoidon kehittämistä ja tehostamista Rovaniemellä, ja "
            "askelia kokemusasiantuntijuuden laajamittaiseen hyödyntämiseen on otettu myös muualla Lapissa. Oman "
            "haasteensa toiminnan vakiintumiseen koko Lapissa tekevät välimatkat ja mielenterveyttä koskevat "
            "ennakkoluulot.</p>"
        ),
        "operating_models": [
            (
                "Kokemusasiantuntijoiden välitystoiminta",
                "Hankkeessa kokemusasiantuntijoiden välitystoiminta hioutui jatkoa varten toimivaan muotoon. "
                "Kokemusasiantuntijoita pyydetään yhä useammin ammattilaisten, opiskelijoiden ja potilaiden tueksi.",
            )
        ],
        "organisations": [BALANSSI],
        "municipalities": ["698"],
        "target_groups": ["mental_health"],
        "themes": ["mielenterveys", "osallisuus"],
        "tags": ["kokemusasiantuntijuus", "vertaistuki", "Lappi"],
    },
    {
        "title": "Uusi tapa toimia",
        "slug": "uusi-tapa-toimia",
        "summary": (
            "Hanke lisäsi pitkäaikaistyöttömien, nuorten ja maahanmuuttajien osallisuutta ja muutti yhdistysten "
            "toimintatapoja erityisesti Kouvolan ja Kuusankosken keskusta-alueilla."
        ),
        "activities": (
            "<p>Hankkeessa</p>"
            + ul(
                "haastateltiin kohderyhmiä",
                "osallistuttiin Kouvolan yhdistysten talon (Porukkatalo) perustamiseen ja toiminnan suunnitteluun",
                "perustettiin Kouvolan yhdistysten yhteinen Kaikumedia-verkkosivusto",
                "koottiin yhdistysten osaamista Kouvolan kaupungin hallinnoimaan osaamispankkiin",
                "kehitettiin yhdistysmestari–kisälli-malli yhdistysten tietotaidon monistamiseen ja nuorten mukaan "
                "saamiseen yhdistysten toimintaan",
                "perustettiin Kouvolan seutukunnan välityömarkkinatoimijoiden verkosto.",
            )
            + "<p>Nuoria, maahanmuuttajia ja pitkäaikaistyöttömiä ohjattiin muun muassa Kaikumedian "
            "sisällöntuotantoon ja Porukkatalon toiminnan suunnitteluun, ja nuoria työllistettiin näihin "
            "tehtäviin.</p>"
        ),
        "results": (
            "<p>Hanke on lisännyt pitkäaikaistyöttömien, nuorten ja maahanmuuttajien osallisuutta, vahvistanut heidän "
            "työ- ja toimintakykyään, parantanut heidän työelämävalmiuksiaan sekä muuttanut yhdistysten "
            "toimintatapoja erityisesti Kouvolan ja Kuusankosken keskusta-alueilla.</p>"
            "<p>Yhdistystoimijat saivat hankkeessa perustetun Kaikumedian kautta uudenlaisen kanavan viestiä "
            "toiminnastaan ja tapahtumistaan.</p>"
        ),
        "operating_models": [
            (
                "Yhdistysmestari–kisälli-malli",
                "Malli yhdistysten tietotaidon monistamiseen ja nuorten mukaan saamiseen yhdistysten toimintaan. "
                "Mallin kehittäminen toi yhteen yhdistysaktiiveja ja nuoria: nuoret oppivat yhdistystoiminnan "
                "perusteita, ja yhdistysaktiivit saivat yhteistyöstä uusia ideoita ja voimaa yhdistyksen arjen "
                "pyörittämiseen.",
            )
        ],
        "organisations": [],
        "municipalities": ["286"],
        "target_groups": ["unemployed", "young_people", "immigrants", "associations"],
        "themes": ["osallisuus", "yhteisollisyys", "tyollisyys"],
        "tags": ["yhdistystoiminta", "Kaikumedia", "Porukkatalo"],
    },
    {
        "title": "Jalkapallosta elämäniloa",
        "slug": "jalkapallosta-elamaniloa",
        "summary": (
            "Pallokissat Kuopio ry järjesti matalan kynnyksen jalkapallotoimintaa maahanmuuttajataustaisille ja "
            "kantasuomalaisille syrjäytymisvaarassa oleville tytöille ja nuorille naisille."
        ),
        "objectives": (
            "<p>Hankkeen tavoitteena oli liikunnan tuomien terveyshyötyjen lisäksi nostaa mukana olevien nuorten "
            "naisten itsetuntoa, kasvattaa heidän sosiaalisia ympyröitään ja auttaa yhteiskuntaan "
            "integroitumisessa.</p>"
        ),
        "activities": (
            "<p>Pallokissat Kuopio ry järjesti Kuopion kaupungissa matalan kynnyksen jalkapallotoimintaa sekä "
            "maahanmuuttajataustaisille että kantasuomalaisille syrjäytymisvaarassa oleville tytöille ja nuorille "
            "naisille. Yhteistyökumppaneina Pallokissoilla oli lukuisia alueella toimivia organisaatioita, joiden "
            "avulla kohderyhmään luotiin kontakteja.</p>"
        ),
        "results": (
            "<p>Hankkeessa rakennettiin</p>"
            + ol(
                "verkostokartta, joka sisältää hankkeen toteutuksen kannalta tärkeät yhteistyökumppanit ja kuvaa "
                "heidän kanssaan toteutetun yhteistyön",
                "toimintamalli, jossa kuvataan hankkeen kannalta tärkeät tapahtumat ja toiminnot.",
            )
        ),
        "operating_models": [
            (
                "Jalkapallokerhon toimintamalli",
                "Kuvaa hankkeen kannalta tärkeät tapahtumat ja toiminnot: jalkapallokerhon valmentajan rekrytointi, "
                "kohderyhmän tavoittaminen ja rekrytointi, jalkapallokerhon toiminta, osallistujien sitouttaminen, "
                "integrointi seuratyöhön, palautteen keruu ja harrastuksen jatko Pallokissojen mukana hankkeen "
                "päättymisen jälkeen.",
            ),
            (
                "Verkostokartta",
                "Kartta hankkeen toteutuksen kannalta tärkeistä yhteistyökumppaneista ja kuvaus heidän kanssaan "
                "toteutetusta yhteistyöstä.",
            ),
        ],
        "organisations": [PALLOKISSAT],
        "municipalities": ["297"],
        "target_groups": ["immigrants", "at_risk", "young_people"],
        "themes": ["liikunta", "maahanmuuttajat", "nuoret"],
        "tags": ["jalkapallo", "tytöt ja nuoret naiset", "kotoutuminen"],
    },
]

# --- Events: examples, dated from the day of the first load (Europe/Helsinki) -----------------

EVENT_INDEX = {
    "title": "Tapahtumat",
    "slug": "tapahtumat",
    "show_in_menus": True,
    "intro": "<p>Koonto-hankkeen koulutukset, infotilaisuudet ja verkostotapaamiset.</p>",
}

_EXAMPLE_NOTE = callout(
    "Tämä on esimerkkitapahtuma",
    "<p>Tapahtuma on tehty sivuston esittelyä varten, eikä sitä järjestetä. Koonto-hankkeen todelliset tapahtumat "
    "julkaistaan Tapahtumat-osiossa.</p>",
    "warning",
)

EVENTS = [
    {
        "title": "Esimerkkitapahtuma: KAKE-rahoituksen infotilaisuus verkossa",
        "slug": "esimerkki-kake-infotilaisuus-verkossa",
        "summary": (
            "Esimerkki verkossa pidettävästä infotilaisuudesta: mitä kansalaistoimijalähtöiset kehittämishankkeet "
            "ovat ja miten ESR+-rahoitusta haetaan."
        ),
        "days_ahead": 14,
        "starts": (13, 0),
        "ends": (15, 0),
        "event_type": "info_session",
        "mode": "online",
        "organiser": PSSOTU,
        "audience": "Pohjoissavolaiset yhdistykset ja järjestöt",
        "tags": ["esimerkki", "KAKE", "infotilaisuus"],
        "body": [
            _EXAMPLE_NOTE,
            paragraph(
                "<p>Infotilaisuudessa kerrottaisiin, mitä KAKE-hankkeet ovat ja keitä ne auttavat.</p>" + ul(*KAKE_STATEMENTS)
            ),
        ],
    },
    {
        "title": "Esimerkkitapahtuma: hankkeen suunnittelun koulutus Kuopiossa",
        "slug": "esimerkki-hankesuunnittelun-koulutus-kuopiossa",
        "summary": (
            "Esimerkki lähikoulutuksesta yhdistyksille, jotka suunnittelevat omaa kansalaistoimijalähtöistä kehittämishanketta."
        ),
        "days_ahead": 30,
        "starts": (12, 0),
        "ends": (15, 0),
        "event_type": "training",
        "mode": "in_person",
        "venue": "Kuopio, paikka tarkentuu",
        "municipality": "297",
        "accessibility_note": "Esteettömyystiedot lisätään, kun tapahtumapaikka varmistuu.",
        "organiser": PSSOTU,
        "audience": "Hanketta suunnittelevat pohjoissavolaiset yhdistykset",
        "tags": ["esimerkki", "koulutus", "hankesuunnittelu"],
        "body": [
            _EXAMPLE_NOTE,
            paragraph(
                "<p>Koulutus olisi osa Koonto-hankkeen kokonaisvaltaista tukea hankkeen suunnittelusta sen toteutukseen.</p>"
            ),
        ],
    },
    {
        "title": "Esimerkkitapahtuma: yhdistysten verkostotapaaminen Iisalmessa",
        "slug": "esimerkki-verkostotapaaminen-iisalmessa",
        "summary": (
            "Esimerkki verkostotapaamisesta, jossa pohjoissavolaiset yhdistykset ja hankkeet tutustuvat toisiinsa ja "
            "jakavat hyviä käytäntöjä."
        ),
        "days_ahead": 45,
        "starts": (17, 0),
        "ends": (19, 0),
        "event_type": "networking",
        "mode": "in_person",
        "venue": "Iisalmi, paikka tarkentuu",
        "municipality": "140",
        "accessibility_note": "Esteettömyystiedot lisätään, kun tapahtumapaikka varmistuu.",
        "organiser": PSL,
        "audience": "Pohjoissavolaiset yhdistykset, järjestöt ja hankkeet",
        "tags": ["esimerkki", "verkostoituminen"],
        "body": [
            _EXAMPLE_NOTE,
            paragraph(
                "<p>Tapaaminen lisäisi pohjoissavolaisten hankkeiden välistä yhteistyötä ja verkostoitumista sekä "
                "levittäisi hyviä käytäntöjä ja tuloksia koko maakuntaan.</p>"
            ),
        ],
    },
]

# --- Required pages ------------------------------------------------------------------------

ACCESSIBILITY = {
    "title": "Saavutettavuusseloste",
    "slug": "saavutettavuusseloste",
    "show_in_menus": False,
    "summary": (
        "Miten Koonto-hankkeen verkkosivusto täyttää saavutettavuusvaatimukset, mitkä puutteet tiedämme ja miten "
        "voit antaa palautetta."
    ),
    "body": [
        paragraph(
            "<p>Pohjois-Savon Sosiaaliturvayhdistys ry haluaa, että mahdollisimman moni voi käyttää Koonto-hankkeen "
            "verkkosivustoa. Tämä seloste kertoo, miten sivusto täyttää lain digitaalisten palvelujen tarjoamisesta "
            "(306/2019) saavutettavuusvaatimukset, mitkä puutteet tiedämme ja miten voit antaa palautetta.</p>"
            "<p>Seloste koskee Koonto-hankkeen verkkosivuston julkisia sivuja suomeksi ja englanniksi. Se ei koske "
            "sivustolta linkitettyjä muiden organisaatioiden palveluja, kuten rahoittajan hakujärjestelmää tai "
            "tapahtumien ilmoittautumispalveluja; niiden saavutettavuudesta vastaa palvelun tarjoaja.</p>"
        ),
        heading("Saavutettavuuden tila"),
        paragraph(
            "<p>Sivusto on <b>osittain yhdenmukainen</b> saavutettavuusvaatimusten kanssa. Sivuston julkiset sivut "
            "täyttävät WCAG 2.1 -ohjeistuksen A- ja AA-tason vaatimukset; alla luetellut sisällöt eivät vielä täytä "
            "niitä.</p>"
        ),
        heading("Sisältö, joka ei ole vielä saavutettavaa"),
        paragraph(
            ul(
                "Ylläpitäjien sivustolle lataamat asiakirjat, esimerkiksi PDF-tiedostot, eivät välttämättä ole "
                "saavutettavia, koska ne on laadittu sivuston ulkopuolella eikä niiden rakennetta ole vielä "
                "tarkistettu. Voit pyytää asiakirjan saavutettavassa muodossa alla olevasta osoitteesta.",
                "Upotetut videot toistetaan YouTube- tai Vimeo-palvelusta, joten niiden soittimen ja tekstitysten "
                "saavutettavuus ei ole hallinnassamme. Videon sisällön saat pyynnöstä tekstinä alla olevasta "
                "osoitteesta.",
            )
        ),
        heading("Miten seloste on laadittu"),
        paragraph(
            f"<p>Seloste on laadittu {TODAY}. Se perustuu ylläpitäjän omaan arvioon ja testaukseen: jokainen "
            "julkinen sivutyyppi suomeksi ja englanniksi tarkistetaan jokaisen muutoksen yhteydessä oikeassa "
            "selaimessa axe-core-työkalulla (WCAG 2.1 A ja AA), ja samalla testataan näppäimistökäyttö, "
            f"puhelimen näyttö sekä 320 pikselin levyinen näkymä. Seloste on tarkistettu viimeksi {TODAY}.</p>"
        ),
        heading("Anna palautetta saavutettavuudesta"),
        paragraph(
            "<p>Huomasitko saavutettavuuspuutteen tai tarvitsetko sisältöä saavutettavassa muodossa? Kerro siitä "
            "meille sähköpostilla projektipäällikkö Tuomas Puustiselle: "
            '<a href="mailto:tuomas.puustinen@pssotu.fi">tuomas.puustinen@pssotu.fi</a>. '
            "Vastaamme palautteeseen 14 päivän kuluessa.</p>"
        ),
        heading("Valvontaviranomainen"),
        paragraph(
            "<p>Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Vastauksen saamisessa "
            "voi mennä 14 päivää. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden "
            "viikon aikana, voit tehdä ilmoituksen valvontaviranomaiselle. Valvontaviranomaisen sivuilla kerrotaan, "
            "miten ilmoituksen voi tehdä ja miten asia käsitellään.</p>"
            "<p><b>Valvontaviranomaisen yhteystiedot</b></p>"
            + ul(
                "Liikenne- ja viestintävirasto Traficom, saavutettavuusvaatimusten valvonta",
                '<a href="https://www.saavutettavuusvaatimukset.fi/">www.saavutettavuusvaatimukset.fi</a>',
                '<a href="mailto:saavutettavuus@traficom.fi">saavutettavuus@traficom.fi</a>',
                "puhelinvaihde 029 534 5000",
            )
        ),
    ],
}

PRIVACY = {
    "title": "Tietosuojaseloste",
    "slug": "tietosuojaseloste",
    "show_in_menus": False,
    "summary": ("Mitä henkilötietoja Koonto-hankkeen verkkosivusto käsittelee, miksi ja kuinka kauan, ja mitkä oikeutesi ovat."),
    "body": [
        paragraph(
            "<p>Tämä tietosuojaseloste kertoo, mitä henkilötietoja Koonto-hankkeen verkkosivusto käsittelee. Seloste "
            "kuvaa sivuston nykyistä toimintaa; päivitämme sen, jos sivustolle tulee uusia toimintoja.</p>"
        ),
        heading("Rekisterinpitäjä"),
        paragraph('<p>Pohjois-Savon Sosiaaliturvayhdistys ry<br/><a href="https://www.pssotu.fi/">www.pssotu.fi</a></p>'),
        heading("Yhteyshenkilö"),
        paragraph(
            "<p>Projektipäällikkö Tuomas Puustinen<br/>"
            '<a href="mailto:tuomas.puustinen@pssotu.fi">tuomas.puustinen@pssotu.fi</a><br/>puh. 050 541 5188</p>'
        ),
        heading("Sivuston kävijät"),
        paragraph(
            "<p>Julkinen sivusto ei aseta seuranta- eikä analytiikkaevästeitä, eikä se lataa sisältöä, fontteja tai "
            "skriptejä kolmansien osapuolten palvelimilta. Kielivalintasi näkyy sivun osoitteessa (/fi/ tai /en/), "
            "eikä sitä tallenneta evästeeseen.</p>"
        ),
        heading("Palvelinlokit", "h3"),
        paragraph(
            "<p>Kun avaat sivun, palvelin kirjaa lokiin pyynnön tiedot: IP-osoitteen, ajankohdan ja pyydetyn sivun "
            "osoitteen. Lokeja käytetään vain sivuston tietoturvan ja toimivuuden varmistamiseen, esimerkiksi "
            "hyökkäysten ja virheiden selvittämiseen. Lokit säilytetään rajoitetun ajan, minkä jälkeen ne poistetaan. "
            "Käsittelyn peruste on rekisterinpitäjän oikeutettu etu huolehtia palvelun tietoturvasta "
            "(EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta).</p>"
        ),
        heading("Ylläpitoon kirjautuvat käyttäjät"),
        paragraph(
            "<p>Sivuston sisältöä ylläpitävistä henkilöistä tallennetaan käyttäjätunnus, nimi, sähköpostiosoite, "
            "valittu ylläpidon kieli ja tieto heidän sisältöihin tekemistään muutoksista. Kirjautuneille "
            "käyttäjille asetetaan istuntoeväste, joka pitää heidät kirjautuneina, ja CSRF-eväste, joka suojaa "
            "lomakkeita väärinkäytöltä. Evästeet ovat välttämättömiä ylläpidon toiminnalle, eikä niitä käytetä "
            "seurantaan.</p>"
        ),
        heading("Sivustolla julkaistavat yhteystiedot"),
        paragraph(
            "<p>Sivustolla julkaistaan hankkeen yhteyshenkilöiden nimet, tehtävänimikkeet ja työyhteystiedot, jotta "
            "yhdistykset ja järjestöt voivat ottaa yhteyttä hankkeeseen.</p>"
        ),
        heading("Mitä sivusto ei kerää"),
        paragraph(
            "<p>Sivustolla ei ole yhteydenotto- eikä ilmoittautumislomakkeita, eikä sivusto kerää yhteydenottojen tai "
            "tapahtumailmoittautumisten tietoja. Jos tapahtumaan ilmoittaudutaan, ilmoittautuminen tehdään "
            "tapahtuman sivulla mainitussa ulkopuolisessa palvelussa, jonka tietosuojaselosteessa kerrotaan tietojen "
            "käsittelystä.</p>"
        ),
        heading("Tietojen luovutukset"),
        paragraph("<p>Tietoja ei myydä eikä luovuteta ulkopuolisille, paitsi jos laki sitä edellyttää.</p>"),
        heading("Rekisteröidyn oikeudet"),
        paragraph(
            "<p>Sinulla on oikeus</p>"
            + ul(
                "saada tietää, mitä tietoja sinusta käsitellään, ja saada niistä kopio",
                "pyytää virheellisten tietojen korjaamista",
                "pyytää tietojesi poistamista",
                "pyytää käsittelyn rajoittamista",
                "vastustaa tietojesi käsittelyä.",
            )
            + "<p>Lähetä pyyntösi yllä mainitulle yhteyshenkilölle.</p>"
        ),
        heading("Oikeus tehdä valitus valvontaviranomaiselle"),
        paragraph(
            "<p>Jos katsot, että henkilötietojesi käsittelyssä rikotaan tietosuojalainsäädäntöä, voit tehdä "
            'valituksen Tietosuojavaltuutetun toimistoon: <a href="https://tietosuoja.fi/">tietosuoja.fi</a>.</p>'
        ),
        paragraph(f"<p>Seloste on päivitetty {TODAY}.</p>"),
    ],
}
