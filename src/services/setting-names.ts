/**
 * The settings `alumni settings` knows, by the name the command line and the database
 * (parametre.cle) both use; apart from src/services/settings.ts so that declaring the
 * commands (`alumni --help`) loads no database code.
 */
export const SETTINGS = {
  /** The school's name, printed on the outcome report's title and on each of its pages. */
  'school-name': { maxLength: 200 },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
