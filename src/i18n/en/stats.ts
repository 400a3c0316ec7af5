/** English messages of the stats area: keys start with "stats.". */
export default {} satisfies Record<`stats.${string}`, string | ((params: never) => string)>;
