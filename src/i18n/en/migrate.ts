/** English messages of the migrate area: keys start with "migrate.". */
export default {} satisfies Record<`migrate.${string}`, string | ((params: never) => string)>;
