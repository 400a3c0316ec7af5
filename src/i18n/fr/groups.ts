import type en from '../en/groups.js';

/** Les messages français du domaine groups : mêmes clés et mêmes paramètres que en/groups.ts. */
const s = (n: number) => (n > 1 ? 's' : '');

const fr: typeof en = {
  'groups.help.description': 'les groupes des anciens (promotions, filières, villes, clubs), leurs membres et leurs messages',
  'groups.help.group': 'identifiant ou nom exact (sans tenir compte des majuscules ni des accents)',
  'groups.help.person': 'identifiant, e-mail ou matricule',
  'groups.help.list': 'les groupes par nom, avec leurs membres actifs et leur limite de membres, valides ou non sauf filtre, page par page',
  'groups.help.type_filter': 'seulement ce type',
  'groups.help.valide': 'les groupes valides, ou ceux qui attendent un modérateur',
  'groups.help.search': 'le nom contient ce texte (sans tenir compte des majuscules ni des accents)',
  'groups.help.per_page': 'groupes par page',
  'groups.help.nom': 'le nom du groupe (unique, sans tenir compte des majuscules ni des accents)',
  'groups.help.type': 'le type de groupe',
  'groups.help.group_description': 'sa description (vide : elle est effacée)',
  'groups.help.max': 'au plus ce nombre de membres actifs, ou none (sans limite)',
  'groups.help.add': "créer un groupe (valide d'emblée : c'est un administrateur qui le crée ; public par défaut)",
  'groups.help.update': 'modifier un groupe : seulement ce qui est donné (un --max inférieur au nombre de membres actifs est refusé)',
  'groups.help.show': 'toutes ses informations, ses membres comptés, ses modérateurs, son dernier message, les décisions de modération',
  'groups.help.members': "les membres d'un groupe",
  'groups.help.members_list': "les membres actifs, administrateurs et modérateurs d'abord",
  'groups.help.all': 'aussi ceux qui sont partis, avec la date de leur départ',
  'groups.help.members_add':
    'ajouter des personnes au groupe (dans la limite de ses membres) ; avec --from-users, tous ceux que choisissent les filtres de la liste des utilisateurs',
  'groups.help.role': 'leur rôle dans le groupe',
  'groups.help.from_users': 'ajouter les utilisateurs choisis par les filtres ci-dessous, comme `alumni users list` (ex. --annee 2020)',
  'groups.help.members_remove': "ces personnes ne sont plus membres (leur adhésion reste dans l'historique, avec la date de leur départ)",
  'groups.help.set_role': "changer le rôle d'un membre actif dans le groupe",
  'groups.help.unknown_role': 'Rôle inconnu',
  'groups.help.messages': "les messages d'un groupe",
  'groups.help.messages_list': 'les messages du groupe, des plus récents aux plus anciens, page par page',
  'groups.help.written_since': 'écrits depuis',
  'groups.help.written_before': 'écrits avant',
  'groups.help.author': 'écrits par cette personne (identifiant, e-mail ou matricule)',
  'groups.help.include_deleted': "aussi les messages supprimés (gardés jusqu'à ce que purge-messages les efface)",
  'groups.help.messages_per_page': 'messages par page',
  'groups.help.messages_delete': 'supprimer des messages (masqués tout de suite, effacés par purge-messages au bout de 30 jours)',
  'groups.help.message_ids': 'identifiants des messages',

  'groups.label.id': 'Identifiant',
  'groups.label.name': 'Nom',
  'groups.label.type': 'Type',
  'groups.label.valid': 'Valide',
  'groups.label.active_members': 'Membres actifs',
  'groups.label.max_members': 'Limite de membres',
  'groups.label.description': 'Description',
  'groups.label.photo': 'Photo',
  'groups.label.creator_id': 'Créateur (identifiant)',
  'groups.label.creator': 'Créé par',
  'groups.label.created_at': 'Créé le',
  'groups.label.updated_at': 'Modifié le',
  'groups.label.last_message': 'Dernier message',
  'groups.label.messages': 'Messages',
  'groups.label.moderators': 'Modérateurs',
  'groups.label.decisions': 'Modération',
  'groups.label.person_id': 'Personne (identifiant)',
  'groups.label.full_name': 'Nom',
  'groups.label.email': 'E-mail',
  'groups.label.matricule': 'Matricule',
  'groups.label.role': 'Rôle',
  'groups.label.active': 'Actif',
  'groups.label.joined': 'Membre depuis',
  'groups.label.left': 'Parti le',
  'groups.label.changed': 'Modifié',
  'groups.label.author': 'Auteur',
  'groups.label.text': 'Texte',
  'groups.label.file': 'Fichier',
  'groups.label.deleted': 'Supprimé',
  'groups.label.written': 'Écrit le',
  'groups.none': '(aucun)',
  'groups.no_limit': 'sans limite',
  'groups.same_filters': (p) => `${p.command} (mêmes filtres)`,

  'groups.added': (p) => `Groupe ${p.name} créé (valide).`,
  'groups.updated': (p) => `Groupe ${p.name} modifié.`,
  'groups.unchanged': (p) => `${p.name} : rien n'a changé.`,
  'groups.name_empty': "Le nom est vide ; rien n'a été écrit.",
  'groups.name_required': (p) => `Un groupe doit avoir un nom : donnez ${p.field}.`,
  'groups.nothing_to_update': 'Rien à modifier : donnez au moins une information (voir alumni groups update --help).',
  'groups.max_below_members': (p) =>
    `${p.group} compte ${p.members} membres actifs, plus que ${p.field} ${p.max} : ` +
    `donnez ${p.field} ${p.members} ou plus, ou retirez d'abord des membres (alumni groups members remove).`,

  'groups.members.filters_need_from_users':
    "Les filtres d'utilisateurs (--annee, --domaine...) ne choisissent des personnes qu'avec --from-users.",
  'groups.members.from_users_needs_filter':
    "--from-users demande au moins un filtre d'utilisateurs (--annee, --domaine, --statut...), sinon il ajouterait tous les comptes.",
  'groups.members.every_account': 'Aucun filtre ne choisit les personnes : cela ajouterait tous les comptes.',
  'groups.members.name_people':
    'Nommez les personnes à ajouter (identifiant, e-mail ou matricule), ou donnez --from-users avec des filtres.',
  'groups.members.refused.erased': 'le compte a été effacé (users erase)',
  'groups.members.not_added': (p) => `${p.person} n'a pas été ajouté(e) : ${p.reason}`,
  'groups.members.added': (p) =>
    `${p.group} : ${p.added} ajouté${s(p.added)}, ${p.rejoined} de retour après un départ, ` +
    `${p.unchanged} déjà membre${s(p.unchanged)}, ${p.refused} refusé${s(p.refused)}.`,
  'groups.members.confirm_remove': (p) => `Retirer ${p.people} du groupe ${p.group} ?`,
  'groups.members.skipped.left': 'a déjà quitté le groupe',
  'groups.members.skipped.not_member': "n'est pas membre",
  'groups.members.nothing_to_remove': (p) => `${p.person} ${p.reason} : rien à retirer.`,
  'groups.members.removed': (p) =>
    `${p.group} : ${p.removed} retiré${s(p.removed)} (gardé${s(p.removed)} comme ancien${s(p.removed)} membre${s(p.removed)}).`,
  'groups.members.not_active': (p) => `${p.person} n'est pas membre actif du groupe ${p.group}.`,
  'groups.members.role_set': (p) => `${p.person} est désormais ${p.role}.`,
  'groups.members.role_unchanged': "C'était déjà le cas : rien n'a changé.",

  'groups.messages.confirm_delete': (p) => (p.count === 1 ? 'Supprimer ce message ?' : `Supprimer ces ${p.count} messages ?`),
  'groups.messages.already_deleted': (p) => `Le message ${p.id} était déjà supprimé : rien n'est réécrit.`,
  'groups.messages.deleted': (p) =>
    `${p.count} message${s(p.count)} supprimé${s(p.count)} ; purge-messages les efface définitivement au bout de 30 jours.`,
  'groups.messages.not_found': (p) => `Aucun message ${p.ids.map((id) => `« ${id} »`).join(', ')} ; rien n'a été supprimé.`,

  'groups.help.fill':
    "si plus de personnes entreraient que le groupe n'a de places libres, ajouter les premières qui tiennent (les personnes nommées, dans l'ordre, puis les utilisateurs choisis, par nom) et laisser les autres",
  'groups.members.no_room': (p) =>
    p.room === 0
      ? `${p.group} n'a plus de place libre mais ${p.chosen} personne${s(p.chosen)} entrerai${p.chosen > 1 ? 'ent' : 't'} : personne n'a été ajouté. ` +
        "Relevez la limite (groups update --max) ou retirez d'abord des membres."
      : `${p.group} a ${p.room} place${s(p.room)} libre${s(p.room)} mais ${p.chosen} personnes entreraient : personne n'a été ajouté. ` +
        `Choisissez-en moins, relevez la limite (groups update --max), ou donnez --fill pour ajouter les ${p.room} premières.`,
  'groups.members.summary.unchanged': (p) =>
    `${p.count} déjà membre${s(p.count)} : rien n'a changé pour ${p.count === 1 ? 'elle' : 'elles'}.`,
  'groups.members.summary.refused': (p) => `${p.count} non ajouté${s(p.count)} : ${p.reason}.`,
  'groups.members.summary.left_out': (p) =>
    `${p.count} laissé${s(p.count)} de côté : le groupe avait ${p.room} place${s(p.room)} libre${s(p.room)} (--fill a ajouté les premières personnes).`,
  'groups.members.summary.verbose_hint': 'Donnez --verbose pour la liste des personnes, une par ligne.',
  'groups.members.listed': (p) => `  ${p.person}`,
  'groups.list.empty': 'Aucun groupe ne correspond à ces filtres.',
  'groups.members.empty': "Ce groupe n'a aucun membre actif.",
  'groups.members.empty_all': "Personne n'a été membre de ce groupe.",
  'groups.messages.empty': 'Aucun message ne correspond à ces filtres.',
};
export default fr;
