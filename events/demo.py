"""Demo content for the calendar, transcribed from ``shared/seeds`` (French: translations).

- ``002_...``: the AMPCP's 2022 action programme (every line of the flattened table, split
  into activity, date, content and note), its executive-bureau meetings with their agendas,
  the ordinary general assembly of 29 January 2022, the meetings of 15 March 2022, the
  missions and conferences abroad and the UNESCO meeting of October 2022.
- ``003_...``: the consultative meeting in Tangier (its date is not in the article, so it is
  "to be set") and its earlier meetings of 6 December 2022 and 28 March 2023.
- ``004_...``: the two-day meeting in Sefrou, 30-31 March 2016, with its programme and the
  titles of its presentations (no files).

Idempotent: events are keyed on their Arabic title and first day, programme lines on
(year, order). Times are local (Africa/Casablanca) and stored as aware datetimes.
"""

import datetime

from django.utils import timezone

from association.models import Partner
from events.models import ActionProgramme, AgendaItem, Event, EventDocument, EventKind, ProgrammeLine

D = datetime.date
A = AgendaItem.Kind
SEAT_AR, SEAT_FR = "مقر الجمعية", "Siège de l'association"
HOST_AR = "بالإقليم أو العمالة المقترحة لاحتضان الاجتماع"
HOST_FR = "Dans la province ou préfecture proposée pour accueillir la réunion"


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# The 2022 action programme ------------------------------------------------------------------------
# (order, kind slug, activity ar/fr, start, end, time, date note ar/fr, content ar/fr, note ar/fr)
# A line with no start is "to be set" (حسب التاريخ المقترح). Continuing-training lines list
# their three topics one per line. Line 11 has no activity in the source table; its content
# and note are those of the continuing-training sessions.

TRAINING_AR = "التكوين المستمر لمنتخبي مجالس العمالات والأقاليم"
TRAINING_FR = "Formation continue des élus des conseils préfectoraux et provinciaux"
SEAT18_AR = "عدد المشاركين حضوريا 18 بمقر الجمعية"
SEAT18_FR = "18 participants en présentiel au siège de l'association"
IFRANE26_AR = "عدد المشاركين حضوريا 26 بجامعة الأخوين - إفران"
IFRANE26_FR = "26 participants en présentiel à l'Université Al Akhawayn - Ifrane"
EB_AR, EB_FR = "اجتماع المكتب التنفيذي", "Réunion du bureau exécutif"

TOPICS_1 = (
    "مخطط تنمية العمالة والإقليم\nالديموقراطية التشاركية\nآليات تمويل المشاريع الترابية",
    "Plan de développement de la préfecture ou province\nDémocratie participative\n"
    "Mécanismes de financement des projets territoriaux",
)
TOPICS_2 = (
    "التخطيط الاستراتيجي\nآليات الشراكة والتعاون اللامركزي\nالتدبير الإداري",
    "Planification stratégique\nMécanismes de partenariat et coopération décentralisée\nGestion administrative",
)
TOPICS_3 = (
    "التواصل الداخلي والخارجي\nنظام شركات التنمية المحلية\nالنظام الأساسي للمنتخب",
    "Communication interne et externe\nRégime des sociétés de développement local\nStatut de l'élu",
)
TOPICS_4 = (
    "قوانين التعمير والبناء\nالرقابة والتدقيق المالي\nتدبير الطلبيات العمومية",
    "Droit de l'urbanisme et de la construction\nContrôle et audit financier\nGestion de la commande publique",
)
TOPICS_5 = (
    "آليات التسويق الترابي\nنظام الممتلكات العمومية\nالقوانين المنظمة لعقود الامتياز أو التدبير المفوض",
    "Mécanismes du marketing territorial\nRégime des biens publics\n"
    "Lois régissant les concessions et la gestion déléguée",
)
TOPICS_6 = (
    "قانون الجبايات المحلية\nنظام الوظيفة العمومية المحلية\nالاستقبال وتدبير الشكايات",
    "Fiscalité locale\nStatut de la fonction publique locale\nAccueil et traitement des réclamations",
)


def _training(order, day, topics, note=(SEAT18_AR, SEAT18_FR)):
    return (order, "training", TRAINING_AR, TRAINING_FR, day, None, None, "", "", *topics, *note)


def _bureau(order, day):
    return (order, "executive-bureau", EB_AR, EB_FR, day, None, None, "", "", HOST_AR, HOST_FR, "", "")


PROGRAMME_2022 = [
    (1, "consultation", "اجتماع تنسيقي مع السيد الخازن العام للمملكة",
     "Réunion de coordination avec le Trésorier général du Royaume", None, None, None, "", "",
     "من أجل توحيد مسطرة التعامل مع عملية صرف المنحة السنوية للجمعية",
     "Unifier la procédure de versement de la subvention annuelle de l'association",
     "تعتبر المنحة السنوية نفقة إجبارية حسب الدورية الوزارية",
     "La subvention annuelle est une dépense obligatoire selon la circulaire ministérielle"),
    _training(2, D(2022, 3, 17), TOPICS_1,
              ("الدعوة للمشاركة حضوريا 18 منتخبا بمقر الجمعية",
               "Invitation à 18 élus à participer en présentiel au siège de l'association")),
    (3, "conference", "المشاركة في مؤتمر السلطات المحلية والجهوية",
     "Participation au Congrès des pouvoirs locaux et régionaux", D(2022, 3, 22), D(2022, 3, 24), None, "", "",
     "مشاركة رئيس الجمعية في الدورة 42 لمؤتمر السلطات المحلية والجهوية بستراسبورغ",
     "Participation du président de l'association à la 42e session du Congrès des pouvoirs locaux et "
     "régionaux à Strasbourg",
     "الجمعية تنتظر الدعوة الرسمية", "L'association attend l'invitation officielle"),
    (4, "seminar", "ندوة علمية", "Séminaire scientifique", D(2022, 3, 26), None, None, "", "",
     "حول: العمالات والأقاليم والهندسة المؤسساتية للامركزية، وذلك على هامش الاجتماع الشهري للمكتب",
     "Sur : les préfectures et provinces et l'ingénierie institutionnelle de la décentralisation, en marge "
     "de la réunion mensuelle du bureau",
     "من تقديم الخبير السيد عرفي حسن تبعا للدراسة التي يمولها مؤتمر السلطات المحلية والجهوية التابع لمجلس أوروبا",
     "Présenté par l'expert M. Arfi Hassan, à la suite de l'étude financée par le Congrès des pouvoirs locaux "
     "et régionaux du Conseil de l'Europe"),
    (5, "remote-meeting", "لقاء تواصلي عن بعد", "Réunion d'échange à distance", None, None, None,
     "تحديد التاريخ من طرف السيدة بوعيدة رئيسة الوفد المغربي",
     "Date fixée par Mme Bouaida, cheffe de la délégation marocaine",
     "من أجل التنسيق ما بين أعضاء الوفدين المغربي والتونسي",
     "Coordination entre les membres des délégations marocaine et tunisienne",
     "للتعارف وتنسيق المواقف بمناسبة عضويتهما في مؤتمر السلطات المحلية والجهوية التابع لمجلس أوروبا",
     "Faire connaissance et coordonner les positions, les deux délégations siégeant au Congrès des pouvoirs "
     "locaux et régionaux du Conseil de l'Europe"),
    (6, "consultation", "اجتماع تحضيري", "Réunion préparatoire", D(2022, 3, 10), None, None, "", "",
     "اجتماع تحضيري للاجتماع المبرمج مع السيد الوالي المدير العام للجماعات الترابية يوم 15 فبراير 2022، حضوري "
     "بالنسبة للمكتب التنفيذي وعن بعد بالنسبة لرؤساء اللجن الدائمة",
     "Réunion préparatoire à la rencontre prévue le 15 février 2022 avec le wali directeur général des "
     "collectivités territoriales, en présentiel pour le bureau exécutif et à distance pour les présidents des "
     "commissions permanentes",
     "صياغة مخرجات النقاش في مذكرة ترافعية", "Rédiger les conclusions dans un mémorandum de plaidoyer"),
    (7, "consultation", "اجتماع تنسيقي تواصلي", "Réunion de coordination et d'échange", D(2022, 3, 15), None,
     datetime.time(10, 0), "", "",
     "مع السيد الوالي المدير العام للجماعات الترابية حول إكراهات تنزيل اختصاصات العمالات والأقاليم",
     "Avec le wali directeur général des collectivités territoriales, sur les difficultés de mise en œuvre des "
     "compétences des préfectures et provinces",
     "تبعا للطلب الموجه إلى السيد وزير الداخلية بتاريخ 28 فبراير 2022",
     "À la suite de la demande adressée au ministre de l'Intérieur le 28 février 2022"),
    (8, "consultation", "اجتماع مع وزير التشغيل والإدماج المهني",
     "Réunion avec le ministre de l'Emploi et de l'Insertion professionnelle", None, None, None, "", "",
     "حول برنامج أوراش", "Sur le programme « Awrach »", "", ""),
    (9, "consultation", "اجتماع تواصلي مع ممثل ANAPEC", "Réunion d'échange avec le représentant de l'ANAPEC",
     None, None, None, "", "",
     "تملك آليات المشروع مع السيد المدير ANAPEC السيد حميدي",
     "S'approprier les mécanismes du projet avec M. Hamidi, directeur de l'ANAPEC", "", ""),
    (10, "consultation", "لقاء مع السيد وزير التعليم", "Rencontre avec le ministre de l'Éducation", None, None,
     None, "", "", "حول موضوع تدبير النقل المدرسي", "Sur la gestion du transport scolaire",
     "للتنسيق في تدبير هذا المرفق", "Coordonner la gestion de ce service"),
    (11, "training", "", "", D(2022, 5, 5), None, None, "", "", *TOPICS_1, SEAT18_AR, SEAT18_FR),
    (12, "round-table", "تنظيم مائدة مستديرة حول خلق بعض الأوعية الجبائية",
     "Table ronde sur la création de nouvelles assiettes fiscales", D(2022, 5, 7), None, None, "", "",
     "مناقشة الاقتراحات الواردة في مشروع القانون المتعلق بالإتاوات والغرامات",
     "Examiner les propositions du projet de loi relatif aux redevances et amendes",
     "رفع توصية في الموضوع إلى وزارة الداخلية", "Adresser une recommandation au ministère de l'Intérieur"),
    _training(13, D(2022, 5, 26), TOPICS_2),
    (14, "study-day", "تنظيم يوم دراسي", "Journée d'étude", D(2022, 4, 2), None, None, "", "",
     "حول تجويد القانون 112.14 المتعلق بالعمالات والأقاليم",
     "Sur l'amélioration de la loi 112.14 relative aux préfectures et provinces",
     "رفع توصيات واقتراحات إلى وزارة الداخلية",
     "Adresser recommandations et propositions au ministère de l'Intérieur"),
    _bureau(15, D(2022, 4, 30)),
    (16, "seminar", "ندوة حول الاقتصاد التضامني", "Séminaire sur l'économie solidaire", D(2022, 5, 8),
     D(2022, 5, 12), None, "", "", "ندوة في مجال التنمية والاندماج الاجتماعي لثلاثة أيام",
     "Séminaire de trois jours sur le développement et l'insertion sociale", "", ""),
    (17, "conference", "مؤتمر أفريسيتي (Africités) بدولة كينيا", "Sommet Africités au Kenya", D(2022, 5, 17),
     D(2022, 5, 22), None, "", "", "مشاركة وفد الجمعية في أشغال CGLUA وهياكلها",
     "Participation de la délégation de l'association aux travaux de CGLUA et de ses instances",
     "المشاركة برواق الجمعية في معرض أفريسيتي", "Stand de l'association au salon Africités"),
    _bureau(18, D(2022, 5, 28)),
    _training(19, D(2022, 6, 9), TOPICS_2),
    _training(20, D(2022, 6, 23), TOPICS_3),
    (21, "training", "تكوين أطر مجالس العمالات والأقاليم",
     "Formation des cadres des conseils préfectoraux et provinciaux", D(2022, 6, 24), None, None, "", "",
     "التعاون اللامركزي\nإعداد وثائق التمويل الدولي للمشاريع الترابية",
     "Coopération décentralisée\nPréparation des dossiers de financement international des projets territoriaux",
     "حضوريا بمركز التكوين التابع لجامعة محمد الخامس",
     "En présentiel au centre de formation de l'Université Mohammed V"),
    _training(22, D(2022, 7, 7), TOPICS_3),
    _training(23, D(2022, 7, 14), TOPICS_4, (IFRANE26_AR, IFRANE26_FR)),
    _bureau(24, D(2022, 6, 25)),
    _bureau(25, D(2022, 7, 30)),
    _training(26, D(2022, 9, 8), TOPICS_4, (IFRANE26_AR, IFRANE26_FR)),
    _training(27, D(2022, 9, 22), TOPICS_5),
    _bureau(28, D(2022, 9, 24)),
    (29, "mission", "مهمة بمدينة مرسيليا الفرنسية", "Mission à Marseille (France)", D(2022, 10, 2),
     D(2022, 10, 9), None, "", "",
     "تنظيم أيام دراسية حول الاقتصاد التضامني والتنمية المجالية بجهة باكا الفرنسية بتعاون ما بين الجمعية "
     "وجمعية تويزة للتضامن",
     "Journées d'étude sur l'économie solidaire et le développement territorial en région PACA, avec "
     "l'association Touiza Solidarité",
     "يتكون الوفد المغربي من 12 إلى 15 مشاركا", "Délégation marocaine de 12 à 15 participants"),
    _training(30, D(2022, 10, 6), TOPICS_5),
    (31, "conference", "مؤتمر CGLU", "Congrès de CGLU", D(2022, 10, 10), D(2022, 10, 14), None, "", "",
     "المشاركة في المؤتمر السابع لمنظمة المدن والحكومات المحلية المتحدة بمدينة دايجون الكورية",
     "Participation au 7e Congrès mondial de Cités et gouvernements locaux unis à Daejeon (Corée)",
     "مشاركة وفد عن الجمعية", "Participation d'une délégation de l'association"),
    _training(32, D(2022, 10, 20), TOPICS_6),
    _bureau(33, D(2022, 10, 29)),
    (34, "mission", "استقبال وفد من المنتخبين الفرنسيين", "Accueil d'une délégation d'élus français",
     D(2022, 11, 6), D(2022, 11, 11), None, "", "", "تنظيم زيارات لبعض الأقاليم بجنوب المغرب",
     "Visites de provinces du sud du Maroc",
     "في إطار التعاون ما بين الجمعية وجمعية تويزة للتضامن",
     "Dans le cadre de la coopération entre l'association et Touiza Solidarité"),
    _training(35, D(2022, 11, 24), TOPICS_6),
    _bureau(36, D(2022, 11, 26)),
    _bureau(37, D(2022, 12, 24)),
]  # fmt: skip


def _programme():
    programme, _created = ActionProgramme.objects.update_or_create(
        year=2022,
        defaults={
            "title": "برنامج عمل الجمعية المغربية لرؤساء مجالس العمالات والأقاليم لسنة 2022",
            "title_ar": "برنامج عمل الجمعية المغربية لرؤساء مجالس العمالات والأقاليم لسنة 2022",
            "title_fr": "Programme d'action 2022 de l'Association marocaine des présidents des conseils "
            "préfectoraux et provinciaux",
        },
    )
    kinds = {kind.slug: kind for kind in EventKind.objects.all()}
    for row in PROGRAMME_2022:
        (order, kind, activity_ar, activity_fr, start, end, time, dnote_ar, dnote_fr, content_ar, content_fr,
         note_ar, note_fr) = row  # fmt: skip
        ProgrammeLine.objects.update_or_create(
            programme=programme,
            order=order,
            defaults={
                "kind": kinds[kind],
                "activity": activity_ar,
                "activity_ar": activity_ar,
                "activity_fr": activity_fr,
                "start_date": start,
                "end_date": end,
                "start_time": time,
                "date_note": dnote_ar,
                "date_note_ar": dnote_ar,
                "date_note_fr": dnote_fr,
                "content": content_ar,
                "content_ar": content_ar,
                "content_fr": content_fr,
                "note": note_ar,
                "note_ar": note_ar,
                "note_fr": note_fr,
            },
        )
    return programme


# Events ---------------------------------------------------------------------------------------


def _partner(name_ar, name_fr, kind=Partner.Kind.OTHER):
    partner = Partner.objects.filter(name_ar=name_ar).first()
    if partner is None:
        partner = Partner.objects.create(name=name_ar, name_ar=name_ar, name_fr=name_fr, kind=kind)
    return partner


def _event(kind, title, *, key_day, agenda=(), documents=(), organisers=(), partners=(), **fields):
    """Create or update one event keyed on its Arabic title and first day (or none)."""
    title_ar, title_fr = title
    values = {
        "kind": EventKind.objects.get(slug=kind),
        "title": title_ar,
        "title_ar": title_ar,
        "title_fr": title_fr,
    }
    for name in ("summary", "body", "venue", "city", "schedule_note", "recommendations"):
        if name in fields:
            ar, fr = fields.pop(name)
            values.update({name: ar, f"{name}_ar": ar, f"{name}_fr": fr})
    values.update(fields)
    event = Event.objects.filter(title_ar=title_ar, start_date=key_day).first()
    if event is None:
        event = Event(**values)
        changed = True
    else:
        changed = any(getattr(event, name) != value for name, value in values.items())
        for name, value in values.items():
            setattr(event, name, value)
    if changed:  # an unchanged event keeps its updated_at (and its calendar revision)
        event.full_clean(exclude=["organisers", "partners"])
        event.save()
    # Agenda items keep their rows (keyed on the event and their order): loading twice changes nothing.
    for order, item in enumerate(agenda, start=1):
        kind_, (item_ar, item_fr), *rest = item
        extra = dict(rest[0]) if rest else {}
        outcome = extra.pop("outcome", ("", ""))
        AgendaItem.objects.update_or_create(
            event=event,
            order=order,
            defaults={
                "kind": kind_,
                "title": item_ar,
                "title_ar": item_ar,
                "title_fr": item_fr,
                "outcome": outcome[0],
                "outcome_ar": outcome[0],
                "outcome_fr": outcome[1],
                "day": None,
                "start_time": None,
                "end_time": None,
                **extra,
            },
        )
    event.agenda.filter(order__gt=len(agenda)).delete()
    for order, (doc_ar, doc_fr) in enumerate(documents, start=1):
        EventDocument.objects.update_or_create(
            event=event, order=order, defaults={"title": doc_ar, "title_ar": doc_ar, "title_fr": doc_fr}
        )
    event.documents.filter(file="", order__gt=len(documents)).delete()
    event.organisers.set(organisers)
    event.partners.set(partners)
    return event


def _ampcp_events():
    ministry = _partner(
        "وزارة الداخلية - المديرية العامة للجماعات الترابية",
        "Ministère de l'Intérieur - Direction générale des collectivités territoriales",
        Partner.Kind.GOVERNMENT,
    )
    commission = _partner(
        "اللجنة الوطنية للتربية والعلوم والثقافة",
        "Commission nationale marocaine pour l'éducation, la science et la culture",
        Partner.Kind.PUBLIC_INSTITUTION,
    )
    seat = {"venue": (SEAT_AR, SEAT_FR), "city": ("", "")}
    events = {}

    events["eb-2021-02-05"] = _event(
        "executive-bureau",
        (
            "اجتماع المكتب التنفيذي للجمعية بتاريخ 5 فبراير 2021",
            "Réunion du bureau exécutif du 5 février 2021",
        ),
        key_day=D(2021, 2, 5),
        schedule=Event.Schedule.TIMED,
        starts_at=_at(D(2021, 2, 5), 9),
        ends_at=_at(D(2021, 2, 5), 18),
        status=Event.Status.CONFIRMED,
        venue=("المقر الاجتماعي للجمعية", "Siège social de l'association"),
        summary=(
            "لقاء علمي تواصلي صباحا، ثم أشغال المكتب التنفيذي بعد الزوال.",
            "Rencontre scientifique le matin, puis travaux du bureau exécutif l'après-midi.",
        ),
        agenda=[
            (
                A.SESSION,
                (
                    "لقاء علمي تواصلي تحت عنوان: جمعية رؤساء مجالس العمالات والأقاليم تثمن الدبلوماسية الملكية "
                    "في الدفاع عن القضية الوطنية، بتأطير الأستاذة وفاء بنعلي",
                    "Rencontre scientifique : « L'Association des présidents des conseils préfectoraux et "
                    "provinciaux salue la diplomatie royale dans la défense de la cause nationale », animée "
                    "par Mme Wafaa Benali",
                ),
                {"start_time": datetime.time(9), "end_time": datetime.time(12)},
            ),
            (
                A.SESSION,
                ("لقاء صحفي واستراحة شاي", "Point de presse et pause thé"),
                {"start_time": datetime.time(12), "end_time": datetime.time(13, 30)},
            ),
            (
                A.APPROVAL,
                (
                    "المصادقة على الميزانية التقديرية للجمعية للسنة المالية 2021.",
                    "Approbation du budget prévisionnel de l'association pour l'exercice 2021.",
                ),
                {"start_time": datetime.time(13, 30), "end_time": datetime.time(18)},
            ),
            (
                A.APPROVAL,
                (
                    "المصادقة على اتفاقية شراكة وتعاون بين الجمعية ووزارة الداخلية حول منحة سنة 2021.",
                    "Approbation de la convention de partenariat et de coopération avec le ministère de "
                    "l'Intérieur relative à la subvention 2021.",
                ),
            ),
            (
                A.APPROVAL,
                (
                    "المصادقة على مشروع إحداث الفدرالية الوطنية للجمعيات الترابية المغربية.",
                    "Approbation du projet de création de la Fédération nationale des associations "
                    "territoriales marocaines.",
                ),
            ),
            (
                A.APPROVAL,
                (
                    "المصادقة على مذكرة تفاهم لإحداث «تنسيقية الجماعات الترابية للمغرب» ما بين الجمعية وجمعية "
                    "جهات المغرب والجمعية المغربية لرؤساء مجالس الجماعات، لتنسيق العمل للتفاوض حول برامج دورة "
                    "2021-2027 للتعاون الأوربي المغربي.",
                    "Approbation du mémorandum d'entente créant la « Coordination des collectivités "
                    "territoriales du Maroc » avec l'Association des régions du Maroc et l'Association "
                    "marocaine des présidents des conseils communaux, pour négocier ensemble les programmes "
                    "2021-2027 de la coopération euro-marocaine.",
                ),
            ),
            (
                A.APPROVAL,
                (
                    "المصادقة على اتفاقية إطار للشراكة والتعاون في ميدان التكوين والتأطير وتقديم الخبرة والبحث "
                    "العلمي.",
                    "Approbation d'une convention-cadre de partenariat et de coopération en matière de "
                    "formation, d'encadrement, d'expertise et de recherche scientifique.",
                ),
            ),
            (
                A.SESSION,
                (
                    "تقديم عرض جمعية الجسر حول حصيلة سنة 2020 على ضوء اتفاقية الشراكة التي تربطها بالجمعية.",
                    "Présentation par l'association Al Jisr de son bilan 2020 au titre de sa convention de "
                    "partenariat avec l'association.",
                ),
            ),
            (
                A.SESSION,
                (
                    "تقديم عرض للمؤسسة المغربية للطالب حول حصيلة سنة 2020 على ضوء اتفاقية الشراكة التي تربطها "
                    "بالجمعية.",
                    "Présentation par la Fondation marocaine de l'étudiant de son bilan 2020 au titre de sa "
                    "convention de partenariat avec l'association.",
                ),
            ),
            (A.MISCELLANEOUS, ("مختلفات.", "Divers.")),
            (
                A.INFORMATION,
                (
                    "تنزيل برنامج التكوين المستمر لأعضاء مجالس العمالات والأقاليم.",
                    "Mise en œuvre du programme de formation continue des membres des conseils "
                    "préfectoraux et provinciaux.",
                ),
            ),
            (
                A.INFORMATION,
                (
                    "حول برنامج الاستفادة من الصندوق الفرنسي المغربي لدعم التعاون اللامركزي.",
                    "Le programme du Fonds franco-marocain de soutien à la coopération décentralisée.",
                ),
            ),
            (
                A.INFORMATION,
                (
                    "حضور ندوة عن بعد حول «استراتيجيات التغذية الترابية، تبادل الخبرات فرنسا/المغرب» يوم "
                    "12 يناير 2021.",
                    "Participation au webinaire « Stratégies alimentaires territoriales, échanges "
                    "France/Maroc » le 12 janvier 2021.",
                ),
            ),
            (
                A.INFORMATION,
                (
                    "حضور اجتماع حول الاستراتيجية الوطنية للتكوين لفائدة الموارد البشرية التابعة للجماعات "
                    "الترابية يوم الخميس 04 فبراير 2021.",
                    "Participation à une réunion sur la stratégie nationale de formation des ressources "
                    "humaines des collectivités territoriales le jeudi 4 février 2021.",
                ),
            ),
        ],
    )

    events["ga-2022-01-29"] = _event(
        "general-assembly",
        ("الجمع العام العادي للجمعية", "Assemblée générale ordinaire de l'association"),
        key_day=D(2022, 1, 29),
        start_date=D(2022, 1, 29),
        status=Event.Status.HELD,
        venue=("فندق Palm Plaza", "Hôtel Palm Plaza"),
        city=("مراكش", "Marrakech"),
        province_code="07.351",
        summary=(
            "جمع عام عادي في شكل مؤتمر، تطبيقا للفصل العاشر من القانون الأساسي، بحضور جميع أعضاء الجمعية بعد "
            "الاستحقاقات الانتخابية الأخيرة.",
            "Assemblée générale ordinaire tenue sous forme de congrès, en application de l'article 10 des statuts, "
            "en présence de tous les membres de l'association après les dernières élections.",
        ),
        body=(
            "استعرض الجمع العام ملخصا لجميع أنشطة الجمعية من تاريخ تأسيسها 28 يناير 2019 إلى غاية نهاية سنة 2021، "
            "ودعم العرض بشريط وثائقي. وبعد تقديم أعضاء المكتب التنفيذي السابق استقالتهم، صادق الجمع العام بالإجماع "
            "على تجديد أعضاء الهياكل المسيرة للجمعية.",
            "L'assemblée a passé en revue les activités de l'association depuis sa fondation le 28 janvier 2019 "
            "jusqu'à fin 2021, avec un film documentaire. Après la démission du bureau sortant, elle a renouvelé "
            "à l'unanimité les instances dirigeantes de l'association.",
        ),
        agenda=[
            (
                A.APPROVAL,
                (
                    "المصادقة على التقارير الأدبية برسم سنوات 2019 و2020 و2021.",
                    "Approbation des rapports moraux des années 2019, 2020 et 2021.",
                ),
                {"outcome": ("صودق عليها.", "Approuvés.")},
            ),
            (
                A.APPROVAL,
                (
                    "المصادقة على التقارير المالية برسم سنوات 2019 و2020 و2021.",
                    "Approbation des rapports financiers des années 2019, 2020 et 2021.",
                ),
                {"outcome": ("صودق عليها.", "Approuvés.")},
            ),
            (
                A.APPROVAL,
                ("تعديل القانون الأساسي للجمعية.", "Modification des statuts de l'association."),
                {"outcome": ("صودق عليه.", "Approuvée.")},
            ),
            (
                A.APPROVAL,
                ("المصادقة على تجديد أعضاء المكتب المسير.", "Approbation du renouvellement du bureau."),
                {
                    "outcome": (
                        "صادق الجمع العام بالإجماع على تجديد أعضاء الهياكل المسيرة للجمعية.",
                        "L'assemblée a renouvelé à l'unanimité les instances dirigeantes de l'association.",
                    )
                },
            ),
        ],
    )

    events["meeting-2022-03-15-dgct"] = _event(
        "consultation",
        (
            "اجتماع تفاعلي مع السيد الوالي المدير العام للجماعات الترابية",
            "Réunion interactive avec le wali directeur général des collectivités territoriales",
        ),
        key_day=D(2022, 3, 15),
        schedule=Event.Schedule.TIMED,
        starts_at=_at(D(2022, 3, 15), 10),
        status=Event.Status.HELD,
        **seat,
        summary=(
            "اجتماع تفاعلي ترأسه السيد خالد سفير، الوالي المدير العام للجماعات الترابية بوزارة الداخلية، والسيد عبد "
            "العزيز الدرويش رئيس الجمعية، لدراسة إكراهات تدبير مجالس العمالات والأقاليم.",
            "Réunion interactive présidée par M. Khalid Safir, wali directeur général des collectivités "
            "territoriales au ministère de l'Intérieur, et M. Abdelaziz Derouich, président de l'association, "
            "sur les difficultés de gestion des conseils préfectoraux et provinciaux.",
        ),
        agenda=[
            (
                A.SESSION,
                (
                    "الاختصاصات المخولة لمجالس العمالات والأقاليم في القانون التنظيمي رقم 112.14.",
                    "Les compétences attribuées aux conseils par la loi organique 112.14.",
                ),
            ),
            (
                A.SESSION,
                (
                    "الالتقائية مع القطاعات الحكومية عند إنجاز المشاريع.",
                    "La convergence avec les départements ministériels dans la réalisation des projets.",
                ),
            ),
            (
                A.SESSION,
                (
                    "الموارد المالية والموارد البشرية لمجالس العمالات والأقاليم.",
                    "Les ressources financières et humaines des conseils préfectoraux et provinciaux.",
                ),
            ),
        ],
        recommendations=(
            "خلق فرق عمل مشتركة مع المديرية العامة للجماعات الترابية للتفكير في مختلف الملفات.",
            "Créer des groupes de travail communs avec la Direction générale des collectivités territoriales.",
        ),
        organisers=[ministry],
    )

    events["meeting-2022-03-15-awrach"] = _event(
        "consultation",
        (
            "لقاء مع السيد وزير الإدماج الاقتصادي والمقاولة الصغرى والتشغيل والكفاءات حول برنامج «أوراش»",
            "Rencontre avec le ministre de l'Inclusion économique, de la Petite entreprise, de l'Emploi et des "
            "Compétences sur le programme « Awrach »",
        ),
        key_day=D(2022, 3, 15),
        schedule=Event.Schedule.TIMED,
        starts_at=_at(D(2022, 3, 15), 15, 30),
        status=Event.Status.HELD,
        venue=("مقر الوزارة", "Siège du ministère"),
        city=("", ""),
        summary=(
            "لقاء المكتب التنفيذي للجمعية مع السيد الوزير لتدارس تنزيل برنامج «أوراش» بمجالس العمالات والأقاليم.",
            "Rencontre du bureau exécutif avec le ministre sur la mise en œuvre du programme « Awrach » par les "
            "conseils préfectoraux et provinciaux.",
        ),
        recommendations=(
            "الإشراك الفعلي لمجالس العمالات والأقاليم في التحضير لمشروع أوراش.\n"
            "تكليف مجالس العمالات والأقاليم برئاسة لجنة الانتقاء في إطار ربط المسؤولية بالمحاسبة.\n"
            "مذكرة توضيحية حول شرط صفة المنفعة العامة للجمعيات.",
            "Associer effectivement les conseils préfectoraux et provinciaux à la préparation d'« Awrach ».\n"
            "Confier aux conseils la présidence du comité de sélection, la responsabilité allant avec la reddition "
            "des comptes.\n"
            "Une note explicative sur la condition d'utilité publique des associations.",
        ),
    )

    events["eb-2022-03-30"] = _event(
        "executive-bureau",
        (
            "اجتماع المكتب التنفيذي مع رؤساء اللجن الموضوعاتية",
            "Réunion du bureau exécutif avec les présidents des commissions thématiques",
        ),
        key_day=D(2022, 3, 30),
        start_date=D(2022, 3, 30),
        status=Event.Status.HELD,
        **seat,
        summary=(
            "اجتماع خصص حصريا للسادة رؤساء اللجن الموضوعاتية الخمس عشرة لتمكينهم من الاطلاع على برنامج عمل الجمعية "
            "لسنة 2022 والملفات والبرامج المستقبلية.",
            "Réunion réservée aux présidents des quinze commissions thématiques, pour leur présenter le programme "
            "d'action 2022, les dossiers et les programmes à venir.",
        ),
        agenda=[
            (
                A.INFORMATION,
                (
                    "الاطلاع على برنامج عمل الجمعية للسنة الجارية 2022 والملفات والبرامج المستقبلية.",
                    "Présentation du programme d'action 2022, des dossiers et des programmes à venir.",
                ),
            ),
        ],
    )

    events["eb-2022-04-23"] = _event(
        "executive-bureau",
        (
            "اجتماع المكتب التنفيذي للاطلاع على أنشطة الجمعية لشهري مارس وأبريل 2022",
            "Réunion du bureau exécutif sur les activités de mars et avril 2022",
        ),
        key_day=D(2022, 4, 23),
        start_date=D(2022, 4, 23),
        status=Event.Status.HELD,
        **seat,
        agenda=[
            (
                A.APPROVAL,
                (
                    "المصادقة على اتفاقية الشراكة والتعاون مع اللجنة الوطنية للتربية والعلوم والثقافة.",
                    "Approbation de la convention de partenariat et de coopération avec la Commission "
                    "nationale pour l'éducation, la science et la culture.",
                ),
            ),
            (
                A.SESSION,
                (
                    "دراسة كيفية مشاركة الجمعية في أشغال القمة التاسعة لأفريسيتي بمدينة كيسومو بكينيا من 17 إلى "
                    "21 ماي 2022.",
                    "Préparation de la participation de l'association au 9e sommet Africités à Kisumu "
                    "(Kenya), du 17 au 21 mai 2022.",
                ),
            ),
        ],
    )

    events["africities-2022"] = _event(
        "conference",
        ("القمة التاسعة لأفريسيتي", "9e sommet Africités"),
        key_day=D(2022, 5, 17),
        start_date=D(2022, 5, 17),
        end_date=D(2022, 5, 21),
        status=Event.Status.CONFIRMED,
        city=("كيسومو", "Kisumu"),
        country="KE",
        summary=(
            "مشاركة الجمعية في أشغال القمة التاسعة لأفريسيتي بمدينة كيسومو بدولة كينيا، وبرواقها في معرض أفريسيتي.",
            "Participation de l'association au 9e sommet Africités à Kisumu (Kenya), avec un stand au salon.",
        ),
    )

    events["paris-2022"] = _event(
        "conference",
        (
            "النسخة الثالثة عشرة من لقاءات الحركة الدولية للجماعات الترابية بباريس",
            "13e Rencontres de l'action internationale des collectivités territoriales à Paris",
        ),
        key_day=D(2022, 6, 20),
        start_date=D(2022, 6, 20),
        end_date=D(2022, 6, 21),
        status=Event.Status.CANCELLED,
        venue=("مدينة العلوم والصناعة، لافيلات", "Cité des sciences et de l'industrie, La Villette"),
        city=("باريس", "Paris"),
        country="FR",
        summary=(
            "بدعوة من جمعية المدن المتحدة الفرنسية، توجه وفد من الجمعية إلى باريس؛ ألغي اللقاء في آخر لحظة لأسباب "
            "تقنية حسب الجهات المنظمة.",
            "À l'invitation de Cités Unies France, une délégation de l'association s'est rendue à Paris ; les "
            "rencontres ont été annulées au dernier moment pour des raisons techniques selon les organisateurs.",
        ),
        body=(
            "عقد وفد الجمعية جلسة عمل في الهواء الطلق مع رؤساء عدد من الجماعات الترابية الإفريقية ولقاءات ثنائية مع "
            "وفود من مالي والسينغال والطوغو وغينيا بيساو والكاميرون ونيجيريا والكونغو، حول الصندوق الإفريقي لدعم "
            "التعاون اللامركزي.",
            "La délégation a tenu une séance de travail en plein air avec des présidents de collectivités "
            "africaines et des rencontres bilatérales avec des délégations du Mali, du Sénégal, du Togo, de "
            "Guinée-Bissau, du Cameroun, du Nigeria et du Congo, sur le Fonds africain d'appui à la coopération "
            "décentralisée.",
        ),
    )

    events["abidjan-2022"] = _event(
        "exhibition",
        ("النسخة الثانية من معرض الجماعات بأبيدجان", "2e édition du Salon des communes à Abidjan"),
        key_day=D(2022, 9, 29),
        start_date=D(2022, 9, 29),
        end_date=D(2022, 10, 1),
        status=Event.Status.HELD,
        city=("أبيدجان", "Abidjan"),
        country="CI",
        summary=(
            "مشاركة الجمعية بوفد هام في النسخة الثانية من معرض الجماعات بكوت ديفوار، وجلسة عمل يوم 30 شتنبر 2022 حول "
            "مشروع حماية وتثمين خليج كوكودي.",
            "Participation d'une importante délégation de l'association au 2e Salon des communes en Côte "
            "d'Ivoire, et séance de travail le 30 septembre 2022 sur le projet de protection et de valorisation "
            "de la baie de Cocody.",
        ),
    )

    events["daejeon-2022"] = _event(
        "conference",
        (
            "المؤتمر العالمي السابع لمنظمة المدن والحكومات المحلية المتحدة",
            "7e Congrès mondial de Cités et gouvernements locaux unis (CGLU)",
        ),
        key_day=D(2022, 10, 10),
        start_date=D(2022, 10, 10),
        end_date=D(2022, 10, 14),
        status=Event.Status.HELD,
        city=("دايجون", "Daejeon"),
        country="KR",
        summary=(
            "مشاركة الجمعية برئاسة رئيسها ضمن الوفد المغربي الرسمي، تحت شعار «الحكومات المحلية والجهوية تمضي قدما "
            "بنفس الزخم».",
            "Participation de l'association, conduite par son président, au sein de la délégation marocaine "
            "officielle ; thème : « Les gouvernements locaux et régionaux vont de l'avant avec le même élan ».",
        ),
        organisers=[],
        partners=[ministry],
    )

    events["unesco-2022"] = _event(
        "seminar",
        ("لقاء «اللغة العربية ما وراء الموروث»", "Rencontre « La langue arabe au-delà du patrimoine »"),
        key_day=D(2022, 10, 24),
        start_date=D(2022, 10, 24),
        end_date=D(2022, 10, 25),
        status=Event.Status.HELD,
        summary=(
            "لقاء نظمته منظمة اليونسكو واللجنة الوطنية للتربية والعلوم والثقافة، بتعاون مع كلية الآداب والعلوم "
            "الإنسانية التابعة لجامعة محمد الخامس بالرباط؛ مثل الجمعية فيه نائب رئيسها السيد محمد قاسمي.",
            "Rencontre organisée par l'UNESCO et la Commission nationale pour l'éducation, la science et la "
            "culture, avec la Faculté des lettres et des sciences humaines de l'Université Mohammed V de Rabat ; "
            "l'association y était représentée par son vice-président M. Mohamed Kassimi.",
        ),
        partners=[commission],
    )
    return events


def _tangier_events(*, with_partners=True):
    """Seed 003. For the Tangier-Tetouan association the co-organisers stay in the text only: they
    are not that association's partners (its sources name none)."""
    common = {"organisers": [], "partners": [], "status": Event.Status.HELD}
    if with_partners:
        ministry = _partner(
            "وزارة الداخلية - المديرية العامة للجماعات الترابية",
            "Ministère de l'Intérieur - Direction générale des collectivités territoriales",
            Partner.Kind.GOVERNMENT,
        )
        regions = _partner("جمعية جهات المغرب", "Association des régions du Maroc", Partner.Kind.TERRITORIAL)
        impact = _partner(
            "جمعية «أمباكت» للتنمية", "Association Impact pour le développement", Partner.Kind.CIVIL_SOCIETY
        )
        common.update(organisers=[ministry], partners=[regions, impact])
    programme = (
        "برنامج دعم الجماعات الترابية المنفتحة، بإشراف المديرية العامة للجماعات الترابية بوزارة الداخلية وبشراكة مع "
        "جمعية جهات المغرب وجمعية «أمباكت» للتنمية.",
        "Programme d'appui aux collectivités territoriales ouvertes, sous la supervision de la Direction "
        "générale des collectivités territoriales, avec l'Association des régions du Maroc et l'association "
        "Impact pour le développement.",
    )
    _event(
        "consultation",
        (
            "لقاء تواصلي حول برنامج دعم الجماعات الترابية المنفتحة",
            "Réunion d'information sur le programme d'appui aux collectivités territoriales ouvertes",
        ),
        key_day=D(2022, 12, 6),
        start_date=D(2022, 12, 6),
        venue=("مقر مجلس جهة طنجة تطوان الحسيمة", "Siège du conseil de la région Tanger-Tétouan-Al Hoceïma"),
        city=("طنجة", "Tanger"),
        province_code="01.511",
        summary=programme,
        **common,
    )
    _event(
        "consultation",
        (
            "اللقاء التشاوري الأول للإعداد المشترك لبرنامج عمل انفتاح جماعة طنجة",
            "Première réunion de concertation pour le plan d'action d'ouverture de la commune de Tanger",
        ),
        key_day=D(2023, 3, 28),
        start_date=D(2023, 3, 28),
        summary=programme,
        **common,
    )
    _event(
        "consultation",
        (
            "اللقاء التشاوري الثاني للإعداد المشترك لبرنامج عمل انفتاح جماعة طنجة",
            "Deuxième réunion de concertation pour le plan d'action d'ouverture de la commune de Tanger",
        ),
        key_day=None,
        schedule=Event.Schedule.TO_BE_SET,
        intended_year=2023,
        schedule_note=(
            "يوم جمعة بعد 28 مارس 2023؛ لا يذكر المصدر التاريخ",
            "Un vendredi après le 28 mars 2023 ; la source ne donne pas la date",
        ),
        city=("طنجة", "Tanger"),
        province_code="01.511",
        summary=(
            "الورشة الثانية للإعداد المشترك لبرنامج عمل الانفتاح، بمشاركة عضوات وأعضاء هيئة المساواة وتكافؤ الفرص "
            "ومقاربة النوع وفعاليات المجتمع المدني المحلي، قبل مصادقة المجلس الجماعي خلال دورة أكتوبر 2023.",
            "Deuxième atelier de co-construction du plan d'action d'ouverture, avec l'instance de l'égalité, de "
            "l'égalité des chances et de l'approche genre et la société civile locale, avant l'adoption par le "
            "conseil communal à sa session d'octobre 2023.",
        ),
        organisers=common["organisers"],
        partners=common["partners"],
        status=Event.Status.PLANNED,
    )


def _sefrou():
    d1, d2 = D(2016, 3, 30), D(2016, 3, 31)
    _event(
        "seminar",
        (
            "الملتقى الثاني للشبكة المغربية للحكامة التشاركية",
            "2e rencontre du Réseau marocain de gouvernance participative",
        ),
        key_day=d1,
        start_date=d1,
        end_date=d2,
        status=Event.Status.HELD,
        city=("صفرو", "Sefrou"),
        province_code="03.451",
        summary=(
            "لقاء حول موضوع «آليات المشاركة في بلورة مخطط العمل الجماعي»، بالشراكة مع المديرية العامة للجماعات المحلية "
            "والتعاون الألماني، في إطار برنامج التعاون CoMun.",
            "Rencontre sur « les mécanismes de participation à l'élaboration du plan d'action communal », avec la "
            "Direction générale des collectivités locales et la coopération allemande, dans le cadre du programme "
            "CoMun.",
        ),
        body=(
            "تشارك في برنامج الشبكة خمس عشرة جماعة: تيزنيت وأكادير ووجدة وشفشاون وتطوان والقنيطرة والرباط وكلميم والدار "
            "البيضاء وتارودانت والعرائش والمحمدية وسلا وتمارة وصفرو.",
            "Quinze communes participent au réseau : Tiznit, Agadir, Oujda, Chefchaouen, Tétouan, Kénitra, Rabat, "
            "Guelmim, Casablanca, Taroudant, Larache, Mohammedia, Salé, Témara et Sefrou.",
        ),
        agenda=[
            (
                A.SESSION,
                (
                    "الجلسة الافتتاحية: كلمات عامل إقليم صفرو ورئيس مجلس جماعة صفرو وممثل المديرية العامة للجماعات "
                    "المحلية وممثل التعاون الألماني.",
                    "Séance d'ouverture : allocutions du gouverneur de la province de Sefrou, du président du "
                    "conseil communal, du représentant de la DGCL et de la coopération allemande.",
                ),
                {"day": d1},
            ),
            (
                A.SESSION,
                (
                    "مجموعات عمل حول آليات الحكامة التشاركية المحلية، خاصة آلية المناصفة وتكافؤ الفرص ومقاربة "
                    "النوع وآليات التشاور والحوار، بمشاركة جمعية تاركا.",
                    "Groupes de travail sur les mécanismes de gouvernance participative locale, notamment "
                    "l'instance de parité, d'égalité des chances et d'approche genre et les mécanismes de "
                    "concertation, avec l'association Targa.",
                ),
                {"day": d1},
            ),
            (
                A.SESSION,
                (
                    "زيارات ميدانية لمقر الجماعة الحضرية لصفرو: مكاتب الحالة المدنية، الافتحاص الداخلي، ومصلحة "
                    "تدبير الشكايات.",
                    "Visites de terrain à la commune urbaine de Sefrou : bureaux d'état civil, audit interne "
                    "et service des réclamations.",
                ),
                {"day": d1},
            ),
            (
                A.SESSION,
                (
                    "المقتضيات المتعلقة بالحكامة التشاركية في القوانين التنظيمية للجماعات الترابية.",
                    "Les dispositions des lois organiques des collectivités territoriales sur la gouvernance "
                    "participative.",
                ),
                {"day": d2},
            ),
            (
                A.SESSION,
                (
                    "مرحلة التشخيص وآليات التشخيص التشاركي، ثم مرحلة التخطيط واعتماد برنامج عمل الجماعة.",
                    "Le diagnostic et ses mécanismes participatifs, puis la planification et l'adoption du "
                    "programme d'action de la commune.",
                ),
                {"day": d2},
            ),
            (
                A.SESSION,
                (
                    "مجموعتا عمل حول الآليات التشاركية لتتبع وتقييم تفعيل برنامج عمل الجماعة، وعرض نموذج لميثاق "
                    "الحكامة التشاركية المحلية.",
                    "Deux groupes de travail sur le suivi et l'évaluation participatifs du programme d'action "
                    "communal, et présentation d'un modèle de charte de gouvernance participative locale.",
                ),
                {"day": d2},
            ),
        ],
        documents=[
            ("الإطار القانوني لبرنامج عمل الجماعة", "Le cadre juridique du programme d'action de la commune"),
            ("مرحلة التشخيص", "La phase de diagnostic"),
            ("مرحلة التخطيط", "La phase de planification"),
            ("مرحلة التحضير", "La phase de préparation"),
            ("مراحل الإعداد", "Les étapes d'élaboration"),
            ("ميزة الجماعة المواطنة", "Le label de commune citoyenne"),
            ("التخطيط الجماعي", "La planification communale"),
        ],
    )


def _link_programme(programme, events):
    """Lines of the programme that the sources report as events point at them."""
    links = {7: "meeting-2022-03-15-dgct", 17: "africities-2022", 31: "daejeon-2022"}
    for order, key in links.items():
        ProgrammeLine.objects.filter(programme=programme, order=order).update(event=events[key])


def _ensure_kinds():
    """The kinds come from a data migration, which a test database flush may have emptied."""
    if not EventKind.objects.exists():
        import importlib

        from django.apps import apps

        importlib.import_module("events.migrations.0002_event_kinds").seed_kinds(apps, None)


def load(association_key):
    _ensure_kinds()
    if association_key == "tanger-tetouan":
        _tangier_events(with_partners=False)
        return f"{Event.objects.count()} events"
    programme = _programme()
    events = _ampcp_events()
    _link_programme(programme, events)
    _tangier_events()
    _sefrou()
    return f"{Event.objects.count()} events, {programme.lines.count()} programme lines"
