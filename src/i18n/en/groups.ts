/** English messages of the groups area: keys start with "groups.". */
export default {} satisfies Record<`groups.${string}`, string | ((params: never) => string)>;
