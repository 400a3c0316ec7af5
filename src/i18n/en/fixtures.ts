/** English messages of the fixtures area: keys start with "fixtures.". */
export default {} satisfies Record<`fixtures.${string}`, string | ((params: never) => string)>;
