import type en from '../en/validate.js';

/** Les messages français de la modération (validate) : mêmes clés et mêmes paramètres que en/validate.ts. */
type Queue = 'formations' | 'groups' | 'orgs';
/** « La formation 1234… », « Le groupe 1234… », « L'organisation 1234… ». */
const THE: Record<Queue, string> = { formations: 'La formation', groups: 'Le groupe', orgs: "L'organisation" };
/** Accord du participe : la formation, l'organisation (féminin) ; le groupe (masculin). */
const e = (q: Queue) => (q === 'groups' ? '' : 'e');
const s = (n: number) => (n > 1 ? 's' : '');
const NONE: Record<Queue, string> = { formations: 'Aucune formation', groups: 'Aucun groupe', orgs: 'Aucune organisation' };
/** Le pronom complément : « examinez-la », « examinez-le ». */
const it = (q: Queue) => (q === 'groups' ? 'le' : 'la');
const QUEUE: Record<Queue, string> = { formations: 'des formations', groups: 'des groupes', orgs: 'des organisations' };

const fr: typeof en = {
  // Aide
  'validate.help.description': "modération : formations, groupes et organisations en attente d'approbation",
  'validate.help.queue': 'formations, groups ou orgs',
  'validate.help.queue_all': 'formations, groups ou orgs (par défaut : les trois, dans cet ordre)',
  'validate.help.unknown_queue': "File d'attente inconnue",
  'validate.help.list': "le nombre d'éléments en attente dans chaque file, ou les éléments d'une file, du plus ancien au plus récent",
  'validate.help.list_limit': "nombre d'éléments",
  'validate.help.approve': 'approuver des éléments (pour les scripts ; review pour la file interactive)',
  'validate.help.ids': 'identifiants des éléments',
  'validate.help.id': "identifiant de l'élément",
  'validate.help.reject': 'rejeter des éléments, en disant pourquoi',
  'validate.help.reason': "le motif (obligatoire) : l'auteur le lit",
  'validate.help.review': 'examiner une file fiche par fiche, une touche par décision (il faut un terminal)',
  'validate.help.reasons':
    "modèles de motifs de rejet, un par ligne (par défaut : ALUMNI_REJECT_REASONS, sinon ceux fournis, dans la langue de l'examen)",
  'validate.help.history': 'les décisions de modération, des plus récentes aux plus anciennes',
  'validate.help.history_queue': 'seulement cette file',
  'validate.help.history_item': 'les décisions sur cet élément',
  'validate.help.history_moderator': 'les décisions prises (ou annulées) par cet utilisateur : identifiant, e-mail ou matricule',
  'validate.help.history_outcome': 'seulement les décisions dans cet état',
  'validate.help.history_since': 'décidées depuis',
  'validate.help.history_until': 'décidées avant',
  'validate.help.history_limit': 'nombre de décisions',
  'validate.help.reopen': "annuler une décision prise par erreur : l'élément retourne dans sa file",

  'validate.queue.formations': 'Formation',
  'validate.queue.groups': 'Groupe',
  'validate.queue.orgs': 'Organisation',

  'validate.column.queue': 'File',
  'validate.column.pending': 'En attente',
  'validate.column.oldest': 'Attente la plus longue',
  'validate.column.id': 'Identifiant',
  'validate.column.waiting': 'Attend depuis',
  'validate.column.title': 'Titre',
  'validate.column.created_by': 'Créé par',
  'validate.column.organisation': 'Organisation',
  'validate.column.decided': 'Décidé le',
  'validate.column.item': 'Élément',
  'validate.column.outcome': 'Décision',
  'validate.column.moderator': 'Modérateur',
  'validate.column.comment': 'Commentaire',
  'validate.outcome.approved': 'approuvé',
  'validate.outcome.rejected': 'rejeté',
  'validate.outcome.withdrawn_suffix': ' (annulé)',

  'validate.age.minutes': (p) => `${p.n} min`,
  'validate.age.hours': (p) => `${p.n} h`,
  'validate.age.days': (p) => `${p.n} j`,

  'validate.decision.line': (p) =>
    `${p.at} : ${p.approved ? 'approuvé' : 'rejeté'} par ${p.by ?? 'un utilisateur supprimé'}${p.comment ? ` (« ${p.comment} »)` : ''}` +
    (p.withdrawnAt ? `, décision annulée le ${p.withdrawnAt} par ${p.withdrawnBy ?? 'un utilisateur supprimé'}` : ''),

  'validate.no_item': (p) => `${NONE[p.queue]} n'a l'identifiant ${p.id}.`,
  'validate.unknown_ids': (p) => `${NONE[p.queue]} n'a l'identifiant ${p.ids.join(', ')} ; rien n'a été décidé.`,
  'validate.reason_required': (p) => `Un rejet demande un motif (${p.field} TEXTE).`,
  'validate.reject.reason_required': "Un rejet demande un motif : --reason TEXTE (l'auteur le lit).",
  'validate.status.held': (p) => `${THE[p.queue]} ${p.id} est en cours d'examen par un autre modérateur ; laissé${e(p.queue)} de côté.`,
  'validate.status.already_decided': (p) =>
    p.approved === null
      ? `${THE[p.queue]} ${p.id} n'attend plus de modération ; laissé${e(p.queue)} de côté.`
      : `${THE[p.queue]} ${p.id} n'est plus en attente (${p.approved ? 'approuvé' : 'rejeté'}${e(p.queue)} par ${
          p.by ?? 'un utilisateur supprimé'
        } le ${p.at}) ; laissé${e(p.queue)} de côté.`,
  'validate.status.changed': (p) =>
    `${THE[p.queue]} ${p.id} a été modifié${e(p.queue)} depuis son affichage ; rien n'est décidé, examinez-${it(p.queue)} à nouveau.`,
  'validate.batch.summary': (p) => `${p.decided} décidé${s(p.decided)}, ${p.skipped} laissé${s(p.skipped)} de côté.`,

  'validate.reopen.done': (p) =>
    `${THE[p.queue]} ${p.id} est de retour dans sa file (${p.withdrawn} décision${s(p.withdrawn)} annulée${s(p.withdrawn)}).`,
  'validate.reopen.held': (p) => `${THE[p.queue]} ${p.id} est en cours d'examen par un autre modérateur.`,
  'validate.reopen.not_reopenable': (p) =>
    `${THE[p.queue]} ${p.id} a été désactivé${e(p.queue)} depuis ; réactivez-${it(p.queue)} plutôt que de ${it(p.queue)} rouvrir.`,
  'validate.reopen.not_decided': (p) => `${THE[p.queue]} ${p.id} n'a aucune décision à annuler.`,

  'validate.history.bad_item': (p) => `--item ${p.value} : donnez l'identifiant d'un élément (un UUID).`,

  'validate.reasons.unreadable': (p) => `Impossible de lire les modèles de motifs ${p.path} : ${p.error}.`,
  'validate.reasons.empty': (p) => `${p.path} ne contient aucun modèle de motif (un par ligne).`,
  'validate.reasons.default.incomplete': 'Informations incomplètes : merci de préciser les dates, le lieu et un contact.',
  'validate.reasons.default.duplicate': 'Doublon : cet élément est déjà publié sur la plateforme.',
  'validate.reasons.default.out_of_scope': 'Hors du périmètre de la plateforme des anciens élèves.',
  'validate.reasons.default.advertising': 'Contenu publicitaire ou commercial non sollicité.',
  'validate.reasons.default.price': 'Prix ou devise manquants ou incohérents.',
  'validate.reasons.default.too_short': 'Description trop courte ou peu claire : merci de la compléter.',

  'validate.review.needs_terminal':
    "validate review a besoin d'un terminal ; dans un script, utilisez `alumni validate approve|reject QUEUE ID...`.",
  'validate.review.prompt': '[a]pprouver  [r]ejeter  [s]uivant  [o]uvrir la description  [q]uitter  [h] aide',
  'validate.review.help': [
    "a  approuver : l'élément est publié (valide, ou organisation active)",
    "r  rejeter : choisissez un modèle de motif ou écrivez-en un ; l'auteur le voit,",
    "   et l'élément ne revient qu'une fois modifié",
    's  suivant : le garder pour plus tard (ou pour un collègue) ; fiche suivante',
    'o  ouvrir : la description entière',
    "q  quitter : plus rien n'est retenu une fois parti",
  ].join('\n'),
  'validate.review.reason_prompt': 'Motif',
  'validate.review.type_reason': 'Écrire un motif…',
  'validate.review.typed_reason': 'Motif (vide : retour à la fiche)',
  'validate.review.nothing_more': 'Plus rien à examiner.',
  'validate.review.interrupted': (p) => `Interrompu : ${p.summary} ; plus rien n'est retenu.`,
  'validate.review.summary': (p) =>
    `${p.approved} approuvé${s(p.approved)}, ${p.rejected} rejeté${s(p.rejected)}, ${p.skipped} laissé${s(p.skipped)} de côté`,
  'validate.review.queue_done': (p) =>
    `File ${QUEUE[p.queue]} : plus rien pour vous${p.skipped ? ` (${p.skipped} laissé${s(p.skipped)} de côté)` : ''}.`,
  'validate.review.heading': (p) => `${p.queue} : fiche ${p.card}, ${p.waiting} en attente · ${p.summary}`,
  'validate.review.no_description': '(pas de description)',
  'validate.review.approved': (p) => `Approuvé : ${p.title}`,
  'validate.review.rejected': (p) => `Rejeté : ${p.title}`,

  'validate.card.id': 'Identifiant',
  'validate.card.submitted': 'Soumis le',
  'validate.card.submitted_value': (p) => `${p.at} (en attente depuis ${p.age})`,
  'validate.card.created_by': 'Créé par',
  'validate.card.unknown': 'inconnu',
  'validate.card.organisation': 'Organisation',
  'validate.card.description': 'Description',
  'validate.card.shortened': (p) => `${p.text}… (o : tout afficher)`,
  'validate.card.none': '(aucune)',
  'validate.card.earlier': 'Décisions',
  'validate.card.type': 'Type',
  'validate.card.place': 'Lieu',
  'validate.card.organiser': 'Organisateur',
  'validate.card.dates': 'Dates',
  'validate.card.price': 'Prix',
  'validate.card.free': 'gratuite',
  'validate.card.link': 'Lien',
  'validate.card.contact': 'Contact',
  'validate.card.max_members': 'Max. membres',
  'validate.card.no_limit': 'sans limite',
  'validate.card.sector': 'Secteur',
  'validate.card.website': 'Site web',

  'validate.card.email': 'E-mail',
  'validate.card.phone': 'Téléphone',
  'validate.card.submitted_by': 'Soumis par',
  'validate.card.submitter_unknown': "inconnu (aucune trace de qui l'a ajoutée)",
  'validate.card.person': (p) => `${p.name} <${p.email}>`,
  'validate.card.contacts': 'Contacts',
  'validate.card.no_contact': '(aucun)',
  'validate.card.contact_name': (p) => `${p.name} (${p.role})`,
  'validate.card.principal_contact': (p) => `${p.name} (contact principal, ${p.role})`,
  'validate.card.duplicate': 'Doublon ?',
  'validate.card.possibly_same_as': (p) => `Peut-être la même que : ${p.name} (${p.id})`,
  'validate.review.prompt_short': '[a]pprouver [r]ejeter [s]uivant [o]uvrir [q]uitter [h] aide',
  'validate.review.reason_escape': '(Échap : retour à la fiche)',
  'validate.list.empty': "Rien n'attend dans cette file.",
  'validate.history.empty': 'Aucune décision ne correspond à ces filtres.',
  'validate.reopen.nothing': "Rien n'a été rouvert.",
};
export default fr;
