"""Word lists of Arabic news style, in normalised form (casefile.normalize folding).

These are general vocabulary of the language and of conflict reporting, written from knowledge
of the genre; none is fitted to a development corpus. Each list says why it exists.
"""

from __future__ import annotations

from ..normalize import normalize


def _set(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


# Words that introduce a person's name: «المدعو "…"», «الملقب بـ "…"».
PERSON_INTRODUCERS = _set(
    "المدعو المدعوة المدعى المسمى المسماة يدعى تدعى واسمه واسمها المكنى المكناة"
)
NICKNAME_INTRODUCERS = _set("الملقب الملقبة الملقب المعروف المعروفة الشهير الشهيرة الملقبين")

# Titles placed before a name; kept apart from the name (the name is the entity).
HONORIFICS = _set(
    "الشيخ الشيخة السيد السيدة الحاج الحاجة الدكتور الدكتورة د الأستاذ الأستاذة المهندس "
    "المهندسة المحامي المحامية الإمام الأمير الأميرة الملك الملكة الرئيس الرئيسة الوزير "
    "الوزيرة النائب النائبة العميد العقيد المقدم الرائد النقيب الملازم المساعد الرقيب "
    "الفريق العماد المشير اللواء الجنرال القاضي الصحفي الصحفية الناشط الناشطة الفنان "
    "الفنانة المطرب المطربة الكاتب الكاتبة الشاعر الشاعرة المخرج المخرجة اللاعب اللاعبة "
    "المدرب الممثل الممثلة الروائي البروفيسور المطران البطريرك الأب القس السفير السفيرة "
    "المتحدث الناطق المستشار المستشارة"
)

# Office titles after a name: «X مختار قرية Y», «X رئيس بلدية Y», «X مسؤول …».
# Longest first so «رئيس بلدية» wins over «رئيس».
OFFICE_TITLES: tuple[tuple[str, ...], ...] = tuple(
    tuple(normalize(t).split())
    for t in sorted(
        [
            "مختار",
            "رئيس بلدية",
            "رئيس مجلس",
            "رئيس",
            "مسؤول",
            "مسؤولة",
            "قائد",
            "القائد",
            "قائد مليشيا",
            "قائد ميليشيا",
            "متزعم",
            "زعيم",
            "شيخ عشيرة",
            "شيخ قبيلة",
            "وجيه",
            "أحد وجهاء",
            "من وجهاء",
            "أحد شيوخ",
            "عضو",
            "عضو مجلس",
            "محافظ",
            "أمين فرع",
            "مدير",
            "مديرة",
            "القيادي في",
            "قيادي في",
            "القيادي البارز في",
            "أمير",
            "والي",
            "نائب",
            "المسؤول عن",
            "مسؤول عن",
            "عنصر في",
            "أحد عناصر",
            "أحد قادة",
            "أحد قياديي",
            "المتحدث باسم",
            "الناطق باسم",
            "المتحدث الرسمي باسم",
            "الناطق الرسمي باسم",
        ],
        key=lambda t: -len(t.split()),
    )
)
# Titles whose object is a group rather than a place (membership rather than office).
MEMBERSHIP_TITLES = {
    ("القيادي", "في"),
    ("قيادي", "في"),
    ("عنصر", "في"),
    ("احد", "عناصر"),
    ("عضو",),
    ("القيادي", "البارز", "في"),
    ("احد", "قياديي"),
    ("احد", "قاده"),
}

# Head words of group names, with the kind they suggest.
GROUP_HEADS: dict[str, str] = {
    **dict.fromkeys(_set("مليشيا ميليشيا ميلشيا مليشيات ميليشيات ميلشيات"), "militia"),
    **dict.fromkeys(_set("فصيل فصائل لواء ألوية كتيبة كتائب سرايا سرية فوج"), "armed_group"),
    **dict.fromkeys(_set("جبهة حركة تنظيم جماعة هيئة تجمع غرفة"), "armed_group"),
    **dict.fromkeys(
        _set("قوات جيش الجيش الشرطة شرطة الفرقة فرقة الفيلق فيلق الحرس حرس"), "state_force"
    ),
    **dict.fromkeys(_set("الأمن أمن المخابرات مخابرات الاستخبارات استخبارات"), "state_force"),
    **dict.fromkeys(_set("حزب"), "political_party"),
    **dict.fromkeys(
        _set(
            "وزارة مجلس المجلس منظمة جمعية مؤسسة اتحاد الاتحاد نقابة لجنة اللجنة هيئة "
            "مكتب المكتب مركز المركز الأكاديمية أكاديمية جامعة شركة بنك البنك المصرف مصرف "
            "محكمة المحكمة إدارة الإدارة بلدية البلدية ديوان الديوان رابطة الرابطة "
            "الهلال الصليب ائتلاف الائتلاف مديرية المديرية"
        ),
        "institution",
    ),
}
# Group heads that are too generic alone: they need a following name or adjective.
GENERIC_HEADS = _set(
    "مركز المركز مكتب المكتب مجلس المجلس لجنة اللجنة إدارة الإدارة جيش الجيش الأمن أمن "
    "شركة بنك البنك مصرف اتحاد الاتحاد رابطة الرابطة هيئة قوات الشرطة شرطة حرس الحرس "
    "فرقة الفرقة فيلق الفيلق ديوان الديوان محكمة المحكمة مديرية المديرية بلدية البلدية"
)
# Plural generic groups that are still actors in conflict reports («المليشيات الإيرانية»).
PLURAL_GROUP_HEADS = _set("المليشيات الميليشيات الميلشيات مجموعات المجموعات الفصائل عناصر")

# Nouns that introduce a place name: «قرية حطلة», «بلدة …», «ريف …».
PLACE_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(_set("قرية قرى القرية بلدة البلدة بلدات"), "village"),
    **dict.fromkeys(_set("مدينة المدينة مدن"), "city"),
    **dict.fromkeys(_set("منطقة مناطق المنطقة ناحية الناحية حي الحي أحياء ضاحية"), "area"),
    **dict.fromkeys(_set("محافظة المحافظة ولاية الولاية إقليم الاقليم قضاء مقاطعة"), "governorate"),
    **dict.fromkeys(_set("نهر النهر بحيرة"), "river"),
    **dict.fromkeys(
        _set("مخيم المخيم معبر المعبر مطار المطار قاعدة حقل ميناء سجن جسر"), "facility"
    ),
    **dict.fromkeys(_set("جبل الجبل سهل وادي بادية صحراء"), "area"),
    **dict.fromkeys(_set("شارع الشارع ساحة الساحة دوار"), "facility"),
}
# «ريف X», «شرق X», «شمال X» make an area named with the whole phrase.
AREA_HEADS = _set("ريف شرق شرقي غرب غربي شمال شمالي جنوب جنوبي وسط أطراف ضواحي بادية")
# Trailing adjectives that belong to an area name: «ريف دير الزور الشرقي».
AREA_ADJECTIVES = _set("الشرقي الغربي الشمالي الجنوبي الشرقية الغربية الشمالية الجنوبية الأوسط")

# Relative-clause, preposition and function words: never part of a name.
STOPWORDS = _set(
    "في من إلى الى على عن مع ضد بين عند لدى حول خلال بعد قبل منذ حتى أو او و ثم لكن بل "
    "إن ان أن أنه انه أنها كان كانت يكون تكون هو هي هم هن هذا هذه ذلك تلك التي الذي الذين "
    "اللذين اللتين اللواتي ما ماذا لا لم لن قد كل بعض أي اي غير سوى ليس ليست عبر نحو أمام "
    "وراء فوق تحت ضمن لدى إذ اذ إذا اذا حيث كما أيضا ايضا فقط جدا وقد فقد وفي وعلى ومن وإلى "
    "والى وعن ومع وبين وهو وهي وهذا وهذه وذلك والتي والذي به بها بهم له لها لهم منه منها "
    "منهم عليه عليها عليهم فيه فيها فيهم إليه إليها عنه عنها يوم اليوم أمس غدا الأمس "
    "عام العام سنة السنة شهر الشهر أسبوع الأسبوع ساعة الساعة بأن بان لأن لان كي لكي "
    "وتحديدا تحديدا خصوصا خاصة وخاصة أمثال مثل أحد إحدى احد احدى نسبة عالية الطرفين "
    "والمدعو المدعو الملقب والملقب"
)

# Nisba adjectives of states: they make a group national («القوات الروسية») and name its backer.
NATIONALITY: dict[str, str] = {
    **dict.fromkeys(_set("الروسي الروسية الروس روسي روسية"), "ru"),
    **dict.fromkeys(_set("الإيراني الإيرانية الإيرانيين ايراني إيرانية"), "ir"),
    **dict.fromkeys(_set("السوري السورية السوريين سوري سورية"), "sy"),
    **dict.fromkeys(_set("التركي التركية الأتراك تركي تركية"), "tr"),
    **dict.fromkeys(_set("الأمريكي الأمريكية الأميركي الأميركية الأمريكيين"), "us"),
    **dict.fromkeys(_set("العراقي العراقية"), "iq"),
    **dict.fromkeys(_set("اللبناني اللبنانية"), "lb"),
    **dict.fromkeys(_set("الإسرائيلي الإسرائيلية"), "il"),
    **dict.fromkeys(_set("الأفغاني الأفغانية الباكستاني الباكستانية"), "af"),
    **dict.fromkeys(_set("التونسي التونسية"), "tn"),
    **dict.fromkeys(_set("المصري المصرية"), "eg"),
}
# Other adjectives that qualify a group («المحلية», «الأجنبية», «العسكرية»).
GROUP_ADJECTIVES = _set(
    "المحلية المحلي الأجنبية الأجنبي العسكرية العسكري الثوري الثورية الإسلامي الإسلامية "
    "الشيعية الشيعي الكردية الكردي العربية العربي المعارضة الموالية الموالي الحكومية "
    "الحكومي النظامية الخاصة الشعبية الشعبي الوطنية الوطني الديمقراطية الدولية الدولي "
    "الجوية البحرية الأمنية الرديفة التابعة المسلحة العشائرية الإرهابية الثقافي الثقافية "
    "المتحدة الأوروبي الأوروبية الأممية الأحمر الاتحادية"
) | frozenset(NATIONALITY)
# Indefinite forms too («مجموعات محلية وأجنبية»).
GROUP_ADJECTIVES = GROUP_ADJECTIVES | frozenset(
    a[2:] for a in GROUP_ADJECTIVES if a.startswith("ال")
)

# Very common first names (male and female) and name parts; a name starts at one of these.
GIVEN_NAMES = _set(
    "محمد أحمد علي حسن حسين محمود مصطفى خالد عمر عثمان إبراهيم يوسف يونس موسى عيسى "
    "سليمان داود إسماعيل إسحاق يعقوب آدم نوح صالح سالم سعيد سعد سعود فهد فيصل ناصر منصور "
    "عادل كريم رامي سامي سامر باسل باسم بسام وليد طارق زياد ماهر مازن هاني هشام عماد "
    "جمال كمال نبيل نزار نضال وائل أيمن أنس أسامة حمزة بلال معاذ معتصم معن مهند مالك "
    "ياسر ياسين قاسم هادي مهدي جعفر رضا عباس كاظم صادق جواد حيدر مرتضى مجتبى أكرم "
    "رياض رائد راشد رشيد شادي فادي فراس غسان غازي جهاد مجاهد نور نورالدين صلاح صلاح الدين "
    "عبد عبدالله عبدالرحمن عبدالكريم عبدالعزيز عبدالقادر عبدالرحيم عبدالحميد عبدالمجيد "
    "عبدالسلام عبدالناصر عبدالرزاق عبدالوهاب عبداللطيف عبدالحليم عبدالباسط عبدالفتاح "
    "فاضل فاطمة عائشة خديجة مريم زينب سارة ليلى هدى منى سلمى رنا رانيا ريم هند سعاد "
    "أمل نادية نجلاء سميرة سهام وفاء دعاء إيمان آمنة أسماء حنان رشا ديما لينا لمى "
    "جميلة نوال رقية حليمة سوسن ياسمين شيماء مروة نسرين هبة عبير منال عفاف إلهام "
    "خليل خلف جاسم حامد حمد حميد حمود مشعل نايف نواف تركي بندر سلطان ثامر عامر عمار "
    "أنور منير بشير نذير زهير سمير شاكر شريف شوقي توفيق رفيق لؤي مؤيد مأمون ممدوح "
    "مراد فؤاد عصام هيثم وسام حسام بهاء ضياء علاء نصر نصري جورج ميشيل بطرس إلياس "
    "جوزيف أنطون يحيى زكريا إدريس أيوب هارون شعيب لقمان قصي عدنان قحطان مروان حاتم "
    "رامز رمزي فارس فواز شاهر ظاهر زاهر طاهر جابر صابر ناجي راجي مجدي حمدي فتحي لطفي "
    "رفعت عزت شوكت نجيب حبيب لبيب أديب أمين ياسين محسن حسني عوض عطية مسعود منذر "
    "بشار حافظ رفعت قيس أوس زيد عدي تميم وسيم نديم كنان غيث ليث وضاح مضر ربيع حازم "
    "إياد عبود جمعة خميس رمضان شعبان رجب هلال بدر قمر شمس الدين"
)
# Connectors inside a name: «بن», «ابن», «بنت»; «عبد» joins the next word («عبد الرحمن»).
NAME_LINKS = _set("بن ابن بنت ولد")
KUNYA_HEADS = _set("أبو ابو أبي ابي أم ام")

# Particles that start a new clause (incident segmentation).
CLAUSE_OPENERS = _set(
    "بعد بعدما قبل حيث كما بينما فيما إذ اذ لكن ولكن إلا الا غير وذلك وسط إثر اثر عقب "
    "وبعد وقبل وكما وحيث ولكن فيما وفيما"
)
# Particles that refine the previous clause rather than start a new one («وتحديدًا إلى …»).
REFINERS = _set("وتحديدا تحديدا خصوصا وخصوصا خاصة وخاصة لاسيما ولاسيما سيما")
# Words that make an event hypothetical, feared, prevented or negated.
MODALITY = _set(
    "خوفا خشية تخوفا لمنع منع يمنع عدم لعدم سوف ربما يعني تعني احتمال احتمالية "
    "محتمل لتجنب تجنب لإجبار لاجبار بهدف لتفادي يمكن ممكن إمكانية امكانية تهديد يهدد"
)

# Month names of the three families plus Hijri months, normalised → month number.
# Levantine/Iraqi (كانون الثاني…), Egyptian/Gulf (يناير…), Maghrebi (جانفي, جوان, جويلية, أوت…).
_GREGORIAN = {
    1: "كانون الثاني|يناير|جانفي|جانفيي|يناير|ينار|جانفييه",
    2: "شباط|فبراير|فيفري|فبراير|فبرير",
    3: "آذار|اذار|مارس",
    4: "نيسان|أبريل|ابريل|إبريل|أفريل|افريل|ابريل",
    5: "أيار|ايار|مايو|ماي",
    6: "حزيران|يونيو|يونيه|جوان",
    7: "تموز|يوليو|يوليه|جويلية|جويلة|يوليوز",
    8: "آب|أغسطس|اغسطس|أوت|اوت|غشت|اغشت",
    9: "أيلول|ايلول|سبتمبر|شتنبر",
    10: "تشرين الأول|أكتوبر|اكتوبر|أكتوبر",
    11: "تشرين الثاني|نوفمبر|نونبر",
    12: "كانون الأول|ديسمبر|دجنبر|ديسمبر",
}
_HIJRI = {
    1: "محرم|المحرم",
    2: "صفر",
    3: "ربيع الأول|ربيع الاول",
    4: "ربيع الثاني|ربيع الآخر|ربيع الاخر",
    5: "جمادى الأولى|جمادى الاولى|جمادى الأول",
    6: "جمادى الآخرة|جمادى الثانية|جمادى الاخرة|جمادى الآخر",
    7: "رجب",
    8: "شعبان",
    9: "رمضان",
    10: "شوال",
    11: "ذو القعدة|ذي القعدة",
    12: "ذو الحجة|ذي الحجة",
}
GREGORIAN_MONTHS: dict[str, int] = {
    normalize(name): m for m, names in _GREGORIAN.items() for name in names.split("|")
}
HIJRI_MONTHS: dict[str, int] = {
    normalize(name): m for m, names in _HIJRI.items() for name in names.split("|")
}
# Month names that are also ordinary words (آب/أب "father", ماي, أوت, صفر "zero", رجب…):
# they count as months only next to a day, a year, «شهر» or another month name.
AMBIGUOUS_MONTHS = frozenset(
    normalize(w) for w in "آب ماي أوت اوت صفر رجب شعبان رمضان محرم مارس".split()
)
MONTH_WORDS = frozenset(w for name in [*GREGORIAN_MONTHS, *HIJRI_MONTHS] for w in name.split())
OFFICE_FIRST = frozenset(t[0] for t in OFFICE_TITLES) - STOPWORDS
# Words after which a small or ambiguous known place may be named («رئيس بلدية مظلوم»).
PLACE_CONTEXT = frozenset(w for w in PLACE_TRIGGERS if not w.startswith("ال")) | _set(
    "بلدية مختار وجهاء أهالي ريف شرق شرقي غرب غربي شمال شمالي جنوب جنوبي"
)
OFFICE_FIRST_ALL = frozenset(t[0] for t in OFFICE_TITLES)
