// Faster text for a few functions of cli-table3 0.6.5, put in place by the build (scripts/build.mjs).
// cli-table3 does a great deal of work for every cell of every table it draws (its own issue #68:
// "toString performance"); on the 3,000-row lists `plan tasks` prints that was most of the run.
// Every replacement gives exactly the results of the text it replaces, for any table, not only
// plan's; test/table-patches.test.ts draws a corpus of tables with both and compares. The build
// stops if cli-table3's source is not the text a patch replaces, so an update cannot skip one.

/** File (under cli-table3/src) → [text of 0.6.5, what takes its place]. */
export const CLI_TABLE3_PATCHES = {
  'cell.js': [
    // Option names were renamed (padding-left → paddingLeft) by splitting and joining strings, for
    // some twenty names per cell; the renamed names are remembered.
    [
      `function setOption(objA, objB, nameB, targetObj) {
  let nameA = nameB.split('-');
  if (nameA.length > 1) {
    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
    nameA = nameA.join('');
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
      `const camelNames = new Map();
function setOption(objA, objB, nameB, targetObj) {
  let nameA = camelNames.get(nameB);
  if (nameA === undefined) {
    const parts = nameB.split('-');
    nameA = parts.length > 1 ? parts[0] + parts[1].charAt(0).toUpperCase() + parts[1].substr(1) : '';
    camelNames.set(nameB, nameA);
  }
  if (nameA !== '') {
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`,
    ],
    // Filtered a new array of its arguments to take the first.
    [
      `function firstDefined(...args) {
  return args.filter((v) => v !== undefined && v !== null).shift();
}`,
      `function firstDefined(...args) {
  for (let i = 0; i < args.length; i++) if (args[i] !== undefined && args[i] !== null) return args[i];
  return undefined;
}`,
    ],
    // Every cell merged the table's fifteen border characters into a set of its own. A cell with no
    // characters of its own now shares the set merged for the first such cell of the same drawing
    // (\`cells\` is new for each drawing, so a change to the table's options between two is seen).
    [
      `    let optionsChars = this.options.chars || {};
    let tableChars = tableOptions.chars;
    let chars = (this.chars = {});
    CHAR_NAMES.forEach(function (name) {
      setOption(optionsChars, tableChars, name, chars);
    });`,
      `    let optionsChars = this.options.chars || {};
    let tableChars = tableOptions.chars;
    let chars = this.options.chars === undefined ? tableCharsOfDrawing.get(cells) : undefined;
    if (chars === undefined) {
      chars = {};
      CHAR_NAMES.forEach(function (name) {
        setOption(optionsChars, tableChars, name, chars);
      });
      if (this.options.chars === undefined && cells) tableCharsOfDrawing.set(cells, chars);
    }
    this.chars = chars;`,
    ],
    [
      `class Cell {`,
      `const tableCharsOfDrawing = new WeakMap();

class Cell {`,
    ],
    // Every line drawn cut the cell's text to ten columns for a debug message, kept only at debug
    // level INFO or above; cutting Chinese text measured it again for every character removed.
    // (The one difference: a \`truncate\` option that is not a string, which cli-table3's types do
    // not allow, made the original throw while building that message even when it was not kept.)
    [
      `    let content = utils.truncate(this.content, 10, this.truncate);
    if (!lineNum) {
      info(\`\${this.y}-\${this.x}: \${this.rowSpan - lineNum}x\${this.colSpan} Cell \${content}\`);`,
      `    if (!lineNum && debugLevel() >= INFO) {
      let content = utils.truncate(this.content, 10, this.truncate);
      info(\`\${this.y}-\${this.x}: \${this.rowSpan - lineNum}x\${this.colSpan} Cell \${content}\`);`,
    ],
    [
      `const { info, debug } = require('./debug');`,
      `const { info, debug, INFO, level: debugLevel } = require('./debug');`,
    ],
  ],
  'layout-manager.js': [
    // Filling in missing cells checked each place of each row against every cell of every row
    // above it: quadratic in the rows. A table whose rows all have every column's cell and no
    // spans has no place to fill, which is now seen in one pass over the cells.
    [
      `    debug(\`Max rows: \${h_max}; Max cols: \${w_max}\`);
    for (let y = 0; y < h_max; y++) {`,
      `    debug(\`Max rows: \${h_max}; Max cols: \${w_max}\`);
    if (table.every((row) => row.length === w_max && row.every((cell) => (cell.rowSpan || 1) === 1 && (cell.colSpan || 1) === 1))) return;
    for (let y = 0; y < h_max; y++) {`,
    ],
  ],
  'debug.js': [
    // What the level is, so that a message is made only when it will be kept.
    [`debug.debugMessages = () => messages;`, `debug.debugMessages = () => messages;\n\ndebug.level = () => level;`],
  ],
  'utils.js': [
    // Text without escape codes or line breaks is measured directly, without a regular expression
    // and a split.
    [
      `function strlen(str) {
  let code = codeRegex();`,
      `function strlen(str) {
  if (typeof str === 'string' && str.indexOf('\\u001b') === -1 && str.indexOf('\\n') === -1) return stringWidth(str);
  let code = codeRegex();`,
    ],
    // Built an array to join; String#repeat does the same for a string and a count it accepts.
    [
      `function repeat(str, times) {
  return Array(times + 1).join(str);
}`,
      `function repeat(str, times) {
  if (typeof str === 'string' && Number.isInteger(times) && times >= 0) return str.repeat(times);
  return Array(times + 1).join(str);
}`,
    ],
    // Lines without escape codes carry no colour state to rewind or unwind: they come out as they
    // went in.
    [
      `function colorizeLines(input) {
  let state = {};`,
      `function colorizeLines(input) {
  if (input.every((line) => typeof line === 'string' && line.indexOf('\\u001b') === -1)) return input.slice();
  let state = {};`,
    ],
  ],
};

/** A cli-table3 source file with its patches applied (if it has any); throws if a patch no longer matches. */
export function patchCliTable3(file, contents) {
  for (const [before, after] of CLI_TABLE3_PATCHES[file] ?? []) {
    if (!contents.includes(before)) throw new Error(`cli-table3 has changed (src/${file}): review the patch in scripts/cli-table3-patches.mjs`);
    contents = contents.replace(before, after);
  }
  return contents;
}
