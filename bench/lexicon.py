"""Word lists for the corpus generator: places with spelling variants, people, sources, arms.

The shapes follow the sample corpus (the Deir ez-Zor strike reporting); the lists are broad enough
that facts, entities and query terms vary across tens of thousands of generated articles.
"""

from __future__ import annotations

# Canonical place -> spellings seen in wire copy (transliterations, French, local names).
PLACES: dict[str, tuple[str, ...]] = {
    "Deir ez-Zor": ("Deir ez-Zor", "Deir el-Zour", "Deir al-Zor", "Deir Ezzor", "Dayr az-Zawr"),
    "Aleppo": ("Aleppo", "Halab", "Alep"),
    "Raqqa": ("Raqqa", "Al-Raqqah", "Rakka", "Raqqah"),
    "Idlib": ("Idlib", "Idleb"),
    "Homs": ("Homs", "Hims"),
    "Hama": ("Hama", "Hamah"),
    "Palmyra": ("Palmyra", "Tadmur", "Tadmor"),
    "Damascus": ("Damascus", "Dimashq", "Damas"),
    "Mosul": ("Mosul", "Mossoul", "Al-Mawsil"),
    "Fallujah": ("Fallujah", "Falluja"),
    "Ramadi": ("Ramadi", "Al-Ramadi"),
    "Kirkuk": ("Kirkuk", "Kerkuk"),
    "Tikrit": ("Tikrit", "Tekrit"),
    "Beirut": ("Beirut", "Beyrouth"),
    "Gaza": ("Gaza", "Gaza City", "Ghazzah"),
    "Khan Younis": ("Khan Younis", "Khan Yunis", "Khan Yunus"),
    "Rafah": ("Rafah", "Rafiah"),
    "Sanaa": ("Sanaa", "Sana'a", "Sana"),
    "Hodeidah": ("Hodeidah", "Hudaydah", "Al-Hudaydah"),
    "Taiz": ("Taiz", "Ta'izz"),
    "Tripoli": ("Tripoli", "Tarabulus"),
    "Benghazi": ("Benghazi", "Bengasi"),
    "Misrata": ("Misrata", "Misurata"),
    "Kabul": ("Kabul", "Kaboul"),
    "Kandahar": ("Kandahar", "Qandahar"),
    "Kunduz": ("Kunduz", "Qunduz"),
    "Mogadishu": ("Mogadishu", "Muqdisho", "Mogadiscio"),
    "Timbuktu": ("Timbuktu", "Tombouctou"),
    "Gao": ("Gao",),
    "Goma": ("Goma",),
    "Khartoum": ("Khartoum", "Al-Khartum"),
    "El Fasher": ("El Fasher", "Al-Fashir", "El-Fasher"),
    "Maiduguri": ("Maiduguri", "Yerwa"),
    "Kyiv": ("Kyiv", "Kiev"),
    "Kharkiv": ("Kharkiv", "Kharkov"),
    "Mariupol": ("Mariupol", "Mariupol'"),
    "Donetsk": ("Donetsk", "Donetske"),
    "Bakhmut": ("Bakhmut", "Artemivsk", "Artyomovsk"),
    "Odesa": ("Odesa", "Odessa"),
    "Zaporizhzhia": ("Zaporizhzhia", "Zaporozhye"),
}

COUNTRIES = (
    "Syria", "Iraq", "Russia", "Turkey", "Iran", "Lebanon", "Israel", "Yemen", "Libya",
    "Afghanistan", "Somalia", "Mali", "Sudan", "Nigeria", "Ukraine", "Egypt", "Jordan",
    "Saudi Arabia", "the United States", "France", "Britain",
)  # fmt: skip

FIRST_NAMES = (
    "Igor", "Maria", "Viktor", "Ahmed", "Mohammed", "Fatima", "Omar", "Leila", "John", "Sarah",
    "Yusuf", "Hassan", "Ali", "Nadia", "Sergei", "Olena", "Dmytro", "Abdullah", "Khalid", "Amina",
    "Peter", "Anne", "Michel", "Claire", "Rami", "Samir", "Layla", "Ibrahim", "Mustafa", "Zainab",
    "James", "Robert", "Elena", "Pavel", "Tariq", "Hamid", "Abdel", "Yara", "Karim", "Salma",
    "Daniel", "David", "Moussa", "Aminata", "Ousmane", "Hussein", "Rania", "Bashir", "Oleksandr",
    "Natalia", "Andrei", "Hiba", "Walid", "Jamal", "Ayesha", "Farid", "Sophie", "Thomas",
)  # fmt: skip

LAST_NAMES = (
    "Konashenkov", "Zakharova", "Poznikhir", "Abdel-Rahman", "al-Masri", "Haddad", "Khalil",
    "Nasser", "Saleh", "Hamdan", "Smith", "Johnson", "Dubois", "Martin", "Ivanov", "Petrov",
    "Shevchenko", "Kovalenko", "Bondarenko", "Yusuf", "Abdi", "Warsame", "Diallo", "Traore",
    "Keita", "Osman", "el-Amin", "Rahimi", "Karimi", "Ahmadi", "Hosseini", "Qasim", "al-Jabouri",
    "al-Obeidi", "Barzani", "Talabani", "Aziz", "Farah", "Mansour", "Bakr", "Schneider", "Weber",
    "Rossi", "Bianchi", "Novak", "Horvat", "Kowalski", "Nowak", "Garcia", "Lopez", "Okafor",
    "Adeyemi", "Mohammed", "Bello", "Musa", "Sokolov", "Morozov", "Volkov", "Lebedev", "Hassan",
)  # fmt: skip

TITLES = (
    "Major-General", "General", "Colonel", "Lieutenant-Colonel", "Brigadier General", "Captain",
    "President", "Prime Minister", "Foreign Minister", "Defence Minister", "Governor", "Mayor",
    "spokesman", "spokeswoman", "Dr.", "Sheikh", "Ambassador", "Senator", "Commander",
)  # fmt: skip

ORGANISATIONS = (
    "the Syrian Observatory for Human Rights", "the Defense Ministry", "the UN Security Council",
    "U.S. Central Command", "the state news agency SANA", "the International Committee of the "
    "Red Cross", "Médecins Sans Frontières", "the World Health Organization", "Amnesty "
    "International", "Human Rights Watch", "the General Command", "the interior ministry",
    "the health ministry", "the civil defence", "the UN refugee agency", "the Pentagon",
    "the Kremlin", "NATO", "the African Union", "the European Union", "the Arab League",
)  # fmt: skip

SOURCES = (
    "Newswire.net", "Reuters", "AFP", "Associated Press", "Middle East Eye", "Asharq Al-Awsat",
    "RT", "The Guardian", "Haaretz", "Fox News", "Al Jazeera", "BBC", "Anadolu Agency",
    "Deutsche Welle", "France 24", "Sputnik", "Xinhua", "The Washington Post", "Kyiv Independent",
    "Mondialisation.ca", "Daily Sabah", "The National", "Arab News", "Rudaw", "Kurdistan 24",
)  # fmt: skip

VICTIMS = (
    "soldiers", "civilians", "people", "fighters", "militants", "children", "policemen",
    "troops", "government troops", "rebels", "police officers", "villagers", "residents",
    "Syrian soldiers", "members of the security forces", "aid workers", "pro-government fighters",
    "women and children", "insurgents", "passengers",
)  # fmt: skip

AGENTS = (
    "US-led coalition jets", "the air strike", "the airstrike", "a car bomb", "the explosion",
    "shelling", "the attack", "a suicide bomber", "Russian warplanes", "government forces",
    "the militants", "a drone strike", "heavy fighting", "artillery fire", "an ambush",
    "the missile strike", "a landmine", "clashes", "the bombardment", "rocket fire",
)  # fmt: skip

EQUIPMENT = (
    "F-16", "A-10", "Su-24", "Su-25", "Su-34", "MiG-29", "T-72 tanks", "T-90 tanks",
    "Bayraktar TB2 drones", "MQ-9 Reaper drones", "HIMARS launchers", "Grad rockets",
    "barrel bombs", "Tomahawk cruise missiles", "Apache helicopters", "Mi-24 helicopters",
    "BMP-2 armoured vehicles", "Kalibr missiles", "Shahed-136 drones", "Leopard 2 tanks",
    "mortar shells", "Scud missiles", "Tornado jets", "B-52 bombers", "Iskander missiles",
)  # fmt: skip

AID = (
    "food", "medical supplies", "flour", "fuel", "drinking water", "tents", "blankets",
    "humanitarian aid", "vaccines", "wheat",
)  # fmt: skip

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

# Real news words, split on whitespace; the generator adds pseudo-words to several thousand types.
NEWS_WORDS = """
army forces government troops coalition strike attack bombing ceasefire truce agreement
offensive position airport city province region border territory capital village town
military ministry defence defense officials statement spokesman report agency media television
rebels militants fighters opposition regime groups terrorist jihadist insurgents security
police civilians residents refugees aid humanitarian access convoy supplies hospital doctors
casualties toll victims bodies survivors wounded injured dead killed missing displaced
negotiations talks diplomats council meeting resolution sanctions embassy ambassador minister
president election parliament party leader commander general colonel officer soldier unit
brigade battalion division base checkpoint highway bridge road district neighbourhood market
mosque school camp prison station power water electricity fuel oil gas pipeline field port
airspace jets warplanes aircraft helicopter drone missile rocket artillery mortar shell tank
vehicle convoy explosion blast fire smoke damage destruction rubble siege blockade evacuation
operation campaign assault raid ambush clash battle fighting violence crisis conflict war
peace deal plan proposal demand accusation denial investigation inquiry evidence witness
mistake error coordinates intelligence surveillance monitoring observers international
western eastern northern southern central local regional national foreign domestic senior
former current new old major minor heavy light urgent serious blatant conclusive direct
fragile complex unclear unconfirmed independent official unofficial reported alleged
economy prices inflation currency bank budget debt exports imports trade investment growth
drought harvest crops farmers livestock famine hunger cholera outbreak vaccine clinic
week month year day night morning evening weekend hours minutes season summer winter spring
announced confirmed denied warned urged called accused blamed claimed stressed added noted
insisted rejected condemned welcomed promised threatened vowed pledged ordered launched halted
resumed suspended postponed approved signed broke seized captured recaptured retreated advanced
withdrew deployed fired struck bombed shelled targeted hit destroyed damaged killed wounded
arrested detained released freed kidnapped abducted executed evacuated fled returned crossed
according sources witnesses activists journalists correspondents analysts experts observers
"""
