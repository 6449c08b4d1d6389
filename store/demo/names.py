"""Word lists for fictional people, places and organisations.

Common Danish names on purpose: a demo that looks like a real caseload is easier to judge
than one full of placeholders. Every combination is random, so no row describes a real person."""

from __future__ import annotations

FEMALE = (
    "Anne", "Kirsten", "Mette", "Hanne", "Helle", "Susanne", "Lene", "Maria", "Marianne", "Lone",
    "Camilla", "Pia", "Louise", "Charlotte", "Tina", "Gitte", "Bente", "Karina", "Dorte", "Rikke",
    "Julie", "Sofie", "Emma", "Ida", "Line", "Sanne", "Stine", "Trine", "Maja", "Åse", "Birthe",
    "Jannie", "Malene", "Nanna", "Signe", "Winnie", "Søs", "Bodil", "Else", "Tove",
)
MALE = (
    "Peter", "Jens", "Michael", "Lars", "Thomas", "Henrik", "Søren", "Christian", "Martin", "Jan",
    "Morten", "Jesper", "Anders", "Niels", "Mads", "Rasmus", "Kim", "Brian", "Jørgen", "Ole",
    "Per", "Kasper", "Mikkel", "Frederik", "Jonas", "Bo", "Torben", "Allan", "René", "Kenneth",
    "Bjørn", "Steen", "Flemming", "Poul", "Erik", "Dennis", "Jacob", "Simon", "Ib", "Åge",
)
SURNAMES = (
    "Hansen", "Nielsen", "Jensen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
    "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Frederiksen",
    "Henriksen", "Lund", "Holm", "Schmidt", "Eriksen", "Kristiansen", "Clausen", "Simonsen",
    "Svendsen", "Andreasen", "Iversen", "Østergaard", "Jeppesen", "Vestergaard", "Nissen",
    "Lauridsen", "Kjær", "Jespersen", "Mogensen", "Nørgaard", "Jepsen", "Søndergaard", "Bæk",
    "Ærø", "Ågaard", "Dahl", "Bach", "Friis", "Skov", "Holst", "Brøndum", "Højgaard",
)
MIDDLE = ("Marie", "Louise", "Kristine", "Bach", "Skov", "Holm", "Lund", "Dam", "Krogh", "Juul")

# Citizens who need an interpreter get names common among Danes born abroad.
INTERNATIONAL_FEMALE = ("Fatima", "Amina", "Hodan", "Olena", "Leyla", "Zahra", "Aisha", "Nour", "Agnieszka")
INTERNATIONAL_MALE = ("Ahmed", "Mohammed", "Ali", "Hassan", "Yusuf", "Abdi", "Mehmet", "Andrzej", "Oleksandr")
INTERNATIONAL_SURNAMES = ("Hussein", "Mohamed", "Ali", "Ahmad", "Yilmaz", "Abdi", "Kowalski", "Shevchenko", "Haidari")
LANGUAGES = ("arabisk", "somali", "tigrinya", "dari", "farsi", "tyrkisk", "kurdisk", "ukrainsk", "polsk")

STREETS = (
    "Lærkevej", "Skovvej", "Søndergade", "Nørregade", "Vestergade", "Østergade", "Kirkevej",
    "Stationsvej", "Møllevej", "Engvej", "Bøgevej", "Birkevej", "Ahornvej", "Rosenvænget",
    "Åboulevarden", "Fælledvej", "Strandvejen", "Grønnegade", "Tværgade", "Ærtebjergvej",
    "Højvangen", "Præstevænget", "Solsikkevej", "Kastanjevej", "Fasanvej", "Øresundsvej",
)
TOWNS = (
    ("8000", "Aarhus C"), ("8200", "Aarhus N"), ("8210", "Aarhus V"), ("8220", "Brabrand"),
    ("8240", "Risskov"), ("8260", "Viby J"), ("8270", "Højbjerg"), ("8300", "Odder"),
    ("8310", "Tranbjerg J"), ("8361", "Hasselager"), ("8381", "Tilst"), ("8520", "Lystrup"),
)

DOCTORS = (
    "Lægerne i Brabrand", "Lægehuset Lærkevej", "Viby Lægecenter", "Lægerne Søndergade",
    "Risskov Lægehus", "Psykiatrisk Klinik Nord", "Smerteklinikken, AUH", "Lægehuset Åbyhøj",
    "Neurologisk Ambulatorium", "Speciallæge i psykiatri Bente Holm",
)

# Fictional course providers ("anden aktør"); the .example domain can never be a real address.
SUPPLIERS = (
    ("Jobværkstedet Nord ApS", "Karin Lund"),
    ("Mentorhuset", "Søren Dahl"),
    ("Vejen Videre A/S", "Pia Skov"),
    ("Nyt Fodfæste", "Jonas Bach"),
    ("Ressourcecentret Øst", "Malene Friis"),
    ("Grøn Praktik ApS", "Allan Holst"),
    ("Fokus på Job", "Lene Nissen"),
    ("Bevæg Dig Ud", "Mads Kjær"),
    ("Kompetencehuset Åen", "Trine Iversen"),
    ("Trivselsværkstedet", "Erik Brøndum"),
)

ORGANISATIONS = {
    "mentor": ("Mentorhuset", "Jobcentrets mentorkorps"),
    "social_services": ("Socialforvaltningen, voksenteam", "SOF Vest"),
    "psychiatry": ("Distriktspsykiatrien", "Psykiatrisk Ambulatorium"),
    "treatment": ("Rusmiddelcentret", "Alkoholbehandlingen"),
    "residential": ("Botilbuddet Kastanjegården", "Bostedet Åbo"),
    "interpreter": ("Tolkeservice Midt",),
    "representative": ("Bisidderne", "Familie"),
    "doctor": ("Egen læge",),
    "other": ("Boligsocial helpdesk", "Gældsrådgivningen"),
}
