import Mustache from 'mustache'

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** XML escaping for `{{value}}`; `{{{value}}}` inserts markup as is. */
export function escapeXml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => entities[char] ?? char)
}

/**
 * Fill a template (Mustache: logic-less, so a book's own override cannot run
 * code). Throws when the template is missing, naming it.
 */
export function fill(templates: ReadonlyMap<string, string>, name: string, view: object): string {
  const template = templates.get(name)
  if (template === undefined) throw new Error(`Unexpected missing template \`${name}\`, expected it in templates/`)
  return Mustache.render(template, view, Object.fromEntries(templates), { escape: escapeXml })
}
