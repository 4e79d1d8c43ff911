"""Demo people transcribed from ``shared/seeds``: the bureaus and committee chairs named there.

AMPCP (``002_...``): the executive bureau of 17 and the 15 permanent committee chairs elected
by the general assembly of 29 January 2022. Two of them are named elsewhere in the feed as
presidents of provincial councils (محمد قاسمي: Khouribga; لحسن زلمط, also spelt زلماط: Sefrou);
for those the council is the member. Tangier-Tetouan (``000_...``): the administrative bureau
of 15. Gender follows the source's titles (النائبة، نائبة أمين المال، مستشارة). French names are
transliterations; no phone, e-mail, address or council link is invented.
"""

from members.models import Council, CouncilSeat, Membership, MembershipStatusChange, Person

M, F = Person.Gender.MALE, Person.Gender.FEMALE

ORDINALS_AR = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
               "العاشر", "الحادي عشر", "الثاني عشر"]  # fmt: skip


def _vice(n, gender=M):
    if gender == F:
        feminine = {11: "الحادية عشرة"}
        return f"النائبة {feminine[n]} للرئيس", f"{n}e vice-présidente"
    return f"النائب {ORDINALS_AR[n - 1]} للرئيس", f"{n}{'er' if n == 1 else 'e'} vice-président"


# (name_ar, name_fr, gender, position_ar, position_fr, HCP code of the province whose council they preside)
AMPCP_BUREAU = [
    ("عبد العزيز الدرويش", "Abdelaziz Derouiche", M, "الرئيس", "Président", None),
    ("نور الدين الأزرق", "Noureddine Lazrak", M, *_vice(1), None),
    ("سعيد الناصري", "Said Naciri", M, *_vice(2), None),
    ("مولود علوات", "Mouloud Allouat", M, *_vice(3), None),
    ("لحسن بلفقيه", "Lahcen Belfkih", M, *_vice(4), None),
    ("جواد الدواحي", "Jawad Douahi", M, *_vice(5), None),
    ("محمد قاسمي", "Mohamed Kassimi", M, *_vice(6), "05.311"),
    ("لحسن زلمط", "Lahcen Zalmat", M, *_vice(7), "03.451"),
    ("سعيد أفروخ", "Said Afrouk", M, *_vice(8), None),
    ("محمد الشيخ بلا", "Mohamed Cheikh Bella", M, *_vice(9), None),
    ("محمد جلول", "Mohamed Jalloul", M, *_vice(10), None),
    ("اعتماد الزهيدي", "Itimad Zahidi", F, *_vice(11, F), None),
    ("عبد الله كاريم", "Abdellah Karim", M, *_vice(12), None),
    ("حمزة اد موسى", "Hamza Id Moussa", M, "الكاتب العام", "Secrétaire général", None),
    ("ابراهيم بنصبيح", "Brahim Bensbih", M, "نائب الكاتب العام", "Secrétaire général adjoint", None),
    ("عبد الواحد خلوقي", "Abdelouahed Khalouki", M, "أمين المال", "Trésorier", None),
    ("الوردي بوشرى", "Bouchra El Ouardi", F, "نائبة أمين المال", "Trésorière adjointe", None),
]

AMPCP_COMMITTEE_CHAIRS = [
    ("سعيد الرحموني", "Said Rahmouni", "الشؤون الإدارية والمالية", "des affaires administratives et financières"),
    ("محمد غازي", "Mohamed Ghazi", "الشؤون القانونية والعلاقات مع السلطات العمومية",
     "des affaires juridiques et des relations avec les pouvoirs publics"),
    ("نبيل العيادي", "Nabil El Ayadi", "الشؤون الاجتماعية والثقافية والرياضية",
     "des affaires sociales, culturelles et sportives"),
    ("هروس مصطفى", "Mustapha Harrous", "التعاون والعلاقات الخارجية", "de la coopération et des relations extérieures"),
    ("اوعشي عبد الحفيظ", "Abdelhafid Ouachi", "التواصل والإعلام والنشر", "de la communication, des médias et de l'édition"),
    ("المعاشي كبير", "Kebir El Maachi", "التكوين المستمر", "de la formation continue"),
    ("المرزوكي نور الدين", "Noureddine El Marzouki", "البيئة والتنمية المستدامة",
     "de l'environnement et du développement durable"),
    ("السلماني محمد", "Mohamed Selmani", "العلاقات مع افريقيا", "des relations avec l'Afrique"),
    ("عثمان بادر", "Othmane Bader", "التنمية القروية", "du développement rural"),
    ("محمد سالم حمية", "Mohamed Salem Hamia", "الرقمنة", "de la numérisation"),
    ("محمد سالم باهيا", "Mohamed Salem Bahia", "الانتقال الطاقي", "de la transition énergétique"),
    ("ابراهيم ايت القاصح", "Brahim Ait El Kassah", "النموذج التنموي", "du modèle de développement"),
    ("حميد البابور", "Hamid El Babour", "النقل المدرسي", "du transport scolaire"),
    ("احمد خيار", "Ahmed Khiyar", "الصحة", "de la santé"),
    ("محمد اوهنين", "Mohamed Ouhnine", "العلاقات العامة", "des relations publiques"),
]  # fmt: skip

TANGIER_TETOUAN_BUREAU = [
    ("عبد الله الجوط", "Abdellah Jout", M, "الرئيس", "Président"),
    ("مصطفى البكوري", "Mustapha Bakkouri", M, "النائب الأول", "1er vice-président"),
    ("فاطمة الزهراء الشاوي", "Fatima Zahra Chaoui", F, "النائبة الثانية", "2e vice-présidente"),
    ("عادل بنونة", "Adil Bennouna", M, "النائب الثالث", "3e vice-président"),
    ("آسية بوزكري", "Assia Bouzekri", F, "النائبة الثالثة", "3e vice-présidente"),
    ("محمد السفياني", "Mohamed Soufiani", M, "الكاتب العام", "Secrétaire général"),
    ("محمد العربي الزكاري", "Mohamed Larbi Zekkari", M, "نائب الكاتب العام", "Secrétaire général adjoint"),
    ("ناصر الفقيه اللنجري", "Nasser Fakih Lanjri", M, "أمين المال", "Trésorier"),
    ("محمد الملاحي", "Mohamed Mellahi", M, "نائب أمين المال", "Trésorier adjoint"),
    ("رضوان بودياب", "Redouane Boudiab", M, "مستشار", "Conseiller"),
    ("محمد بنهميج", "Mohamed Benhmij", M, "مستشار", "Conseiller"),
    ("فاطمة بودياب", "Fatima Boudiab", F, "مستشارة", "Conseillère"),
    ("عبد السلام الدامون", "Abdeslam Damoun", M, "مستشار", "Conseiller"),
    ("محمد ادعمار", "Mohamed Idaamar", M, "مستشار", "Conseiller"),
    ("العلمي يرو", "Alami Yerrou", M, "مستشار", "Conseiller"),
]


def people(key):
    """(name_ar, name_fr, gender, position_ar, position_fr, province code or None) for ``key``."""
    if key == "tanger-tetouan":
        return [(*row, None) for row in TANGIER_TETOUAN_BUREAU]
    chairs = [
        (name_ar, name_fr, M, f"رئيس لجنة {committee_ar}", f"Président de la commission {committee_fr}", None)
        for name_ar, name_fr, committee_ar, committee_fr in AMPCP_COMMITTEE_CHAIRS
    ]
    return AMPCP_BUREAU + chairs


def _save_if_changed(obj, values):
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save()
    return obj


def load(association_key="ampcp"):
    count = 0
    for name_ar, name_fr, gender, position_ar, position_fr, province_code in people(association_key):
        person = Person.objects.filter(name_ar=name_ar).first()
        if person is None:
            person = Person(name_ar=name_ar, name_fr=name_fr, gender=gender)
            person.save()
        else:
            _save_if_changed(person, {"name_fr": name_fr, "gender": gender})
        council = Council.objects.filter(province__code=province_code).first() if province_code else None
        if council is not None:
            CouncilSeat.objects.get_or_create(
                person=person, council=council, start_year=None, defaults={"role": CouncilSeat.Role.PRESIDENT}
            )
            holder = Membership.Holder.COUNCIL
            lookup = {"holder": holder, "council": council}
        else:
            holder = Membership.Holder.PERSON
            lookup = {"holder": holder, "person": person, "council": None}
        membership = Membership.objects.filter(**lookup).exclude(status=Membership.Status.ENDED).first()
        values = {"person": person, "status": Membership.Status.ACTIVE, "position_ar": position_ar,
                  "position_fr": position_fr}  # fmt: skip
        if membership is None:
            membership = Membership.objects.create(**{**lookup, **values})
            MembershipStatusChange.objects.create(membership=membership, to_status=membership.status)
        else:
            _save_if_changed(membership, values)
        count += 1
    return {"people": count}
