/** English messages of the validate area: keys start with "validate.". */
export default {} satisfies Record<`validate.${string}`, string | ((params: never) => string)>;
