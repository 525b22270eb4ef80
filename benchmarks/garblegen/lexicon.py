"""The generator's own small bilingual lists: abbreviations and their English forms, common nouns
and their translations, place-name adjectives, Korean names with sound changes. Written for this
benchmark, independent of mtcheck's tables; the errors are built from them, the checker is not.
"""

from __future__ import annotations


def _table(text: str) -> dict[str, tuple[str, ...]]:
    """``key: form | form`` lines → {key: (form, ...)}."""
    out = {}
    for line in text.strip().splitlines():
        key, forms = line.split(":", 1)
        out[key.strip()] = tuple(f.strip() for f in forms.split("|"))
    return out


# Russian abbreviations that occur in news text, with the English forms a translator should use
# (the first is the suggestion). Spelling them letter by letter is the error.
RU_ACRONYMS = _table("""
США: United States | US | U.S. | USA | America
ООН: United Nations | UN | U.N.
ФБР: FBI
ЦРУ: CIA
ВОЗ: World Health Organization | WHO
МВФ: International Monetary Fund | IMF
МОК: International Olympic Committee | IOC
ВТО: World Trade Organization | WTO
ЮАР: South Africa
ОАЭ: United Arab Emirates | UAE
КНДР: North Korea | DPRK
КНР: China | PRC
ДНК: DNA
ИГИЛ: Islamic State | ISIS | ISIL
МКС: International Space Station | ISS
ВИЧ: HIV
СПИД: AIDS
ЕСПЧ: European Court of Human Rights | ECHR
ФРС: Federal Reserve | Fed
ЕЦБ: European Central Bank | ECB
ВВП: GDP
СССР: Soviet Union | USSR
НХЛ: NHL
ВВС: Air Force | RAF | BBC
ВМС: Navy
МРТ: MRI
КПК: Communist Party of China | CPC
СНГ: Commonwealth of Independent States | CIS
ОБСЕ: OSCE
МАГАТЭ: International Atomic Energy Agency | IAEA
ЮНЕСКО: UNESCO
ЮНИСЕФ: UNICEF
ОПЕК: OPEC
АЭС: nuclear power plant | nuclear plant | power plant
ДТП: road accident | traffic accident | crash | accident
ЦИК: Central Election Commission | election commission
ЕАЭС: Eurasian Economic Union | EAEU
ОДКБ: Collective Security Treaty Organization | CSTO
ШОС: Shanghai Cooperation Organization | SCO
БРИКС: BRICS
АТЭС: Asia-Pacific Economic Cooperation | APEC
НКО: NGO | non-profit
СМИ: media
ЧВК: private military company | PMC
ВСУ: Ukrainian armed forces | Ukrainian army
СВО: special military operation | SMO
""")

# Abbreviations substituted into sentences where the corpora have too few: many that no checker's
# table is likely to hold.
RU_ACRONYMS_EXTRA = _table("""
ТГУ: Tomsk State University | TSU
МГУ: Moscow State University | MSU
СПбГУ: St Petersburg State University | SPbU
НГУ: Novosibirsk State University | NSU
ДВФУ: Far Eastern Federal University | FEFU
МФТИ: Moscow Institute of Physics and Technology | MIPT
ВШЭ: Higher School of Economics | HSE
МИФИ: MEPhI
ЯНАО: Yamalo-Nenets Autonomous Okrug
ХМАО: Khanty-Mansi Autonomous Okrug
ЦБ: Central Bank
ГИБДД: traffic police
МЧС: Emergencies Ministry
ЖКХ: housing and utilities
ДТП: road accident
НИИ: research institute
ФСИН: Federal Penitentiary Service
СК: Investigative Committee
ФНС: Federal Tax Service
МФЦ: public services center
ЕГЭ: Unified State Exam
НДС: VAT
ТЦ: shopping center
АПК: agribusiness
ВПК: defense industry
СО РАН: Siberian Branch of the Russian Academy of Sciences
ЧП: emergency
ЕС: European Union | EU
СВО: special military operation
ВСУ: Ukrainian armed forces
ЧВК: private military company
ГЭС: hydroelectric power station
ТЭЦ: combined heat and power plant
ПВО: air defense
МСП: small and medium-sized businesses | SMEs
ВУЗ: university
РОНО: district education department
""")

# Abbreviations whose letter-by-letter form IS established English usage: clean controls.
RU_ACRONYM_CONTROLS = _table("""
ФСБ: FSB
КГБ: KGB
ГРУ: GRU
НКВД: NKVD
СВР: SVR
ФСО: FSO
ТАСС: TASS
ЦСКА: CSKA
ВТБ: VTB
МТС: MTS
ЛДПР: LDPR
ОМОН: OMON
МГИМО: MGIMO
ГУМ: GUM
""")

# Korean clipped names (a word cut from each part of an institution's name) and their English
# forms. Romanizing the syllables ("Hanjeon") is the error.
KO_ACRONYMS = _table("""
한전: KEPCO | Korea Electric Power Corporation
산업부: Ministry of Trade, Industry and Energy | industry ministry
문체부: Ministry of Culture, Sports and Tourism | culture ministry
국토부: Ministry of Land, Infrastructure and Transport | land ministry
기재부: Ministry of Economy and Finance | finance ministry
과기부: Ministry of Science and ICT | science ministry
행안부: Ministry of the Interior and Safety | interior ministry
복지부: Ministry of Health and Welfare | health ministry
금융위: Financial Services Commission | FSC
공정위: Fair Trade Commission | FTC
방통위: Korea Communications Commission | KCC
선관위: National Election Commission | NEC
국정원: National Intelligence Service | NIS
중기부: Ministry of SMEs and Startups
농식품부: Ministry of Agriculture, Food and Rural Affairs | agriculture ministry
해수부: Ministry of Oceans and Fisheries | oceans ministry
여가부: Ministry of Gender Equality and Family | gender equality ministry
고용부: Ministry of Employment and Labor | labor ministry
한은: Bank of Korea | BOK
금감원: Financial Supervisory Service | FSS
식약처: Ministry of Food and Drug Safety | MFDS
질병청: Korea Disease Control and Prevention Agency | KDCA
인권위: National Human Rights Commission
권익위: Anti-Corruption and Civil Rights Commission
한수원: Korea Hydro & Nuclear Power | KHNP
국과수: National Forensic Service
전경련: Federation of Korean Industries | FKI
경총: Korea Enterprises Federation | KEF
민노총: Korean Confederation of Trade Unions | KCTU
전교조: Korean Teachers and Education Workers Union
헌재: Constitutional Court
중앙지검: Seoul Central District Prosecutors' Office
서울대: Seoul National University | SNU
현대차: Hyundai Motor
""")

# Korean spellings of abbreviations whose English form is the abbreviation itself: clean controls.
KO_ACRONYM_CONTROLS = _table("""
유엔: UN
나토: NATO
나사: NASA
유네스코: UNESCO
오펙: OPEC
아세안: ASEAN
유니세프: UNICEF
피파: FIFA
""")

# Russian common nouns (lemma) and their English translations. Only nouns whose transliteration
# is no English word and differs from the translation; улица, область, край, район, проспект are
# left out: their transliterations are accepted in English usage.
RU_NOUNS = _table("""
вокзал: station | railway station
музей: museum
театр: theatre | theater
университет: university
больница: hospital
площадь: square
река: river
озеро: lake
остров: island
гора: mountain
залив: bay | gulf
собор: cathedral
церковь: church
монастырь: monastery
крепость: fortress
дворец: palace
библиотека: library
школа: school
завод: plant | factory
рынок: market
набережная: embankment
переулок: lane
бульвар: boulevard
шоссе: highway
аэропорт: airport
станция: station
стадион: stadium
кладбище: cemetery
тюрьма: prison
суд: court
правительство: government
министерство: ministry
выборы: election | elections
полиция: police
армия: army
война: war
город: city | town
деревня: village
посёлок: settlement | village
поликлиника: clinic
аптека: pharmacy
гостиница: hotel
храм: temple
мечеть: mosque
пустыня: desert
вулкан: volcano
пещера: cave
водопад: waterfall
ледник: glacier
полуостров: peninsula
пролив: strait
замок: castle
башня: tower
памятник: monument
выставка: exhibition
конкурс: competition | contest
чемпионат: championship
сборная: national team
команда: team
компания: company
журнал: magazine | journal
врач: doctor
корабль: ship
самолёт: plane | aircraft | airplane
поезд: train
автобус: bus
автомобиль: car
дорога: road
землетрясение: earthquake
пожар: fire
наводнение: flood
ураган: hurricane
учёный: scientist
больной: patient
солдат: soldier
""")

# Named places whose head is a common noun, for substitution where the corpora have too few:
# (Russian, English, the transliteration a sloppy translator leaves).
RU_NOUN_PLACES: tuple[tuple[str, str, str], ...] = (
    ("Дом культуры", "House of Culture", "Dom Kultury"),
    ("Городской парк", "City Park", "Gorodskoy Park"),
    ("Центральный рынок", "Central Market", "Tsentralny Rynok"),
    ("Речной вокзал", "River Station", "Rechnoy Vokzal"),
    ("Краеведческий музей", "Museum of Local History", "Krayevedchesky Muzey"),
    ("Драматический театр", "Drama Theatre", "Dramatichesky Teatr"),
    ("Ботанический сад", "Botanical Garden", "Botanichesky Sad"),
    ("Дворец спорта", "Sports Palace", "Dvorets Sporta"),
    ("Дом учёных", "House of Scientists", "Dom Uchyonykh"),
    ("Детский парк", "Children's Park", "Detsky Park"),
    ("Летний сад", "Summer Garden", "Letny Sad"),
    ("Дворцовая площадь", "Palace Square", "Dvortsovaya Ploshchad"),
    ("Соборная площадь", "Cathedral Square", "Sobornaya Ploshchad"),
    ("Зимний дворец", "Winter Palace", "Zimny Dvorets"),
    ("Мариинский театр", "Mariinsky Theatre", "Mariinsky Teatr"),
    ("Казанский собор", "Kazan Cathedral", "Kazansky Sobor"),
    ("Ладожское озеро", "Lake Ladoga", "Ladozhskoye Ozero"),
    ("Финский залив", "Gulf of Finland", "Finsky Zaliv"),
    ("Чёрное море", "Black Sea", "Chyornoye More"),
    ("Белое море", "White Sea", "Beloye More"),
    ("Московский вокзал", "Moscow Station", "Moskovsky Vokzal"),
    ("Финляндский вокзал", "Finland Station", "Finlyandsky Vokzal"),
    ("Центральный стадион", "Central Stadium", "Tsentralny Stadion"),
    ("Областная больница", "Regional Hospital", "Oblastnaya Bolnitsa"),
    ("Городская больница", "City Hospital", "Gorodskaya Bolnitsa"),
    ("Художественный музей", "Art Museum", "Khudozhestvenny Muzey"),
    ("Кафедральный собор", "Cathedral", "Kafedralny Sobor"),
    ("Главпочтамт", "Main Post Office", "Glavpochtamt"),
    ("Дом быта", "Consumer Services Center", "Dom Byta"),
    ("Дворец пионеров", "Pioneers Palace", "Dvorets Pionerov"),
    ("Гостиный двор", "Merchant Court", "Gostiny Dvor"),
    ("Новодевичье кладбище", "Novodevichy Cemetery", "Novodevichye Kladbishche"),
    ("Петропавловская крепость", "Peter and Paul Fortress", "Petropavlovskaya Krepost"),
    ("Речной порт", "River Port", "Rechnoy Port"),
    ("Северный вокзал", "North Station", "Severny Vokzal"),
    ("Ледовый дворец", "Ice Palace", "Ledovy Dvorets"),
    ("Музей истории", "History Museum", "Muzey Istorii"),
    ("Лесной парк", "Forest Park", "Lesnoy Park"),
    ("Аптекарский огород", "Apothecary Garden", "Aptekarsky Ogorod"),
    ("Центральная библиотека", "Central Library", "Tsentralnaya Biblioteka"),
)

# Korean common nouns (Kiwi NNG forms) and their English translations; RR of each is no English word.
KO_NOUNS = _table("""
공원: park
시청: city hall
대학교: university
병원: hospital
경찰: police
정부: government
대통령: president
학교: school
회사: company | firm
법원: court
의회: parliament | congress
선거: election
공항: airport
도시: city
전쟁: war
군대: army | military | troops
교회: church
섬: island
바다: sea
해변: beach
박물관: museum
도서관: library
영화: film | movie
음악: music
축제: festival
회의: meeting | conference
신문: newspaper
기자: reporter | journalist
선수: player | athlete
감독: coach | director | manager
경제: economy
은행: bank
회장: chairman
총리: prime minister
장관: minister | secretary
대사관: embassy
학생: student
교수: professor
의사: doctor
환자: patient
가족: family
자동차: car | vehicle
비행기: plane | aircraft | airplane
기차: train
식당: restaurant
교도소: prison
감옥: prison | jail
군인: soldier
소방관: firefighter
연구: research | study
과학자: scientist
직원: employee | staff
노동자: worker
시민: citizen
주민: resident
세금: tax
날씨: weather
폭풍: storm
지진: earthquake
홍수: flood
산불: wildfire
재판: trial
판사: judge
변호사: lawyer | attorney
검사: prosecutor
범죄: crime
무기: weapon
폭탄: bomb
항구: port | harbor
공장: factory | plant
농장: farm
동물원: zoo
동물: animal
고양이: cat
광장: square | plaza
호수: lake
폭포: waterfall
동굴: cave
사막: desert
화산: volcano
반도: peninsula
기념비: monument
전시회: exhibition
대회: competition | championship | tournament
배우: actor
가수: singer
작가: writer | author
소설: novel
노래: song
남편: husband
아내: wife
친구: friend
소년: boy
소녀: girl
여성: woman | women
사람: people | person
국가: country | nation
시위: protest
협정: agreement | deal
조약: treaty
제재: sanctions
관세: tariff | tariffs
무역: trade
주식: stock | stocks | shares
""")

# Korean named-place heads and their English, appended to a place name where the corpora have too
# few: (Korean, English, the romanization a sloppy translator leaves).
KO_NOUN_PLACES: tuple[tuple[str, str, str], ...] = (
    ("해수욕장", "Beach", "Haesuyokjang"),
    ("문화회관", "Cultural Center", "Munhwa Hoegwan"),
    ("시청", "City Hall", "Sicheong"),
    ("종합운동장", "Sports Complex", "Jonghap Undongjang"),
    ("시민공원", "Citizens' Park", "Simin Gongwon"),
    ("체육관", "Gymnasium", "Cheyukgwan"),
    ("전통시장", "Traditional Market", "Jeontong Sijang"),
    ("어시장", "Fish Market", "Eosijang"),
    ("민속촌", "Folk Village", "Minsokchon"),
    ("국립박물관", "National Museum", "Gungnip Bangmulgwan"),
    ("미술관", "Art Museum", "Misulgwan"),
    ("수목원", "Arboretum", "Sumogwon"),
    ("식물원", "Botanical Garden", "Singmurwon"),
    ("기차역", "Train Station", "Gichayeok"),
    ("구청", "District Office", "Gucheong"),
    ("보건소", "Public Health Center", "Bogeonso"),
    ("대학병원", "University Hospital", "Daehak Byeongwon"),
    ("소방서", "Fire Station", "Sobangseo"),
    ("경찰서", "Police Station", "Gyeongchalseo"),
    ("전망대", "Observatory", "Jeonmangdae"),
    ("등대", "Lighthouse", "Deungdae"),
    ("저수지", "Reservoir", "Jeosuji"),
    ("생태공원", "Ecological Park", "Saengtae Gongwon"),
    ("휴양림", "Recreational Forest", "Hyuyangnim"),
    ("도서관", "Library", "Doseogwan"),
    ("공항", "Airport", "Gonghang"),
    ("항구", "Port", "Hanggu"),
    ("대학교", "University", "Daehakgyo"),
    ("동물원", "Zoo", "Dongmurwon"),
    ("문화원", "Cultural Institute", "Munhwawon"),
)

# Russian place-name adjectives and their English translations.
RU_ADJECTIVES = _table("""
новый: New
старый: Old
великий: Great
нижний: Lower
верхний: Upper
белый: White
красный: Red
чёрный: Black
большой: Big | Greater
малый: Little | Lesser
северный: North | Northern
южный: South | Southern
западный: West | Western
восточный: East | Eastern
центральный: Central
сосновый: Pine
горячий: Hot
сухой: Dry
минеральный: Mineral
тёплый: Warm
советский: Soviet
жёлтый: Yellow
зелёный: Green
золотой: Golden
каменный: Stone
солнечный: Sunny
святой: Saint | Holy
""")

# Korean proper nouns whose Revised Romanization applies sound changes between syllables, with
# the official spelling: substituted where the corpora have too few Korean native names.
KO_SOUND_CHANGE_NAMES: tuple[tuple[str, str], ...] = (
    ("신라", "Silla"),
    ("종로", "Jongno"),
    ("독립문", "Dongnimmun"),
    ("한라산", "Hallasan"),
    ("설악산", "Seoraksan"),
    ("왕십리", "Wangsimni"),
    ("청량리", "Cheongnyangni"),
    ("선릉", "Seolleung"),
    ("신림", "Sillim"),
    ("백령도", "Baengnyeongdo"),
    ("광안리", "Gwangalli"),
    ("대관령", "Daegwallyeong"),
    ("울릉도", "Ulleungdo"),
    ("압록강", "Amnokgang"),
    ("석굴암", "Seokguram"),
    ("숭례문", "Sungnyemun"),
    ("대학로", "Daehangno"),
    ("백록담", "Baengnokdam"),
    ("정릉", "Jeongneung"),
    ("백마강", "Baengmagang"),
    ("독립기념관", "Dongnip Ginyeomgwan"),
    ("문래", "Mullae"),
    ("국립중앙박물관", "Gungnip Jungang Bangmulgwan"),
    ("월령", "Wollyeong"),
    ("설령", "Seollyeong"),
    ("별내", "Byeollae"),
    ("답십리", "Dapsimni"),
    ("법륜사", "Beomnyunsa"),
    ("삼릉", "Samneung"),
    ("동래", "Dongnae"),
    ("금련산", "Geumnyeonsan"),
    ("광릉", "Gwangneung"),
    ("홍릉", "Hongneung"),
    ("전라도", "Jeollado"),
    ("전라남도", "Jeollanamdo"),
    ("전라북도", "Jeollabukdo"),
    ("한림", "Hallim"),
    ("신륵사", "Silleuksa"),
    ("관룡사", "Gwallyongsa"),
    ("백련사", "Baengnyeonsa"),
    ("석남사", "Seongnamsa"),
    ("충렬사", "Chungnyeolsa"),
    ("정림사", "Jeongnimsa"),
    ("무령왕릉", "Muryeongwangneung"),
    ("청령포", "Cheongnyeongpo"),
    ("굴업도", "Gureopdo"),
    ("국민대", "Gungmindae"),
    ("백마고지", "Baengmagoji"),
    ("밀양", "Miryang"),
    ("강릉", "Gangneung"),
    ("철원", "Cheorwon"),
    ("송림", "Songnim"),
    ("동림", "Dongnim"),
)
