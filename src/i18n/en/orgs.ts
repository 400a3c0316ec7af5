/** English messages of the orgs area: keys start with "orgs.". */
export default {} satisfies Record<`orgs.${string}`, string | ((params: never) => string)>;
