/** English messages of the doctor area: keys start with "doctor.". */
export default {} satisfies Record<`doctor.${string}`, string | ((params: never) => string)>;
