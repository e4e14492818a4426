// TypeScript types of every service's API, generated from the OpenAPI documents the services
// publish (web/openapi/<service>.json, written by `python -m cobalt_devstack.frontend api`),
// and src/api/rules.ts: each request field's limits and each enumeration, as the services
// state them, so forms check what the API will check and lists offer what the API accepts.
// Usage: node scripts/api-types.mjs [openapi folder] [output folder]
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { join, basename } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";

const source = process.argv[2] ?? "openapi";
const target = process.argv[3] ?? "src/api";
const HEADER = (what) =>
  `// Generated from ${what} by scripts/api-types.mjs.\n` +
  "// Do not edit: run `python -m cobalt_devstack.frontend api`.\n\n";
const KEPT = ["maxLength", "minLength", "pattern", "enum", "maximum", "minimum", "maxItems"];

function rulesOf(schema) {
  const fields = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const options = property.anyOf ?? [property];
    const rule = {};
    for (const option of options) {
      for (const key of KEPT) if (option[key] !== undefined) rule[key] = option[key];
    }
    if ((schema.required ?? []).includes(name)) rule.required = true;
    if (Object.keys(rule).length) fields[name] = rule;
  }
  return fields;
}

await mkdir(target, { recursive: true });
const rules = {};
for (const file of (await readdir(source)).filter((f) => f.endsWith(".json")).sort()) {
  const name = basename(file, ".json");
  const document = JSON.parse(await readFile(join(source, file), "utf8"));
  const ast = await openapiTS(document, { alphabetize: true, defaultNonNullable: false });
  await writeFile(join(target, `${name}.ts`), HEADER(`web/openapi/${file}`) + astToString(ast));
  for (const [schemaName, schema] of Object.entries(document.components?.schemas ?? {})) {
    const fields = rulesOf(schema);
    if (schema.enum) rules[schemaName] = { enum: schema.enum };
    else if (Object.keys(fields).length) rules[schemaName] = { ...(rules[schemaName] ?? {}), ...fields };
  }
}
const sorted = Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b)));
await writeFile(
  join(target, "rules.ts"),
  HEADER("every web/openapi/*.json") +
    "export const rules = " +
    JSON.stringify(sorted, null, 2) +
    " as const;\n",
);
