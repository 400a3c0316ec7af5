/** English messages of the offers area: keys start with "offers.". */
export default {} satisfies Record<`offers.${string}`, string | ((params: never) => string)>;
