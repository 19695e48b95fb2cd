"""The table of queries a visitor types and the demo page each must find (tests/search/test_demo_queries.py).

Each row: (language, query, title of a page that must be among the results, how the query
differs from the page's words). The pages are those `load_demo` builds.
"""

FINNISH_QUERIES = [
    ("yhdistys", "Yhdistysten verkostotapaaminen Iisalmessa", "inflected: yhdistysten"),
    ("yhdistyksille", "Kansalaistoimijalähtöiset kehittämishankkeet (KAKE)", "inflected query: yhdistyksiä"),
    ("koulutus", "Hankkeen suunnittelun koulutus Kuopiossa", "base form"),
    ("koulutukseen", "Hankkeen suunnittelun koulutus Kuopiossa", "inflected query"),
    ("haku", "Seuraava hankehaku 15.1.2024", "inflected: haun, compound part: hankehaku"),
    ("haussa", "Seuraava hankehaku 15.1.2024", "inflected query"),
    ("työpaja", "Työpajatoimintaa Lieksassa", "compound part: työpajatoimintaa"),
    ("työpajoissa", "Työpajatoimintaa Lieksassa", "inflected query"),
    ("hanke", "KaMu-hankkeen Perhefutis", "inflected: hankkeen"),
    ("hankkeiden", "Seuraava hankehaku 15.1.2024", "inflected compound: kehittämishankkeiden"),
    ("rahoitushaku", "Rahoitusoppaat", "inflected compound: rahoitushakujen"),
    ("hankehakuun", "Seuraava hankehaku 15.1.2024", "inflected compound query"),
    ("Lieksa", "Työpajatoimintaa Lieksassa", "inflected: Lieksassa"),
    ("Kuopiossa", "Hankkeen suunnittelun koulutus Kuopiossa", "same form"),
    ("Iisalmi", "Yhdistysten verkostotapaaminen Iisalmessa", "inflected: Iisalmessa"),
    ("tapaaminen", "Yhdistysten verkostotapaaminen Iisalmessa", "compound part"),
    ("jalkapallo", "Jalkapallosta elämäniloa", "inflected: jalkapallosta"),
    ("osuuskunta", "Osallisuutta osuuskunnista", "inflected: osuuskunnista"),
    ("osallisuus", "Osallisuutta osuuskunnista", "inflected: osallisuutta"),
    ("futis", "KaMu-hankkeen Perhefutis", "compound part: perhefutis"),
    ("kokemusasiantuntija", "Kokemusasiantuntijatoimintaa Lapissa", "compound head: kokemusasiantuntijatoimintaa"),
    ("Lappi", "Kokemusasiantuntijatoimintaa Lapissa", "inflected: Lapissa"),
    ("tilaisuus", "KAKE-rahoituksen infotilaisuus verkossa", "compound part: infotilaisuus"),
    ("rahoitus", "KAKE-rahoituksen infotilaisuus verkossa", "inflected: rahoituksen"),
    ("työelämä", "Työelämän avaimet", "inflected: työelämän"),
    ("nuorille", "Nuorten oma Kuopio!", "inflected query, inflected page: nuorten"),
    ("seloste", "Saavutettavuusseloste", "compound part"),
    ("tietosuoja", "Tietosuojaseloste", "compound head"),
    ("sosiaalirahasto", "Seuraava hankehaku 15.1.2024", "inflected: sosiaalirahastosta"),
    ("avoin tila", "Avoimet tilat", "two inflected words"),
    ("kehittämishanke", "Kansalaistoimijalähtöiset kehittämishankkeet (KAKE)", "inflected compound: kehittämishankkeet"),
]

ENGLISH_QUERIES = [
    ("workshops", "Workshop activities in Lieksa", "plural query"),
    ("associations", "Networking meeting for associations in Iisalmi", "same form"),
    ("association", "Networking meeting for associations in Iisalmi", "singular query"),
    ("funding calls", "Next call for projects: 15 January 2024", "plural query"),
    ("trainings", "Training in project planning in Kuopio", "plural query"),
]
