import type en from '../en/report.js';

/** Le rapport sur le devenir des diplômés, tel qu'un directeur le présente à son conseil. */
const fr: typeof en = {
  'report.title': 'Devenir des diplômés',
  'report.period.none': 'aucune promotion',
  'report.period.one': (p) => `promotion ${p.year}`,
  'report.period.range': (p) => `promotions ${p.first} à ${p.last}`,
  'report.meta': (p) =>
    `${p.period} · établi le ${p.generated} · ${p.refreshed ? `chiffres par promotion arrêtés au ${p.refreshed}` : 'chiffres par promotion jamais mis à jour'}`,
  'report.colon': ' : ',

  'report.graduates': 'Diplômés',
  'report.working': 'En emploi',
  'report.searching': 'En recherche',
  'report.unknown': 'Situation inconnue',
  'report.knowledge_rate': 'Taux de connaissance',
  'report.employment_rate': "Taux net d'emploi",
  'report.all': 'Ensemble',
  'report.field_not_recorded': '(domaine non renseigné)',

  'report.hidden_note': (p) =>
    `Les chiffres portant sur moins de ${p.minCell} diplômés sont masqués (notés ${p.label}), ainsi que d'autres chiffres (notés †) lorsqu'un chiffre masqué pourrait sinon se déduire d'un total ; voir la méthodologie.`,
  'report.hidden_primary': (p) => `masqué : moins de ${p.minCell} diplômés`,
  'report.hidden_mark': 'masqué†',
  'report.hidden_complementary': "masqué† pour qu'un chiffre masqué plus petit ne puisse pas se déduire du total",
  'report.no_chart': 'Aucun chiffre à représenter.',

  'report.section.years': 'Par promotion',
  'report.caption.years': 'Les diplômés et leur situation, par promotion',
  'report.section.trend': 'Évolution au fil des promotions',
  'report.section.fields': 'Par domaine',
  'report.caption.fields': 'Les diplômés et leur situation, par domaine',
  'report.section.employers': 'Principaux employeurs par promotion',
  'report.employers.note':
    "Où travaillent aujourd'hui les diplômés de chaque promotion : les organisations dont ils sont actuellement contacts (stagiaires exclus), de celle qui en compte le plus à celle qui en compte le moins.",
  'report.employers.hidden': 'masqués avec les chiffres de la promotion.',
  'report.employers.none': 'aucun employeur connu',

  'report.chart.by_year':
    "Taux de connaissance (diplômés dont la situation est connue, parmi tous les diplômés) et taux net d'emploi (diplômés en emploi, parmi ceux dont la situation est connue) par promotion, en pourcentage",
  'report.chart.trend': "Taux de connaissance et taux net d'emploi au fil des promotions, en pourcentage",
  'report.chart.by_field':
    "Taux net d'emploi par domaine : diplômés en emploi, parmi les diplômés du domaine dont la situation est connue (en emploi ou en recherche), en pourcentage",

  'report.section.methodology': 'Méthodologie',
  'report.method.graduates.term': 'Diplômés',
  'report.method.graduates': (p) =>
    `Les anciens élèves de l'école dont l'année de sortie est connue${p.period ? ` (${p.period})` : ''}. Les enseignants et le personnel ne sont pas comptés.`,
  'report.method.working.term': 'En emploi',
  'report.method.working': "Un diplômé qui a indiqué à l'école qu'il a un emploi.",
  'report.method.searching.term': 'En recherche',
  'report.method.searching': "Un diplômé qui a indiqué à l'école qu'il cherche un emploi.",
  'report.method.known.term': 'Situation connue',
  'report.method.known':
    "La situation d'un diplômé est connue quand l'école sait s'il travaille : il est soit en emploi, soit en recherche. Un diplômé qui n'a pas répondu est en situation inconnue.",
  'report.method.knowledge.term': 'Taux de connaissance',
  'report.method.knowledge':
    "Numérateur : les diplômés dont la situation est connue (en emploi + en recherche). Dénominateur : l'ensemble des diplômés. Il indique dans quelle mesure on peut se fier au taux net d'emploi.",
  'report.method.employment.term': "Taux net d'emploi",
  'report.method.employment':
    "Numérateur : les diplômés en emploi. Dénominateur : les diplômés dont la situation est connue (en emploi + en recherche). Les situations inconnues sont laissées de côté, et non comptées comme du chômage. Quand aucune situation n'est connue, le taux n'est pas défini et s'affiche —.",
  'report.method.rounding.term': 'Arrondis',
  'report.method.rounding': 'Taux en pourcentage, avec deux décimales dans les tableaux et en nombres entiers sur les graphiques.',
  'report.method.sources.term': 'Sources et dates',
  'report.method.sources': (p) =>
    `Par promotion : les chiffres que la base tient à jour pour chaque promotion, ${p.refreshed ? `mis à jour pour la dernière fois le ${p.refreshed}` : 'jamais mis à jour'}. Par domaine et pour les employeurs : les fiches des diplômés elles-mêmes, au ${p.generated}.`,
  'report.method.sources.stale': (p) =>
    ` Les fiches comptent aujourd'hui ${p.records} diplômés, contre ${p.classes} dans les chiffres par promotion : ceux-ci sont plus anciens que les fiches (lancez alumni jobs run refresh-stats puis établissez à nouveau le rapport).`,
  'report.method.small.term': 'Petits effectifs',
  'report.method.small': (p) =>
    `Une ligne qui compte moins de ${p.minCell} diplômés est masquée et son effectif noté ${p.label}, pour qu'aucun petit groupe ne puisse être reconnu. Comme chaque tableau donne aussi son total, une seule ligne masquée pourrait se déduire du total moins les lignes affichées ; d'autres lignes sont donc masquées (notées †), les plus petites d'abord, jusqu'à ce que les lignes masquées comptent ensemble au moins ${p.minCell} diplômés. Quand toutes les lignes réunies comptent moins de ${p.minCell} diplômés, le total est masqué lui aussi. Les employeurs ne sont cités que pour les promotions dont les chiffres sont affichés, et un effectif inférieur à ${p.minCell} est noté ${p.label}.`,
  'report.method.order.term': 'Ordre',
  'report.method.order':
    'Les domaines et les organisations sont classés par ordre alphabétique, sans tenir compte des accents (École vient entre E et F).',

  'report.chromium.not_executable': (p) =>
    `ALUMNI_CHROMIUM (${p.path}) n'est pas un fichier exécutable : indiquez-y un Chromium, ou installez le paquet Debian \`${p.package}\`.`,
  'report.chromium.missing': (p) =>
    `Aucun Chromium trouvé pour imprimer le PDF : installez le paquet Debian \`${p.package}\` (apt-get install ${p.package}), ou indiquez un exécutable Chromium dans ALUMNI_CHROMIUM.`,
  'report.chromium.not_started': (p) =>
    `Chromium (${p.path}) n'a pas démarré (${p.reason}) : indiquez dans ALUMNI_CHROMIUM un Chromium qui fonctionne, ou installez le paquet Debian \`${p.package}\`.`,

  'report.school_missing':
    "Pas de nom d'établissement sur le rapport : définissez-le une fois avec alumni settings set school-name « … » --as ADMIN, ou donnez --school pour cette exécution.",
  'report.page': (p) => `Page ${p.page} sur ${p.pages}`,
  'report.footer': (p) => `Généré le ${p.generated}`,
  'report.option.school': "le nom de l'établissement sur le rapport, pour cette exécution (par défaut : le paramètre school-name)",
  'report.no_output': 'Indiquez le rapport à écrire : --html FICHIER, --pdf FICHIER, ou les deux.',
};
export default fr;
