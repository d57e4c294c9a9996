"""Trigger words of incidents and the words around them, in normalised form.

General vocabulary of conflict reporting written from knowledge of the genre (not fitted to any
corpus sentence). Each trigger maps to (ACLED-style type, Casefile sub-type, priority, kind):
the kind says how a trigger behaves in a clause (see incidents.py):

- ``event``: something happened (a strike, a clash, an arrest, a meeting…);
- ``call``: a call, warning, threat, denial or condemnation — what follows is its content, not
  an event («دعا إلى وقف القصف», «نفى أن تكون طائراته قصفت»);
- ``stance``: a position taken on something («اعتبرت تركيا أن الهجوم … خطوة إيجابية»): a
  statement, and the event it is about is an incident too;
- ``inform``: a speech verb that only brings news («أعلن الجيش أنه استهدف …»): the event it
  reports is the incident; alone, it is a statement;
- ``continue``: «وأضاف», «مشيرًا»: more of the statement before.
"""

from __future__ import annotations

from . import lexicon as lx

B, E, VAC, PR, SD = (
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "protests",
    "strategic_developments",
)

TRIGGERS: dict[str, tuple[str, str, int, str]] = {}


def _add(words: str, type_: str, subtype: str, prio: int, kind: str = "event") -> None:
    for w in lx._set(words):
        TRIGGERS[w] = (type_, subtype, prio, kind)


_add("مشادات مشادة ملاسنة ملاسنات مشاحنات مشاحنة", SD, "verbal_altercation", 90)
_add(
    "اعتقال اعتقل اعتقلت اعتقالات القبض توقيف أوقفت اوقف مداهمة داهمت داهم احتجاز احتجزت",
    SD,
    "arrest",
    85,
)
_add("زيارة زار زارت اجتماع اجتمع اجتمعت لقاء اللقاء التقى التقت استقبل استقبلت", SD,
     "visit_meeting", 80)
_add(
    "دعا دعت يدعو تدعو طالب طالبت حذر حذرت هدد هددت ناشد ناشدت توعد توعدت نفى نفت ينفي تنفي "
    "ندد نددت أدان أدانت دان دانت استنكر استنكرت شجب شجبت إدانة إدانتها إدانته استنكار",
    SD,
    "statement_call",
    75,
    "call",
)
_add(
    "اعتبر اعتبرت واصفا واصفة وصف وصفت رحب رحبت أيد أيدت تأييد تأييدها تأييده ترحيب انتقد "
    "انتقدت اتهم اتهمت يتهم تتهم متهما متهمة",
    SD,
    "statement_call",
    40,
    "stance",
)
_add(
    "قال قالت أعلن أعلنت أكد أكدت صرح صرحت تصريح تصريحات بيان كشف كشفت أوضح أوضحت أشار "
    "أشارت تعهد تعهدت",
    SD,
    "statement_call",
    35,
    "inform",
)
_add("أضاف أضافت مضيفا مضيفة مشيرا مشيرة مؤكدا مؤكدة موضحا موضحة لافتا لافتة تابع تابعت",
     SD, "statement_call", 34, "continue")
_add(
    "غارة غارات قصف القصف قصفت قصفه استهداف استهدف استهدفت ضربات ضربة الضربة الضربات "
    "قصفتا قصفوا يقصف تقصف استهدفتا استهدفوا يستهدف تستهدف",
    E,
    "shelling_artillery_missile_attack",
    70,
)
_add("انفجار تفجير تفجيرين تفجيرات انفجرت لينفجر انفجر", E, "remote_explosive_landmine_ied", 72)
_add("انتحاري انتحارية", E, "suicide_bomb", 74)
_add(
    "اشتباكات اشتباك اشتبكت مواجهات مواجهة معارك معركة بمعركة قتال اقتتال هجوم هاجم هاجمت "
    "الهجوم هجمات",
    B,
    "armed_clash",
    68,
)
_add("تبادل", B, "armed_clash", 64)  # «تبادل لإطلاق النار» (checked below)
_add("اغتيال اغتال اغتالت إعدام أعدم أعدمت", VAC, "attack", 66)
# A killing alone is the toll of an event when one is near (see incidents._toll).
_add("قتل مقتل بقتل مصرع قتلوا قتلت حتفه حتفهم", VAC, "attack", 50)
_add("اختطاف اختطف اختطفت خطف تغييب", VAC, "abduction_forced_disappearance", 67)
_add("مظاهرة مظاهرات تظاهر تظاهرة احتجاج احتجاجات احتجاجية اعتصام وقفة", PR, "peaceful_protest", 60)
_add("شغب", "riots", "violent_demonstration", 61)
_add("انسحاب انسحبت انسحب", SD, "withdrawal", 55)
_add("تعزيزات", SD, "deployment", 55)
_add("إجلاء اجلاء إخلاء", SD, "evacuation", 54)
_add("طرد طردت ترحيل رحلت", SD, "expulsion", 53)
_add("تجنيد جندت", SD, "recruitment", 52)
_add("اتفاق اتفاقية هدنة تسوية", SD, "agreement", 50)
_add("ضغطت ضغط ضغوط ضغوطات منع منعت يمنع أجبرت أجبر", SD, "pressure", 45)
_add("توتر التوتر توترات تصاعد تصعيد احتقان", SD, "escalation_tension", 30)

# «أطلقت إيران صواريخ …»: launching is a strike only with a projectile after it.
LAUNCH = lx._set("أطلق أطلقت أطلقوا إطلاق اطلاق")
PROJECTILES = lx._set("صواريخ صاروخ الصواريخ قذائف قذيفة القذائف")
# (type, sub-type) made by the words around a trigger (incidents._refine) or by a verb and its
# object («إنشاء حواجز», «أطلقت صواريخ»), beside those of TRIGGERS.
MADE_SUBTYPES = frozenset({
    (SD, "checkpoint_setup"), (E, "air_drone_strike"), (E, "chemical_weapon"),
    (E, "remote_explosive_landmine_ied"), (E, "suicide_bomb"),
    (E, "shelling_artillery_missile_attack"), (VAC, "attack"),
})
KILLINGS = lx._set("قتل مقتل بقتل مصرع قتلوا قتلت حتفه حتفهم")
SETUP = lx._set("إنشاء انشاء نصب أقامت أقام إقامة اقامة أنشأت انشأت تثبيت إنشائها")
SETUP_OBJ = lx._set("حواجز حاجز نقاط نقطة مقرات مقر قاعدة قواعد مواقع")
AIR = lx._set("جوية الجوية جوي الجوي مسيرة مسيره طيران الطيران حربية طائرات الطائرات طائرة")
CHEMICAL = lx._set("الكيماوي الكيميائي كيماوي كيميائي كيماوية كيميائية الكيماوية الكيميائية "
                   "سامة السامة بالغاز بغازات الغاز غازات")
CAR_BOMB = lx._set("ملغومة ملغومتين مفخخة مفخختين مفخخه ناسفة الناسفة ناسف الناسف")
SUICIDE = lx._set("انتحاري انتحارية حزام حزامه بحزام الحزام")
MISSILE = lx._set("صاروخي صاروخية الصاروخي الصاروخية صواريخ بصواريخ")
# «تبادل» is a clash only as «تبادل (لـ)إطلاق النار».
EXCHANGE_OBJ = lx._set("لإطلاق إطلاق اطلاق لاطلاق")
# «هجوم إرهابي»: an attack on people rather than a clash between armed sides.
TERROR = lx._set("إرهابي إرهابية الإرهابي الإرهابية ارهابي")
BACKREF = lx._set("الطرفين الجانبين الطرفان الجانبان")
# Who only brings the news: its speech verb is an attribution, not a statement.
NEWS_SOURCES = lx._set(
    "المرصد مرصد مصدر مصادر المصدر المصادر وكالة الوكالة وكالات صحيفة الصحيفة صحف شبكة "
    "تلفزيون التلفزيون قناة القناة وسائل تقرير التقرير تقارير ناشطون ناشطين شهود مراسل موقع"
)
# «الهجوم», «الهجومان»: the generic attack noun with its article names the event just told.
ANAPHORIC_ATTACK = lx._set("الهجوم الهجومان الهجومين الهجمات العملية")
# Words that start the clause of another event: «ردًا على …», «على خلفية …», «في أعقاب …».
CAUSE_OPENERS = lx._set("ردا وردا خلفية أعقاب وأعقاب")
# Words that make an event planned, hypothetical or asked about.
EXTRA_MODALITY = lx._set("خطط يخطط تخطط مخطط إذا اذا هل لم للحيلولة الحيلولة تحسبا")
DATE_PERIOD_STARTS = lx._set("منذ")
# Future, intention and foiling: the event has not happened («ستواصل قصف», «تعتزم شن هجوم»,
# «أحبطت الشرطة هجوما»), so the clause tells a plan, not an event.
PLAN = lx._set(
    "سيتم ستتم سيجري ستجري ستواصل سيواصل سنواصل ستقوم سيقوم ستشن سيشن ستبدأ سيبدأ ستستمر "
    "سيستمر ستنفذ سينفذ سينفذه ستنفذه لن تعتزم يعتزم نعتزم تنوي ينوي ننوي تستعد يستعد تخطط "
    "يخطط أحبطت أحبط احبطت احبط إحباط احباط"
)
# Verbal nouns and passive verbs whose following noun is the one it is done to: «اغتيال
# سمير القنطار», «مقتل البغدادي», «اعتقال X», «اغتيل عماد مغنية», «استشهد X» (while «غارات
# التحالف», «قصف النظام» name the doer).
PATIENT_NOUNS = lx._set(
    "اغتيال إعدام اعدام قتل مقتل بقتل مصرع اختطاف خطف تغييب اعتقال توقيف احتجاز اغتيل "
    "استشهد استشهاد"
)
# «حيث تم إخلاء سبيله»: a release, not an evacuation.
RELEASE = lx._set("سبيل سبيله سبيلها سبيلهم")
# A work's title between quotes («فيلم "اشتباك"») is no event.
TITLE_QUOTES = frozenset('"«»“”')
# Perfect and imperfect verbs among the triggers: the noun right after one is its subject.
VERB_TRIGGERS = lx._set(
    "اعتقل اعتقلت أوقفت اوقف داهمت داهم احتجزت زار زارت اجتمع اجتمعت التقى التقت استقبل "
    "استقبلت دعا دعت يدعو تدعو طالبت حذر حذرت هدد هددت ناشد ناشدت توعد توعدت نفى نفت ينفي "
    "تنفي ندد نددت أدان أدانت اعتبر اعتبرت وصف وصفت رحب رحبت أيد أيدت انتقد انتقدت قال قالت "
    "أعلن أعلنت أكد أكدت صرح صرحت كشف كشفت أوضح أوضحت أشار أشارت تعهد تعهدت قصفت استهدف "
    "استهدفت اشتبكت هاجم هاجمت اغتال اغتالت أعدم أعدمت قتلت اختطف اختطفت خطف انسحبت انسحب "
    "طردت رحلت جندت ضغطت منعت يمنع أجبرت أجبر أطلق أطلقت أطلقوا أقامت أقام أنشأت اتهم اتهمت"
)
# Capitals that news writes for their governments («اتهمت واشنطن», «ردت موسكو»).
CAPITALS = lx._set(
    "واشنطن موسكو دمشق أنقرة انقرة طهران بكين باريس لندن برلين الرياض القاهرة بغداد بيروت "
    "عمان الدوحة أبوظبي ابوظبي"
) | {lx.normalize("تل أبيب")}
# «بؤر التوتر» (hotbeds of conflict) and «مناطق التوتر» name places, not a rise in tension.
TENSION_PLACES = lx._set("بؤر بؤرة مناطق منطقة")
# «وفقا لبيانات الأمم المتحدة», «حسب المرصد»: who the figures come from, not who acted.
ATTRIBUTION = lx._set("وفقا وفق حسب بحسب نقلا لبيانات لمصادر طبقا")
# «أعلن تنظيم داعش مسؤوليته عن التفجير», «تبنى التنظيم الهجوم»: a claim names the doer of
# an event told before; it is a mention of that event, not a statement of its own.
CLAIM = lx._set("مسؤوليته مسؤوليتها مسؤوليتهم المسؤولية مسؤولية تبنى تبنت تبنيه")
# Deaths that no one inflicted: accidents, fires, weather, disasters, illness.
MISHAPS = lx._set(
    "حادث حادثة حوادث الحادث حريق حرائق الحريق الحرائق البرد الحر الحرارة انهيار فيضان فيضانات "
    "الفيضانات السيول سيول زلزال الزلزال غرق غرقا عاصفة العاصفة مرض المرض وباء الوباء تسمم "
    "جليدي الثلوج"
)
# Who a toll counts: «40 شخصا», «90 مدنيا», «6 من عناصره», «87 قتيلا».
VICTIM_NOUNS = lx._set(
    "شخصا أشخاص شخص مدنيا مدنيين مدني قتيلا قتلى ضحية ضحايا عنصرا عناصر جنديا جنود جندي "
    "طفلا أطفال مقاتلا مقاتلين مسلحا مسلحين امرأة نساء عسكريا عسكريين شرطيا شرطيين"
)
# «غارات نفذها الطيران الروسي», «الضربات التي وجهتها إدارة ترامب»: who carried it out.
DOER_VERBS = lx._set(
    "نفذها نفذه نفذتها نفذته شنها شنه شنتها شنته وجهتها وجهها وجهه وجهته أطلقها أطلقتها "
    "أطلقه أطلقته تبناه تبنتها تبناها"
)
# Openings with which the writer recalls background («يذكر أن», «يشار إلى أن», «تجدر الإشارة»).
BACKGROUND = lx._set("يذكر ويذكر يشار ويشار تجدر وتجدر الجدير والجدير")
# Imperfect strike verbs: in background («يشار إلى أن الطائرات تستهدف …») they tell a habit.
HABITUAL = lx._set("يقصف تقصف يستهدف تستهدف يقصفون يستهدفون")
# «شن هجوما على … قائلا», «هاجم … واصفا»: an attack in words, when the words follow.
VERBAL_ATTACK = lx._set("هجوما هجوم هاجم هاجمت وهاجم وهاجمت")
SAYING = lx._set("قائلا قائلة قائلين واصفا واصفة معتبرا معتبرة متهما متهمة")
