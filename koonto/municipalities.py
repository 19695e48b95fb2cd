"""Reference data: municipalities Koonto's content refers to, with Statistics Finland codes.

The 19 municipalities of Pohjois-Savo, and the ones outside the region where earlier
KAKE projects of the source material ran. A data migration loads them.
"""

# (code, Finnish name, Swedish name where it differs, in Pohjois-Savo)
MUNICIPALITIES = [
    ("140", "Iisalmi", "Idensalmi", True),
    ("171", "Joroinen", "Jorois", True),
    ("204", "Kaavi", "", True),
    ("239", "Keitele", "", True),
    ("263", "Kiuruvesi", "", True),
    ("297", "Kuopio", "", True),
    ("402", "Lapinlahti", "", True),
    ("420", "Leppävirta", "", True),
    ("595", "Pielavesi", "", True),
    ("686", "Rautalampi", "", True),
    ("687", "Rautavaara", "", True),
    ("749", "Siilinjärvi", "", True),
    ("762", "Sonkajärvi", "", True),
    ("778", "Suonenjoki", "", True),
    ("844", "Tervo", "", True),
    ("857", "Tuusniemi", "", True),
    ("915", "Varkaus", "", True),
    ("921", "Vesanto", "", True),
    ("925", "Vieremä", "", True),
    ("286", "Kouvola", "", False),
    ("290", "Kuhmo", "", False),
    ("422", "Lieksa", "", False),
    ("698", "Rovaniemi", "", False),
]
