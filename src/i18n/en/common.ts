/** English messages of the common area: keys start with "common.". */
export default {} satisfies Record<`common.${string}`, string | ((params: never) => string)>;
