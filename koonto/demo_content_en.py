"""The English text of the demo site, as plain data: each Finnish string -> its English translation.

`manage.py load_demo` translates every Finnish demo page and snippet into English through
wagtail-localize, filling each of the source's string segments from ENGLISH. The keys are the
strings exactly as wagtail-localize segments them: one per plain-text field (titles, slugs,
summaries, snippet fields) and one per block of rich text (a paragraph or list item, with inline
<b> and <a id="a1"> tags, whose targets wagtail-localize keeps from the source). A key that
contains TODAY stands for any date in its place (d.m.yyyy, the date of the first load); the
English text then gets that date written the English way.

Proper names of Finnish organisations, municipalities, regions and projects stay in Finnish,
with an English gloss where it helps. Slugs are translated too, so English addresses read
/en/funding/, /en/projects/ and so on. A Finnish string missing here stops load_demo with an
error rather than putting Finnish text on the English site.
"""

from koonto.demo_content import TODAY

ENGLISH = {
    # Organisations
    "Balanssi ry": "Balanssi ry",
    "Kiipulasäätiö": "Kiipulasäätiö",
    "Kuopion Rouvasväenyhdistys ry": "Kuopion Rouvasväenyhdistys ry",
    "Pallokissat Kuopio ry": "Pallokissat Kuopio ry",
    "Pohjois-Savon Liikunta ry": "Pohjois-Savon Liikunta ry",
    (
        "Yksi Suomen viidestätoista liikunnan aluejärjestöstä, perustettu 7.10.1997. Maakunnallinen palvelu-, "
        "asiantuntija- ja yhteistyöjärjestö, jolla on 169 jäsentä, lähes kaikki urheiluseuroja. Tarjoaa monipuolisia "
        "liikunnan ja hyvinvoinnin palveluita, muun muassa neuvontaa, koulutus-, testaus- ja ohjauspalveluita sekä "
        "kokonaisten kehitysprosessien suunnittelua. Toiminnan osa-alueita ovat lasten ja nuorten liikunta, seura- ja "
        "yhdistystoiminta, aikuis- ja työyhteisöliikunta sekä tapahtumat. Pitkä kokemus ihmisten osaamista, "
        "osallisuutta ja hyvinvointia lisäävistä hankkeista. Koonto-hankkeen osahankkeen toteuttaja."
    ): (
        "One of Finland's fifteen regional sports organisations, founded on 7 October 1997. A regional service, expert "
        "and cooperation organisation with 169 members, nearly all of them sports clubs. It offers a wide range of "
        "sport and well-being services, including advice, training, testing and coaching services and the planning of "
        "complete development processes. Its areas of work are sport for children and young people, club and "
        "association activities, adult and workplace sport, and events. It has long experience of projects that "
        "increase people's skills, inclusion and well-being. Implementer of the Koonto sub-project."
    ),
    "Pohjois-Savon Sosiaaliturvayhdistys ry": "Pohjois-Savon Sosiaaliturvayhdistys ry",
    (
        "Pohjois-Savon Sosiaaliturvayhdistyksen tarkoituksena on edistää kansalaisten hyvinvointiin tähtäävää "
        "sosiaali- ja terveyspolitiikkaa erityisesti aluenäkökohdat huomioon ottaen. Yhdistys toimii tasa-arvoisuuden "
        "ja sosiaalisten perusoikeuksien toteuttamiseksi ja kansalaisten osallistumis- ja vaikutusmahdollisuuksien "
        "lisäämiseksi sekä syrjäytymisen ja huono-osaisuuden vähentämiseksi. Se toteuttaa tehtäväänsä yhteistyössä "
        "muiden hyvinvoinnin edistämiseen tähtäävien yhteisöjen kanssa. Yhdistys on Koonto-hankkeen päähankkeen "
        "toteuttaja ja toteuttaa myös Järjestöjen sote-muutostukea Pohjois-Savossa, Keski-Suomessa, Etelä-Savossa ja "
        "Pohjois-Karjalassa."
    ): (
        "The purpose of Pohjois-Savon Sosiaaliturvayhdistys (the Pohjois-Savo social security association) is to "
        "promote social and health policy that furthers people's well-being, with particular attention to regional "
        "perspectives. The association works for equality and fundamental social rights, for more opportunities for "
        "people to take part and have their say, and for less exclusion and disadvantage. It carries out its task "
        "together with other organisations that promote well-being. The association is the implementer of the main "
        "Koonto project and also runs Järjestöjen sote-muutostuki, support for NGOs in the health and social services "
        "reform, in Pohjois-Savo, Keski-Suomi, Etelä-Savo and Pohjois-Karjala (North Savo, Central Finland, South Savo "
        "and North Karelia)."
    ),
    "Tatu ry": "Tatu ry",
    # Contact persons
    "Tiina Kiiskinen": "Tiina Kiiskinen",
    "Hankeneuvoja": "Project adviser",
    "044 702 1915": "044 702 1915",
    "Tuomas Puustinen": "Tuomas Puustinen",
    "Projektipäällikkö": "Project manager",
    "050 541 5188": "050 541 5188",
    # Themes
    "Liikunta": "Sport and exercise",
    "liikunta": "sport-and-exercise",
    "Liikunta ja urheilu osallisuuden ja hyvinvoinnin keinona.": "Exercise and sport as a way to inclusion and well-being.",
    "Maahanmuuttajat": "Immigrants",
    "maahanmuuttajat": "immigrants",
    "Maahanmuuttajataustaiset ihmiset ja kotoutuminen.": "People with an immigrant background and their integration.",
    "Mielenterveys": "Mental health",
    "mielenterveys": "mental-health",
    "Mielen hyvinvointi, kuntoutujat ja vertaistuki.": "Mental well-being, rehabilitation and peer support.",
    "Nuoret": "Young people",
    "nuoret": "young-people",
    "Nuorille suunnattu toiminta.": "Activities for young people.",
    "Osallisuus": "Inclusion",
    "osallisuus": "inclusion",
    "Mahdollisuus osallistua, vaikuttaa ja kuulua joukkoon.": "The chance to take part, have a say and belong.",
    "Työllisyys": "Employment",
    "tyollisyys": "employment",
    "Tie koulutukseen ja työelämään, työ- ja toimintakyky.": (
        "Pathways to education and work; capacity for work and everyday functioning."
    ),
    "Yhteisöllisyys": "Community",
    "yhteisollisyys": "community",
    "Asukkaiden ja yhdistysten yhteinen tekeminen.": "Residents and associations doing things together.",
    # The project description
    "Koonto-hanke": "The Koonto project",
    (
        "Koonto eli Kansalaistoimijalähtöisen kehittämisen koordinaatio- ja viestintähanke (1.8.2023–30.11.2025) tukee "
        "pohjoissavolaisia yhdistyksiä ja järjestöjä kansalaistoimijalähtöisessä kehittämisessä. Hankkeen toteuttavat "
        "Pohjois-Savon Sosiaaliturvayhdistys ry (päähanke) ja Pohjois-Savon Liikunta ry (osahanke)."
    ): (
        "Koonto, the coordination and communication project for citizen-led development (1 August 2023 – 30 November "
        "2025), supports associations and organisations in Pohjois-Savo (North Savo) in citizen-led development. The "
        "project is implemented by Pohjois-Savon Sosiaaliturvayhdistys ry (main project) and Pohjois-Savon Liikunta ry "
        "(sub-project)."
    ),
    "Hankkeen tavoitteet:": "The project's aims:",
    (
        "Koordinoida kansalaistoimijalähtöistä kehittämishanketoimintaa ja vastata kokonaisuuteen liittyvästä "
        "viestinnästä Pohjois-Savon alueella."
    ): (
        "To coordinate citizen-led development projects and be responsible for communication about them as a whole in "
        "the Pohjois-Savo region."
    ),
    "Lisätä ja vahvistaa järjestöjen ja yhdistysten ESR-hankeosaamista.": (
        "To increase and strengthen the know-how of organisations and associations in ESF projects."
    ),
    "Edistää kansalaistoimijalähtöisten hankkeiden verkostoitumista ja yhteistyötä.": (
        "To promote networking and cooperation between citizen-led projects."
    ),
    "Rohkaista, tukea ja kehittää kansalaistoimijuutta ja kansalaistoimijoiden toimintamahdollisuuksia rakennerahastossa.": (
        "To encourage, support and develop civic action and the opportunities of civil society actors within the "
        "Structural Funds."
    ),
    "Vahvistaa ja edistää osallisuutta koordinoimalla ja tukemalla järjestö- ja yhdistystoimijoiden osallisuusosaamista.": (
        "To strengthen and promote inclusion by coordinating and supporting the inclusion know-how of people active in "
        "organisations and associations."
    ),
    # Koonto (HomePage)
    "Koonto": "Koonto",
    "koonto": "koonto-en",
    (
        "Koonto eli Kansalaistoimijalähtöisen kehittämisen koordinaatio- ja viestintähanke tukee pohjoissavolaisia "
        "yhdistyksiä ja järjestöjä kansalaistoimijalähtöisessä kehittämisessä. Täältä löydät tietoa rahoitushakujen "
        "ajankohdista, tukea hankkeen suunnitteluun ja esimerkkejä aiemmista KAKE-hankkeista."
    ): (
        "Koonto, the coordination and communication project for citizen-led development, supports associations and "
        "organisations in Pohjois-Savo in developing citizen-led projects. Here you will find the timing of funding "
        "calls, support for planning a project and examples of earlier citizen-led development (KAKE) projects."
    ),
    # Tietoa Koonto-hankkeesta (StandardPage)
    "Tietoa Koonto-hankkeesta": "About the Koonto project",
    "tietoa-koonto-hankkeesta": "about-koonto",
    (
        "Koonto koordinoi kansalaistoimijalähtöistä kehittämistä Pohjois-Savossa ja vahvistaa yhdistysten "
        "ESR-hankeosaamista 1.8.2023–30.11.2025."
    ): (
        "Koonto coordinates citizen-led development in Pohjois-Savo (North Savo) and strengthens the know-how of "
        "associations in ESF projects from 1 August 2023 to 30 November 2025."
    ),
    (
        "<b>Koonto</b> eli Kansalaistoimijalähtöisen kehittämisen koordinaatio- ja viestintähanke tukee "
        "pohjoissavolaisia yhdistyksiä ja järjestöjä kansalaistoimijalähtöisessä kehittämisessä (KAKE). Hankeaika on "
        "1.8.2023–30.11.2025."
    ): (
        "<b>Koonto</b>, the coordination and communication project for citizen-led development, supports associations "
        "and organisations in Pohjois-Savo in citizen-led development (KAKE). The project runs from 1 August 2023 to "
        "30 November 2025."
    ),
    "Oletko kuullut Euroopan sosiaalirahastosta? Tai kansalaistoimijalähtöisestä kehittämisestä?": (
        "Have you heard of the European Social Fund? Or of citizen-led development?"
    ),
    "Koonto-hankkeen esittely": "Presentation of the Koonto project",
    "Hankkeen tavoitteet": "The project's aims",
    "Kohderyhmä": "Target group",
    (
        "Hankkeen kohderyhmänä ovat kaikki pohjoissavolaiset eri toimialoja edustavat järjestöt, jotka ovat "
        "kiinnostuneita kansalaistoimijalähtöisestä kehittämistyöstä – noin 5 000 järjestöä."
    ): (
        "The project is for all organisations in Pohjois-Savo, in every field, that are interested in citizen-led "
        "development – some 5,000 organisations."
    ),
    "Toiminta-alue": "Where the project works",
    (
        "Hanke toimii Pohjois-Savon 19 kunnassa: Kuopio, Siilinjärvi, Lapinlahti, Iisalmi, Vieremä, Kiuruvesi, "
        "Pielavesi, Keitele, Vesanto, Tervo, Rautalampi, Suonenjoki, Leppävirta, Varkaus, Joroinen, Tuusniemi, Kaavi, "
        "Rautavaara ja Sonkajärvi."
    ): (
        "The project works in the 19 municipalities of Pohjois-Savo: Kuopio, Siilinjärvi, Lapinlahti, Iisalmi, "
        "Vieremä, Kiuruvesi, Pielavesi, Keitele, Vesanto, Tervo, Rautalampi, Suonenjoki, Leppävirta, Varkaus, "
        "Joroinen, Tuusniemi, Kaavi, Rautavaara and Sonkajärvi."
    ),
    "Hankkeen tausta": "Background",
    (
        "Ohjelmakaudella 2014–2020 kansalaistoimijalähtöinen paikallinen kehittäminen tehtiin kaupunkialueella. "
        "Ohjelmakaudella 2021–2027 kansalaistoimijalähtöinen kehittämistyö on laajentunut maakunnalliseksi."
    ): (
        "In the 2014–2020 programme period, community-led local development was carried out in urban areas. In the "
        "2021–2027 programme period, citizen-led development has expanded to cover the whole region."
    ),
    "Toteuttajat": "Implementers",
    "Pohjois-Savon Sosiaaliturvayhdistys ry – päähankkeen toteuttaja": (
        "Pohjois-Savon Sosiaaliturvayhdistys ry – implementer of the main project"
    ),
    (
        "Pohjois-Savon Sosiaaliturvayhdistyksen tarkoituksena on edistää kansalaisten hyvinvointiin tähtäävää "
        "sosiaali- ja terveyspolitiikkaa erityisesti aluenäkökohdat huomioon ottaen."
    ): (
        "The purpose of Pohjois-Savon Sosiaaliturvayhdistys is to promote social and health policy that furthers "
        "people's well-being, with particular attention to regional perspectives."
    ),
    (
        "Yhdistys toimii tasa-arvoisuuden ja sosiaalisten perusoikeuksien toteuttamiseksi ja kansalaisten "
        "osallistumis- ja vaikutusmahdollisuuksien lisäämiseksi sekä syrjäytymisen ja huono-osaisuuden vähentämiseksi. "
        "Se toteuttaa tehtäväänsä yhteistyössä muiden hyvinvoinnin edistämiseen tähtäävien yhteisöjen kanssa."
    ): (
        "The association works for equality and fundamental social rights, for more opportunities for people to take "
        "part and have their say, and for less exclusion and disadvantage. It carries out its task together with other "
        "organisations that promote well-being."
    ),
    (
        "Yhdistyksen toimintaan kuuluvat Koonto-hanke sekä Järjestöjen sote-muutostuki Pohjois-Savossa, "
        'Keski-Suomessa, Etelä-Savossa ja Pohjois-Karjalassa. <a id="a1">Koonto-hanke yhdistyksen sivuilla</a>'
    ): (
        "The association's work includes the Koonto project and Järjestöjen sote-muutostuki (support for NGOs in the "
        "health and social services reform) in Pohjois-Savo, Keski-Suomi, Etelä-Savo and Pohjois-Karjala. "
        '<a id="a1">The Koonto project on the association\'s website (in Finnish)</a>'
    ),
    "Pohjois-Savon Liikunta ry – osahankkeen toteuttaja": "Pohjois-Savon Liikunta ry – implementer of the sub-project",
    "Yksi Suomen viidestätoista liikunnan aluejärjestöstä, perustettu 7.10.1997": (
        "One of Finland's fifteen regional sports organisations, founded on 7 October 1997"
    ),
    "Maakunnallinen palvelu-, asiantuntija- ja yhteistyöjärjestö": "A regional service, expert and cooperation organisation",
    "169 jäsentä, joista lähes kaikki urheiluseuroja": "169 members, nearly all of them sports clubs",
    (
        "Monipuolisia palveluita liikunnan ja hyvinvoinnin saralta, muun muassa neuvonta-, koulutus-, testaus- ja "
        "ohjauspalveluita sekä kokonaisten kehitysprosessien suunnittelua"
    ): (
        "A wide range of sport and well-being services, including advice, training, testing and coaching services and "
        "the planning of complete development processes"
    ),
    (
        "Toiminnan osa-alueita ovat lasten ja nuorten liikunta, seura- ja yhdistystoiminta, aikuis- ja "
        "työyhteisöliikunta sekä tapahtumat"
    ): (
        "Areas of work: sport for children and young people, club and association activities, adult and workplace "
        "sport, and events"
    ),
    "Pitkä kokemus ihmisten osaamista, osallisuutta ja hyvinvointia lisäävistä hankkeista": (
        "Long experience of projects that increase people's skills, inclusion and well-being"
    ),
    '<a id="a1">www.pohjois-savonliikunta.fi</a>': '<a id="a1">www.pohjois-savonliikunta.fi</a>',
    "Hankeaika ja rahoitus": "Project period and funding",
    "Hankeaika on 1.8.2023–30.11.2025.": "The project runs from 1 August 2023 to 30 November 2025.",
    "Euroopan unionin rahoittama": "Funded by the European Union",
    "Uudistuva ja osaava Suomi 2021–2027": "Innovation and Skills in Finland 2021–2027",
    "Työ- ja elinkeinoministeriö": "Ministry of Economic Affairs and Employment",
    "Yhteystiedot": "Contact details",
    (
        "<b>Pohjois-Savon Sosiaaliturvayhdistys ry</b> (päähankkeen toteuttaja)<br/>Projektipäällikkö Tuomas "
        'Puustinen, <a id="a1">tuomas.puustinen@pssotu.fi</a>, puh. 050 541 5188'
    ): (
        "<b>Pohjois-Savon Sosiaaliturvayhdistys ry</b> (implementer of the main project)<br/>Tuomas Puustinen, project "
        'manager, <a id="a1">tuomas.puustinen@pssotu.fi</a>, tel. 050 541 5188'
    ),
    (
        "<b>Pohjois-Savon Liikunta ry</b> (osahankkeen toteuttaja)<br/>Hankeneuvoja Tiina Kiiskinen, "
        '<a id="a1">tiina.kiiskinen@pohjois-savonliikunta.fi</a>, puh. 044 702 1915'
    ): (
        "<b>Pohjois-Savon Liikunta ry</b> (implementer of the sub-project)<br/>Tiina Kiiskinen, project adviser, "
        '<a id="a1">tiina.kiiskinen@pohjois-savonliikunta.fi</a>, tel. 044 702 1915'
    ),
    # Rahoitusoppaat (GuideIndexPage)
    "Rahoitusoppaat": "Funding guides",
    "rahoitus": "funding",
    (
        "Tietoa kansalaistoimijalähtöisistä kehittämishankkeista, rahoitushakujen ajankohdista ja toimintalinjoista "
        "pohjoissavolaisille yhdistyksille ja järjestöille."
    ): (
        "Information for associations and organisations in Pohjois-Savo on citizen-led development projects and on the "
        "timing and priorities of funding calls."
    ),
    # Seuraava hankehaku 15.1.2024 (FundingCallPage)
    "Seuraava hankehaku 15.1.2024": "Next call for projects: 15 January 2024",
    "hankehaku-15-1-2024": "call-for-projects-15-january-2024",
    (
        "Kansalaistoimijalähtöisten kehittämishankkeiden haku 15.1.2024. Rahoitus Euroopan sosiaalirahastosta (ESR+), "
        "Uudistuva ja osaava Suomi 2021–2027 -ohjelma."
    ): (
        "Call for citizen-led development projects, 15 January 2024. Funding from the European Social Fund Plus "
        "(ESF+), Innovation and Skills in Finland 2021–2027 programme."
    ),
    "ESR+": "ESF+",
    "EURA 2021": "EURA 2021",
    "Tietoa rahoitushakujen ajankohdista ja toimintalinjoista – SEURAAVA HAKU 15.1.2024": (
        "Information on the timing and priorities of funding calls – NEXT CALL 15 JANUARY 2024"
    ),
    (
        "Koonto-hanke kertoi esittelyssään seuraavasta kansalaistoimijalähtöisten kehittämishankkeiden haun "
        "päivämäärästä. Hankkeet rahoitetaan Euroopan sosiaalirahastosta (ESR+) Uudistuva ja osaava Suomi 2021–2027 "
        "-ohjelmassa. Hankkeiden tukitaso on pääsääntöisesti 80 % hankkeen kokonaiskustannuksista."
    ): (
        "In its presentation, the Koonto project announced the date of the next call for citizen-led development "
        "projects. The projects are funded by the European Social Fund Plus (ESF+) under the Innovation and Skills in "
        "Finland 2021–2027 programme. As a rule, support covers 80% of a project's total costs."
    ),
    "Tarkista kellonaika virallisesta hakuilmoituksesta": "Check the closing time in the official call notice",
    (
        "Lähdeaineisto kertoo vain haun päivämäärän 15.1.2024. Tällä sivulla näkyvä kellonaika klo 16.15 on "
        "ELY-keskusten hankehakujen tavallinen päättymisaika: tarkista kellonaika ja haun ehdot virallisesta "
        "hakuilmoituksesta."
    ): (
        "The source material gives only the date of the call, 15 January 2024. The closing time shown on this page, "
        "16:15, is the usual closing time of calls run by the ELY Centres (Centres for Economic Development, Transport "
        "and the Environment): check the time and the terms of the call in the official call notice."
    ),
    (
        "Koonto auttaa yhdistyksiä ja järjestöjä hankkeen suunnittelusta sen toteutukseen. Kysy lisää alla mainituilta "
        "yhteyshenkilöiltä."
    ): (
        "Koonto helps associations and organisations from planning a project to carrying it out. For more information, "
        "ask the contacts below."
    ),
    # Kansalaistoimijalähtöiset kehittämishankkeet (KAKE) (GuidePage)
    "Kansalaistoimijalähtöiset kehittämishankkeet (KAKE)": "Citizen-led development projects (KAKE)",
    "kake-hankkeet": "kake-projects",
    (
        "Mitä kansalaistoimijalähtöiset kehittämishankkeet ovat, keitä ne auttavat, paljonko tukea voi saada ja miten "
        "Koonto tukee yhdistyksiä hankkeen suunnittelusta sen toteutukseen."
    ): (
        "What citizen-led development projects are, whom they help, how much support you can get, and how Koonto "
        "supports associations from planning a project to carrying it out."
    ),
    "Pohjoissavolaiset yhdistykset ja järjestöt": "Associations and organisations in Pohjois-Savo",
    "Mitä KAKE-hankkeet ovat?": "What are KAKE projects?",
    (
        "Kansalaistoimijalähtöiset kehittämishankkeet (KAKE) ovat järjestöjen ja yhdistysten kehittämishankkeita, "
        "joita rahoitetaan Euroopan sosiaalirahastosta (ESR+) Uudistuva ja osaava Suomi 2021–2027 -ohjelmassa."
    ): (
        "Citizen-led development projects (KAKE) are development projects run by organisations and associations and "
        "funded by the European Social Fund Plus (ESF+) under the Innovation and Skills in Finland 2021–2027 programme."
    ),
    "Hankkeilla edistetään asukkaiden yhteisöllisyyttä, osallisuutta ja hyvinvointia.": (
        "The projects promote residents' sense of community, inclusion and well-being."
    ),
    "Hankkeilla vähennetään yksinäisyyttä ja huono-osaisuutta.": "The projects reduce loneliness and disadvantage.",
    (
        "Hankkeilla vahvistetaan heikoimmassa työmarkkina-asemassa ja suurimmassa huono-osaisuusriskissä olevien "
        "henkilöiden kiinnittymistä koulutukseen tai työelämään."
    ): (
        "The projects help people in the weakest position on the labour market and at the greatest risk of "
        "disadvantage to engage with education or working life."
    ),
    (
        "Hankkeilla luodaan uusia tapoja toimia ja uusia toimintamalleja, joilla voidaan auttaa haavoittuvimmassa "
        "asemassa olevia kohderyhmiä."
    ): ("The projects create new ways of working and new operating models that can help the most vulnerable target groups."),
    "Keitä hankkeet auttavat?": "Whom do the projects help?",
    "Hankkeilla autetaan haavoittuvimmassa asemassa olevia kohderyhmiä, muun muassa:": (
        "The projects help the most vulnerable target groups, for example:"
    ),
    "opiskelun, työn ja palveluiden ulkopuolella olevia henkilöitä": "people outside education, work and services",
    "maahanmuuttajataustaisia ihmisiä": "people with an immigrant background",
    "syrjäytymisvaarassa olevia ihmisiä": "people at risk of social exclusion",
    "heikoimmassa työmarkkina-asemassa ja suurimmassa huono-osaisuusriskissä olevia henkilöitä": (
        "people in the weakest position on the labour market and at the greatest risk of disadvantage"
    ),
    "Esimerkkejä aiemmista KAKE-hankkeista löydät Hankeesittelyistä.": (
        "You will find examples of earlier KAKE projects in the Project showcases section."
    ),
    "Paljonko tukea voi saada?": "How much support can you get?",
    (
        "Hankkeiden tukitaso on pääsääntöisesti 80 % hankkeen kokonaiskustannuksista. Tarkista tukitaso aina kyseisen "
        "haun hakuilmoituksesta."
    ): (
        "As a rule, support covers 80% of a project's total costs. Always check the support rate in the notice of the "
        "call in question."
    ),
    "Näin Koonto tukee yhdistyksiä": "How Koonto supports associations",
    "Koonto tarjoaa pohjoissavolaisille yhdistyksille ja järjestöille:": (
        "Koonto offers associations and organisations in Pohjois-Savo:"
    ),
    "Tietoa rahoitushakujen ajankohdista ja toimintalinjoista": "Information on the timing and priorities of funding calls",
    "Hanke- ja osallisuusosaamista pohjoissavolaisille yhdistyksille": (
        "Project and inclusion know-how for associations in Pohjois-Savo"
    ),
    "Kokonaisvaltaista tukea hankkeen suunnittelusta sen toteutukseen": (
        "Comprehensive support from planning a project to carrying it out"
    ),
    "Pohjoissavolaisten hankkeiden välisen yhteistyön ja verkostoitumisen lisäämistä": (
        "More cooperation and networking between projects in Pohjois-Savo"
    ),
    "Viestinnällistä näkyvyyttä": "Visibility through communication",
    "Hyvien käytäntöjen ja tulosten levittämistä ja juurruttamista koko maakuntaan": (
        "Spreading good practices and results and embedding them across the whole region"
    ),
    "Kysy lisää": "Ask us",
    # Hankeesittelyt (ShowcaseIndexPage)
    "Hankeesittelyt": "Project showcases",
    "hankkeet": "projects",
    (
        "Kokemuksia aikaisemmista kansalaistoimijalähtöisen kehittämisen (KAKE) hankkeista: mitä niissä tehtiin, kenen "
        "kanssa ja mitä niistä jäi elämään."
    ): (
        "Experiences from earlier citizen-led development (KAKE) projects: what they did, with whom, and what lived on "
        "after them."
    ),
    # Työpajatoimintaa Lieksassa (ShowcasePage)
    "Työpajatoimintaa Lieksassa": "Workshop activities in Lieksa",
    "tyopajatoimintaa-lieksassa": "workshop-activities-in-lieksa",
    "Hankkeessa aloitettiin aikuisille tarkoitettu työpaja pitkään työttömänä olleille lieksalaisille.": (
        "The project started a workshop for adults in Lieksa who had been unemployed for a long time."
    ),
    (
        "Työpaja on tarkoitettu lieksalaisille pitkään työttömänä olleille henkilöille, jotka ovat moniammatillisen "
        "tuen tarpeessa ja tarvitsevat työ- ja toimintakyvyn vahvistamista."
    ): (
        "The workshop is for long-term unemployed people in Lieksa who need multi-professional support and help to "
        "strengthen their capacity for work and everyday functioning."
    ),
    "Hankkeessa aloitettiin aikuisille tarkoitettu työpaja.": "The project started a workshop for adults.",
    "Työpajatoiminta jatkuu nykyisin Lieksan kaupungin omana toimintana työllisyyspalveluissa vuoden 2017 alusta alkaen.": (
        "Since the beginning of 2017, the workshop has continued as part of the City of Lieksa's own employment services."
    ),
    # Avoimet tilat (ShowcasePage)
    "Avoimet tilat": "Avoimet tilat",
    "avoimet-tilat": "avoimet-tilat",
    "Hankkeessa toteutettiin erilaisia omaehtoisen tekemisen tiloja Kuopion keskustan alueella.": (
        "The project created various spaces for self-directed activity in the centre of Kuopio."
    ),
    (
        "Hankkeessa haettiin ratkaisumalleja sosiaalisen yhteenkuuluvuuden, kaupunkitilan aktivoimisen sekä "
        "syrjäytymisuhan alla olevien henkilöiden ja marginaalissa olevien ryhmien osallistamisen ongelmiin."
    ): (
        'The Avoimet tilat ("Open spaces") project looked for solutions to the problems of social cohesion, bringing '
        "urban space to life, and involving people at risk of exclusion and marginalised groups."
    ),
    "Hankkeen tuotoksiin kuului pop-up-tiloja ja torinalueen aktivoimista taiteen keinoin.": (
        "The project's outputs included pop-up spaces and bringing the market square to life through art."
    ),
    (
        "Pop-up-tilakokeilut ovat synnyttäneet yhteisöllistä kansalaisliikehdintää, joka pyrkii vastaavan tilan "
        "perustamiseen ja toiminnan vakiinnuttamiseen."
    ): (
        "The pop-up space experiments gave rise to a community-based citizens' movement that aims to set up a similar "
        "space and make its activities permanent."
    ),
    # Nuorten oma Kuopio! (ShowcasePage)
    "Nuorten oma Kuopio!": "Nuorten oma Kuopio!",
    "nuorten-oma-kuopio": "nuorten-oma-kuopio",
    (
        "Kuopion Rouvasväenyhdistyksen hanke auttoi kuopiolaisia, erityisesti nuoria, kehittämään omaa "
        "elinympäristöään muotoilun työpajoissa."
    ): (
        'The Nuorten oma Kuopio! ("Young people\'s own Kuopio!") project of Kuopion Rouvasväenyhdistys helped people in '
        "Kuopio, especially young people, to develop their own surroundings in design workshops."
    ),
    (
        "Hankkeen tavoitteena oli auttaa Kuopion kaupungin asukkaita, erityisesti nuoria, kiinnittämään huomiota ja "
        "kehittämään omaa elinympäristöään, oppimaan uusia kädentaitoja ja uusia tapoja ilmaista itseään muotoilun "
        "työpajoissa."
    ): (
        "The project aimed to help residents of the City of Kuopio, especially young people, to pay attention to and "
        "develop their own surroundings, and to learn new crafts and new ways of expressing themselves in design "
        "workshops."
    ),
    (
        "Nuorisotalojen nuoret suunnittelivat ja toteuttivat yhdessä nuorisotyönohjaajien kanssa "
        "kaupunkimuotoiluprojekteja muotoilijoiden ohjaamina osallistavissa muotoilutyöpajoissa."
    ): (
        "Young people from youth centres, together with youth workers, planned and carried out urban design projects "
        "in participatory design workshops led by designers."
    ),
    # Hanaa! (ShowcasePage)
    "Hanaa!": "Hanaa!",
    "hanaa": "hanaa",
    (
        "Tatu ry:n hankkeessa järjestettiin harrastus- ja vapaa-ajan toimintaa 16–29-vuotiaille erityistä tukea "
        "tarvitseville nuorille yli diagnoosirajojen."
    ): (
        "Tatu ry's Hanaa! project organised hobby and leisure activities for young people aged 16–29 who need special "
        "support, regardless of diagnosis."
    ),
    (
        "Hankkeessa järjestettiin harrastus- ja vapaa-ajan toimintaa 16–29-vuotiaille erityistä tukea tarvitseville "
        "nuorille yli diagnoosirajojen. Toiminta on sisältänyt monipuolisesti kulttuuria eri muodoissaan, liikuntaa ja "
        "ajan viettämistä yhdessä."
    ): (
        "The project organised hobby and leisure activities for young people aged 16–29 who need special support, "
        "regardless of diagnosis. The activities have included culture in its many forms, sport and spending time "
        "together."
    ),
    (
        "Toimintaa on järjestetty muun muassa yhteistyössä harrastusseurojen kanssa sekä paikoissa, joissa myös muut "
        "nuoret viettävät vapaa-aikaansa. Hanke syntyi järjestöyhteistyönä seitsemän eri järjestön ja yhdistyksen "
        "voimin. Monipuolisen toiminnan toteuttamiseksi laaja yhteistyö on ollut erittäin tärkeää."
    ): (
        "Activities have been organised together with hobby clubs, among others, and in places where other young "
        "people also spend their free time. The project was born out of cooperation between seven organisations and "
        "associations. Broad cooperation has been essential for offering such varied activities."
    ),
    (
        "Ryhmien kautta nuoret tutustuivat muihin nuoriin ja löysivät uusia kavereita. Toiminnan kautta nuoret "
        "tutustuivat uusiin harrastus- ja vapaa-ajanviettopaikkoihin ja saivat ideoita toimintaan. Nuoret "
        "rohkaistuivat vaikuttamaan, ja heidän aktiivisuutensa kasvoi myös elämän muilla osa-alueilla."
    ): (
        "Through the groups, the young people got to know other young people and made new friends. Through the "
        "activities, they discovered new places for hobbies and leisure and got ideas for things to do. The young "
        "people gained the confidence to make their voices heard, and they became more active in other areas of life "
        "as well."
    ),
    "7": "7",
    "järjestöä ja yhdistystä toteutti hankkeen yhdessä": "organisations and associations ran the project together",
    "Toiminnalla on paljon kysyntää, ja sitä tullaan jatkamaan Kuopion alueella sekä laajentamaan lähikuntiin.": (
        "There is great demand for the activities, which will continue in the Kuopio area and expand to neighbouring "
        "municipalities."
    ),
    # Osallisuutta osuuskunnista (ShowcasePage)
    "Osallisuutta osuuskunnista": "Osallisuutta osuuskunnista",
    "osallisuutta-osuuskunnista": "osallisuutta-osuuskunnista",
    (
        "Kiipulasäätiön hanke kehitti osuuskuntatoiminnan mallin, joka tarjoaa heikoimmassa työmarkkina-asemassa "
        "oleville matalan kynnyksen ohjausta, valmennusta ja pienimuotoisia työtehtäviä."
    ): (
        'Kiipulasäätiö\'s Osallisuutta osuuskunnista ("Inclusion through cooperatives") project developed a cooperative '
        "model that offers people in the weakest position on the labour market low-threshold guidance, coaching and "
        "small-scale work tasks."
    ),
    (
        "Hankkeen kohderyhmänä olivat heikoimmassa työmarkkina-asemassa olevat: vammaiset, mielenterveyskuntoutujat, "
        "osatyökykyiset, pitkäaikaistyöttömät sekä työvoiman ulkopuolella olevat ryhmät (työkyvyttömyyseläke ym.), "
        "joiden osallisuuden ja työllistymisen lisäämiseen tarvittiin uudenlaisia toimintakeinoja."
    ): (
        "The project was for people in the weakest position on the labour market: people with disabilities, mental "
        "health rehabilitees, people with partial work ability, the long-term unemployed and groups outside the labour "
        "force (for example people on a disability pension), whose inclusion and employment called for new kinds of "
        "approaches."
    ),
    (
        "Hankkeen tavoitteena oli kehittää toimintapaikkakunnilla innovatiivinen osuuskuntatoiminnan malli, joka "
        "tarjoaa kohderyhmille matalan kynnyksen ohjaus- ja valmennuspalvelua sekä mahdollisuuden osallisuuden "
        "lisäämiseen ja pienimuotoisten työtehtävien kautta työllistymispolulla etenemiseen."
    ): (
        "The project aimed to develop, in the municipalities where it worked, an innovative cooperative model that "
        "offers the target groups low-threshold guidance and coaching and a chance to become more included and to move "
        "along a path to employment through small-scale work tasks."
    ),
    (
        "Hankkeen tuloksena syntyivät kuvaukset innovatiivisesta osuuskunnasta, valmennuskäytännöistä ja osuuskunnan "
        "tarvitsemista tukimuodoista."
    ): (
        "The project produced descriptions of an innovative cooperative, of coaching practices and of the forms of "
        "support a cooperative needs."
    ),
    (
        "Hankkeen tulokset ovat toiminnallisesti ja rahoituksellisesti ankkuroitavissa kunnissa jo toimiviin "
        "palvelujärjestelmiin."
    ): (
        "The project's results can be anchored, both operationally and financially, in the service systems that "
        "municipalities already run."
    ),
    "Osuuskuntatoiminnan malli": "Cooperative model",
    (
        "Innovatiivinen osuuskuntatoiminnan malli, joka tarjoaa heikoimmassa työmarkkina-asemassa oleville matalan "
        "kynnyksen ohjaus- ja valmennuspalvelua, mahdollisuuden osallisuuden lisäämiseen sekä pienimuotoisten "
        "työtehtävien kautta työllistymispolulla etenemiseen. Osuuskuntaympäristö tarjoaa mahdollisuuden "
        "yhteistoiminnalliseen sosiaaliseen kuntoutumiseen ja yrittämiseen. Mallista on kuvaukset osuuskunnasta, "
        "valmennuskäytännöistä ja osuuskunnan tarvitsemista tukimuodoista."
    ): (
        "An innovative cooperative model that offers people in the weakest position on the labour market low-threshold "
        "guidance and coaching, a chance to become more included, and a path to employment through small-scale work "
        "tasks. The cooperative setting offers opportunities for joint social rehabilitation and entrepreneurship. The "
        "model is documented in descriptions of the cooperative, its coaching practices and the forms of support a "
        "cooperative needs."
    ),
    # Työelämän avaimet (ShowcasePage)
    "Työelämän avaimet": "Työelämän avaimet",
    "tyoelaman-avaimet": "tyoelaman-avaimet",
    (
        "Hankkeessa kannustettiin ja ohjattiin alle 30-vuotiaita nuoria kohti elämänhallintaa ja tuettiin heidän "
        "työllistymistään tai hakeutumistaan ammatilliseen koulutukseen."
    ): (
        'The Työelämän avaimet ("Keys to working life") project encouraged and guided young people under 30 towards '
        "managing their lives and supported them in finding work or applying for vocational education."
    ),
    (
        "Hankkeen kohderyhmänä olivat alle 30-vuotiaat nuoret, joilla ei vielä ollut ammatillista koulutusta, jotka "
        "olivat syrjäytymisvaarassa pitkittyneen työttömyyden takia tai joilla oli elämänhallintaan liittyviä "
        "haasteita, kuten päihde- ja mielenterveysongelmia."
    ): (
        "The project was for young people under 30 who did not yet have a vocational qualification, who were at risk "
        "of exclusion because of prolonged unemployment, or who had difficulties in managing their lives, such as "
        "substance abuse or mental health problems."
    ),
    (
        "Hankkeen aikana kohderyhmää kannustettiin ja ohjattiin kohti elämänhallintaa sekä tuettiin heidän "
        "työllistymistään tai ammatilliseen koulutukseen hakeutumistaan. Kaikille Työelämän avaimet -kursseille "
        "osallistuneille tehtiin kurssin päättymisen jälkeiseen elämään suuntautuva päivitetty aktivointi- ja "
        "jatkosuunnitelma."
    ): (
        "During the project, the participants were encouraged and guided towards managing their lives and supported in "
        "finding work or applying for vocational education. Everyone who took part in a Työelämän avaimet course "
        "received an updated activation and follow-up plan for life after the course."
    ),
    "Suurin osa kurssin päättäneistä halusi jatkaa ja jatkoi kurssin jälkeen työkokeilussa.": (
        "Most of those who completed the course wanted to go on to a work trial after it, and did."
    ),
    # KaMu-hankkeen Perhefutis (ShowcasePage)
    "KaMu-hankkeen Perhefutis": "Perhefutis in the KaMu project",
    "kamu-hankkeen-perhefutis": "perhefutis-kamu-project",
    (
        "Pallokissat Kuopio ry:n KaMu-hankkeen Perhefutiksessa olivat mukana 2–4-vuotiaat lapset vanhempineen eri "
        "puolilla Kuopiota."
    ): (
        'Perhefutis ("family football"), run by Pallokissat Kuopio ry in its KaMu project, brought together children '
        "aged 2–4 and their parents in different parts of Kuopio."
    ),
    (
        "Perhefutis-toiminnassa oli mukana 2–4-vuotiaita lapsia vanhempineen. Perhefutikseen luotiin toimintamalli, "
        "jota testattiin. Perhefutis toteutettiin kolmena päivänä viikossa eri puolilla Kuopion kaupunkia."
    ): (
        "Perhefutis brought together children aged 2–4 and their parents. An operating model was created for "
        "Perhefutis and tested. Perhefutis sessions were held three days a week in different parts of the City of "
        "Kuopio."
    ),
    (
        "Lapset ja vanhemmat antoivat pääsääntöisesti hyvää palautetta toiminnasta, muun muassa siihen osallistumisen "
        "helppoudesta ja maksuttomuudesta."
    ): (
        "Children and parents gave mostly positive feedback on the activities, for example on how easy it was to join "
        "in and that it was free of charge."
    ),
    "3": "3",
    "päivänä viikossa Perhefutista eri puolilla Kuopiota": "days a week of Perhefutis in different parts of Kuopio",
    "Perhefutiksen toimintamalli": "Perhefutis operating model",
    (
        "Hankkeessa luotu ja testattu toimintamalli 2–4-vuotiaiden lasten ja heidän vanhempiensa jalkapallotoimintaan. "
        "Perhefutis toteutettiin kolmena päivänä viikossa eri puolilla Kuopion kaupunkia; osallistujat kiittivät "
        "osallistumisen helppoutta ja maksuttomuutta."
    ): (
        "An operating model, created and tested in the project, for football activities for children aged 2–4 and "
        "their parents. Perhefutis was held three days a week in different parts of the City of Kuopio; participants "
        "appreciated how easy it was to take part and that it was free of charge."
    ),
    # Hyvä arki (ShowcasePage)
    "Hyvä arki": "Hyvä arki",
    "hyva-arki": "hyva-arki",
    (
        "Hankkeessa luotiin Kuhmoon paikallinen opinollistamisen malli, jonka avulla työmarkkinoiden ulkopuolella "
        "olevat voivat kehittää osaamistaan ilman päätoimista oppilaitosopiskelua."
    ): (
        'The Hyvä arki ("Good everyday life") project created a local model in Kuhmo for recognising skills learned '
        "through practical activities, so that people outside the labour market can develop their skills without "
        "studying full-time at an educational institution."
    ),
    (
        "Hankkeen tavoitteena oli luoda Kuhmoon paikallinen opinollistamisen malli, jonka avulla hankkeen kohderyhmään "
        "kuuluvat, ainakin osin työmarkkinoiden ulkopuolella olevat henkilöt voisivat kehittää osaamistaan ja oppia "
        "uutta. Heille haluttiin luoda mahdollisuus kehittää osaamistaan niin, että he voisivat parantaa "
        "työmarkkinakelpoisuuttaan ja liikkua kohti työelämää ilman päätoimista oppilaitosopiskelua."
    ): (
        "The project aimed to create a local model in Kuhmo for recognising skills learned through practical "
        "activities, so that people in its target group, who were at least partly outside the labour market, could "
        "develop their skills and learn new things. The idea was to give them a chance to develop their skills in a "
        "way that would improve their employability and bring them closer to working life without studying full-time "
        "at an educational institution."
    ),
    (
        "Lisäksi tavoitteena oli lisätä hankeosallistujien yhteiskunnallista ja sosiaalista osallisuutta sekä kohentaa "
        "heidän hyvinvointiaan."
    ): ("A further aim was to increase the participants' civic and social inclusion and to improve their well-being."),
    "Hankkeessa kehitettyyn opinollistamisen malliin kuului olennaisena osana oppimisympäristöjen tunnistaminen.": (
        "An essential part of the model developed in the project was identifying learning environments."
    ),
    (
        "Monelle hankeosallistujalle osaamistodistuksen saaminen oli ensimmäinen todistus peruskoulun tai jopa kesken "
        "jääneen peruskoulun jälkeen. Heille myönnetty osaamistodistus oli tunnustus uusista taidoista ja toisten "
        "arvostuksesta omaa osaamista kohtaan."
    ): (
        "For many participants, the certificate of competence was their first certificate since comprehensive school – "
        "or since leaving comprehensive school unfinished. It recognised their new skills and showed that others "
        "valued what they could do."
    ),
    (
        "Hyvä arki -hankkeen päätyttyä hankkeessa kehitettyä paikallista opinollistamisen mallia jatkokehittää Kuhmon "
        "kaupungin ja Kuhmon Työvire ry:n yhdessä toteuttama Kuhmon Elinvoimasampo (ELSA) -hanke."
    ): (
        "Since the Hyvä arki project ended, the local model it developed has been developed further by the Kuhmon "
        "Elinvoimasampo (ELSA) project, run jointly by the City of Kuhmo and Kuhmon Työvire ry."
    ),
    "Paikallinen opinollistamisen malli": "Local model for recognising learning",
    (
        "Malli, jonka avulla työmarkkinoiden ulkopuolella olevat voivat kehittää osaamistaan, oppia uutta ja parantaa "
        "työmarkkinakelpoisuuttaan ilman päätoimista oppilaitosopiskelua. Olennainen osa mallia on oppimisympäristöjen "
        "tunnistaminen; osallistujat saavat osaamistodistuksen."
    ): (
        "A model with which people outside the labour market can develop their skills, learn new things and improve "
        "their employability without studying full-time at an educational institution. An essential part of the model "
        "is identifying learning environments; participants receive a certificate of competence."
    ),
    # Pallo Haltuun (ShowcasePage)
    "Pallo Haltuun": "Pallo Haltuun",
    "pallo-haltuun": "pallo-haltuun",
    (
        "Hanke edisti maahanmuuttajanuorten ja heidän perheidensä kotoutumista Kuopioon muotoiluajatteluun perustuvien "
        "työpajojen ja jalkapallon avulla."
    ): (
        'The Pallo Haltuun ("Control the ball") project helped young immigrants and their families settle in Kuopio '
        "through football and workshops based on design thinking."
    ),
    (
        "Hankkeen tavoitteena oli edistää maahanmuuttajanuorten ja heidän perheidensä kotoutumista Kuopioon sekä "
        "muokata muotoiluajatteluun perustuvien työpajojen kautta Savon Sanomat Areenaa entistä toimivammaksi."
    ): (
        "The project aimed to help young immigrants and their families integrate in Kuopio and, through workshops "
        "based on design thinking, to make the Savon Sanomat Areena stadium work better."
    ),
    (
        "Kuopion Muotoiluakatemia, Kalevalan koulun valmistavan luokan maahanmuuttajanuoret ja Haapaniemen alakoulun "
        "oppilaat sekä joukko huippuasiantuntijoita suunnittelivat ja toteuttivat kevään 2017 aikana Kuopion "
        "Palloseuran kotistadionille KuPS-fanialueen."
    ): (
        "In spring 2017, Kuopion Muotoiluakatemia (Kuopio Academy of Design), young immigrants from the preparatory "
        "class of Kalevalan koulu, pupils of Haapaniemen alakoulu primary school and a group of leading experts "
        "designed and built a fan zone for KuPS at the home stadium of Kuopion Palloseura."
    ),
    (
        "Jalkapalloa lähestyttiin kokonaisvaltaisesti muotoilun, käsityön, sosiaalisen median sekä yhteiskunta- ja "
        "käyttäytymistieteiden näkökulmista. Tämä kokonaisuus yhdistettiin maahanmuuttaja- ja nuorisotyöhön sekä "
        "osallisuuden vahvistamiseen."
    ): (
        "Football was approached holistically from the perspectives of design, crafts, social media and the social and "
        "behavioural sciences. This whole was combined with immigrant and youth work and with strengthening inclusion."
    ),
    (
        "Työpajoissa nuoret oppivat muun muassa yhdessä toimimisen taitoja, ongelmanratkaisua sekä kykyä ymmärtää "
        "erilaisuutta ja erilaisia näkökulmia. Yhteistyö suomalaisnuorten kanssa aktivoi lisäksi maahanmuuttajanuorten "
        "suomen kielen oppimista ja vuorovaikutustaitojen kehittymistä. Tätä kautta voitiin vaikuttaa myös "
        "maahanmuuttajien kotoutumiseen Suomeen."
    ): (
        "In the workshops, the young people learned, among other things, to work together, to solve problems and to "
        "understand diversity and different points of view. Working with young Finns also helped the young immigrants "
        "learn Finnish and develop their communication skills. In this way, the project also supported the integration "
        "of immigrants into Finland."
    ),
    # Kokemusasiantuntijatoimintaa Lapissa (ShowcasePage)
    "Kokemusasiantuntijatoimintaa Lapissa": "Experts by experience in Lapland",
    "kokemusasiantuntijatoimintaa-lapissa": "experts-by-experience-in-lapland",
    (
        "Balanssi ry:n hanke kehitti kokemusasiantuntijatoimintaa koko Lapin alueella yhteistyössä eri toimijoiden "
        "kanssa ja pyrki vaikuttamaan mielenterveyttä koskeviin asenteisiin."
    ): (
        "Balanssi ry's project developed the work of experts by experience throughout Lapland together with various "
        "partners and worked to change attitudes to mental health."
    ),
    (
        "Tavoitteena oli vaikuttaa mielenterveyttä koskeviin asenteisiin sekä lisätä vertaistuen mahdollisuuksia "
        "etäyhteyden avulla. Kokemusasiantuntijatoiminnan ja ammattilaisten koulutuksen avulla pyritään lisäämään "
        "kokemuksellisen tiedon merkitystä ja sen ymmärrystä psykiatrisen sairaanhoidon suunnittelussa ja "
        "toteutuksessa."
    ): (
        "The aim was to change attitudes to mental health and to offer more peer support through remote connections. "
        "Through the work of experts by experience and training for professionals, the project seeks to give knowledge "
        "based on lived experience more weight, and a better understanding, in the planning and delivery of "
        "psychiatric care."
    ),
    (
        "Balanssi ry teki kokemusasiantuntijatoimintaa koko Lapin alueella yhteistyössä eri toimijoiden kanssa. "
        "Kokemusasiantuntijatoiminnan kehittämiseen kuului jo toimivien ja uusien toiminnasta kiinnostuneiden "
        "kokemusasiantuntijoiden sekä ammattihenkilöiden koulutusta."
    ): (
        "Balanssi ry carried out expert-by-experience work throughout Lapland together with various partners. "
        "Developing this work included training for experienced and new experts by experience and for professionals."
    ),
    (
        "Hankkeessa vietiin eteenpäin psykiatrista hoitotahtoa ja toteutettiin kampanjoita stigman hälventämiseksi. "
        "Ennakkoluulojen hälventämiseksi hankkeessa järjestettiin lukuisia tilaisuuksia, ja hanke osallistui verkoston "
        "tilaisuuksiin mielen hyvinvoinnin merkitystä tutuksi tuoden."
    ): (
        "The project promoted psychiatric advance directives and ran campaigns to reduce stigma. To break down "
        "prejudice, it organised numerous events and took part in its network's events, raising awareness of the "
        "importance of mental well-being."
    ),
    (
        "Hankkeen keskeisimpiä tuloksia on kokemusasiantuntijoiden välitystoiminnan hioutuminen jatkoa varten "
        "toimivaan muotoon. Tietoa kokemusasiantuntijuudesta ja kokemustiedon merkityksestä on viety eteenpäin, ja "
        "yhteistyöverkosto on saatu tietoiseksi toiminnan merkityksestä. Lisääntyvät pyynnöt kertovat "
        "kokemusasiantuntijoiden tarpeesta ja merkityksestä ammattilaisten, opiskelijoiden ja potilaiden tukena."
    ): (
        "One of the project's key results is a referral service for experts by experience, refined into a form that "
        "works for the future. Knowledge of expertise by experience and of the value of experiential knowledge has "
        "been spread, and the partner network has become aware of the importance of the work. Growing numbers of "
        "requests show the need for experts by experience and their value in supporting professionals, students and "
        "patients."
    ),
    (
        "Vertaistukitoiminnassa kokemusasiantuntijoiden rooli on korvaamaton. Hankkeessa parannettiin mielenterveyden "
        "häiriöitä kokeneiden osallisuutta ja tarjottiin mahdollisuuksia omien vahvuuksien etsimiseen ja vaikeuksien "
        "kääntämiseen voimaksi itsen ja toisten hyväksi."
    ): (
        "In peer support, the role of experts by experience is irreplaceable. The project improved the inclusion of "
        "people who have experienced mental health disorders and offered them opportunities to find their own "
        "strengths and to turn difficulties into strength for the good of themselves and others."
    ),
    (
        "Kokemusasiantuntijatoiminta on vakiintunut osaksi hoidon kehittämistä ja tehostamista Rovaniemellä, ja "
        "askelia kokemusasiantuntijuuden laajamittaiseen hyödyntämiseen on otettu myös muualla Lapissa. Oman "
        "haasteensa toiminnan vakiintumiseen koko Lapissa tekevät välimatkat ja mielenterveyttä koskevat ennakkoluulot."
    ): (
        "In Rovaniemi, the work of experts by experience has become an established part of developing care and making "
        "it more effective, and steps towards using expertise by experience widely have been taken elsewhere in "
        "Lapland too. Long distances and prejudice about mental health make it a challenge to establish the work "
        "across all of Lapland."
    ),
    "Kokemusasiantuntijoiden välitystoiminta": "Referral service for experts by experience",
    (
        "Hankkeessa kokemusasiantuntijoiden välitystoiminta hioutui jatkoa varten toimivaan muotoon. "
        "Kokemusasiantuntijoita pyydetään yhä useammin ammattilaisten, opiskelijoiden ja potilaiden tueksi."
    ): (
        "During the project, the referral service for experts by experience was refined into a form that works for the "
        "future. Experts by experience are asked more and more often to support professionals, students and patients."
    ),
    # Uusi tapa toimia (ShowcasePage)
    "Uusi tapa toimia": "Uusi tapa toimia",
    "uusi-tapa-toimia": "uusi-tapa-toimia",
    (
        "Hanke lisäsi pitkäaikaistyöttömien, nuorten ja maahanmuuttajien osallisuutta ja muutti yhdistysten "
        "toimintatapoja erityisesti Kouvolan ja Kuusankosken keskusta-alueilla."
    ): (
        'The Uusi tapa toimia ("A new way of working") project increased the inclusion of long-term unemployed people, '
        "young people and immigrants and changed how associations work, especially in the centres of Kouvola and "
        "Kuusankoski."
    ),
    "Hankkeessa": "The project:",
    "haastateltiin kohderyhmiä": "interviewed its target groups",
    "osallistuttiin Kouvolan yhdistysten talon (Porukkatalo) perustamiseen ja toiminnan suunnitteluun": (
        "took part in setting up Porukkatalo, a house for Kouvola's associations, and in planning its activities"
    ),
    "perustettiin Kouvolan yhdistysten yhteinen Kaikumedia-verkkosivusto": (
        "set up Kaikumedia, a joint website for Kouvola's associations"
    ),
    "koottiin yhdistysten osaamista Kouvolan kaupungin hallinnoimaan osaamispankkiin": (
        "gathered the know-how of associations into a skills bank run by the City of Kouvola"
    ),
    (
        "kehitettiin yhdistysmestari–kisälli-malli yhdistysten tietotaidon monistamiseen ja nuorten mukaan saamiseen "
        "yhdistysten toimintaan"
    ): (
        "developed the association master–apprentice model for passing on the know-how of associations and getting "
        "young people involved in them"
    ),
    "perustettiin Kouvolan seutukunnan välityömarkkinatoimijoiden verkosto.": (
        "set up a network of intermediate labour market organisations in the Kouvola region."
    ),
    (
        "Nuoria, maahanmuuttajia ja pitkäaikaistyöttömiä ohjattiin muun muassa Kaikumedian sisällöntuotantoon ja "
        "Porukkatalon toiminnan suunnitteluun, ja nuoria työllistettiin näihin tehtäviin."
    ): (
        "Young people, immigrants and long-term unemployed people were guided into producing content for Kaikumedia "
        "and planning the activities of Porukkatalo, among other things, and young people were employed in these tasks."
    ),
    (
        "Hanke on lisännyt pitkäaikaistyöttömien, nuorten ja maahanmuuttajien osallisuutta, vahvistanut heidän työ- ja "
        "toimintakykyään, parantanut heidän työelämävalmiuksiaan sekä muuttanut yhdistysten toimintatapoja erityisesti "
        "Kouvolan ja Kuusankosken keskusta-alueilla."
    ): (
        "The project increased the inclusion of long-term unemployed people, young people and immigrants, strengthened "
        "their capacity for work and everyday functioning, improved their readiness for working life and changed how "
        "associations work, especially in the centres of Kouvola and Kuusankoski."
    ),
    (
        "Yhdistystoimijat saivat hankkeessa perustetun Kaikumedian kautta uudenlaisen kanavan viestiä toiminnastaan ja "
        "tapahtumistaan."
    ): (
        "Through Kaikumedia, set up in the project, people active in associations gained a new channel for telling "
        "others about their activities and events."
    ),
    "Yhdistysmestari–kisälli-malli": "Association master–apprentice model",
    (
        "Malli yhdistysten tietotaidon monistamiseen ja nuorten mukaan saamiseen yhdistysten toimintaan. Mallin "
        "kehittäminen toi yhteen yhdistysaktiiveja ja nuoria: nuoret oppivat yhdistystoiminnan perusteita, ja "
        "yhdistysaktiivit saivat yhteistyöstä uusia ideoita ja voimaa yhdistyksen arjen pyörittämiseen."
    ): (
        "A model for passing on the know-how of associations and getting young people involved in them. Developing the "
        "model brought association activists and young people together: the young people learned the basics of "
        "association work, and the activists gained new ideas and energy for running their associations day to day."
    ),
    # Jalkapallosta elämäniloa (ShowcasePage)
    "Jalkapallosta elämäniloa": "Jalkapallosta elämäniloa",
    "jalkapallosta-elamaniloa": "jalkapallosta-elamaniloa",
    (
        "Pallokissat Kuopio ry järjesti matalan kynnyksen jalkapallotoimintaa maahanmuuttajataustaisille ja "
        "kantasuomalaisille syrjäytymisvaarassa oleville tytöille ja nuorille naisille."
    ): (
        'In the Jalkapallosta elämäniloa ("Joy of life from football") project, Pallokissat Kuopio ry ran '
        "low-threshold football activities for girls and young women at risk of exclusion, both with an immigrant "
        "background and of Finnish origin."
    ),
    (
        "Hankkeen tavoitteena oli liikunnan tuomien terveyshyötyjen lisäksi nostaa mukana olevien nuorten naisten "
        "itsetuntoa, kasvattaa heidän sosiaalisia ympyröitään ja auttaa yhteiskuntaan integroitumisessa."
    ): (
        "Besides the health benefits of exercise, the project aimed to raise the self-esteem of the young women taking "
        "part, widen their social circles and help them integrate into society."
    ),
    (
        "Pallokissat Kuopio ry järjesti Kuopion kaupungissa matalan kynnyksen jalkapallotoimintaa sekä "
        "maahanmuuttajataustaisille että kantasuomalaisille syrjäytymisvaarassa oleville tytöille ja nuorille "
        "naisille. Yhteistyökumppaneina Pallokissoilla oli lukuisia alueella toimivia organisaatioita, joiden avulla "
        "kohderyhmään luotiin kontakteja."
    ): (
        "Pallokissat Kuopio ry ran low-threshold football activities in the City of Kuopio for girls and young women "
        "at risk of exclusion, both with an immigrant background and of Finnish origin. Pallokissat worked with "
        "numerous local organisations, which helped it reach the target group."
    ),
    "Hankkeessa rakennettiin": "The project produced:",
    (
        "verkostokartta, joka sisältää hankkeen toteutuksen kannalta tärkeät yhteistyökumppanit ja kuvaa heidän "
        "kanssaan toteutetun yhteistyön"
    ): ("a network map of the partners that mattered for carrying out the project, describing the cooperation with them"),
    "toimintamalli, jossa kuvataan hankkeen kannalta tärkeät tapahtumat ja toiminnot.": (
        "an operating model describing the events and activities that mattered for the project."
    ),
    "Jalkapallokerhon toimintamalli": "Football club operating model",
    (
        "Kuvaa hankkeen kannalta tärkeät tapahtumat ja toiminnot: jalkapallokerhon valmentajan rekrytointi, "
        "kohderyhmän tavoittaminen ja rekrytointi, jalkapallokerhon toiminta, osallistujien sitouttaminen, integrointi "
        "seuratyöhön, palautteen keruu ja harrastuksen jatko Pallokissojen mukana hankkeen päättymisen jälkeen."
    ): (
        "Describes the events and activities that mattered for the project: recruiting the football club's coach, "
        "reaching and recruiting the target group, running the football club, keeping participants engaged, bringing "
        "them into the club's activities, collecting feedback, and continuing the hobby with Pallokissat after the "
        "project ended."
    ),
    "Verkostokartta": "Network map",
    (
        "Kartta hankkeen toteutuksen kannalta tärkeistä yhteistyökumppaneista ja kuvaus heidän kanssaan toteutetusta "
        "yhteistyöstä."
    ): ("A map of the partners that mattered for carrying out the project, with a description of the cooperation with them."),
    # Tapahtumat (EventIndexPage)
    "Tapahtumat": "Events",
    "tapahtumat": "events",
    "Koonto-hankkeen koulutukset, infotilaisuudet ja verkostotapaamiset.": (
        "The Koonto project's training sessions, info sessions and networking meetings."
    ),
    # Esimerkkitapahtuma: KAKE-rahoituksen infotilaisuus verkossa (EventPage)
    "Esimerkkitapahtuma: KAKE-rahoituksen infotilaisuus verkossa": "Example event: online info session on KAKE funding",
    "esimerkki-kake-infotilaisuus-verkossa": "example-kake-info-session-online",
    (
        "Esimerkki verkossa pidettävästä infotilaisuudesta: mitä kansalaistoimijalähtöiset kehittämishankkeet ovat ja "
        "miten ESR+-rahoitusta haetaan."
    ): ("An example of an online info session: what citizen-led development projects are and how to apply for ESF+ funding."),
    "Tämä on esimerkkitapahtuma": "This is an example event",
    (
        "Tapahtuma on tehty sivuston esittelyä varten, eikä sitä järjestetä. Koonto-hankkeen todelliset tapahtumat "
        "julkaistaan Tapahtumat-osiossa."
    ): (
        "This event was made up to demonstrate the site and will not take place. The Koonto project's real events are "
        "published in the Events section."
    ),
    "Infotilaisuudessa kerrottaisiin, mitä KAKE-hankkeet ovat ja keitä ne auttavat.": (
        "The info session would explain what KAKE projects are and whom they help."
    ),
    # Esimerkkitapahtuma: hankkeen suunnittelun koulutus Kuopiossa (EventPage)
    "Esimerkkitapahtuma: hankkeen suunnittelun koulutus Kuopiossa": "Example event: project planning training in Kuopio",
    "esimerkki-hankesuunnittelun-koulutus-kuopiossa": "example-project-planning-training-kuopio",
    "Esimerkki lähikoulutuksesta yhdistyksille, jotka suunnittelevat omaa kansalaistoimijalähtöistä kehittämishanketta.": (
        "An example of in-person training for associations planning a citizen-led development project of their own."
    ),
    "Kuopio, paikka tarkentuu": "Kuopio, venue to be confirmed",
    "Esteettömyystiedot lisätään, kun tapahtumapaikka varmistuu.": (
        "Accessibility information will be added once the venue is confirmed."
    ),
    "Hanketta suunnittelevat pohjoissavolaiset yhdistykset": "Associations in Pohjois-Savo planning a project",
    "Koulutus olisi osa Koonto-hankkeen kokonaisvaltaista tukea hankkeen suunnittelusta sen toteutukseen.": (
        "The training would be part of the Koonto project's comprehensive support from planning a project to carrying it out."
    ),
    # Esimerkkitapahtuma: yhdistysten verkostotapaaminen Iisalmessa (EventPage)
    "Esimerkkitapahtuma: yhdistysten verkostotapaaminen Iisalmessa": (
        "Example event: networking meeting for associations in Iisalmi"
    ),
    "esimerkki-verkostotapaaminen-iisalmessa": "example-networking-meeting-iisalmi",
    (
        "Esimerkki verkostotapaamisesta, jossa pohjoissavolaiset yhdistykset ja hankkeet tutustuvat toisiinsa ja "
        "jakavat hyviä käytäntöjä."
    ): (
        "An example of a networking meeting where associations and projects in Pohjois-Savo get to know each other and "
        "share good practices."
    ),
    "Iisalmi, paikka tarkentuu": "Iisalmi, venue to be confirmed",
    "Pohjoissavolaiset yhdistykset, järjestöt ja hankkeet": "Associations, organisations and projects in Pohjois-Savo",
    (
        "Tapaaminen lisäisi pohjoissavolaisten hankkeiden välistä yhteistyötä ja verkostoitumista sekä levittäisi "
        "hyviä käytäntöjä ja tuloksia koko maakuntaan."
    ): (
        "The meeting would increase cooperation and networking between projects in Pohjois-Savo and spread good "
        "practices and results across the whole region."
    ),
    # Saavutettavuusseloste (StandardPage)
    "Saavutettavuusseloste": "Accessibility statement",
    "saavutettavuusseloste": "accessibility-statement",
    (
        "Miten Koonto-hankkeen verkkosivusto täyttää saavutettavuusvaatimukset, mitkä puutteet tiedämme ja miten voit "
        "antaa palautetta."
    ): (
        "How the Koonto project's website meets the accessibility requirements, which shortcomings we know of and how "
        "you can give feedback."
    ),
    (
        "Pohjois-Savon Sosiaaliturvayhdistys ry haluaa, että mahdollisimman moni voi käyttää Koonto-hankkeen "
        "verkkosivustoa. Tämä seloste kertoo, miten sivusto täyttää lain digitaalisten palvelujen tarjoamisesta "
        "(306/2019) saavutettavuusvaatimukset, mitkä puutteet tiedämme ja miten voit antaa palautetta."
    ): (
        "Pohjois-Savon Sosiaaliturvayhdistys ry wants as many people as possible to be able to use the Koonto "
        "project's website. This statement explains how the site meets the accessibility requirements of the Act on "
        "the Provision of Digital Services (306/2019), which shortcomings we know of and how you can give feedback."
    ),
    (
        "Seloste koskee Koonto-hankkeen verkkosivuston julkisia sivuja suomeksi ja englanniksi. Se ei koske sivustolta "
        "linkitettyjä muiden organisaatioiden palveluja, kuten rahoittajan hakujärjestelmää tai tapahtumien "
        "ilmoittautumispalveluja; niiden saavutettavuudesta vastaa palvelun tarjoaja."
    ): (
        "This statement covers the public pages of the Koonto project's website in Finnish and English. It does not "
        "cover services of other organisations linked from the site, such as the funder's application system or event "
        "registration services; their providers are responsible for their accessibility."
    ),
    "Saavutettavuuden tila": "Compliance status",
    (
        "Sivusto on <b>osittain yhdenmukainen</b> saavutettavuusvaatimusten kanssa. Sivuston julkiset sivut täyttävät "
        "WCAG 2.1 -ohjeistuksen A- ja AA-tason vaatimukset; alla luetellut sisällöt eivät vielä täytä niitä."
    ): (
        "The site is <b>partially compliant</b> with the accessibility requirements. Its public pages meet the Level A "
        "and AA requirements of the WCAG 2.1 guidelines; the content listed below does not meet them yet."
    ),
    "Sisältö, joka ei ole vielä saavutettavaa": "Content that is not yet accessible",
    (
        "Ylläpitäjien sivustolle lataamat asiakirjat, esimerkiksi PDF-tiedostot, eivät välttämättä ole saavutettavia, "
        "koska ne on laadittu sivuston ulkopuolella eikä niiden rakennetta ole vielä tarkistettu. Voit pyytää "
        "asiakirjan saavutettavassa muodossa alla olevasta osoitteesta."
    ): (
        "Documents uploaded to the site by its administrators, such as PDF files, may not be accessible, because they "
        "were made outside the site and their structure has not been checked yet. You can ask for a document in an "
        "accessible format at the address below."
    ),
    (
        "Upotetut videot toistetaan YouTube- tai Vimeo-palvelusta, joten niiden soittimen ja tekstitysten "
        "saavutettavuus ei ole hallinnassamme. Videon sisällön saat pyynnöstä tekstinä alla olevasta osoitteesta."
    ): (
        "Embedded videos play from YouTube or Vimeo, so the accessibility of their player and captions is not in our "
        "control. You can ask for the content of a video as text at the address below."
    ),
    "Miten seloste on laadittu": "How this statement was prepared",
    (
        f"Seloste on laadittu {TODAY}. Se perustuu ylläpitäjän omaan arvioon ja testaukseen: jokainen julkinen "
        "sivutyyppi suomeksi ja englanniksi tarkistetaan jokaisen muutoksen yhteydessä oikeassa selaimessa "
        "axe-core-työkalulla (WCAG 2.1 A ja AA), ja samalla testataan näppäimistökäyttö, puhelimen näyttö sekä 320 "
        f"pikselin levyinen näkymä. Seloste on tarkistettu viimeksi {TODAY}."
    ): (
        f"This statement was prepared on {TODAY}. It is based on the administrator's own assessment and on testing: "
        "on every change, each public page type in Finnish and English is checked in a real browser with the axe-core "
        "tool (WCAG 2.1 A and AA), and keyboard use, a phone screen and a 320-pixel-wide view are tested at the same "
        f"time. The statement was last reviewed on {TODAY}."
    ),
    "Anna palautetta saavutettavuudesta": "Give feedback on accessibility",
    (
        "Huomasitko saavutettavuuspuutteen tai tarvitsetko sisältöä saavutettavassa muodossa? Kerro siitä meille "
        'sähköpostilla projektipäällikkö Tuomas Puustiselle: <a id="a1">tuomas.puustinen@pssotu.fi</a>. Vastaamme '
        "palautteeseen 14 päivän kuluessa."
    ): (
        "Did you notice an accessibility problem, or do you need content in an accessible format? Let us know by email "
        'to our project manager Tuomas Puustinen: <a id="a1">tuomas.puustinen@pssotu.fi</a>. We reply to feedback '
        "within 14 days."
    ),
    "Valvontaviranomainen": "Supervisory authority",
    (
        "Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Vastauksen saamisessa voi mennä "
        "14 päivää. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta lainkaan kahden viikon aikana, "
        "voit tehdä ilmoituksen valvontaviranomaiselle. Valvontaviranomaisen sivuilla kerrotaan, miten ilmoituksen voi "
        "tehdä ja miten asia käsitellään."
    ): (
        "If you notice accessibility problems on the site, first give feedback to us. It may take up to 14 days to get "
        "a reply. If you are not satisfied with the reply, or you get no reply within two weeks, you can report the "
        "matter to the supervisory authority. The supervisory authority's website explains how to make a report and "
        "how it is handled."
    ),
    "Valvontaviranomaisen yhteystiedot": "Contact details of the supervisory authority",
    "Liikenne- ja viestintävirasto Traficom, saavutettavuusvaatimusten valvonta": (
        "Finnish Transport and Communications Agency Traficom, supervision of accessibility requirements"
    ),
    '<a id="a1">www.saavutettavuusvaatimukset.fi</a>': '<a id="a1">www.saavutettavuusvaatimukset.fi</a>',
    '<a id="a1">saavutettavuus@traficom.fi</a>': '<a id="a1">saavutettavuus@traficom.fi</a>',
    "puhelinvaihde 029 534 5000": "switchboard 029 534 5000",
    # Tietosuojaseloste (StandardPage)
    "Tietosuojaseloste": "Privacy notice",
    "tietosuojaseloste": "privacy-notice",
    "Mitä henkilötietoja Koonto-hankkeen verkkosivusto käsittelee, miksi ja kuinka kauan, ja mitkä oikeutesi ovat.": (
        "What personal data the Koonto project's website processes, why and for how long, and what your rights are."
    ),
    (
        "Tämä tietosuojaseloste kertoo, mitä henkilötietoja Koonto-hankkeen verkkosivusto käsittelee. Seloste kuvaa "
        "sivuston nykyistä toimintaa; päivitämme sen, jos sivustolle tulee uusia toimintoja."
    ): (
        "This privacy notice explains what personal data the Koonto project's website processes. It describes how the "
        "site works now; we will update it if the site gains new features."
    ),
    "Rekisterinpitäjä": "Controller",
    'Pohjois-Savon Sosiaaliturvayhdistys ry<br/><a id="a1">www.pssotu.fi</a>': (
        'Pohjois-Savon Sosiaaliturvayhdistys ry<br/><a id="a1">www.pssotu.fi</a>'
    ),
    "Yhteyshenkilö": "Contact person",
    'Projektipäällikkö Tuomas Puustinen<br/><a id="a1">tuomas.puustinen@pssotu.fi</a><br/>puh. 050 541 5188': (
        'Tuomas Puustinen, project manager<br/><a id="a1">tuomas.puustinen@pssotu.fi</a><br/>tel. 050 541 5188'
    ),
    "Sivuston kävijät": "Visitors to the site",
    (
        "Julkinen sivusto ei aseta seuranta- eikä analytiikkaevästeitä, eikä se lataa sisältöä, fontteja tai skriptejä "
        "kolmansien osapuolten palvelimilta. Kielivalintasi näkyy sivun osoitteessa (/fi/ tai /en/), eikä sitä "
        "tallenneta evästeeseen."
    ): (
        "The public site sets no tracking or analytics cookies, and it loads no content, fonts or scripts from "
        "third-party servers. Your choice of language shows in the page address (/fi/ or /en/) and is not stored in a "
        "cookie."
    ),
    "Palvelinlokit": "Server logs",
    (
        "Kun avaat sivun, palvelin kirjaa lokiin pyynnön tiedot: IP-osoitteen, ajankohdan ja pyydetyn sivun osoitteen. "
        "Lokeja käytetään vain sivuston tietoturvan ja toimivuuden varmistamiseen, esimerkiksi hyökkäysten ja "
        "virheiden selvittämiseen. Lokit säilytetään rajoitetun ajan, minkä jälkeen ne poistetaan. Käsittelyn peruste "
        "on rekisterinpitäjän oikeutettu etu huolehtia palvelun tietoturvasta (EU:n yleisen tietosuoja-asetuksen 6 "
        "artiklan 1 kohdan f alakohta)."
    ): (
        "When you open a page, the server logs the details of the request: the IP address, the time and the address of "
        "the page requested. The logs are used only to keep the site secure and working, for example to investigate "
        "attacks and errors. They are kept for a limited time and then deleted. The legal basis for the processing is "
        "the controller's legitimate interest in keeping the service secure (Article 6(1)(f) of the EU General Data "
        "Protection Regulation)."
    ),
    "Ylläpitoon kirjautuvat käyttäjät": "Users who sign in to edit the site",
    (
        "Sivuston sisältöä ylläpitävistä henkilöistä tallennetaan käyttäjätunnus, nimi, sähköpostiosoite, valittu "
        "ylläpidon kieli ja tieto heidän sisältöihin tekemistään muutoksista. Kirjautuneille käyttäjille asetetaan "
        "istuntoeväste, joka pitää heidät kirjautuneina, ja CSRF-eväste, joka suojaa lomakkeita väärinkäytöltä. "
        "Evästeet ovat välttämättömiä ylläpidon toiminnalle, eikä niitä käytetä seurantaan."
    ): (
        "For the people who maintain the site's content, we store their username, name, email address, chosen admin "
        "language and a record of the changes they make to content. Signed-in users get a session cookie, which keeps "
        "them signed in, and a CSRF cookie, which protects forms against misuse. These cookies are necessary for the "
        "admin to work and are not used for tracking."
    ),
    "Sivustolla julkaistavat yhteystiedot": "Contact details published on the site",
    (
        "Sivustolla julkaistaan hankkeen yhteyshenkilöiden nimet, tehtävänimikkeet ja työyhteystiedot, jotta "
        "yhdistykset ja järjestöt voivat ottaa yhteyttä hankkeeseen."
    ): (
        "The site publishes the names, job titles and work contact details of the project's contact persons, so that "
        "associations and organisations can get in touch with the project."
    ),
    "Mitä sivusto ei kerää": "What the site does not collect",
    (
        "Sivustolla ei ole yhteydenotto- eikä ilmoittautumislomakkeita, eikä sivusto kerää yhteydenottojen tai "
        "tapahtumailmoittautumisten tietoja. Jos tapahtumaan ilmoittaudutaan, ilmoittautuminen tehdään tapahtuman "
        "sivulla mainitussa ulkopuolisessa palvelussa, jonka tietosuojaselosteessa kerrotaan tietojen käsittelystä."
    ): (
        "The site has no contact or registration forms, and it does not collect data from enquiries or event "
        "registrations. If an event requires registration, you register through the external service named on the "
        "event's page; that service's privacy notice explains how it processes your data."
    ),
    "Tietojen luovutukset": "Disclosure of data",
    "Tietoja ei myydä eikä luovuteta ulkopuolisille, paitsi jos laki sitä edellyttää.": (
        "Data is not sold or disclosed to third parties unless the law requires it."
    ),
    "Rekisteröidyn oikeudet": "Your rights",
    "Sinulla on oikeus": "You have the right to:",
    "saada tietää, mitä tietoja sinusta käsitellään, ja saada niistä kopio": (
        "know what data about you is processed, and get a copy of it"
    ),
    "pyytää virheellisten tietojen korjaamista": "ask for incorrect data to be corrected",
    "pyytää tietojesi poistamista": "ask for your data to be erased",
    "pyytää käsittelyn rajoittamista": "ask for the processing to be restricted",
    "vastustaa tietojesi käsittelyä.": "object to the processing of your data.",
    "Lähetä pyyntösi yllä mainitulle yhteyshenkilölle.": "Send your request to the contact person named above.",
    "Oikeus tehdä valitus valvontaviranomaiselle": "Right to lodge a complaint with the supervisory authority",
    (
        "Jos katsot, että henkilötietojesi käsittelyssä rikotaan tietosuojalainsäädäntöä, voit tehdä valituksen "
        'Tietosuojavaltuutetun toimistoon: <a id="a1">tietosuoja.fi</a>.'
    ): (
        "If you believe that the processing of your personal data breaks data protection law, you can lodge a "
        'complaint with the Office of the Data Protection Ombudsman: <a id="a1">tietosuoja.fi</a>.'
    ),
    f"Seloste on päivitetty {TODAY}.": f"This notice was last updated on {TODAY}.",
}

# The demo's Finnish tags and their English names (Registers > Tag translations). English pages
# show these names; a tag missing here would be left off the English pages, never shown in Finnish.
ENGLISH_TAGS = {
    "ESR+": "ESF+",
    "KAKE": "KAKE",
    "Kaikumedia": "Kaikumedia",
    "Lappi": "Lapland",
    "Porukkatalo": "Porukkatalo",
    "elämänhallinta": "life management",
    "erityistä tukea tarvitsevat nuoret": "young people needing special support",
    "esimerkki": "example",
    "hankehaku": "funding call",
    "hankesuunnittelu": "project planning",
    "harrastukset": "hobbies",
    "infotilaisuus": "info session",
    "jalkapallo": "football",
    "kaupunkimuotoilu": "urban design",
    "kaupunkitila": "urban space",
    "kokemusasiantuntijuus": "experts by experience",
    "kotoutuminen": "integration",
    "koulutus": "training",
    "kulttuuri": "culture",
    "lapset": "children",
    "muotoilu": "design",
    "nuoret": "young people",
    "nuorisotyö": "youth work",
    "opinollistaminen": "recognising learning at work",
    "osaaminen": "skills",
    "osaamistodistus": "skills certificate",
    "osatyökykyiset": "people with partial work ability",
    "osuuskunta": "cooperative",
    "perheet": "families",
    "pitkäaikaistyöttömät": "long-term unemployed",
    "pop-up-tilat": "pop-up spaces",
    "rahoitus": "funding",
    "taide": "art",
    "tytöt ja nuoret naiset": "girls and young women",
    "työkokeilu": "work trial",
    "työllisyyspalvelut": "employment services",
    "työpaja": "workshop",
    "valmennus": "coaching",
    "verkostoituminen": "networking",
    "vertaistuki": "peer support",
    "yhdistystoiminta": "association activities",
}
