/**
 * A tiny XML writer for documents whose element order a schema fixes: an element is
 * `[name, attributes?, ...children]`, a child a string (text) or another element; `undefined`
 * children are skipped, so optional elements read as they are in the XSD.
 */
export type XmlNode = string | XmlElement | undefined | false;
export type XmlElement = [name: string, attributes: Record<string, string> | null, ...children: XmlNode[]];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function render(node: XmlElement, indent: string, out: string[]): void {
  const [name, attributes, ...children] = node;
  const attrs = attributes ? Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('') : '';
  const present = children.filter((c): c is string | XmlElement => c !== undefined && c !== false);
  if (present.length === 0) {
    out.push(`${indent}<${name}${attrs}/>`);
  } else if (present.every((c) => typeof c === 'string')) {
    out.push(`${indent}<${name}${attrs}>${escapeXml(present.join(''))}</${name}>`);
  } else {
    out.push(`${indent}<${name}${attrs}>`);
    for (const child of present) {
      if (typeof child === 'string') out.push(`${indent}  ${escapeXml(child)}`);
      else render(child, `${indent}  `, out);
    }
    out.push(`${indent}</${name}>`);
  }
}

/** The document as UTF-8 XML text with a declaration, two-space indents and a final newline. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, '', out);
  return `${out.join('\n')}\n`;
}

/** `[name, null, text]` when the text is present, else nothing. */
export function leaf(name: string, text: string | number | undefined | null): XmlElement | undefined {
  return text === undefined || text === null ? undefined : [name, null, String(text)];
}
