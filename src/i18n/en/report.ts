/** English messages of the report area: keys start with "report.". */
export default {} satisfies Record<`report.${string}`, string | ((params: never) => string)>;
