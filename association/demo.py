"""Demo content for the association app, transcribed from ``shared/seeds``.

Two associations can be loaded: the AMPCP (source ``002_...``, the default) and the
Tangier-Tetouan regional association of local elected officials (source ``000_...``). Only
facts stated in the sources are used: no invented phone numbers, e-mails or addresses. French
texts are translations of the Arabic sources.
"""

import datetime

from association.models import (
    AssociationProfile,
    CharterGoal,
    GoverningBody,
    Partner,
    PartnershipAgreement,
    StrategicPrinciple,
)

AMPCP = {
    "profile": {
        "name_ar": "الجمعية المغربية لرؤساء مجالس العمالات والأقاليم",
        "name_fr": "Association marocaine des présidents des conseils préfectoraux et provinciaux",
        "acronym_ar": "AMPCP",
        "acronym_fr": "AMPCP",
        "tagline_ar": "تبادل الخبرات والتجارب في مجال اللامركزية ودعم التعاون اللامركزي الدولي",
        "tagline_fr": "Échanger expériences et savoir-faire en matière de décentralisation et soutenir "
        "la coopération décentralisée internationale",
        "introduction_ar": "تأسست الجمعية المغربية لرؤساء مجالس العمالات والأقاليم بتاريخ 28 يناير 2019، "
        "وتضم رؤساء مجالس العمالات والأقاليم بالمملكة. تعمل على إغناء النقاش العمومي لدعم اختصاصات "
        "مجالس العمالات والأقاليم، وعلى التعاون اللامركزي وتوسيع دائرة الشركاء.",
        "introduction_fr": "L'Association marocaine des présidents des conseils préfectoraux et provinciaux a "
        "été fondée le 28 janvier 2019 ; elle réunit les présidents des conseils des préfectures et "
        "provinces du Royaume. Elle enrichit le débat public sur les compétences de ces conseils, "
        "agit pour la coopération décentralisée et élargit le cercle de ses partenaires.",
        "founded_on": datetime.date(2019, 1, 28),
        "seat_ar": "",
        "seat_fr": "",
        "address_ar": "",
        "address_fr": "",
        "website": "http://ampcpp.com",
    },
    "goals": [
        (
            "تبادل الخبرات والتجارب في مجال اللامركزية.",
            "Échanger expériences et savoir-faire en matière de décentralisation.",
        ),
        ("دعم التعاون اللامركزي الدولي.", "Soutenir la coopération décentralisée internationale."),
        (
            "إغناء النقاش العمومي لدعم اختصاصات مجالس العمالات والأقاليم.",
            "Enrichir le débat public pour soutenir les compétences des conseils préfectoraux et provinciaux.",
        ),
        (
            "تعزيز مسار اللامركزية في المملكة المغربية.",
            "Renforcer le processus de décentralisation au Royaume du Maroc.",
        ),
    ],
    "principles": [],
    "bodies": [
        (
            "general_assembly",
            "الجمع العام",
            "Assemblée générale",
            "يضم جميع السادة أعضاء الجمعية، ويصادق على التقارير الأدبية والمالية وعلى تعديل القانون الأساسي، "
            "وينتخب أعضاء المكتب التنفيذي.",
            "Elle réunit tous les membres de l'association, approuve les rapports moral et financier et les "
            "modifications des statuts, et élit le bureau exécutif.",
        ),
        (
            "executive_bureau",
            "المكتب التنفيذي",
            "Bureau exécutif",
            "يتكون من 17 عضوا: الرئيس واثنا عشر نائبا للرئيس والكاتب العام ونائبه وأمين المال ونائبه.",
            "Dix-sept membres : le président, douze vice-présidents, le secrétaire général et son adjoint, "
            "le trésorier et son adjoint.",
        ),
        (
            "committees",
            "اللجان الدائمة",
            "Commissions permanentes",
            "خمس عشرة لجنة موضوعاتية يرأس كل واحدة منها أحد أعضاء الجمعية، من الشؤون الإدارية والمالية "
            "إلى الرقمنة والانتقال الطاقي والصحة.",
            "Quinze commissions thématiques, chacune présidée par un membre de l'association, des affaires "
            "administratives et financières à la numérisation, la transition énergétique et la santé.",
        ),
    ],
    "partners": [
        {
            "name_ar": "اللجنة الوطنية للتربية والعلوم والثقافة",
            "name_fr": "Commission nationale marocaine pour l'éducation, la science et la culture",
            "kind": Partner.Kind.PUBLIC_INSTITUTION,
            "agreements": [
                (
                    datetime.date(2022, 4, 15),
                    "اتفاقية شراكة وتعاون وقعت برحاب المكتبة الوطنية بالرباط، للمساهمة المشتركة في إنجاز مشاريع "
                    "وبرامج ودراسات والقيام بأنشطة في مجالات التربية والعلوم والثقافة.",
                    "Convention de partenariat et de coopération signée à la Bibliothèque nationale à Rabat, pour "
                    "contribuer ensemble à des projets, programmes, études et activités dans les domaines de "
                    "l'éducation, de la science et de la culture.",
                ),
            ],
        },
        {
            "name_ar": "وزارة الداخلية - المديرية العامة للجماعات الترابية",
            "name_fr": "Ministère de l'Intérieur - Direction générale des collectivités territoriales",
            "kind": Partner.Kind.GOVERNMENT,
            "agreements": [
                (
                    None,
                    "اتفاقية شراكة وتعاون بين الجمعية ووزارة الداخلية حول منحة سنة 2021.",
                    "Convention de partenariat et de coopération entre l'association et le ministère de "
                    "l'Intérieur relative à la subvention de l'année 2021.",
                ),
            ],
        },
        {
            "name_ar": "جمعية جهات المغرب",
            "name_fr": "Association des régions du Maroc",
            "kind": Partner.Kind.TERRITORIAL,
            "agreements": [
                (
                    None,
                    "مذكرة تفاهم لإحداث تنسيقية الجماعات الترابية للمغرب مع الجمعية المغربية لرؤساء مجالس الجماعات، "
                    "لتنسيق العمل للتفاوض حول برامج دورة 2021-2027 للتعاون الأوربي المغربي.",
                    "Mémorandum d'entente créant la Coordination des collectivités territoriales du Maroc, avec "
                    "l'Association marocaine des présidents des conseils communaux, pour négocier ensemble les "
                    "programmes 2021-2027 de la coopération euro-marocaine.",
                ),
            ],
        },
        {
            "name_ar": "الجمعية المغربية لرؤساء مجالس الجماعات",
            "name_fr": "Association marocaine des présidents des conseils communaux",
            "kind": Partner.Kind.TERRITORIAL,
            "agreements": [],
        },
        {
            "name_ar": "جمعية الجسر",
            "name_fr": "Association Al Jisr",
            "kind": Partner.Kind.CIVIL_SOCIETY,
            "agreements": [
                (
                    None,
                    "اتفاقية شراكة تقدم الجمعية بموجبها حصيلة عملها السنوية للمكتب التنفيذي.",
                    "Convention de partenariat en vertu de laquelle l'association présente son bilan annuel au "
                    "bureau exécutif.",
                ),
            ],
        },
        {
            "name_ar": "المؤسسة المغربية للطالب",
            "name_fr": "Fondation marocaine de l'étudiant",
            "kind": Partner.Kind.CIVIL_SOCIETY,
            "agreements": [
                (
                    None,
                    "اتفاقية شراكة تقدم المؤسسة بموجبها حصيلة عملها السنوية للمكتب التنفيذي.",
                    "Convention de partenariat en vertu de laquelle la fondation présente son bilan annuel au "
                    "bureau exécutif.",
                ),
            ],
        },
        {
            "name_ar": "جمعية تويزة للتضامن",
            "name_fr": "Association Touiza Solidarité",
            "kind": Partner.Kind.CIVIL_SOCIETY,
            "agreements": [],
        },
    ],
}

TANGIER_TETOUAN = {
    "profile": {
        "name_ar": "جمعية المنتخبين المحليين بجهة طنجة تطوان",
        "name_fr": "Association des élus locaux de la région Tanger-Tétouan",
        "acronym_ar": "",
        "acronym_fr": "",
        "tagline_ar": "دعما لمسار الديمقراطية المحلية واللامركزية ببلادنا",
        "tagline_fr": "Pour soutenir la démocratie locale et la décentralisation dans notre pays",
        "introduction_ar": "تأسست بجهة طنجة تطوان، بعد تحضير دام لعدة أشهر، جمعية المنتخبين المحليين بالجهة "
        "بمشاركة ثلة من المستشارين المحليين من مشارب سياسية وترابية مختلفة، سعيا لتعزيز ديمقراطية القرب "
        "والتشارك والانتقال إلى الاحترافية من أجل بروز جيل جديد من المنتخبين والمنتخبات، سواء بالجماعات "
        "القروية والحضرية أو مجالس العمالات والأقاليم والجهة.",
        "introduction_fr": "Après plusieurs mois de préparation, l'Association des élus locaux de la région a été "
        "fondée à Tanger-Tétouan par des conseillers locaux d'horizons politiques et territoriaux divers, "
        "pour renforcer la démocratie de proximité et la participation et professionnaliser l'action "
        "d'une nouvelle génération d'élues et d'élus des communes rurales et urbaines, des conseils "
        "préfectoraux et provinciaux et de la région.",
        "founded_on": None,
        "seat_ar": "تطوان (بصفة مؤقتة)",
        "seat_fr": "Tétouan (provisoirement)",
        "address_ar": "",
        "address_fr": "",
        "website": "",
    },
    "goals": [
        (
            "توفير إطار قانوني وإمكانيات معرفية ومادية ملائمة تمكن المنتخبين والمنتخبات بالجهة من تملكهم للمشروع "
            "الديمقراطي ومن تعزيز التواصل والتعاون فيما بينهم، وبينهم وبين المواطنين، وتمكينهم أيضا من تبادل "
            "التجارب والخبرات الميدانية المتعلقة بتدبير الشأن العام تحقيقا لأعلى درجات القرب والنجاعة والنزاهة.",
            "Offrir un cadre juridique et des moyens intellectuels et matériels permettant aux élues et élus de "
            "la région de s'approprier le projet démocratique, de renforcer la communication et la coopération "
            "entre eux et avec les citoyens, et d'échanger leurs expériences de terrain en gestion des affaires "
            "publiques, pour plus de proximité, d'efficacité et d'intégrité.",
        ),
        (
            "دعم قدرات المنتخبين والمنتخبات في مجال التدبير عن طريق التكوين والتكوين المستمر بشراكة مع المؤسسات "
            "الجامعية وفعاليات المجتمع المدني وأطراف الإنتاج.",
            "Renforcer les capacités de gestion des élues et élus par la formation et la formation continue, en "
            "partenariat avec les universités, la société civile et les acteurs économiques.",
        ),
        (
            "إنجاز الدراسات والأبحاث وتنظيم التظاهرات العلمية والثقافية المفيدة في مجال الحكامة الترابية وتدبير "
            "الشأن العام في مختلف المجالات.",
            "Réaliser des études et des recherches et organiser des manifestations scientifiques et culturelles "
            "utiles à la gouvernance territoriale et à la gestion des affaires publiques.",
        ),
        (
            "بلورة تصورات ومقترحات كفيلة بتطوير وتحديث المنظومة التشريعية والتنظيمية المؤطرة لعمل المؤسسات "
            "المنتخبة واللامركزية.",
            "Élaborer des propositions pour développer et moderniser le cadre législatif et réglementaire des "
            "institutions élues et de la décentralisation.",
        ),
        (
            "تسهيل ومواكبة مبادرات إقامة علاقات التعاون والشراكة بين المنتخبات والمنتخبين وبينهم وبين المجتمع "
            "المدني والهيئات والمؤسسات الوطنية والأجنبية والدولية التي تعنى بالحكامة الترابية والمهنية.",
            "Faciliter et accompagner les relations de coopération et de partenariat entre élues et élus, et "
            "avec la société civile et les institutions nationales, étrangères et internationales concernées "
            "par la gouvernance territoriale.",
        ),
        (
            "الاهتمام بالجوانب الاجتماعية المختلفة للمنتخبين والمنتخبات.",
            "Prendre soin des divers aspects sociaux de la vie des élues et élus.",
        ),
    ],
    "principles": [],
    "bodies": [
        (
            "executive_bureau",
            "المكتب الإداري",
            "Bureau administratif",
            "يتألف من خمسة عشر عضوا: الرئيس ونوابه والكاتب العام ونائبه وأمين المال ونائبه والمستشارون.",
            "Quinze membres : le président et ses vice-présidents, le secrétaire général et son adjoint, le "
            "trésorier et son adjoint, et les conseillers.",
        ),
    ],
    "partners": [],
}

ASSOCIATIONS = {"ampcp": AMPCP, "tanger-tetouan": TANGIER_TETOUAN}


def _replace_ordered(model, rows):
    """Make the ordered list exactly ``rows`` (Arabic, French), updating rows in place."""
    for order, (text_ar, text_fr) in enumerate(rows, start=1):
        model.objects.update_or_create(order=order, defaults={"text_ar": text_ar, "text_fr": text_fr})
    model.objects.filter(order__gt=len(rows)).delete()


def load(key="ampcp"):
    data = ASSOCIATIONS[key]
    profile = AssociationProfile.get_solo()
    for field, value in data["profile"].items():
        setattr(profile, field, value)
    profile.save()

    _replace_ordered(CharterGoal, data["goals"])
    _replace_ordered(StrategicPrinciple, data["principles"])

    for order, (kind, name_ar, name_fr, description_ar, description_fr) in enumerate(data["bodies"], start=1):
        GoverningBody.objects.update_or_create(
            kind=kind,
            defaults={
                "order": order,
                "name_ar": name_ar,
                "name_fr": name_fr,
                "description_ar": description_ar,
                "description_fr": description_fr,
            },
        )
    GoverningBody.objects.exclude(kind__in=[body[0] for body in data["bodies"]]).delete()

    for order, spec in enumerate(data["partners"], start=1):
        partner, _created = Partner.objects.update_or_create(
            name_ar=spec["name_ar"],
            defaults={"name_fr": spec["name_fr"], "kind": spec["kind"], "order": order},
        )
        for signed_on, subject_ar, subject_fr in spec["agreements"]:
            PartnershipAgreement.objects.update_or_create(
                partner=partner,
                subject_ar=subject_ar,
                defaults={"signed_on": signed_on, "subject_fr": subject_fr},
            )
    return {"goals": len(data["goals"]), "partners": len(data["partners"])}
