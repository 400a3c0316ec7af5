/** English messages of the database area: keys start with "database.". */
export default {} satisfies Record<`database.${string}`, string | ((params: never) => string)>;
