/** English messages of the fixtures area: keys start with "fixtures.". */
export default {
  'fixtures.description': 'demo data for trying the tool',
  'fixtures.load.description': 'load the demo data set into an empty database',
  'fixtures.has_users': 'The database already has users; the demo data loads only into an empty database.',
  'fixtures.loaded': 'Demo data loaded. Act as its super_admin with --as direction@ecole.example.',
  'fixtures.already_loaded': 'The demo data was loaded already: nothing changed.',
} satisfies Record<`fixtures.${string}`, string | ((params: never) => string)>;
