/** A file name from a term: lower case words joined by `-`. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'entry'
  );
}

/** The text "New Glossary Entry…" writes: a complete entry to fill in. */
export function newEntryText(name: string): string {
  const id = slug(name);
  const title = JSON.stringify(name.trim().replace(/\s+/g, ' '));
  return `---
id: team.${id}
title: ${title}
kind: concept
summary: One sentence that says what this is, ending with a full stop.
aliases: [${title}]
related: []
sources:
  - { title: Where this is documented, url: "https://example.com/replace-with-your-page" }
---
What a newcomer needs to know, in two to six short paragraphs.
`;
}
