"""The texts and figures of the Lindeveen sample project (all fictional)."""

from __future__ import annotations

INTRODUCTION = (
    "Lindeveen is een gemeente met ruim 42.000 inwoners: een oude kern, vier wijken en de dorpen "
    "Oosterlo en Heidebeek. Het aantal 75-plussers groeit tot 2030 met bijna een derde, één op de "
    "drie volwassenen voelt zich matig of ernstig eenzaam en de mantelzorgers in onze gemeente "
    "geven aan dat ze zwaarder belast zijn dan vijf jaar geleden.\n\n"
    "Met deze beleidsvisie kiezen we voor een sterke sociale basis: plekken en activiteiten waar "
    "inwoners elkaar ontmoeten, elkaar helpen en zich kunnen ontplooien, dichtbij huis en "
    "toegankelijk voor iedereen. Deze bijlage laat per thema zien welke erkende interventies we "
    "inzetten, met wie, met welk budget en hoe we volgen of ze werken.\n\n"
    "De keuzes zijn gemaakt samen met Welzijn Lindeveen, Sportservice Lindeveen, de "
    "Bibliotheek Lindeveen, het Mantelzorgsteunpunt, de huisartsen en de Seniorenraad."
)

THEMES: list[tuple[str, str]] = [
    (
        "sociale-samenhang",
        "In De Hoven en de Brugwijk kennen bewoners elkaar steeds minder; uit de wijkschouw van "
        "2024 blijkt dat 40% van de bewoners niemand in de straat om hulp zou vragen. We willen "
        "dat bewoners met een ondersteuningsvraag elkaar vinden en helpen, zodat minder inwoners "
        "afhankelijk worden van formele zorg.",
    ),
    (
        "mantelzorg",
        "Lindeveen telt naar schatting 7.500 mantelzorgers, van wie een kwart zich zwaar belast "
        "voelt. Het aantal mensen met dementie verdubbelt tot 2040. We zetten in op vroegtijdig "
        "in beeld brengen van mantelzorgers, ondersteuning op maat en ontmoeting voor mensen met "
        "dementie en hun naasten.",
    ),
    (
        "eenzaamheid",
        "Eenzaamheid komt in alle leeftijdsgroepen voor, maar het meest bij alleenwonende "
        "ouderen in Veldzicht en de Brugwijk en bij jongeren. We kiezen voor laagdrempelige "
        "ontmoeting, een luisterend oor en – voor jongeren – een programma dat hen helpt "
        "aansluiting te vinden.",
    ),
    (
        "vrijwilligers-professionals",
        "Verenigingen en welzijnswerk in Lindeveen draaien op vrijwilligers, maar de groep "
        "vrijwilligers vergrijst en wordt kleiner. Tegelijk willen we dat professionals in het "
        "sociaal domein bewonersinitiatieven beter ondersteunen.",
    ),
    (
        "gebiedsgericht",
        "We werken per gebied met een wijkregisseur en een wijkagenda. De aanpakken in dit "
        "thema vinden plaats op pleinen en in straten, samen met bewoners, en sluiten aan bij "
        "wat elke buurt nodig heeft.",
    ),
    (
        "vitaal-ouder-worden",
        "Ouderen in Lindeveen willen zo lang mogelijk thuis blijven wonen. Samen bewegen in de "
        "buitenlucht en in de buurt houdt hen fit en brengt hen in contact met anderen. We "
        "kiezen aanpakken die ook voor minder fitte ouderen geschikt zijn.",
    ),
    (
        "mentale-weerbaarheid",
        "Somberheid en zingevingsvragen nemen toe, vooral na ingrijpende gebeurtenissen zoals "
        "het verlies van een partner. Met gesprekken over het eigen levensverhaal, in de "
        "bibliotheek of thuis, bieden we een laagdrempelige plek om daarmee aan de slag te gaan.",
    ),
    (
        "keten-welzijn-op-recept",
        "Huisartsen zien veel patiënten met klachten die voortkomen uit eenzaamheid, stress of "
        "zorgen. Welzijn op Recept verbindt de huisartspraktijk met het welzijnsaanbod uit deze "
        "bijlage en vormt zo de kern van onze ketenaanpak.",
    ),
]

# The plan as a whole (Project tab, section Plan): what the VNG format asks beside the choices.
PLAN = {
    "cooperation": (
        "Kernteam: de beleidsadviseur sociaal domein (trekker), Welzijn Lindeveen, "
        "Sportservice Lindeveen, de GGD Rivierland en het Mantelzorgsteunpunt. Het kernteam "
        "komt elke zes weken bijeen.\n\nPartners in de uitvoering: de Bibliotheek Lindeveen, "
        "Woonstichting De Linde, de huisartsenpraktijken, de Seniorenraad en de "
        "Vrijwilligerscentrale."
    ),
    "coordination": (
        "Welzijn Lindeveen coördineert de uitvoering in de wijken; de gemeente bewaakt de "
        "afspraken over budget en bereik in een halfjaarlijks voortgangsgesprek per partner."
    ),
    "health_equity": (
        "De wijken De Hoven en Brugwijk hebben de meeste inwoners met een lage sociaaleconomische "
        "positie. Daar starten de interventies het eerst, met sleutelpersonen uit de wijk en "
        "zonder eigen bijdrage."
    ),
    "coherence": (
        "De welzijnscoach (Welzijn op Recept) verwijst naar het aanbod in deze bijlage; de "
        "Buurtcirkels en Resto VanHarte zijn de plekken waar inwoners elkaar blijven ontmoeten."
    ),
    "evaluation": (
        "Jaarlijks een voortgangsrapportage aan de raad met bereik per interventie en de "
        "eenzaamheidscijfers uit de Gezondheidsmonitor van de GGD; in 2028 een evaluatie van het "
        "plan als geheel."
    ),
}
