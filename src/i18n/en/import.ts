/** English messages of the import area: keys start with "import.". */
export default {} satisfies Record<`import.${string}`, string | ((params: never) => string)>;
