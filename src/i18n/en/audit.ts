/** English messages of the audit area: keys start with "audit.". */
export default {} satisfies Record<`audit.${string}`, string | ((params: never) => string)>;
