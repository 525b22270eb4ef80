"""Small curated tables that no library holds: common nouns that live inside names, well-known
acronyms, and Korean surname conventions.

Everything else (place names, transliteration schemes) comes from libraries; these tables stay
short and list only what is widely used across news text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class NameNoun:
    """A common noun that forms part of a place name ("сквер Интернационалистов")."""

    en: tuple[str, ...]  # accepted English words, the first is suggested
    ru: tuple[str, ...] = ()  # lemmas
    ko: tuple[str, ...] = ()
    # Transliterations that English usage accepts as part of the name ("Oblast", "Prospekt").
    latin_ok: tuple[str, ...] = ()
    before: bool = False  # English puts it before the name ("Lake Baikal", "Mount Elbrus")


NAME_NOUNS: tuple[NameNoun, ...] = (
    NameNoun(("Square", "Garden", "Park"), ("сквер",), ("공원", "광장")),
    NameNoun(("Park",), ("парк",), ("공원",)),
    NameNoun(("Square", "Plaza"), ("площадь",), ("광장",)),
    NameNoun(("Street",), ("улица",), ("거리", "가", "길", "로"), ("Ulitsa",)),
    NameNoun(("Avenue", "Prospect"), ("проспект",), ("대로", "프로스펙트"), ("Prospekt",)),
    NameNoun(("Lane",), ("переулок",), ("골목",), ("Pereulok",)),
    NameNoun(("Boulevard",), ("бульвар",), ("불바르",), ("Bulvar",)),
    NameNoun(("Embankment",), ("набережная",), ("강변",), ("Naberezhnaya",)),
    NameNoun(("Highway",), ("шоссе",), ("고속도로",), ("Shosse",)),
    NameNoun(("Region", "Oblast", "Province"), ("область",), ("주", "지역", "州"), ("Oblast",)),
    NameNoun(("District", "Raion", "Rayon"), ("район",), ("구", "군", "지구"), ("Raion", "Rayon")),
    NameNoun(("Territory", "Krai", "Region"), ("край",), ("지방",), ("Krai", "Kray")),
    NameNoun(("Republic",), ("республика",), ("공화국",)),
    NameNoun(("City",), ("город",), ("시",)),
    NameNoun(("Province",), (), ("도",)),
    NameNoun(("County",), (), ("군",)),
    NameNoun(("River",), ("река",), ("강",)),
    NameNoun(("Lake",), ("озеро",), ("호", "호수"), before=True),
    NameNoun(("Sea",), ("море",), ("해",)),
    NameNoun(("Island",), ("остров",), ("섬", "도")),
    NameNoun(("Mount", "Mountain"), ("гора",), ("산",), before=True),
    NameNoun(("Bridge",), ("мост",), ("대교", "다리")),
    NameNoun(("Station",), ("станция", "вокзал"), ("역",)),
    NameNoun(("Airport",), ("аэропорт",), ("공항",)),
    NameNoun(("University",), ("университет",), ("대학교", "대학")),
    NameNoun(("Museum",), ("музей",), ("박물관",)),
    NameNoun(("Cathedral",), ("собор",), ("대성당",)),
    NameNoun(("Monastery",), ("монастырь",), ("수도원",)),
)


@dataclass(frozen=True, slots=True)
class Acronym:
    """A source acronym (or the phrase a Korean text uses instead) and its English forms."""

    en: tuple[str, ...]  # accepted English forms, the first is suggested
    ru: tuple[str, ...] = ()
    ko: tuple[str, ...] = ()


ACRONYMS: tuple[Acronym, ...] = (
    Acronym(("SMO", "special military operation", "special operation"), ("СВО",), ("특별군사작전", "특수군사작전")),
    Acronym(("KCNA", "Korean Central News Agency"), ("ЦТАК",), ("조선중앙통신",)),
    Acronym(
        ("AFU", "Ukrainian Armed Forces", "Armed Forces of Ukraine", "Ukrainian army"), ("ВСУ",), ("우크라이나군",)
    ),
    Acronym(
        ("Foreign Ministry", "MFA", "Ministry of Foreign Affairs", "foreign ministry"), ("МИД",), ("외무부", "외교부")
    ),
    Acronym(("DPRK", "North Korea", "Democratic People's Republic of Korea"), ("КНДР",), ("북한", "조선")),
    Acronym(("US", "USA", "U.S.", "United States", "America"), ("США",), ("미국",)),
    Acronym(("UN", "United Nations", "U.N."), ("ООН",), ("유엔", "국제연합")),
    Acronym(("NATO",), ("НАТО",), ("나토",)),
    Acronym(("EU", "European Union"), ("ЕС",), ("유럽연합",)),
    Acronym(("FSB",), ("ФСБ",)),
    Acronym(("KGB",), ("КГБ",)),
    Acronym(("SBU",), ("СБУ",)),
    Acronym(("TASS",), ("ТАСС",)),
    Acronym(("RIA",), ("РИА",)),
    Acronym(("Russia", "Russian Federation", "RF"), ("РФ",), ("러시아",)),
    Acronym(("GDP",), ("ВВП",), ("국내총생산",)),
    Acronym(("IMF",), ("МВФ",), ("국제통화기금",)),
    Acronym(("WHO", "World Health Organization"), ("ВОЗ",), ("세계보건기구",)),
    Acronym(("CIS",), ("СНГ",)),
    Acronym(("CSTO",), ("ОДКБ",)),
    Acronym(("China", "PRC", "People's Republic of China"), ("КНР",), ("중국",)),
    Acronym(("UAE", "United Arab Emirates"), ("ОАЭ",)),
    Acronym(("South Africa", "SAR"), ("ЮАР",)),
    Acronym(("Interior Ministry", "MVD", "Ministry of Internal Affairs"), ("МВД",)),
    Acronym(("Emergencies Ministry", "EMERCOM"), ("МЧС",)),
    Acronym(("ECHR", "European Court of Human Rights"), ("ЕСПЧ",)),
    Acronym(("NPP", "nuclear power plant"), ("АЭС",), ("원전",)),
    Acronym(("USSR", "Soviet Union"), ("СССР",), ("소련",)),
)

# Russian abbreviations English writes in transliteration (Wikipedia titles, news usage): every
# other one spelt letter by letter is a garble. Letters as compact lower case.
ESTABLISHED_ABBREVIATIONS: frozenset[str] = frozenset(
    """fsb kgb sbu tass ria gru svr nkvd ogpu cheka mvd fso fsin omon sobr mgimo vtsiom kprf ldpr rbc ntv
    vtb vgtrk rzd mkad glonass cska ska zil gaz kamaz avtovaz vdnkh gulag tsum gum mts""".split()
)

# Korean surnames: Revised Romanization is rarely what English news writes for a surname.
KO_SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("Kim", "Gim"),
    "이": ("Lee", "Yi", "Rhee", "Ri", "I"),
    "박": ("Park", "Pak", "Bak"),
    "최": ("Choi", "Choe", "Chey"),
    "정": ("Jung", "Jeong", "Chung", "Chong", "Jong"),
    "강": ("Kang", "Gang"),
    "조": ("Cho", "Jo", "Joe"),
    "윤": ("Yoon", "Yun", "Youn"),
    "장": ("Jang", "Chang"),
    "임": ("Lim", "Im", "Rim"),
    "한": ("Han",),
    "오": ("Oh", "O"),
    "서": ("Seo", "Suh", "So"),
    "신": ("Shin", "Sin"),
    "권": ("Kwon", "Gwon"),
    "황": ("Hwang",),
    "안": ("Ahn", "An"),
    "송": ("Song",),
    "류": ("Ryu", "Yoo", "Yu", "Ryoo"),
    "유": ("Yoo", "Yu"),
    "홍": ("Hong",),
    "전": ("Jeon", "Chun", "Jun", "Chon"),
    "문": ("Moon", "Mun"),
    "양": ("Yang",),
    "손": ("Son", "Sohn"),
    "배": ("Bae", "Pae"),
    "백": ("Baek", "Paik", "Paek"),
    "허": ("Heo", "Huh", "Hur"),
    "노": ("Roh", "Noh", "No"),
    "남": ("Nam",),
    "심": ("Shim", "Sim"),
    "하": ("Ha",),
    "곽": ("Kwak",),
    "성": ("Sung", "Seong"),
    "차": ("Cha",),
    "주": ("Joo", "Ju", "Chu"),
    "우": ("Woo", "U"),
    "구": ("Koo", "Ku", "Gu"),
    "민": ("Min",),
    "나": ("Na", "Ra"),
    "진": ("Jin", "Chin"),
    "지": ("Ji", "Chi"),
    "엄": ("Eom", "Um"),
    "채": ("Chae",),
    "원": ("Won",),
    "천": ("Cheon", "Chun"),
    "방": ("Bang", "Pang"),
    "공": ("Kong", "Gong"),
    "현": ("Hyun", "Hyeon"),
    "함": ("Ham",),
    "변": ("Byun", "Byeon"),
    "염": ("Yeom", "Yum"),
    "여": ("Yeo", "Yo"),
    "추": ("Choo", "Chu"),
    "도": ("Do", "Doh"),
    "석": ("Seok", "Suk"),
    "선": ("Sun", "Seon"),
    "설": ("Seol", "Sul"),
    "마": ("Ma",),
    "길": ("Gil", "Kil"),
    "연": ("Yeon", "Yun"),
    "위": ("Wi", "Wee"),
    "표": ("Pyo",),
    "명": ("Myung", "Myeong"),
    "기": ("Ki", "Gi"),
    "반": ("Ban",),
    "왕": ("Wang",),
    "금": ("Keum", "Geum"),
    "옥": ("Ok",),
    "육": ("Yook", "Yuk"),
    "인": ("In",),
    "맹": ("Maeng",),
    "제": ("Je",),
    "모": ("Mo",),
    "탁": ("Tak",),
    "국": ("Kook", "Guk"),
    "어": ("Eo",),
    "은": ("Eun",),
    "편": ("Pyun",),
    "용": ("Yong",),
}

# Russian spellings of Korean surnames (Kontsevich and older practice): a Korean name written in
# Cyrillic cannot be transliterated back letter by letter.
RU_KOREAN_SURNAMES: dict[str, str] = {
    "ким": "김",
    "пак": "박",
    "ли": "이",
    "чхве": "최",
    "цой": "최",
    "чон": "정",
    "кан": "강",
    "чо": "조",
    "юн": "윤",
    "чан": "장",
    "им": "임",
    "хан": "한",
    "мун": "문",
    "ан": "안",
    "со": "서",
    "син": "신",
    "квон": "권",
    "хван": "황",
    "сон": "송",
    "рю": "류",
    "хон": "홍",
    "ян": "양",
    "пэ": "배",
    "ю": "유",
    "но": "노",
    "нам": "남",
}
