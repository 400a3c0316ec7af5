/** English messages of the users area: keys start with "users.". */
export default {} satisfies Record<`users.${string}`, string | ((params: never) => string)>;
