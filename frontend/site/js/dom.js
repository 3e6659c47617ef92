// Building DOM nodes. Text always goes in as text; the one way in for HTML is trustedHtml().

/** Children that are there: null, undefined and false are left out (0 and '' are kept). */
function present(children) {
  return children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false);
}

/**
 * h('a', { href: '/', class: 'x' }, 'text', child) — attributes are set as attributes (or as
 * listeners for on* names); strings become text nodes; absent children are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...present(children));
  return element;
}

/** Replaces the children of `parent`. */
export function show(parent, ...children) {
  parent.replaceChildren(...present(children));
}

/**
 * The only place HTML is parsed: article bodies, which the API has sanitised against an
 * allow-list on the way in. A <template> keeps scripts inert and images unloaded until adopted.
 */
export function trustedHtml(sanitisedHtml) {
  const template = document.createElement('template');
  template.innerHTML = sanitisedHtml;
  return template.content;
}
