import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

import ts from "typescript";

/**
 * A lint rule as a test helper: finds writes whose answer could outlive a failed commit
 * (returned-row.ts explains why). In TypeScript source it reports, as `path:line: what`,
 *  - a `.returning(…)` whose result is not read by `.all()` or passed to `returnedRow(…)`
 *    (so `.get()`, `.prepare()`, `await`, `.execute()`, or a variable read later);
 *  - raw SQL that writes with RETURNING and is read with `.get()`: `db.get(sql\`… returning id\`)`,
 *    `prepare("INSERT … RETURNING id").get()`, or `.get()` on a variable holding that statement.
 */
export function findUnsafeWrites(fileName: string, text: string): string[] {
  // Every finding involves the word; most files need no parsing.
  if (!/returning/i.test(text)) return [];
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const report = (node: ts.Node, what: string) =>
    found.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const rawWrites = new Set<string>();
  const rawGets: ts.Identifier[] = [];

  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "returning" &&
      !isReadSafely(node)
    ) {
      report(node.expression.name, ".returning(…) must be read with returnedRow(…) or .all(), never .get()");
    }
    if (isRawWriteReturning(node, source)) {
      const use = rawUseOf(node);
      if (use.kind === "get")
        report(
          node,
          "raw SQL with RETURNING read with .get(): use .all(), or drizzle's .returning(…) and returnedRow(…)",
        );
      if (use.kind === "variable") rawWrites.add(use.name);
    }
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "get" &&
      ts.isIdentifier(node.expression.expression)
    ) {
      rawGets.push(node.expression.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const name of rawGets)
    if (rawWrites.has(name.text)) report(name, `raw SQL with RETURNING read with .get() (${name.text}): use .all()`);
  return found.sort((a, b) => lineOf(a) - lineOf(b));
}

const lineOf = (finding: string) => Number(finding.split(":")[1]);

function isRawWriteReturning(node: ts.Node, source: ts.SourceFile): boolean {
  return (
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) &&
    /\b(insert|update|delete|replace)\b[\s\S]*\breturning\b/i.test(node.getText(source))
  );
}

/** How a raw SQL literal is run: read with `.get()`, kept in a variable, or something else (safe). */
function rawUseOf(literal: ts.Node): { kind: "get" } | { kind: "variable"; name: string } | { kind: "other" } {
  const holder = ts.isTaggedTemplateExpression(literal.parent) ? literal.parent : literal;
  const call = holder.parent;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return { kind: "other" };
  const method = call.expression.name.text;
  if (method === "get") return { kind: "get" };
  if (method !== "prepare") return { kind: "other" };
  const after = call.parent;
  if (ts.isPropertyAccessExpression(after) && after.name.text === "get") return { kind: "get" };
  if (ts.isVariableDeclaration(after) && ts.isIdentifier(after.name))
    return { kind: "variable", name: after.name.text };
  return { kind: "other" };
}

/** `x.returning(…).all()` or `returnedRow(x.returning(…))`. */
function isReadSafely(call: ts.CallExpression): boolean {
  const parent = call.parent;
  if (
    ts.isPropertyAccessExpression(parent) &&
    parent.name.text === "all" &&
    ts.isCallExpression(parent.parent) &&
    parent.parent.expression === parent
  )
    return true;
  return (
    ts.isCallExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    parent.expression.text === "returnedRow" &&
    parent.arguments.includes(call)
  );
}

const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".turbo", "test-results", "coverage"]);

/** Every .ts/.tsx/.mts file under `folders` of `root`, as paths relative to `root`. */
export function listSourceFiles(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name));
      } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.push(relative(root, join(dir, entry.name)));
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files;
}

/** findUnsafeWrites over every source file under `folders` of `root`, except `except` (relative paths). */
export function scanForUnsafeWrites(
  root: string,
  folders: readonly string[],
  except: readonly string[] = [],
): string[] {
  return listSourceFiles(root, folders)
    .filter((file) => !except.includes(file))
    .flatMap((file) => findUnsafeWrites(file, readFileSync(join(root, file), "utf8")));
}
