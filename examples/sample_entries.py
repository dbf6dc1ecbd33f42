"""The shortlist of the Lindeveen sample project (all organisations and figures fictional).

One dict per entry, in shortlist order. ``budget`` is in whole euros over the whole period;
``checklist`` maps a condition kind to ``(state, note)``, or to a list of those for a kind that
occurs more than once; ``access`` holds the four answers in the order betaalbaar, nabij,
begrijpelijk, passend.
"""

from __future__ import annotations

WMO = "Marieke Smit, beleidsadviseur Wmo"
SPORT = "Hasan Yılmaz, beleidsadviseur sport en gezondheid"
WELZIJN = "Anouk de Boer, beleidsadviseur jeugd en welzijn"
WIJK = "Peter van Dam, wijkregisseur Oude Kern en De Hoven"

ENTRIES: list[dict] = [
    {
        "key": "buurtcirkel",
        "theme": "sociale-samenhang",
        "status": "gekozen",
        "priority": "hoog",
        "partners": "Welzijn Lindeveen (coördinatie), Woonstichting De Linde (buurtkamer), "
        "Sociaal wijkteam Lindeveen (verwijzing)",
        "budget": 186_000,
        "budget_years": [2026, 2027, 2028],  # the budget is split evenly over these years
        "funding": "brede_spuk",
        "funding_note": "€ 62.000 per jaar voor twee Buurtcirkels; Woonstichting De Linde "
        "draagt de huur van de buurtkamer.",
        "start": "2025-09-01",
        "end": "2028-08-31",
        "neighbourhoods": "De Hoven, Brugwijk",
        "reach": 22,
        "responsible": WMO,
        "monitoring": "Aantal deelnemers en doorlooptijd per cirkel; ervaren steun en "
        "zelfredzaamheid (vragenlijst bij de start en na twaalf maanden); gebruik van "
        "Wmo-begeleiding door deelnemers.",
        "checklist": {
            "personeel": ("geregeld", "Welzijn Lindeveen leidt twee medewerkers op tot Buurtcirkelcoach."),
            "vrijwilligers": ("open", "Werving via de Vrijwilligerscentrale start in juni 2025."),
            "groepsgrootte": ("geregeld", "De eerste cirkel van elf deelnemers staat in de planning."),
            "duur": ("geregeld", "De financiering loopt drie jaar, gelijk aan de looptijd van een cirkel."),
        },
        "access": [
            "Deelname is gratis; gezamenlijke activiteiten worden uit het budget betaald.",
            "Bijeenkomsten in de buurtkamer van De Hoven en in buurthuis De Schakel (Brugwijk), "
            "beide op loopafstand.",
            "Werving gaat persoonlijk via het wijkteam; de folder is in eenvoudige taal (B1).",
            "De coach stemt activiteiten af op de vragen in de groep, ook voor bewoners met een "
            "licht verstandelijke beperking.",
        ],
        "notes": "Aansluiten bij de wijkagenda De Hoven. Na het eerste jaar evalueren of een "
        "derde cirkel in Veldzicht zinvol is.",
    },
    {
        "key": "studiekringen50plus",
        "theme": "sociale-samenhang",
        "status": "overwegen",
        "priority": "laag",
        "partners": "Bibliotheek Lindeveen, Seniorenraad Lindeveen",
        "budget": 6_000,
        "funding": "eigen_middelen",
        "funding_note": "Materiaal en landelijke bijdrage; de bibliotheek levert de ruimte.",
        "start": "2026-01-15",
        "end": "2027-12-31",
        "neighbourhoods": "Oude Kern, Oosterlo",
        "reach": 40,
        "responsible": WELZIJN,
        "monitoring": "Aantal kringen en deelnemers; tevredenheid; hoeveel deelnemers na afloop "
        "zelf een kring voortzetten.",
        "checklist": {
            "duur": ("open", "Nog bespreken hoe lang een kring gemiddeld doorloopt."),
            "groepsgrootte": ("geregeld", "De bibliotheek heeft een zaal voor twaalf personen."),
            "partners": ("open", "De Seniorenraad wil meedenken; afspraak in januari."),
            "kosten": ("open", "Eigen bijdrage van deelnemers nog vaststellen."),
        },
        "access": [
            "Een kleine eigen bijdrage per seizoen; gratis met de Lindeveenpas.",
            "In de bibliotheek in de Oude Kern en in het dorpshuis van Oosterlo.",
            "Aankondiging in de huis-aan-huiskrant en via de bibliotheek; aanmelden kan ook "
            "telefonisch.",
            "Vooral geschikt voor 50-plussers die graag samen iets leren; minder voor wie moeite "
            "heeft met lezen.",
        ],
        "notes": "Overwegen naast Buurtcirkel; besluit na een gesprek met de bibliotheek in het "
        "eerste kwartaal van 2026.",
    },
    {
        "key": "mantelscan",
        "theme": "mantelzorg",
        "status": "gekozen",
        "priority": "hoog",
        "partners": "Mantelzorgsteunpunt Lindeveen, Sociaal wijkteam Lindeveen, "
        "Huisartsenpraktijken Lindeveen (praktijkondersteuners ouderenzorg)",
        "budget": 48_000,
        "budget_years": [2025, 2026, 2027, 2028],  # the budget is split evenly over these years
        "funding": "brede_spuk",
        "funding_note": "Opleiding van vier consulenten en uren voor de gesprekken, € 12.000 per jaar.",
        "start": "2025-03-01",
        "end": "2028-12-31",
        "neighbourhoods": "Hele gemeente, ook Oosterlo en Heidebeek",
        "reach": 160,
        "responsible": WMO,
        "monitoring": "Aantal afgenomen MantelScans; aantal mantelzorgers met een steunplan; "
        "ervaren belasting na zes maanden.",
        "checklist": {
            "duur": ("geregeld", "Gesprekken van ongeveer anderhalf uur, thuis bij de mantelzorger."),
            "personeel": ("geregeld", "Vier consulenten van het steunpunt zijn getraind."),
            "accommodatie": ("nvt", "De gesprekken vinden thuis plaats."),
        },
        "access": [
            "Gratis voor de mantelzorger.",
            "De consulent komt thuis, ook in Oosterlo en Heidebeek.",
            "De consulent loopt de vragen mondeling door; een tolk kan via het wijkteam worden "
            "ingezet.",
            "Ook voor jonge mantelzorgers en mensen die zichzelf geen mantelzorger noemen; werving "
            "via huisarts en wijkteam.",
        ],
        "notes": "De Dag van de Mantelzorg (10 november) gebruiken voor werving.",
    },
    {
        "key": "partner-in-balans",
        "theme": "mantelzorg",
        "status": "gekozen",
        "priority": "middel",
        "partners": "Mantelzorgsteunpunt Lindeveen, Zorggroep Lindehof (casemanagers dementie)",
        "budget": 24_000,
        "funding": "iza",
        "funding_note": "Uit het regionale IZA-budget voor dementie: coachuren en licenties.",
        "start": "2025-06-01",
        "end": "2027-12-31",
        "neighbourhoods": "Hele gemeente (online)",
        "reach": 45,
        "responsible": WMO,
        "monitoring": "Aantal gestarte en afgeronde trajecten; gevoel van competentie en "
        "belasting voor en na het traject.",
        "checklist": {
            "duur": ("geregeld", "Online traject van ongeveer acht weken met een coach."),
            "personeel": ("open", "Twee casemanagers volgen de coachtraining in het najaar van 2025."),
            "accommodatie": ("nvt", "Volledig online; wie geen computer heeft, kan terecht in de bibliotheek."),
        },
        "access": [
            "Gratis voor mantelzorgers van mensen met dementie.",
            "Online, op een eigen moment; een computerplek in de bibliotheek voor wie dat nodig heeft.",
            "Vraagt digitale vaardigheid; de coach helpt bij het eerste inloggen.",
            "Past bij partners en kinderen van mensen met beginnende dementie; minder bij "
            "laaggeletterde mantelzorgers.",
        ],
        "notes": "Afstemmen met het ontmoetingscentrum, zodat mantelzorgers niet dubbel worden benaderd.",
    },
    {
        "key": "ontmoetingscentra-dementie",
        "theme": "mantelzorg",
        "status": "gekozen",
        "priority": "hoog",
        "partners": "Zorggroep Lindehof, Welzijn Lindeveen, Alzheimer Café Lindeveen (vrijwilligers)",
        "budget": 210_000,
        "budget_years": [2026, 2027, 2028],  # the budget is split evenly over these years
        "funding": "brede_spuk",
        "funding_note": "Programma-uren en coördinatie, € 70.000 per jaar.",
        "start": "2026-01-01",
        "end": "2028-12-31",
        "neighbourhoods": "Oude Kern (wijkcentrum De Lindeboom)",
        "reach": 35,
        "responsible": WIJK,
        "monitoring": "Aantal bezoekers en mantelzorgers; bezetting per dagdeel; uitstel van "
        "opname (jaarlijks gesprek met de casemanagers).",
        "checklist": {
            "personeel": ("geregeld", "Zorggroep Lindehof levert een coördinator en twee begeleiders."),
            "vrijwilligers": ("open", "Nog zes vrijwilligers nodig voor vervoer en ontvangst."),
            "accommodatie": ("geregeld", "Ruimte in wijkcentrum De Lindeboom, drie dagen per week."),
        },
        "access": [
            "Geen eigen bijdrage voor het ontmoetingsprogramma; vervoer € 2 per rit.",
            "Midden in de Oude Kern; vrijwilligers rijden vanuit de dorpen.",
            "Aanmelding via casemanager of huisarts; geen formulieren voor de bezoeker zelf.",
            "Voor thuiswonende mensen met dementie en hun mantelzorgers; in overleg met de moskee "
            "ook een middag in het Turks.",
        ],
        "notes": "Startsubsidie voor 2026; vanaf 2027 gesprek met de zorgverzekeraar over "
        "structurele financiering.",
    },
    {
        "key": "resto-vanharte",
        "theme": "eenzaamheid",
        "status": "gekozen",
        "priority": "hoog",
        "partners": "Welzijn Lindeveen, Buurthuis De Schakel, Voedselbank Lindeveen (doorverwijzing)",
        "budget": 54_000,
        "budget_years": [2026, 2027, 2028],  # the budget is split evenly over these years
        "funding": "brede_spuk",
        "funding_note": "€ 18.000 per jaar voor coördinatie en inkoop; gasten betalen een kleine bijdrage.",
        "start": "2025-10-01",
        "end": "2028-09-30",
        "neighbourhoods": "Brugwijk, Veldzicht",
        "reach": 120,
        "responsible": WELZIJN,
        "monitoring": "Aantal maaltijden en unieke gasten per maand; aantal gasten dat "
        "doorstroomt naar andere activiteiten; ervaren eenzaamheid bij een steekproef van gasten.",
        "checklist": {
            "vrijwilligers": ("open", "Kok en gastvrouwen werven via de Vrijwilligerscentrale."),
            "personeel": ("geregeld", "Welzijn Lindeveen levert een coördinator voor acht uur per week."),
            "accommodatie": ("geregeld", "De keuken van buurthuis De Schakel is goedgekeurd voor maaltijden."),
            "kosten": ("geregeld", "Bijdrage gasten € 5; met de Lindeveenpas € 2,50."),
        },
        "access": [
            "€ 5 per maaltijd, € 2,50 met de Lindeveenpas.",
            "Twee avonden per week in De Schakel (Brugwijk); één avond per maand in Veldzicht.",
            "Persoonlijke uitnodiging via wijkteam en huisarts; menukaart met pictogrammen.",
            "Halal en vegetarisch menu; de zaal is rolstoeltoegankelijk.",
        ],
        "notes": "Er is al een maaltijdinitiatief van de kerk in Veldzicht: samenwerken in plaats "
        "van concurreren.",
    },
    {
        "key": "de-luisterlijn",
        "theme": "eenzaamheid",
        "status": "gekozen",
        "priority": "laag",
        "partners": "De Luisterlijn (regionale afdeling), Welzijn Lindeveen",
        "budget": 7_500,
        "funding": "eigen_middelen",
        "funding_note": "Jaarlijkse bijdrage van € 2.500 aan de regionale afdeling.",
        "start": "2026-01-01",
        "end": "2028-12-31",
        "neighbourhoods": "Hele gemeente",
        "reach": None,
        "responsible": WELZIJN,
        "monitoring": "Jaarcijfers van de regionale afdeling (gesprekken uit de regio); "
        "bekendheid bij inwoners via de inwonerspeiling.",
        "checklist": {
            "vrijwilligers": ("nvt", "De Luisterlijn werft en traint de vrijwilligers zelf."),
            "personeel": ("nvt", "Regionaal georganiseerd."),
            "accommodatie": ("nvt", "Geen lokale ruimte nodig."),
        },
        "access": [
            "Gratis en anoniem.",
            "Dag en nacht telefonisch en via chat bereikbaar.",
            "Het nummer staat op de gemeentelijke website en in de wijkkrant.",
            "Voor wie behoefte heeft aan een anoniem gesprek; geen vervanging van hulpverlening.",
        ],
        "notes": "Vooral inzetten op bekendheid: het nummer opnemen in de folders van de andere "
        "interventies.",
    },
    {
        "key": "join-us",
        "theme": "eenzaamheid",
        "status": "overwegen",
        "priority": "middel",
        "partners": "Welzijn Lindeveen (jongerenwerk), Het Lindecollege (vmbo)",
        "budget": 30_000,
        "funding": "brede_spuk",
        "funding_note": "Training van twee jongerenwerkers en activiteitenbudget; bedrag nog indicatief.",
        "start": "2026-09-01",
        "end": "2028-07-31",
        "neighbourhoods": "Lindeveen-Noord, Brugwijk",
        "reach": 24,
        "responsible": WELZIJN,
        "monitoring": "Aantal deelnemende jongeren; eenzaamheid en sociale vaardigheden voor en "
        "na deelname; aantal jongeren dat na afloop bij een vereniging blijft.",
        "checklist": {
            "training": ("open", "Jongerenwerkers moeten de Join Us-training volgen; offerte aangevraagd."),
            "groepsgrootte": ("open", ""),
            "duur": ("open", "Een programma van een jaar past bij het schooljaar."),
            "partners": ("open", "De school wil de werving via mentoren ondersteunen."),
            "kosten": ("open", "Licentiekosten nog onbekend."),
        },
        "access": [
            "Gratis voor jongeren.",
            "In het jongerencentrum in Lindeveen-Noord.",
            "Werving via mentor en jongerenwerker, niet via folders.",
            "Voor jongeren van 12 tot 25 die zich eenzaam voelen, met aandacht voor jongeren met "
            "een migratieachtergrond.",
        ],
        "notes": "Besluit na de jeugdmonitor van voorjaar 2026: past dit naast het bestaande jongerenwerk?",
    },
    {
        "key": "in-je-uppie",
        "theme": "eenzaamheid",
        "status": "afgevallen",
        "priority": "laag",
        "partners": "Welzijn Lindeveen",
        "budget": None,
        "funding": None,
        "neighbourhoods": "Veldzicht",
        "reach": None,
        "responsible": WELZIJN,
        "monitoring": "",
        "checklist": {
            "training": ("nvt", "Niet verder uitgewerkt."),
        },
        "access": [
            "Kleine eigen bijdrage per cursus.",
            "Zou in Veldzicht worden gegeven.",
            "Het cursusmateriaal vraagt redelijke leesvaardigheid.",
            "Overlapt met de doelgroep van Buurtcirkel en Resto VanHarte.",
        ],
        "notes": "Afgevallen: de doelgroep wordt al bereikt met Buurtcirkel en Resto VanHarte, en "
        "Welzijn Lindeveen heeft geen ruimte voor een extra cursus. In 2027 opnieuw bekijken.",
    },
    {
        "key": "meer-vrijwilligers-in-kortere-tijd",
        "theme": "vrijwilligers-professionals",
        "status": "gekozen",
        "priority": "middel",
        "partners": "Sportservice Lindeveen, Vrijwilligerscentrale Lindeveen, vijf "
        "sportverenigingen (onder andere VV Lindeveen en HC De Hoven)",
        "budget": 15_000,
        "funding": "sportakkoord",
        "funding_note": "Uit het lokale sportakkoord: workshops en begeleiding per club.",
        "start": "2025-04-01",
        "end": "2026-12-31",
        "neighbourhoods": "Hele gemeente",
        "reach": 300,
        "responsible": SPORT,
        "monitoring": "Aantal nieuwe vrijwilligers per club na zes maanden; aantal ingevulde "
        "vacatures; tevredenheid van de projectteams.",
        "checklist": {
            "duur": ("geregeld", "Vier workshops tussen april en oktober."),
            "vrijwilligers": ("geregeld", "Elke club levert een projectteam van drie leden."),
            "training": ("open", "Sportservice laat twee adviseurs scholen als begeleider."),
        },
        "access": [
            "Gratis voor de deelnemende clubs.",
            "Workshops in de kantines van de clubs zelf.",
            "Kant-en-klare brieven en belscripts; de adviseur helpt bij het invullen.",
            "Geschikt voor kleine en middelgrote verenigingen; niet voor clubs zonder bestuur.",
        ],
        "notes": "Bij succes in 2027 uitbreiden naar cultuurverenigingen.",
    },
    {
        "key": "community-support",
        "theme": "vrijwilligers-professionals",
        "status": "overwegen",
        "priority": "laag",
        "partners": "Welzijn Lindeveen, Sociaal wijkteam Lindeveen",
        "budget": 12_000,
        "funding": "brede_spuk",
        "funding_note": "Scholing voor sociaal werkers; bedrag indicatief.",
        "start": "2026-03-01",
        "end": "2027-12-31",
        "neighbourhoods": "De Hoven, Veldzicht",
        "reach": 15,
        "responsible": WIJK,
        "monitoring": "Aantal getrainde professionals; aantal buurtinitiatieven dat met hun steun "
        "is gestart.",
        "checklist": {
            "personeel": ("open", "Welke professionals doen mee? Afstemmen met het wijkteam."),
            "training": ("open", "Trainingsdata nog niet bekend."),
        },
        "access": [
            "Geen kosten voor inwoners.",
            "De professionals werken in de eigen wijk.",
            "Werkt via de bestaande contacten van de wijkteams.",
            "Richt zich op wijken met weinig actieve bewonersgroepen.",
        ],
        "notes": "Verband met de Buurtcirkels in De Hoven uitzoeken.",
    },
    {
        "key": "thuis-op-straat",
        "theme": "gebiedsgericht",
        "status": "gekozen",
        "priority": "hoog",
        "partners": "Sportservice Lindeveen, Welzijn Lindeveen (jongerenwerk), Woonstichting De "
        "Linde, wijkagent Brugwijk",
        "budget": 96_000,
        "budget_years": [2026, 2027, 2028],  # the budget is split evenly over these years
        "funding": "brede_spuk",
        "funding_note": "€ 32.000 per jaar voor twee pleinwerkers; aanvulling uit het "
        "sportakkoord mogelijk.",
        "start": "2025-05-01",
        "end": "2028-04-30",
        "neighbourhoods": "Brugwijk, Lindeveen-Noord",
        "reach": 180,
        "responsible": SPORT,
        "monitoring": "Bezoekers per plein per week; meldingen van overlast rond de pleinen; "
        "tevredenheid van omwonenden (jaarlijkse buurtschouw).",
        "checklist": {
            "personeel": ("geregeld", "Twee pleinwerkers in dienst van Sportservice."),
            "partners": ("geregeld", "Convenant met Woonstichting en jongerenwerk getekend."),
            "duur": ("geregeld", "Vier middagen per week, ook in de zomervakantie."),
        },
        "access": [
            "Gratis en zonder aanmelding.",
            "Op het Cruyff Court in de Brugwijk en het trapveld in Lindeveen-Noord.",
            "Geen inschrijving nodig; de pleinwerkers spreken kinderen en ouders direct aan.",
            "Voor kinderen van 6 tot 16; op woensdag een meidenmiddag.",
        ],
        "notes": "Het onderhoud van de pleinen valt onder het beheerplan openbare ruimte.",
    },
    {
        "key": "studio-bruis",
        "theme": "gebiedsgericht",
        "status": "gekozen",
        "priority": "middel",
        "partners": "Welzijn Lindeveen, Bibliotheek Lindeveen, Bewonersvereniging Oude Kern",
        "budget": 36_000,
        "funding": "brede_spuk",
        "funding_note": "Scholing, materiaal en buurtbudgetten.",
        "start": "2025-09-01",
        "end": "2027-08-31",
        "neighbourhoods": "Oude Kern, Veldzicht",
        "reach": 90,
        "responsible": WIJK,
        "monitoring": "Aantal buurtactiviteiten dat bewoners zelf organiseren; aantal betrokken "
        "bewoners; verhalen uit de buurt (halfjaarlijks).",
        "checklist": {
            "training": ("geregeld", "Drie opbouwwerkers volgen de methodetraining in september 2025."),
            "duur": ("geregeld", "Twee jaar per buurt."),
            "partners": ("open", "Bewonersvereniging Veldzicht nog benaderen."),
        },
        "access": [
            "De activiteiten zijn gratis; er is een buurtbudget per activiteit.",
            "In de eigen straat en het buurthuis.",
            "Veel beeld en weinig tekst; bewoners nodigen elkaar persoonlijk uit.",
            "Sluit aan bij de diverse bewoners van de Oude Kern, ook nieuwkomers.",
        ],
        "notes": "",
    },
    {
        "key": "goldensports",
        "theme": "vitaal-ouder-worden",
        "status": "gekozen",
        "priority": "hoog",
        "partners": "Sportservice Lindeveen, Fysiotherapie Lindeveen, VV Lindeveen (kunstgrasveld)",
        "budget": 42_000,
        "funding": "sportakkoord",
        "funding_note": "Trainer en materiaal; deelnemers betalen € 2 per keer.",
        "start": "2025-04-01",
        "end": "2028-03-31",
        "neighbourhoods": "De Hoven, Oude Kern",
        "reach": 60,
        "responsible": SPORT,
        "monitoring": "Aantal deelnemers en opkomst per week; fitheid (stoeltest) na zes "
        "maanden; ervaren contact met buurtgenoten.",
        "checklist": {
            "personeel": ("geregeld", "Trainer van Fysiotherapie Lindeveen met twee stagiairs van het ROC."),
            "groepsgrootte": ("geregeld", "Groepen van hoogstens zestien met twee begeleiders."),
            "accommodatie": ("geregeld", "VV Lindeveen stelt het kunstgrasveld op dinsdagochtend beschikbaar."),
            "vrijwilligers": ("open", "Nog twee vrijwilligers voor ontvangst en koffie."),
            "kosten": ("geregeld", "€ 2 per keer, koffie inbegrepen."),
        },
        "access": [
            "€ 2 per training; de eerste vier keer gratis.",
            "Sportpark Lindeveen, vlak bij De Hoven, met een halte van de buurtbus.",
            "Aanmelden kan bij de huisarts, de fysiotherapeut of gewoon op het veld.",
            "Voor thuiswonende 65-plussers, ook met een rollator; oefeningen op maat.",
        ],
        "notes": "Combineren met de valpreventie-aanpak van de GGD.",
    },
    {
        "key": "sociaal-vitaal",
        "theme": "vitaal-ouder-worden",
        "status": "gekozen",
        "priority": "middel",
        "partners": "Welzijn Lindeveen, Sportservice Lindeveen, Stichting Thuiszorg Lindeveen",
        "budget": 27_000,
        "funding": "brede_spuk",
        "funding_note": "Drie groepen per jaar: beweegcoaches en materiaal.",
        "start": "2025-09-01",
        "end": "2028-06-30",
        "neighbourhoods": "Veldzicht, Brugwijk, Oosterlo",
        "reach": 75,
        "responsible": WMO,
        "monitoring": "Aantal afgeronde programma's; fitheid en ervaren eenzaamheid voor en na; "
        "deelname aan vervolgactiviteiten.",
        "checklist": {
            "vrijwilligers": ("geregeld", "Vijf vrijwillige beweegmaatjes gevonden via de Seniorenraad."),
            "training": ("geregeld", "Twee beweegcoaches zijn gecertificeerd."),
            "kosten": ("open", "Eigen bijdrage nog afstemmen voor de variant in Kleur."),
        },
        "access": [
            "Eigen bijdrage van € 25 voor het hele programma; vrijstelling met de Lindeveenpas.",
            "In de buurthuizen van Veldzicht en de Brugwijk en het dorpshuis van Oosterlo.",
            "Vooraf een kennismakingsgesprek thuis; informatie in eenvoudige taal.",
            "In de Brugwijk de variant Sociaal Vitaal in Kleur, voor ouderen met een "
            "migratieachtergrond.",
        ],
        "notes": "",
    },
    {
        "key": "grijze-koppen-orkest",
        "theme": "vitaal-ouder-worden",
        "status": "overwegen",
        "priority": "laag",
        "partners": "Muziekschool Lindeveen, Harmonie Sint-Caecilia",
        "budget": 18_000,
        "funding": "eigen_middelen",
        "funding_note": "Cultuurbudget; eventueel aanvullen uit een fonds.",
        "start": "2026-09-01",
        "end": "2027-06-30",
        "neighbourhoods": "Oude Kern",
        "reach": 30,
        "responsible": WELZIJN,
        "monitoring": "Aantal deelnemers; plezier en ervaren gezondheid; aantal optredens.",
        "checklist": {
            "personeel": ("open", "Dirigent via de muziekschool?"),
            "accommodatie": ("geregeld", "De repetitieruimte van de harmonie is op maandagmiddag vrij."),
            "duur": ("open", ""),
            "partners": ("open", "De harmonie is enthousiast; de muziekschool is nog niet gesproken."),
            "kosten": ("open", "Instrumenten te leen via de harmonie; huur onbekend."),
        },
        "access": [
            "Instrumenten te leen; de bijdrage per seizoen is nog onbekend.",
            "Repetities in de Oude Kern.",
            "Geen ervaring nodig; er wordt met eenvoudige notatie gespeeld.",
            "Voor 55-plussers die (weer) muziek willen maken.",
        ],
        "notes": "Mogelijk beter onder te brengen bij het cultuurbeleid dan bij de sociale basis.",
    },
    {
        "key": "mijn-leven-in-kaart",
        "theme": "mentale-weerbaarheid",
        "status": "gekozen",
        "priority": "middel",
        "partners": "Welzijn Lindeveen, Bibliotheek Lindeveen, GGZ Rivierland (preventie)",
        "budget": 21_000,
        "funding": "iza",
        "funding_note": "Begeleiding van de luisteraars en materiaal, via de regionale IZA-afspraken.",
        "start": "2026-02-01",
        "end": "2028-12-31",
        "neighbourhoods": "Hele gemeente",
        "reach": 48,
        "responsible": WMO,
        "monitoring": "Aantal ouderen dat de zeven sessies doorloopt; zingeving voor en na (korte "
        "vragenlijst).",
        "checklist": {
            "duur": ("geregeld", "Zeven sessies in ongeveer twee maanden."),
            "accommodatie": ("geregeld", "Een gespreksruimte in de bibliotheek, of thuis bij de oudere."),
            "personeel": ("open", "Er zijn nog twee vrijwillige luisteraars nodig."),
        },
        "access": [
            "€ 15 voor de materialen van het levensboek; gratis met de Lindeveenpas.",
            "In de bibliotheek in de Oude Kern, of thuis bij wie slecht ter been is.",
            "Schrijven is niet nodig: de luisteraar maakt de aantekeningen.",
            "Voor 65-plussers die zoeken naar zingeving, ook na het verlies van een partner.",
        ],
        "notes": "Verwijzing ook via Welzijn op Recept.",
    },
    {
        "key": "welzijn-op-recept",
        "theme": "keten-welzijn-op-recept",
        "status": "gekozen",
        "priority": "hoog",
        "partners": "Huisartsenpraktijken Lindeveen, Welzijn Lindeveen (welzijnscoaches), GGD Rivierland",
        "budget": 120_000,
        "funding": "iza",
        "funding_note": "Welzijnscoaches (1,0 fte), samen met de zorgverzekeraar via het regionale IZA-plan.",
        "start": "2025-01-01",
        "end": "2028-12-31",
        "neighbourhoods": "Hele gemeente; spreekuur in gezondheidscentrum De Hoven",
        "reach": 300,
        "responsible": SPORT,
        "monitoring": "Aantal verwijzingen per praktijk; welbevinden bij de start en na drie "
        "maanden; huisartsbezoek van verwezen patiënten.",
        "checklist": {
            "partners": [
                ("geregeld", "Alle zes huisartspraktijken doen mee."),
                ("geregeld", "Afspraken met het welzijnsaanbod over terugkoppeling aan de huisarts."),
            ],
            "personeel": ("geregeld", "Twee welzijnscoaches van Welzijn Lindeveen."),
            "kosten": ("geregeld", "Cofinanciering door de zorgverzekeraar afgesproken tot eind 2026."),
        },
        "access": [
            "Gratis voor de inwoner; het aanbod waarnaar wordt verwezen is meestal gratis of goedkoop.",
            "Spreekuur in gezondheidscentrum De Hoven en bij de huisarts in Oosterlo.",
            "De huisarts verwijst met een kaartje; de welzijnscoach belt zelf binnen een week.",
            "Voor inwoners met klachten die (deels) voortkomen uit eenzaamheid, stress of zorgen.",
        ],
        "notes": "Kern van de ketenaanpak: de andere interventies in deze bijlage zijn het aanbod "
        "waarnaar de welzijnscoach verwijst.",
    },
]
