/** A tiny element builder: the page builds everything with text nodes, never with innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string | null | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

export function $(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node;
}

/** Makes invisible changes visible: a removed space or a changed line break must still be seen. */
export function visible(text: string): string {
  if (text === '') return '∅';
  return text.replace(/ /g, '␣').replace(/\u00a0/g, '⍽').replace(/\n/g, '↵').replace(/\t/g, '⇥');
}
