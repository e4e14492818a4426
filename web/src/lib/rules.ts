// Checks a form makes before sending, from the limits the services publish in their OpenAPI
// documents (src/api/rules.ts is generated from them): the form says why beside the field
// instead of sending what the API would refuse.
import { rules } from "../api/rules";

type Rule = {
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly required?: boolean;
  readonly enum?: readonly string[];
};

export function ruleFor(schema: keyof typeof rules, field: string): Rule {
  const fields = rules[schema] as unknown as Record<string, Rule>;
  return fields[field] ?? {};
}

/** Why `value` would be refused for `field` of `schema`, or null when it is fine. */
export function problemWith(
  schema: keyof typeof rules,
  field: string,
  value: string,
  label: string,
): string | null {
  const rule = ruleFor(schema, field);
  const text = value.trim();
  if (!text) return rule.required ? `${label} is required.` : null;
  if (rule.maxLength !== undefined && text.length > rule.maxLength) {
    return `${label} has at most ${rule.maxLength} characters.`;
  }
  if (rule.minLength !== undefined && text.length < rule.minLength) {
    return `${label} has at least ${rule.minLength} characters.`;
  }
  if (rule.pattern && !new RegExp(rule.pattern).test(text)) {
    return `${label} may hold letters, digits and . / # - (starting with a letter or digit).`;
  }
  if (rule.enum && !rule.enum.includes(text)) return `${label} must be one of ${rule.enum.join(", ")}.`;
  return null;
}

export function choicesOf(schema: keyof typeof rules, field?: string): readonly string[] {
  const entry = rules[schema] as unknown as Rule & Record<string, Rule>;
  return (field ? entry[field]?.enum : entry.enum) ?? [];
}
