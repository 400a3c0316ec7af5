/** English messages of the jobs area: keys start with "jobs.". */
export default {} satisfies Record<`jobs.${string}`, string | ((params: never) => string)>;
