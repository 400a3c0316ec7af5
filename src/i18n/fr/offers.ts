import type en from '../en/offers.js';
import { formatsFor } from '../format.js';

/** Un jour (AAAA-MM-JJ) tel qu'on l'écrit : le jour que la base appelle aujourd'hui. */
const day = (iso: string) => {
  const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
  return formatsFor('fr').date(new Date(year, month - 1, date));
};

/** « un stage », « une formation », « un emploi » : les genres sont ceux des mots stockés. */
const uneOffre = (kind: string) => `${kind === 'formation' ? 'une' : 'un'} ${kind}`;
const capitalise = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
const guillemets = (items: string[]) => items.map((item) => `« ${item} »`).join(', ');

/** Les messages français du domaine offers : mêmes clés et mêmes paramètres que en/offers.ts. */
const fr: typeof en = {
  // ---- aide ----
  'offers.help.description': 'offres : stages, formations et emplois',
  'offers.help.org_ref': 'identifiant ou nom exact (sans tenir compte des majuscules ni des accents)',
  'offers.help.id': "l'identifiant de l'offre (tel que offers list l'affiche)",
  'offers.help.list': 'stages, formations et emplois, des plus récents aux plus anciens, dans tous les états sauf filtre, page par page',
  'offers.help.list.type': 'seulement cette sorte d’offre',
  'offers.help.list.statut': "seulement cet état (celui d'une formation est déduit : en_attente, refusee, active, expiree)",
  'offers.help.list.org': (p) => `seulement les offres de cette organisation : ${p.ref}`,
  'offers.help.list.lieu': 'le lieu contient ce texte (sans tenir compte des majuscules ni des accents)',
  'offers.help.list.from': 'ouvertes ce jour-là ou après (non terminées avant)',
  'offers.help.list.to': 'ouvertes ce jour-là ou avant (non commencées après)',
  'offers.help.list.search': "l'intitulé contient ce texte (sans tenir compte des majuscules ni des accents)",
  'offers.help.list.limit': 'offres par page',
  'offers.help.search':
    'recherche en texte intégral (français) dans l’intitulé, la description et le lieu de toutes les offres, les plus pertinentes d’abord',
  'offers.help.search.text':
    'mots à chercher, chacun aussi comme début de mot (dev trouve Développeur ; racines, accents ignorés ; "expression exacte", -mot exclu)',
  'offers.help.search.limit': 'résultats par page',
  'offers.help.show': "tous les champs, l'organisation, l'auteur et, pour une formation, les décisions de modération",
  'offers.help.add': "publier une offre au nom de l'administrateur (une formation attend ensuite un modérateur)",
  'offers.help.add.type': "la sorte d'offre",
  'offers.help.add.titre': "l'intitulé",
  'offers.help.add.type_stage': 'le type de stage',
  'offers.help.add.type_formation': 'le type de formation',
  'offers.help.add.type_emploi': "le type d'emploi",
  'offers.help.add.org': (p) => `l'organisation : ${p.ref}`,
  'offers.help.add.structure': "le nom de la structure d'accueil",
  'offers.help.add.lieu': 'le lieu',
  'offers.help.add.description': 'la description',
  'offers.help.add.email': 'le courriel de contact',
  'offers.help.add.telephone': 'le téléphone de contact, enregistré au format E.164',
  'offers.help.add.lien': "le lien vers l'offre (ou vers la formation), en http:// ou https://",
  'offers.help.add.debut': "la date de début (pour un emploi, la date de publication : aujourd'hui par défaut)",
  'offers.help.add.fin': "la date de fin (pour un emploi, la date d'expiration), aujourd'hui ou plus tard",
  'offers.help.add.expiration': 'identique à --fin',
  'offers.help.add.prix': "le prix d'une formation, 0 ou plus (12,50)",
  'offers.help.add.devise': 'la devise du prix, code ISO 4217 (XOF, EUR)',
  'offers.help.add.payante': 'une formation payante (implicite dès que le prix dépasse 0)',
  'offers.help.close': 'stages et emplois pourvus : ils passent à l’état pourvue',
  'offers.help.expiring':
    "ce que la tâche expire-offers fera expirer prochainement, avec l'auteur et le contact, pour pouvoir les prévenir",
  'offers.help.expiring.within': "jusqu'à quand regarder",
  'offers.help.extend': "repousser la date de fin d'un stage ou d'un emploi (une offre expirée redevient active)",
  'offers.help.extend.until': "la nouvelle date de fin, aujourd'hui ou plus tard",

  // ---- valeurs d'options ----
  'offers.flag.invalid_id': (p) =>
    `${p.flag} « ${p.value} » n'est pas un identifiant d'offre (donnez l'identifiant qu'affiche offers list, par exemple 5f0c…-…).`,
  'offers.flag.price_negative': (p) => `${p.flag} « ${p.value} » est négatif ; un prix vaut 0 ou plus.`,
  'offers.flag.price_invalid': (p) => `${p.flag} « ${p.value} » n'est pas un montant (écrivez 1500 ou 12,50, deux décimales au plus).`,
  'offers.flag.currency_invalid': (p) => `${p.flag} « ${p.value} » n'est pas un code de devise ISO 4217 (par exemple XOF, EUR ou USD).`,

  // ---- refus ----
  'offers.error.kind_type_missing': (p) =>
    `${capitalise(uneOffre(p.kind))} doit avoir son type : indiquez ${p.field} (parmi : ${p.values.join(', ')}).`,
  'offers.error.kind_type_wrong': (p) => `${p.field} ne concerne qu'${uneOffre(p.fieldKind)} ; cette offre est ${uneOffre(p.kind)}.`,
  'offers.error.price_not_for_kind': (p) => `${p.fields.join(', ')} : seule une formation a un prix ; cette offre est ${uneOffre(p.kind)}.`,
  'offers.error.title_missing': (p) => `Une offre doit avoir un intitulé : indiquez ${p.field} ; rien n'a été enregistré.`,
  'offers.error.end_before_start': (p) => `La date de fin ${p.end} précède la date de début ${p.start} ; rien n'a été enregistré.`,
  'offers.error.paid_without_price': (p) =>
    `Une formation payante doit avoir un prix : indiquez ${p.priceField} et ${p.currencyField} ; rien n'a été enregistré.`,
  'offers.error.price_without_currency': (p) =>
    `Un prix doit avoir sa devise : indiquez ${p.field} (par exemple XOF ou EUR) ; rien n'a été enregistré.`,
  'offers.error.currency_without_price': (p) =>
    `${p.field} est la devise d'un prix : indiquez aussi ${p.priceField} ; rien n'a été enregistré.`,
  'offers.error.end_in_past': (p) => `La date de fin ${p.end} est déjà passée (nous sommes le ${day(p.today)}) ; rien n'a été enregistré.`,
  'offers.error.close_nothing': "Indiquez l'identifiant d'au moins une offre à clôturer.",
  'offers.error.close_formation': (p) =>
    `${p.ids.join(', ')} ${p.ids.length > 1 ? 'sont des formations' : 'est une formation'} : une formation n'est pas pourvue, elle ne peut donc pas être clôturée (seul un stage ou un emploi passe à pourvue) ; rien n'a été modifié.`,
  'offers.error.extend_formation': (p) =>
    `${p.id} est une formation : seuls les stages et les emplois expirent (tâche expire-offers), eux seuls peuvent être prolongés ; rien n'a été enregistré.`,
  'offers.error.until_in_past': (p) => `${p.field} ${p.until} est déjà passé (nous sommes le ${day(p.today)}) ; rien n'a été enregistré.`,
  'offers.error.extend_filled': (p) =>
    `${p.kind === 'emploi' ? 'Cet' : 'Ce'} ${p.kind} est pourvu : il est clôturé, il n'y a rien à prolonger ; rien n'a été enregistré.`,
  'offers.error.until_before_start': (p) =>
    `${p.field} ${p.until} précède la date de début de l'offre, ${p.start} ; rien n'a été enregistré.`,
  'offers.error.until_shortens': (p) =>
    `${p.field} ${p.until} précède la date de fin actuelle de l'offre, ${p.end} : ce serait la raccourcir, pas la prolonger ; rien n'a été enregistré.`,
  'offers.error.empty_period': (p) =>
    `${p.fromField} ${p.from} est postérieur à ${p.toField} ${p.to} ; donnez un ${p.fromField} antérieur ou égal à ${p.toField}.`,
  'offers.error.not_found': (p) => `Aucune offre « ${p.ref} » (donnez l'identifiant d'une offre, tel que alumni offers list l'affiche).`,
  'offers.error.not_found_many': (p) =>
    `${p.refs.length > 1 ? 'Aucune offre ne correspond à' : 'Aucune offre'} ${guillemets(p.refs)} (donnez l'identifiant d'une offre, tel que alumni offers list l'affiche) ; rien n'a été modifié.`,

  // ---- ce que disent les commandes ----
  'offers.added': (p) => `${capitalise(p.kind)} « ${p.title} » ${p.kind === 'formation' ? 'ajoutée' : 'ajouté'} (${p.state}).`,
  'offers.added_waiting': (p) =>
    `Formation « ${p.title} » ajoutée (${p.state}). Elle attend un modérateur : alumni validate approve formations ${p.id}`,
  'offers.closed': (p) => `${capitalise(p.kind)} « ${p.title} » (${p.id}) : désormais pourvu.`,
  'offers.closed_already': (p) => `${capitalise(p.kind)} « ${p.title} » (${p.id}) était déjà pourvu : rien de réécrit.`,
  'offers.close_summary': (p) =>
    `${p.closed} ${p.closed > 1 ? 'offres clôturées' : 'offre clôturée'}, ${p.skipped} ${p.skipped > 1 ? 'ignorées' : 'ignorée'}.`,
  'offers.expiring_summary': (p) =>
    `${p.count} ${p.count > 1 ? 'offres que la tâche expire-offers fera expirer' : 'offre que la tâche expire-offers fera expirer'} d'ici le ${p.day} (actives, se terminant avant ce jour) ; alumni offers extend ID --until DATE en garde une ouverte.`,
  'offers.extend_unchanged': (p) =>
    `${capitalise(p.kind)} « ${p.title} » se termine déjà le ${p.end} (état : ${p.state}) : rien n'a été enregistré.`,
  'offers.extended': (p) =>
    `${capitalise(p.kind)} « ${p.title} » se termine désormais le ${p.end} (auparavant : ${p.previousEnd ?? 'sans date de fin'}, état ${p.previousState} ; désormais ${p.state}).`,
  'offers.search_none': (p) => `Aucune offre ne correspond à « ${p.text} ».`,
  'offers.next_list': (p) => `alumni offers list --after ${p.cursor} (mêmes filtres)`,
  'offers.none': '(aucun)',
  'offers.none_yet': '(aucune pour l’instant)',
  'offers.yes': 'oui',
  'offers.no': 'non',

  // ---- intitulés de colonnes et de champs ----
  'offers.field.id': 'Identifiant',
  'offers.field.type': 'Sorte',
  'offers.field.titre': 'Intitulé',
  'offers.field.type_stage': 'Type de stage',
  'offers.field.type_formation': 'Type de formation',
  'offers.field.type_emploi': "Type d'emploi",
  'offers.field.statut': 'État',
  'offers.field.est_valide': 'Validée',
  'offers.field.organisation_id': "Identifiant de l'organisation",
  'offers.field.nom_organisation': 'Organisation',
  'offers.field.nom_structure': "Structure d'accueil",
  'offers.field.lieu': 'Lieu',
  'offers.field.description': 'Description',
  'offers.field.email_contact': 'Courriel de contact',
  'offers.field.telephone_contact': 'Téléphone de contact',
  'offers.field.lien_offre': 'Lien',
  'offers.field.lien_formation': 'Lien',
  'offers.field.date_debut': 'Début',
  'offers.field.date_fin': 'Fin',
  'offers.field.date_publication': 'Publication',
  'offers.field.date_expiration': 'Expiration',
  'offers.field.est_payante': 'Payante',
  'offers.field.prix': 'Prix',
  'offers.field.devise': 'Devise',
  'offers.field.createur_id': "Identifiant de l'auteur",
  'offers.field.createur': 'Publiée par',
  'offers.field.createur_email': "Courriel de l'auteur",
  'offers.field.created_at': 'Créée le',
  'offers.field.updated_at': 'Modifiée le',
  'offers.field.decisions': 'Modération',
  'offers.field.excerpt': 'Extrait',
  'offers.field.rank': 'Pertinence',
  'offers.field.changed': 'Modifiée',
  'offers.list.empty': 'Aucune offre ne correspond à ces filtres.',
  'offers.expiring.none': (p) => `Aucune offre active ne se termine avant le ${p.day} : la tâche expire-offers n’a rien à faire expirer.`,
};
export default fr;
