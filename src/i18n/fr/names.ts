import type en from '../en/names.js';

/** Les messages français du domaine names : mêmes clés et mêmes paramètres que en/names.ts. */
const fr: typeof en = {
  'names.did_you_mean': (p) => (p.names.length === 0 ? '' : ` Vouliez-vous dire : ${p.names.join(', ')} ?`),
  'names.did_you_mean_each': (p) =>
    p.suggestions.length === 0
      ? ''
      : ` Vouliez-vous dire : ${p.suggestions.map((s) => `${s.names.join(', ')} pour « ${s.ref} »`).join(' ; ')} ?`,
};

export default fr;
