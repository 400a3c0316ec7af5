/**
 * alumni/no-literal-messages: a string a person reads comes from the catalogs
 * (src/i18n/en, src/i18n/fr, through t()), never from a literal in the code (issue 26).
 *
 * Reported: a string or template literal containing a letter (the fixed parts of a
 * template, each branch of a `?:` or `||`, each side of a `+`) where a person will read
 * it:
 * - Commander: `.description(text)`, `.summary(text)`, `.option(flags, text)`,
 *   `.requiredOption(flags, text)`, `.argument(name, text)`, `.helpOption(flags, text)`,
 *   `.helpCommand(name, text)`, `.version(v, flags, text)`, `.addHelpText(where, text)`,
 *   `new Option(flags, text)`, `new Argument(name, text)`, `InvalidArgumentError(text)`;
 * - the output: `out.info|warn|error|success|line|heading|details(text)` (on `out` or
 *   `x.out`), `console.log|error|warn|info(text)`, `withSpinner(text, work, { succeed, fail, text })`,
 *   the labels of `writeFields([[label, value]…])` and of `renderRecord(ctx, record, [[label, value]…])`;
 * - errors: `new XxxError(text)` (any class whose name ends in Error);
 * - the option helpers' descriptions, and their parameters' defaults: the `functions`
 *   option names each helper with the indexes of its arguments that are read
 *   (`{ enumOption: [1], dryRunOption: [0] }`).
 *
 * Not reported: a flag or a placeholder (`--devise`, `--limit <n>`, `<file>`), a string
 * without a letter (`: `, `…`), a call's arguments inside the text (`t('offers.saved')`).
 */

const LETTER = /\p{L}/u;
const FLAG = /^\s*(?:-{1,2}[\w-]+(?:,\s*-{1,2}[\w-]+)*)?(?:\s*[<[][^>\]]*[>\]])*\s*$/;

const METHODS = {
  description: [0],
  summary: [0],
  option: [1],
  requiredOption: [1],
  argument: [1],
  helpOption: [1],
  helpCommand: [1],
  version: [2],
  addHelpText: [1],
};
const OUTPUT = new Set(['info', 'warn', 'error', 'success', 'line', 'heading', 'details']);
const CONSOLE = new Set(['log', 'error', 'warn', 'info']);
const CONSTRUCTORS = { Option: [1], Argument: [1], InvalidArgumentError: [0] };

/** The literal pieces of an expression a person would read, with their nodes. */
function literalPieces(node, pieces = []) {
  if (!node) return pieces;
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string') pieces.push({ node, text: node.value });
      break;
    case 'TemplateLiteral':
      pieces.push({ node, text: node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ') });
      break;
    case 'ConditionalExpression':
      literalPieces(node.consequent, pieces);
      literalPieces(node.alternate, pieces);
      break;
    case 'LogicalExpression':
      literalPieces(node.left, pieces);
      literalPieces(node.right, pieces);
      break;
    case 'BinaryExpression':
      if (node.operator === '+') {
        literalPieces(node.left, pieces);
        literalPieces(node.right, pieces);
      }
      break;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'ParenthesizedExpression':
      literalPieces(node.expression, pieces);
      break;
    default:
      break;
  }
  return pieces;
}

const readable = (text) => LETTER.test(text) && !FLAG.test(text);

/** The name a callee is called by: `f` for f(), `m` for x.m(). */
function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

/** `out` or `something.out`. */
function isOutput(object) {
  if (object.type === 'Identifier') return object.name === 'out';
  return object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier' && object.property.name === 'out';
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'a string a person reads comes from the catalogs (t()), not from a literal' },
    schema: [
      {
        type: 'object',
        properties: { functions: { type: 'object', additionalProperties: { type: 'array', items: { type: 'integer' } } } },
        additionalProperties: false,
      },
    ],
    messages: {
      literal: '{{where}}: "{{text}}" is read by a person: put it in the catalogs (src/i18n/en and fr) and use t().',
    },
  },
  create(context) {
    const functions = context.options[0]?.functions ?? {};

    const check = (expression, where) => {
      for (const { node, text } of literalPieces(expression)) {
        if (!readable(text)) continue;
        const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
        context.report({ node, messageId: 'literal', data: { where, text: shown.replace(/\s+/g, ' ') } });
      }
    };
    const checkArgs = (args, indexes, where) => {
      for (const index of indexes) if (args[index] && args[index].type !== 'SpreadElement') check(args[index], where);
    };
    /** `[[label, value], …]`: each label. */
    const checkLabels = (array, where) => {
      if (array?.type !== 'ArrayExpression') return;
      for (const element of array.elements) if (element?.type === 'ArrayExpression') check(element.elements[0], where);
    };

    return {
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (!name) return;
        const member = node.callee.type === 'MemberExpression' ? node.callee : undefined;
        if (member && Object.hasOwn(METHODS, name)) checkArgs(node.arguments, METHODS[name], `.${name}()`);
        if (member && OUTPUT.has(name) && isOutput(member.object)) checkArgs(node.arguments, [0], `out.${name}()`);
        if (member && CONSOLE.has(name) && member.object.type === 'Identifier' && member.object.name === 'console') {
          checkArgs(
            node.arguments,
            node.arguments.map((_, i) => i),
            `console.${name}()`,
          );
        }
        if (name === 'withSpinner') {
          checkArgs(node.arguments, [0], 'withSpinner()');
          const options = node.arguments[2];
          if (options?.type === 'ObjectExpression') {
            for (const property of options.properties) {
              if (
                property.type === 'Property' &&
                property.key.type === 'Identifier' &&
                ['succeed', 'fail', 'text'].includes(property.key.name)
              ) {
                check(property.value, `withSpinner() ${property.key.name}`);
              }
            }
          }
        }
        if (name === 'writeFields') checkLabels(node.arguments[0], 'writeFields() label');
        if (name === 'renderRecord') checkLabels(node.arguments[2], 'renderRecord() label');
        if (name === 'InvalidArgumentError') checkArgs(node.arguments, [0], 'InvalidArgumentError()');
        if (!member && Object.hasOwn(functions, name)) checkArgs(node.arguments, functions[name], `${name}()`);
      },
      NewExpression(node) {
        if (node.callee.type !== 'Identifier') return;
        const name = node.callee.name;
        if (Object.hasOwn(CONSTRUCTORS, name)) checkArgs(node.arguments, CONSTRUCTORS[name], `new ${name}()`);
        else if (/Error$/.test(name)) checkArgs(node.arguments, [0], `new ${name}()`);
      },
      // An option helper's default description: `function dryRunOption(description = '…')`.
      'FunctionDeclaration, ArrowFunctionExpression, FunctionExpression'(node) {
        let name = node.id?.name;
        if (!name && node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier') name = node.parent.id.name;
        if (!name || !Object.hasOwn(functions, name)) return;
        for (const index of functions[name]) {
          const param = node.params[index];
          if (param?.type === 'AssignmentPattern') check(param.right, `${name}() default`);
        }
      },
    };
  },
};
