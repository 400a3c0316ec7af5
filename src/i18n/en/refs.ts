/** English messages of the refs area: keys start with "refs.". */
export default {} satisfies Record<`refs.${string}`, string | ((params: never) => string)>;
