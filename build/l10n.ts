/**
 * Finds the user-facing strings of pure modules, which `vscode-l10n-dev export` cannot see (it
 * reads only `l10n.t` calls in files that import `vscode`): every literal given to
 * `messages({ … })` of src/core/l10n.ts. scripts/l10n-core.mjs adds them to
 * l10n/bundle.l10n.json; the unit tests check the bundle and look for prose left outside.
 */
import ts from 'typescript';

export interface Literal {
  text: string;
  /** 1-based */
  line: number;
}

export interface ScannedMessages {
  /** the strings of every `messages({ … })` call, in order */
  catalog: string[];
  /** catalog values that are not plain literals (the extractor cannot read them) */
  computed: Literal[];
  /** every other string literal and template text, outside imports, developer messages and `messages()` */
  others: Literal[];
}

function isMessagesCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'messages';
}

/** `new Error(…)` and `problems.push(…)`: messages for developers and the content build. */
function isDeveloperMessage(node: ts.Node): boolean {
  if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const target = node.expression.expression;
  return /^(push|add)$/.test(node.expression.name.text) && /problems$/i.test(ts.isPropertyAccessExpression(target) ? target.name.text : target.getText());
}

/**
 * Literals no one reads: a `case` label or a side of `===` / `!==` (a key name, a kind), and
 * the value of a `class` or `className` (CSS classes).
 */
function isNeverShown(node: ts.Node): boolean {
  let p = node.parent;
  // either branch of `a ? 'x' : 'y'` goes where the whole goes
  while ((ts.isConditionalExpression(p) && p.condition !== node) || ts.isParenthesizedExpression(p)) {
    node = p;
    p = p.parent;
  }
  if (ts.isCaseClause(p) && p.expression === node) return true;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind)) return true;
  if (ts.isPropertyAssignment(p) && p.initializer === node && /^(class|className)$/.test(p.name.getText())) return true;
  return ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === node && /\.className$/.test(p.left.getText());
}

export interface ScanOptions {
  /**
   * `problems.push(…)` and errors of a kind of their own (`new UsageError(…)`) are for the
   * user too (workspace glossaries, the CLI): only a plain `new Error(…)`, an internal fault,
   * is skipped as a developer message.
   */
  strict?: boolean;
}

export function scanMessages(fileName: string, text: string, options: ScanOptions = {}): ScannedMessages {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: ScannedMessages = { catalog: [], computed: [], others: [] };
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || (options.strict ? ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Error' : isDeveloperMessage(node))) return;
    if (isMessagesCall(node)) {
      const arg = node.arguments[0];
      if (!arg || !ts.isObjectLiteralExpression(arg)) {
        out.computed.push({ text: node.getText(source), line: lineOf(node) });
        return;
      }
      for (const p of arg.properties) {
        if (ts.isPropertyAssignment(p) && (ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer))) out.catalog.push(p.initializer.text);
        else out.computed.push({ text: p.getText(source), line: lineOf(p) });
      }
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      // keys of object literals and of element accesses are names, not words shown
      if (!(ts.isPropertyAssignment(node.parent) && node.parent.name === node) && !isNeverShown(node)) out.others.push({ text: node.text, line: lineOf(node) });
    } else if (ts.isTemplateExpression(node)) {
      if (isNeverShown(node)) return;
      out.others.push({ text: node.head.text, line: lineOf(node) });
      for (const span of node.templateSpans) out.others.push({ text: span.literal.text, line: lineOf(span) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}
